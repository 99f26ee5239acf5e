//! Partner accounts: registration, e-mail activation, login, passwords.

use crate::audit::{self, Actor};
use crate::authz::PartnerActor;
use crate::entity::email_token::{self, Entity as EmailToken};
use crate::entity::user::{self, Entity as User};
use crate::error::{is_unique_violation, Error, Result};
use crate::infra::ratelimit::{Limit, LoginAttempt};
use crate::infra::session_store::{end_sessions, Subject};
use crate::mail::{self, templates::Kind};
use crate::{
    infra::{password, token},
    AppState,
};
use chrono::{Duration, Utc};
use domain::account::{
    check_new_password, normalize_email, ActivationOut, ChangePasswordIn, LoginIn, NewPartner, RegisterIn,
    ResetPasswordIn, UserOut, RESEND_COOLDOWN_SECS,
};
use domain::{FieldError, Lang, Problem};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use std::net::IpAddr;
use uuid::Uuid;

pub const ACTIVATION_HOURS: i64 = 24;
pub const RESET_HOURS: i64 = 1;
/// A new sub-user's link: long enough to reach someone on leave.
pub const INVITE_HOURS: i64 = 72;
const ACTIVATE: &str = "activate";
const RESET: &str = "reset";
const INVITE: &str = "invite";

/// What an e-mailed link is for.
#[derive(Clone, Copy)]
enum Purpose {
    Activate,
    Reset,
    /// A sub-user's first link: confirms the address and sets a password.
    Invite,
}

impl Purpose {
    fn code(self) -> &'static str {
        match self {
            Purpose::Activate => ACTIVATE,
            Purpose::Reset => RESET,
            Purpose::Invite => INVITE,
        }
    }

    fn hours(self) -> i64 {
        match self {
            Purpose::Activate => ACTIVATION_HOURS,
            Purpose::Reset => RESET_HOURS,
            Purpose::Invite => INVITE_HOURS,
        }
    }

    fn path(self) -> &'static str {
        match self {
            Purpose::Activate => "/aktivasi",
            Purpose::Reset | Purpose::Invite => "/reset-password",
        }
    }

    fn mail<'a>(self, m: &'a LinkMail<'a>, link: &'a str) -> Kind<'a> {
        let (name, hours) = (m.name, self.hours());
        match (self, &m.invited) {
            (Purpose::Invite, Some(i)) => {
                Kind::Invitation { name, company: i.company, inviter: i.inviter, username: i.username, link, hours }
            }
            (Purpose::Activate, _) => Kind::Activation { name, link, hours },
            (Purpose::Reset | Purpose::Invite, _) => Kind::PasswordReset { name, link, hours },
        }
    }
}

const RESEND: Limit = Limit::new(1, RESEND_COOLDOWN_SECS as i64);
const FORGOT_PER_IP: Limit = Limit::new(10, 3600);

fn resend_key(email: &str) -> String {
    format!("resend:{email}")
}

async fn throttle(db: &impl ConnectionTrait, limit: Limit, key: &str, problem: Problem) -> Result<()> {
    limit.hit(db, key).await?.map_err(|secs| Error::TooSoon { problem, secs })
}

/// Registers a partner owner and sends the activation e-mail.
/// Returns the normalised e-mail address the link went to.
#[tracing::instrument(skip_all)]
pub async fn register(state: &AppState, input: &RegisterIn, lang: Lang, ip: IpAddr) -> Result<String> {
    let new = input.parse().map_err(Error::Invalid)?;
    // Throttled before the uniqueness check: it tells whether an address is
    // registered, so it must not be asked without limit.
    let per_ip = Limit::new(state.config.register_per_ip_hour, 3600);
    throttle(&state.db, per_ip, &format!("register:{ip}"), Problem::TooManyAttempts).await?;
    ensure_unique(&state.db, &new).await?;
    let hash = password::hash(new.password.clone()).await?;
    let now = Utc::now();
    let id = Uuid::now_v7();
    let username = crate::team::free_username(&state.db, &new.company, 1).await?;
    let row = user::ActiveModel {
        id: Set(id),
        name: Set(new.name.clone()),
        company: Set(new.company.clone()),
        email: Set(new.email.clone()),
        website: Set(new.website.clone()),
        phone: Set(new.phone.as_str().to_owned()),
        password_hash: Set(hash),
        lang: Set(lang.code().to_owned()),
        email_verified_at: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        owner_id: Set(None),
        username: Set(Some(username)),
        rights: Set(None),
        // Not suspended, no second factor: the columns' defaults.
        ..Default::default()
    };
    let txn = crate::infra::db::begin(&state.db).await?;
    if let Err(e) = row.insert(&txn).await {
        txn.rollback().await?;
        // Lost a race with an identical registration: report it like the check does.
        return Err(match is_unique_violation(&e) {
            true => taken_error(&state.db, &new).await?.unwrap_or(Error::from(e)),
            false => e.into(),
        });
    }
    send_link(state, &txn, LinkMail::activation(id, &new.name, &new.email, lang)).await?;
    let actor = Actor::Partner { id, name: new.name.clone() };
    let after = serde_json::json!({ "company": new.company, "email": new.email, "phone": new.phone.as_str(), "ip": ip.to_string() });
    audit::record(&txn, &actor, "partner.registered", "user", &id.to_string(), None, Some(after)).await?;
    txn.commit().await?;
    // The cooldown starts with the first e-mail, whoever asks next.
    let _ = RESEND.hit(&state.db, &resend_key(&new.email)).await?;
    tracing::info!(user_id = %id, "partner registered");
    Ok(new.email)
}

async fn ensure_unique(db: &impl ConnectionTrait, new: &NewPartner) -> Result<()> {
    match taken_error(db, new).await? {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

async fn taken_error(db: &impl ConnectionTrait, new: &NewPartner) -> Result<Option<Error>> {
    contact_taken(db, &new.email, &new.phone, None).await
}

/// `email` or `phone` already belong to an account (other than `except`):
/// both are unique across every partner user, owners and sub-users alike.
pub(crate) async fn contact_taken(
    db: &impl ConnectionTrait,
    email: &str,
    phone: &domain::Msisdn,
    except: Option<Uuid>,
) -> Result<Option<Error>> {
    let other = |q: sea_orm::Select<User>| match except {
        Some(id) => q.filter(user::Column::Id.ne(id)),
        None => q,
    };
    let mut errs = Vec::new();
    if other(User::find().filter(user::Column::Email.eq(email))).one(db).await?.is_some() {
        errs.push(FieldError::new("email", Problem::EmailTaken));
    }
    if other(User::find().filter(user::Column::Phone.eq(phone.as_str()))).one(db).await?.is_some() {
        errs.push(FieldError::new("phone", Problem::PhoneTaken));
    }
    Ok((!errs.is_empty()).then_some(Error::Invalid(errs)))
}

/// A link e-mail to write in the outbox together with its token.
pub(crate) struct LinkMail<'a> {
    user_id: Uuid,
    name: &'a str,
    email: &'a str,
    lang: Lang,
    purpose: Purpose,
    invited: Option<Invited<'a>>,
}

/// Who added a sub-user, to say so in their first e-mail.
pub(crate) struct Invited<'a> {
    pub company: &'a str,
    pub inviter: &'a str,
    pub username: &'a str,
}

impl<'a> LinkMail<'a> {
    pub(crate) fn activation(user_id: Uuid, name: &'a str, email: &'a str, lang: Lang) -> Self {
        LinkMail { user_id, name, email, lang, purpose: Purpose::Activate, invited: None }
    }

    /// A new sub-user's link to confirm the address and set a password.
    pub(crate) fn invitation(u: &'a user::Model, invited: Invited<'a>) -> Self {
        LinkMail {
            user_id: u.id,
            name: &u.name,
            email: &u.email,
            lang: Lang::from_code(&u.lang),
            purpose: Purpose::Invite,
            invited: Some(invited),
        }
    }

    fn reset(u: &'a user::Model) -> Self {
        LinkMail {
            user_id: u.id,
            name: &u.name,
            email: &u.email,
            lang: Lang::from_code(&u.lang),
            purpose: Purpose::Reset,
            invited: None,
        }
    }
}

/// Issues a single-use token and writes its e-mail into the outbox, both in `txn`.
pub(crate) async fn send_link(state: &AppState, txn: &impl ConnectionTrait, m: LinkMail<'_>) -> Result<()> {
    let secret = token::new_token();
    let now = Utc::now();
    email_token::ActiveModel {
        id: Set(Uuid::now_v7()),
        user_id: Set(m.user_id),
        purpose: Set(m.purpose.code().to_owned()),
        token_hash: Set(token::sha256_hex(&secret)),
        expires_at: Set(now + Duration::hours(m.purpose.hours())),
        used_at: Set(None),
        created_at: Set(now),
    }
    .insert(txn)
    .await?;
    let link = state.config.link(&format!("{}?token={secret}", m.purpose.path()));
    let mail = mail::templates::render(&m.purpose.mail(&m, &link), m.lang, &state.config.brand, m.email)?;
    mail::enqueue(txn, mail).await?;
    Ok(())
}

/// Seconds the "Kirim Ulang" button must still wait for this address.
/// Unknown addresses get the same answer as known ones.
pub async fn resend_wait(state: &AppState, email: &str) -> Result<u64> {
    let email = normalize_email(email).map_err(|p| Error::field("email", p))?;
    Ok(RESEND.blocked(&state.db, &resend_key(&email)).await?.unwrap_or(0))
}

/// Sends a new activation link if the account exists and is not active yet.
/// Answers the same for unknown addresses (no account enumeration).
#[tracing::instrument(skip_all)]
pub async fn resend_activation(state: &AppState, email: &str) -> Result<()> {
    let email = normalize_email(email).map_err(|p| Error::field("email", p))?;
    throttle(&state.db, RESEND, &resend_key(&email), Problem::ResendTooSoon).await?;
    let Some(u) = User::find().filter(user::Column::Email.eq(&email)).one(&state.db).await? else {
        return Ok(());
    };
    if u.email_verified_at.is_some() {
        return Ok(());
    }
    let txn = crate::infra::db::begin(&state.db).await?;
    send_link(state, &txn, LinkMail::activation(u.id, &u.name, &u.email, Lang::from_code(&u.lang))).await?;
    txn.commit().await?;
    Ok(())
}

/// Looks a link's token up; `None` when it never existed.
async fn find_token(db: &impl ConnectionTrait, secret: &str, purpose: &str) -> Result<Option<email_token::Model>> {
    Ok(EmailToken::find()
        .filter(email_token::Column::TokenHash.eq(token::sha256_hex(secret.trim())))
        .filter(email_token::Column::Purpose.eq(purpose))
        .one(db)
        .await?)
}

/// Marks a token used; false when another request used it first.
async fn use_token(db: &impl ConnectionTrait, t: &email_token::Model) -> Result<bool> {
    let res = EmailToken::update_many()
        .col_expr(email_token::Column::UsedAt, sea_orm::sea_query::Expr::value(Some(Utc::now())))
        .filter(email_token::Column::Id.eq(t.id))
        .filter(email_token::Column::UsedAt.is_null())
        .exec(db)
        .await?;
    Ok(res.rows_affected == 1)
}

#[tracing::instrument(skip_all)]
pub async fn activate(state: &AppState, secret: &str) -> Result<ActivationOut> {
    let txn = crate::infra::db::begin(&state.db).await?;
    let Some(t) = find_token(&txn, secret, ACTIVATE).await? else {
        return Ok(ActivationOut::Invalid);
    };
    let Some(u) = User::find_by_id(t.user_id).one(&txn).await? else {
        return Ok(ActivationOut::Invalid);
    };
    if u.email_verified_at.is_some() {
        return Ok(ActivationOut::AlreadyActive);
    }
    if t.expires_at <= Utc::now() || t.used_at.is_some() {
        return Ok(ActivationOut::Expired { email: u.email });
    }
    if !use_token(&txn, &t).await? {
        return Ok(ActivationOut::AlreadyActive);
    }
    let mut active: user::ActiveModel = u.into();
    active.email_verified_at = Set(Some(Utc::now()));
    active.updated_at = Set(Utc::now());
    let u = active.update(&txn).await?;
    let actor = Actor::Partner { id: u.id, name: u.name.clone() };
    audit::record(&txn, &actor, "partner.activated", "user", &u.id.to_string(), None, None).await?;
    txn.commit().await?;
    tracing::info!(user_id = %t.user_id, "account activated");
    Ok(ActivationOut::Activated)
}

/// A login that passed the password check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignedIn {
    /// The caller starts the partner's session.
    Partner(Uuid),
    /// Right password, but the e-mail address is not confirmed yet: no session.
    Unverified { email: String },
    /// Right password, but the operator suspended the company: no session.
    Suspended { reason: String, contact: String },
    /// Right password; a code of the second factor must follow.
    Code { id: Uuid },
    /// The company requires a second factor this user has not set up yet.
    Enroll { id: Uuid, setup: domain::staff::TotpSetup },
}

/// Checks a login by phone and password.
#[tracing::instrument(skip_all)]
pub async fn login(state: &AppState, input: &LoginIn, ip: IpAddr) -> Result<SignedIn> {
    let phone = input.parse().map_err(Error::Invalid)?;
    let attempt = LoginAttempt::begin(&state.db, "login", phone.as_str(), ip)
        .await?
        .map_err(|secs| Error::TooSoon { problem: Problem::TooManyAttempts, secs })?;
    let u = User::find().filter(user::Column::Phone.eq(phone.as_str())).one(&state.db).await?;
    let ok = password::verify(input.password.clone(), u.as_ref().map(|u| u.password_hash.clone())).await?;
    let Some(u) = u.filter(|_| ok) else {
        tracing::info!("login failed");
        return Err(Error::Refused(Problem::InvalidCredentials));
    };
    attempt.succeeded(&state.db).await?;
    if u.email_verified_at.is_none() {
        return Ok(SignedIn::Unverified { email: u.email });
    }
    let owner = u.company_owner(&state.db).await?.ok_or(Error::Refused(Problem::InvalidCredentials))?;
    if owner.suspended_at.is_some() {
        let reason = owner.suspension_reason.unwrap_or_default();
        return Ok(SignedIn::Suspended { reason, contact: state.config.support_contact.clone() });
    }
    if u.totp_secret.is_some() {
        return Ok(SignedIn::Code { id: u.id });
    }
    if owner.require_totp {
        return Ok(SignedIn::Enroll { id: u.id, setup: crate::two_step::new_setup(state, &u)? });
    }
    record_session(&state.db, &u, "partner.login", Some(ip)).await?;
    tracing::info!(user_id = %u.id, "partner logged in");
    Ok(SignedIn::Partner(u.id))
}

/// A sign-in or sign-out in the audit log, as the person who did it.
async fn record_session(db: &impl ConnectionTrait, u: &user::Model, action: &str, ip: Option<IpAddr>) -> Result<()> {
    let actor = Actor::Partner { id: u.id, name: u.name.clone() };
    let after = ip.map(|ip| serde_json::json!({ "ip": ip.to_string() }));
    audit::record(db, &actor, action, "user", &u.id.to_string(), None, after).await?;
    Ok(())
}

/// The code step of a sign-in (`enrolling`: the secret this sign-in set
/// up). Returns the recovery codes to show once when one was enrolled.
pub async fn complete_sign_in(
    state: &AppState,
    id: Uuid,
    code: &str,
    enrolling: Option<&str>,
    ip: Option<IpAddr>,
) -> Result<Option<Vec<String>>> {
    let codes = crate::two_step::verify(state, id, code, enrolling).await?;
    let u = User::find_by_id(id).one(&state.db).await?.ok_or(Error::Refused(Problem::NotLoggedIn))?;
    record_session(&state.db, &u, "partner.login", ip).await?;
    Ok(codes)
}

/// Records a sign-out (the web layer ends the session).
pub async fn logout(state: &AppState, partner: &PartnerActor, ip: Option<IpAddr>) -> Result<()> {
    match User::find_by_id(partner.user_id()).one(&state.db).await? {
        Some(u) => record_session(&state.db, &u, "partner.logout", ip).await,
        None => Ok(()),
    }
}

/// Sends a reset link when the address belongs to an account. Always answers
/// the same way, so nobody can learn which addresses are registered.
#[tracing::instrument(skip_all)]
pub async fn forgot_password(state: &AppState, email: &str, ip: IpAddr) -> Result<()> {
    let email = normalize_email(email).map_err(|p| Error::field("email", p))?;
    throttle(&state.db, FORGOT_PER_IP, &format!("forgot-ip:{ip}"), Problem::TooManyAttempts).await?;
    throttle(&state.db, RESEND, &format!("forgot:{email}"), Problem::ResendTooSoon).await?;
    if let Some(u) = User::find().filter(user::Column::Email.eq(&email)).one(&state.db).await? {
        let txn = crate::infra::db::begin(&state.db).await?;
        send_link(state, &txn, LinkMail::reset(&u)).await?;
        txn.commit().await?;
    }
    Ok(())
}

#[tracing::instrument(skip_all)]
pub async fn reset_password(state: &AppState, input: &ResetPasswordIn) -> Result<()> {
    let errs = check_new_password(&input.password, &input.password_confirm);
    if !errs.is_empty() {
        return Err(Error::Invalid(errs));
    }
    let hash = password::hash(input.password.clone()).await?;
    let txn = crate::infra::db::begin(&state.db).await?;
    let t = match find_token(&txn, &input.token, RESET).await? {
        Some(t) => t,
        None => find_token(&txn, &input.token, INVITE).await?.ok_or(Error::Refused(Problem::TokenInvalid))?,
    };
    if t.used_at.is_some() {
        return Err(Error::Refused(Problem::TokenUsed));
    }
    if t.expires_at <= Utc::now() {
        return Err(Error::Refused(Problem::TokenExpired));
    }
    if !use_token(&txn, &t).await? {
        return Err(Error::Refused(Problem::TokenUsed));
    }
    let u = User::find_by_id(t.user_id).one(&txn).await?.ok_or(Error::Refused(Problem::TokenInvalid))?;
    let now = Utc::now();
    let verified = u.email_verified_at.or(Some(now)); // the link proved the address
    let mut active: user::ActiveModel = u.into();
    active.password_hash = Set(hash);
    active.email_verified_at = Set(verified);
    active.updated_at = Set(now);
    let u = active.update(&txn).await?;
    // Whoever was signed in with the old password is not any more.
    end_sessions(&txn, Subject::Partner(t.user_id), None).await?;
    let actor = Actor::Partner { id: u.id, name: u.name.clone() };
    let action = if t.purpose == INVITE { "partner.password_set" } else { "partner.password_reset" };
    audit::record(&txn, &actor, action, "user", &u.id.to_string(), None, None).await?;
    txn.commit().await?;
    tracing::info!(user_id = %t.user_id, "password reset");
    Ok(())
}

#[tracing::instrument(skip_all, fields(user_id = %partner.partner_id()))]
/// Changes the password; every other session of the user ends (`keep` is
/// the caller's own).
pub async fn change_password(
    state: &AppState,
    partner: &PartnerActor,
    input: &ChangePasswordIn,
    keep: Option<&str>,
) -> Result<()> {
    let user_id = partner.user_id();
    let u = User::find_by_id(user_id).one(&state.db).await?.ok_or(Error::Refused(Problem::NotLoggedIn))?;
    if input.current_password.is_empty() {
        return Err(Error::field("current_password", Problem::Required));
    }
    let errs = check_new_password(&input.password, &input.password_confirm);
    if !errs.is_empty() {
        return Err(Error::Invalid(errs));
    }
    if !password::verify(input.current_password.clone(), Some(u.password_hash.clone())).await? {
        return Err(Error::field("current_password", Problem::WrongCurrentPassword));
    }
    let hash = password::hash(input.password.clone()).await?;
    let mut active: user::ActiveModel = u.into();
    active.password_hash = Set(hash);
    active.updated_at = Set(Utc::now());
    let txn = crate::infra::db::begin(&state.db).await?;
    active.update(&txn).await?;
    end_sessions(&txn, Subject::Partner(user_id), keep).await?;
    audit::record(&txn, &partner.audit(), "partner.password_changed", "user", &user_id.to_string(), None, None).await?;
    txn.commit().await?;
    Ok(())
}

/// What the portal shows about the signed-in user: who they are, their
/// company's profile state and what they may open.
pub async fn find_user(db: &impl ConnectionTrait, me: &PartnerActor) -> Result<Option<UserOut>> {
    let Some(u) = User::find_by_id(me.user_id()).one(db).await? else { return Ok(None) };
    let profile = crate::entity::profile::Entity::find_by_id(me.partner_id()).one(db).await?;
    // The company's name as its owner's row has it now (a revision may change it).
    let company = u.company_owner(db).await?.map_or(u.company.clone(), |o| o.company);
    Ok(Some(UserOut {
        phone: domain::Msisdn::parse(&u.phone).map(|m| m.local()).unwrap_or(u.phone),
        name: u.name,
        company,
        email: u.email,
        username: u.username.unwrap_or_default(),
        owner: me.is_owner(),
        rights: me.rights(),
        profile_status: profile.as_ref().map(|p| p.status).unwrap_or(domain::profile::ProfileStatus::Draft),
        merchant_id: profile.and_then(|p| p.merchant_id),
    }))
}
