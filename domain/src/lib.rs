//! Wasm-safe vocabulary shared by the browser and the server: DTOs, value
//! newtypes and the validation rules both sides run.

/// Declares an enum stored as a code: `code()`, `from_code()`, `ALL`,
/// serde as the code, and — with the `orm` feature (the server) — a SeaORM
/// string active enum, so entity columns hold the enum, never a free string.
macro_rules! stored_enum {
    ($(#[$meta:meta])* pub enum $name:ident { $($(#[$vmeta:meta])* $variant:ident = $code:literal,)* }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        #[cfg_attr(feature = "orm", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
        #[cfg_attr(
            feature = "orm",
            sea_orm(rs_type = "String", db_type = "String(sea_orm::sea_query::StringLen::None)")
        )]
        pub enum $name {
            $(
                $(#[$vmeta])*
                #[serde(rename = $code)]
                #[cfg_attr(feature = "orm", sea_orm(string_value = $code))]
                $variant,
            )*
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            /// The code as stored and sent.
            pub fn code(self) -> &'static str {
                match self {
                    $($name::$variant => $code),*
                }
            }

            pub fn from_code(code: &str) -> Option<$name> {
                $name::ALL.iter().copied().find(|v| v.code() == code)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.code())
            }
        }
    };
}

pub mod account;
pub mod apilog;
pub mod billers;
pub mod docs;
pub mod email;
pub mod env;
pub mod finance;
pub mod idn;
pub mod ids;
pub mod lang;
pub mod list;
pub mod mail;
pub mod moderation;
pub mod nav;
pub mod phone;
pub mod problem;
pub mod products;
pub mod profile;
pub mod region;
pub mod reports;
pub mod rights;
pub mod sla;
pub mod staff;
pub mod team;
pub mod topup;
pub mod transaction;
pub mod uat;

pub use env::Env;
pub use ids::{ApiLogId, DeliveryId, DocumentId, IpEntryId, RevisionId, StaffId, UatRequestId, UserId};
pub use lang::Lang;
pub use list::{ListQuery, Page};
pub use phone::Msisdn;
pub use problem::{problem_for, FieldError, Problem};
