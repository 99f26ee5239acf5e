//! Gauges read from the database when `/metrics` is scraped (R-Q-4): the
//! payments per environment and status, how many are pending, and each
//! production biller breaker's state. Read at scrape time, so every
//! instance reports the shared truth, never a stale local count.

use crate::entity::biller_breaker::Entity as BillerBreaker;
use crate::entity::transaction::{self, Entity as Transaction};
use crate::error::Result;
use domain::finance::BreakerState;
use domain::transaction::{TxKind, TxStatus};
use domain::Env;
use metrics::gauge;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QuerySelect};

/// Sets the database-backed gauges.
pub async fn refresh(db: &DatabaseConnection) -> Result<()> {
    let counts: Vec<(Env, TxStatus, i64)> = Transaction::find()
        .select_only()
        .column(transaction::Column::Environment)
        .column(transaction::Column::Status)
        .column_as(transaction::Column::Id.count(), "n")
        .filter(transaction::Column::Kind.eq(TxKind::Payment))
        .group_by(transaction::Column::Environment)
        .group_by(transaction::Column::Status)
        .into_tuple()
        .all(db)
        .await?;
    let mut pending = 0;
    for (env, status, n) in counts {
        if status == TxStatus::Pending {
            pending += n;
        }
        gauge!("transactions", "environment" => env.code(), "status" => status.code()).set(n as f64);
    }
    gauge!("transactions_pending").set(pending as f64);
    // Development breakers are per partner; production's are the billers'.
    for b in BillerBreaker::find().all(db).await? {
        if b.scope.starts_with("production:") {
            let open = if b.state == BreakerState::Closed { 0.0 } else { 1.0 };
            gauge!("biller_breaker_open", "biller" => b.biller).set(open);
        }
    }
    Ok(())
}
