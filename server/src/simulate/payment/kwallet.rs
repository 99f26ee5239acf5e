//! K-Wallet of the simulated payment service. As in the seed's examples,
//! the service's books call money *into* a wallet "debit" and money *out*
//! "credit"; `history_transaction`'s `transaction` and `reconcile`'s `data`
//! are JSON written as strings; `transfer_to_account` answers `stutas`; a
//! second refund of an order fails with "refund existing, …".

use super::{amount, fail, field, lock, wib_now, Sim};
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Json, Router};
use serde_json::{json, Value};
use std::collections::HashMap;
use std::sync::Arc;

/// The banks a member gets a VA at, with the prefix of its numbers and fee.
const VA_BANKS: &[(&str, &str, &str)] = &[
    ("002", "124839", "0.00"),
    ("008", "892089", "0.00"),
    ("011", "962891", "0.00"),
    ("013", "862091", "0.00"),
    ("014", "449059", "0.00"),
    ("016", "781319", "0.00"),
    ("022", "807991", "3000.00"),
    ("451", "991214", "0.00"),
];

#[derive(Debug, Clone)]
struct Line {
    debit: i64,
    credit: i64,
    description: String,
    balance: i64,
    datetime: String,
}

impl Line {
    fn json(&self) -> Value {
        json!({
            "credit": format!("{}.00", self.credit), "debit": format!("{}.00", self.debit),
            "description": self.description, "balance": format!("{}.00", self.balance), "datetime": self.datetime,
        })
    }
}

#[derive(Debug, Default)]
struct Member {
    number: u64,
    saldo: i64,
    lines: Vec<Line>,
}

#[derive(Debug, Clone)]
struct Paid {
    id_member: String,
    id_trans: u64,
    line: Line,
    refunded: Option<String>,
}

#[derive(Default)]
pub(super) struct Wallets {
    members: HashMap<String, Member>,
    paid: HashMap<String, Paid>,
    serial: u64,
}

impl Wallets {
    fn book(&mut self, id_member: &str, debit: i64, credit: i64, description: &str) -> Result<Line, String> {
        let member = self.members.get_mut(id_member).ok_or_else(|| format!("ID Member {id_member} not found!"))?;
        if member.saldo + debit - credit < 0 {
            return Err(format!("Saldo ID Member {id_member} tidak cukup!"));
        }
        member.saldo += debit - credit;
        let line = Line { debit, credit, description: description.into(), balance: member.saldo, datetime: wib_now() };
        member.lines.push(line.clone());
        Ok(line)
    }

    fn va_of(number: u64, prefix: &str) -> String {
        format!("{prefix}{number:010}")
    }
}

pub(super) fn routes() -> Router<Arc<Sim>> {
    Router::new()
        .route("/api/kwallet/register_va", post(register_va))
        .route("/api/kwallet/check_saldo", post(check_saldo))
        .route("/api/kwallet/history_transaction", post(history))
        .route("/api/kwallet/transfer_to_account", post(transfer))
        .route("/api/kwallet/voucher_saldo", post(voucher))
        .route("/api/kwallet/voucher_saldo_kwallet", post(voucher))
        .route("/api/kwallet/pay", post(pay))
        .route("/api/kwallet/reconcile/reconcile", post(reconcile))
        .route("/api/kwallet/reconcile", post(reconcile))
        .route("/api/escrow/refund", post(refund))
        .route("/api/escrow/refund-accept", post(refund_accept))
}

fn ok(message: String) -> Response {
    Json(json!({ "status": "success", "message": message })).into_response()
}

type Call = (State<Arc<Sim>>, HeaderMap, Json<Value>);

/// Runs `f` on the wallets when the call carries a valid token.
fn with_wallets(call: Call, f: impl FnOnce(&mut Wallets, &Value) -> Response) -> Response {
    let (State(sim), headers, Json(v)) = call;
    if let Some(refused) = sim.refuse(&headers) {
        return refused;
    }
    let mut wallets = lock(&sim.wallets);
    f(&mut wallets, &v)
}

async fn register_va(s: State<Arc<Sim>>, h: HeaderMap, b: Json<Value>) -> Response {
    with_wallets((s, h, b), |w, v| {
        let id = field(v, "id_member");
        if id.is_empty() {
            return fail("id_member is required");
        }
        // From the member id: the same VAs for a member across restarts.
        let next = id.bytes().fold(58u64, |h, b| h.wrapping_mul(131).wrapping_add(u64::from(b))) % 10_000_000_000;
        let number = w.members.entry(id.clone()).or_insert_with(|| Member { number: next, ..Member::default() }).number;
        let expiry = (chrono::Utc::now() + chrono::Duration::days(3))
            .with_timezone(&backend::infra::wib::offset())
            .format("%Y-%m-%d %H:%M:%S")
            .to_string();
        let data: serde_json::Map<String, Value> = VA_BANKS
            .iter()
            .map(|(bank, prefix, fee)| {
                let va = json!({
                    "fee": fee, "total_amount": fee, "bank_code": bank, "expiry_date_time": expiry,
                    "error_message": "Success", "error_code": "00", "amount": 0,
                    "va_number": Wallets::va_of(number, prefix), "description": "",
                });
                ((*bank).to_owned(), va)
            })
            .collect();
        let rq_uuid = format!("{id}-{}", chrono::Utc::now().format("%Y%m%d%H%M%S"));
        Json(json!({ "status": "success", "message": "VA will be success Created!", "data": data,
            "date": wib_now(), "rq_uuid": rq_uuid }))
        .into_response()
    })
}

async fn check_saldo(s: State<Arc<Sim>>, h: HeaderMap, b: Json<Value>) -> Response {
    with_wallets((s, h, b), |w, v| match w.members.get(&field(v, "id_member")) {
        Some(m) => Json(json!({ "status": "success", "message": "Saldo berhasil ditampilkan!",
            "last_saldo": format!("{}.00", m.saldo) }))
        .into_response(),
        None => fail("ID Member not found!"),
    })
}

async fn history(s: State<Arc<Sim>>, h: HeaderMap, b: Json<Value>) -> Response {
    with_wallets((s, h, b), |w, v| {
        let Some(m) = w.members.get(&field(v, "id_member")) else { return fail("ID Member not found!") };
        let (start, end) = (field(v, "startdate"), field(v, "enddate"));
        let within = |l: &&Line| {
            let day = l.datetime.get(..10).unwrap_or_default();
            (start.is_empty() || day >= start.as_str()) && (end.is_empty() || day <= end.as_str())
        };
        let lines: Vec<Value> = m.lines.iter().filter(within).map(Line::json).collect();
        // JSON inside JSON, as the seed prints it.
        let transaction = Value::Array(lines).to_string();
        Json(json!({ "status": "success", "message": "Saldo berhasil ditampilkan!", "transaction": transaction }))
            .into_response()
    })
}

async fn transfer(s: State<Arc<Sim>>, h: HeaderMap, b: Json<Value>) -> Response {
    with_wallets((s, h, b), |w, v| {
        let (from, to, sum) = (field(v, "id_member_send"), field(v, "id_member_receipt"), amount(v, "amount"));
        if sum <= 0 || !w.members.contains_key(&to) {
            return Json(json!({ "stutas": "fail", "message": "Transfer ditolak!" })).into_response();
        }
        let description = field(v, "description");
        if let Err(message) = w.book(&from, 0, sum, &description) {
            return Json(json!({ "stutas": "fail", "message": message })).into_response();
        }
        let _ = w.book(&to, sum, 0, &description);
        Json(json!({ "stutas": "success", "message": format!("Payment transfer {from} to account {to}!") }))
            .into_response()
    })
}

async fn voucher(s: State<Arc<Sim>>, h: HeaderMap, b: Json<Value>) -> Response {
    with_wallets((s, h, b), |w, v| {
        let (to, sum) = (field(v, "id_member_receipt"), amount(v, "amount"));
        if sum <= 0 || field(v, "voucher_code").is_empty() {
            return fail("voucher_code and amount are required");
        }
        match w.book(&to, sum, 0, &field(v, "description")) {
            Ok(_) => ok(format!("Insert Voucher Saldo {sum} for ID Member {to} Success!")),
            Err(message) => fail(&message),
        }
    })
}

async fn pay(s: State<Arc<Sim>>, h: HeaderMap, b: Json<Value>) -> Response {
    with_wallets((s, h, b), |w, v| {
        let (member, order, sum) = (field(v, "id_member"), field(v, "id_order"), amount(v, "amount"));
        if order.is_empty() || sum <= 0 {
            return fail("id_order and amount are required");
        }
        if w.paid.contains_key(&order) {
            return fail(&format!("ID Order {order} existing!"));
        }
        match w.book(&member, 0, sum, &field(v, "description")) {
            Ok(line) => {
                w.serial += 1;
                let paid = Paid { id_member: member, id_trans: w.serial + 136, line, refunded: None };
                w.paid.insert(order.clone(), paid);
                ok(format!("Payment ID Order {order} Success!"))
            }
            Err(message) => fail(&message),
        }
    })
}

async fn reconcile(s: State<Arc<Sim>>, h: HeaderMap, b: Json<Value>) -> Response {
    with_wallets((s, h, b), |w, v| {
        let order = field(v, "id_order");
        let Some(p) = w.paid.get(&order) else { return fail(&format!("ID Order {order} not found!")) };
        let mut data = p.line.json();
        data["id_member"] = json!(p.id_member);
        data["order_id"] = json!(order);
        data["comm_code"] = json!("SYSTEM");
        data["valuedate"] = json!(p.line.datetime.get(..10).unwrap_or_default());
        Json(json!({ "status": "success", "message": format!("Reconcile ID Order {order} Success!"),
            "data": data.to_string() }))
        .into_response()
    })
}

fn refund_existing(order: &str, p: &Paid) -> Response {
    fail(&format!(
        "refund existing, id_trans:{}, order_id:{order}, member_id:{}, datetime:{}!",
        p.id_trans,
        p.id_member,
        p.refunded.clone().unwrap_or_default()
    ))
}

async fn refund(s: State<Arc<Sim>>, h: HeaderMap, b: Json<Value>) -> Response {
    with_wallets((s, h, b), |w, v| {
        let (order, member) = (field(v, "id_order"), field(v, "id_member"));
        let Some(p) = w.paid.get(&order).filter(|p| p.id_member == member) else {
            return fail(&format!("ID Order {order} not found!"));
        };
        if p.refunded.is_some() {
            return refund_existing(&order, p);
        }
        Json(json!({
            "data": [{ "id_trans": p.id_trans, "description": p.line.description, "id_member": p.id_member,
                "datetime": p.line.datetime, "credit": p.line.credit, "id_order": order }],
            "status": "success",
            "message": "Apakah benar data yang akan direfund?"
        }))
        .into_response()
    })
}

async fn refund_accept(s: State<Arc<Sim>>, h: HeaderMap, b: Json<Value>) -> Response {
    with_wallets((s, h, b), |w, v| {
        let (order, member, trans) = (field(v, "id_order"), field(v, "id_member"), field(v, "id_trans"));
        let Some(p) = w.paid.get(&order).filter(|p| p.id_member == member && p.id_trans.to_string() == trans).cloned()
        else {
            return fail(&format!("ID Order {order} not found!"));
        };
        if p.refunded.is_some() {
            return refund_existing(&order, &p);
        }
        let note = field(v, "note");
        if w.book(&member, p.line.credit, 0, &format!("Refund {order}: {note}")).is_err() {
            return fail("refund failed");
        }
        if let Some(paid) = w.paid.get_mut(&order) {
            paid.refunded = Some(wib_now());
        }
        ok(format!("success refund saldo for member {member}!"))
    })
}

impl Sim {
    /// A transfer into a member's permanent VA lands in its wallet.
    pub(super) fn pay_va(&self, va_number: &str, sum: i64) -> Result<String, String> {
        if sum <= 0 {
            return Err("jumlah harus lebih dari 0".into());
        }
        let mut w = lock(&self.wallets);
        let found = w.members.iter().find_map(|(id, m)| {
            VA_BANKS
                .iter()
                .find(|(_, prefix, _)| Wallets::va_of(m.number, prefix) == va_number)
                .map(|b| (id.clone(), b.0))
        });
        let Some((member, bank)) = found else { return Err(format!("VA {va_number} tidak dikenal")) };
        w.book(&member, sum, 0, &format!("Top up VA {bank} {va_number}"))?;
        Ok(format!("Rp {sum} masuk ke K-Wallet {member}"))
    }
}
