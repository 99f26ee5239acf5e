//! The deposit ledger: integer Rupiah, append-only entries with the balance
//! after each, one database transaction per movement, never below zero, and
//! idempotent by reference (a retried movement is not applied twice).

use crate::entity::deposit::{self, Entity as Deposit};
use crate::entity::ledger_entry::{self, Entity as LedgerEntry};
use crate::entity::OfPartner;
use crate::error::{Error, Result};
use chrono::Utc;
use domain::finance::{MAX_BALANCE, MAX_MOVEMENT};
use domain::Problem;
use sea_orm::sea_query::{Expr, ExprTrait, OnConflict};
use sea_orm::ActiveModelBehavior;
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

pub use domain::Env;

/// Why a deposit moved (stored as its code).
pub use domain::finance::LedgerKind as Kind;

/// One movement: `amount` is signed (a debit is negative).
#[derive(Debug, Clone)]
pub struct Movement<'a> {
    pub user_id: Uuid,
    pub env: Env,
    pub kind: Kind,
    pub amount: i64,
    pub reference: &'a str,
    pub note: Option<&'a str>,
    pub actor_name: &'a str,
}

/// Applies `m` inside the caller's transaction (the caller commits, together
/// with whatever the money is for). A reference already booked returns its
/// entry unchanged; a movement that would take the balance below zero is
/// refused with `InsufficientDeposit`.
pub async fn apply(db: &impl ConnectionTrait, m: &Movement<'_>) -> Result<ledger_entry::Model> {
    if m.amount.checked_abs().is_none_or(|a| a > MAX_MOVEMENT) {
        return Err(Error::Refused(Problem::AmountInvalid));
    }
    if let Some(done) = find(db, m.user_id, m.env, m.reference).await? {
        return Ok(done);
    }
    let now = Utc::now();
    Deposit::insert(deposit::ActiveModel {
        user_id: Set(m.user_id),
        environment: Set(m.env),
        balance: Set(0),
        updated_at: Set(now),
    })
    .on_conflict(OnConflict::columns([deposit::Column::UserId, deposit::Column::Environment]).do_nothing().to_owned())
    .exec_without_returning(db)
    .await?;
    // One conditional statement: the row lock it takes serialises movements
    // of this account, and the condition keeps the balance at zero or above.
    let moved = Deposit::update_many()
        .col_expr(deposit::Column::Balance, Expr::col(deposit::Column::Balance).add(m.amount))
        .col_expr(deposit::Column::UpdatedAt, Expr::value(now))
        .filter(deposit::Column::UserId.eq(m.user_id))
        .filter(deposit::Column::Environment.eq(m.env))
        .filter(Expr::col(deposit::Column::Balance).add(m.amount).gte(0))
        .filter(Expr::col(deposit::Column::Balance).add(m.amount).lte(MAX_BALANCE))
        .exec(db)
        .await?;
    if moved.rows_affected == 0 {
        // A credit can only fail on the ceiling, a debit only on the floor.
        let p = if m.amount > 0 { Problem::AmountInvalid } else { Problem::InsufficientDeposit };
        return Err(Error::Refused(p));
    }
    let balance_after = balance(db, m.user_id, m.env).await?;
    let entry = ledger_entry::ActiveModel {
        user_id: Set(m.user_id),
        environment: Set(m.env),
        kind: Set(m.kind),
        amount: Set(m.amount),
        balance_after: Set(balance_after),
        reference: Set(m.reference.to_owned()),
        note: Set(m.note.map(str::to_owned)),
        actor_name: Set(m.actor_name.to_owned()),
        ..ledger_entry::ActiveModel::new()
    };
    let entry = LedgerEntry::insert(entry).exec_with_returning(db).await.map_err(|e| {
        if crate::error::is_unique_violation(&e) {
            Error::Refused(Problem::DuplicateReference)
        } else {
            Error::from(e)
        }
    })?;
    // The day's sums move with the entry, in the same transaction.
    crate::ledger_days::count(db, &entry).await?;
    Ok(entry)
}

/// The entry booked under `reference`, if any.
pub async fn find(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    env: Env,
    reference: &str,
) -> Result<Option<ledger_entry::Model>> {
    Ok(LedgerEntry::of_partner(user_id)
        .filter(ledger_entry::Column::Environment.eq(env))
        .filter(ledger_entry::Column::Reference.eq(reference))
        .one(db)
        .await?)
}

/// The balance (0 for an account that never moved).
pub async fn balance(db: &impl ConnectionTrait, user_id: Uuid, env: Env) -> Result<i64> {
    Ok(Deposit::find_by_id((user_id, env)).one(db).await?.map(|d| d.balance).unwrap_or(0))
}

/// The sum of every entry: equal to the balance, or the books are wrong.
pub async fn entries_sum(db: &impl ConnectionTrait, user_id: Uuid, env: Env) -> Result<i64> {
    let rows = LedgerEntry::of_partner(user_id).filter(ledger_entry::Column::Environment.eq(env)).all(db).await?;
    Ok(rows.iter().map(|e| e.amount).sum())
}

/// What the development environment starts with at approval (and after a
/// reset by the partner): Rp 10.000.000.
pub const SANDBOX_DEPOSIT: i64 = 10_000_000;
