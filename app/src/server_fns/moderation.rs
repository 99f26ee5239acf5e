use crate::error::AppError;
use domain::moderation::{AuditOut, PartnerDetailOut, PartnerRowOut, QueueItemOut, ReviewOut};
use domain::profile::ProfileStatus;
#[cfg(feature = "ssr")]
use domain::staff::Permission;
use domain::{DocumentId, RevisionId, UserId};
use domain::{ListQuery, Page};
use leptos::prelude::*;

/// The moderation queue; `filter`: `waiting` (default), `revision`, `mine`,
/// a profile state code, or empty for all.
#[server(prefix = "/api", endpoint = "moderation_queue")]
pub async fn moderation_queue(filter: String) -> Result<Vec<QueueItemOut>, AppError> {
    let me = crate::ssr::staff(Permission::Moderate).await?;
    let filter = backend::moderation::QueueFilter::from_code(&filter);
    Ok(backend::moderation::queue(&crate::ssr::state()?.db, &me, filter).await?)
}

#[server(prefix = "/api", endpoint = "moderation_review")]
pub async fn moderation_review(user_id: UserId) -> Result<ReviewOut, AppError> {
    crate::ssr::staff(Permission::Moderate).await?;
    Ok(backend::moderation::review(&crate::ssr::state()?, user_id).await?)
}

/// "Assign to me".
#[server(prefix = "/api", endpoint = "moderation_assign")]
pub async fn moderation_assign(user_id: UserId) -> Result<(), AppError> {
    let staff = crate::ssr::staff(Permission::Moderate).await?;
    Ok(backend::moderation::assign(&crate::ssr::state()?, &staff, user_id).await?)
}

/// Accepts or rejects one document; returns the profile's new state.
#[server(prefix = "/api", endpoint = "moderation_decide")]
pub async fn moderation_decide(doc_id: DocumentId, accept: bool, reason: String) -> Result<ProfileStatus, AppError> {
    let staff = crate::ssr::staff(Permission::Moderate).await?;
    Ok(backend::moderation::decide(&crate::ssr::state()?, &staff, doc_id, accept, &reason).await?)
}

/// Approves or rejects (with a reason) a revision of an approved profile.
#[server(prefix = "/api", endpoint = "revision_decide")]
pub async fn revision_decide(revision_id: RevisionId, approve: bool, reason: String) -> Result<(), AppError> {
    let staff = crate::ssr::staff(Permission::Moderate).await?;
    Ok(backend::revisions::decide(&crate::ssr::state()?, &staff, revision_id, approve, &reason).await?)
}

/// The audit log, searchable, 20 entries a page (admins only).
#[server(prefix = "/api", endpoint = "audit_log")]
pub async fn audit_log(list: ListQuery) -> Result<Page<AuditOut>, AppError> {
    crate::ssr::staff(Permission::ReadAudit).await?;
    Ok(backend::audit::search(&crate::ssr::state()?.db, &list).await.map_err(backend::Error::from)?)
}

/// Partners by name, merchant ID, phone or e-mail, and by profile state.
#[server(prefix = "/api", endpoint = "partners")]
pub async fn partners(list: ListQuery, status: Option<ProfileStatus>) -> Result<Page<PartnerRowOut>, AppError> {
    crate::ssr::staff(Permission::ViewPartners).await?;
    Ok(backend::partners::list(&crate::ssr::state()?.db, &list, status).await?)
}

#[server(prefix = "/api", endpoint = "partner")]
pub async fn partner(user_id: UserId) -> Result<PartnerDetailOut, AppError> {
    crate::ssr::staff(Permission::ViewPartners).await?;
    Ok(backend::partners::detail(&crate::ssr::state()?, user_id).await?)
}
