//! The integration tests: one binary (built and linked once) with a module
//! per area, each test starting the real app on its own port and database
//! (see `common`).

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

mod access_sweep;
mod back_office;
mod billers;
mod docs;
mod gateway;
mod going_live;
mod moderation;
mod onboarding;
mod portal;
mod products;
mod regions;
mod reports;
mod team;
mod topup;
mod upstream;
