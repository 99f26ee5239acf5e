//! Each partner's successful payments counted and summed per WIB day of
//! their creation, kept by `settlement::write` in the transaction that
//! makes a payment successful. Success is final (only a pending payment
//! changes), so a day's rows only grow; the dashboard's chart reads a few
//! rows a day instead of every payment. A day is kept in `SLOTS` rows, a
//! payment counted in the one its id picks: concurrent settlements of one
//! partner lock different rows and commit together (issue 17).

use crate::entity::payment_day::{self, Entity as PaymentDay};
use crate::entity::transaction::{self, Entity as Transaction};
use crate::entity::OfPartner;
use crate::error::Result;
use crate::infra::wib;
use chrono::NaiveDate;
use domain::transaction::{TxKind, TxStatus};
use domain::Env;
use sea_orm::sea_query::{Expr, ExprTrait, OnConflict};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set};
use std::collections::HashMap;
use uuid::Uuid;

type Key = (Uuid, Env, String);

/// Rows a day of one partner is kept in: more than the payments one
/// partner settles at once on a busy gateway.
pub const SLOTS: u128 = 16;

/// The row of its day a payment is counted in: low bits of its id (random
/// in a UUIDv7).
pub fn slot_of(payment: Uuid) -> i16 {
    // Below SLOTS (16): always fits.
    (payment.as_u128() % SLOTS) as i16
}

/// Adds `count` payments worth `total` to one row of a day.
async fn add(
    db: &impl ConnectionTrait,
    (user_id, environment, day): Key,
    slot: i16,
    (count, total): (i64, i64),
) -> Result<()> {
    let row = payment_day::ActiveModel {
        user_id: Set(user_id),
        environment: Set(environment),
        day: Set(day),
        slot: Set(slot),
        count: Set(count),
        total: Set(total),
    };
    let plus = |c: payment_day::Column, v: i64| Expr::col((payment_day::Entity, c)).add(v);
    let upsert = OnConflict::columns([
        payment_day::Column::UserId,
        payment_day::Column::Environment,
        payment_day::Column::Day,
        payment_day::Column::Slot,
    ])
    .value(payment_day::Column::Count, plus(payment_day::Column::Count, count))
    .value(payment_day::Column::Total, plus(payment_day::Column::Total, total))
    .to_owned();
    PaymentDay::insert(row).on_conflict(upsert).exec_without_returning(db).await?;
    Ok(())
}

/// Counts a payment that just became successful (call in that transaction).
pub async fn succeeded(db: &impl ConnectionTrait, t: &transaction::Model) -> Result<()> {
    add(db, (t.user_id, t.environment, wib::day(t.created_at)), slot_of(t.id), (1, t.total)).await
}

/// Count and total of each WIB day `from..=to` that had a successful payment.
pub async fn of_days(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    env: Env,
    (from, to): (NaiveDate, NaiveDate),
) -> Result<HashMap<String, (i64, i64)>> {
    let rows = PaymentDay::of_partner(user_id)
        .filter(payment_day::Column::Environment.eq(env))
        .filter(payment_day::Column::Day.gte(from.format("%Y-%m-%d").to_string()))
        .filter(payment_day::Column::Day.lte(to.format("%Y-%m-%d").to_string()))
        .all(db)
        .await?;
    let mut days: HashMap<String, (i64, i64)> = HashMap::new();
    for r in rows {
        let d = days.entry(r.day).or_default();
        *d = (d.0 + r.count, d.1 + r.total);
    }
    Ok(days)
}

/// Sums every successful payment again from scratch (payments older than
/// this table, once at start-up).
pub async fn rebuild(db: &impl ConnectionTrait) -> Result<()> {
    PaymentDay::delete_many().exec(db).await?;
    let mut sums: HashMap<Key, (i64, i64)> = HashMap::new();
    let mut after: Option<Uuid> = None;
    loop {
        let mut q = successful().order_by_asc(transaction::Column::Id).limit(5_000);
        if let Some(id) = after {
            q = q.filter(transaction::Column::Id.gt(id));
        }
        let batch = q.all(db).await?;
        for t in &batch {
            let s = sums.entry((t.user_id, t.environment, wib::day(t.created_at))).or_default();
            *s = (s.0 + 1, s.1 + t.total);
        }
        match batch.last() {
            Some(last) if batch.len() == 5_000 => after = Some(last.id),
            _ => break,
        }
    }
    for (key, s) in sums {
        add(db, key, 0, s).await?;
    }
    Ok(())
}

fn successful() -> sea_orm::Select<Transaction> {
    Transaction::find()
        .filter(transaction::Column::Kind.eq(TxKind::Payment))
        .filter(transaction::Column::Status.eq(TxStatus::Success))
}

/// At start-up: sums existing payments once, when the table is new.
pub async fn rebuild_if_empty(db: &impl ConnectionTrait) -> Result<()> {
    if PaymentDay::find().count(db).await? == 0 && successful().one(db).await?.is_some() {
        tracing::info!("summing successful payments per day (once)");
        rebuild(db).await?;
    }
    Ok(())
}
