//! The payment service of seed 003, so far its login, bank list and
//! `pay_service` (virtual account numbers, a unique code for manual
//! transfers), over real HTTP. Tokens are checked on every call; `--expire`
//! makes each token good for one call only (the client must log in again).

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Json, Router};
use serde_json::{json, Value};
use std::collections::HashSet;
use std::sync::{Arc, Mutex};
use tokio::net::TcpListener;

#[derive(Debug, Clone, clap::Args)]
pub struct Options {
    #[arg(long, default_value = "127.0.0.1:9500")]
    pub listen: String,
    #[arg(long, default_value = "partner@sim.test")]
    pub email: String,
    #[arg(long, default_value = "rahasia")]
    pub password: String,
    /// Each token is good for one call only.
    #[arg(long)]
    pub expire: bool,
}

struct Sim {
    opts: Options,
    tokens: Mutex<HashSet<String>>,
    logins: Mutex<u32>,
}

pub async fn run(opts: Options) -> anyhow::Result<()> {
    let listener = TcpListener::bind(&opts.listen).await?;
    println!("  Payment service simulator (seed 003) on http://{}", listener.local_addr()?);
    serve(listener, opts).await
}

pub async fn serve(listener: TcpListener, opts: Options) -> anyhow::Result<()> {
    let sim = Arc::new(Sim { opts, tokens: Mutex::new(HashSet::new()), logins: Mutex::new(0) });
    let app = Router::new()
        .route("/auth/login", post(login))
        .route("/api/list_bank", post(list_bank))
        .route("/api/pay_service", post(pay_service))
        .with_state(sim);
    axum::serve(listener, app).await?;
    Ok(())
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

fn failed(code: StatusCode, message: &str) -> Response {
    (code, Json(json!({ "status": "failed", "message": message }))).into_response()
}

async fn login(State(sim): State<Arc<Sim>>, Json(v): Json<Value>) -> Response {
    let given = |k: &str| v.get(k).and_then(Value::as_str).unwrap_or_default().to_owned();
    if given("email") != sim.opts.email || given("password") != sim.opts.password {
        return failed(StatusCode::UNAUTHORIZED, "email or password wrong");
    }
    let token = uuid::Uuid::new_v4().simple().to_string();
    lock(&sim.tokens).insert(token.clone());
    *lock(&sim.logins) += 1;
    Json(json!({ "status": "success", "message": "login success", "Authorization": token })).into_response()
}

impl Sim {
    fn authorised(&self, headers: &HeaderMap) -> bool {
        let token = headers.get(axum::http::header::AUTHORIZATION).and_then(|v| v.to_str().ok()).unwrap_or_default();
        let mut tokens = lock(&self.tokens);
        if self.opts.expire {
            tokens.remove(token)
        } else {
            tokens.contains(token)
        }
    }
}

const BANKS: &[(&str, &str, &str, &str, &str)] = &[
    ("014", "BANK BCA", "BCAATM", "BCA VA Online", "1"),
    ("008", "BANK MANDIRI", "MANDIRIATM", "Mandiri VA", "1"),
    ("002", "BANK BRI", "BRIATM", "BRI VA", "1"),
    ("009", "BANK BNI", "BNIATM", "BNI VA", "0"),
];

async fn list_bank(State(sim): State<Arc<Sim>>, headers: HeaderMap) -> Response {
    if !sim.authorised(&headers) {
        return failed(StatusCode::UNAUTHORIZED, "token invalid");
    }
    let data: Vec<Value> = BANKS
        .iter()
        .map(|(code, name, product, product_name, status)| {
            json!({
                "bankCode": code, "bankDesc": name, "bankDisplayNm": name, "bank_pemilik": "", "bankacc": 0,
                "cabang": "", "charge_admin": "0", "charge_connectivity": "0", "id": 1, "img_url": "",
                "install_12": "0", "install_6": "0", "is_installment": "0", "kategori": "Transfer Bank (VA)",
                "productCode": product, "productName": product_name, "status": status,
            })
        })
        .collect();
    Json(json!({ "data": data })).into_response()
}

async fn pay_service(State(sim): State<Arc<Sim>>, headers: HeaderMap, Json(v): Json<Value>) -> Response {
    if !sim.authorised(&headers) {
        return failed(StatusCode::UNAUTHORIZED, "token invalid");
    }
    let bank = v.get("bank_code").and_then(Value::as_str).unwrap_or_default();
    if !BANKS.iter().any(|b| b.0 == bank) {
        return failed(StatusCode::OK, "bank_code not found");
    }
    let order = v.get("order_id").and_then(Value::as_str).unwrap_or_default();
    let nominal = v.get("nominal").and_then(Value::as_i64).unwrap_or(0);
    let h = order.bytes().fold(5u64, |h, b| h.wrapping_mul(33).wrapping_add(u64::from(b)));
    let kode_unik = (h % 2000 + 1) as i64;
    Json(json!({
        "status": "success",
        "message": "success",
        "data": {
            "is_va": "1",
            "kd_pay": format!("8808{:012}", h % 1_000_000_000_000),
            "kd_ref": order,
            "kode_unik": kode_unik.to_string(),
            "koneksi": "1",
            "pay_ship": "0",
            "total_bayar": (nominal + kode_unik).to_string(),
            "total_belanja": nominal.to_string(),
        }
    }))
    .into_response()
}
