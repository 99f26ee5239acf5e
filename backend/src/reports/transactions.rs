//! "Status Transaksi": the partner's transactions of a WIB period, newest
//! first, filtered by reference, customer, product and status, paged by a
//! (created_at, id) cursor on the index (user, environment, created_at);
//! and one transaction's whole story on a single timeline: the request,
//! each biller call, the ledger movements, each callback delivery, the end.

use super::export::{self, Batch, Cell, Step, Table};
use super::statement::{env_of, period};
use crate::entity::biller_call::{self, Entity as BillerCall};
use crate::entity::callback_delivery::{self, Entity as CallbackDelivery};
use crate::entity::ledger_entry::{self, Entity as LedgerEntry};
use crate::entity::transaction::{self, Entity as Transaction};
use crate::entity::OfPartner;
use crate::error::{Error, Result};
use crate::infra::wib;
use chrono::{DateTime, Duration, Utc};
use domain::finance::rupiah;
use domain::reports::{TimelineOut, TxDetailOut, TxPageOut, TxRowOut, TxSearchIn};
use domain::transaction::TxStatus;
use domain::Problem;
use futures_util::future::BoxFuture;
use sea_orm::sea_query::Condition;
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;

/// Rows a page shows.
pub(crate) const PAGE: u64 = 50;

/// Whose transactions a search reads: one partner's (the partner's own, or
/// the one staff chose), or — for staff only — every partner's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Whose {
    Partner(Uuid),
    Everyone,
}

impl Whose {
    fn transactions(self) -> sea_orm::Select<Transaction> {
        match self {
            Whose::Partner(user_id) => Transaction::of_partner(user_id),
            Whose::Everyone => Transaction::find(),
        }
    }
}

pub(crate) fn row(t: &transaction::Model) -> TxRowOut {
    TxRowOut {
        id: t.id.simple().to_string(),
        at: wib::format(t.created_at),
        kind: t.kind,
        product_code: t.product_code.clone(),
        customer_id: t.customer_id.clone(),
        reference_id: t.reference_id.clone(),
        status: t.status,
        rc: t.rc.clone(),
        total: t.total,
        partner: String::new(),
    }
}

fn cursor(e: &transaction::Model) -> String {
    super::cursor::encode(e.created_at, e.id)
}

/// The period searched: its dates, or the last 7 days (WIB).
pub fn search_period(q: &TxSearchIn) -> Result<super::statement::Period> {
    let today = wib::date_of(Utc::now());
    let week_ago = (today - Duration::days(6)).format("%Y-%m-%d").to_string();
    period(if q.from.trim().is_empty() { &week_ago } else { &q.from }, &q.to)
}

/// The partner's transactions `q` asks for, after its cursor, newest first.
fn matching(whose: Whose, q: &TxSearchIn, after: &str) -> Result<sea_orm::Select<Transaction>> {
    let env = env_of(&q.environment)?;
    let p = search_period(q)?;
    let mut s = whose
        .transactions()
        .filter(transaction::Column::Environment.eq(env))
        .filter(transaction::Column::CreatedAt.gte(p.start))
        .filter(transaction::Column::CreatedAt.lt(p.end));
    for (column, value) in [
        (transaction::Column::ReferenceId, &q.reference_id),
        (transaction::Column::CustomerId, &q.customer_id),
        (transaction::Column::ProductCode, &q.product_code),
    ] {
        if !value.trim().is_empty() {
            s = s.filter(column.eq(value.trim()));
        }
    }
    if !q.status.is_empty() {
        let status = TxStatus::from_code(&q.status).ok_or(Error::field("status", Problem::Required))?;
        s = s.filter(transaction::Column::Status.eq(status));
    }
    if let Some((at, id)) = super::cursor::decode(after) {
        // The plain bound lets the index start at the cursor (see statement).
        s = s.filter(transaction::Column::CreatedAt.lte(at)).filter(
            Condition::any()
                .add(transaction::Column::CreatedAt.lt(at))
                .add(Condition::all().add(transaction::Column::CreatedAt.eq(at)).add(transaction::Column::Id.lt(id))),
        );
    }
    Ok(s.order_by_desc(transaction::Column::CreatedAt).order_by_desc(transaction::Column::Id))
}

/// Up to `limit` rows after the cursor, and the cursor after them when more follow.
pub(crate) async fn slice(
    db: &impl ConnectionTrait,
    whose: Whose,
    q: &TxSearchIn,
    after: &str,
    limit: u64,
) -> Result<(Vec<transaction::Model>, Option<String>)> {
    let mut rows = matching(whose, q, after)?.limit(limit + 1).all(db).await?;
    let next = (rows.len() as u64 > limit).then(|| {
        rows.truncate(limit as usize);
        rows.last().map(cursor).unwrap_or_default()
    });
    Ok((rows, next))
}

/// One page of the partner's transactions.
pub async fn search(db: &impl ConnectionTrait, whose: Whose, q: &TxSearchIn) -> Result<TxPageOut> {
    let (rows, next) = slice(db, whose, q, &q.after, PAGE).await?;
    Ok(TxPageOut { rows: rows.iter().map(row).collect(), next })
}

/// The columns of a transaction line in an export.
pub const LINE_COLUMNS: &[(&str, f64)] = &[
    ("Waktu (WIB)", 20.0),
    ("Jenis", 10.0),
    ("Produk", 12.0),
    ("ID Pelanggan", 20.0),
    ("referenceID", 24.0),
    ("Status", 10.0),
    ("RC", 5.0),
    ("Tagihan", 16.0),
    ("Admin", 12.0),
    ("Total", 16.0),
];

/// A transaction as an export's line (`LINE_COLUMNS`).
pub fn line_cells(t: &transaction::Model) -> Vec<Cell> {
    vec![
        Cell::At(t.created_at),
        Cell::text(t.kind.code()),
        Cell::text(&t.product_code),
        Cell::text(&t.customer_id),
        Cell::text(&t.reference_id),
        Cell::text(t.status.code()),
        Cell::text(&t.rc),
        Cell::Money(t.tagihan),
        Cell::Money(t.admin),
        Cell::Money(t.total),
    ]
}

/// Status Transaksi as a table to export: every matching transaction.
pub struct TxTable {
    pub user_id: Uuid,
    pub query: TxSearchIn,
}

impl TxTable {
    async fn rows(&self, db: &DatabaseConnection, step: Step) -> Result<Batch> {
        let after = match step {
            Step::Rows(_, after) => after,
            _ => String::new(),
        };
        let (rows, next) = slice(db, Whose::Partner(self.user_id), &self.query, &after, export::BATCH).await?;
        Ok((rows.iter().map(line_cells).collect(), next.map_or(Step::Done, |c| Step::Rows(0, c))))
    }
}

impl Table for TxTable {
    fn title(&self) -> &'static str {
        "Status Transaksi"
    }

    fn columns(&self) -> &'static [(&'static str, f64)] {
        LINE_COLUMNS
    }

    fn batch<'a>(&'a self, db: &'a DatabaseConnection, step: Step) -> BoxFuture<'a, Result<Batch>> {
        Box::pin(self.rows(db, step))
    }
}

/// One of the partner's transactions with its story; another partner's is
/// not found.
pub async fn detail(db: &impl ConnectionTrait, whose: Whose, id: &str) -> Result<TxDetailOut> {
    let id = Uuid::parse_str(id.trim()).map_err(|_| Error::Refused(Problem::NotFound))?;
    let t = whose
        .transactions()
        .filter(transaction::Column::Id.eq(id))
        .one(db)
        .await?
        .ok_or(Error::Refused(Problem::NotFound))?;
    let user_id = t.user_id;
    let mut events: Vec<(DateTime<Utc>, &str, String)> = vec![(
        t.created_at,
        "request",
        format!("{:?} {} {} ref {}", t.kind, t.product_code, t.customer_id, t.reference_id),
    )];
    for c in BillerCall::find().filter(biller_call::Column::TransactionId.eq(id)).all(db).await? {
        events.push((
            c.created_at,
            "biller",
            format!("{} {}: {} ({} ms)", c.biller, c.operation, c.outcome, c.latency_ms),
        ));
    }
    let references = [format!("trx:{id}"), format!("refund:{id}")];
    let moves =
        LedgerEntry::of_partner(user_id).filter(ledger_entry::Column::Reference.is_in(references)).all(db).await?;
    for e in moves {
        events.push((
            e.created_at,
            "ledger",
            format!("{} {} → {}", e.kind.code(), rupiah(e.amount), rupiah(e.balance_after)),
        ));
    }
    let deliveries =
        CallbackDelivery::of_partner(user_id).filter(callback_delivery::Column::TransactionId.eq(id)).all(db).await?;
    for d in deliveries {
        let answer = d.last_status.map_or_else(|| d.last_error.clone().unwrap_or_default(), |s| format!("HTTP {s}"));
        events.push((
            d.delivered_at.unwrap_or(d.created_at),
            "callback",
            format!("{} ×{} {answer}", d.status.code(), d.attempts),
        ));
    }
    if let Some(at) = t.final_at {
        events.push((at, "final", format!("{} rc {}", t.status.code(), t.rc)));
    }
    events.sort_by_key(|(at, ..)| *at);
    Ok(TxDetailOut {
        row: row(&t),
        environment: t.environment,
        tagihan: t.tagihan,
        admin: t.admin,
        data: t.data.clone(),
        timeline: events
            .into_iter()
            .map(|(at, what, detail)| TimelineOut { at: wib::format(at), what: what.into(), detail })
            .collect(),
    })
}
