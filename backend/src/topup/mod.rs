//! Deposit top-up through the payment service of seed 003 (issue 14).
//!
//! - `service` + `kwallet`: the service's client (login, VA/card, GoPay,
//!   K-Wallet), typed errors, time limits.
//! - `orders`: the partner's orders — methods offered now, an order
//!   recorded before the service hears of it, its instructions.
//! - `webhook` + `settlement`: the signed settlement, verified over the raw
//!   bytes, crediting the production deposit exactly once.
//! - `accounts`: permanent VAs (`register_va`) and the sweep that moves a
//!   K-Wallet balance to the deposit.
//! - `finance`: the back office's list and the hand resolution of Selisih;
//!   `reconcile`: each day against the service's finance report and K-Wallet.

pub mod accounts;
pub mod finance;
pub mod kwallet;
pub mod orders;
pub mod reconcile;
pub mod service;
pub mod settlement;
pub mod webhook;
