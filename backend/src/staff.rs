//! Operator staff accounts (back office).

use crate::entity::staff::{self, Entity as Staff};
use crate::error::{Error, Result};
use crate::ratelimit::Limit;
use crate::{password, token, AppState};
use domain::account::{check_required, normalize_email, StaffOut};
use domain::{FieldError, Problem};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
};
use std::net::IpAddr;
use uuid::Uuid;

pub const ROLE_ADMIN: &str = "admin";
const LOGIN_FAILS_PER_ACCOUNT: Limit = Limit::new(5, 900);
const LOGIN_FAILS_PER_IP: Limit = Limit::new(30, 900);

/// Creates the first operator (an admin) when there is no staff yet and
/// returns its one-time password so the server can print it once.
pub async fn ensure_initial_operator(state: &AppState) -> Result<Option<(String, String)>> {
    if Staff::find().count(&state.db).await? > 0 {
        return Ok(None);
    }
    let email = normalize_email(&state.config.operator_email).map_err(|p| Error::field("email", p))?;
    let pw = token::new_password(16);
    let hash = password::hash(pw.clone()).await?;
    staff::ActiveModel {
        id: Set(Uuid::now_v7()),
        email: Set(email.clone()),
        name: Set("Operator".into()),
        password_hash: Set(hash),
        role: Set(ROLE_ADMIN.into()),
        created_at: Set(chrono::Utc::now()),
    }
    .insert(&state.db)
    .await?;
    Ok(Some((email, pw)))
}

#[tracing::instrument(skip_all)]
pub async fn login(state: &AppState, email: &str, pw: &str, ip: IpAddr) -> Result<Uuid> {
    let mut errs = Vec::new();
    let email = normalize_email(email).map_err(|p| errs.push(FieldError::new("email", p))).ok();
    if let Err(p) = check_required(pw, 128) {
        errs.push(FieldError::new("password", p));
    }
    let Some(email) = email.filter(|_| errs.is_empty()) else {
        return Err(Error::Invalid(errs));
    };
    let account_key = format!("staff-login:{email}");
    let ip_key = format!("staff-login-ip:{ip}");
    for (limit, key) in [(LOGIN_FAILS_PER_ACCOUNT, &account_key), (LOGIN_FAILS_PER_IP, &ip_key)] {
        if let Some(secs) = limit.blocked(&state.db, key).await? {
            return Err(Error::TooSoon { problem: Problem::TooManyAttempts, secs });
        }
    }
    let s = Staff::find().filter(staff::Column::Email.eq(&email)).one(&state.db).await?;
    let ok = password::verify(pw.to_owned(), s.as_ref().map(|s| s.password_hash.clone())).await?;
    match s.filter(|_| ok) {
        Some(s) => {
            Limit::clear(&state.db, &account_key).await?;
            tracing::info!(staff_id = %s.id, "staff logged in");
            Ok(s.id)
        }
        None => {
            let _ = LOGIN_FAILS_PER_ACCOUNT.hit(&state.db, &account_key).await?;
            let _ = LOGIN_FAILS_PER_IP.hit(&state.db, &ip_key).await?;
            Err(Error::Refused(Problem::WrongEmailOrPassword))
        }
    }
}

pub async fn find(db: &impl ConnectionTrait, id: Uuid) -> Result<Option<StaffOut>> {
    Ok(Staff::find_by_id(id).one(db).await?.map(|s| StaffOut { name: s.name, email: s.email, role: s.role }))
}
