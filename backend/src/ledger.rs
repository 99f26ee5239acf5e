//! The deposit ledger: integer Rupiah, append-only entries with the balance
//! after each, every movement written whole in one database transaction
//! (payments of one deposit that arrive together may share one:
//! `gateway::payment_batches`), never below zero, and idempotent by
//! reference (a retried movement is not applied twice).

use crate::entity::deposit::{self, Entity as Deposit};
use crate::entity::ledger_entry::{self, Entity as LedgerEntry};
use crate::entity::OfPartner;
use crate::error::{Error, Result};
use chrono::Utc;
use domain::finance::{MAX_BALANCE, MAX_MOVEMENT};
use domain::Problem;
use sea_orm::sea_query::{Expr, ExprTrait, OnConflict, Query};
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
    checked(m)?;
    if let Some(done) = find(db, m.user_id, m.env, m.reference).await? {
        return Ok(done);
    }
    book(db, m).await
}

/// [`apply`] for a reference made for this movement just now (a new
/// payment's `trx:<id>`): nothing can be booked under it yet, so it is not
/// looked up (issue 17: one round trip less per payment). A reference
/// booked anyway is still refused by the unique index.
pub async fn apply_new(db: &impl ConnectionTrait, m: &Movement<'_>) -> Result<ledger_entry::Model> {
    checked(m)?;
    book(db, m).await
}

/// Refuses an amount no movement may have.
pub(crate) fn checked(m: &Movement<'_>) -> Result<()> {
    match m.amount.checked_abs().is_none_or(|a| a > MAX_MOVEMENT) {
        true => Err(Error::Refused(Problem::AmountInvalid)),
        false => Ok(()),
    }
}

async fn book(db: &impl ConnectionTrait, m: &Movement<'_>) -> Result<ledger_entry::Model> {
    let now = Utc::now();
    // A debit needs a deposit that has money: without its row it is refused
    // below anyway, so only other movements make sure the row exists.
    if m.amount >= 0 {
        Deposit::insert(deposit::ActiveModel {
            user_id: Set(m.user_id),
            environment: Set(m.env),
            balance: Set(0),
            updated_at: Set(now),
        })
        .on_conflict(
            OnConflict::columns([deposit::Column::UserId, deposit::Column::Environment]).do_nothing().to_owned(),
        )
        .exec_without_returning(db)
        .await?;
    }
    // One conditional statement: the row lock it takes serialises movements
    // of this account, the condition keeps the balance at zero or above, and
    // it returns the balance after (no second read).
    let balance = Expr::col(deposit::Column::Balance);
    let moved = Query::update()
        .table(Deposit)
        .value(deposit::Column::Balance, balance.clone().add(m.amount))
        .value(deposit::Column::UpdatedAt, now)
        .and_where(Expr::col(deposit::Column::UserId).eq(m.user_id))
        .and_where(Expr::col(deposit::Column::Environment).eq(m.env.code()))
        .and_where(balance.clone().add(m.amount).gte(0))
        .and_where(balance.add(m.amount).lte(MAX_BALANCE))
        .returning_col(deposit::Column::Balance)
        .to_owned();
    let Some(row) = db.query_one(&moved).await? else {
        // A credit can only fail on the ceiling, a debit only on the floor.
        let p = if m.amount > 0 { Problem::AmountInvalid } else { Problem::InsufficientDeposit };
        return Err(Error::Refused(p));
    };
    let balance_after: i64 = row.try_get("", "balance")?;
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
