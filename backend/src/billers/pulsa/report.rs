//! The provider's report (seed 002, "IP Report"): when a pending purchase
//! becomes final the provider sends its status line to the one report URL
//! we registered with it. The seed gives the line, not the envelope, so we
//! accept it as the raw body or as any query or form value, by GET or POST.
//!
//! Only the provider's configured addresses may report. A report settles
//! the transaction whose id is its refid, once: a repeat, or a report about
//! a transaction already final, changes nothing; one about a refid we do
//! not know is kept in the call log for staff and changes nothing.

use super::reply::{self, Earlier, Reply};
use crate::billers::calls::Call;
use crate::billers::{BillerError, PayOutcome};
use crate::entity::product::Entity as Product;
use crate::entity::transaction::Entity as Transaction;
use crate::error::Result;
use crate::gateway::rc::Rc;
use crate::gateway::settlement::settle;
use crate::AppState;
use domain::transaction::TxStatus;
use sea_orm::EntityTrait;
use std::net::IpAddr;
use std::time::Instant;

/// What became of a report (the provider is answered `OK` for all but
/// `Refused`, so it does not send it again and again).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Received {
    /// The report's address is not one of the provider's.
    Refused,
    /// No line in it we could read, or a refid we do not know.
    Unmatched,
    /// Still pending at the provider: nothing to do.
    StillPending,
    /// The transaction was final already (a repeat): nothing changed.
    AlreadyFinal,
    /// The transaction became final now.
    Settled(TxStatus),
}

/// Handles one report to `biller`'s report URL from `peer`; `candidates`
/// are the raw body and every query/form value.
pub async fn receive(state: &AppState, biller: &str, peer: IpAddr, candidates: &[String]) -> Result<Received> {
    let Some(settings) = state.config.billers.get(biller) else { return Ok(Received::Refused) };
    if !settings.report_addresses().unwrap_or_default().contains(&peer) {
        tracing::warn!(biller, %peer, "report from an address that is not the provider's");
        return Ok(Received::Refused);
    }
    let started = Instant::now();
    let found = candidates.iter().map(|c| (c, reply::parse(c))).find(|(_, r)| r.head().is_some());
    let received = match &found {
        Some((_, r)) => apply(state, biller, r).await?,
        None => Received::Unmatched,
    };
    let (text, reply) = match &found {
        Some((t, r)) => ((*t).clone(), r.label()),
        None => (candidates.first().cloned().unwrap_or_default(), "tidak terbaca".to_owned()),
    };
    let transaction = found.as_ref().and_then(|(_, r)| r.head()).and_then(|h| uuid::Uuid::parse_str(&h.refid).ok());
    if let Some(log) = state.billers.log_of(biller) {
        let call = Call {
            operation: "report",
            transaction,
            request: format!("report dari {peer}"),
            reply: &text,
            outcome: format!("{reply} → {received:?}"),
            started,
        };
        log.record(call).await;
    }
    Ok(received)
}

/// Settles the transaction the report is about, if it is ours and pending.
async fn apply(state: &AppState, biller: &str, r: &Reply) -> Result<Received> {
    let Some(id) = r.head().and_then(|h| uuid::Uuid::parse_str(&h.refid).ok()) else { return Ok(Received::Unmatched) };
    let Some(t) = Transaction::find_by_id(id).one(&state.db).await? else { return Ok(Received::Unmatched) };
    // A report may only settle a purchase that went to this biller.
    let product = Product::find_by_id(t.product_code.clone()).one(&state.db).await?;
    if product.is_none_or(|p| p.biller != biller) {
        return Ok(Received::Unmatched);
    }
    let outcome: std::result::Result<PayOutcome, BillerError> = match r {
        Reply::Success { sn, head, .. } | Reply::Double { sn, head, earlier: Earlier::Success } => {
            let data = serde_json::json!({ "sn": sn, "noReferensi": t.reference_id, "trxid": head.trxid });
            Ok(PayOutcome::Success { sn: sn.clone(), data })
        }
        Reply::Failed { failure, .. } => Ok(PayOutcome::Failed { rc: failure.rc() }),
        Reply::Double { earlier: Earlier::Failed, .. } => Ok(PayOutcome::Failed { rc: Rc::Failed }),
        _ => return Ok(Received::StillPending),
    };
    if t.status != TxStatus::Pending {
        return Ok(Received::AlreadyFinal);
    }
    let after = settle(state, id, outcome, true).await?;
    Ok(if after.status == TxStatus::Pending { Received::StillPending } else { Received::Settled(after.status) })
}
