//! The partner portal's own pages (the profile pages are in `profile`).

pub mod change_password;
pub mod connections;
pub mod dashboard;
pub mod day_settlement;
pub mod dev_numbers;
pub mod docs;
pub mod integration;
pub mod products;
pub mod recap;
pub mod reports_home;
pub mod security;
pub mod statement;
pub mod team;
pub mod topup;
pub mod try_api;
pub mod tx_status;
