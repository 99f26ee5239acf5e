//! The webreport (manual Gambar 12): its own sign-in with the credentials
//! e-mail's merchant ID, officer code and password, a forced first
//! password change, then a read-only view of the merchant's production
//! transactions and deposit statement.

use crate::error::AppError;
use domain::reports::{StatementIn, StatementOut, TxPageOut, TxSearchIn, WebreportOut};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
async fn signed_in() -> Result<backend::webreport::Webreport, AppError> {
    let id = crate::ssr::webreport().await?;
    Ok(backend::webreport::reader(&crate::ssr::state()?.db, id).await?)
}

/// Signs in (a new session); says whether the password must be changed first.
#[server(prefix = "/api", endpoint = "webreport_login")]
pub async fn webreport_login(
    merchant_id: String,
    officer_code: String,
    password: String,
) -> Result<WebreportOut, AppError> {
    let state = crate::ssr::state()?;
    let ip = crate::ssr::client_ip().await?;
    let w = backend::webreport::login(&state, &merchant_id, &officer_code, &password, ip).await?;
    crate::ssr::sign_in(crate::ssr::WEBREPORT_KEY, w.user_id).await?;
    Ok(w.out())
}

/// Who is signed in to the webreport, if anyone.
#[server(prefix = "/api", endpoint = "webreport_me")]
pub async fn webreport_me() -> Result<Option<WebreportOut>, AppError> {
    let Ok(id) = crate::ssr::signed_in_as(crate::ssr::WEBREPORT_KEY).await else { return Ok(None) };
    Ok(backend::webreport::of(&crate::ssr::state()?.db, id).await?.map(|w| w.out()))
}

/// The first (or any later) password change.
#[server(prefix = "/api", endpoint = "webreport_change_password")]
pub async fn webreport_change_password(
    current_password: String,
    password: String,
    password_confirm: String,
) -> Result<(), AppError> {
    let id = crate::ssr::webreport().await?;
    let db = &crate::ssr::state()?.db;
    Ok(backend::webreport::change_password(db, id, &current_password, &password, &password_confirm).await?)
}

/// The merchant's production transactions (the environment is fixed).
#[server(prefix = "/api", endpoint = "webreport_transactions")]
pub async fn webreport_transactions(input: TxSearchIn) -> Result<TxPageOut, AppError> {
    let w = signed_in().await?;
    let input = TxSearchIn { environment: "production".into(), ..input };
    let whose = backend::reports::transactions::Whose::Partner(w.user_id);
    Ok(backend::reports::transactions::search(&crate::ssr::state()?.db, whose, &input).await?)
}

/// The merchant's production deposit statement.
#[server(prefix = "/api", endpoint = "webreport_statement")]
pub async fn webreport_statement(input: StatementIn) -> Result<StatementOut, AppError> {
    let w = signed_in().await?;
    let input = StatementIn { environment: "production".into(), ..input };
    Ok(backend::reports::statement::page(&crate::ssr::state()?.db, w.user_id, &input).await?)
}

/// Leaves the webreport.
#[server(prefix = "/api", endpoint = "webreport_logout")]
pub async fn webreport_logout() -> Result<(), AppError> {
    crate::ssr::sign_out().await?;
    Ok(())
}
