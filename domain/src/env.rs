//! The gateway's two worlds. Each has its own listener, credentials,
//! whitelist and deposit. Stored as its code (`production`,
//! `development`); with the `orm` feature it is a SeaORM active enum, so
//! entity columns hold an `Env`, never a free string.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "orm", derive(sea_orm::EnumIter, sea_orm::DeriveActiveEnum))]
#[cfg_attr(feature = "orm", sea_orm(rs_type = "String", db_type = "String(sea_orm::sea_query::StringLen::None)"))]
pub enum Env {
    #[cfg_attr(feature = "orm", sea_orm(string_value = "production"))]
    Production,
    #[cfg_attr(feature = "orm", sea_orm(string_value = "development"))]
    Development,
}

impl Env {
    pub const ALL: [Env; 2] = [Env::Production, Env::Development];

    pub fn code(self) -> &'static str {
        match self {
            Env::Production => "production",
            Env::Development => "development",
        }
    }

    /// As the portal names it.
    pub fn label(self) -> &'static str {
        match self {
            Env::Production => "Production",
            Env::Development => "Development",
        }
    }

    pub fn from_code(code: &str) -> Option<Env> {
        Env::ALL.into_iter().find(|e| e.code() == code)
    }
}
