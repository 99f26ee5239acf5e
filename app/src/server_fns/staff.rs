use crate::error::AppError;
use domain::account::StaffOut;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "staff_login")]
pub async fn staff_login(email: String, password: String) -> Result<(), AppError> {
    let state = crate::ssr::state()?;
    let ip = crate::ssr::client_ip().await?;
    let id = backend::staff::login(&state, &email, &password, ip).await?;
    crate::ssr::sign_in(crate::ssr::STAFF_KEY, id).await
}

#[server(prefix = "/api", endpoint = "staff_logout")]
pub async fn staff_logout() -> Result<(), AppError> {
    crate::ssr::sign_out().await?;
    leptos_axum::redirect("/admin");
    Ok(())
}

/// The signed-in staff member; `None` when nobody is signed in.
#[server(prefix = "/api", endpoint = "current_staff")]
pub async fn current_staff() -> Result<Option<StaffOut>, AppError> {
    let Some(id) = crate::ssr::if_signed_in(crate::ssr::staff_id().await)? else { return Ok(None) };
    Ok(backend::staff::find(&crate::ssr::state()?.db, id).await?)
}
