//! The webreport login of the credentials e-mail (manual Gambar 12): the
//! merchant ID, the officer code and the password sent once sign in to a
//! read-only view of that merchant's production transactions and deposit
//! statement. The first sign-in must change the password before anything
//! is shown. Attempts are counted like the portal's login.

use crate::entity::profile::{self, Entity as Profile};
use crate::entity::user::Entity as User;
use crate::entity::webreport_account::{self, Entity as WebreportAccount};
use crate::error::{Error, Result};
use crate::infra::password;
use crate::infra::ratelimit::LoginAttempt;
use crate::AppState;
use domain::account::check_new_password;
use domain::Problem;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use serde::{Deserialize, Serialize};
use std::net::IpAddr;
use uuid::Uuid;

/// Who is signed in to the webreport.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Webreport {
    pub user_id: Uuid,
    pub company: String,
    pub merchant_id: String,
    pub officer_code: String,
    pub must_change_password: bool,
}

impl Webreport {
    pub fn out(&self) -> domain::reports::WebreportOut {
        domain::reports::WebreportOut {
            company: self.company.clone(),
            merchant_id: self.merchant_id.clone(),
            officer_code: self.officer_code.clone(),
            must_change_password: self.must_change_password,
        }
    }
}

/// The webreport of a partner (its owner's user id), if it has one.
pub async fn of(db: &impl ConnectionTrait, user_id: Uuid) -> Result<Option<Webreport>> {
    let Some(account) = WebreportAccount::find_by_id(user_id).one(db).await? else { return Ok(None) };
    let merchant_id = Profile::find_by_id(user_id).one(db).await?.and_then(|p| p.merchant_id).unwrap_or_default();
    let company = User::find_by_id(user_id).one(db).await?.map(|u| u.company).unwrap_or_default();
    Ok(Some(Webreport {
        user_id,
        company,
        merchant_id,
        officer_code: account.officer_code,
        must_change_password: account.must_change_password,
    }))
}

/// Signs in with the three values of the credentials e-mail; wrong ones
/// are told apart from nothing (one message for any of them).
pub async fn login(state: &AppState, merchant_id: &str, officer_code: &str, pw: &str, ip: IpAddr) -> Result<Webreport> {
    let (merchant_id, officer_code) = (merchant_id.trim(), officer_code.trim());
    if merchant_id.is_empty() || officer_code.is_empty() || pw.is_empty() {
        return Err(Error::Refused(Problem::WrongWebreportLogin));
    }
    let attempt = LoginAttempt::begin(&state.db, "webreport", merchant_id, ip)
        .await?
        .map_err(|secs| Error::TooSoon { problem: Problem::TooManyAttempts, secs })?;
    let owner = Profile::find().filter(profile::Column::MerchantId.eq(merchant_id)).one(&state.db).await?;
    let account = match owner {
        Some(p) => {
            WebreportAccount::find_by_id(p.user_id)
                .filter(webreport_account::Column::OfficerCode.eq(officer_code))
                .one(&state.db)
                .await?
        }
        None => None,
    };
    // Verified even when nothing matched: the answer takes as long either way.
    let ok = password::verify(pw.to_owned(), account.as_ref().map(|a| a.password_hash.clone())).await?;
    let Some(account) = account.filter(|_| ok) else {
        tracing::info!("webreport login failed");
        return Err(Error::Refused(Problem::WrongWebreportLogin));
    };
    let user =
        User::find_by_id(account.user_id).one(&state.db).await?.ok_or(Error::Refused(Problem::WrongWebreportLogin))?;
    if user.suspended_at.is_some() {
        return Err(Error::Refused(Problem::Suspended));
    }
    attempt.succeeded(&state.db).await?;
    tracing::info!(user_id = %account.user_id, "webreport signed in");
    of(&state.db, account.user_id).await?.ok_or(Error::Refused(Problem::WrongWebreportLogin))
}

/// Changes the webreport password (the first sign-in must).
pub async fn change_password(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    current: &str,
    new: &str,
    confirm: &str,
) -> Result<()> {
    let account = WebreportAccount::find_by_id(user_id).one(db).await?.ok_or(Error::Refused(Problem::NotLoggedIn))?;
    if current.is_empty() {
        return Err(Error::field("current_password", Problem::Required));
    }
    let errs = check_new_password(new, confirm);
    if !errs.is_empty() {
        return Err(Error::Invalid(errs));
    }
    if !password::verify(current.to_owned(), Some(account.password_hash.clone())).await? {
        return Err(Error::field("current_password", Problem::WrongCurrentPassword));
    }
    let mut row: webreport_account::ActiveModel = account.into();
    row.password_hash = Set(password::hash(new.to_owned()).await?);
    row.must_change_password = Set(false);
    row.update(db).await?;
    Ok(())
}

/// The signed-in webreport, refused until its first password is changed.
pub async fn reader(db: &impl ConnectionTrait, user_id: Uuid) -> Result<Webreport> {
    let w = of(db, user_id).await?.ok_or(Error::Refused(Problem::NotLoggedIn))?;
    if w.must_change_password {
        return Err(Error::Refused(Problem::Forbidden));
    }
    Ok(w)
}
