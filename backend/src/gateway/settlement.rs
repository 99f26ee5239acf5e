//! How pending payments become final: settling what a biller said (refund
//! exactly once), asking billers about pending payments as leased jobs on
//! each biller's schedule, and the H+1 reconciliation of a day.

use super::rc::Rc;
use super::single_statement;
use crate::billers::{self, BillerError, PayOutcome, PayRequest, PollPolicy, Route};
use crate::entity::product::{self, Entity as Product};
use crate::entity::transaction::{self, Entity as Transaction};
use crate::error::{Error, Result};
use crate::ledger::{self, Kind, Movement};
use crate::AppState;
use chrono::{DateTime, Utc};
use domain::transaction::{TxKind, TxStatus};
use domain::Problem;
use sea_orm::sea_query::{Condition, Expr, ExprTrait};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;

/// How long a worker holds a payment's status job, and a payment request
/// its new payment while it calls the biller: well past the biller timeout,
/// so a lease never runs out under a call still in flight.
pub const CALL_LEASE_SECS: i64 = billers::MAX_TIMEOUT.as_secs() as i64 * 3;

/// Applies what the biller said to a pending payment. Only a payment still
/// pending changes (one conditional update), so two workers never refund
/// twice; the refund's ledger reference is unique besides.
pub async fn settle(
    state: &AppState,
    id: Uuid,
    outcome: std::result::Result<PayOutcome, BillerError>,
    notify: bool,
) -> Result<transaction::Model> {
    let (status, rc, data, biller_ref) = match outcome {
        Ok(PayOutcome::Success { data, .. }) => (TxStatus::Success, Rc::Success, Some(data), None),
        Ok(PayOutcome::Failed { rc }) => (TxStatus::Failed, rc, None, None),
        Ok(PayOutcome::Pending { biller_ref }) => (TxStatus::Pending, Rc::Pending, None, Some(biller_ref)),
        // Unknown there: not final here (`ask_status` decides when it is).
        Ok(PayOutcome::NotFound) => (TxStatus::Pending, Rc::Pending, None, None),
        Err(BillerError::Declined(rc)) => (TxStatus::Failed, rc, None, None),
        // Never reached the biller, or refused before processing: nothing
        // happened there, refunded now.
        Err(BillerError::Down(_) | BillerError::Misconfigured(_)) => (TxStatus::Failed, Rc::BillerLinkDown, None, None),
        // Unknown at the biller: stays pending for the status worker.
        Err(e) => (TxStatus::Pending, e.rc(), None, None),
    };
    // No refund and no callback: one statement where the database allows.
    if status != TxStatus::Failed && !notify && single_statement::available(&state.db) {
        let data = data.as_ref().map(serde_json::Value::to_string);
        let now = Utc::now();
        if let Some(t) = single_statement::settle(&state.kept, id, (status, rc.code()), data, biller_ref, now).await? {
            return Ok(t);
        }
        return Transaction::find_by_id(id).one(&state.db).await?.ok_or(Error::Refused(Problem::NotFound));
    }
    let txn = crate::infra::db::begin(&state.db).await?;
    let (_, t) = write(&txn, id, Final { status, rc, data, biller_ref, actor: "system".into() }, notify).await?;
    txn.commit().await?;
    Ok(t)
}

/// What a payment becomes.
pub(crate) struct Final {
    pub status: TxStatus,
    pub rc: Rc,
    pub data: Option<serde_json::Value>,
    pub biller_ref: Option<String>,
    /// Who refunds a failure (the ledger entry's actor).
    pub actor: String,
}

/// Writes `f` to the payment if it is still pending (one conditional
/// update), refunds a failure, queues the callback of a final state; says
/// whether it changed anything.
pub(crate) async fn write(
    txn: &sea_orm::DatabaseTransaction,
    id: Uuid,
    f: Final,
    notify: bool,
) -> Result<(bool, transaction::Model)> {
    let Final { status, rc, data, biller_ref, actor } = f;
    let now = Utc::now();
    let mut update = Transaction::update_many()
        .col_expr(transaction::Column::Status, Expr::value(status))
        .col_expr(transaction::Column::Rc, Expr::value(rc.code()))
        .col_expr(transaction::Column::UpdatedAt, Expr::value(now))
        // Whoever held it (the paying request, a worker) is done with it.
        .col_expr(transaction::Column::LockedUntil, Expr::value(Option::<DateTime<Utc>>::None))
        .filter(transaction::Column::Id.eq(id))
        .filter(transaction::Column::Status.eq(TxStatus::Pending));
    if status != TxStatus::Pending {
        update = update
            .col_expr(transaction::Column::FinalAt, Expr::value(Some(now)))
            .col_expr(transaction::Column::NextPollAt, Expr::value(Option::<DateTime<Utc>>::None));
    }
    if let Some(d) = &data {
        update = update.col_expr(transaction::Column::Data, Expr::value(d.to_string()));
    }
    if let Some(r) = &biller_ref {
        update = update.col_expr(transaction::Column::BillerRef, Expr::value(Some(r.clone())));
    }
    // The row as written comes back with the update (issue 17: no second
    // read); one already final is read as it stands.
    let (changed, t) = match update.exec_with_returning(txn).await?.pop() {
        Some(t) => (true, t),
        None => (false, Transaction::find_by_id(id).one(txn).await?.ok_or(Error::Refused(Problem::NotFound))?),
    };
    if changed && status == TxStatus::Failed {
        let refund = Movement {
            user_id: t.user_id,
            env: t.environment,
            kind: Kind::Refund,
            amount: t.total,
            reference: &format!("refund:{id}"),
            note: Some(&format!("rc {}", rc.code())),
            actor_name: &actor,
        };
        ledger::apply(txn, &refund).await?;
    }
    if changed && status == TxStatus::Success {
        crate::payment_days::succeeded(txn, &t).await?;
    }
    // Became final after a pending answer: the partner is told by callback.
    if changed && notify && status != TxStatus::Pending {
        crate::callbacks::enqueue(txn, &t).await?;
    }
    Ok((changed, t))
}

/// When the worker first asks about a payment that just went pending, and
/// until when it keeps asking.
pub fn first_poll(policy: &PollPolicy, now: DateTime<Utc>) -> (DateTime<Utc>, Option<DateTime<Utc>>) {
    (after(now, policy.first), policy.window.map(|w| after(now, w)))
}

fn after(t: DateTime<Utc>, d: std::time::Duration) -> DateTime<Utc> {
    t + chrono::Duration::from_std(d).unwrap_or(chrono::Duration::days(1))
}

/// When to ask next after `attempts` questions: on the biller's backoff,
/// the last time at the end of its window, then never (H+1 closes it).
pub fn next_poll(
    policy: &PollPolicy,
    attempts: i32,
    until: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Option<DateTime<Utc>> {
    let next = after(now, policy.delay(attempts));
    match until {
        Some(u) if now >= u => None,
        Some(u) => Some(std::cmp::min(next, u)),
        None => Some(next),
    }
}

/// The payment's route and its product.
async fn route_of(state: &AppState, t: &transaction::Model) -> Result<Option<(Route, product::Model)>> {
    let env = t.environment;
    let product = Product::find_by_id(t.product_code.clone()).one(&state.db).await?;
    Ok(product.and_then(|p| Some((billers::route(&state.billers, env, t.user_id, &p)?, p))))
}

/// Asks the biller how a pending payment stands (unless its breaker is
/// open), and settles a final answer.
async fn ask_status(
    state: &AppState,
    route: &Route,
    p: &product::Model,
    t: transaction::Model,
) -> Result<transaction::Model> {
    let gate = route.gate(&state.db).await?;
    if gate.is_open() {
        return Ok(t);
    }
    let stored: serde_json::Value = serde_json::from_str(&t.data).unwrap_or_default();
    let req = PayRequest {
        id: t.id,
        product_code: billers::biller_code(p),
        customer_id: t.customer_id.clone(),
        reference_id: t.reference_id.clone(),
        tagihan: t.tagihan,
        amount: t.total,
        periode: stored.get("periode").and_then(serde_json::Value::as_str).map(str::to_owned),
        buy_price: p.buy_price,
    };
    let biller_ref = t.biller_ref.clone().unwrap_or_default();
    let window = route.biller.polling().window;
    match route.ask(&state.db, gate, route.biller.status(&req, &biller_ref)).await {
        // A status question that fails says nothing about the payment.
        Ok(PayOutcome::Pending { .. })
        | Err(BillerError::Timeout | BillerError::Down(_) | BillerError::Misconfigured(_)) => Ok(t),
        Ok(PayOutcome::NotFound) if !not_found_is_final(t.created_at, window, Utc::now()) => Ok(t),
        Ok(PayOutcome::NotFound) => settle(state, t.id, Ok(PayOutcome::Failed { rc: Rc::Failed }), true).await,
        outcome => settle(state, t.id, outcome, true).await,
    }
}

/// A biller that has no record of an order may simply not have written it
/// yet: only after its own window is that an answer (and for billers
/// without one, the H+1 reconciliation decides).
pub fn not_found_is_final(created: DateTime<Utc>, window: Option<std::time::Duration>, now: DateTime<Utc>) -> bool {
    window.is_some_and(|w| now >= after(created, w))
}

/// The status job of one pending payment: taken with a lease (so no two
/// instances ask the biller about it at once), asked, rescheduled and
/// released. `None` when another worker holds it or already settled it.
pub async fn poll(state: &AppState, t: transaction::Model) -> Result<Option<transaction::Model>> {
    take_and_ask(state, t, Condition::all()).await
}

/// `poll`, for a job that must still be due when its lease is taken: a
/// worker with an older list of due payments does not ask again about one
/// another worker has just asked about and rescheduled.
async fn poll_if_due(state: &AppState, t: transaction::Model) -> Result<Option<transaction::Model>> {
    take_and_ask(state, t, Condition::all().add(transaction::Column::NextPollAt.lte(Utc::now()))).await
}

async fn take_and_ask(state: &AppState, t: transaction::Model, also: Condition) -> Result<Option<transaction::Model>> {
    let (id, lock) = (transaction::Column::Id, transaction::Column::LockedUntil);
    let still_pending = also.add(transaction::Column::Status.eq(TxStatus::Pending));
    if !crate::infra::lease::take::<Transaction>(&state.db, id, t.id, lock, CALL_LEASE_SECS, still_pending).await? {
        return Ok(None);
    }
    // Read again under the lease: `t` may be older than another worker's round.
    let t = Transaction::find_by_id(t.id).one(&state.db).await?.ok_or(Error::Refused(Problem::NotFound))?;
    let (tid, attempts, until) = (t.id, t.poll_attempts + 1, t.poll_until);
    let route = route_of(state, &t).await;
    let policy = match &route {
        Ok(Some((r, _))) => r.biller.polling(),
        _ => PollPolicy::UNTIL_RECONCILIATION,
    };
    let asked = match route {
        Ok(Some((r, p))) => ask_status(state, &r, &p, t).await,
        Ok(None) => Ok(t),
        Err(e) => Err(e),
    };
    // Released whatever happened, so an error does not strand the job.
    let now = Utc::now();
    let next = asked
        .as_ref()
        .map_or(true, |t| t.status == TxStatus::Pending)
        .then(|| next_poll(&policy, attempts, until, now));
    Transaction::update_many()
        .col_expr(transaction::Column::PollAttempts, Expr::col(transaction::Column::PollAttempts).add(1))
        .col_expr(transaction::Column::NextPollAt, Expr::value(next.flatten()))
        .col_expr(transaction::Column::LockedUntil, Expr::value(Option::<DateTime<Utc>>::None))
        .filter(transaction::Column::Id.eq(tid))
        .exec(&state.db)
        .await?;
    asked?;
    Ok(Some(Transaction::find_by_id(tid).one(&state.db).await?.ok_or(Error::Refused(Problem::NotFound))?))
}

/// What one round of the status worker did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PollRound {
    /// Payments this worker asked about.
    pub asked: usize,
    /// Of those, how many became final.
    pub settled: usize,
}

/// One round of the status worker: every payment whose next question is
/// due, at most `limit`, each taken with a lease.
pub async fn poll_due(state: &AppState, limit: u64) -> Result<PollRound> {
    let due = Transaction::find()
        .filter(transaction::Column::Kind.eq(TxKind::Payment))
        .filter(transaction::Column::Status.eq(TxStatus::Pending))
        .filter(transaction::Column::NextPollAt.lte(Utc::now()))
        .order_by_asc(transaction::Column::NextPollAt)
        .limit(limit)
        .all(&state.db)
        .await?;
    let mut round = PollRound::default();
    for t in due {
        let Some(t) = poll_if_due(state, t).await? else { continue };
        round.asked += 1;
        if t.status != TxStatus::Pending {
            round.settled += 1;
            tracing::info!(transaction = %t.id, status = %t.status, "pending payment settled");
        }
    }
    Ok(round)
}

/// The H+1 reconciliation of one WIB day (`YYYY-MM-DD`): every payment of
/// that day still pending is asked of its biller once more; what is still
/// not final is closed as failed (rc 17) and refunded, and the partner is
/// called back. Safe to re-run: settled payments are left alone. A payment
/// another worker is asking about right now is left for the next run, so a
/// late success is never closed as failed under it.
pub async fn reconcile_day(state: &AppState, day: &str) -> Result<ReconcileOut> {
    let (from, to) = day_bounds(day)?;
    let rows = Transaction::find()
        .filter(transaction::Column::Kind.eq(TxKind::Payment))
        .filter(transaction::Column::Status.eq(TxStatus::Pending))
        .filter(transaction::Column::CreatedAt.gte(from))
        .filter(transaction::Column::CreatedAt.lt(to))
        .all(&state.db)
        .await?;
    let mut out = ReconcileOut { day: day.trim().to_owned(), ..ReconcileOut::default() };
    for t in rows {
        let id = t.id;
        let Some(t) = poll(state, t).await? else {
            out.busy += 1;
            continue;
        };
        let t = if t.status == TxStatus::Pending {
            settle(state, id, Ok(PayOutcome::Failed { rc: Rc::Failed }), true).await?
        } else {
            t
        };
        match t.status {
            TxStatus::Success => out.succeeded += 1,
            _ => out.failed += 1,
        }
    }
    tracing::info!(day = %out.day, succeeded = out.succeeded, failed = out.failed, busy = out.busy, "reconciliation done");
    Ok(out)
}

/// The start and end of a WIB day (`YYYY-MM-DD`) that is over.
fn day_bounds(day: &str) -> Result<(DateTime<Utc>, DateTime<Utc>)> {
    let date = chrono::NaiveDate::parse_from_str(day.trim(), "%Y-%m-%d")
        .map_err(|_| Error::field("day", Problem::Required))?;
    let from = crate::infra::wib::start_of(date);
    let to = from + chrono::Duration::days(1);
    if to > Utc::now() {
        // Only a day that is over can be reconciled.
        return Err(Error::field("day", Problem::TooSoon));
    }
    Ok((from, to))
}

pub use domain::finance::ReconcileOut;

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    const FIFTEEN_MINUTES: PollPolicy = PollPolicy {
        first: Duration::from_secs(15),
        max_interval: Duration::from_secs(120),
        window: Some(Duration::from_secs(900)),
    };

    #[test]
    fn not_found_is_an_answer_only_after_the_billers_window() {
        let t0 = Utc::now();
        let window = Some(Duration::from_secs(900));
        assert!(!not_found_is_final(t0, window, t0 + chrono::Duration::seconds(10)));
        assert!(!not_found_is_final(t0, window, t0 + chrono::Duration::seconds(899)));
        assert!(not_found_is_final(t0, window, t0 + chrono::Duration::seconds(900)));
        assert!(!not_found_is_final(t0, None, t0 + chrono::Duration::days(2)), "H+1 decides");
    }

    #[test]
    fn polling_stops_at_the_end_of_the_billers_window() {
        let t0 = Utc::now();
        let (first, until) = first_poll(&FIFTEEN_MINUTES, t0);
        assert_eq!(first, t0 + chrono::Duration::seconds(15));
        let until = until.unwrap();
        assert_eq!(until, t0 + chrono::Duration::minutes(15));
        // Early on: the backoff.
        assert_eq!(next_poll(&FIFTEEN_MINUTES, 1, Some(until), first), Some(first + chrono::Duration::seconds(30)));
        // Near the end: once more exactly at the end of the window.
        let late = until - chrono::Duration::seconds(10);
        assert_eq!(next_poll(&FIFTEEN_MINUTES, 6, Some(until), late), Some(until));
        // After it: no more questions until H+1.
        assert_eq!(next_poll(&FIFTEEN_MINUTES, 7, Some(until), until), None);
        // Billers without a window are asked until H+1, at most every 10 minutes.
        let open = PollPolicy::UNTIL_RECONCILIATION;
        assert_eq!(next_poll(&open, 30, None, t0), Some(t0 + chrono::Duration::minutes(10)));
    }
}
