use crate::error::AppError;
use domain::account::{ActivationOut, LoginOut};
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "register")]
pub async fn register(
    name: String,
    company: String,
    email: String,
    website: String,
    phone: String,
    password: String,
) -> Result<String, AppError> {
    let input = domain::account::RegisterIn { name, company, email, website, phone, password };
    let state = crate::ssr::state()?;
    let ip = crate::ssr::client_ip().await?;
    Ok(backend::accounts::register(&state, &input, crate::ssr::request_lang(), ip).await?)
}

/// Seconds until "Kirim Ulang" may be pressed for this address.
#[server(prefix = "/api", endpoint = "resend_wait")]
pub async fn resend_wait(email: String) -> Result<u64, AppError> {
    Ok(backend::accounts::resend_wait(&crate::ssr::state()?, &email).await?)
}

#[server(prefix = "/api", endpoint = "resend_activation")]
pub async fn resend_activation(email: String) -> Result<(), AppError> {
    Ok(backend::accounts::resend_activation(&crate::ssr::state()?, &email).await?)
}

#[server(prefix = "/api", endpoint = "activate")]
pub async fn activate(token: String) -> Result<ActivationOut, AppError> {
    Ok(backend::accounts::activate(&crate::ssr::state()?, &token).await?)
}

#[server(prefix = "/api", endpoint = "login")]
pub async fn login(phone: String, password: String) -> Result<LoginOut, AppError> {
    let state = crate::ssr::state()?;
    let ip = crate::ssr::client_ip().await?;
    let input = domain::account::LoginIn { phone, password };
    match backend::accounts::login(&state, &input, ip).await? {
        backend::accounts::SignedIn::Partner(id) => {
            crate::ssr::sign_in(crate::ssr::PARTNER_KEY, id).await?;
            Ok(LoginOut::LoggedIn)
        }
        backend::accounts::SignedIn::Unverified { email } => Ok(LoginOut::Unverified { email }),
        backend::accounts::SignedIn::Suspended { reason, contact } => Ok(LoginOut::Suspended { reason, contact }),
        backend::accounts::SignedIn::Code { id } => {
            crate::ssr::sign_in(crate::ssr::PARTNER_PENDING_KEY, id).await?;
            Ok(LoginOut::Code)
        }
        backend::accounts::SignedIn::Enroll { id, setup } => {
            crate::ssr::sign_in(crate::ssr::PARTNER_PENDING_KEY, id).await?;
            crate::ssr::keep_enrolment(id, setup.secret.clone()).await?;
            Ok(LoginOut::Enroll(setup))
        }
    }
}

/// The code step of a partner sign-in: a 6-digit code or a recovery code.
/// Returns the recovery codes, once, when this sign-in set the factor up.
#[server(prefix = "/api", endpoint = "partner_verify_code")]
pub async fn partner_verify_code(code: String) -> Result<Option<Vec<String>>, AppError> {
    let id = crate::ssr::signed_in_as(crate::ssr::PARTNER_PENDING_KEY).await?;
    let enrolling = crate::ssr::enrolment_of(id).await?;
    let ip = crate::ssr::client_ip().await.ok();
    let codes = backend::accounts::complete_sign_in(&crate::ssr::state()?, id, &code, enrolling.as_deref(), ip).await?;
    crate::ssr::sign_in(crate::ssr::PARTNER_KEY, id).await?;
    Ok(codes)
}

#[server(prefix = "/api", endpoint = "logout")]
pub async fn logout() -> Result<(), AppError> {
    // Whoever it was (a suspended or deleted user may still leave).
    if let Ok(me) = crate::ssr::partner().await {
        let ip = crate::ssr::client_ip().await.ok();
        backend::accounts::logout(&crate::ssr::state()?, &me, ip).await?;
    }
    crate::ssr::sign_out().await?;
    leptos_axum::redirect("/login");
    Ok(())
}

#[server(prefix = "/api", endpoint = "forgot_password")]
pub async fn forgot_password(email: String) -> Result<(), AppError> {
    let state = crate::ssr::state()?;
    let ip = crate::ssr::client_ip().await?;
    Ok(backend::accounts::forgot_password(&state, &email, ip).await?)
}

#[server(prefix = "/api", endpoint = "reset_password")]
pub async fn reset_password(token: String, password: String, password_confirm: String) -> Result<(), AppError> {
    let input = domain::account::ResetPasswordIn { token, password, password_confirm };
    Ok(backend::accounts::reset_password(&crate::ssr::state()?, &input).await?)
}
