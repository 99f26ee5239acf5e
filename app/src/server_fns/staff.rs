use crate::error::AppError;
use domain::staff::{LoginStep, NewStaffIn, StaffOut, StaffRowOut};
#[cfg(feature = "ssr")]
use domain::staff::{Permission, Role};
use domain::StaffId;
use leptos::prelude::*;

/// The password step. Staff who need a code are not signed in yet: the
/// session only remembers who is half-way (and the secret being set up).
#[server(prefix = "/api", endpoint = "staff_login")]
pub async fn staff_login(email: String, password: String) -> Result<LoginStep, AppError> {
    use crate::ssr::{sign_in, STAFF_KEY, STAFF_PENDING_KEY};
    use backend::staff::SignIn;
    let ip = crate::ssr::client_ip().await?;
    match backend::staff::login(&crate::ssr::state()?, &email, &password, ip).await? {
        SignIn::Done { id } => {
            sign_in(STAFF_KEY, id).await?;
            Ok(LoginStep::SignedIn)
        }
        SignIn::Code { id } => {
            sign_in(STAFF_PENDING_KEY, id).await?;
            Ok(LoginStep::Code)
        }
        SignIn::Enroll { id, setup } => {
            sign_in(STAFF_PENDING_KEY, id).await?;
            crate::ssr::keep_enrolment(id, setup.secret.clone()).await?;
            Ok(LoginStep::Enroll(setup))
        }
    }
}

/// The code step: completes the sign-in (and the enrolment, if one runs).
#[server(prefix = "/api", endpoint = "staff_verify_code")]
pub async fn staff_verify_code(code: String) -> Result<(), AppError> {
    let id = crate::ssr::signed_in_as(crate::ssr::STAFF_PENDING_KEY).await?;
    // Only a secret made in this login for this very account.
    let enrolling = crate::ssr::enrolment_of(id).await?;
    let ip = crate::ssr::client_ip().await.ok();
    backend::staff::complete_sign_in(&crate::ssr::state()?, id, &code, enrolling.as_deref(), ip).await?;
    // A fresh session id holding only the staff id (no fixation, no leftovers).
    crate::ssr::sign_in(crate::ssr::STAFF_KEY, id).await
}

#[server(prefix = "/api", endpoint = "staff_logout")]
pub async fn staff_logout() -> Result<(), AppError> {
    if let Ok(me) = crate::ssr::any_staff().await {
        backend::staff::record_session(&crate::ssr::state()?, me.id(), "staff.logout", None).await?;
    }
    crate::ssr::sign_out().await?;
    leptos_axum::redirect("/admin");
    Ok(())
}

/// The signed-in staff member; `None` when nobody is signed in.
#[server(prefix = "/api", endpoint = "current_staff")]
pub async fn current_staff() -> Result<Option<StaffOut>, AppError> {
    Ok(crate::ssr::if_signed_in(crate::ssr::any_staff().await)?.map(|me| me.out()))
}

#[server(prefix = "/api", endpoint = "staff_list")]
pub async fn staff_list() -> Result<Vec<StaffRowOut>, AppError> {
    crate::ssr::staff(Permission::ManageStaff).await?;
    Ok(backend::staff::list(&crate::ssr::state()?.db).await?)
}

/// Creates a staff account; returns the initial password, shown once.
#[server(prefix = "/api", endpoint = "staff_create")]
pub async fn staff_create(input: NewStaffIn) -> Result<String, AppError> {
    let admin = crate::ssr::staff(Permission::ManageStaff).await?;
    Ok(backend::staff::create(&crate::ssr::state()?, &admin, &input).await?.password)
}

/// `what`: `role` (with `role`), `activate`, `deactivate` or `reset_totp`.
#[server(prefix = "/api", endpoint = "staff_change")]
pub async fn staff_change(id: StaffId, what: String, role: String) -> Result<(), AppError> {
    use backend::staff::StaffChange;
    let admin = crate::ssr::staff(Permission::ManageStaff).await?;
    let change = match what.as_str() {
        "role" => StaffChange::Role(Role::from_code(&role).ok_or(AppError::Problem(domain::Problem::Required))?),
        "activate" => StaffChange::Active(true),
        "deactivate" => StaffChange::Active(false),
        "reset_totp" => StaffChange::ResetTotp,
        _ => return Err(AppError::Problem(domain::Problem::NotFound)),
    };
    Ok(backend::staff::change(&crate::ssr::state()?, &admin, id, change).await?)
}

/// "Keamanan Akun": a signed-in staff member starts turning on the second
/// factor; the secret waits in the session until a code confirms it.
#[server(prefix = "/api", endpoint = "totp_begin")]
pub async fn totp_begin() -> Result<domain::staff::TotpSetup, AppError> {
    let me = crate::ssr::any_staff().await?;
    let setup = backend::staff::begin_enrolment(&crate::ssr::state()?, &me).await?;
    crate::ssr::keep_enrolment(me.id(), setup.secret.clone()).await?;
    Ok(setup)
}

/// Confirms the enrolment with a code from the authenticator app.
#[server(prefix = "/api", endpoint = "totp_confirm")]
pub async fn totp_confirm(code: String) -> Result<(), AppError> {
    let me = crate::ssr::any_staff().await?;
    let secret = crate::ssr::enrolment_of(me.id()).await?.ok_or(AppError::Problem(domain::Problem::NotFound))?;
    backend::staff::verify_code(&crate::ssr::state()?, me.id(), &code, Some(&secret)).await?;
    crate::ssr::forget_enrolment().await
}
