//! SeaORM entities: one module per table.

pub mod email_token;
pub mod mail_outbox;
pub mod rate_limit;
pub mod session;
pub mod staff;
pub mod user;
