//! The payment service of seed 003 over real HTTP: login with tokens
//! checked on every call (`--expire`: each token good for one call only,
//! so the client must log in again), the VA/card and GoPay orders
//! (`orders`), K-Wallet (`kwallet`), and the settlement webhook it sends,
//! signed with the PID, when an order is paid — from its small page at `/`
//! or `POST /sim/pay` (`order_id`, or `va_number` + `amount` for a
//! permanent VA).

mod kwallet;
mod orders;

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
// A field as text, whether sent as a string or a number.
use backend::infra::json::field;
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
    /// Where settlements are sent (the portal's `/payment-service/webhook`).
    #[arg(long, default_value = "http://127.0.0.1:3000/payment-service/webhook")]
    pub webhook: String,
    /// The key that signs them (the portal's `payment_service_pid`).
    #[arg(long, default_value = "pid-simulator")]
    pub pid: String,
    /// Minutes an order may be paid.
    #[arg(long, default_value_t = 60)]
    pub expiry_minutes: i64,
}

pub(super) struct Sim {
    opts: Options,
    tokens: Mutex<HashSet<String>>,
    /// Tokens used up (`--expire`).
    used: Mutex<HashSet<String>>,
    orders: Mutex<orders::Book>,
    wallets: Mutex<kwallet::Wallets>,
    http: reqwest::Client,
}

pub async fn run(opts: Options) -> anyhow::Result<()> {
    let listener = TcpListener::bind(&opts.listen).await?;
    println!("  Payment service simulator (seed 003) on http://{}", listener.local_addr()?);
    serve(listener, opts).await
}

pub async fn serve(listener: TcpListener, opts: Options) -> anyhow::Result<()> {
    let sim = Arc::new(Sim {
        opts,
        tokens: Mutex::new(HashSet::new()),
        used: Mutex::new(HashSet::new()),
        orders: Mutex::new(orders::Book::default()),
        wallets: Mutex::new(kwallet::Wallets::default()),
        http: reqwest::Client::builder().timeout(std::time::Duration::from_secs(10)).build()?,
    });
    let app = Router::new()
        .route("/auth/login", post(login))
        .route("/", get(orders::page))
        .route("/sim/pay", post(orders::pay))
        .merge(orders::routes())
        .merge(kwallet::routes())
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

fn fail(message: &str) -> Response {
    Json(json!({ "status": "fail", "message": message })).into_response()
}

/// A whole-Rupiah field (`"1500"`, `1500`, `"1500.00"`), 0 when unreadable.
fn amount(v: &Value, key: &str) -> i64 {
    backend::infra::json::rupiah(v, key).unwrap_or(0)
}

fn wib_now() -> String {
    chrono::Utc::now().with_timezone(&backend::infra::wib::offset()).format("%Y-%m-%d %H:%M:%S").to_string()
}

async fn login(State(sim): State<Arc<Sim>>, Json(v): Json<Value>) -> Response {
    if field(&v, "email") != sim.opts.email || field(&v, "password") != sim.opts.password {
        return failed(StatusCode::UNAUTHORIZED, "email or password wrong");
    }
    let token = uuid::Uuid::new_v4().simple().to_string();
    lock(&sim.tokens).insert(token.clone());
    Json(json!({ "status": "success", "message": "login success", "Authorization": token })).into_response()
}

impl Sim {
    /// The refusal of a call without a valid token, if it is one. With
    /// `--expire` a token is used up by its call, and a used one is
    /// answered as some services do: HTTP 200, `failed`, "token expired".
    fn refuse(&self, headers: &HeaderMap) -> Option<Response> {
        let token = headers.get(axum::http::header::AUTHORIZATION).and_then(|v| v.to_str().ok()).unwrap_or_default();
        let mut tokens = lock(&self.tokens);
        let mut used = lock(&self.used);
        if tokens.contains(token) {
            if self.opts.expire {
                tokens.remove(token);
                used.insert(token.to_owned());
            }
            return None;
        }
        if used.contains(token) {
            return Some(failed(StatusCode::OK, "token expired, please login again"));
        }
        Some(failed(StatusCode::UNAUTHORIZED, "token invalid"))
    }

    /// Sends a settlement, signed, exactly these bytes; the portal's answer.
    async fn notify(&self, body: String) -> String {
        let signature = backend::topup::webhook::sign(self.opts.pid.as_bytes(), body.as_bytes());
        let sent = self
            .http
            .post(&self.opts.webhook)
            .header("content-type", "application/json")
            .header(backend::topup::webhook::SIGNATURE_HEADER, signature)
            .body(body)
            .send()
            .await;
        match sent {
            Ok(res) => format!("{} {}", res.status().as_u16(), res.text().await.unwrap_or_default()),
            Err(e) => format!("webhook tidak terkirim: {e}"),
        }
    }
}
