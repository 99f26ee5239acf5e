//! Typed ids for what crosses the server-function boundary: a `UserId`
//! cannot be passed where a `DocumentId` is meant, and a malformed id is
//! refused when the request is read, not parsed again in each use case.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

macro_rules! ids {
    ($($(#[$meta:meta])* $name:ident;)*) => {
        $(
            $(#[$meta])*
            #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
            #[serde(transparent)]
            pub struct $name(pub uuid::Uuid);

            impl fmt::Display for $name {
                fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                    self.0.fmt(f)
                }
            }

            impl FromStr for $name {
                type Err = uuid::Error;
                fn from_str(s: &str) -> Result<Self, Self::Err> {
                    uuid::Uuid::parse_str(s).map($name)
                }
            }

            impl From<uuid::Uuid> for $name {
                fn from(id: uuid::Uuid) -> Self {
                    $name(id)
                }
            }
        )*
    };
}

ids! {
    /// A partner account (its owner user).
    UserId;
    /// One uploaded profile document.
    DocumentId;
    /// A revision of an approved profile.
    RevisionId;
    /// A staff account of the back office.
    StaffId;
    /// One address of a partner's IP whitelist.
    IpEntryId;
    /// One callback delivery to a partner's server.
    DeliveryId;
    /// One request recorded in the API log.
    ApiLogId;
    /// One Request UAT of one product.
    UatRequestId;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_travel_as_plain_uuid_strings() {
        let id: UserId = "6f9619ff-8b86-d011-b42d-00cf4fc964ff".parse().unwrap_or_else(|e| panic!("{e}"));
        let json = serde_json::to_string(&id).unwrap_or_default();
        assert_eq!(json, "\"6f9619ff-8b86-d011-b42d-00cf4fc964ff\"");
        assert!("x".parse::<DocumentId>().is_err());
    }
}
