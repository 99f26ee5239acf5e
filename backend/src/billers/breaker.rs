//! Circuit breakers (R-BIL-5): a biller that times out or is unreachable
//! five times in a row is left alone for a while, and its products answer
//! rc 38 ("Link ke biller terputus", Maintenance) without a call. When the
//! pause is over one call goes through as a probe: if the biller answers
//! the breaker closes, if not it opens again for twice as long (30 s, 60 s
//! … up to 10 minutes).
//!
//! The state lives in the database, so every gateway instance sees the same
//! breaker, and every change is one conditional statement: two instances
//! never both take the probe. Scopes: production has one breaker per
//! biller; development one per partner and biller, because the sandbox
//! simulates an outage for the partner who asked for it, not for everyone.

use super::BillerError;
use crate::entity::biller_breaker::{self, Entity as BillerBreaker};
use crate::error::Result;
use crate::infra::wib;
use crate::ledger::Env;
use chrono::{DateTime, Duration, Utc};
use domain::finance::BreakerOut;
use domain::finance::BreakerState;
use sea_orm::sea_query::{Expr, ExprTrait, OnConflict};
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use std::collections::HashSet;
use uuid::Uuid;

/// Consecutive failures that open a breaker.
pub const THRESHOLD: i32 = 5;
pub const FIRST_COOLDOWN_SECS: i32 = 30;
pub const MAX_COOLDOWN_SECS: i32 = 600;
/// How long a probe may take before another instance may probe instead
/// (longer than the biller timeout).
const PROBE_SECS: i64 = 60;

/// The breaker of `biller` as seen by `user_id` in `env`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Breaker {
    pub scope: String,
    pub biller: String,
}

impl Breaker {
    pub fn new(env: Env, user_id: Uuid, biller: &str) -> Breaker {
        Breaker { scope: scope_prefix(env, user_id) + biller, biller: biller.to_owned() }
    }
}

fn scope_prefix(env: Env, user_id: Uuid) -> String {
    match env {
        Env::Production => "production:".to_owned(),
        Env::Development => format!("development:{user_id}:"),
    }
}

/// What the breaker lets a call do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gate {
    /// Call; `clean` when there is nothing to reset after a success.
    Closed { clean: bool },
    /// Call as the one probe of an open breaker.
    Probe { cooldown: i32 },
    /// Do not call: answer rc 38.
    Open,
}

impl Gate {
    pub fn is_open(self) -> bool {
        self == Gate::Open
    }
}

/// Whether a biller's answer says it is up. A refusal (wrong number,
/// already paid) is an answer; silence and unreachability are not.
pub fn is_outage(e: &BillerError) -> bool {
    matches!(e, BillerError::Timeout | BillerError::Down(_) | BillerError::Misconfigured(_))
}

/// How many failures one error counts for: a misconfiguration opens the
/// breaker at once (every call would fail the same way until staff act).
fn weight(e: &BillerError) -> i32 {
    if matches!(e, BillerError::Misconfigured(_)) {
        THRESHOLD
    } else {
        1
    }
}

/// The next pause after a failed probe.
pub fn next_cooldown(cooldown: i32) -> i32 {
    std::cmp::min(std::cmp::max(cooldown, FIRST_COOLDOWN_SECS / 2) * 2, MAX_COOLDOWN_SECS)
}

/// May a call go to this biller now?
pub async fn gate(db: &impl ConnectionTrait, b: &Breaker) -> Result<Gate> {
    let row = BillerBreaker::find_by_id(b.scope.clone()).one(db).await?;
    gate_of(db, b, row).await
}

/// The breaker's row (`None`: it never failed) and the count of changes
/// (`gateway::memo`) in one query, so that the gateway may remember it.
pub async fn read_with_version(
    db: &impl ConnectionTrait,
    b: &Breaker,
) -> Result<(crate::gateway::memo::Version, Option<biller_breaker::Model>)> {
    use sea_orm::sea_query::{Alias, Asterisk, JoinType, Query};
    use sea_orm::FromQueryResult;
    let on = Expr::col((BillerBreaker, biller_breaker::Column::Scope)).eq(b.scope.as_str());
    let select = Query::select()
        .column((BillerBreaker, Asterisk))
        .expr_as(Expr::cust(crate::gateway::memo::VERSION_SQL), Alias::new("memo_version"))
        .from_values([1], Alias::new("one"))
        .join(JoinType::LeftJoin, BillerBreaker, on)
        .to_owned();
    let row = db.query_one(&select).await?.ok_or_else(|| anyhow::anyhow!("no row from a VALUES list"))?;
    let version = row.try_get("", "memo_version")?;
    let breaker = match row.try_get::<Option<String>>("", "scope")? {
        Some(_) => Some(biller_breaker::Model::from_query_result(&row, "")?),
        None => None,
    };
    Ok((version, breaker))
}

/// What the breaker whose row is `row` lets a call do now; taking the probe
/// of an open breaker whose pause is over is a write.
pub async fn gate_of(db: &impl ConnectionTrait, b: &Breaker, row: Option<biller_breaker::Model>) -> Result<Gate> {
    let Some(row) = row else {
        return Ok(Gate::Closed { clean: true });
    };
    if row.state == BreakerState::Closed {
        return Ok(Gate::Closed { clean: row.failures == 0 });
    }
    let now = Utc::now();
    if row.open_until.is_some_and(|t| t > now) {
        return Ok(Gate::Open);
    }
    // The pause is over (or a probe was lost): one instance takes the probe.
    let taken = BillerBreaker::update_many()
        .col_expr(biller_breaker::Column::State, Expr::value(BreakerState::Probing))
        .col_expr(biller_breaker::Column::OpenUntil, Expr::value(Some(now + Duration::seconds(PROBE_SECS))))
        .col_expr(biller_breaker::Column::UpdatedAt, Expr::value(now))
        .filter(biller_breaker::Column::Scope.eq(b.scope.clone()))
        .filter(biller_breaker::Column::State.ne(BreakerState::Closed))
        .filter(biller_breaker::Column::OpenUntil.lte(now))
        .exec(db)
        .await?;
    Ok(if taken.rows_affected == 1 { Gate::Probe { cooldown: row.cooldown_secs } } else { Gate::Open })
}

/// Records how a call that `gate` let through went.
pub async fn record<T>(
    db: &impl ConnectionTrait,
    b: &Breaker,
    gate: Gate,
    outcome: &std::result::Result<T, BillerError>,
) -> Result<()> {
    let failure = outcome.as_ref().err().filter(|e| is_outage(e));
    match (gate, failure) {
        (Gate::Open, _) | (Gate::Closed { clean: true }, None) => Ok(()),
        (Gate::Closed { .. } | Gate::Probe { .. }, None) => close(db, b, gate).await,
        (Gate::Closed { .. }, Some(e)) => count_failure(db, b, e).await,
        (Gate::Probe { cooldown }, Some(e)) => reopen(db, b, next_cooldown(cooldown), e).await,
    }
}

async fn close(db: &impl ConnectionTrait, b: &Breaker, gate: Gate) -> Result<()> {
    BillerBreaker::update_many()
        .col_expr(biller_breaker::Column::State, Expr::value(BreakerState::Closed))
        .col_expr(biller_breaker::Column::Failures, Expr::value(0))
        .col_expr(biller_breaker::Column::CooldownSecs, Expr::value(0))
        .col_expr(biller_breaker::Column::OpenUntil, Expr::value(Option::<DateTime<Utc>>::None))
        .col_expr(biller_breaker::Column::OpenedAt, Expr::value(Option::<DateTime<Utc>>::None))
        .col_expr(biller_breaker::Column::UpdatedAt, Expr::value(Utc::now()))
        .filter(biller_breaker::Column::Scope.eq(b.scope.clone()))
        .exec(db)
        .await?;
    if matches!(gate, Gate::Probe { .. }) {
        tracing::info!(scope = %b.scope, "biller answers again: breaker closed");
    }
    Ok(())
}

fn error_text(e: &BillerError) -> String {
    e.to_string().chars().take(300).collect()
}

/// One more consecutive failure; the fifth opens the breaker.
async fn count_failure(db: &impl ConnectionTrait, b: &Breaker, e: &BillerError) -> Result<()> {
    let now = Utc::now();
    let row = biller_breaker::ActiveModel {
        scope: Set(b.scope.clone()),
        biller: Set(b.biller.clone()),
        state: Set(BreakerState::Closed),
        failures: Set(weight(e)),
        cooldown_secs: Set(0),
        open_until: Set(None),
        opened_at: Set(None),
        trips: Set(0),
        last_error: Set(Some(error_text(e))),
        updated_at: Set(now),
    };
    let add_one = OnConflict::column(biller_breaker::Column::Scope)
        .value(
            biller_breaker::Column::Failures,
            Expr::col((BillerBreaker, biller_breaker::Column::Failures)).add(weight(e)),
        )
        .update_columns([biller_breaker::Column::LastError, biller_breaker::Column::UpdatedAt])
        .to_owned();
    BillerBreaker::insert(row).on_conflict(add_one).exec_without_returning(db).await?;
    let opened = BillerBreaker::update_many()
        .col_expr(biller_breaker::Column::State, Expr::value(BreakerState::Open))
        .col_expr(biller_breaker::Column::CooldownSecs, Expr::value(FIRST_COOLDOWN_SECS))
        .col_expr(
            biller_breaker::Column::OpenUntil,
            Expr::value(Some(now + Duration::seconds(FIRST_COOLDOWN_SECS.into()))),
        )
        .col_expr(biller_breaker::Column::OpenedAt, Expr::value(Some(now)))
        .col_expr(biller_breaker::Column::Trips, Expr::col(biller_breaker::Column::Trips).add(1))
        .filter(biller_breaker::Column::Scope.eq(b.scope.clone()))
        .filter(biller_breaker::Column::State.eq(BreakerState::Closed))
        .filter(biller_breaker::Column::Failures.gte(THRESHOLD))
        .exec(db)
        .await?;
    if opened.rows_affected == 1 {
        tracing::warn!(scope = %b.scope, error = %e, "biller down: breaker open, its products answer rc 38");
    }
    Ok(())
}

async fn reopen(db: &impl ConnectionTrait, b: &Breaker, cooldown: i32, e: &BillerError) -> Result<()> {
    let now = Utc::now();
    BillerBreaker::update_many()
        .col_expr(biller_breaker::Column::State, Expr::value(BreakerState::Open))
        .col_expr(biller_breaker::Column::CooldownSecs, Expr::value(cooldown))
        .col_expr(biller_breaker::Column::OpenUntil, Expr::value(Some(now + Duration::seconds(cooldown.into()))))
        .col_expr(biller_breaker::Column::LastError, Expr::value(Some(error_text(e))))
        .col_expr(biller_breaker::Column::UpdatedAt, Expr::value(now))
        .filter(biller_breaker::Column::Scope.eq(b.scope.clone()))
        .filter(biller_breaker::Column::State.eq(BreakerState::Probing))
        .exec(db)
        .await?;
    tracing::warn!(scope = %b.scope, cooldown, "probe failed: breaker open again");
    Ok(())
}

/// The billers whose breaker is not closed for this partner here: their
/// products are shown as Maintenance.
pub async fn down_billers(db: &impl ConnectionTrait, env: Env, user_id: Uuid) -> Result<HashSet<String>> {
    let prefix = scope_prefix(env, user_id);
    Ok(BillerBreaker::find()
        .filter(biller_breaker::Column::Scope.starts_with(&prefix))
        .filter(biller_breaker::Column::State.ne(BreakerState::Closed))
        .all(db)
        .await?
        .into_iter()
        .map(|r| r.biller)
        .collect())
}

/// The breakers a partner sees in an environment (production's are every
/// partner's; `user_id` only matters in development), by biller.
pub async fn list(db: &impl ConnectionTrait, env: Env, user_id: Uuid) -> Result<Vec<BreakerOut>> {
    Ok(BillerBreaker::find()
        .filter(biller_breaker::Column::Scope.starts_with(scope_prefix(env, user_id)))
        .order_by_asc(biller_breaker::Column::Biller)
        .all(db)
        .await?
        .into_iter()
        .map(|r| BreakerOut {
            biller: r.biller,
            state: r.state,
            failures: r.failures,
            opened_at: r.opened_at.map(wib::format),
            open_until: r.open_until.map(wib::format),
            trips: r.trips,
            last_error: r.last_error,
        })
        .collect())
}

/// Closes a breaker by hand (the biller is known to be back); false when
/// it was not open.
pub async fn reset(db: &impl ConnectionTrait, b: &Breaker) -> Result<bool> {
    let was_open =
        BillerBreaker::find_by_id(b.scope.clone()).one(db).await?.is_some_and(|r| r.state != BreakerState::Closed);
    if was_open {
        close(db, b, Gate::Closed { clean: false }).await?;
    }
    Ok(was_open)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cooldown_doubles_up_to_ten_minutes() {
        assert_eq!(next_cooldown(0), 30);
        assert_eq!(next_cooldown(30), 60);
        assert_eq!(next_cooldown(60), 120);
        assert_eq!(next_cooldown(480), 600);
        assert_eq!(next_cooldown(600), 600);
    }

    #[test]
    fn only_silence_counts_as_an_outage() {
        assert!(is_outage(&BillerError::Timeout));
        assert!(is_outage(&BillerError::Down("refused".into())));
        assert!(!is_outage(&BillerError::Declined(crate::gateway::rc::Rc::AlreadyPaid)));
    }

    #[test]
    fn development_breakers_belong_to_one_partner() {
        let a = Breaker::new(Env::Development, Uuid::from_u128(1), "pdam");
        let b = Breaker::new(Env::Development, Uuid::from_u128(2), "pdam");
        assert_ne!(a.scope, b.scope);
        let p = Breaker::new(Env::Production, Uuid::from_u128(1), "pdam");
        assert_eq!(p, Breaker::new(Env::Production, Uuid::from_u128(2), "pdam"));
        assert_eq!(p.scope, "production:pdam");
    }
}
