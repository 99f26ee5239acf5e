//! Rekening Koran: every ledger entry of one environment in a WIB period,
//! oldest first, with the balance after each (stored with the entry: the
//! movements of an account are serialised, so it *is* the running
//! balance), the opening balance (after the last entry before the period)
//! and the closing one. Paged by keyset on (created_at, id) — never OFFSET.

use super::export::{self, Batch, Cell, Step, Table};
use crate::entity::ledger_entry::{self, Entity as LedgerEntry};
use crate::entity::OfPartner;
use crate::error::{Error, Result};
use crate::infra::wib;
use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use domain::reports::{StatementIn, StatementLineOut, StatementOut, MAX_PERIOD_DAYS, STATEMENT_PAGE};
use domain::{Env, FieldError, Problem};
use futures_util::future::BoxFuture;
use sea_orm::sea_query::Condition;
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;

/// A period in WIB days, inclusive, and its bounds in UTC.
#[derive(Debug, Clone, Copy)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub start: DateTime<Utc>,
    /// The first instant after the period.
    pub end: DateTime<Utc>,
}

/// Reads the period (empty: this WIB month so far); at most a year.
pub fn period(from: &str, to: &str) -> Result<Period> {
    let today = wib::date_of(Utc::now());
    let day = |s: &str, field: &str, default: NaiveDate| -> Result<NaiveDate> {
        match s.trim() {
            "" => Ok(default),
            s => NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| Error::field(field, Problem::Required)),
        }
    };
    let month_start = today.with_day0(0).unwrap_or(today);
    let (from, to) = (day(from, "from", month_start)?, day(to, "to", today)?);
    if to < from || (to - from).num_days() >= MAX_PERIOD_DAYS {
        return Err(Error::Invalid(vec![FieldError::new("to", Problem::Required)]));
    }
    Ok(Period { from, to, start: wib::start_of(from), end: wib::start_of(to + Duration::days(1)) })
}

pub fn env_of(code: &str) -> Result<Env> {
    match code.trim() {
        "" => Ok(Env::Production),
        other => Env::from_code(other).ok_or(Error::field("environment", Problem::Required)),
    }
}

/// The balance after the last entry before `at` (0 when none).
pub(super) async fn balance_before(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    env: Env,
    at: DateTime<Utc>,
) -> Result<i64> {
    let last = LedgerEntry::of_partner(user_id)
        .filter(ledger_entry::Column::Environment.eq(env))
        .filter(ledger_entry::Column::CreatedAt.lt(at))
        .order_by_desc(ledger_entry::Column::CreatedAt)
        .order_by_desc(ledger_entry::Column::Id)
        .one(db)
        .await?;
    Ok(last.map_or(0, |e| e.balance_after))
}

fn cursor(e: &ledger_entry::Model) -> String {
    super::cursor::encode(e.created_at, e.id)
}

/// The entries of the period, unordered (for sums and counts).
fn scope(user_id: Uuid, env: Env, p: &Period) -> sea_orm::Select<LedgerEntry> {
    LedgerEntry::of_partner(user_id)
        .filter(ledger_entry::Column::Environment.eq(env))
        .filter(ledger_entry::Column::CreatedAt.gte(p.start))
        .filter(ledger_entry::Column::CreatedAt.lt(p.end))
}

/// The entries of the period, after `cursor` (keyset), oldest first.
pub fn entries(user_id: Uuid, env: Env, p: &Period, after: &str) -> sea_orm::Select<LedgerEntry> {
    let mut q = scope(user_id, env, p);
    if let Some((at, id)) = super::cursor::decode(after) {
        // The plain bound lets the index start at the cursor; the OR then
        // drops the rows of its very instant already shown.
        q = q.filter(ledger_entry::Column::CreatedAt.gte(at)).filter(
            Condition::any()
                .add(ledger_entry::Column::CreatedAt.gt(at))
                .add(Condition::all().add(ledger_entry::Column::CreatedAt.eq(at)).add(ledger_entry::Column::Id.gt(id))),
        );
    }
    q.order_by_asc(ledger_entry::Column::CreatedAt).order_by_asc(ledger_entry::Column::Id)
}

pub fn line(e: &ledger_entry::Model) -> StatementLineOut {
    StatementLineOut {
        at: wib::format(e.created_at),
        kind: e.kind,
        reference: e.reference.clone(),
        note: e.note.clone(),
        debit: (-e.amount).max(0),
        credit: e.amount.max(0),
        balance: e.balance_after,
    }
}

/// One page of the partner's statement.
pub async fn page(db: &impl ConnectionTrait, user_id: Uuid, q: &StatementIn) -> Result<StatementOut> {
    let env = env_of(&q.environment)?;
    let p = period(&q.from, &q.to)?;
    let mut rows = entries(user_id, env, &p, &q.after).limit(STATEMENT_PAGE + 1).all(db).await?;
    let next = (rows.len() as u64 > STATEMENT_PAGE).then(|| {
        rows.truncate(STATEMENT_PAGE as usize);
        rows.last().map(cursor).unwrap_or_default()
    });
    // Whole WIB days: summed from the ledger's daily rows, not every entry.
    let (total_credit, total_debit, count) = crate::ledger_days::totals(db, user_id, env, (p.from, p.to)).await?;
    Ok(StatementOut {
        environment: env,
        from: p.from.format("%Y-%m-%d").to_string(),
        to: p.to.format("%Y-%m-%d").to_string(),
        opening: balance_before(db, user_id, env, p.start).await?,
        closing: balance_before(db, user_id, env, p.end).await?,
        total_credit,
        total_debit,
        count,
        lines: rows.iter().map(line).collect(),
        next,
    })
}

/// The statement as a table to export: "Saldo Awal", every entry, "Saldo Akhir".
pub struct StatementTable {
    pub user_id: Uuid,
    pub env: Env,
    pub period: Period,
}

impl StatementTable {
    fn balance_row(at: DateTime<Utc>, label: &str, balance: i64) -> Vec<Cell> {
        vec![
            Cell::At(at),
            Cell::text(label),
            Cell::Empty,
            Cell::Empty,
            Cell::Money(0),
            Cell::Money(0),
            Cell::Money(balance),
        ]
    }

    async fn rows(&self, db: &DatabaseConnection, step: Step) -> Result<Batch> {
        let (user, env, p) = (self.user_id, self.env, &self.period);
        Ok(match step {
            Step::Start => {
                let opening = balance_before(db, user, env, p.start).await?;
                (vec![Self::balance_row(p.start, "Saldo Awal", opening)], Step::Rows(0, String::new()))
            }
            Step::Rows(0, after) => {
                let rows = entries(user, env, p, &after).limit(export::BATCH).all(db).await?;
                let next = match rows.last() {
                    Some(last) if rows.len() as u64 == export::BATCH => Step::Rows(0, cursor(last)),
                    _ => Step::Rows(1, String::new()),
                };
                (rows.iter().map(entry_row).collect(), next)
            }
            _ => {
                let closing = balance_before(db, user, env, p.end).await?;
                (vec![Self::balance_row(p.end - Duration::seconds(1), "Saldo Akhir", closing)], Step::Done)
            }
        })
    }
}

fn entry_row(e: &ledger_entry::Model) -> Vec<Cell> {
    let l = line(e);
    vec![
        Cell::At(e.created_at),
        Cell::text(e.kind.code()),
        Cell::Text(l.reference),
        Cell::Text(l.note.unwrap_or_default()),
        Cell::Money(l.debit),
        Cell::Money(l.credit),
        Cell::Money(l.balance),
    ]
}

impl Table for StatementTable {
    fn title(&self) -> &'static str {
        "Rekening Koran"
    }

    fn columns(&self) -> &'static [(&'static str, f64)] {
        &[
            ("Waktu (WIB)", 20.0),
            ("Jenis", 12.0),
            ("Referensi", 36.0),
            ("Keterangan", 36.0),
            ("Debit", 16.0),
            ("Kredit", 16.0),
            ("Saldo", 18.0),
        ]
    }

    fn batch<'a>(&'a self, db: &'a DatabaseConnection, step: Step) -> BoxFuture<'a, Result<Batch>> {
        Box::pin(self.rows(db, step))
    }
}
