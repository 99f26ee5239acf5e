//! PostgreSQL: a payment's writes as one statement each (issue 17).
//!
//! On SQLite a payment is recorded in a transaction of five statements and
//! settled in one of two (`services::pay`, `settlement::write`). PostgreSQL
//! runs data-modifying `WITH` queries, so the same writes go in one
//! statement — one round trip and one commit instead of six and four — with
//! the same guarantees: the statement is atomic, the deposit row's lock
//! serialises this partner's movements exactly as before, and the unique
//! indexes refuse a repeated reference. Both paths run under every money
//! test (the suite runs on SQLite and on PostgreSQL).

use crate::entity::transaction::{self, Entity as Transaction};
use crate::error::{is_unique_violation, Error, Result};
use crate::infra::wib;
use crate::ledger::Movement;
use chrono::{DateTime, Utc};
use domain::transaction::TxStatus;
use domain::Problem;
use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, EntityTrait, Statement, Value};
use uuid::Uuid;

/// Whether the database runs data-modifying `WITH` queries.
pub fn available(db: &DatabaseConnection) -> bool {
    db.get_database_backend() == DbBackend::Postgres
}

/// The debit comes first: without money nothing else is written (every
/// other part selects from it), and its row lock orders concurrent payments
/// of one deposit. A reference already paid fails the payment's insert and
/// with it the whole statement.
const RECORD_PAYMENT: &str = r"
WITH debit AS (
    UPDATE deposits SET balance = balance - $1, updated_at = $2
    WHERE user_id = $3 AND environment = $4 AND balance >= $1
    RETURNING balance
), payment AS (
    INSERT INTO transactions (id, user_id, environment, kind, product_code, customer_id, reference_id,
        status, rc, tagihan, admin, total, partner_fee, data, biller_ref, created_at, updated_at,
        final_at, poll_attempts, next_poll_at, poll_until, locked_until)
    SELECT $5, $3, $4, $6, $7, $8, $9, $10, $11, $12, $13, $1, $14, $15, NULL, $2, $2, NULL, 0, $16, $17, $18
    FROM debit
    RETURNING id
), entry AS (
    INSERT INTO ledger_entries (id, user_id, environment, kind, amount, balance_after, reference, note,
        actor_name, created_at)
    SELECT $19, $3, $4, $20, -$1, balance, $21, $22, $23, $2 FROM debit
    RETURNING id
), day AS (
    INSERT INTO ledger_days (user_id, environment, day, credit, debit, entries)
    SELECT $3, $4, $24, 0, $1, 1 FROM debit
    ON CONFLICT (user_id, environment, day) DO UPDATE
    SET debit = ledger_days.debit + EXCLUDED.debit, entries = ledger_days.entries + 1
)
SELECT count(*) AS paid FROM payment";

/// Writes the pending payment `t`, debits its total (`debit`, already
/// checked by `ledger::checked`), books the ledger entry and the day's sums.
/// `Ok(false)`: the deposit is short and nothing was written.
pub async fn record_payment(db: &DatabaseConnection, t: &transaction::Model, debit: &Movement<'_>) -> Result<bool> {
    let values: Vec<Value> = vec![
        t.total.into(),
        t.created_at.into(),
        t.user_id.into(),
        t.environment.code().into(),
        t.id.into(),
        t.kind.code().into(),
        t.product_code.clone().into(),
        t.customer_id.clone().into(),
        t.reference_id.clone().into(),
        t.status.code().into(),
        t.rc.clone().into(),
        t.tagihan.into(),
        t.admin.into(),
        t.partner_fee.into(),
        t.data.clone().into(),
        t.next_poll_at.into(),
        t.poll_until.into(),
        t.locked_until.into(),
        Uuid::now_v7().into(),
        debit.kind.code().into(),
        debit.reference.to_owned().into(),
        debit.note.map(str::to_owned).into(),
        debit.actor_name.to_owned().into(),
        wib::day(t.created_at).into(),
    ];
    let stmt = Statement::from_sql_and_values(DbBackend::Postgres, RECORD_PAYMENT, values);
    let row = db.query_one_raw(stmt).await.map_err(|e| {
        if is_unique_violation(&e) {
            Error::Refused(Problem::DuplicateReference)
        } else {
            Error::from(e)
        }
    })?;
    let paid: i64 = match row {
        Some(row) => row.try_get("", "paid")?,
        None => 0,
    };
    Ok(paid == 1)
}

/// The payment's new state when it is still pending, and a success counted
/// in its WIB day (`payment_days`, in the payment's slot `$7`) — the day
/// worked out as `wib::day` does.
const SETTLE: &str = r"
WITH t AS (
    UPDATE transactions SET status = $2, rc = $3, updated_at = $4, locked_until = NULL,
        final_at = CASE WHEN $2 = 'pending' THEN final_at ELSE $4 END,
        next_poll_at = CASE WHEN $2 = 'pending' THEN next_poll_at ELSE NULL END,
        data = COALESCE($5, data), biller_ref = COALESCE($6, biller_ref)
    WHERE id = $1 AND status = 'pending'
    RETURNING *
), day AS (
    INSERT INTO payment_days (user_id, environment, day, slot, count, total)
    SELECT user_id, environment, to_char((created_at AT TIME ZONE 'UTC') + interval '7 hours', 'YYYY-MM-DD'), $7, 1, total
    FROM t WHERE t.status = 'success'
    ON CONFLICT (user_id, environment, day, slot) DO UPDATE
    SET count = payment_days.count + 1, total = payment_days.total + EXCLUDED.total
)
SELECT * FROM t";

/// What a pending payment becomes when no money moves back and nobody is
/// called back: a success, or still pending. `None`: it was not pending.
pub async fn settle(
    db: &DatabaseConnection,
    id: Uuid,
    (status, rc): (TxStatus, &str),
    data: Option<String>,
    biller_ref: Option<String>,
    now: DateTime<Utc>,
) -> Result<Option<transaction::Model>> {
    debug_assert!(status != TxStatus::Failed, "a failure is refunded in a transaction");
    let values: Vec<Value> = vec![
        id.into(),
        status.code().into(),
        rc.to_owned().into(),
        now.into(),
        data.into(),
        biller_ref.into(),
        crate::payment_days::slot_of(id).into(),
    ];
    let stmt = Statement::from_sql_and_values(DbBackend::Postgres, SETTLE, values);
    Ok(Transaction::find().from_raw_sql(stmt).one(db).await?)
}
