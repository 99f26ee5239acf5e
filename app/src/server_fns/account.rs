use crate::error::AppError;
use domain::account::UserOut;
use leptos::prelude::*;

/// The signed-in partner user; `None` when nobody is signed in.
#[server(prefix = "/api", endpoint = "current_user")]
pub async fn current_user() -> Result<Option<UserOut>, AppError> {
    let Some(me) = crate::ssr::if_signed_in(crate::ssr::partner().await)? else { return Ok(None) };
    Ok(backend::accounts::find_user(&crate::ssr::state()?.db, &me).await?)
}

#[server(prefix = "/api", endpoint = "change_password")]
pub async fn change_password(
    current_password: String,
    password: String,
    password_confirm: String,
) -> Result<(), AppError> {
    let me = crate::ssr::partner().await?;
    let input = domain::account::ChangePasswordIn { current_password, password, password_confirm };
    let keep = crate::ssr::current_session_id().await?;
    Ok(backend::accounts::change_password(&crate::ssr::state()?, &me, &input, keep.as_deref()).await?)
}
