//! "Keamanan Akun" for partner users: a second factor (TOTP, confirmed by a
//! code, with ten single-use recovery codes shown once), the owner's rule
//! that every user of the company needs one, and the list of the user's
//! signed-in sessions ("Perangkat & Sesi") to end one or all others.

use crate::audit;
use crate::authz::PartnerActor;
use crate::entity::user::{self, Entity as User};
use crate::error::{Error, Result};
use crate::infra::session_store::{self, end_sessions, Subject};
use crate::infra::{token, totp, wib};
use crate::AppState;
use domain::staff::TotpSetup;
use domain::team::{SecurityOut, SessionOut};
use domain::Problem;
use sea_orm::sea_query::{Condition, Expr};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use uuid::Uuid;

const RECOVERY_CODES: usize = 10;

fn key(id: Uuid) -> String {
    format!("partner-totp:{id}")
}

async fn me_row(db: &impl ConnectionTrait, id: Uuid) -> Result<user::Model> {
    User::find_by_id(id).one(db).await?.ok_or(Error::Refused(Problem::NotLoggedIn))
}

/// Whether `u`'s company requires a second factor.
pub async fn required_for(db: &impl ConnectionTrait, u: &user::Model) -> Result<bool> {
    Ok(u.company_owner(db).await?.is_some_and(|o| o.require_totp))
}

fn unused_codes(u: &user::Model) -> Vec<String> {
    u.recovery_codes.as_deref().and_then(|c| serde_json::from_str(c).ok()).unwrap_or_default()
}

/// The security page: second factor, company rule, sessions.
pub async fn overview(state: &AppState, me: &PartnerActor, current: Option<&str>) -> Result<SecurityOut> {
    let u = me_row(&state.db, me.user_id()).await?;
    let rows = session_store::sessions_of(&state.db, Subject::Partner(u.id)).await?;
    let mut sessions: Vec<SessionOut> = rows
        .into_iter()
        .map(|s| {
            let text = |k: &str| s.data.get(k).and_then(|v| v.as_str()).unwrap_or_default().to_owned();
            let at = |k: &str| {
                s.data.get(k).and_then(serde_json::Value::as_i64).and_then(|t| chrono::DateTime::from_timestamp(t, 0))
            };
            SessionOut {
                handle: handle(&s.id),
                device: domain::team::device_of(&text("ua")),
                ip: text("ip"),
                since: at("since").map(wib::format).unwrap_or_default(),
                last_seen: at("seen").map(wib::format).unwrap_or_default(),
                current: current == Some(s.id.as_str()),
            }
        })
        .collect();
    sessions.sort_by(|a, b| b.current.cmp(&a.current).then(b.last_seen.cmp(&a.last_seen)));
    Ok(SecurityOut {
        totp_enabled: u.totp_secret.is_some(),
        recovery_left: unused_codes(&u).len(),
        required: required_for(&state.db, &u).await?,
        owner: me.is_owner(),
        sessions,
    })
}

/// A session's name on the page: a hash, never the id that signs in.
fn handle(session_id: &str) -> String {
    token::sha256_hex(session_id).chars().take(16).collect()
}

/// Ends one of the user's own sessions (by its handle).
pub async fn end_session(state: &AppState, me: &PartnerActor, which: &str) -> Result<()> {
    let rows = session_store::sessions_of(&state.db, Subject::Partner(me.user_id())).await?;
    let s = rows.into_iter().find(|s| handle(&s.id) == which).ok_or(Error::Refused(Problem::NotFound))?;
    session_store::end_one(&state.db, &s.id).await?;
    audit::record(&state.db, &me.audit(), "partner.session_ended", "user", &me.user_id().to_string(), None, None)
        .await?;
    Ok(())
}

/// Ends every session of the user but `keep` (this one).
pub async fn end_others(state: &AppState, me: &PartnerActor, keep: Option<&str>) -> Result<u64> {
    let n = end_sessions(&state.db, Subject::Partner(me.user_id()), keep).await?;
    let after = serde_json::json!({ "ended": n });
    let id = me.user_id().to_string();
    audit::record(&state.db, &me.audit(), "partner.sessions_ended", "user", &id, None, Some(after)).await?;
    Ok(n)
}

/// A fresh secret for `u` to scan.
pub fn new_setup(state: &AppState, u: &user::Model) -> Result<TotpSetup> {
    totp::setup(&totp::new_secret(), &state.config.brand, &u.email)
}

/// Starts turning the second factor on (refused when it is on).
pub async fn begin(state: &AppState, me: &PartnerActor) -> Result<TotpSetup> {
    let u = me_row(&state.db, me.user_id()).await?;
    if u.totp_secret.is_some() {
        return Err(Error::Refused(Problem::SecondFactorOn));
    }
    new_setup(state, &u)
}

/// Checks `code` for user `id`: a code of the stored secret, of
/// `enrolling` (which then becomes the stored one), or an unused recovery
/// code. Returns the new recovery codes when a secret was enrolled (shown
/// once, kept only as hashes).
pub async fn verify(state: &AppState, id: Uuid, code: &str, enrolling: Option<&str>) -> Result<Option<Vec<String>>> {
    let u = me_row(&state.db, id).await?;
    let Some(secret) = enrolling.map(str::to_owned).or(u.totp_secret.clone()) else {
        return Err(Error::Refused(Problem::NotLoggedIn));
    };
    if enrolling.is_none() && domain::staff::clean_code(code).is_err() {
        return use_recovery_code(state, &u, code).await.map(|()| None);
    }
    let step = totp::attempt(&state.db, &key(id), &secret, code).await?;
    // One conditional update: of two requests with the same code, one wins.
    let codes: Vec<String> = match enrolling {
        Some(_) => (0..RECOVERY_CODES).map(|_| recovery_code(&token::new_password(8))).collect(),
        None => Vec::new(),
    };
    let mut update = User::update_many()
        .col_expr(user::Column::TotpLastStep, Expr::value(Some(step)))
        .filter(user::Column::Id.eq(id))
        .filter(Condition::any().add(user::Column::TotpLastStep.is_null()).add(user::Column::TotpLastStep.lt(step)));
    if let Some(secret) = enrolling {
        let hashes: Vec<String> = codes.iter().map(|c| token::sha256_hex(c)).collect();
        update = update.col_expr(user::Column::TotpSecret, Expr::value(Some(secret.to_owned()))).col_expr(
            user::Column::RecoveryCodes,
            Expr::value(Some(serde_json::to_string(&hashes).unwrap_or_default())),
        );
    }
    if update.exec(&state.db).await?.rows_affected == 0 {
        return Err(Error::field("code", Problem::WrongCode));
    }
    totp::succeeded(&state.db, &key(id)).await?;
    if enrolling.is_none() {
        return Ok(None);
    }
    let actor = audit::Actor::Partner { id: u.id, name: u.name.clone() };
    audit::record(&state.db, &actor, "partner.totp_enabled", "user", &u.id.to_string(), None, None).await?;
    Ok(Some(codes))
}

/// A recovery code as shown and hashed: `xxxx-xxxx`, lower case, from
/// what was generated or typed (spaces, dashes and case ignored).
fn recovery_code(raw: &str) -> String {
    let plain: String = raw.chars().filter(char::is_ascii_alphanumeric).collect::<String>().to_lowercase();
    format!("{}-{}", plain.get(..4).unwrap_or_default(), plain.get(4..).unwrap_or_default())
}

/// A recovery code works once (counted like a wrong 6-digit code).
async fn use_recovery_code(state: &AppState, u: &user::Model, code: &str) -> Result<()> {
    let wanted = token::sha256_hex(&recovery_code(code));
    let codes = unused_codes(u);
    let fail = || Error::field("code", Problem::WrongCode);
    crate::infra::totp::count_failure(&state.db, &key(u.id)).await?;
    if !codes.contains(&wanted) {
        return Err(fail());
    }
    let left: Vec<&String> = codes.iter().filter(|c| **c != wanted).collect();
    let res = User::update_many()
        .col_expr(user::Column::RecoveryCodes, Expr::value(Some(serde_json::to_string(&left).unwrap_or_default())))
        .filter(user::Column::Id.eq(u.id))
        .filter(user::Column::RecoveryCodes.eq(u.recovery_codes.clone().unwrap_or_default()))
        .exec(&state.db)
        .await?;
    if res.rows_affected == 0 {
        return Err(fail());
    }
    totp::succeeded(&state.db, &key(u.id)).await?;
    let actor = audit::Actor::Partner { id: u.id, name: u.name.clone() };
    audit::record(&state.db, &actor, "partner.recovery_code_used", "user", &u.id.to_string(), None, None).await?;
    Ok(())
}

/// Turns the second factor off with a current code; refused while the
/// company requires it.
pub async fn disable(state: &AppState, me: &PartnerActor, code: &str) -> Result<()> {
    let u = me_row(&state.db, me.user_id()).await?;
    if required_for(&state.db, &u).await? {
        return Err(Error::Refused(Problem::Forbidden));
    }
    verify(state, u.id, code, None).await?;
    User::update_many()
        .col_expr(user::Column::TotpSecret, Expr::value(Option::<String>::None))
        .col_expr(user::Column::RecoveryCodes, Expr::value(Option::<String>::None))
        .filter(user::Column::Id.eq(u.id))
        .exec(&state.db)
        .await?;
    audit::record(&state.db, &me.audit(), "partner.totp_disabled", "user", &u.id.to_string(), None, None).await?;
    Ok(())
}

/// The owner requires (or stops requiring) a second factor of every user;
/// users without one set it up at their next sign-in.
pub async fn require(state: &AppState, me: &PartnerActor, on: bool) -> Result<()> {
    if !me.is_owner() {
        return Err(Error::Refused(Problem::Forbidden));
    }
    User::update_many()
        .col_expr(user::Column::RequireTotp, Expr::value(on))
        .filter(user::Column::Id.eq(me.partner_id()))
        .exec(&state.db)
        .await?;
    let after = serde_json::json!({ "required": on });
    let id = me.partner_id().to_string();
    audit::record(&state.db, &me.audit(), "partner.totp_required", "user", &id, None, Some(after)).await?;
    Ok(())
}
