//! Operator staff accounts (back office): sign-in with a TOTP second factor
//! (mandatory for admins), roles, and the admins' management of staff.

use crate::audit::{self, Actor};
use crate::authz::StaffActor;
use crate::entity::staff::{self, Entity as Staff};
use crate::error::{is_unique_violation, Error, Result};
use crate::infra::ratelimit::LoginAttempt;
use crate::{
    infra::{password, token, totp},
    AppState,
};
use domain::account::{check_required, normalize_email};
use domain::staff::{NewStaffIn, Role, StaffRowOut, TotpSetup};
use domain::StaffId;
use domain::{FieldError, Problem};
use sea_orm::sea_query::{Condition, Expr};
use sea_orm::ActiveModelBehavior;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder,
};
use std::net::IpAddr;
use uuid::Uuid;

/// Creates the first operator (an admin) when there is no staff yet and
/// returns its one-time password so the server can print it once.
pub async fn ensure_initial_operator(state: &AppState) -> Result<Option<(String, String)>> {
    if Staff::find().count(&state.db).await? > 0 {
        return Ok(None);
    }
    let email = normalize_email(&state.config.operator_email).map_err(|p| Error::field("email", p))?;
    let pw = token::new_password(16);
    insert(&state.db, &email, "Operator", Role::Admin, &pw).await?;
    Ok(Some((email, pw)))
}

async fn insert(db: &impl ConnectionTrait, email: &str, name: &str, role: Role, pw: &str) -> Result<staff::Model> {
    let hash = password::hash(pw.to_owned()).await?;
    let row = staff::ActiveModel {
        email: Set(email.to_owned()),
        name: Set(name.to_owned()),
        password_hash: Set(hash),
        role: Set(role),
        totp_secret: Set(None),
        totp_last_step: Set(None),
        active: Set(true),
        ..staff::ActiveModel::new()
    };
    row.insert(db).await.map_err(|e| {
        if is_unique_violation(&e) {
            Error::field("email", Problem::EmailTaken)
        } else {
            e.into()
        }
    })
}

/// A password that was right: who it is and whether a code must follow.
#[derive(Debug, Clone)]
struct PasswordOk {
    id: Uuid,
    email: String,
    role: Role,
    totp_enabled: bool,
}

/// Where a staff sign-in stands after the password step. The web layer
/// keeps `id` in the session as signed in, or as half-way (with the
/// enrolment secret) until `complete_sign_in`.
#[derive(Debug, Clone)]
pub enum SignIn {
    /// No second factor needed: signed in (and audited).
    Done { id: Uuid },
    /// A code from the authenticator app must follow.
    Code { id: Uuid },
    /// An admin without a second factor must set one up first.
    Enroll { id: Uuid, setup: TotpSetup },
}

/// The password step of a staff sign-in: the next step it leads to.
pub async fn login(state: &AppState, email: &str, pw: &str, ip: IpAddr) -> Result<SignIn> {
    let ok = check_password(state, email, pw, ip).await?;
    if ok.totp_enabled {
        return Ok(SignIn::Code { id: ok.id });
    }
    if ok.role.needs_totp() {
        return Ok(SignIn::Enroll { id: ok.id, setup: new_totp_setup(state, &ok.email)? });
    }
    record_session(state, ok.id, "staff.login", Some(ip)).await?;
    Ok(SignIn::Done { id: ok.id })
}

/// The code step: `code` against the stored secret, or against
/// `enrolling` (the secret this sign-in set up, which becomes the stored
/// one). The sign-in is complete (and audited) when it passes.
pub async fn complete_sign_in(
    state: &AppState,
    id: Uuid,
    code: &str,
    enrolling: Option<&str>,
    ip: Option<IpAddr>,
) -> Result<()> {
    verify_code(state, id, code, enrolling).await?;
    record_session(state, id, "staff.login", ip).await
}

/// Inactive accounts are refused like a wrong password once the password
/// is right (no hint to a guesser).
#[tracing::instrument(skip_all)]
async fn check_password(state: &AppState, email: &str, pw: &str, ip: IpAddr) -> Result<PasswordOk> {
    let mut errs = Vec::new();
    let email = normalize_email(email).map_err(|p| errs.push(FieldError::new("email", p))).ok();
    if let Err(p) = check_required(pw, 128) {
        errs.push(FieldError::new("password", p));
    }
    let Some(email) = email.filter(|_| errs.is_empty()) else {
        return Err(Error::Invalid(errs));
    };
    let attempt = LoginAttempt::begin(&state.db, "staff-login", &email, ip)
        .await?
        .map_err(|secs| Error::TooSoon { problem: Problem::TooManyAttempts, secs })?;
    let s = Staff::find().filter(staff::Column::Email.eq(&email)).one(&state.db).await?;
    let ok = password::verify(pw.to_owned(), s.as_ref().map(|s| s.password_hash.clone())).await?;
    match s.filter(|_| ok) {
        Some(s) if !s.active => Err(Error::Refused(Problem::StaffInactive)),
        Some(s) => {
            attempt.succeeded(&state.db).await?;
            Ok(PasswordOk { id: s.id, email: s.email.clone(), role: s.role, totp_enabled: s.totp_secret.is_some() })
        }
        None => Err(Error::Refused(Problem::WrongEmailOrPassword)),
    }
}

/// A fresh secret and what the enrolment page shows for it.
pub fn new_totp_setup(state: &AppState, email: &str) -> Result<TotpSetup> {
    totp::setup(&totp::new_secret(), &state.config.brand, email)
}

/// A signed-in staff member turns on the second factor: a fresh setup,
/// which the caller keeps in the session until `verify_code` proves the
/// authenticator app has it. Refused when it is on already.
pub async fn begin_enrolment(state: &AppState, me: &StaffActor) -> Result<TotpSetup> {
    let me = me.out();
    if me.totp_enabled {
        return Err(Error::Refused(Problem::SecondFactorOn));
    }
    new_totp_setup(state, &me.email)
}

/// Checks a code against the stored secret, or against `enrolling` (the
/// secret being set up, kept in the session until a code proves the app has
/// it). A code is good once: its time step must be newer than the last used.
#[tracing::instrument(skip_all, fields(staff_id = %id, enrolling = enrolling.is_some()))]
pub async fn verify_code(state: &AppState, id: Uuid, code: &str, enrolling: Option<&str>) -> Result<()> {
    let s =
        Staff::find_by_id(id).one(&state.db).await?.filter(|s| s.active).ok_or(Error::Refused(Problem::NotLoggedIn))?;
    let secret = enrolling.map(str::to_owned).or(s.totp_secret.clone()).ok_or(Error::Refused(Problem::NotLoggedIn))?;
    let key = format!("staff-totp:{id}");
    let step = totp::attempt(&state.db, &key, &secret, code).await?;
    // One conditional update: of two requests with the same code, one wins.
    let mut update = Staff::update_many()
        .col_expr(staff::Column::TotpLastStep, Expr::value(Some(step)))
        .filter(staff::Column::Id.eq(id))
        .filter(Condition::any().add(staff::Column::TotpLastStep.is_null()).add(staff::Column::TotpLastStep.lt(step)));
    if let Some(secret) = enrolling {
        update = update.col_expr(staff::Column::TotpSecret, Expr::value(Some(secret.to_owned())));
    }
    if update.exec(&state.db).await?.rows_affected == 0 {
        return Err(Error::field("code", Problem::WrongCode));
    }
    totp::succeeded(&state.db, &key).await?;
    if enrolling.is_some() {
        let actor = Actor::Staff { id: s.id, name: s.name.clone() };
        audit::record(&state.db, &actor, "staff.totp_enabled", "staff", &s.id.to_string(), None, None).await?;
    }
    Ok(())
}

/// Records a completed sign-in or a sign-out in the audit log.
pub async fn record_session(state: &AppState, id: Uuid, action: &str, ip: Option<IpAddr>) -> Result<()> {
    let Some(s) = Staff::find_by_id(id).one(&state.db).await? else { return Ok(()) };
    let actor = Actor::Staff { id: s.id, name: s.name };
    let after = ip.map(|ip| serde_json::json!({ "ip": ip.to_string() }));
    audit::record(&state.db, &actor, action, "staff", &id.to_string(), None, after).await?;
    Ok(())
}

pub async fn list(db: &impl ConnectionTrait) -> Result<Vec<StaffRowOut>> {
    Ok(Staff::find()
        .order_by_asc(staff::Column::Name)
        .all(db)
        .await?
        .into_iter()
        .map(|s| StaffRowOut {
            id: s.id.into(),
            role: s.role,
            name: s.name,
            email: s.email,
            active: s.active,
            totp_enabled: s.totp_secret.is_some(),
            created_at: crate::infra::wib::format(s.created_at),
        })
        .collect())
}

/// An admin creates a staff account; the initial password is returned to
/// be handed over once (it is stored only as its argon2 hash).
#[tracing::instrument(skip_all, fields(admin = %admin.id()))]
pub async fn create(state: &AppState, admin: &StaffActor, input: &NewStaffIn) -> Result<NewStaff> {
    let actor = admin.audit();
    let errs = input.problems();
    if !errs.is_empty() {
        return Err(Error::Invalid(errs));
    }
    let email = normalize_email(&input.email).map_err(|p| Error::field("email", p))?;
    let role = Role::from_code(&input.role).ok_or(Error::field("role", Problem::Required))?;
    let pw = token::new_password(16);
    let s = insert(&state.db, &email, input.name.trim(), role, &pw).await?;
    let after = serde_json::json!({ "email": s.email, "name": s.name, "role": s.role });
    audit::record(&state.db, &actor, "staff.created", "staff", &s.id.to_string(), None, Some(after)).await?;
    let row = list(&state.db).await?.into_iter().find(|r| r.id.0 == s.id);
    let row = row.ok_or_else(|| anyhow::anyhow!("created staff row missing"))?;
    Ok(NewStaff { row, password: pw })
}

/// A staff account just made, with its one-time initial password.
#[derive(Debug, Clone)]
pub struct NewStaff {
    pub row: StaffRowOut,
    pub password: String,
}

/// What an admin may change about another staff member.
#[derive(Debug, Clone, Copy)]
pub enum StaffChange {
    Role(Role),
    Active(bool),
    /// Clears the second factor (a lost phone); the next sign-in enrols again.
    ResetTotp,
}

#[tracing::instrument(skip_all, fields(admin = %admin.id()))]
pub async fn change(state: &AppState, admin: &StaffActor, id: StaffId, change: StaffChange) -> Result<()> {
    let actor = admin.audit();
    let id = id.0;
    if id == admin.id() {
        // Nobody removes their own rights: there is always an admin left.
        return Err(Error::Refused(Problem::Forbidden));
    }
    let s = Staff::find_by_id(id).one(&state.db).await?.ok_or(Error::Refused(Problem::NotFound))?;
    let before = serde_json::json!({ "role": s.role, "active": s.active, "totp": s.totp_secret.is_some() });
    let mut row: staff::ActiveModel = s.into();
    let action = match change {
        StaffChange::Role(r) => {
            row.role = Set(r);
            "staff.role_changed"
        }
        StaffChange::Active(a) => {
            row.active = Set(a);
            if a {
                "staff.activated"
            } else {
                "staff.deactivated"
            }
        }
        StaffChange::ResetTotp => {
            row.totp_secret = Set(None);
            row.totp_last_step = Set(None);
            "staff.totp_reset"
        }
    };
    let s = row.update(&state.db).await?;
    if matches!(change, StaffChange::Active(false) | StaffChange::ResetTotp) {
        // A deactivated account, or one whose second factor was reset (a
        // lost phone), is signed out everywhere at once.
        crate::infra::session_store::end_sessions(&state.db, crate::infra::session_store::Subject::Staff(id), None)
            .await?;
    }
    let after = serde_json::json!({ "role": s.role, "active": s.active, "totp": s.totp_secret.is_some() });
    audit::record(&state.db, &actor, action, "staff", &id.to_string(), Some(before), Some(after)).await?;
    Ok(())
}
