//! Billers behind one trait (R-BIL-5): inquiry, payment, status and price
//! list, with typed outcomes. The development environment is served by the
//! sandbox unless a configured biller has a development URL; production by
//! the configured billers (`settings`): the pulsa provider of seed 002 and
//! the PDAMs of seed 004, each with its simulator (`server simulate …`).

pub mod back_office;
pub mod breaker;
pub mod calls;
pub mod gauges;
pub mod pdam;
pub mod pulsa;
pub mod registry;
pub mod sandbox;
pub mod settings;

use crate::entity::product;
use crate::error::Result;
use crate::gateway::rc::Rc;
use crate::ledger::Env;
use breaker::{Breaker, Gate};
use sea_orm::ConnectionTrait;
use serde_json::Value;
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;
use uuid::Uuid;

/// How long a biller may take before the call counts as unanswered.
pub const BILLER_TIMEOUT: Duration = Duration::from_secs(30);

/// The longest a configured biller's call may be given (`timeout_secs`);
/// a payment's whole call (PDAM: payment, payinfo, payment) stays within
/// twice this, well inside the payment's lease.
pub const MAX_TIMEOUT: Duration = Duration::from_secs(60);

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
    /// What else the biller tells (PDAM: address, tariff, months), shown
    /// to the partner beside the bill; `Null` when nothing.
    pub details: Value,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PayRequest {
    /// Our transaction's id: the biller's idempotency key (pulsa `refid`).
    pub id: Uuid,
    /// The product's code at the biller (`products.biller_code`, else ours).
    pub product_code: String,
    pub customer_id: String,
    /// The partner's referenceID.
    pub reference_id: String,
    /// The bill without our fees (what the biller is paid).
    pub tagihan: i64,
    /// What the partner paid (bill and fees).
    pub amount: i64,
    /// The billing period the inquiry asked for (PDAM `YYYYMM`).
    pub periode: Option<String>,
    /// What the catalog expects the biller to charge us (0: not known);
    /// a dearer sale is told to staff (the price check of each sale).
    pub buy_price: i64,
}

/// One product on a biller's price sheet, in whole Rupiah.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BillerPrice {
    pub product_code: String,
    pub buy_price: i64,
    /// False when the biller has it out of stock or disturbed.
    pub available: bool,
}

/// How a payment stands at the biller.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PayOutcome {
    /// Done; `sn` is the biller's serial or token, `data` product details.
    Success { sn: String, data: Value },
    /// Not final yet: ask again later with `biller_ref`.
    Pending { biller_ref: String },
    /// Refused for good, with the rc to tell the partner.
    Failed { rc: Rc },
    /// The biller has no record of the order (a status answer). Not final
    /// while the order is younger than the biller's window: it may not be
    /// written there yet.
    NotFound,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BillerError {
    /// The biller answered no, with this rc (e.g. 64 already paid).
    #[error("ditolak biller dengan rc {}", .0.code())]
    Declined(Rc),
    /// Sent, but no answer in time: the outcome is unknown (pending).
    #[error("biller tidak menjawab dalam batas waktu")]
    Timeout,
    /// The request did not reach the biller (connection refused, no
    /// route, the biller's own "unavailable" before processing): nothing
    /// happened there.
    #[error("biller tidak dapat dihubungi: {0}")]
    Down(String),
    /// The biller refused our credentials, key or request (PDAM 001, 100,
    /// 900, 902): nothing happened there, and nothing will until staff fix
    /// the settings — the breaker opens at once and staff are alerted.
    #[error("konfigurasi biller salah: {0}")]
    Misconfigured(String),
}

impl BillerError {
    pub fn rc(&self) -> Rc {
        match self {
            BillerError::Declined(rc) => *rc,
            BillerError::Timeout => Rc::BillerTimeout,
            BillerError::Down(_) | BillerError::Misconfigured(_) => Rc::BillerLinkDown,
        }
    }
}

/// How a biller wants its pending payments asked after: first after
/// `first`, then twice as long each time up to `max_interval`, and only
/// within `window` of the payment (`None`: until the H+1 reconciliation).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PollPolicy {
    pub first: Duration,
    pub max_interval: Duration,
    pub window: Option<Duration>,
}

impl PollPolicy {
    /// Providers that say nothing: every 15 s at first, at most every
    /// 10 minutes, until H+1.
    pub const UNTIL_RECONCILIATION: PollPolicy =
        PollPolicy { first: Duration::from_secs(15), max_interval: Duration::from_secs(600), window: None };

    /// The pause after the `attempts`-th question.
    pub fn delay(&self, attempts: i32) -> Duration {
        let factor = 1u32 << attempts.clamp(0, 16);
        self.first.saturating_mul(factor).min(self.max_interval)
    }
}

#[async_trait::async_trait]
pub trait Biller: Send + Sync {
    async fn inquiry(&self, req: &BillRequest) -> std::result::Result<Bill, BillerError>;
    async fn pay(&self, req: &PayRequest) -> std::result::Result<PayOutcome, BillerError>;
    async fn status(&self, req: &PayRequest, biller_ref: &str) -> std::result::Result<PayOutcome, BillerError>;
    /// What the biller charges us now for the products it sells at a fixed
    /// price (pulsa, data, vouchers).
    async fn price_list(&self) -> std::result::Result<Vec<BillerPrice>, BillerError>;

    /// How its pending payments are asked after.
    fn polling(&self) -> PollPolicy {
        PollPolicy::UNTIL_RECONCILIATION
    }

    /// How long one whole call (with the adapter's own retries) may take.
    fn timeout(&self) -> Duration {
        BILLER_TIMEOUT
    }

    /// `Some(rc)` while the biller takes no transactions (the pulsa
    /// provider's cut-off): answered at once, no call, no money moved.
    fn closed_now(&self) -> Option<Rc> {
        None
    }

    /// The balance we hold at the biller, for billers that tell it.
    async fn balance(&self) -> Option<std::result::Result<i64, BillerError>> {
        None
    }
}

/// A product's biller as one partner reaches it, behind its breaker.
pub struct Route {
    pub biller: Arc<dyn Biller>,
    pub breaker: Breaker,
}

/// The biller of a product for a partner in an environment: the configured
/// biller of its name (production; development when it has a development
/// URL), else in development the sandbox (with a breaker per partner and
/// product biller), else none (rc 18 "Switching hulu belum registrasi").
pub fn route(billers: &registry::Registry, env: Env, user_id: Uuid, p: &product::Model) -> Option<Route> {
    let biller = match (billers.get(&p.biller, env), env) {
        (Some(b), _) => b,
        (None, Env::Development) => billers.sandbox(),
        (None, Env::Production) => return None,
    };
    Some(Route { biller, breaker: Breaker::new(env, user_id, &p.biller) })
}

/// A call's outcome in a few words, for the call log staff read.
pub fn describe(outcome: &std::result::Result<PayOutcome, BillerError>) -> String {
    match outcome {
        Ok(PayOutcome::Success { sn, .. }) => format!("sukses SN {sn}"),
        Ok(PayOutcome::Pending { biller_ref }) if biller_ref.is_empty() => "pending".into(),
        Ok(PayOutcome::Pending { biller_ref }) => format!("pending {biller_ref}"),
        Ok(PayOutcome::Failed { rc }) => format!("gagal rc {}", rc.code()),
        Ok(PayOutcome::NotFound) => "tidak ditemukan".into(),
        Err(e) => format!("error: {e}"),
    }
}

/// The product's code at its biller.
pub fn biller_code(p: &product::Model) -> String {
    p.biller_code.clone().filter(|c| !c.trim().is_empty()).unwrap_or_else(|| p.code.clone())
}

/// The billers whose price sheets staff compare with the catalog, by
/// environment and name.
pub fn price_sources() -> Vec<(Env, &'static str, Box<dyn Biller>)> {
    vec![(Env::Development, "sandbox", Box::new(sandbox::Sandbox))]
}

impl Route {
    /// May it be called now (see `breaker::gate`)?
    pub async fn gate(&self, db: &impl ConnectionTrait) -> Result<Gate> {
        breaker::gate(db, &self.breaker).await
    }

    /// The same for a gateway request, with the breaker as the gateway
    /// remembers it (`gateway::memo`): the row is read only after a change.
    pub async fn gate_remembered(&self, state: &crate::AppState) -> Result<Gate> {
        let row = match state.memo.breaker(&self.breaker.scope) {
            Some(row) => row,
            None => {
                let (at, row) = breaker::read_with_version(&state.db, &self.breaker).await?;
                state.memo.keep_breaker(self.breaker.scope.clone(), at, row.clone());
                row
            }
        };
        breaker::gate_of(&state.db, &self.breaker, row).await
    }

    /// Runs one call that `gate` let through, with the timeout, and tells
    /// the breaker how it went. The biller's answer is returned even when
    /// the breaker cannot be updated: money may already have moved there.
    pub async fn ask<T>(
        &self,
        db: &impl ConnectionTrait,
        gate: Gate,
        call: impl Future<Output = std::result::Result<T, BillerError>>,
    ) -> std::result::Result<T, BillerError> {
        let outcome = tokio::time::timeout(self.biller.timeout(), call).await.unwrap_or(Err(BillerError::Timeout));
        if let Err(e) = breaker::record(db, &self.breaker, gate, &outcome).await {
            tracing::error!(scope = %self.breaker.scope, error = %e, "breaker not updated");
        }
        outcome
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn polling_backs_off_up_to_the_cap() {
        let p = PollPolicy::UNTIL_RECONCILIATION;
        assert_eq!(p.delay(0), Duration::from_secs(15));
        assert_eq!(p.delay(1), Duration::from_secs(30));
        assert_eq!(p.delay(3), Duration::from_secs(120));
        assert_eq!(p.delay(6), Duration::from_secs(600));
        assert_eq!(p.delay(1_000), Duration::from_secs(600));
    }
}
