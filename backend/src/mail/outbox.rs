//! The outbox worker: claims due messages with a lease (so several processes
//! never send the same one), sends them, and backs off on failure.

use super::Mailer;
use crate::entity::mail_outbox::{self, Column, Entity as Outbox};
use chrono::{Duration, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, Condition, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

pub use domain::mail::MailStatus;
/// After this many failed attempts a message is marked failed for good.
pub const MAX_ATTEMPTS: i32 = 8;
/// What stays of a secret-bearing body once the message is final.
pub const SCRUBBED: &str = "";
const LEASE_SECS: i64 = 120;

fn backoff(attempts: i32) -> Duration {
    // 10 s, 20 s, 40 s … capped at one hour.
    Duration::seconds((10i64 << attempts.clamp(0, 9)).min(3600))
}

/// Sends every due message once; returns how many were sent.
pub async fn deliver_due(db: &DatabaseConnection, mailer: &Mailer) -> anyhow::Result<usize> {
    let now = Utc::now();
    let due = Outbox::find()
        .filter(Column::Status.eq(MailStatus::Pending))
        .filter(Column::NextAttemptAt.lte(now))
        .filter(free_at(now))
        .order_by_asc(Column::NextAttemptAt)
        .limit(20)
        .all(db)
        .await?;
    let mut sent = 0;
    for row in due {
        if claim(db, &row).await? {
            sent += usize::from(deliver(db, mailer, row).await?);
        }
    }
    Ok(sent)
}

fn free_at(now: chrono::DateTime<Utc>) -> Condition {
    Condition::any().add(Column::LockedUntil.is_null()).add(Column::LockedUntil.lt(now))
}

/// Takes a lease on one message; false when another worker was first.
async fn claim(db: &DatabaseConnection, row: &mail_outbox::Model) -> crate::Result<bool> {
    let pending = Condition::all().add(Column::Status.eq(MailStatus::Pending));
    crate::infra::lease::take::<Outbox>(db, Column::Id, row.id, Column::LockedUntil, LEASE_SECS, pending).await
}

async fn deliver(db: &DatabaseConnection, mailer: &Mailer, row: mail_outbox::Model) -> anyhow::Result<bool> {
    let result = mailer.send(&row).await;
    let now = Utc::now();
    let mut update = Outbox::update_many().filter(Column::Id.eq(row.id));
    let final_now = result.is_ok() || row.attempts + 1 >= MAX_ATTEMPTS;
    if row.carries_secret && final_now {
        // Sent (or given up): the password or live link must not stay in
        // the database; subject, recipient and times remain.
        update = update.col_expr(Column::Html, Expr::value(SCRUBBED)).col_expr(Column::BodyText, Expr::value(SCRUBBED));
    }
    match result {
        Ok(()) => {
            update
                .col_expr(Column::Status, Expr::value(MailStatus::Sent))
                .col_expr(Column::SentAt, Expr::value(Some(now)))
                .col_expr(Column::LockedUntil, Expr::value(Option::<chrono::DateTime<Utc>>::None))
                .exec(db)
                .await?;
            metrics::counter!("emails_sent_total").increment(1);
            tracing::info!(mail_id = %row.id, "e-mail sent");
            Ok(true)
        }
        Err(e) => {
            let attempts = row.attempts + 1;
            let status = if attempts >= MAX_ATTEMPTS { MailStatus::Failed } else { MailStatus::Pending };
            update
                .col_expr(Column::Status, Expr::value(status))
                .col_expr(Column::Attempts, Expr::value(attempts))
                .col_expr(Column::NextAttemptAt, Expr::value(now + backoff(attempts)))
                .col_expr(Column::LastError, Expr::value(Some(format!("{e:#}"))))
                .col_expr(Column::LockedUntil, Expr::value(Option::<chrono::DateTime<Utc>>::None))
                .exec(db)
                .await?;
            metrics::counter!("emails_failed_total").increment(1);
            tracing::warn!(mail_id = %row.id, attempts, error = %format!("{e:#}"), "e-mail not sent");
            Ok(false)
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn backoff_doubles_and_is_capped() {
        assert_eq!(super::backoff(1).num_seconds(), 20);
        assert_eq!(super::backoff(2).num_seconds(), 40);
        assert_eq!(super::backoff(30).num_seconds(), 3600);
    }
}
