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

use crate::entity::transaction;
use crate::error::{is_unique_violation, Error, Result};
use crate::infra::kept_connections::KeptConnections;
use crate::infra::wib;
use crate::ledger::{Kind, Movement};
use chrono::{DateTime, SecondsFormat, Utc};
use domain::transaction::TxStatus;
use domain::Problem;
use sea_orm::{DatabaseConnection, DbBackend, FromQueryResult, Statement, Value};
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

/// A payment to be recorded as pending, with what its debit says in the
/// ledger (the amount is the payment's total).
#[derive(Debug, Clone)]
pub struct PendingPayment {
    pub row: transaction::Model,
    pub reference: String,
    pub note: Option<String>,
    pub actor_name: String,
}

impl PendingPayment {
    /// The payment's debit, as the ledger books it.
    pub fn debit(&self) -> Movement<'_> {
        Movement {
            user_id: self.row.user_id,
            env: self.row.environment,
            kind: Kind::Debit,
            amount: -self.row.total,
            reference: &self.reference,
            note: self.note.as_deref(),
            actor_name: &self.actor_name,
        }
    }
}

/// Writes the pending payment, debits its total (already checked by
/// `ledger::checked`), books the ledger entry and the day's sums.
/// `Ok(false)`: the deposit is short and nothing was written.
pub async fn record_payment(kept: &KeptConnections, p: &PendingPayment) -> Result<bool> {
    let t = &p.row;
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
        Kind::Debit.code().into(),
        p.reference.clone().into(),
        p.note.clone().into(),
        p.actor_name.clone().into(),
        wib::day(t.created_at).into(),
    ];
    paid(kept, Statement::from_sql_and_values(DbBackend::Postgres, RECORD_PAYMENT, values), 1).await
}

/// Several pending payments of one deposit at once (`payment_batches`): all
/// of them, in the order given, or none. The ledger entries carry the
/// balance after each in that order, as if they had come one by one.
const RECORD_PAYMENTS: &str = r"
WITH req AS (
    SELECT * FROM jsonb_to_recordset($3::jsonb) AS r(n int, id uuid, kind text, product_code text,
        customer_id text, reference_id text, status text, rc text, tagihan bigint, admin bigint,
        total bigint, partner_fee bigint, data text, created_at timestamptz, next_poll_at timestamptz,
        poll_until timestamptz, locked_until timestamptz, entry_id uuid, reference text, note text,
        day text)
), owed AS (
    SELECT sum(total)::bigint AS total FROM req
), debit AS (
    UPDATE deposits SET balance = balance - owed.total, updated_at = $4
    FROM owed
    WHERE user_id = $1 AND environment = $2 AND balance >= owed.total
    RETURNING balance + owed.total AS before
), payment AS (
    INSERT INTO transactions (id, user_id, environment, kind, product_code, customer_id, reference_id,
        status, rc, tagihan, admin, total, partner_fee, data, biller_ref, created_at, updated_at,
        final_at, poll_attempts, next_poll_at, poll_until, locked_until)
    SELECT r.id, $1, $2, r.kind, r.product_code, r.customer_id, r.reference_id, r.status, r.rc,
        r.tagihan, r.admin, r.total, r.partner_fee, r.data, NULL, r.created_at, r.created_at, NULL, 0,
        r.next_poll_at, r.poll_until, r.locked_until
    FROM req r, debit
    RETURNING id
), entry AS (
    INSERT INTO ledger_entries (id, user_id, environment, kind, amount, balance_after, reference, note,
        actor_name, created_at)
    SELECT r.entry_id, $1, $2, $5, -r.total, debit.before - sum(r.total) OVER (ORDER BY r.n),
        r.reference, r.note, $6, r.created_at
    FROM req r, debit
    RETURNING id
), day AS (
    INSERT INTO ledger_days (user_id, environment, day, credit, debit, entries)
    SELECT $1, $2, r.day, 0, sum(r.total), count(*) FROM req r, debit GROUP BY r.day
    ON CONFLICT (user_id, environment, day) DO UPDATE
    SET debit = ledger_days.debit + EXCLUDED.debit, entries = ledger_days.entries + EXCLUDED.entries
)
SELECT count(*) AS paid FROM payment";

/// Writes `payments`, all of one deposit and one actor, as
/// `record_payment` writes one. `Ok(false)`: the deposit is short for
/// their sum and nothing was written.
pub async fn record_payments(kept: &KeptConnections, payments: &[PendingPayment]) -> Result<bool> {
    let Some(first) = payments.first() else { return Ok(true) };
    let micros = |t: DateTime<Utc>| t.to_rfc3339_opts(SecondsFormat::Micros, true);
    let rows: Vec<serde_json::Value> = payments
        .iter()
        .enumerate()
        .map(|(n, p)| {
            let t = &p.row;
            serde_json::json!({
                "n": n, "id": t.id, "kind": t.kind.code(), "product_code": t.product_code,
                "customer_id": t.customer_id, "reference_id": t.reference_id, "status": t.status.code(),
                "rc": t.rc, "tagihan": t.tagihan, "admin": t.admin, "total": t.total,
                "partner_fee": t.partner_fee, "data": t.data, "created_at": micros(t.created_at),
                "next_poll_at": t.next_poll_at.map(micros), "poll_until": t.poll_until.map(micros),
                "locked_until": t.locked_until.map(micros), "entry_id": Uuid::now_v7(),
                "reference": p.reference, "note": p.note, "day": wib::day(t.created_at),
            })
        })
        .collect();
    let values: Vec<Value> = vec![
        first.row.user_id.into(),
        first.row.environment.code().into(),
        serde_json::Value::Array(rows).into(),
        Utc::now().into(),
        Kind::Debit.code().into(),
        first.actor_name.clone().into(),
    ];
    let stmt = Statement::from_sql_and_values(DbBackend::Postgres, RECORD_PAYMENTS, values);
    paid(kept, stmt, payments.len()).await
}

/// Runs a statement that records `expected` payments and counts them in
/// `paid`: a repeated reference fails it whole.
async fn paid(kept: &KeptConnections, stmt: Statement, expected: usize) -> Result<bool> {
    let row = kept.query_one(stmt).await.map_err(|e| {
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
    Ok(usize::try_from(paid).is_ok_and(|n| n == expected))
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
    kept: &KeptConnections,
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
    let row = kept.query_one(stmt).await?;
    Ok(row.map(|row| transaction::Model::from_query_result(&row, "")).transpose()?)
}
