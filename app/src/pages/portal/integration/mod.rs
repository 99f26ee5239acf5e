//! "Integrasi" (manual §10): Log API (beyond the original), Request UAT
//! with its automatic checklist, and Request Live.

mod live;
mod log;
mod uat;

pub use live::LivePage;
pub use log::{entry_href as log_entry_href, LogEntryPage, LogPage};
pub use uat::UatPage;
