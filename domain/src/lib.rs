//! Wasm-safe vocabulary shared by the browser and the server: DTOs, value
//! newtypes and the validation rules both sides run.

pub mod account;
pub mod env;
pub mod finance;
pub mod lang;
pub mod moderation;
pub mod nav;
pub mod phone;
pub mod problem;
pub mod profile;
pub mod region;
pub mod rights;
pub mod sla;
pub mod staff;

pub use env::Env;
pub use lang::Lang;
pub use phone::Msisdn;
pub use problem::{FieldError, Problem};
