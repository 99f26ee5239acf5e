//! Finance's hand on a stuck payment: marked successful, or failed and
//! refunded — with a reason, audited, in one transaction with the money
//! and the partner's callback. Never both: the decision is a conditional
//! update of a payment still pending, so a second decision finds it final
//! (the same one again is answered as done; the other one is refused). A
//! payment whose biller call is in flight is not touched: finance takes the
//! same lease as the status worker, so neither settles under the other.

use super::rc::Rc;
use super::settlement::{write, Final, CALL_LEASE_SECS};
use crate::audit;
use crate::authz::StaffActor;
use crate::entity::transaction::{self, Entity as Transaction};
use crate::error::{Error, Result};
use crate::AppState;
use domain::reports::TxRowOut;
use domain::transaction::{TxKind, TxStatus};
use domain::{FieldError, Problem};
use sea_orm::sea_query::Condition;
use sea_orm::{ColumnTrait, EntityTrait};
use serde_json::json;
use uuid::Uuid;

/// What finance decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Success,
    Refund,
}

impl Decision {
    pub fn from_code(code: &str) -> Option<Decision> {
        match code {
            "success" => Some(Decision::Success),
            "refund" => Some(Decision::Refund),
            _ => None,
        }
    }

    fn status(self) -> TxStatus {
        match self {
            Decision::Success => TxStatus::Success,
            Decision::Refund => TxStatus::Failed,
        }
    }
}

/// A payment already final: the same decision is done, the other refused.
fn already(t: &transaction::Model, d: Decision) -> Result<TxRowOut> {
    if t.status == d.status() {
        Ok(crate::reports::transactions::row(t))
    } else {
        Err(Error::Refused(Problem::AlreadySettled))
    }
}

/// Settles a pending payment by hand.
#[tracing::instrument(skip_all, fields(staff_id = %staff.id(), transaction = %id))]
pub async fn resolve(state: &AppState, staff: &StaffActor, id: &str, decision: &str, reason: &str) -> Result<TxRowOut> {
    let mut errs = Vec::new();
    let d = Decision::from_code(decision);
    if d.is_none() {
        errs.push(FieldError::new("decision", Problem::Required));
    }
    let reason = reason.trim();
    if let Err(p) = domain::account::check_required(reason, 300) {
        errs.push(FieldError::new("reason", p));
    }
    let (Some(d), true) = (d, errs.is_empty()) else { return Err(Error::Invalid(errs)) };
    let id = Uuid::parse_str(id.trim()).map_err(|_| Error::Refused(Problem::NotFound))?;
    let find = || Transaction::find_by_id(id).one(&state.db);
    let t = find().await?.filter(|t| t.kind == TxKind::Payment).ok_or(Error::Refused(Problem::NotFound))?;
    if t.status != TxStatus::Pending {
        return already(&t, d);
    }
    let pending = Condition::all().add(transaction::Column::Status.eq(TxStatus::Pending));
    let (id_col, lock) = (transaction::Column::Id, transaction::Column::LockedUntil);
    if !crate::infra::lease::take::<Transaction>(&state.db, id_col, id, lock, CALL_LEASE_SECS, pending).await? {
        // Settled meanwhile, or its biller call is in flight.
        let t = find().await?.ok_or(Error::Refused(Problem::NotFound))?;
        return if t.status == TxStatus::Pending { Err(Error::Refused(Problem::InFlight)) } else { already(&t, d) };
    }
    let who = staff.audit();
    let (rc, data) = match d {
        // What the partner was told so far stays; the biller's proof is finance's to keep.
        Decision::Success => (Rc::Success, Some(serde_json::from_str(&t.data).unwrap_or_else(|_| json!({})))),
        Decision::Refund => (Rc::Failed, None),
    };
    let txn = crate::infra::db::begin(&state.db).await?;
    let f = Final { status: d.status(), rc, data, biller_ref: None, actor: who.name().to_owned() };
    let (changed, t) = write(&txn, id, f, true).await?;
    if !changed {
        txn.rollback().await?;
        return already(&t, d);
    }
    let after = json!({ "status": t.status.code(), "rc": t.rc, "total": t.total, "reason": reason });
    let action = match d {
        Decision::Success => "transaction.marked_success",
        Decision::Refund => "transaction.refunded",
    };
    audit::record(
        &txn,
        &who,
        action,
        "transaction",
        &id.to_string(),
        Some(json!({ "status": "pending" })),
        Some(after),
    )
    .await?;
    txn.commit().await?;
    Ok(crate::reports::transactions::row(&t))
}
