//! The partner's reports (Laporan): the deposit statement (Rekening
//! Koran), Status Transaksi, Pelunasan Harian, Rekap Pelunasan and the
//! landing page's figures; each as a page and as a file (`export`).

pub mod cursor;
pub mod daily_file;
pub mod day;
pub mod export;
pub mod recap;
pub mod staff;
pub mod statement;
pub mod transactions;
