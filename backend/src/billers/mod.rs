//! Billers behind one trait (R-BIL-5): inquiry, payment, status and price
//! list, with typed outcomes. The development environment is served by the
//! sandbox; the seed protocols (pulsa provider, PDAM, payment service) come
//! behind this same trait.

pub mod sandbox;

use serde_json::Value;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BillRequest {
    pub product_code: String,
    pub customer_id: String,
    pub periode: Option<String>,
}

/// A bill as the biller states it, in whole Rupiah.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bill {
    pub name: String,
    pub tagihan: i64,
    pub periode: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PayRequest {
    pub product_code: String,
    pub customer_id: String,
    pub reference_id: String,
    pub amount: i64,
}

/// How a payment stands at the biller.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PayOutcome {
    /// Done; `sn` is the biller's serial or token, `data` product details.
    Success { sn: String, data: Value },
    /// Not final yet: ask again later with `biller_ref`.
    Pending { biller_ref: String },
    /// Refused for good, with the rc to tell the partner.
    Failed { rc: &'static str },
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BillerError {
    /// The biller answered no, with this rc (e.g. 64 already paid).
    #[error("declined with rc {0}")]
    Declined(&'static str),
    #[error("biller timed out")]
    Timeout,
    #[error("biller unavailable: {0}")]
    Down(String),
}

impl BillerError {
    pub fn rc(&self) -> &'static str {
        match self {
            BillerError::Declined(rc) => rc,
            BillerError::Timeout => "39",
            BillerError::Down(_) => "38",
        }
    }
}

#[async_trait::async_trait]
pub trait Biller: Send + Sync {
    async fn inquiry(&self, req: &BillRequest) -> Result<Bill, BillerError>;
    async fn pay(&self, req: &PayRequest) -> Result<PayOutcome, BillerError>;
    async fn status(&self, req: &PayRequest, biller_ref: &str) -> Result<PayOutcome, BillerError>;
}
