//! "Pelunasan Harian": one WIB day's payments counted and summed per
//! product and status, with the deposit's opening and closing balance of
//! the day (the statement's balances at the day's bounds), and the day's
//! lines in its export.

use super::export::{self, Batch, Cell, Step, Table};
use super::recap::sums;
use super::statement::{balance_before, env_of, period, Period};
use crate::entity::transaction::{self, Entity as Transaction};
use crate::entity::OfPartner;
use crate::error::Result;
use domain::reports::{DayGroupOut, DaySettlementOut};
use domain::transaction::{TxKind, TxStatus};
use domain::Env;
use futures_util::future::BoxFuture;
use sea_orm::sea_query::Condition;
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;

/// The day `day` names (empty: today, WIB).
pub fn day_period(day: &str) -> Result<Period> {
    let today = crate::infra::wib::day(chrono::Utc::now());
    let day = if day.trim().is_empty() { today.as_str() } else { day };
    period(day, day)
}

/// The day's settlement (`day` empty: today, WIB).
pub async fn settlement(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    environment: &str,
    day: &str,
) -> Result<DaySettlementOut> {
    let env = env_of(environment)?;
    let p = day_period(day)?;
    let groups: Vec<DayGroupOut> = sums(db, user_id, env, &p)
        .await?
        .into_iter()
        .map(|s| DayGroupOut { product_code: s.product_code, status: s.status, count: s.count, total: s.total })
        .collect();
    let success = groups.iter().filter(|g| g.status == TxStatus::Success);
    Ok(DaySettlementOut {
        day: p.from.format("%Y-%m-%d").to_string(),
        environment: env,
        opening: balance_before(db, user_id, env, p.start).await?,
        closing: balance_before(db, user_id, env, p.end).await?,
        success_count: success.clone().map(|g| g.count).sum(),
        success_total: success.map(|g| g.total).sum(),
        over: p.to < crate::infra::wib::date_of(chrono::Utc::now()),
        groups,
    })
}

/// Pelunasan Harian as a table to export: the opening balance, a summary
/// line per product and status, every payment of the day (oldest first),
/// the closing balance; the first column says which a line is.
pub struct DayTable {
    pub user_id: Uuid,
    pub env: Env,
    pub period: Period,
}

fn summary(at: chrono::DateTime<chrono::Utc>, what: &str, balance: i64) -> Vec<Cell> {
    let mut cells = vec![Cell::text(what), Cell::At(at)];
    cells.extend(std::iter::repeat_n(Cell::Empty, 8));
    cells.extend([Cell::Count(0), Cell::Money(balance)]);
    cells
}

impl DayTable {
    async fn payments(&self, db: &DatabaseConnection, after: &str) -> Result<Vec<transaction::Model>> {
        let p = &self.period;
        let mut q = Transaction::of_partner(self.user_id)
            .filter(transaction::Column::Environment.eq(self.env))
            .filter(transaction::Column::Kind.eq(TxKind::Payment))
            .filter(transaction::Column::CreatedAt.gte(p.start))
            .filter(transaction::Column::CreatedAt.lt(p.end));
        if let Some((at, id)) = super::cursor::decode(after) {
            // The plain bound lets the index start at the cursor (see statement).
            q = q.filter(transaction::Column::CreatedAt.gte(at)).filter(
                Condition::any().add(transaction::Column::CreatedAt.gt(at)).add(
                    Condition::all().add(transaction::Column::CreatedAt.eq(at)).add(transaction::Column::Id.gt(id)),
                ),
            );
        }
        let q = q.order_by_asc(transaction::Column::CreatedAt).order_by_asc(transaction::Column::Id);
        Ok(q.limit(export::BATCH).all(db).await?)
    }

    async fn rows(&self, db: &DatabaseConnection, step: Step) -> Result<Batch> {
        let (user, env, p) = (self.user_id, self.env, &self.period);
        Ok(match step {
            Step::Start => {
                let mut rows = vec![summary(p.start, "Saldo Awal", balance_before(db, user, env, p.start).await?)];
                for s in sums(db, user, env, p).await? {
                    let mut cells = vec![Cell::text("Ringkasan"), Cell::At(p.start), Cell::Empty];
                    cells.extend([Cell::Text(s.product_code), Cell::Empty, Cell::Empty, Cell::text(s.status.code())]);
                    cells.extend([Cell::Empty, Cell::Money(s.tagihan), Cell::Money(s.admin), Cell::Count(s.count)]);
                    cells.push(Cell::Money(s.total));
                    rows.push(cells);
                }
                (rows, Step::Rows(0, String::new()))
            }
            Step::Rows(0, after) => {
                let lines = self.payments(db, &after).await?;
                let next = match lines.last() {
                    Some(last) if lines.len() as u64 == export::BATCH => {
                        Step::Rows(0, super::cursor::encode(last.created_at, last.id))
                    }
                    _ => Step::Rows(1, String::new()),
                };
                let cells = lines.iter().map(|t| {
                    let mut cells = vec![Cell::text("Transaksi")];
                    cells.extend(super::transactions::line_cells(t));
                    // Its total goes last, under "Total / Saldo".
                    let total = cells.pop().unwrap_or(Cell::Empty);
                    cells.extend([Cell::Count(1), total]);
                    cells
                });
                (cells.collect(), next)
            }
            _ => {
                let closing = balance_before(db, user, env, p.end).await?;
                (vec![summary(p.end - chrono::Duration::seconds(1), "Saldo Akhir", closing)], Step::Done)
            }
        })
    }
}

impl Table for DayTable {
    fn title(&self) -> &'static str {
        "Pelunasan Harian"
    }

    fn columns(&self) -> &'static [(&'static str, f64)] {
        &[
            ("Baris", 12.0),
            ("Waktu (WIB)", 20.0),
            ("Jenis", 10.0),
            ("Produk", 12.0),
            ("ID Pelanggan", 20.0),
            ("referenceID", 24.0),
            ("Status", 10.0),
            ("RC", 5.0),
            ("Tagihan", 16.0),
            ("Admin", 12.0),
            ("Jumlah Transaksi", 12.0),
            ("Total / Saldo", 18.0),
        ]
    }

    fn batch<'a>(&'a self, db: &'a DatabaseConnection, step: Step) -> BoxFuture<'a, Result<Batch>> {
        Box::pin(self.rows(db, step))
    }
}
