//! The low-balance alert: the partner sets a production deposit level;
//! when the deposit is under it, the company's owner is e-mailed — at
//! most once a WIB day, whatever the number of payments that follow.
//! A worker looks every few minutes (`check_all`), so the alert never
//! slows a payment down.

use crate::callbacks::settings_row;
use crate::entity::partner_setting::{self, Entity as PartnerSetting};
use crate::entity::user::Entity as User;
use crate::error::{Error, Result};
use crate::infra::wib;
use crate::ledger::{self, Env};
use crate::mail::templates::{render, Kind as MailKind};
use crate::AppState;
use chrono::Utc;
use domain::finance::rupiah;
use domain::{Lang, Problem};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use uuid::Uuid;

/// The highest level one may set (a typo of many zeros is refused).
pub const MAX_LEVEL: i64 = 10_000_000_000;

/// The partner's level, if set.
pub async fn level(db: &impl ConnectionTrait, user_id: Uuid) -> Result<Option<i64>> {
    Ok(PartnerSetting::find_by_id(user_id).one(db).await?.and_then(|s| s.low_balance))
}

/// Sets (or, with none, removes) the level; a new level may alert again today.
pub async fn set(db: &impl ConnectionTrait, user_id: Uuid, level: Option<i64>) -> Result<()> {
    if level.is_some_and(|l| !(1..=MAX_LEVEL).contains(&l)) {
        return Err(Error::field("low_balance", Problem::AmountOutOfRange));
    }
    let mut row: partner_setting::ActiveModel = settings_row(db, user_id).await?.into();
    row.low_balance = Set(level);
    row.low_balance_told_on = Set(None);
    row.updated_at = Set(Utc::now());
    row.update(db).await?;
    Ok(())
}

/// Tells every partner whose deposit is under its level and who was not
/// told today; returns how many were told.
pub async fn check_all(state: &AppState) -> Result<usize> {
    let today = wib::day(Utc::now());
    let watched =
        PartnerSetting::find().filter(partner_setting::Column::LowBalance.is_not_null()).all(&state.db).await?;
    let mut told = 0;
    for s in watched {
        let Some(level) = s.low_balance else { continue };
        if s.low_balance_told_on.as_deref() == Some(today.as_str()) {
            continue;
        }
        let balance = ledger::balance(&state.db, s.user_id, Env::Production).await?;
        if balance >= level {
            continue;
        }
        tell(state, s, balance, level, &today).await?;
        told += 1;
    }
    Ok(told)
}

/// The mail and the day it went, in one transaction: a crash between them
/// neither loses the alert nor sends it twice.
async fn tell(state: &AppState, s: partner_setting::Model, balance: i64, level: i64, today: &str) -> Result<()> {
    let Some(owner) = User::find_by_id(s.user_id).one(&state.db).await? else { return Ok(()) };
    let (balance, level) = (rupiah(balance), rupiah(level));
    let kind = MailKind::LowBalance { company: &owner.company, balance: &balance, level: &level };
    let mail =
        render(&kind, Lang::from_code(&owner.lang), &state.config.brand, &owner.email).map_err(Error::Unexpected)?;
    let txn = crate::infra::db::begin(&state.db).await?;
    crate::mail::enqueue(&txn, mail).await?;
    let mut row: partner_setting::ActiveModel = s.into();
    row.low_balance_told_on = Set(Some(today.to_owned()));
    row.update(&txn).await?;
    txn.commit().await?;
    Ok(())
}
