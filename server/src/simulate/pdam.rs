//! A PDAM billing API speaking seed 004 over real HTTP: JWT header tokens
//! checked (902 wrong, 901 older than an hour, 001 wrong credentials),
//! `billing-inquiry`, `billing-payment` (payment token checked: 100) and
//! `billing-payinfo`, with the seed's mix of numbers and strings.
//!
//! What a customer number does is chosen by its last two digits, from the
//! development sandbox's table where it applies, and:
//! `…02` three months of bills, `…06` no bill, `…91` the first request
//! about it is refused as "token expired" (901).

use axum::extract::{Path, State};
use axum::http::{HeaderMap, Method};
use axum::response::{IntoResponse, Response};
use axum::routing::any;
use axum::{Json, Router};
use backend::billers::pdam::protocol::{self, Code, TokenProblem};
use backend::billers::sandbox::{self, Outcome};
use backend::gateway::rc::Rc;
use serde_json::{json, Value};
use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::net::TcpListener;

/// How the simulator is run (`server simulate pdam --help`).
#[derive(Debug, Clone, clap::Args)]
pub struct Options {
    #[arg(long, default_value = "127.0.0.1:9400")]
    pub listen: String,
    #[arg(long, default_value = "loket-sim")]
    pub user: String,
    #[arg(long, default_value = "rahasia")]
    pub pass: String,
    #[arg(long, default_value = "5")]
    pub kodeloket: String,
    /// The key shared with the PDAM (signs header tokens and payment tokens).
    #[arg(long, default_value = "kunci-pdam-simulator")]
    pub key: String,
    /// Seconds a "no reply" request keeps the connection silent.
    #[arg(long, default_value_t = 65)]
    pub hang_secs: u64,
}

struct Sim {
    opts: Options,
    /// (nosamb, periode) paid, with when and at which counter.
    paid: Mutex<HashMap<(String, String), String>>,
    /// Numbers whose first request was already refused as expired (`…91`).
    expired_once: Mutex<HashSet<String>>,
}

pub async fn run(opts: Options) -> anyhow::Result<()> {
    let listener = TcpListener::bind(&opts.listen).await?;
    println!("  PDAM simulator (seed 004) on http://{}", listener.local_addr()?);
    serve(listener, opts).await
}

pub async fn serve(listener: TcpListener, opts: Options) -> anyhow::Result<()> {
    let sim = Arc::new(Sim { opts, paid: Mutex::new(HashMap::new()), expired_once: Mutex::new(HashSet::new()) });
    let app = Router::new()
        .route("/api/billing-inquiry/{nosamb}/{periode}", any(inquiry))
        .route("/api/billing-payinfo/{nosamb}/{periode}", any(payinfo))
        .route("/api/billing-payment", any(payment))
        .with_state(sim);
    axum::serve(listener, app).await?;
    Ok(())
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

fn reply(code: Code, data: Vec<Value>) -> Response {
    Json(json!({ "status": code.digits(), "message": code.message(), "data": data })).into_response()
}

impl Sim {
    /// The header token's verdict, as the seed's codes.
    fn check_token(&self, headers: &HeaderMap, nosamb: &str) -> Option<Code> {
        let token = headers
            .get(axum::http::header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .unwrap_or_default();
        let claims = match protocol::verify(token.trim(), self.opts.key.as_bytes(), chrono::Utc::now()) {
            Ok(c) => c,
            Err(TokenProblem::Expired) => return Some(Code::TokenExpired),
            Err(TokenProblem::Wrong) => return Some(Code::TokenWrong),
        };
        if claims.user != self.opts.user || claims.pass != self.opts.pass || claims.kodeloket != self.opts.kodeloket {
            return Some(Code::WrongCredentials);
        }
        if nosamb.ends_with("91") && lock(&self.expired_once).insert(nosamb.to_owned()) {
            return Some(Code::TokenExpired);
        }
        None
    }

    /// The checks every endpoint makes first: its method (900), then the
    /// header token (901/902/001).
    fn door(&self, method: &Method, expected: Method, headers: &HeaderMap, nosamb: &str) -> Option<Response> {
        if *method != expected {
            return Some(reply(Code::WrongMethod, vec![]));
        }
        self.check_token(headers, nosamb).map(|code| reply(code, vec![]))
    }

    async fn hang(&self) {
        tokio::time::sleep(Duration::from_secs(self.opts.hang_secs)).await;
    }
}

/// `YYYYMM` minus `n` months.
fn months_before(periode: &str, n: i32) -> String {
    let y: i32 = periode.get(..4).and_then(|s| s.parse().ok()).unwrap_or(2026);
    let m: i32 = periode.get(4..6).and_then(|s| s.parse().ok()).unwrap_or(1);
    let idx = y * 12 + (m - 1) - n;
    format!("{:04}{:02}", idx / 12, idx % 12 + 1)
}

/// One month's bill, in the seed's shape (some numbers as strings).
fn bill(nosamb: &str, periode: &str) -> Value {
    let h = format!("{nosamb}{periode}").bytes().fold(11u64, |h, b| h.wrapping_mul(31).wrapping_add(u64::from(b)));
    let pakai = 8 + (h % 25) as i64;
    let biaya = pakai * 3_750;
    let admin = 10_000;
    let denda = if h % 3 == 0 { 17_000 } else { 0 };
    let rekair = biaya + admin;
    json!({
        "nosamb": nosamb,
        "pelanggan": format!("PELANGGAN {}", nosamb.chars().rev().take(4).collect::<String>().chars().rev().collect::<String>()),
        "alamat": "JL. SIMULATOR NO. 1",
        "periode": periode,
        "kodegol": "RTB",
        "golongan": "RUMAH TANGGA B",
        "stanlalu": format!("{}.000", 100 + h % 50),
        "stanskrg": format!("{}.000", 100 + h % 50 + pakai as u64),
        "stanangkat": "0.000",
        "pakai": format!("{pakai}.000"),
        "biayapemakaian": format!("{biaya}.00"),
        "administrasi": admin.to_string(),
        "pemeliharaan": "0",
        "retribusi": "0",
        "airlimbah": "0",
        "pelayanan": "0",
        "meterai": "0",
        "rekair": rekair,
        "denda": denda.to_string(),
        "biayalain": "0.00",
        "total": rekair + denda,
    })
}

/// The unpaid bills of a number up to `periode`, or the code why none.
fn bills(sim: &Sim, nosamb: &str, periode: &str) -> Result<Vec<Value>, Code> {
    if periode.len() != 6 || !periode.bytes().all(|b| b.is_ascii_digit()) {
        return Err(Code::PeriodNotAvailable);
    }
    match sandbox::outcome_of(nosamb) {
        Outcome::Declined(Rc::WrongCustomerNumber) => return Err(Code::NoCustomer),
        Outcome::Declined(Rc::AlreadyPaid) => return Err(Code::AlreadyPaid),
        Outcome::Declined(_) => return Err(Code::PeriodNotAvailable),
        _ => {}
    }
    if nosamb.ends_with("06") {
        return Err(Code::NoBill);
    }
    let months = if nosamb.ends_with("02") { 3 } else { 1 };
    let paid = lock(&sim.paid);
    let open: Vec<Value> = (0..months)
        .rev()
        .map(|n| months_before(periode, n))
        .filter(|p| !paid.contains_key(&(nosamb.to_owned(), p.clone())))
        .map(|p| bill(nosamb, &p))
        .collect();
    if open.is_empty() {
        return Err(Code::NoBill);
    }
    Ok(open)
}

async fn inquiry(
    State(sim): State<Arc<Sim>>,
    method: Method,
    headers: HeaderMap,
    Path((nosamb, periode)): Path<(String, String)>,
) -> Response {
    if let Some(refused) = sim.door(&method, Method::GET, &headers, &nosamb) {
        return refused;
    }
    match sandbox::outcome_of(&nosamb) {
        Outcome::Down => return reply(Code::AppError, vec![]),
        Outcome::PendingUntilReconciliation => sim.hang().await,
        _ => {}
    }
    match bills(&sim, &nosamb, &periode) {
        Ok(list) => reply(Code::BillAvailable, list),
        Err(code) => reply(code, vec![]),
    }
}

async fn payinfo(
    State(sim): State<Arc<Sim>>,
    method: Method,
    headers: HeaderMap,
    Path((nosamb, periode)): Path<(String, String)>,
) -> Response {
    if let Some(refused) = sim.door(&method, Method::GET, &headers, &nosamb) {
        return refused;
    }
    if sandbox::outcome_of(&nosamb) == Outcome::PendingUntilReconciliation {
        sim.hang().await;
    }
    let paid = lock(&sim.paid).get(&(nosamb.clone(), periode.clone())).cloned();
    match paid {
        Some(at) => reply(Code::AlreadyPaid, vec![paid_bill(&nosamb, &periode, &at)]),
        None => reply(Code::NotPaid, vec![]),
    }
}

fn paid_bill(nosamb: &str, periode: &str, at: &str) -> Value {
    let mut b = bill(nosamb, periode);
    b["total"] = json!(protocol::number(b.get("total")).unwrap_or(0).to_string());
    b["flaglunas"] = json!("1");
    b["tglbayar"] = json!(at);
    b["loket"] = json!("5");
    b
}

async fn payment(State(sim): State<Arc<Sim>>, method: Method, headers: HeaderMap, body: axum::body::Bytes) -> Response {
    let v = serde_json::from_slice::<Value>(&body).unwrap_or_default();
    let nosamb = protocol::text(v.get("nosamb"));
    let periode = protocol::text(v.get("periode"));
    let tglbayar = protocol::text(v.get("tglbayar"));
    if let Some(refused) = sim.door(&method, Method::POST, &headers, &nosamb) {
        return refused;
    }
    if v.is_null() {
        return reply(Code::AppError, vec![]);
    }
    if protocol::text(v.get("token")) != protocol::pay_token(&nosamb, &tglbayar, &sim.opts.key) {
        return reply(Code::WrongPayToken, vec![]);
    }
    let outcome = sandbox::outcome_of(&nosamb);
    if outcome == Outcome::PendingThenFailed {
        return reply(Code::NothingToPay, vec![]);
    }
    let open = match bills(&sim, &nosamb, &periode) {
        Ok(list) => list,
        Err(_) => return reply(Code::NothingToPay, vec![]),
    };
    let due: i64 = open.iter().filter_map(|b| protocol::number(b.get("total"))).sum();
    if protocol::number(v.get("totalbayar")).unwrap_or(0) < due {
        return reply(Code::WrongTotal, vec![]);
    }
    if outcome == Outcome::Slow {
        tokio::time::sleep(sandbox::SLOW_PAY).await;
    }
    if outcome == Outcome::PendingUntilReconciliation {
        // Never booked, never answered.
        sim.hang().await;
        return reply(Code::AppError, vec![]);
    }
    let months: Vec<String> = open.iter().map(|b| protocol::text(b.get("periode"))).collect();
    {
        let mut paid = lock(&sim.paid);
        for p in &months {
            paid.insert((nosamb.clone(), p.clone()), tglbayar.clone());
        }
    }
    match outcome {
        // Paid, but the answer is lost: the buyer must ask payinfo.
        Outcome::PendingThenSuccess => return reply(Code::AppError, vec![]),
        Outcome::TimeoutThenSuccess => sim.hang().await,
        _ => {}
    }
    reply(Code::Paid, months.iter().map(|p| paid_bill(&nosamb, p, &tglbayar)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_count_back_across_years() {
        assert_eq!(months_before("202102", 0), "202102");
        assert_eq!(months_before("202102", 2), "202012");
        assert_eq!(months_before("202101", 13), "201912");
    }
}
