//! Leases on job rows: a worker takes a row by one conditional update of
//! its `locked_until` column, which only succeeds when nobody holds it (or
//! the holder's lease ran out, e.g. the process died) and the job is still
//! to do. The update takes the row lock, so of two instances asking at once
//! exactly one wins, and a job another worker finished between the caller's
//! read and its lease is not run again.

use crate::error::Result;
use chrono::{Duration, Utc};
use sea_orm::sea_query::{Condition, Expr};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

/// Takes the row `id` of `E` for `secs` seconds if it still meets `due`;
/// false when another worker holds it or it is done.
pub async fn take<E: EntityTrait>(
    db: &impl ConnectionTrait,
    id_column: E::Column,
    id: Uuid,
    lock_column: E::Column,
    secs: i64,
    due: Condition,
) -> Result<bool> {
    let now = Utc::now();
    let taken = E::update_many()
        .col_expr(lock_column, Expr::value(Some(now + Duration::seconds(secs))))
        .filter(id_column.eq(id))
        .filter(due)
        .filter(Condition::any().add(lock_column.is_null()).add(lock_column.lt(now)))
        .exec(db)
        .await?;
    Ok(taken.rows_affected == 1)
}
