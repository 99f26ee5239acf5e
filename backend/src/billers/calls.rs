//! What staff see of a biller: each call (request with secrets masked,
//! reply, latency, what we read from it), its last balance, and alerts by
//! e-mail when it is misconfigured, charges more than the catalog says or
//! its balance runs low — the same alert at most once an hour per biller,
//! whichever instance notices first.

use crate::entity::biller_call::{self, Entity as BillerCall};
use crate::entity::biller_state::{self, Entity as BillerState};
use crate::ledger::Env;
use chrono::{DateTime, Duration, Utc};
use metrics::histogram;
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;

/// The longest reply kept per call.
const REPLY_KEPT: usize = 2_000;

/// Where an adapter writes its calls: the database and the biller's name.
#[derive(Clone)]
pub struct CallLog {
    pub db: DatabaseConnection,
    pub biller: String,
    pub env: Env,
    /// Who is alerted (staff's address) and the brand the mail is signed with.
    pub alert_to: String,
    pub brand: String,
}

/// One call, as the adapter saw it.
pub struct Call<'a> {
    pub operation: &'a str,
    pub transaction: Option<Uuid>,
    pub request: String,
    pub reply: &'a str,
    pub outcome: String,
    pub started: std::time::Instant,
}

fn cut(s: &str, n: usize) -> String {
    s.chars().take(n).collect()
}

impl CallLog {
    /// Records one call and its latency (a failure to record is logged:
    /// the call's answer matters more than its log line).
    pub async fn record(&self, call: Call<'_>) {
        let elapsed = call.started.elapsed();
        histogram!(
            "biller_call_duration_seconds",
            "biller" => self.biller.clone(),
            "operation" => call.operation.to_owned(),
            "outcome" => outcome_label(&call.outcome),
        )
        .record(elapsed.as_secs_f64());
        let row = biller_call::ActiveModel {
            id: Set(Uuid::now_v7()),
            biller: Set(self.biller.clone()),
            environment: Set(self.env),
            operation: Set(call.operation.to_owned()),
            transaction_id: Set(call.transaction),
            request: Set(cut(&call.request, REPLY_KEPT)),
            reply: Set(cut(call.reply, REPLY_KEPT)),
            outcome: Set(cut(&call.outcome, 120)),
            latency_ms: Set(i32::try_from(elapsed.as_millis()).unwrap_or(i32::MAX)),
            created_at: Set(Utc::now()),
        };
        if let Err(e) = BillerCall::insert(row).exec_without_returning(&self.db).await {
            tracing::error!(biller = %self.biller, error = %e, "biller call not recorded");
        }
    }

    /// Tells staff (e-mail) that something is wrong with this biller, unless
    /// they were told the same within the hour.
    pub async fn alert(&self, problem: &str) {
        if let Err(e) = alert(self, problem).await {
            tracing::error!(biller = %self.biller, error = %e, "biller alert not sent");
        }
    }
}

/// A coarse outcome for the metric's label (the log keeps the detail).
fn outcome_label(outcome: &str) -> String {
    outcome.split([':', ' ']).next().unwrap_or("other").chars().take(24).collect()
}

async fn alert(log: &CallLog, problem: &str) -> anyhow::Result<()> {
    let (db, biller) = (&log.db, log.biller.as_str());
    let now = Utc::now();
    ensure_row(db, biller).await?;
    let hour_ago: DateTime<Utc> = now - Duration::hours(1);
    let taken = BillerState::update_many()
        .col_expr(biller_state::Column::AlertedAt, Expr::value(Some(now)))
        .col_expr(biller_state::Column::LastAlert, Expr::value(Some(cut(problem, 500))))
        .filter(biller_state::Column::Biller.eq(biller))
        .filter(
            sea_orm::Condition::any()
                .add(biller_state::Column::AlertedAt.is_null())
                .add(biller_state::Column::AlertedAt.lt(hour_ago))
                .add(biller_state::Column::LastAlert.ne(cut(problem, 500))),
        )
        .exec(db)
        .await?;
    if taken.rows_affected == 0 {
        return Ok(());
    }
    tracing::warn!(biller, problem, "biller alert to staff");
    let kind = crate::mail::templates::Kind::BillerAlert { biller, problem };
    let mail = crate::mail::templates::render(&kind, domain::Lang::Id, &log.brand, &log.alert_to)?;
    crate::mail::enqueue(db, mail).await?;
    Ok(())
}

async fn ensure_row(db: &DatabaseConnection, biller: &str) -> anyhow::Result<()> {
    let row = biller_state::ActiveModel {
        biller: Set(biller.to_owned()),
        balance: Set(None),
        balance_at: Set(None),
        alerted_at: Set(None),
        last_alert: Set(None),
    };
    BillerState::insert(row)
        .on_conflict(OnConflict::column(biller_state::Column::Biller).do_nothing().to_owned())
        .exec_without_returning(db)
        .await?;
    Ok(())
}

/// Keeps the provider balance we were told.
pub async fn save_balance(db: &DatabaseConnection, biller: &str, balance: i64) -> anyhow::Result<()> {
    ensure_row(db, biller).await?;
    BillerState::update_many()
        .col_expr(biller_state::Column::Balance, Expr::value(Some(balance)))
        .col_expr(biller_state::Column::BalanceAt, Expr::value(Some(Utc::now())))
        .filter(biller_state::Column::Biller.eq(biller))
        .exec(db)
        .await?;
    metrics::gauge!("biller_balance_rupiah", "biller" => biller.to_owned()).set(balance as f64);
    Ok(())
}

/// A biller's last known state.
pub async fn state_of(db: &DatabaseConnection, biller: &str) -> crate::Result<Option<biller_state::Model>> {
    Ok(BillerState::find_by_id(biller.to_owned()).one(db).await?)
}

/// A biller's latest calls, newest first.
pub async fn recent(db: &DatabaseConnection, biller: &str, limit: u64) -> crate::Result<Vec<biller_call::Model>> {
    Ok(BillerCall::find()
        .filter(biller_call::Column::Biller.eq(biller))
        .order_by_desc(biller_call::Column::CreatedAt)
        .limit(limit)
        .all(db)
        .await?)
}
