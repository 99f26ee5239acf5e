//! The gateway's services (open-api.md §4): Inquiry, Payment,
//! SinglePayment, Check-Status, the price lists and the active products.
//! Money moves in the same database transaction that records the payment;
//! a payment that fails at the biller is refunded exactly once.

use super::rc::text_of;
use super::signon::field;
use super::{Env, Merchant};
use crate::billers::{sandbox::Sandbox, Bill, BillRequest, Biller, BillerError, PayOutcome, PayRequest};
use crate::entity::partner_product::{self, Entity as PartnerProduct};
use crate::entity::product::{self, Entity as Product};
use crate::entity::transaction::{self, Entity as Transaction};
use crate::error::{is_unique_violation, Error, Result};
use crate::ledger::{self, Kind, Movement};
use crate::AppState;
use chrono::Utc;
use domain::{FieldError, Problem};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, TransactionTrait};
use serde_json::{json, Value};
use std::time::Duration;
use uuid::Uuid;

/// How long a biller may take before the payment counts as pending.
const BILLER_TIMEOUT: Duration = Duration::from_secs(30);

/// An amount as clients send it: `"000000003000"`, `"3000"` or `3000`.
pub fn amount(v: Option<&Value>) -> Option<i64> {
    match v? {
        Value::Number(n) => n.as_i64().filter(|n| *n >= 0),
        Value::String(s) => {
            let s = s.trim();
            (!s.is_empty() && s.len() <= 15 && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok())?
        }
        _ => None,
    }
}

/// Amounts always go out as 12-digit zero-padded strings.
pub fn padded(n: i64) -> String {
    format!("{n:012}")
}

/// The common answer: rc, its text, the echoes, and `data`.
pub fn envelope(rc: &str, body: &Value, data: Value) -> Value {
    let mut v = json!({ "rc": rc, "description": text_of(rc) });
    for key in ["productID", "customerID", "referenceID"] {
        if let Some(x) = body.get(key) {
            v[key] = x.clone();
        }
    }
    v["data"] = data;
    v
}

fn required(body: &Value, names: &[&str]) -> Result<Vec<String>> {
    let mut errs = Vec::new();
    let mut out = Vec::new();
    for n in names {
        match field(body, n).filter(|v| !v.is_empty() && v.len() <= 40) {
            Some(v) => out.push(v),
            None => errs.push(FieldError::new(n, Problem::Required)),
        }
    }
    if errs.is_empty() {
        Ok(out)
    } else {
        Err(Error::Invalid(errs))
    }
}

/// The biller of a product in an environment. Development is always the
/// sandbox; production billers are configured per biller code, and none is
/// yet (rc 18 "Switching hulu belum registrasi").
fn biller_for(env: Env, _p: &product::Model) -> Option<Box<dyn Biller>> {
    match env {
        Env::Development => Some(Box::new(Sandbox)),
        Env::Production => None,
    }
}

/// The product if this merchant may use it here, else the rc to answer.
async fn usable_product(
    db: &impl ConnectionTrait,
    m: &Merchant,
    code: &str,
    flow: &str,
) -> Result<std::result::Result<product::Model, &'static str>> {
    let Some(p) = Product::find_by_id(code.to_owned()).one(db).await? else { return Ok(Err("15")) };
    match p.status.as_str() {
        "aktif" => {}
        "maintenance" => return Ok(Err("38")),
        _ => return Ok(Err("15")),
    }
    if p.flow != flow {
        return Ok(Err("41"));
    }
    if m.env == Env::Production {
        let allowed = PartnerProduct::find_by_id((m.user_id, p.code.clone())).one(db).await?.is_some();
        if !allowed {
            return Ok(Err("41"));
        }
    }
    Ok(Ok(p))
}

/// This merchant's transactions of this environment with `reference`.
fn by_reference(m: &Merchant, reference: &str) -> sea_orm::Select<Transaction> {
    Transaction::find()
        .filter(transaction::Column::UserId.eq(m.user_id))
        .filter(transaction::Column::Environment.eq(m.env.code()))
        .filter(transaction::Column::ReferenceId.eq(reference))
}

async fn find_trx(
    db: &impl ConnectionTrait,
    m: &Merchant,
    reference: &str,
    kind: &str,
) -> Result<Option<transaction::Model>> {
    Ok(by_reference(m, reference).filter(transaction::Column::Kind.eq(kind)).one(db).await?)
}

async fn reference_used(db: &impl ConnectionTrait, m: &Merchant, reference: &str) -> Result<bool> {
    Ok(by_reference(m, reference).one(db).await?.is_some())
}

fn bill_data(customer: &str, bill: &Bill, admin: i64) -> Value {
    json!({
        "idPelanggan": customer,
        "nama": bill.name,
        "tagihan": padded(bill.tagihan),
        "admin": padded(admin),
        "total": padded(bill.tagihan + admin),
        "periode": bill.periode,
    })
}

/// `POST /Services/Inquiry`.
pub async fn inquiry(state: &AppState, m: &Merchant, body: &Value) -> Result<Value> {
    let [product_code, customer, reference] = three(required(body, &["productID", "customerID", "referenceID"])?)?;
    let p = match usable_product(&state.db, m, &product_code, "dual").await? {
        Ok(p) => p,
        Err(rc) => return Ok(envelope(rc, body, json!({}))),
    };
    if reference_used(&state.db, m, &reference).await? {
        return Err(Error::Refused(Problem::DuplicateReference));
    }
    let Some(biller) = biller_for(m.env, &p) else { return Ok(envelope("18", body, json!({}))) };
    let req =
        BillRequest { product_code: p.code.clone(), customer_id: customer.clone(), periode: field(body, "periode") };
    let bill = match tokio::time::timeout(BILLER_TIMEOUT, biller.inquiry(&req)).await {
        Ok(Ok(bill)) => bill,
        Ok(Err(e)) => return Ok(envelope(e.rc(), body, json!({}))),
        Err(_) => return Ok(envelope(BillerError::Timeout.rc(), body, json!({}))),
    };
    let admin = p.admin_fee + p.partner_fee;
    let data = bill_data(&customer, &bill, admin);
    let now = Utc::now();
    let row = transaction::ActiveModel {
        id: Set(Uuid::now_v7()),
        user_id: Set(m.user_id),
        environment: Set(m.env.code().into()),
        kind: Set("inquiry".into()),
        product_code: Set(p.code.clone()),
        customer_id: Set(customer),
        reference_id: Set(reference),
        status: Set("inquired".into()),
        rc: Set("00".into()),
        tagihan: Set(bill.tagihan),
        admin: Set(admin),
        total: Set(bill.tagihan + admin),
        data: Set(data.to_string()),
        biller_ref: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        final_at: Set(None),
    };
    Transaction::insert(row).exec(&state.db).await.map_err(|e| {
        if is_unique_violation(&e) {
            Error::Refused(Problem::DuplicateReference)
        } else {
            e.into()
        }
    })?;
    Ok(envelope("00", body, data))
}

fn three(v: Vec<String>) -> Result<[String; 3]> {
    <[String; 3]>::try_from(v).map_err(|_| Error::Refused(Problem::Required))
}

/// The amounts of a payment request (rc 02 when missing or not numbers).
fn amounts(body: &Value) -> Result<(i64, i64, i64)> {
    let get = |k: &str| amount(body.get(k)).ok_or_else(|| FieldError::new(k, Problem::AmountInvalid));
    match (get("tagihan"), get("admin"), get("total")) {
        (Ok(t), Ok(a), Ok(s)) => Ok((t, a, s)),
        (t, a, s) => Err(Error::Invalid([t.err(), a.err(), s.err()].into_iter().flatten().collect())),
    }
}

/// `POST /Services/Payment`: pays what an inquiry with the same
/// referenceID found, for exactly its amounts.
pub async fn payment(state: &AppState, m: &Merchant, body: &Value) -> Result<Value> {
    let [product_code, customer, reference] = three(required(body, &["productID", "customerID", "referenceID"])?)?;
    let (tagihan, admin, total) = amounts(body)?;
    let p = match usable_product(&state.db, m, &product_code, "dual").await? {
        Ok(p) => p,
        Err(rc) => return Ok(envelope(rc, body, json!({}))),
    };
    let Some(inq) = find_trx(&state.db, m, &reference, "inquiry").await? else {
        return Ok(envelope("61", body, json!({})));
    };
    if inq.product_code != p.code || inq.customer_id != customer {
        return Ok(envelope("61", body, json!({})));
    }
    if (inq.tagihan, inq.admin, inq.total) != (tagihan, admin, total) || tagihan + admin != total {
        return Ok(envelope("70", body, json!({})));
    }
    pay(state, m, body, &p, &customer, &reference, (tagihan, admin, total)).await
}

/// `POST /Services/SinglePayment`: pulsa, data, e-wallet and vouchers at
/// the catalog price, no inquiry.
pub async fn single_payment(state: &AppState, m: &Merchant, body: &Value) -> Result<Value> {
    let [product_code, customer, reference] = three(required(body, &["productID", "customerID", "referenceID"])?)?;
    let (tagihan, admin, total) = amounts(body)?;
    let p = match usable_product(&state.db, m, &product_code, "single").await? {
        Ok(p) => p,
        Err(rc) => return Ok(envelope(rc, body, json!({}))),
    };
    if tagihan != p.price + p.partner_fee {
        return Ok(envelope("42", body, json!({})));
    }
    if admin != 0 || total != tagihan {
        return Ok(envelope("70", body, json!({})));
    }
    pay(state, m, body, &p, &customer, &reference, (tagihan, admin, total)).await
}

/// Records the payment and debits the deposit in one transaction, asks the
/// biller, and settles what it said.
async fn pay(
    state: &AppState,
    m: &Merchant,
    body: &Value,
    p: &product::Model,
    customer: &str,
    reference: &str,
    (tagihan, admin, total): (i64, i64, i64),
) -> Result<Value> {
    if find_trx(&state.db, m, reference, "payment").await?.is_some() {
        return Err(Error::Refused(Problem::DuplicateReference));
    }
    let Some(biller) = biller_for(m.env, p) else { return Ok(envelope("18", body, json!({}))) };
    let id = Uuid::now_v7();
    let now = Utc::now();
    let txn = state.db.begin().await?;
    let row = transaction::ActiveModel {
        id: Set(id),
        user_id: Set(m.user_id),
        environment: Set(m.env.code().into()),
        kind: Set("payment".into()),
        product_code: Set(p.code.clone()),
        customer_id: Set(customer.to_owned()),
        reference_id: Set(reference.to_owned()),
        status: Set("pending".into()),
        rc: Set("71".into()),
        tagihan: Set(tagihan),
        admin: Set(admin),
        total: Set(total),
        data: Set("{}".into()),
        biller_ref: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        final_at: Set(None),
    };
    if let Err(e) = Transaction::insert(row).exec(&txn).await {
        return Err(if is_unique_violation(&e) { Error::Refused(Problem::DuplicateReference) } else { e.into() });
    }
    let debit = Movement {
        user_id: m.user_id,
        env: m.env,
        kind: Kind::Debit,
        amount: -total,
        reference: &format!("trx:{id}"),
        note: Some(&format!("{} {customer}", p.code)),
        actor_name: &m.merchant_id,
    };
    // Short deposit: nothing is written (the transaction rolls back).
    ledger::apply(&txn, &debit).await?;
    txn.commit().await?;
    let req = PayRequest {
        product_code: p.code.clone(),
        customer_id: customer.to_owned(),
        reference_id: reference.to_owned(),
        amount: total,
    };
    let outcome = match tokio::time::timeout(BILLER_TIMEOUT, biller.pay(&req)).await {
        Ok(Ok(o)) => Ok(o),
        Ok(Err(e)) => Err(e),
        Err(_) => Err(BillerError::Timeout),
    };
    // The partner gets this answer now: no callback for it.
    let settled = settle(state, id, outcome, false).await?;
    Ok(answer(&settled, body))
}

/// Applies what the biller said to a pending payment. Only a payment still
/// pending changes (one conditional update), so two workers never refund
/// twice; the refund's ledger reference is unique besides.
pub async fn settle(
    state: &AppState,
    id: Uuid,
    outcome: std::result::Result<PayOutcome, BillerError>,
    notify: bool,
) -> Result<transaction::Model> {
    let (status, rc, data, biller_ref) = match outcome {
        Ok(PayOutcome::Success { data, .. }) => ("success", "00", Some(data), None),
        Ok(PayOutcome::Failed { rc }) => ("failed", rc, None, None),
        Ok(PayOutcome::Pending { biller_ref }) => ("pending", "71", None, Some(biller_ref)),
        Err(BillerError::Declined(rc)) => ("failed", rc, None, None),
        // Unknown at the biller: stays pending for the status worker.
        Err(e) => ("pending", e.rc(), None, None),
    };
    let txn = state.db.begin().await?;
    let now = Utc::now();
    let mut update = Transaction::update_many()
        .col_expr(transaction::Column::Status, Expr::value(status))
        .col_expr(transaction::Column::Rc, Expr::value(rc))
        .col_expr(transaction::Column::UpdatedAt, Expr::value(now))
        .filter(transaction::Column::Id.eq(id))
        .filter(transaction::Column::Status.eq("pending"));
    if status != "pending" {
        update = update.col_expr(transaction::Column::FinalAt, Expr::value(Some(now)));
    }
    if let Some(d) = &data {
        update = update.col_expr(transaction::Column::Data, Expr::value(d.to_string()));
    }
    if let Some(r) = &biller_ref {
        update = update.col_expr(transaction::Column::BillerRef, Expr::value(Some(r.clone())));
    }
    let changed = update.exec(&txn).await?.rows_affected == 1;
    let t = Transaction::find_by_id(id).one(&txn).await?.ok_or(Error::Refused(Problem::NotFound))?;
    if changed && status == "failed" {
        let refund = Movement {
            user_id: t.user_id,
            env: Env::from_code(&t.environment).unwrap_or(Env::Production),
            kind: Kind::Refund,
            amount: t.total,
            reference: &format!("refund:{id}"),
            note: Some(&format!("rc {rc}")),
            actor_name: "system",
        };
        ledger::apply(&txn, &refund).await?;
    }
    // Became final after a pending answer: the partner is told by callback.
    if changed && notify && status != "pending" {
        crate::callbacks::enqueue(&txn, &t).await?;
    }
    txn.commit().await?;
    Ok(t)
}

/// The partner's view of a payment: rc 00 success, the failure rc, or
/// pending (71, or the biller's pending rc).
fn answer(t: &transaction::Model, body: &Value) -> Value {
    let stored: Value = serde_json::from_str(&t.data).unwrap_or_else(|_| json!({}));
    let status_text = match t.status.as_str() {
        "success" => "SUKSES",
        "failed" => "GAGAL",
        _ => "PENDING",
    };
    let mut data = json!({
        "idPelanggan": t.customer_id,
        "noReferensi": t.reference_id,
        "tagihan": padded(t.tagihan),
        "admin": padded(t.admin),
        "total": padded(t.total),
        "harga": padded(t.total),
        "status": status_text,
    });
    if let (Some(obj), Some(extra)) = (data.as_object_mut(), stored.as_object()) {
        for (k, v) in extra {
            obj.entry(k.clone()).or_insert(v.clone());
        }
    }
    envelope(&t.rc, body, data)
}

/// `POST /Services/Check-Status`: the payment as it stands; a pending one
/// is asked of the biller first. rc 00 success, 17 failed, else pending.
pub async fn check_status(state: &AppState, m: &Merchant, body: &Value) -> Result<Value> {
    let reference = required(body, &["referenceID"])?.remove(0);
    let Some(t) = find_trx(&state.db, m, &reference, "payment").await? else {
        return Ok(envelope("19", body, json!({})));
    };
    let t = if t.status == "pending" { poll(state, t).await? } else { t };
    let mut out = answer(&t, body);
    if t.status == "failed" {
        out["rc"] = json!("17");
        out["description"] = json!(text_of("17"));
    }
    Ok(out)
}

/// Asks the biller how a pending payment stands, and settles it.
pub async fn poll(state: &AppState, t: transaction::Model) -> Result<transaction::Model> {
    let env = Env::from_code(&t.environment).unwrap_or(Env::Production);
    let Some(p) = Product::find_by_id(t.product_code.clone()).one(&state.db).await? else { return Ok(t) };
    let Some(biller) = biller_for(env, &p) else { return Ok(t) };
    let req = PayRequest {
        product_code: t.product_code.clone(),
        customer_id: t.customer_id.clone(),
        reference_id: t.reference_id.clone(),
        amount: t.total,
    };
    let biller_ref = t.biller_ref.clone().unwrap_or_default();
    match tokio::time::timeout(BILLER_TIMEOUT, biller.status(&req, &biller_ref)).await {
        Ok(Ok(PayOutcome::Pending { .. })) | Ok(Err(BillerError::Timeout | BillerError::Down(_))) | Err(_) => Ok(t),
        Ok(outcome) => settle(state, t.id, outcome, true).await,
    }
}

/// `POST /Services/getPulsa-Prabayar`: the pulsa of one operator prefix.
pub async fn pulsa_prices(state: &AppState, body: &Value) -> Result<Value> {
    let prefix = required(body, &["prefixID"])?.remove(0);
    let rows = Product::find()
        .filter(product::Column::OperatorPrefix.eq(prefix))
        .filter(product::Column::Category.eq("PULSA"))
        .filter(product::Column::Status.eq("aktif"))
        .order_by_asc(product::Column::Price)
        .all(&state.db)
        .await?;
    let record: Vec<Value> = rows
        .iter()
        .map(|p| json!({ "code": p.code, "name": p.name, "price": (p.price + p.partner_fee).to_string() }))
        .collect();
    Ok(json!({ "rc": "00", "record": record }))
}

/// `POST /Services/getHargaByProductID`: the prices of one category.
pub async fn category_prices(state: &AppState, body: &Value) -> Result<Value> {
    let category = required(body, &["prefixID"])?.remove(0);
    let rows = Product::find()
        .filter(product::Column::Category.eq(category.to_uppercase()))
        .order_by_asc(product::Column::Code)
        .all(&state.db)
        .await?;
    let record: Vec<Value> = rows
        .iter()
        .map(|p| {
            json!({
                "code": p.code,
                "name": p.name,
                "price": (p.price + p.partner_fee).to_string(),
                "status": p.status.to_uppercase(),
            })
        })
        .collect();
    Ok(json!({ "rc": "00", "record": record }))
}

/// `POST /Services/get-Active-Product`: one comma-separated string.
pub async fn active_products(state: &AppState, m: &Merchant) -> Result<Value> {
    let codes: Vec<String> = match m.env {
        Env::Development => Product::find()
            .filter(product::Column::Status.eq("aktif"))
            .order_by_asc(product::Column::Code)
            .all(&state.db)
            .await?
            .into_iter()
            .map(|p| p.code)
            .collect(),
        Env::Production => PartnerProduct::find()
            .filter(partner_product::Column::UserId.eq(m.user_id))
            .order_by_asc(partner_product::Column::ProductCode)
            .all(&state.db)
            .await?
            .into_iter()
            .map(|p| p.product_code)
            .collect(),
    };
    Ok(json!({ "rc": "00", "active": codes.join(",") }))
}

/// The H+1 reconciliation of one WIB day (`YYYY-MM-DD`): every payment of
/// that day still pending is asked of its biller once more; what is still
/// not final is closed as failed (rc 17) and refunded, and the partner is
/// called back. Safe to re-run: settled payments are left alone.
pub async fn reconcile_day(state: &AppState, day: &str) -> Result<ReconcileOut> {
    let start = chrono::NaiveDate::parse_from_str(day.trim(), "%Y-%m-%d")
        .map_err(|_| Error::field("day", Problem::Required))?
        .and_time(chrono::NaiveTime::MIN);
    let wib = chrono::FixedOffset::east_opt(7 * 3600).unwrap_or_else(|| unreachable!());
    let from = chrono::TimeZone::from_local_datetime(&wib, &start)
        .single()
        .map(|d| d.with_timezone(&Utc))
        .ok_or(Error::field("day", Problem::Required))?;
    let to = from + chrono::Duration::days(1);
    if to > Utc::now() {
        // Only a day that is over can be reconciled.
        return Err(Error::field("day", Problem::TooSoon));
    }
    let rows = Transaction::find()
        .filter(transaction::Column::Kind.eq("payment"))
        .filter(transaction::Column::Status.eq("pending"))
        .filter(transaction::Column::CreatedAt.gte(from))
        .filter(transaction::Column::CreatedAt.lt(to))
        .all(&state.db)
        .await?;
    let mut out = ReconcileOut { day: day.trim().to_owned(), ..ReconcileOut::default() };
    for t in rows {
        let id = t.id;
        let t = poll(state, t).await?;
        let t =
            if t.status == "pending" { settle(state, id, Ok(PayOutcome::Failed { rc: "17" }), true).await? } else { t };
        match t.status.as_str() {
            "success" => out.succeeded += 1,
            _ => out.failed += 1,
        }
    }
    tracing::info!(day = %out.day, succeeded = out.succeeded, failed = out.failed, "reconciliation done");
    Ok(out)
}

/// What a reconciliation run closed.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ReconcileOut {
    pub day: String,
    pub succeeded: u64,
    pub failed: u64,
}

/// The payments still pending, oldest first (for the status worker).
pub async fn pending(db: &impl ConnectionTrait, limit: u64) -> Result<Vec<transaction::Model>> {
    use sea_orm::QuerySelect;
    Ok(Transaction::find()
        .filter(transaction::Column::Kind.eq("payment"))
        .filter(transaction::Column::Status.eq("pending"))
        .order_by_asc(transaction::Column::CreatedAt)
        .limit(limit)
        .all(db)
        .await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_come_padded_unpadded_or_as_integers() {
        assert_eq!(amount(Some(&json!("000000003000"))), Some(3000));
        assert_eq!(amount(Some(&json!("3000"))), Some(3000));
        assert_eq!(amount(Some(&json!(3000))), Some(3000));
        assert_eq!(amount(Some(&json!("-3"))), None);
        assert_eq!(amount(Some(&json!("3.000"))), None);
        assert_eq!(amount(Some(&json!(-1))), None);
        assert_eq!(amount(None), None);
        assert_eq!(padded(3000), "000000003000");
    }
}
