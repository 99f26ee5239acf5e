//! The Open API gateway's use cases (open-api.md): digest authentication
//! with nonces shared by every instance, Sign-On sessions, and the answers
//! with their response codes. The HTTP listener lives in the server crate.

pub mod auth;
pub mod digest;
pub mod rc;
pub mod services;
pub mod settlement;
pub mod signon;

pub use crate::ledger::Env;

/// The partner behind a request that passed digest authentication.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merchant {
    pub user_id: uuid::Uuid,
    pub merchant_id: String,
    pub env: Env,
}
