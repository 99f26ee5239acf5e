//! The partner's reports (issue 15). So far the deposit statement
//! (Rekening Koran, `statement`) and its streamed CSV export.

pub mod cursor;
pub mod day;
pub mod statement;
pub mod transactions;
