//! The Open API gateway's use cases (open-api.md): digest authentication
//! with signed nonces every instance verifies, a request rate per merchant, Sign-On sessions, and the answers
//! with their response codes. The HTTP listener lives in the server crate.

pub mod auth;
pub mod body;
pub mod debugger;
pub mod digest;
pub mod memo;
pub mod payment_batches;
pub mod rc;
pub mod resolution;
pub mod services;
pub mod settlement;
pub mod signon;
pub mod single_statement;
pub mod throttle;

pub use crate::ledger::Env;

/// The services of open-api.md §4, by the name in `/Services/{name}`.
pub const SERVICES: &[&str] = &[
    "Inquiry",
    "Payment",
    "SinglePayment",
    "Check-Status",
    "getPulsa-Prabayar",
    "getHargaByProductID",
    "get-Active-Product",
    "getCurrentDeposit",
];

/// The partner behind a request that passed digest authentication.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merchant {
    pub user_id: uuid::Uuid,
    pub merchant_id: String,
    pub env: Env,
}

/// Counts one request of `m` against the configured per-minute rate,
/// shared by every instance; `Err(secs)` when it is used up.
pub async fn throttle(state: &crate::AppState, m: &Merchant) -> crate::Result<Result<(), u64>> {
    let key = format!("gw:{}:{}", m.env.code(), m.user_id);
    let max = i64::from(state.config.gateway_rate_per_minute);
    Ok(state.throttle.hit(&key, max, chrono::Utc::now().timestamp()).await?)
}
