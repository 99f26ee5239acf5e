//! The gateway's two worlds. Each has its own listener, credentials,
//! whitelist and deposit.

stored_enum! {
    pub enum Env {
        Production = "production",
        Development = "development",
    }
}

impl Env {
    /// As the portal names it.
    pub fn label(self) -> &'static str {
        match self {
            Env::Production => "Production",
            Env::Development => "Development",
        }
    }
}
