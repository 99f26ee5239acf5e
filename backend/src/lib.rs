//! Server-side use cases, entities and adapters. Never compiled to wasm and
//! never depends on Leptos: the UI and the gateway both call in here.

pub mod accounts;
pub mod apilog;
pub mod audit;
pub mod authz;
pub mod balance_alert;
pub mod billers;
pub mod callbacks;
pub mod catalog;
pub mod config;
pub mod connections;
pub mod console;
pub mod entity;
pub mod error;
pub mod finance;
pub mod gateway;
pub mod infra;
pub mod ledger;
pub mod ledger_days;
pub mod mail;
pub mod moderation;
pub mod onboarding;
pub mod outages;
pub mod partners;
pub mod payment_days;
pub mod products;
pub mod regions;
pub mod reports;
pub mod revisions;
pub mod staff;
pub mod state;
pub mod suspension;
pub mod team;
pub mod topup;
pub mod two_step;
pub mod uat;
pub mod webreport;

pub use config::Config;
pub use error::{Error, Result};
pub use state::AppState;
