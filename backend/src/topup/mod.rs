//! Deposit top-up through the payment service of seed 003 (issue 14). So
//! far: the settlement webhook's signature and payloads (`webhook`); the
//! adapter, the orders and the crediting come next.

pub mod webhook;
