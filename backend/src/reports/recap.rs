//! "Rekap Pelunasan": a period's payments summed per product (count, bill,
//! admin fee, the partner's fee within it, total), the successful ones by
//! category and product with their total, and how many are still pending
//! or failed; and the reports' landing page built on the same sums.

use super::export::{Batch, Cell, Step, Table};
use super::statement::{env_of, period, Period};
use crate::entity::product::{self, Entity as Product};
use crate::entity::transaction::{self, Entity as Transaction};
use crate::entity::OfPartner;
use crate::error::Result;
use crate::infra::wib;
use chrono::{Datelike, Duration, Utc};
use domain::finance::DayPoint;
use domain::reports::{RecapIn, RecapOut, RecapRowOut, ReportsHomeOut};
use domain::transaction::{TxKind, TxStatus};
use domain::Env;
use futures_util::future::BoxFuture;
use sea_orm::sea_query::{Expr, ExprTrait, Func};
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QuerySelect};
use std::collections::HashMap;
use uuid::Uuid;

/// A period's payments of one product and status, summed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sums {
    pub product_code: String,
    pub status: TxStatus,
    pub count: i64,
    pub tagihan: i64,
    pub admin: i64,
    pub partner_fee: i64,
    pub total: i64,
}

type SumsRow = (String, TxStatus, i64, Option<i64>, Option<i64>, Option<i64>, Option<i64>);

/// The period's payments per product and status (one grouped query on the
/// index by partner, environment and time).
pub(super) async fn sums(db: &impl ConnectionTrait, user_id: Uuid, env: Env, p: &Period) -> Result<Vec<Sums>> {
    // SUM of a BIGINT is NUMERIC on PostgreSQL: cast back.
    let sum = |c: transaction::Column| Expr::expr(Func::sum(Expr::col(c))).cast_as("BIGINT");
    let rows: Vec<SumsRow> = Transaction::of_partner(user_id)
        .filter(transaction::Column::Environment.eq(env))
        .filter(transaction::Column::CreatedAt.gte(p.start))
        .filter(transaction::Column::CreatedAt.lt(p.end))
        .filter(transaction::Column::Kind.eq(TxKind::Payment))
        .select_only()
        .column(transaction::Column::ProductCode)
        .column(transaction::Column::Status)
        .column_as(Expr::col(transaction::Column::Id).count().cast_as("BIGINT"), "count")
        .column_as(sum(transaction::Column::Tagihan), "tagihan")
        .column_as(sum(transaction::Column::Admin), "admin")
        .column_as(sum(transaction::Column::PartnerFee), "partner_fee")
        .column_as(sum(transaction::Column::Total), "total")
        .group_by(transaction::Column::ProductCode)
        .group_by(transaction::Column::Status)
        .into_tuple()
        .all(db)
        .await?;
    let mut out: Vec<Sums> = rows
        .into_iter()
        .map(|(product_code, status, count, tagihan, admin, partner_fee, total)| Sums {
            product_code,
            status,
            count,
            tagihan: tagihan.unwrap_or(0),
            admin: admin.unwrap_or(0),
            partner_fee: partner_fee.unwrap_or(0),
            total: total.unwrap_or(0),
        })
        .collect();
    out.sort_by(|a, b| (&a.product_code, a.status.code()).cmp(&(&b.product_code, b.status.code())));
    Ok(out)
}

/// The period a recap asks for: this WIB week or month so far, or its dates.
pub fn recap_period(q: &RecapIn) -> Result<Period> {
    let today = wib::date_of(Utc::now());
    let first = match q.period.trim() {
        "minggu" => today - Duration::days(i64::from(today.weekday().num_days_from_monday())),
        "bulan" => today.with_day(1).unwrap_or(today),
        _ => return period(&q.from, &q.to),
    };
    period(&first.format("%Y-%m-%d").to_string(), "")
}

fn add(into: &mut RecapRowOut, s: &Sums) {
    into.count += s.count;
    into.tagihan += s.tagihan;
    into.admin += s.admin;
    into.partner_fee += s.partner_fee;
    into.total += s.total;
}

/// The recap of a period.
pub async fn of_period(db: &impl ConnectionTrait, user_id: Uuid, env: Env, p: &Period) -> Result<RecapOut> {
    let sums = sums(db, user_id, env, p).await?;
    let codes: Vec<&str> = sums.iter().map(|s| s.product_code.as_str()).collect();
    let products: HashMap<String, product::Model> = Product::find()
        .filter(product::Column::Code.is_in(codes))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.code.clone(), p))
        .collect();
    let mut rows: Vec<RecapRowOut> = Vec::new();
    let (mut total, mut pending_count, mut failed_count) = (RecapRowOut::default(), 0, 0);
    for s in &sums {
        match s.status {
            TxStatus::Success => {
                let known = products.get(&s.product_code);
                let mut row = RecapRowOut {
                    category: known.map(|p| p.category.clone()).unwrap_or_default(),
                    product_code: s.product_code.clone(),
                    product_name: known.map(|p| p.name.clone()).unwrap_or_default(),
                    ..RecapRowOut::default()
                };
                add(&mut row, s);
                add(&mut total, s);
                rows.push(row);
            }
            TxStatus::Pending => pending_count += s.count,
            TxStatus::Failed => failed_count += s.count,
            TxStatus::Inquired => {}
        }
    }
    rows.sort_by(|a, b| (&a.category, &a.product_code).cmp(&(&b.category, &b.product_code)));
    Ok(RecapOut {
        environment: env,
        from: p.from.format("%Y-%m-%d").to_string(),
        to: p.to.format("%Y-%m-%d").to_string(),
        rows,
        total,
        pending_count,
        failed_count,
    })
}

/// Rekap Pelunasan as the partner asks for it.
pub async fn recap(db: &impl ConnectionTrait, user_id: Uuid, q: &RecapIn) -> Result<RecapOut> {
    of_period(db, user_id, env_of(&q.environment)?, &recap_period(q)?).await
}

/// The reports' landing page: this month, today, the deposit now.
pub async fn home(db: &impl ConnectionTrait, user_id: Uuid, environment: &str) -> Result<ReportsHomeOut> {
    let env = env_of(environment)?;
    let month = of_period(db, user_id, env, &period("", "")?).await?;
    let today = sums(db, user_id, env, &period(&wib::day(Utc::now()), "")?).await?;
    let done = today.iter().filter(|s| s.status == TxStatus::Success);
    let mut top = month.rows.clone();
    top.sort_by_key(|r| std::cmp::Reverse(r.total));
    top.truncate(5);
    Ok(ReportsHomeOut {
        today_count: done.clone().map(|s| s.count).sum(),
        today_total: done.map(|s| s.total).sum(),
        balance: crate::ledger::balance(db, user_id, env).await?,
        top,
        month,
    })
}

/// Rekap Pelunasan as a table to export: a line per product, then the total.
pub struct RecapTable {
    pub user_id: Uuid,
    pub env: Env,
    pub period: Period,
}

fn recap_cells(r: &RecapRowOut) -> Vec<Cell> {
    vec![
        Cell::text(&r.category),
        Cell::text(&r.product_code),
        Cell::text(&r.product_name),
        Cell::Count(r.count),
        Cell::Money(r.tagihan),
        Cell::Money(r.admin),
        Cell::Money(r.partner_fee),
        Cell::Money(r.total),
    ]
}

impl RecapTable {
    async fn rows(&self, db: &DatabaseConnection) -> Result<Batch> {
        let r = of_period(db, self.user_id, self.env, &self.period).await?;
        let total = RecapRowOut { category: "Total".into(), ..r.total.clone() };
        Ok((r.rows.iter().chain([&total]).map(recap_cells).collect(), Step::Done))
    }
}

impl Table for RecapTable {
    fn title(&self) -> &'static str {
        "Rekap Pelunasan"
    }

    fn columns(&self) -> &'static [(&'static str, f64)] {
        &[
            ("Kategori", 16.0),
            ("Produk", 12.0),
            ("Nama Produk", 30.0),
            ("Jumlah Transaksi", 12.0),
            ("Tagihan", 18.0),
            ("Admin", 16.0),
            ("Fee Mitra", 16.0),
            ("Total", 18.0),
        ]
    }

    fn batch<'a>(&'a self, db: &'a DatabaseConnection, _step: Step) -> BoxFuture<'a, Result<Batch>> {
        Box::pin(self.rows(db))
    }
}

/// The successful payments of each of the last `days` WIB days (today
/// included), oldest first: one summary row a day (`payment_days`).
pub async fn day_points(db: &impl ConnectionTrait, user_id: Uuid, env: Env, days: i64) -> Result<Vec<DayPoint>> {
    let today = wib::date_of(Utc::now());
    let first = today - Duration::days(std::cmp::max(days, 1) - 1);
    let sums = crate::payment_days::of_days(db, user_id, env, (first, today)).await?;
    Ok(first
        .iter_days()
        .take_while(|d| *d <= today)
        .map(|d| {
            let day = d.format("%Y-%m-%d").to_string();
            let (count, total) = sums.get(&day).copied().unwrap_or((0, 0));
            DayPoint { day, count, total }
        })
        .collect())
}
