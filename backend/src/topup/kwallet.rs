//! K-Wallet, the payment service's member wallets (seed 003 part 1): one
//! permanent virtual account per bank for a member (`register_va`), its
//! balance, history, transfers, vouchers, payments out of it, reconcile
//! and the escrow refund. Shapes as the seed prints them: `history`'s
//! `transaction` and `reconcile`'s `data` are JSON *strings* inside the
//! JSON (arrays/objects are read too), `transfer_to_account` answers
//! `stutas`, and a second refund fails with "refund existing, …".

use super::service::{PaymentService, ServiceError};
use crate::infra::json::field;
use serde_json::{json, Value};

/// Whole Rupiah of `"2000.00"`, `2000`, `"3000"` (0 when unreadable).
fn rupiah(v: &Value, key: &str) -> i64 {
    crate::infra::json::rupiah(v, key).unwrap_or(0)
}

/// A value that may be JSON written as a string inside the JSON.
fn nested(v: Option<&Value>) -> Value {
    match v {
        Some(Value::String(s)) => serde_json::from_str(s).unwrap_or(Value::Null),
        Some(other) => other.clone(),
        None => Value::Null,
    }
}

/// A member's permanent virtual account at one bank.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VirtualAccount {
    pub bank_code: String,
    pub va_number: String,
    pub fee: i64,
    pub expires: String,
    /// `error_code` "00": created.
    pub ok: bool,
    pub message: String,
}

/// One line of a member's history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryLine {
    pub credit: i64,
    pub debit: i64,
    pub description: String,
    pub balance: i64,
    pub datetime: String,
}

/// What an escrow refund would give back (to confirm with `refund_accept`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refundable {
    pub id_trans: String,
    pub id_order: String,
    pub id_member: String,
    pub credit: i64,
    pub description: String,
    pub datetime: String,
}

impl PaymentService {
    /// `api/kwallet/register_va`: a VA per bank for `id_member`.
    pub async fn register_va(
        &self,
        id_member: &str,
        name: &str,
        hp: &str,
        email: &str,
    ) -> Result<Vec<VirtualAccount>, ServiceError> {
        let body = json!({ "id_member": id_member, "name": name, "hp": hp, "email": email });
        let v = self.call("api/kwallet/register_va", &body).await?;
        let data = v.get("data").and_then(Value::as_object).ok_or(ServiceError::Unreadable)?;
        let mut all: Vec<VirtualAccount> = data
            .iter()
            .map(|(code, va)| VirtualAccount {
                bank_code: Some(field(va, "bank_code")).filter(|c| !c.is_empty()).unwrap_or_else(|| code.clone()),
                va_number: field(va, "va_number"),
                fee: rupiah(va, "fee"),
                expires: field(va, "expiry_date_time"),
                ok: field(va, "error_code") == "00" && !field(va, "va_number").is_empty(),
                message: field(va, "error_message"),
            })
            .collect();
        all.sort_by(|a, b| a.bank_code.cmp(&b.bank_code));
        Ok(all)
    }

    /// `api/kwallet/check_saldo`: the member's balance.
    pub async fn check_saldo(&self, id_member: &str) -> Result<i64, ServiceError> {
        let v = self.call("api/kwallet/check_saldo", &json!({ "id_member": id_member })).await?;
        if field(&v, "last_saldo").is_empty() {
            return Err(ServiceError::Unreadable);
        }
        Ok(rupiah(&v, "last_saldo"))
    }

    /// `api/kwallet/history_transaction` (dates `Y-m-d`, empty for all).
    pub async fn history_transaction(
        &self,
        id_member: &str,
        startdate: &str,
        enddate: &str,
    ) -> Result<Vec<HistoryLine>, ServiceError> {
        let body = json!({ "id_member": id_member, "startdate": startdate, "enddate": enddate });
        let v = self.call("api/kwallet/history_transaction", &body).await?;
        let lines = nested(v.get("transaction"));
        let rows = lines.as_array().ok_or(ServiceError::Unreadable)?;
        Ok(rows
            .iter()
            .map(|l| HistoryLine {
                credit: rupiah(l, "credit"),
                debit: rupiah(l, "debit"),
                description: field(l, "description"),
                balance: rupiah(l, "balance"),
                datetime: field(l, "datetime"),
            })
            .collect())
    }

    /// `api/kwallet/transfer_to_account`: the service's message.
    pub async fn transfer_to_account(
        &self,
        id_member_send: &str,
        amount: i64,
        description: &str,
        id_member_receipt: &str,
    ) -> Result<String, ServiceError> {
        let body = json!({
            "id_member_send": id_member_send,
            "amount": amount.to_string(),
            "description": description,
            "id_member_receipt": id_member_receipt,
        });
        Ok(field(&self.call("api/kwallet/transfer_to_account", &body).await?, "message"))
    }

    /// `api/kwallet/voucher_saldo`: a voucher credited to a member.
    pub async fn voucher_saldo(
        &self,
        voucher_code: &str,
        amount: i64,
        description: &str,
        id_member_receipt: &str,
    ) -> Result<String, ServiceError> {
        let body = json!({
            "voucher_code": voucher_code,
            "amount": amount.to_string(),
            "description": description,
            "id_member_receipt": id_member_receipt,
        });
        Ok(field(&self.call("api/kwallet/voucher_saldo", &body).await?, "message"))
    }

    /// `api/kwallet/pay`: pays `amount` out of the member's wallet for a
    /// unique `id_order`.
    pub async fn pay(
        &self,
        id_member: &str,
        amount: i64,
        id_order: &str,
        description: &str,
    ) -> Result<String, ServiceError> {
        let body = json!({
            "id_member": id_member,
            "amount": amount.to_string(),
            "id_order": id_order,
            "description": description,
        });
        Ok(field(&self.call("api/kwallet/pay", &body).await?, "message"))
    }

    /// `api/kwallet/reconcile/reconcile`: the ledger line of an order that
    /// erred before (its `data`, JSON in a string).
    pub async fn reconcile(&self, id_order: &str) -> Result<HistoryLine, ServiceError> {
        let v = self.call("api/kwallet/reconcile/reconcile", &json!({ "id_order": id_order })).await?;
        let d = nested(v.get("data"));
        if !d.is_object() {
            return Err(ServiceError::Unreadable);
        }
        Ok(HistoryLine {
            credit: rupiah(&d, "credit"),
            debit: rupiah(&d, "debit"),
            description: field(&d, "description"),
            balance: rupiah(&d, "balance"),
            datetime: field(&d, "datetime"),
        })
    }

    /// `api/escrow/refund`: what a refund of the order would give back.
    pub async fn refund(&self, id_order: &str, id_member: &str) -> Result<Vec<Refundable>, ServiceError> {
        let body = json!({ "id_order": id_order, "id_member": id_member });
        let v = self.call("api/escrow/refund", &body).await.map_err(already_refunded)?;
        let rows = v.get("data").and_then(Value::as_array).ok_or(ServiceError::Unreadable)?;
        Ok(rows
            .iter()
            .map(|r| Refundable {
                id_trans: field(r, "id_trans"),
                id_order: field(r, "id_order"),
                id_member: field(r, "id_member"),
                credit: rupiah(r, "credit"),
                description: field(r, "description"),
                datetime: field(r, "datetime"),
            })
            .collect())
    }

    /// `api/escrow/refund-accept`: confirms a refund.
    pub async fn refund_accept(
        &self,
        id_order: &str,
        id_member: &str,
        id_trans: &str,
        note: &str,
    ) -> Result<String, ServiceError> {
        let body = json!({ "id_order": id_order, "id_member": id_member, "id_trans": id_trans, "note": note });
        let v = self.call("api/escrow/refund-accept", &body).await.map_err(already_refunded)?;
        Ok(field(&v, "message"))
    }
}

/// "refund existing, id_trans:…" is its own answer: the money went back before.
fn already_refunded(e: ServiceError) -> ServiceError {
    match e {
        ServiceError::Refused(m) if m.trim_start().to_ascii_lowercase().starts_with("refund existing") => {
            ServiceError::AlreadyRefunded(m)
        }
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_json_is_read_as_a_string_or_as_json() {
        let s = json!({ "transaction": r#"[{"credit": "0.00", "debit": "1000000.00"}]"# });
        assert_eq!(rupiah(&nested(s.get("transaction"))[0], "debit"), 1_000_000);
        let a = json!({ "transaction": [{ "credit": 500000 }] });
        assert_eq!(rupiah(&nested(a.get("transaction"))[0], "credit"), 500_000);
        assert!(nested(Some(&json!("not json"))).is_null());
    }
}
