//! Partner onboarding (KYB): the company profile, its documents and the
//! submission to the operator's moderation.

use crate::authz::{PartnerActor, StaffActor};
use crate::entity::document_type::{self, Entity as DocumentType};
use crate::entity::profile::{self, Entity as Profile};
use crate::entity::profile_document::{self, Entity as ProfileDocument};
use crate::entity::required_document::Entity as RequiredDocument;
use crate::entity::user::Entity as User;
use crate::entity::OfPartner;
use crate::error::{Error, Result};
use crate::{infra::storage, regions, AppState};
use chrono::Utc;
use domain::profile::{
    clean_file_name, Category, DocStatus, DocTypeOut, DocumentOut, FileKind, Moderation, ProfileIn, ProfileOut,
    ProfileStatus, RevisionStatus,
};
use domain::sla::SlaClock;
use domain::{FieldError, Msisdn, Problem};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

pub const SERVICE_OPEN_API: &str = "open_api";
pub use domain::profile::DocSlot;

fn doc_out(d: profile_document::Model, moderated: Option<Moderation>) -> DocumentOut {
    DocumentOut {
        id: d.id.into(),
        doc_type: d.doc_type,
        original_name: d.original_name,
        content_type: d.content_type,
        size_bytes: d.size_bytes,
        status: d.status,
        reason: d.reason,
        moderated,
    }
}

/// Documents with their "Dimoderasi oleh … pada …" stamps, read from the
/// audit log (the latest decision on each).
pub async fn doc_outs(db: &impl ConnectionTrait, docs: Vec<profile_document::Model>) -> Result<Vec<DocumentOut>> {
    let ids: Vec<String> = docs.iter().map(|d| d.id.to_string()).collect();
    let decisions =
        crate::audit::latest_each(db, "profile_document", &ids, &["document.accepted", "document.rejected"]).await?;
    Ok(docs
        .into_iter()
        .map(|d| {
            let stamp = decisions
                .get(&d.id.to_string())
                .map(|e| Moderation { by: e.actor_name.clone(), at: crate::infra::wib::format(e.at) });
            // A file uploaded after the decision has not been moderated yet.
            let stamp = stamp.filter(|_| d.status != DocStatus::Pending);
            doc_out(d, stamp)
        })
        .collect())
}

async fn status_of(db: &impl ConnectionTrait, user_id: Uuid) -> Result<ProfileStatus> {
    Ok(Profile::find_by_id(user_id).one(db).await?.map(|p| p.status).unwrap_or(ProfileStatus::Draft))
}

async fn documents_in(db: &impl ConnectionTrait, user_id: Uuid, slot: DocSlot) -> Result<Vec<profile_document::Model>> {
    Ok(ProfileDocument::of_partner(user_id).filter(profile_document::Column::Slot.eq(slot)).all(db).await?)
}

async fn documents(db: &impl ConnectionTrait, user_id: Uuid) -> Result<Vec<profile_document::Model>> {
    documents_in(db, user_id, DocSlot::Current).await
}

/// Replacement files proposed for an approved profile's revision.
pub async fn revision_documents(db: &impl ConnectionTrait, user_id: Uuid) -> Result<Vec<profile_document::Model>> {
    documents_in(db, user_id, DocSlot::Revision).await
}

/// The profile form as the partner left it, prefilled from the registration.
#[tracing::instrument(skip_all, fields(user_id = %partner.partner_id()))]
pub async fn profile(state: &AppState, partner: &PartnerActor) -> Result<ProfileOut> {
    profile_of(state, partner.partner_id()).await
}

/// The profile of the partner `user_id` (for the partner or for staff).
pub(crate) async fn profile_of(state: &AppState, user_id: Uuid) -> Result<ProfileOut> {
    let db = &state.db;
    let user = User::find_by_id(user_id).one(db).await?.ok_or(Error::Refused(Problem::NotLoggedIn))?;
    let row = Profile::find_by_id(user_id).one(db).await?;
    let local_phone = Msisdn::parse(&user.phone).map(|m| m.local()).unwrap_or(user.phone.clone());
    let fields = match &row {
        Some(p) => ProfileIn {
            category: p.category.clone().unwrap_or_default(),
            personal_name: p.personal_name.clone(),
            personal_phone: p.personal_phone.clone(),
            personal_email: p.personal_email.clone(),
            business_name: p.business_name.clone(),
            business_phone: p.business_phone.clone(),
            province: p.province_code.clone().unwrap_or_default(),
            regency: p.regency_code.clone().unwrap_or_default(),
            district: p.district_code.clone().unwrap_or_default(),
            village: p.village_code.clone().unwrap_or_default(),
            address: p.address.clone(),
        },
        None => ProfileIn {
            personal_name: user.name.clone(),
            personal_phone: local_phone.clone(),
            personal_email: user.email.clone(),
            business_name: user.company.clone(),
            business_phone: local_phone,
            ..Default::default()
        },
    };
    let doc_types = DocumentType::find()
        .order_by_asc(document_type::Column::Sort)
        .all(db)
        .await?
        .into_iter()
        .map(|t| DocTypeOut { code: t.code, name_id: t.name_id, name_en: t.name_en })
        .collect();
    let rules = RequiredDocument::find().all(db).await?;
    let required = Category::ALL
        .into_iter()
        .map(|c| (c, rules.iter().filter(|r| r.category == c.code()).map(|r| r.doc_type.clone()).collect()))
        .collect();
    let status = row.as_ref().map(|p| p.status).unwrap_or(ProfileStatus::Draft);
    let submitted = row.as_ref().and_then(|p| p.submitted_at);
    let sla = submitted
        .filter(|_| status == ProfileStatus::Submitted)
        .map(|at| SlaClock::at(at.timestamp(), Utc::now().timestamp()));
    let revision = crate::revisions::latest(db, user_id).await?;
    let revision_pending = revision.as_ref().is_some_and(|r| r.status == RevisionStatus::Submitted);
    let revision_uploads =
        if revision_pending { Vec::new() } else { doc_outs(db, revision_documents(db, user_id).await?).await? };
    Ok(ProfileOut {
        status,
        fields,
        doc_types,
        required,
        documents: doc_outs(db, documents(db, user_id).await?).await?,
        submitted_at: submitted.map(crate::infra::wib::format),
        max_upload_bytes: state.config.max_upload_bytes,
        sla,
        revision,
        revision_uploads,
    })
}

fn opt(v: &str) -> Option<String> {
    let v = v.trim();
    (!v.is_empty()).then(|| v.to_owned())
}

/// Saves the form; with `submit` it must be complete and goes to moderation.
#[tracing::instrument(skip_all, fields(user_id = %partner.partner_id(), submit))]
pub async fn save_profile(
    state: &AppState,
    partner: &PartnerActor,
    input: &ProfileIn,
    submit: bool,
) -> Result<ProfileStatus> {
    let user_id = partner.partner_id();
    let txn = crate::infra::db::begin(&state.db).await?;
    let existing = Profile::find_by_id(user_id).one(&txn).await?;
    let current = existing.as_ref().map(|p| p.status).unwrap_or(ProfileStatus::Draft);
    if !current.editable() {
        return Err(Error::Refused(Problem::ProfileLocked));
    }
    let mut errs = input.problems(submit);
    if submit && errs.is_empty() {
        errs.extend(submission_gaps(&txn, user_id, input).await?);
    }
    if !errs.is_empty() {
        return Err(Error::Invalid(errs));
    }
    let now = Utc::now();
    let status = if submit { ProfileStatus::Submitted } else { current };
    let row = profile::ActiveModel {
        user_id: Set(user_id),
        service: Set(SERVICE_OPEN_API.into()),
        category: Set(opt(&input.category)),
        personal_name: Set(input.personal_name.trim().into()),
        personal_phone: Set(input.personal_phone.trim().into()),
        personal_email: Set(input.personal_email.trim().to_lowercase()),
        business_name: Set(input.business_name.trim().into()),
        business_phone: Set(input.business_phone.trim().into()),
        province_code: Set(opt(&input.province)),
        regency_code: Set(opt(&input.regency)),
        district_code: Set(opt(&input.district)),
        village_code: Set(opt(&input.village)),
        address: Set(input.address.trim().into()),
        status: Set(status),
        submitted_at: Set(submit.then_some(now)),
        updated_at: Set(now),
        merchant_id: sea_orm::ActiveValue::NotSet,
        approved_at: sea_orm::ActiveValue::NotSet,
        assigned_to: sea_orm::ActiveValue::NotSet,
    };
    let actor = partner.audit();
    let action = if submit { "profile.submitted" } else { "profile.saved" };
    let after = serde_json::to_value(input).ok();
    crate::audit::record(&txn, &actor, action, "profile", &user_id.to_string(), None, after).await?;
    if existing.is_some() {
        let mut row = row;
        if !submit {
            row.submitted_at = sea_orm::ActiveValue::NotSet;
        }
        row.update(&txn).await?;
    } else {
        row.insert(&txn).await?;
    }
    txn.commit().await?;
    tracing::info!(status = status.code(), "profile saved");
    Ok(status)
}

/// What a complete form still lacks: a consistent region path and every
/// document the category requires (uploaded and not rejected).
async fn submission_gaps(db: &impl ConnectionTrait, user_id: Uuid, input: &ProfileIn) -> Result<Vec<FieldError>> {
    let mut errs = Vec::new();
    let path = [input.province.trim(), input.regency.trim(), input.district.trim(), input.village.trim()];
    if !regions::is_valid_path(db, path).await? {
        errs.push(FieldError::new("village", Problem::RegionInvalid));
    }
    let have = documents(db, user_id).await?;
    let required = RequiredDocument::find()
        .filter(crate::entity::required_document::Column::Category.eq(input.category.as_str()))
        .all(db)
        .await?;
    for r in required {
        let ok = have.iter().any(|d| d.doc_type == r.doc_type && d.status != DocStatus::Rejected);
        if !ok {
            errs.push(FieldError::new(&format!("doc_{}", r.doc_type), Problem::DocumentMissing));
        }
    }
    Ok(errs)
}

/// Stores one document (replacing the previous file of that type).
#[tracing::instrument(skip_all, fields(user_id = %partner.partner_id(), doc_type))]
pub async fn upload_document(
    state: &AppState,
    partner: &PartnerActor,
    doc_type: &str,
    file_name: &str,
    bytes: Vec<u8>,
) -> Result<DocumentOut> {
    let user_id = partner.partner_id();
    if DocumentType::find_by_id(doc_type.to_owned()).one(&state.db).await?.is_none() {
        return Err(Error::Refused(Problem::UnknownDocument));
    }
    if bytes.is_empty() {
        return Err(Error::Refused(Problem::FileEmpty));
    }
    if bytes.len() > state.config.max_upload_bytes {
        return Err(Error::Refused(Problem::FileTooLarge));
    }
    let kind = FileKind::sniff(&bytes).ok_or(Error::Refused(Problem::FileTypeNotAllowed))?;
    let slot = upload_slot(&state.db, user_id).await?;
    let key = storage::new_key("documents");
    let size = bytes.len() as i64;
    state.storage.put(&key, bytes, kind.content_type()).await?;
    let file = NewFile { doc_type, file_name, key: &key, kind, size, slot };
    match record_document(state, partner, file).await {
        Ok((doc, replaced)) => {
            if let Some(old) = replaced {
                if let Err(e) = state.storage.delete(&old).await {
                    tracing::warn!(error = %e, "old document file not removed");
                }
            }
            Ok(doc_out(doc, None))
        }
        Err(e) => {
            // Nothing half-saved: the new file goes when its row could not be written.
            let _ = state.storage.delete(&key).await;
            Err(e)
        }
    }
}

/// Where an upload goes: the form's own files while it is editable, the
/// revision's replacements once it is approved (and no revision waits).
async fn upload_slot(db: &impl ConnectionTrait, user_id: Uuid) -> Result<DocSlot> {
    match status_of(db, user_id).await? {
        s if s.editable() => Ok(DocSlot::Current),
        ProfileStatus::Approved if !crate::revisions::has_pending(db, user_id).await? => Ok(DocSlot::Revision),
        ProfileStatus::Approved => Err(Error::Refused(Problem::RevisionPending)),
        _ => Err(Error::Refused(Problem::ProfileLocked)),
    }
}

/// An uploaded file already in storage, to be recorded.
struct NewFile<'a> {
    doc_type: &'a str,
    file_name: &'a str,
    key: &'a str,
    kind: FileKind,
    size: i64,
    slot: DocSlot,
}

async fn record_document(
    state: &AppState,
    partner: &PartnerActor,
    f: NewFile<'_>,
) -> Result<(profile_document::Model, Option<String>)> {
    let user_id = partner.partner_id();
    let NewFile { doc_type, file_name, key, kind, size, slot } = f;
    let txn = crate::infra::db::begin(&state.db).await?;
    let existing = ProfileDocument::of_partner(user_id)
        .filter(profile_document::Column::DocType.eq(doc_type))
        .filter(profile_document::Column::Slot.eq(slot))
        .one(&txn)
        .await?;
    let replaced = existing.as_ref().map(|d| d.storage_key.clone());
    let row = profile_document::ActiveModel {
        id: match &existing {
            Some(d) => sea_orm::ActiveValue::Unchanged(d.id),
            None => Set(Uuid::now_v7()),
        },
        user_id: Set(user_id),
        doc_type: Set(doc_type.to_owned()),
        storage_key: Set(key.to_owned()),
        original_name: Set(clean_file_name(file_name)),
        content_type: Set(kind.content_type().to_owned()),
        size_bytes: Set(size),
        status: Set(DocStatus::Pending),
        reason: Set(None),
        uploaded_at: Set(Utc::now()),
        decided_by: Set(None),
        decided_at: Set(None),
        slot: Set(slot),
    };
    let saved = match existing {
        Some(_) => row.update(&txn).await?,
        None => row.insert(&txn).await?,
    };
    let actor = partner.audit();
    let after = serde_json::json!({
        "doc_type": doc_type, "original_name": saved.original_name, "size_bytes": size, "slot": slot,
    });
    crate::audit::record(
        &txn,
        &actor,
        "document.uploaded",
        "profile_document",
        &saved.id.to_string(),
        None,
        Some(after),
    )
    .await?;
    txn.commit().await?;
    Ok((saved, replaced))
}

/// Who asks for a document file.
#[derive(Debug, Clone)]
pub enum Viewer {
    Partner(PartnerActor),
    /// Staff whose role lets them see partners (the guard checked it).
    Staff(StaffActor),
}

impl Viewer {
    /// Whether this viewer may see a file of the partner `owner`.
    pub fn may_see(&self, owner: Uuid) -> bool {
        match self {
            Viewer::Partner(p) => p.partner_id() == owner,
            Viewer::Staff(_) => true,
        }
    }
}

pub struct DocumentFile {
    pub bytes: Vec<u8>,
    pub content_type: String,
    pub name: String,
}

/// A document's file, for its owner and for staff only; anyone else gets
/// `NotFound`, never a hint that it exists.
pub async fn document_file(state: &AppState, viewer: Viewer, id: &str) -> Result<DocumentFile> {
    let not_found = Error::Refused(Problem::NotFound);
    let id = Uuid::parse_str(id).map_err(|_| Error::Refused(Problem::NotFound))?;
    let doc = ProfileDocument::find_by_id(id).one(&state.db).await?.ok_or(Error::Refused(Problem::NotFound))?;
    if !viewer.may_see(doc.user_id) {
        return Err(not_found);
    }
    let bytes = state.storage.get(&doc.storage_key).await?.ok_or(not_found)?;
    Ok(DocumentFile { bytes, content_type: doc.content_type, name: doc.original_name })
}
