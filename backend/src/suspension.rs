//! Suspending a partner (R-BO-4): the operator stops a company at once —
//! its users cannot sign in and their sessions end, every gateway call of
//! its merchant in both environments is refused with rc 10 and moves no
//! money — while what is already under way (pending payments, callbacks)
//! runs to its end. Reactivation reverses it. Both are audited and mailed.

use crate::audit;
use crate::authz::StaffActor;
use crate::entity::user::{self, Entity as User};
use crate::error::{Error, Result};
use crate::infra::session_store::{end_sessions, Subject};
use crate::mail::{self, templates::Kind};
use crate::AppState;
use chrono::Utc;
use domain::{Lang, Problem, UserId};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

async fn owner(db: &impl ConnectionTrait, id: UserId) -> Result<user::Model> {
    User::find_by_id(id.0)
        .filter(user::Column::OwnerId.is_null())
        .one(db)
        .await?
        .ok_or(Error::Refused(Problem::NotFound))
}

/// Suspends the partner `id` for `reason` (required: the partner is told).
pub async fn suspend(state: &AppState, staff: &StaffActor, id: UserId, reason: &str) -> Result<()> {
    let reason = crate::products::reason_given(reason)?;
    let reason = reason.as_str();
    let u = owner(&state.db, id).await?;
    if u.suspended_at.is_some() {
        return Err(Error::Refused(Problem::WrongStep));
    }
    let txn = crate::infra::db::begin(&state.db).await?;
    let mut row: user::ActiveModel = u.clone().into();
    row.suspended_at = Set(Some(Utc::now()));
    row.suspension_reason = Set(Some(reason.to_owned()));
    row.update(&txn).await?;
    // Every user of the company leaves now, not at their next click.
    let members = User::find().filter(user::Column::OwnerId.eq(u.id)).all(&txn).await?;
    for m in members.iter().map(|m| m.id).chain([u.id]) {
        end_sessions(&txn, Subject::Partner(m), None).await?;
    }
    let after = serde_json::json!({ "reason": reason });
    audit::record(&txn, &staff.audit(), "partner.suspended", "user", &u.id.to_string(), None, Some(after)).await?;
    notify(state, &txn, &u, true, reason).await?;
    txn.commit().await?;
    tracing::info!(user_id = %u.id, "partner suspended");
    Ok(())
}

/// Lifts the suspension of the partner `id`; `note` (optional) is mailed.
pub async fn reactivate(state: &AppState, staff: &StaffActor, id: UserId, note: &str) -> Result<()> {
    let note = note.trim();
    let u = owner(&state.db, id).await?;
    let Some(since) = u.suspended_at else { return Err(Error::Refused(Problem::WrongStep)) };
    let txn = crate::infra::db::begin(&state.db).await?;
    let before = serde_json::json!({ "since": since.to_rfc3339(), "reason": u.suspension_reason });
    let mut row: user::ActiveModel = u.clone().into();
    row.suspended_at = Set(None);
    row.suspension_reason = Set(None);
    row.update(&txn).await?;
    let after = (!note.is_empty()).then(|| serde_json::json!({ "note": note }));
    audit::record(&txn, &staff.audit(), "partner.reactivated", "user", &u.id.to_string(), Some(before), after).await?;
    notify(state, &txn, &u, false, note).await?;
    txn.commit().await?;
    tracing::info!(user_id = %u.id, "partner reactivated");
    Ok(())
}

async fn notify(
    state: &AppState,
    txn: &impl ConnectionTrait,
    u: &user::Model,
    suspended: bool,
    reason: &str,
) -> Result<()> {
    let kind = Kind::Suspension { company: &u.company, suspended, reason, contact: &state.config.support_contact };
    let m = mail::templates::render(&kind, Lang::from_code(&u.lang), &state.config.brand, &u.email)?;
    mail::enqueue(txn, m).await?;
    Ok(())
}
