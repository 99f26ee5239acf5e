//! "Keamanan Akun" of a partner user: the second factor, the company rule
//! (owner), and "Perangkat & Sesi". Open to every partner user: it is about
//! their own account.

use crate::error::AppError;
use domain::staff::TotpSetup;
use domain::team::SecurityOut;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "security_overview")]
pub async fn security_overview() -> Result<SecurityOut, AppError> {
    let me = crate::ssr::partner().await?;
    let current = crate::ssr::current_session_id().await?;
    Ok(backend::two_step::overview(&crate::ssr::state()?, &me, current.as_deref()).await?)
}

/// Starts turning the second factor on; the secret waits in the session.
#[server(prefix = "/api", endpoint = "partner_totp_begin")]
pub async fn partner_totp_begin() -> Result<TotpSetup, AppError> {
    let me = crate::ssr::partner().await?;
    let setup = backend::two_step::begin(&crate::ssr::state()?, &me).await?;
    crate::ssr::keep_enrolment(me.user_id(), setup.secret.clone()).await?;
    Ok(setup)
}

/// Confirms with a code; answers the recovery codes, shown once.
#[server(prefix = "/api", endpoint = "partner_totp_confirm")]
pub async fn partner_totp_confirm(code: String) -> Result<Vec<String>, AppError> {
    let me = crate::ssr::partner().await?;
    let secret = crate::ssr::enrolment_of(me.user_id()).await?.ok_or(AppError::Problem(domain::Problem::NotFound))?;
    let codes = backend::two_step::verify(&crate::ssr::state()?, me.user_id(), &code, Some(&secret)).await?;
    crate::ssr::forget_enrolment().await?;
    Ok(codes.unwrap_or_default())
}

#[server(prefix = "/api", endpoint = "partner_totp_disable")]
pub async fn partner_totp_disable(code: String) -> Result<(), AppError> {
    let me = crate::ssr::partner().await?;
    Ok(backend::two_step::disable(&crate::ssr::state()?, &me, &code).await?)
}

/// The owner requires a second factor of every user (or stops).
#[server(prefix = "/api", endpoint = "partner_totp_require")]
pub async fn partner_totp_require(on: bool) -> Result<(), AppError> {
    let me = crate::ssr::partner().await?;
    Ok(backend::two_step::require(&crate::ssr::state()?, &me, on).await?)
}

#[server(prefix = "/api", endpoint = "session_end")]
pub async fn session_end(handle: String) -> Result<(), AppError> {
    let me = crate::ssr::partner().await?;
    Ok(backend::two_step::end_session(&crate::ssr::state()?, &me, &handle).await?)
}

/// Ends every session of the user but this one.
#[server(prefix = "/api", endpoint = "sessions_end_others")]
pub async fn sessions_end_others() -> Result<u64, AppError> {
    let me = crate::ssr::partner().await?;
    let keep = crate::ssr::current_session_id().await?;
    Ok(backend::two_step::end_others(&crate::ssr::state()?, &me, keep.as_deref()).await?)
}
