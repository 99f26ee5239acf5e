//! Each deposit's movements summed per WIB day, kept by `ledger::apply` in
//! the transaction of each movement: a statement's totals over a period of
//! whole days read one row a day instead of every entry.

use crate::entity::ledger_day::{self, Entity as LedgerDay};
use crate::entity::ledger_entry::{self, Entity as LedgerEntry};
use crate::entity::OfPartner;
use crate::error::Result;
use crate::infra::wib;
use chrono::NaiveDate;
use domain::Env;
use sea_orm::sea_query::{Expr, ExprTrait, Func, OnConflict};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set};
use std::collections::HashMap;
use uuid::Uuid;

/// Adds `n` entries moving `credit` in and `debit` out to one day's row.
async fn add(db: &impl ConnectionTrait, key: (Uuid, Env, String), (credit, debit, n): (i64, i64, i64)) -> Result<()> {
    let (user_id, environment, day) = key;
    let row = ledger_day::ActiveModel {
        user_id: Set(user_id),
        environment: Set(environment),
        day: Set(day),
        credit: Set(credit),
        debit: Set(debit),
        entries: Set(n),
    };
    let plus = |c: ledger_day::Column, v: i64| Expr::col((ledger_day::Entity, c)).add(v);
    let upsert =
        OnConflict::columns([ledger_day::Column::UserId, ledger_day::Column::Environment, ledger_day::Column::Day])
            .value(ledger_day::Column::Credit, plus(ledger_day::Column::Credit, credit))
            .value(ledger_day::Column::Debit, plus(ledger_day::Column::Debit, debit))
            .value(ledger_day::Column::Entries, plus(ledger_day::Column::Entries, n))
            .to_owned();
    LedgerDay::insert(row).on_conflict(upsert).exec_without_returning(db).await?;
    Ok(())
}

/// Counts one new entry in its day (call in the entry's transaction).
pub async fn count(db: &impl ConnectionTrait, e: &ledger_entry::Model) -> Result<()> {
    let key = (e.user_id, e.environment, wib::day(e.created_at));
    add(db, key, (std::cmp::max(e.amount, 0), std::cmp::max(-e.amount, 0), 1)).await
}

/// Credits, debits and entries of the WIB days `from..=to`.
pub async fn totals(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    env: Env,
    (from, to): (NaiveDate, NaiveDate),
) -> Result<(i64, i64, u64)> {
    // SUM of a BIGINT is NUMERIC on PostgreSQL: cast back.
    let sum = |c: ledger_day::Column| Expr::expr(Func::sum(Expr::col(c))).cast_as("BIGINT");
    let (credit, debit, entries): (Option<i64>, Option<i64>, Option<i64>) = LedgerDay::of_partner(user_id)
        .filter(ledger_day::Column::Environment.eq(env))
        .filter(ledger_day::Column::Day.gte(from.format("%Y-%m-%d").to_string()))
        .filter(ledger_day::Column::Day.lte(to.format("%Y-%m-%d").to_string()))
        .select_only()
        .column_as(sum(ledger_day::Column::Credit), "credit")
        .column_as(sum(ledger_day::Column::Debit), "debit")
        .column_as(sum(ledger_day::Column::Entries), "entries")
        .into_tuple()
        .one(db)
        .await?
        .unwrap_or((None, None, None));
    Ok((credit.unwrap_or(0), debit.unwrap_or(0), std::cmp::max(entries.unwrap_or(0), 0) as u64))
}

/// Sums every entry again from scratch (for a ledger older than this
/// table, once at start-up, or after entries were moved by hand).
pub async fn rebuild(db: &impl ConnectionTrait) -> Result<()> {
    LedgerDay::delete_many().exec(db).await?;
    let mut sums: HashMap<(Uuid, Env, String), (i64, i64, i64)> = HashMap::new();
    let mut after: Option<Uuid> = None;
    loop {
        let mut q = LedgerEntry::find().order_by_asc(ledger_entry::Column::Id).limit(5_000);
        if let Some(id) = after {
            q = q.filter(ledger_entry::Column::Id.gt(id));
        }
        let batch = q.all(db).await?;
        for e in &batch {
            let s = sums.entry((e.user_id, e.environment, wib::day(e.created_at))).or_default();
            *s = (s.0 + std::cmp::max(e.amount, 0), s.1 + std::cmp::max(-e.amount, 0), s.2 + 1);
        }
        match batch.last() {
            Some(last) if batch.len() == 5_000 => after = Some(last.id),
            _ => break,
        }
    }
    for (key, s) in sums {
        add(db, key, s).await?;
    }
    Ok(())
}

/// At start-up: sums an existing ledger once, when the table is new.
pub async fn rebuild_if_empty(db: &impl ConnectionTrait) -> Result<()> {
    if LedgerDay::find().count(db).await? == 0 && LedgerEntry::find().count(db).await? > 0 {
        tracing::info!("summing the ledger per day (once)");
        rebuild(db).await?;
    }
    Ok(())
}
