//! Deposit top-up through the payment service of seed 003 (issue 14). So
//! far: the settlement webhook's signature and payloads (`webhook`) and
//! its crediting exactly once (`settlement`); the adapter that creates the
//! orders, the page and the simulator come next.

pub mod accounts;
pub mod kwallet;
pub mod orders;
pub mod service;
pub mod settlement;
pub mod webhook;
