//! SeaORM entities: one module per table.

pub mod api_credential;
pub mod audit_log;
pub mod callback_delivery;
pub mod deposit;
pub mod digest_nonce;
pub mod digest_nonce_use;
pub mod document_type;
pub mod email_token;
pub mod gateway_session;
pub mod ip_whitelist;
pub mod ledger_entry;
pub mod mail_outbox;
pub mod partner_product;
pub mod partner_setting;
pub mod product;
pub mod profile;
pub mod profile_document;
pub mod profile_revision;
pub mod rate_limit;
pub mod required_document;
pub mod session;
pub mod signon_day;
pub mod staff;
pub mod transaction;
pub mod user;
pub mod webreport_account;
