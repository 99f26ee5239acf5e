//! The operator's moderation of partner profiles: the queue, a decision per
//! document, and approval (merchant ID, credentials, e-mails) once every
//! required document is accepted.

use crate::audit::{self, Actor};
use crate::authz::StaffActor;
use crate::entity::api_credential;
use crate::entity::profile::{self, Entity as Profile};
use crate::entity::profile_document::{self, Entity as ProfileDocument};
use crate::entity::required_document::{self, Entity as RequiredDocument};
use crate::entity::staff::Entity as Staff;
use crate::entity::user::{self, Entity as User};
use crate::entity::webreport_account;
use crate::entity::OfPartner;
use crate::error::{Error, Result};
use crate::infra::wib;
use crate::mail::templates::{CredentialSet, Kind, RejectedItem};
use crate::onboarding;
use crate::{infra::password, mail, regions, AppState};
use chrono::Utc;
use domain::moderation::{QueueItemOut, ReviewOut};
use domain::profile::{DocStatus, ProfileStatus};
use domain::region::RegionLevel;
use domain::sla::SlaClock;
use domain::Env;
use domain::{DocumentId, UserId};
use domain::{Lang, Msisdn, Problem};
use rand::Rng;
use sea_orm::sea_query::{Alias, Expr, ExprTrait, Query};
use sea_orm::ActiveModelBehavior;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, QueryFilter,
};
use std::collections::HashMap;
use uuid::Uuid;

/// Which part of the queue a moderator looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QueueFilter {
    /// Everything waiting: first submissions and revisions.
    Waiting,
    Revisions,
    Mine,
    Status(ProfileStatus),
    All,
}

impl QueueFilter {
    pub fn from_code(code: &str) -> QueueFilter {
        match code {
            "" | "all" => QueueFilter::All,
            "waiting" | "submitted" => QueueFilter::Waiting,
            "revision" => QueueFilter::Revisions,
            "mine" => QueueFilter::Mine,
            // An unknown state lists the drafts (as before: the least).
            other => QueueFilter::Status(ProfileStatus::from_code(other).unwrap_or(ProfileStatus::Draft)),
        }
    }
}

/// The queue, oldest submission first (the SLA clock runs from it).
pub async fn queue(db: &impl ConnectionTrait, viewer: &StaffActor, filter: QueueFilter) -> Result<Vec<QueueItemOut>> {
    let viewer = viewer.id();
    let mut q = Profile::find().filter(profile::Column::SubmittedAt.is_not_null());
    q = match filter {
        QueueFilter::Waiting | QueueFilter::Mine => q.filter(profile::Column::Status.eq(ProfileStatus::Submitted)),
        QueueFilter::Status(s) => q.filter(profile::Column::Status.eq(s.code())),
        QueueFilter::Revisions | QueueFilter::All => q,
    };
    let mut profiles = if filter == QueueFilter::Revisions { Vec::new() } else { q.all(db).await? };
    let revisions = match filter {
        QueueFilter::Waiting | QueueFilter::Revisions | QueueFilter::Mine | QueueFilter::All => {
            crate::revisions::pending(db).await?
        }
        QueueFilter::Status(_) => Vec::new(),
    };
    // A revised profile is approved; fetch those not already listed.
    let missing: Vec<Uuid> =
        revisions.iter().map(|r| r.user_id).filter(|id| !profiles.iter().any(|p| p.user_id == *id)).collect();
    profiles.extend(Profile::find().filter(profile::Column::UserId.is_in(missing)).all(db).await?);
    let user_ids: Vec<Uuid> = profiles.iter().map(|p| p.user_id).collect();
    let emails: HashMap<Uuid, String> = User::find()
        .filter(user::Column::Id.is_in(user_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|u| (u.id, u.email))
        .collect();
    let names = staff_names(db).await?;
    let now = Utc::now();
    let item = |p: &profile::Model, submitted: chrono::DateTime<Utc>, revision: bool| QueueItemOut {
        user_id: p.user_id.into(),
        business_name: p.business_name.clone(),
        email: emails.get(&p.user_id).cloned().unwrap_or_default(),
        category: p.category.clone().unwrap_or_default(),
        status: if revision { ProfileStatus::Submitted } else { p.status },
        submitted_at: wib::format(submitted),
        sla: SlaClock::at(submitted.timestamp(), now.timestamp()),
        merchant_id: p.merchant_id.clone(),
        revision,
        assignee: p.assigned_to.and_then(|id| names.get(&id).cloned()),
        mine: p.assigned_to == Some(viewer),
    };
    let mut rows: Vec<(chrono::DateTime<Utc>, QueueItemOut)> = Vec::new();
    for p in &profiles {
        let revision = revisions.iter().find(|r| r.user_id == p.user_id);
        if let Some(r) = revision {
            rows.push((r.submitted_at, item(p, r.submitted_at, true)));
        }
        let listed = match filter {
            QueueFilter::Revisions => false,
            QueueFilter::Status(_) | QueueFilter::All => true,
            _ => p.status == ProfileStatus::Submitted,
        };
        if listed && p.submitted_at.is_some() && !(revision.is_some() && p.status == ProfileStatus::Approved) {
            let at = p.submitted_at.unwrap_or(now);
            rows.push((at, item(p, at, false)));
        }
    }
    if filter == QueueFilter::Mine {
        rows.retain(|(_, r)| r.mine);
    }
    rows.sort_by_key(|(at, _)| *at);
    Ok(rows.into_iter().map(|(_, r)| r).collect())
}

async fn staff_names(db: &impl ConnectionTrait) -> Result<HashMap<Uuid, String>> {
    Ok(Staff::find().all(db).await?.into_iter().map(|s| (s.id, s.name)).collect())
}

/// "Assign to me": the moderator takes a profile (or its revision) so the
/// others leave it; taking it from a colleague is allowed and audited.
pub async fn assign(state: &AppState, staff: &StaffActor, user_id: UserId) -> Result<()> {
    let staff_id = staff.id();
    let user_id = user_id.0;
    let txn = crate::infra::db::begin(&state.db).await?;
    let actor = staff.audit();
    let p = Profile::find_by_id(user_id).one(&txn).await?.ok_or(Error::Refused(Problem::NotFound))?;
    let before = serde_json::json!({ "assigned_to": p.assigned_to });
    Profile::update_many()
        .col_expr(profile::Column::AssignedTo, Expr::value(Some(staff_id)))
        .filter(profile::Column::UserId.eq(user_id))
        .exec(&txn)
        .await?;
    let after = serde_json::json!({ "assigned_to": staff_id });
    audit::record(&txn, &actor, "profile.assigned", "profile", &user_id.to_string(), Some(before), Some(after)).await?;
    txn.commit().await?;
    Ok(())
}

/// The names of a form's province, regency, district and village.
pub async fn region_names(db: &impl ConnectionTrait, f: &domain::profile::ProfileIn) -> Result<Vec<String>> {
    let mut names = Vec::new();
    for (level, code) in RegionLevel::ALL.into_iter().zip([&f.province, &f.regency, &f.district, &f.village]) {
        names.push(regions::name_of(db, level, code).await?.unwrap_or_default());
    }
    Ok(names)
}

pub async fn review(state: &AppState, user_id: UserId) -> Result<ReviewOut> {
    let user_id = user_id.0;
    let p = Profile::find_by_id(user_id).one(&state.db).await?.ok_or(Error::Refused(Problem::NotFound))?;
    let form = onboarding::profile_of(state, user_id).await?;
    let current_regions = region_names(&state.db, &form.fields).await?;
    let revision_region_names = match &form.revision {
        Some(r) if r.status == domain::profile::RevisionStatus::Submitted => {
            let mut proposed = form.fields.clone();
            for c in &r.changes {
                proposed.set(&c.field, &c.new);
            }
            region_names(&state.db, &proposed).await?
        }
        _ => Vec::new(),
    };
    let assignee = match p.assigned_to {
        Some(id) => Staff::find_by_id(id).one(&state.db).await?.map(|s| s.name),
        None => None,
    };
    Ok(ReviewOut {
        user_id: user_id.into(),
        status: form.status,
        required: form.required_for(&form.fields.category),
        fields: form.fields,
        region_names: current_regions,
        doc_types: form.doc_types,
        documents: form.documents,
        submitted_at: form.submitted_at,
        merchant_id: p.merchant_id,
        revision: form.revision,
        revision_region_names,
        assignee,
    })
}

/// Accepts or rejects one document (a rejection needs a reason). When no
/// required document is left undecided the profile is approved, or sent
/// back to the partner with the reasons. Returns the profile's new state.
#[tracing::instrument(skip_all, fields(staff_id = %staff.id(), accept))]
pub async fn decide(
    state: &AppState,
    staff: &StaffActor,
    doc_id: DocumentId,
    accept: bool,
    reason: &str,
) -> Result<ProfileStatus> {
    let staff_id = staff.id();
    let doc_id = doc_id.0;
    let reason = reason.trim();
    if !accept {
        domain::account::check_required(reason, 500).map_err(|p| Error::field("reason", p))?;
    }
    // Hashed before the transaction so no lock is held while argon2 runs;
    // used only if this decision completes an approval.
    let webreport = WebreportLogin::new().await?;
    let outcome = crate::infra::db::retry_busy(|| async {
        let txn = crate::infra::db::begin(&state.db).await?;
        let actor = staff.audit();
        let doc = ProfileDocument::find_by_id(doc_id).one(&txn).await?.ok_or(Error::Refused(Problem::NotFound))?;
        let p = Profile::find_by_id(doc.user_id).one(&txn).await?.ok_or(Error::Refused(Problem::NotFound))?;
        if p.status != ProfileStatus::Submitted {
            return Err(Error::Refused(Problem::NotInReview));
        }
        let status = if accept { DocStatus::Accepted } else { DocStatus::Rejected };
        let before = serde_json::json!({ "status": doc.status, "reason": doc.reason });
        let mut row: profile_document::ActiveModel = doc.clone().into();
        row.status = Set(status);
        row.reason = Set((!accept).then(|| reason.to_owned()));
        row.decided_by = Set(Some(staff_id));
        row.decided_at = Set(Some(Utc::now()));
        row.update(&txn).await?;
        let after = serde_json::json!({ "status": status.code(), "reason": (!accept).then_some(reason) });
        let action = if accept { "document.accepted" } else { "document.rejected" };
        audit::record(&txn, &actor, action, "profile_document", &doc.id.to_string(), Some(before), Some(after)).await?;
        let new_status = settle(state, &txn, &actor, p, &webreport).await?;
        txn.commit().await?;
        Ok(new_status)
    })
    .await?;
    Ok(outcome)
}

/// After a decision: approve, send back, or keep waiting.
async fn settle(
    state: &AppState,
    txn: &DatabaseTransaction,
    actor: &Actor,
    p: profile::Model,
    webreport: &WebreportLogin,
) -> Result<ProfileStatus> {
    let category = p.category.clone().unwrap_or_default();
    let required: Vec<String> = RequiredDocument::find()
        .filter(required_document::Column::Category.eq(category.as_str()))
        .all(txn)
        .await?
        .into_iter()
        .map(|r| r.doc_type)
        .collect();
    let docs = ProfileDocument::of_partner(p.user_id)
        .filter(profile_document::Column::Slot.eq(onboarding::DocSlot::Current))
        .all(txn)
        .await?;
    let state_of = |code: &str| docs.iter().find(|d| d.doc_type == code).map(|d| d.status);
    if required.iter().any(|c| matches!(state_of(c), None | Some(DocStatus::Pending))) {
        return Ok(ProfileStatus::Submitted);
    }
    let user = User::find_by_id(p.user_id).one(txn).await?.ok_or(Error::Refused(Problem::NotFound))?;
    let rejected: Vec<&profile_document::Model> =
        docs.iter().filter(|d| required.contains(&d.doc_type) && d.status == DocStatus::Rejected).collect();
    if rejected.is_empty() {
        approve(state, txn, actor, p, &user, webreport).await?;
        Ok(ProfileStatus::Approved)
    } else {
        send_back(state, txn, actor, p, &user, &rejected).await?;
        Ok(ProfileStatus::Rejected)
    }
}

async fn set_status(txn: &DatabaseTransaction, user_id: Uuid, status: ProfileStatus) -> Result<()> {
    Profile::update_many()
        .col_expr(profile::Column::Status, Expr::value(status.code()))
        .col_expr(profile::Column::UpdatedAt, Expr::value(Utc::now()))
        .filter(profile::Column::UserId.eq(user_id))
        .exec(txn)
        .await?;
    Ok(())
}

async fn send_back(
    state: &AppState,
    txn: &DatabaseTransaction,
    actor: &Actor,
    p: profile::Model,
    user: &user::Model,
    rejected: &[&profile_document::Model],
) -> Result<()> {
    set_status(txn, p.user_id, ProfileStatus::Rejected).await?;
    let lang = Lang::from_code(&user.lang);
    let names = crate::entity::document_type::Entity::find().all(txn).await?;
    let items = rejected
        .iter()
        .map(|d| RejectedItem {
            document: names
                .iter()
                .find(|n| n.code == d.doc_type)
                .map(|n| if lang == Lang::En { n.name_en.clone() } else { n.name_id.clone() })
                .unwrap_or_else(|| d.doc_type.clone()),
            reason: d.reason.clone().unwrap_or_default(),
        })
        .collect();
    let kind = Kind::Rejection { name: &user.name, company: &p.business_name, items };
    mail::enqueue(txn, mail::templates::render(&kind, lang, &state.config.brand, &user.email)?).await?;
    audit::record(txn, actor, "profile.rejected", "profile", &p.user_id.to_string(), None, None).await?;
    Ok(())
}

/// The next merchant ID: operator code + 6 digits from a counter row that
/// the database increments atomically (unique under concurrency).
async fn allocate_merchant_id(state: &AppState, txn: &DatabaseTransaction) -> Result<String> {
    let counters = Alias::new("counters");
    let mut bump = Query::update();
    bump.table(counters.clone())
        .value(Alias::new("value"), Expr::col(Alias::new("value")).add(1))
        .and_where(Expr::col(Alias::new("name")).eq("merchant_id"));
    txn.execute(&bump).await?;
    let mut read = Query::select();
    read.column(Alias::new("value")).from(counters).and_where(Expr::col(Alias::new("name")).eq("merchant_id"));
    let row = txn.query_one(&read).await?.ok_or_else(|| anyhow::anyhow!("merchant_id counter missing"))?;
    let value: i64 = row.try_get("", "value")?;
    Ok(format!("{}{value:06}", state.config.operator_code))
}

fn random_from(alphabet: &[u8], len: usize) -> String {
    let mut rng = rand::thread_rng();
    (0..len).map(|_| alphabet[rng.gen_range(0..alphabet.len())] as char).collect()
}

/// The initial webreport password (8 digits, must be changed) and its hash.
struct WebreportLogin {
    password: String,
    hash: String,
}

impl WebreportLogin {
    async fn new() -> Result<WebreportLogin> {
        let password = random_from(b"0123456789", 8);
        let hash = password::hash(password.clone()).await?;
        Ok(WebreportLogin { password, hash })
    }
}

async fn approve(
    state: &AppState,
    txn: &DatabaseTransaction,
    actor: &Actor,
    p: profile::Model,
    user: &user::Model,
    webreport: &WebreportLogin,
) -> Result<()> {
    let merchant_id = allocate_merchant_id(state, txn).await?;
    let now = Utc::now();
    let mut environments = Vec::new();
    for (env, label, url) in [
        (Env::Production, "Production", &state.config.gateway_prod_url),
        (Env::Development, "Development", &state.config.gateway_dev_url),
    ] {
        // The seed's shapes: 12 lower-case letters and 32 upper-case hex digits.
        let username = random_from(b"abcdefghijklmnopqrstuvwxyz", 12);
        let password = random_from(b"0123456789ABCDEF", 32);
        api_credential::ActiveModel {
            user_id: Set(p.user_id),
            environment: Set(env),
            username: Set(username.clone()),
            ha1: Set(crate::gateway::digest::ha1(&username, &state.config.digest_realm, &password)),
            ..api_credential::ActiveModel::new()
        }
        .insert(txn)
        .await?;
        environments.push(CredentialSet { label, url: url.clone(), user: username, password });
    }
    let officer_code = Msisdn::parse(&user.phone).map(|m| m.local()).unwrap_or(user.phone.clone());
    webreport_account::ActiveModel {
        user_id: Set(p.user_id),
        officer_code: Set(officer_code.clone()),
        password_hash: Set(webreport.hash.clone()),
        must_change_password: Set(true),
    }
    .insert(txn)
    .await?;
    Profile::update_many()
        .col_expr(profile::Column::Status, Expr::value(ProfileStatus::Approved))
        .col_expr(profile::Column::MerchantId, Expr::value(Some(merchant_id.clone())))
        .col_expr(profile::Column::ApprovedAt, Expr::value(Some(now)))
        .col_expr(profile::Column::UpdatedAt, Expr::value(now))
        .filter(profile::Column::UserId.eq(p.user_id))
        .exec(txn)
        .await?;
    let lang = Lang::from_code(&user.lang);
    let brand = &state.config.brand;
    let approval = Kind::Approval { company: &p.business_name, merchant_id: &merchant_id };
    mail::enqueue(txn, mail::templates::render(&approval, lang, brand, &user.email)?).await?;
    let webreport_url = state.config.link("/webreport");
    let credentials = Kind::Credentials {
        company: &p.business_name,
        merchant_id: &merchant_id,
        webreport_url: &webreport_url,
        officer_code: &officer_code,
        webreport_password: &webreport.password,
        counter_id: "1",
        account_id: &officer_code,
        mitra: &state.config.operator_code,
        environments,
    };
    mail::enqueue(txn, mail::templates::render(&credentials, lang, brand, &user.email)?).await?;
    // The development environment starts with its own play money.
    let sandbox = crate::ledger::Movement {
        user_id: p.user_id,
        env: crate::ledger::Env::Development,
        kind: crate::ledger::Kind::Credit,
        amount: crate::ledger::SANDBOX_DEPOSIT,
        reference: "sandbox:initial",
        note: Some("Deposit development awal"),
        actor_name: "system",
    };
    crate::ledger::apply(txn, &sandbox).await?;
    let after = serde_json::json!({ "merchant_id": merchant_id });
    audit::record(txn, actor, "profile.approved", "profile", &p.user_id.to_string(), None, Some(after)).await?;
    tracing::info!(user_id = %p.user_id, %merchant_id, "profile approved");
    Ok(())
}
