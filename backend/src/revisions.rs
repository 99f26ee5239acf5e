//! "Revisi Data Profil": an approved partner proposes changed fields (each
//! with a change note) and replacement documents; the operator approves or
//! rejects the revision as a whole. Until then the account runs on the
//! approved data.

use crate::audit::{self, Actor};
use crate::authz::{PartnerActor, StaffActor};
use crate::entity::profile::{self, Entity as Profile};
use crate::entity::profile_document::{self, Entity as ProfileDocument};
use crate::entity::profile_revision::{self, Entity as ProfileRevision};
use crate::entity::staff::Entity as Staff;
use crate::entity::OfPartner;
use crate::error::{Error, Result};
use crate::infra::wib;
use crate::onboarding::{self, DocSlot};
use crate::{regions, AppState};
use chrono::Utc;
use domain::profile::{DocStatus, FieldChange, Moderation, ProfileIn, ProfileStatus, RevisionOut, RevisionStatus};
use domain::{DocumentId, RevisionId};
use domain::{FieldError, Problem};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, QueryFilter,
    QueryOrder,
};
use std::collections::BTreeMap;
use uuid::Uuid;

/// Revisions waiting for the operator, oldest first.
pub async fn pending(db: &impl ConnectionTrait) -> Result<Vec<profile_revision::Model>> {
    Ok(ProfileRevision::find()
        .filter(profile_revision::Column::Status.eq(RevisionStatus::Submitted))
        .order_by_asc(profile_revision::Column::SubmittedAt)
        .all(db)
        .await?)
}

pub async fn has_pending(db: &impl ConnectionTrait, user_id: Uuid) -> Result<bool> {
    Ok(pending_of(db, user_id).await?.is_some())
}

async fn pending_of(db: &impl ConnectionTrait, user_id: Uuid) -> Result<Option<profile_revision::Model>> {
    Ok(ProfileRevision::of_partner(user_id)
        .filter(profile_revision::Column::Status.eq(RevisionStatus::Submitted))
        .one(db)
        .await?)
}

/// The changed fields as sent: old value, new value and the note, kept
/// with the revision so a decided one still shows what it changed.
fn changes_of(r: &profile_revision::Model) -> Vec<FieldChange> {
    serde_json::from_str(&r.notes).unwrap_or_default()
}

/// The partner's latest revision, with the changes against `approved`.
pub async fn latest(db: &impl ConnectionTrait, user_id: Uuid) -> Result<Option<RevisionOut>> {
    let Some(r) =
        ProfileRevision::of_partner(user_id).order_by_desc(profile_revision::Column::SubmittedAt).one(db).await?
    else {
        return Ok(None);
    };
    let status = r.status;
    let documents = if status == RevisionStatus::Submitted {
        onboarding::doc_outs(db, onboarding::revision_documents(db, user_id).await?).await?
    } else {
        Vec::new()
    };
    let decided = match (r.decided_by, r.decided_at) {
        (Some(by), Some(at)) => Some(Moderation {
            by: Staff::find_by_id(by).one(db).await?.map(|s| s.name).unwrap_or_default(),
            at: wib::format(at),
        }),
        _ => None,
    };
    Ok(Some(RevisionOut {
        id: r.id.into(),
        status,
        changes: changes_of(&r),
        documents,
        submitted_at: wib::format(r.submitted_at),
        reason: r.reason.clone(),
        decided,
    }))
}

/// Sends a revision. Every changed field needs its note; something must
/// change (a field or a document).
#[tracing::instrument(skip_all, fields(user_id = %partner.partner_id()))]
pub async fn submit(
    state: &AppState,
    partner: &PartnerActor,
    input: &ProfileIn,
    notes: &BTreeMap<String, String>,
) -> Result<()> {
    let user_id = partner.partner_id();
    let current = onboarding::profile(state, partner).await?;
    if current.status != ProfileStatus::Approved {
        return Err(Error::Refused(Problem::ProfileLocked));
    }
    let txn = crate::infra::db::begin(&state.db).await?;
    if pending_of(&txn, user_id).await?.is_some() {
        return Err(Error::Refused(Problem::RevisionPending));
    }
    let mut proposed = input.clone();
    proposed.category = current.fields.category.clone();
    let changed = proposed.changed_from(&current.fields);
    let mut errs = proposed.problems(true);
    let mut changes = Vec::new();
    for field in &changed {
        match notes.get(*field).map(|n| n.trim()).filter(|n| !n.is_empty()) {
            Some(n) if n.chars().count() > 500 => {
                errs.push(FieldError::new(&format!("note_{field}"), Problem::TooLong))
            }
            Some(n) => changes.push(FieldChange {
                field: (*field).to_owned(),
                old: current.fields.get(field).trim().to_owned(),
                new: proposed.get(field).trim().to_owned(),
                note: n.to_owned(),
            }),
            None => errs.push(FieldError::new(&format!("note_{field}"), Problem::NoteRequired)),
        }
    }
    let region = [&proposed.province, &proposed.regency, &proposed.district, &proposed.village].map(|s| s.trim());
    if errs.is_empty() && !regions::is_valid_path(&txn, region).await? {
        errs.push(FieldError::new("village", Problem::RegionInvalid));
    }
    if !errs.is_empty() {
        return Err(Error::Invalid(errs));
    }
    let new_docs = onboarding::revision_documents(&txn, user_id).await?;
    if changed.is_empty() && new_docs.is_empty() {
        return Err(Error::Refused(Problem::NothingChanged));
    }
    let id = Uuid::now_v7();
    profile_revision::ActiveModel {
        id: Set(id),
        user_id: Set(user_id),
        status: Set(RevisionStatus::Submitted),
        fields: Set(serde_json::to_string(&proposed).map_err(anyhow::Error::from)?),
        notes: Set(serde_json::to_string(&changes).map_err(anyhow::Error::from)?),
        submitted_at: Set(Utc::now()),
        decided_by: Set(None),
        decided_at: Set(None),
        reason: Set(None),
    }
    .insert(&txn)
    .await?;
    let before: BTreeMap<&str, &str> = changes.iter().map(|c| (c.field.as_str(), c.old.as_str())).collect();
    let after = serde_json::json!({
        "fields": changes.iter().map(|c| (c.field.as_str(), c.new.as_str())).collect::<BTreeMap<_, _>>(),
        "notes": changes.iter().map(|c| (c.field.as_str(), c.note.as_str())).collect::<BTreeMap<_, _>>(),
        "documents": new_docs.iter().map(|d| d.doc_type.clone()).collect::<Vec<_>>(),
    });
    let actor = partner.audit();
    let before = serde_json::to_value(before).ok();
    let entity_id = id.to_string();
    audit::record(&txn, &actor, "profile.revision_submitted", "profile_revision", &entity_id, before, Some(after))
        .await?;
    txn.commit().await?;
    tracing::info!(changed = changed.len(), documents = new_docs.len(), "revision submitted");
    Ok(())
}

/// The moderator's decision on a revision as a whole. Approval applies the
/// fields and makes the replacement documents current (accepted);
/// rejection (with a reason) discards them.
#[tracing::instrument(skip_all, fields(staff_id = %staff.id(), approve))]
pub async fn decide(
    state: &AppState,
    staff: &StaffActor,
    revision_id: RevisionId,
    approve: bool,
    reason: &str,
) -> Result<()> {
    let staff_id = staff.id();
    let id = revision_id.0;
    let reason = reason.trim();
    if !approve {
        domain::account::check_required(reason, 500).map_err(|p| Error::field("reason", p))?;
    }
    let removed_files = crate::infra::db::retry_busy(|| async {
        let txn = crate::infra::db::begin(&state.db).await?;
        let actor = staff.audit();
        let r = ProfileRevision::find_by_id(id).one(&txn).await?.ok_or(Error::Refused(Problem::NotFound))?;
        if r.status != RevisionStatus::Submitted {
            return Err(Error::Refused(Problem::NotInReview));
        }
        let docs = onboarding::revision_documents(&txn, r.user_id).await?;
        let removed = if approve { apply(&txn, &actor, &r, docs).await? } else { discard(&txn, docs).await? };
        let status = if approve { RevisionStatus::Approved } else { RevisionStatus::Rejected };
        let mut row: profile_revision::ActiveModel = r.clone().into();
        row.status = Set(status);
        row.decided_by = Set(Some(staff_id));
        row.decided_at = Set(Some(Utc::now()));
        row.reason = Set((!approve).then(|| reason.to_owned()));
        row.update(&txn).await?;
        let action = if approve { "profile.revision_approved" } else { "profile.revision_rejected" };
        let after = serde_json::json!({ "reason": (!approve).then_some(reason) });
        audit::record(&txn, &actor, action, "profile_revision", &id.to_string(), None, Some(after)).await?;
        notify(state, &txn, r.user_id, approve, reason).await?;
        txn.commit().await?;
        Ok(removed)
    })
    .await?;
    for key in removed_files {
        if let Err(e) = state.storage.delete(&key).await {
            tracing::warn!(error = %e, "replaced document file not removed");
        }
    }
    Ok(())
}

/// Tells the partner the decision by e-mail (queued in the decision's
/// transaction, so it goes out only if the decision stands).
async fn notify(
    state: &AppState,
    txn: &DatabaseTransaction,
    user_id: Uuid,
    approved: bool,
    reason: &str,
) -> Result<()> {
    let user =
        crate::entity::user::Entity::find_by_id(user_id).one(txn).await?.ok_or(Error::Refused(Problem::NotFound))?;
    let company = Profile::find_by_id(user_id).one(txn).await?.map(|p| p.business_name).unwrap_or_default();
    let link = state.config.link("/profil");
    let kind = crate::mail::templates::Kind::RevisionDecided {
        name: &user.name,
        company: &company,
        approved,
        reason,
        link: &link,
    };
    let lang = domain::Lang::from_code(&user.lang);
    crate::mail::enqueue(txn, crate::mail::templates::render(&kind, lang, &state.config.brand, &user.email)?).await?;
    Ok(())
}

/// Applies an approved revision; returns the storage keys no row uses now.
async fn apply(
    txn: &DatabaseTransaction,
    actor: &Actor,
    r: &profile_revision::Model,
    docs: Vec<profile_document::Model>,
) -> Result<Vec<String>> {
    let p = Profile::find_by_id(r.user_id).one(txn).await?.ok_or(Error::Refused(Problem::NotFound))?;
    let proposed: ProfileIn = serde_json::from_str(&r.fields).map_err(anyhow::Error::from)?;
    let before = serde_json::json!({ "business_name": p.business_name, "address": p.address });
    let mut row: profile::ActiveModel = p.into();
    row.personal_name = Set(proposed.personal_name.trim().into());
    row.personal_phone = Set(proposed.personal_phone.trim().into());
    row.personal_email = Set(proposed.personal_email.trim().to_lowercase());
    row.business_name = Set(proposed.business_name.trim().into());
    row.business_phone = Set(proposed.business_phone.trim().into());
    row.province_code = Set(Some(proposed.province.trim().into()));
    row.regency_code = Set(Some(proposed.regency.trim().into()));
    row.district_code = Set(Some(proposed.district.trim().into()));
    row.village_code = Set(Some(proposed.village.trim().into()));
    row.address = Set(proposed.address.trim().into());
    row.updated_at = Set(Utc::now());
    let p = row.update(txn).await?;
    let after = serde_json::json!({ "business_name": p.business_name, "address": p.address });
    audit::record(txn, actor, "profile.updated", "profile", &p.user_id.to_string(), Some(before), Some(after)).await?;
    let mut removed = Vec::new();
    for d in docs {
        let old = ProfileDocument::of_partner(d.user_id)
            .filter(profile_document::Column::DocType.eq(&d.doc_type))
            .filter(profile_document::Column::Slot.eq(DocSlot::Current))
            .one(txn)
            .await?;
        if let Some(old) = old {
            removed.push(old.storage_key.clone());
            ProfileDocument::delete_by_id(old.id).exec(txn).await?;
        }
        let (staff_id, doc_id) = (Some(actor.id()), d.id);
        let mut row: profile_document::ActiveModel = d.into();
        row.slot = Set(DocSlot::Current);
        row.status = Set(DocStatus::Accepted);
        row.decided_by = Set(staff_id);
        row.decided_at = Set(Some(Utc::now()));
        row.update(txn).await?;
        let after = serde_json::json!({ "status": DocStatus::Accepted.code(), "revision": r.id });
        audit::record(txn, actor, "document.accepted", "profile_document", &doc_id.to_string(), None, Some(after))
            .await?;
    }
    Ok(removed)
}

async fn discard(txn: &DatabaseTransaction, docs: Vec<profile_document::Model>) -> Result<Vec<String>> {
    let mut removed = Vec::new();
    for d in docs {
        removed.push(d.storage_key.clone());
        ProfileDocument::delete_by_id(d.id).exec(txn).await?;
    }
    Ok(removed)
}

/// Cancels a replacement file uploaded for a revision not yet sent.
pub async fn remove_upload(state: &AppState, partner: &PartnerActor, doc_id: DocumentId) -> Result<()> {
    let user_id = partner.partner_id();
    let id = doc_id.0;
    let txn = crate::infra::db::begin(&state.db).await?;
    let d = ProfileDocument::find_by_id(id)
        .one(&txn)
        .await?
        .filter(|d| d.user_id == user_id && d.slot == DocSlot::Revision)
        .ok_or(Error::Refused(Problem::NotFound))?;
    if pending_of(&txn, user_id).await?.is_some() {
        return Err(Error::Refused(Problem::RevisionPending));
    }
    ProfileDocument::delete_by_id(d.id).exec(&txn).await?;
    txn.commit().await?;
    let _ = state.storage.delete(&d.storage_key).await;
    Ok(())
}
