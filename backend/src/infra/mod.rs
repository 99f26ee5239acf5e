//! Plumbing the use cases stand on: the database and its migrations, job
//! leases, password hashing, rate limits, the session store, file storage,
//! tokens, TOTP codes, WIB time, server-made secrets and the check of
//! outbound addresses. Nothing here knows a business rule.

pub mod db;
pub mod json;
pub mod kept_connections;
pub mod lease;
pub mod outbound;
pub mod password;
pub mod ratelimit;
pub mod secrets;
pub mod session_store;
pub mod storage;
pub mod token;
pub mod totp;
pub mod wib;
