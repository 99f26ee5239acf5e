use crate::error::AppError;
use domain::moderation::{QueueItemOut, ReviewOut};
use domain::profile::ProfileStatus;
use leptos::prelude::*;

/// The moderation queue; `status` filters by the profile's state code.
#[server(prefix = "/api", endpoint = "moderation_queue")]
pub async fn moderation_queue(status: String) -> Result<Vec<QueueItemOut>, AppError> {
    crate::ssr::staff_id().await?;
    let filter = (!status.is_empty()).then(|| ProfileStatus::from_code(&status));
    Ok(backend::moderation::queue(&crate::ssr::state()?.db, filter).await?)
}

#[server(prefix = "/api", endpoint = "moderation_review")]
pub async fn moderation_review(user_id: String) -> Result<ReviewOut, AppError> {
    crate::ssr::staff_id().await?;
    Ok(backend::moderation::review(&crate::ssr::state()?, &user_id).await?)
}

/// Accepts or rejects one document; returns the profile's new state.
#[server(prefix = "/api", endpoint = "moderation_decide")]
pub async fn moderation_decide(doc_id: String, accept: bool, reason: String) -> Result<ProfileStatus, AppError> {
    let staff = crate::ssr::staff_id().await?;
    Ok(backend::moderation::decide(&crate::ssr::state()?, staff, &doc_id, accept, &reason).await?)
}

/// The audit log, searchable, 20 entries a page (staff only).
#[server(prefix = "/api", endpoint = "audit_log")]
pub async fn audit_log(q: String, page: u64) -> Result<domain::moderation::AuditPage, AppError> {
    crate::ssr::staff_id().await?;
    Ok(backend::audit::search(&crate::ssr::state()?.db, &q, page).await.map_err(backend::Error::from)?)
}
