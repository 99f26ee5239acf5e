//! SeaORM entities: one module per table.

pub mod api_credential;
pub mod audit_log;
pub mod document_type;
pub mod email_token;
pub mod mail_outbox;
pub mod profile;
pub mod profile_document;
pub mod profile_revision;
pub mod rate_limit;
pub mod required_document;
pub mod session;
pub mod staff;
pub mod user;
pub mod webreport_account;
