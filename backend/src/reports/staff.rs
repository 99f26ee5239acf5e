//! The reports for the operator's staff: Status Transaksi across partners
//! (or one, by merchant ID) with the partner named on each row, and the
//! payments still pending, oldest first, with their age.

use super::transactions::{row, slice, Whose, PAGE};
use crate::entity::profile::{self, Entity as Profile};
use crate::entity::transaction::{self, Entity as Transaction};
use crate::entity::user::Entity as User;
use crate::error::{Error, Result};
use chrono::Utc;
use domain::reports::{PendingOut, StaffTxIn, TxPageOut, TxRowOut};
use domain::transaction::{TxKind, TxStatus};
use domain::{FieldError, Problem};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use std::collections::HashMap;
use uuid::Uuid;

/// Pending payments a page lists at most.
const PENDING_MAX: u64 = 200;

/// The partner a merchant ID names (empty: every partner).
pub async fn whose(db: &impl ConnectionTrait, merchant_id: &str) -> Result<Whose> {
    let merchant_id = merchant_id.trim();
    if merchant_id.is_empty() {
        return Ok(Whose::Everyone);
    }
    let found = Profile::find().filter(profile::Column::MerchantId.eq(merchant_id)).one(db).await?;
    let p = found.ok_or_else(|| Error::Invalid(vec![FieldError::new("merchant_id", Problem::NotFound)]))?;
    Ok(Whose::Partner(p.user_id))
}

/// The partner a merchant ID names, for a report of one partner
/// (Rekening Koran, Pelunasan Harian, Rekap Pelunasan): required.
pub async fn partner(db: &impl ConnectionTrait, merchant_id: &str) -> Result<Uuid> {
    match whose(db, merchant_id).await? {
        Whose::Partner(id) => Ok(id),
        Whose::Everyone => Err(Error::Invalid(vec![FieldError::new("merchant_id", Problem::Required)])),
    }
}

/// Names each row's partner ("Company · M0001").
async fn name_partners(db: &impl ConnectionTrait, rows: &mut [TxRowOut], owners: &[Uuid]) -> Result<()> {
    let mut ids = owners.to_vec();
    ids.sort();
    ids.dedup();
    let companies: HashMap<Uuid, String> = User::find()
        .filter(crate::entity::user::Column::Id.is_in(ids.clone()))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u.company))
        .collect();
    let merchants: HashMap<Uuid, String> = Profile::find()
        .filter(profile::Column::UserId.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .filter_map(|p| Some((p.user_id, p.merchant_id?)))
        .collect();
    for (r, owner) in rows.iter_mut().zip(owners) {
        let company = companies.get(owner).cloned().unwrap_or_default();
        r.partner = match merchants.get(owner) {
            Some(m) => format!("{company} · {m}"),
            None => company,
        };
    }
    Ok(())
}

/// Status Transaksi for staff: the page's rows with their partners named
/// from the rows already read.
pub async fn transactions(db: &impl ConnectionTrait, q: &StaffTxIn) -> Result<TxPageOut> {
    let whose = whose(db, &q.merchant_id).await?;
    let (found, next) = slice(db, whose, &q.search, &q.search.after, PAGE).await?;
    let mut rows: Vec<TxRowOut> = found.iter().map(row).collect();
    let owners: Vec<Uuid> = found.iter().map(|t| t.user_id).collect();
    name_partners(db, &mut rows, &owners).await?;
    Ok(TxPageOut { rows, next })
}

/// Payments still pending (of one partner or all), oldest first.
pub async fn pending(db: &impl ConnectionTrait, merchant_id: &str) -> Result<Vec<PendingOut>> {
    let mut q = Transaction::find()
        .filter(transaction::Column::Kind.eq(TxKind::Payment))
        .filter(transaction::Column::Status.eq(TxStatus::Pending));
    if let Whose::Partner(user_id) = whose(db, merchant_id).await? {
        q = q.filter(transaction::Column::UserId.eq(user_id));
    }
    let found = q.order_by_asc(transaction::Column::CreatedAt).limit(PENDING_MAX).all(db).await?;
    let now = Utc::now();
    let mut rows: Vec<TxRowOut> = found.iter().map(row).collect();
    let owners: Vec<Uuid> = found.iter().map(|t| t.user_id).collect();
    name_partners(db, &mut rows, &owners).await?;
    Ok(found
        .iter()
        .zip(rows)
        .map(|(t, row)| PendingOut {
            row,
            environment: t.environment,
            age_minutes: (now - t.created_at).num_minutes().max(0),
            in_flight: t.locked_until.is_some_and(|l| l > now),
            polls: t.poll_attempts,
        })
        .collect())
}
