//! "Pelunasan Harian": one WIB day's payments counted and summed per
//! product and status, with the deposit's opening and closing balance of
//! the day (the statement's balances at the day's bounds).

use super::statement::{balance_before, env_of, period};
use crate::entity::transaction::{self, Entity as Transaction};
use crate::entity::OfPartner;
use crate::error::Result;
use domain::reports::{DayGroupOut, DaySettlementOut};
use domain::transaction::{TxKind, TxStatus};
use sea_orm::sea_query::{Expr, ExprTrait, Func};
use sea_orm::{ColumnTrait, ConnectionTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;

/// The day's settlement (`day` empty: today, WIB).
pub async fn settlement(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    environment: &str,
    day: &str,
) -> Result<DaySettlementOut> {
    let env = env_of(environment)?;
    let today = crate::infra::wib::day(chrono::Utc::now());
    let day = if day.trim().is_empty() { today.as_str() } else { day };
    let p = period(day, day)?;
    let rows: Vec<(String, TxStatus, i64, Option<i64>)> = Transaction::of_partner(user_id)
        .filter(transaction::Column::Environment.eq(env))
        .filter(transaction::Column::Kind.eq(TxKind::Payment))
        .filter(transaction::Column::CreatedAt.gte(p.start))
        .filter(transaction::Column::CreatedAt.lt(p.end))
        .select_only()
        .column(transaction::Column::ProductCode)
        .column(transaction::Column::Status)
        .column_as(Expr::col(transaction::Column::Id).count().cast_as("BIGINT"), "count")
        // SUM of a BIGINT is NUMERIC on PostgreSQL: cast back.
        .column_as(Expr::expr(Func::sum(Expr::col(transaction::Column::Total))).cast_as("BIGINT"), "total")
        .group_by(transaction::Column::ProductCode)
        .group_by(transaction::Column::Status)
        .order_by_asc(transaction::Column::ProductCode)
        .into_tuple()
        .all(db)
        .await?;
    let groups: Vec<DayGroupOut> = rows
        .into_iter()
        .map(|(product_code, status, count, total)| DayGroupOut {
            product_code,
            status,
            count,
            total: total.unwrap_or(0),
        })
        .collect();
    let success = groups.iter().filter(|g| g.status == TxStatus::Success);
    Ok(DaySettlementOut {
        day: p.from.format("%Y-%m-%d").to_string(),
        environment: env,
        opening: balance_before(db, user_id, env, p.start).await?,
        closing: balance_before(db, user_id, env, p.end).await?,
        success_count: success.clone().map(|g| g.count).sum(),
        success_total: success.map(|g| g.total).sum(),
        groups,
    })
}
