use crate::error::AppError;
use domain::profile::{ProfileIn, ProfileOut, ProfileStatus};
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "profile")]
pub async fn get_profile() -> Result<ProfileOut, AppError> {
    let user = crate::ssr::partner_id().await?;
    Ok(backend::onboarding::profile(&crate::ssr::state()?, user).await?)
}

/// Saves the profile form; `submit` sends it to moderation ("Simpan").
#[server(prefix = "/api", endpoint = "save_profile")]
pub async fn save_profile(input: ProfileIn, submit: bool) -> Result<ProfileStatus, AppError> {
    let user = crate::ssr::partner_id().await?;
    Ok(backend::onboarding::save_profile(&crate::ssr::state()?, user, &input, submit).await?)
}
