use crate::error::AppError;
use domain::profile::{ProfileIn, ProfileOut, ProfileStatus};
#[cfg(feature = "ssr")]
use domain::rights::Right;
use domain::DocumentId;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "profile")]
pub async fn get_profile() -> Result<ProfileOut, AppError> {
    let me = crate::ssr::partner_may(Right::SubmitProfil).await?;
    Ok(backend::onboarding::profile(&crate::ssr::state()?, &me).await?)
}

/// Saves the profile form; `submit` sends it to moderation ("Simpan").
#[server(prefix = "/api", endpoint = "save_profile")]
pub async fn save_profile(input: ProfileIn, submit: bool) -> Result<ProfileStatus, AppError> {
    let me = crate::ssr::partner_may(Right::SubmitProfil).await?;
    Ok(backend::onboarding::save_profile(&crate::ssr::state()?, &me, &input, submit).await?)
}

/// Sends a revision of an approved profile: the proposed fields and a change
/// note per changed field (by field name).
#[server(prefix = "/api", endpoint = "submit_revision")]
pub async fn submit_revision(
    input: ProfileIn,
    // An empty map has no URL-encoded form: absent means no notes.
    #[server(default)] notes: std::collections::BTreeMap<String, String>,
) -> Result<(), AppError> {
    let me = crate::ssr::partner_may(Right::SubmitProfil).await?;
    Ok(backend::revisions::submit(&crate::ssr::state()?, &me, &input, &notes).await?)
}

/// Withdraws a replacement file uploaded for a revision not yet sent.
#[server(prefix = "/api", endpoint = "remove_revision_upload")]
pub async fn remove_revision_upload(doc_id: DocumentId) -> Result<(), AppError> {
    let me = crate::ssr::partner_may(Right::SubmitProfil).await?;
    Ok(backend::revisions::remove_upload(&crate::ssr::state()?, &me, doc_id).await?)
}
