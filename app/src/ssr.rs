//! Server-side helpers for server functions: the state, the session, the
//! caller's address and who is signed in.

use crate::error::AppError;
use axum::extract::ConnectInfo;
use backend::authz::{PartnerActor, StaffActor};
use backend::AppState;
use domain::rights::Right;
use domain::staff::Permission;
use domain::{Lang, Problem};
use leptos::prelude::*;
use std::net::{IpAddr, SocketAddr};
use tower_sessions::Session;
use uuid::Uuid;

pub use backend::infra::session_store::{PARTNER_KEY, STAFF_KEY};
/// A staff member whose password was right and whose code is still due.
pub const STAFF_PENDING_KEY: &str = "staff_pending";
/// A partner user whose password was right and whose code is still due.
pub const PARTNER_PENDING_KEY: &str = "partner_pending";
/// The TOTP secret being set up, until a code proves the app has it.
const ENROLL_KEY: &str = "totp_setup";
/// A webreport officer signed in (the partner's owner id): read-only reports.
pub const WEBREPORT_KEY: &str = "webreport";
/// When a signed-in session last renewed its idle window (unix seconds).
pub const SEEN_KEY: &str = "seen";

/// A second-factor secret being set up, bound to the account (staff member
/// or partner user) it was made for: a later sign-in of another account in
/// the same browser can never use it.
#[derive(serde::Serialize, serde::Deserialize)]
struct Enrolment {
    account: Uuid,
    secret: String,
}

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
    let state = state()?;
    let trusted = state.config.trusted_proxy_addrs();
    let forwarded = use_context::<http::request::Parts>()
        .and_then(|p| p.headers.get("x-forwarded-for").and_then(|v| v.to_str().ok()).map(str::to_owned));
    Ok(crate::client_ip::resolve(peer.ip(), forwarded.as_deref(), trusted))
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

/// The id kept under `key` in this session, or `NotLoggedIn`.
pub async fn signed_in_as(key: &str) -> Result<Uuid, AppError> {
    let s = session().await?;
    s.get::<Uuid>(key).await.map_err(unavailable)?.ok_or(AppError::Problem(Problem::NotLoggedIn))
}

/// Any signed-in partner user: their own dashboard, password, sandbox.
pub async fn partner() -> Result<PartnerActor, AppError> {
    declare_guard("partner");
    let id = signed_in_as(PARTNER_KEY).await?;
    Ok(backend::authz::partner(&state()?.db, id, None).await?)
}

/// A signed-in partner user who holds `right`.
pub async fn partner_may(right: Right) -> Result<PartnerActor, AppError> {
    declare_guard(&format!("partner:{right:?}"));
    let id = signed_in_as(PARTNER_KEY).await?;
    Ok(backend::authz::partner(&state()?.db, id, Some(right)).await?)
}

/// A signed-in staff member whose role grants `p` (else `Forbidden`).
pub async fn staff(p: Permission) -> Result<StaffActor, AppError> {
    declare_guard(&format!("staff:{p:?}"));
    let id = signed_in_as(STAFF_KEY).await?;
    Ok(backend::authz::staff(&state()?.db, id, p).await?)
}

/// Any signed-in staff member: their own security page, sign-out.
pub async fn any_staff() -> Result<StaffActor, AppError> {
    declare_guard("staff");
    let id = signed_in_as(STAFF_KEY).await?;
    Ok(backend::authz::any_staff(&state()?.db, id).await?)
}

/// The signed-in webreport officer (its partner's owner id).
pub async fn webreport() -> Result<Uuid, AppError> {
    declare_guard("webreport");
    signed_in_as(WEBREPORT_KEY).await
}

/// Says which guard this server function opens with, in `x-guard`, when
/// configured (`expose_guards`): the access sweep test learns from it what
/// each function requires, without a list that could go stale.
fn declare_guard(guard: &str) {
    let Some(opts) = use_context::<leptos_axum::ResponseOptions>() else { return };
    if state().is_ok_and(|s| s.config.expose_guards) {
        if let Ok(v) = http::HeaderValue::from_str(guard) {
            opts.insert_header(http::HeaderName::from_static("x-guard"), v);
        }
    }
}

/// `Ok(None)` instead of `NotLoggedIn`: for "who is signed in, if anyone?".
pub fn if_signed_in<T>(who: Result<T, AppError>) -> Result<Option<T>, AppError> {
    match who {
        Ok(who) => Ok(Some(who)),
        Err(AppError::Problem(Problem::NotLoggedIn)) => Ok(None),
        Err(e) => Err(e),
    }
}

/// Starts a fresh session (new id: no fixation) holding only `key = id`:
/// nothing from before the sign-in survives it.
pub async fn sign_in(key: &str, id: Uuid) -> Result<(), AppError> {
    let s = session().await?;
    s.clear().await;
    s.cycle_id().await.map_err(unavailable)?;
    s.insert(key, id).await.map_err(unavailable)?;
    // What "Perangkat & Sesi" shows of this session.
    let ua = use_context::<http::request::Parts>()
        .and_then(|p| p.headers.get(http::header::USER_AGENT).and_then(|v| v.to_str().ok()).map(str::to_owned))
        .unwrap_or_default();
    s.insert("ua", ua.chars().take(300).collect::<String>()).await.map_err(unavailable)?;
    if let Ok(ip) = client_ip().await {
        s.insert("ip", ip.to_string()).await.map_err(unavailable)?;
    }
    s.insert("since", unix_now()).await.map_err(unavailable)?;
    s.insert(SEEN_KEY, unix_now()).await.map_err(unavailable)
}

/// Keeps `secret` in the session as the one being set up for `account`.
pub async fn keep_enrolment(account: Uuid, secret: String) -> Result<(), AppError> {
    session().await?.insert(ENROLL_KEY, Enrolment { account, secret }).await.map_err(unavailable)
}

/// The secret being set up for `account` in this session, if any.
pub async fn enrolment_of(account: Uuid) -> Result<Option<String>, AppError> {
    let e: Option<Enrolment> = session().await?.get(ENROLL_KEY).await.map_err(unavailable)?;
    Ok(e.filter(|e| e.account == account).map(|e| e.secret))
}

pub async fn forget_enrolment() -> Result<(), AppError> {
    session().await?.remove_value(ENROLL_KEY).await.map_err(unavailable)?;
    Ok(())
}

/// This session's id as the store knows it (kept when ending the others).
pub async fn current_session_id() -> Result<Option<String>, AppError> {
    Ok(session().await?.id().map(|id| id.to_string()))
}

pub async fn sign_out() -> Result<(), AppError> {
    session().await?.flush().await.map_err(unavailable)
}

/// Seconds since the epoch (0 if the clock is before it).
pub fn unix_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}

/// The development gateway's service, for "Coba API": the portal calls it
/// in-process, so the call takes the gateway's own path (digest, session,
/// billers, ledger, API log) without the partner having to whitelist the
/// portal's address.
#[derive(Clone)]
pub struct DevGateway(pub axum::Router);

impl DevGateway {
    /// Sends one console request and reads the whole answer.
    pub async fn send(&self, out: backend::console::Outgoing) -> backend::Result<backend::console::Incoming> {
        use tower::ServiceExt;
        let mut req = http::Request::post(&out.path).header(http::header::CONTENT_TYPE, "application/json");
        if let Some(a) = &out.authorization {
            req = req.header(http::header::AUTHORIZATION, a);
        }
        let mut req = req.body(axum::body::Body::from(out.body)).map_err(|e| backend::Error::Unexpected(e.into()))?;
        // The portal itself is the caller.
        req.extensions_mut().insert(ConnectInfo(SocketAddr::from(([127, 0, 0, 1], 0))));
        req.extensions_mut().insert(backend::console::ConsoleCall);
        let res = self.0.clone().oneshot(req).await.map_err(|e| backend::Error::Unexpected(e.into()))?;
        let (parts, body) = res.into_parts();
        let body = axum::body::to_bytes(body, 1 << 20).await.map_err(|e| backend::Error::Unexpected(e.into()))?;
        let shown = [http::header::WWW_AUTHENTICATE, http::header::CONTENT_TYPE, http::header::RETRY_AFTER];
        let headers = shown
            .iter()
            .filter_map(|h| Some((h.as_str().to_owned(), parts.headers.get(h)?.to_str().ok()?.to_owned())))
            .collect();
        Ok(backend::console::Incoming {
            status: parts.status.as_u16(),
            reason: parts.status.canonical_reason().unwrap_or_default().to_owned(),
            headers,
            body: String::from_utf8_lossy(&body).into_owned(),
        })
    }
}
