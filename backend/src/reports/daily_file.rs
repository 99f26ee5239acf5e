//! The daily reconciliation file of a partner: one WIB day's final
//! production payments (success or failed), machine-readable, made once
//! the day is over and kept as made, so what the partner checks today
//! is what it checks next month.
//!
//! Format (UTF-8 CSV, `\r\n` line ends, oldest first):
//!
//! ```text
//! merchant_id,date,transaction_id,reference_id,product_code,customer_id,status,rc,tagihan,admin,total,final_at
//! M0001,2026-12-01,0192…,INV-1,100301,110100019766,success,00,10950,2500,13450,2026-12-01T10:00:01+07:00
//! #checksum,sha256=<hex of every byte above this line>,rows=1
//! ```
//!
//! Amounts are whole Rupiah; `final_at` is ISO 8601 in WIB. The partner's
//! callback URL is told when a file is ready (`event: reconciliation`).

use crate::entity::profile::Entity as Profile;
use crate::entity::reconciliation_file::{self, Entity as ReconciliationFile};
use crate::entity::transaction::{self, Entity as Transaction};
use crate::entity::OfPartner;
use crate::error::{Error, Result};
use crate::infra::wib;
use crate::AppState;
use chrono::{Duration, NaiveDate, Utc};
use domain::transaction::{TxKind, TxStatus};
use domain::{Env, Problem};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set};
use sha2::{Digest, Sha256};
use uuid::Uuid;

/// The column line (documented above and in the README).
pub const COLUMNS: &str =
    "merchant_id,date,transaction_id,reference_id,product_code,customer_id,status,rc,tagihan,admin,total,final_at";

/// The day's final production payments, oldest first.
async fn finals(db: &impl ConnectionTrait, user_id: Uuid, day: NaiveDate) -> Result<Vec<transaction::Model>> {
    let (start, end) = (wib::start_of(day), wib::start_of(day + Duration::days(1)));
    Ok(Transaction::of_partner(user_id)
        .filter(transaction::Column::Environment.eq(Env::Production))
        .filter(transaction::Column::Kind.eq(TxKind::Payment))
        .filter(transaction::Column::Status.is_in([TxStatus::Success, TxStatus::Failed]))
        .filter(transaction::Column::CreatedAt.gte(start))
        .filter(transaction::Column::CreatedAt.lt(end))
        .order_by_asc(transaction::Column::CreatedAt)
        .order_by_asc(transaction::Column::Id)
        .all(db)
        .await?)
}

/// The file's text and checksum.
pub fn render(merchant_id: &str, day: NaiveDate, rows: &[transaction::Model]) -> (String, String) {
    let date = day.format("%Y-%m-%d").to_string();
    let mut body = format!("{COLUMNS}\r\n");
    for t in rows {
        let final_at = t.final_at.map(|at| at.with_timezone(&wib::offset()).to_rfc3339()).unwrap_or_default();
        let cells = [
            merchant_id.to_owned(),
            date.clone(),
            t.id.simple().to_string(),
            t.reference_id.clone(),
            t.product_code.clone(),
            t.customer_id.clone(),
            t.status.code().to_owned(),
            t.rc.clone(),
            t.tagihan.to_string(),
            t.admin.to_string(),
            t.total.to_string(),
            final_at,
        ];
        let line: Vec<String> = cells.iter().map(|c| domain::reports::csv_field(c)).collect();
        body.push_str(&line.join(","));
        body.push_str("\r\n");
    }
    let checksum = hex::encode(Sha256::digest(body.as_bytes()));
    body.push_str(&format!("#checksum,sha256={checksum},rows={}\r\n", rows.len()));
    (body, checksum)
}

/// The partner's file of `day`, made now if it was not (only for a day
/// that is over: today's payments are not all final yet).
pub async fn file(db: &impl ConnectionTrait, user_id: Uuid, day: NaiveDate) -> Result<reconciliation_file::Model> {
    if day >= wib::date_of(Utc::now()) {
        return Err(Error::field("day", Problem::Required));
    }
    let key = (user_id, day.format("%Y-%m-%d").to_string());
    if let Some(made) = ReconciliationFile::find_by_id(key.clone()).one(db).await? {
        return Ok(made);
    }
    let merchant_id = Profile::find_by_id(user_id).one(db).await?.and_then(|p| p.merchant_id).unwrap_or_default();
    let rows = finals(db, user_id, day).await?;
    let (body, checksum) = render(&merchant_id, day, &rows);
    let row = reconciliation_file::ActiveModel {
        user_id: Set(user_id),
        day: Set(key.1.clone()),
        rows: Set(rows.len() as i64),
        checksum: Set(checksum),
        body: Set(body),
        created_at: Set(Utc::now()),
        announced_at: Set(None),
    };
    // Two makers at once: the second insert loses and reads the first.
    match row.insert(db).await {
        Ok(made) => Ok(made),
        Err(_) => ReconciliationFile::find_by_id(key).one(db).await?.ok_or(Error::Refused(Problem::NotFound)),
    }
}

/// Yesterday's file of every partner with production payments that day,
/// each announced to its callback URL once (the announcement and its
/// mark in one transaction). Returns how many were announced.
pub async fn announce_yesterday(state: &AppState) -> Result<usize> {
    let day = wib::date_of(Utc::now()) - Duration::days(1);
    let (start, end) = (wib::start_of(day), wib::start_of(day + Duration::days(1)));
    let partners: Vec<Uuid> = Transaction::find()
        .filter(transaction::Column::Environment.eq(Env::Production))
        .filter(transaction::Column::Kind.eq(TxKind::Payment))
        .filter(transaction::Column::CreatedAt.gte(start))
        .filter(transaction::Column::CreatedAt.lt(end))
        .select_only()
        .column(transaction::Column::UserId)
        .distinct()
        .into_tuple()
        .all(&state.db)
        .await?;
    let mut told = 0;
    for user_id in partners {
        let f = file(&state.db, user_id, day).await?;
        if f.announced_at.is_some() {
            continue;
        }
        let link = state.config.link(&format!("/unduh/rekonsiliasi.csv?day={}", f.day));
        let txn = crate::infra::db::begin(&state.db).await?;
        crate::callbacks::enqueue_reconciliation(&txn, user_id, (&f.day, f.rows, &f.checksum), &link).await?;
        let mut row: reconciliation_file::ActiveModel = f.into();
        row.announced_at = Set(Some(Utc::now()));
        row.update(&txn).await?;
        txn.commit().await?;
        told += 1;
    }
    Ok(told)
}
