//! Server-side helpers for server functions: the state, the session, the
//! caller's address and who is signed in.

use crate::error::AppError;
use axum::extract::ConnectInfo;
use backend::AppState;
use domain::{Lang, Problem};
use leptos::prelude::*;
use std::net::{IpAddr, SocketAddr};
use tower_sessions::Session;
use uuid::Uuid;

pub const PARTNER_KEY: &str = "partner_id";
pub const STAFF_KEY: &str = "staff_id";
/// A staff member whose password was right and whose code is still due.
pub const STAFF_PENDING_KEY: &str = "staff_pending";
/// The TOTP secret being set up, until a code proves the app has it.
pub const STAFF_ENROLL_KEY: &str = "staff_totp_setup";

pub fn state() -> Result<AppState, AppError> {
    use_context::<AppState>().ok_or(AppError::Problem(Problem::Unavailable))
}

fn unavailable(e: impl std::fmt::Display) -> AppError {
    tracing::error!(error = %e, "request context missing");
    AppError::Problem(Problem::Unavailable)
}

pub async fn session() -> Result<Session, AppError> {
    leptos_axum::extract::<Session>().await.map_err(unavailable)
}

/// The caller's address: the socket peer, or `X-Forwarded-For`'s last hop
/// when the peer is a configured trusted proxy.
pub async fn client_ip() -> Result<IpAddr, AppError> {
    let ConnectInfo(peer) = leptos_axum::extract::<ConnectInfo<SocketAddr>>().await.map_err(unavailable)?;
    let trusted = state()?.config.trusted_proxy_ips().unwrap_or_default();
    let forwarded = use_context::<http::request::Parts>()
        .and_then(|p| p.headers.get("x-forwarded-for").and_then(|v| v.to_str().ok()).map(str::to_owned));
    Ok(crate::client_ip::resolve(peer.ip(), forwarded.as_deref(), &trusted))
}

/// The language chosen by the `lang` cookie.
pub fn request_lang() -> Lang {
    use_context::<http::request::Parts>()
        .and_then(|p| {
            p.headers
                .get_all(http::header::COOKIE)
                .iter()
                .filter_map(|v| v.to_str().ok())
                .flat_map(|v| v.split(';'))
                .find_map(|c| c.trim().strip_prefix("lang=").map(Lang::from_code))
        })
        .unwrap_or_default()
}

async fn session_id(key: &str) -> Result<Uuid, AppError> {
    let s = session().await?;
    s.get::<Uuid>(key).await.map_err(unavailable)?.ok_or(AppError::Problem(Problem::NotLoggedIn))
}

/// The signed-in partner user, or `NotLoggedIn`.
pub async fn partner_id() -> Result<Uuid, AppError> {
    session_id(PARTNER_KEY).await
}

/// The signed-in staff member, or `NotLoggedIn`.
pub async fn staff_id() -> Result<Uuid, AppError> {
    session_id(STAFF_KEY).await
}

/// The signed-in staff member if their role grants `p` (else `Forbidden`).
pub async fn staff(p: domain::staff::Permission) -> Result<domain::staff::StaffOut, AppError> {
    let id = staff_id().await?;
    Ok(backend::staff::require(&state()?.db, id, p).await?)
}

/// `Ok(None)` instead of `NotLoggedIn`: for "who is signed in, if anyone?".
pub fn if_signed_in(id: Result<Uuid, AppError>) -> Result<Option<Uuid>, AppError> {
    match id {
        Ok(id) => Ok(Some(id)),
        Err(AppError::Problem(Problem::NotLoggedIn)) => Ok(None),
        Err(e) => Err(e),
    }
}

/// Starts a fresh session (new id: no fixation) holding `key = id`.
pub async fn sign_in(key: &str, id: Uuid) -> Result<(), AppError> {
    let s = session().await?;
    s.cycle_id().await.map_err(unavailable)?;
    s.insert(key, id).await.map_err(unavailable)
}

pub async fn sign_out() -> Result<(), AppError> {
    session().await?.flush().await.map_err(unavailable)
}
