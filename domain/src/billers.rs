//! The configured billers as the back office shows them: how each is
//! reached (no secrets), its state and balance, the products routed to it
//! and its latest calls.

use crate::finance::BreakerState;
use serde::{Deserialize, Serialize};

/// One configured biller.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BillerOut {
    /// The catalog's routing name (`products.biller`).
    pub name: String,
    /// `pulsa` (seed 002) or `pdam` (seed 004).
    pub kind: String,
    /// Production base URL, any password masked.
    pub url: String,
    /// Where development traffic goes through the adapter, if anywhere.
    pub development_url: Option<String>,
    /// It is a simulator, not the provider.
    pub simulator: bool,
    /// The production breaker's state (`closed` when never tripped).
    pub breaker: BreakerState,
    /// Our balance at the biller as last reported, and when (WIB).
    pub balance: Option<i64>,
    pub balance_at: Option<String>,
    /// Below this, staff are alerted.
    pub low_balance: Option<i64>,
    /// The last alert sent to staff, and when (WIB).
    pub last_alert: Option<String>,
    pub alerted_at: Option<String>,
    pub products: Vec<RoutedProductOut>,
    pub calls: Vec<BillerCallOut>,
}

/// A product routed to a biller, with its code there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoutedProductOut {
    pub code: String,
    pub name: String,
    /// Its code at the biller; empty: ours.
    pub biller_code: String,
}

/// One call to a biller (or one report from it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BillerCallOut {
    /// WIB `DD/MM/YYYY HH:MM:SS`.
    pub at: String,
    pub environment: crate::Env,
    pub operation: String,
    /// Method and URL or body, secrets masked.
    pub request: String,
    pub reply: String,
    pub outcome: String,
    pub latency_ms: i32,
}

/// A biller name as configured: lower-case letters, digits and `_`.
pub fn is_biller_name(s: &str) -> bool {
    !s.is_empty() && s.len() <= 40 && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// A product's code at its biller: empty (ours) or up to 40 visible ASCII
/// characters without spaces.
pub fn is_biller_code(s: &str) -> bool {
    s.len() <= 40 && s.bytes().all(|b| b.is_ascii_graphic())
}
