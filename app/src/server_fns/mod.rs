//! Server functions: each gets the state and the actor, calls one backend
//! use case and maps its error. Every one of them is a public endpoint.

pub mod account;
pub mod auth;
pub mod billers;
pub mod catalog;
pub mod connections;
pub mod docs;
pub mod finance;
pub mod integration;
pub mod moderation;
pub mod products;
pub mod profile;
pub mod regions;
pub mod reports;
pub mod security;
pub mod staff;
pub mod team;
pub mod topup;
pub mod webreport;
