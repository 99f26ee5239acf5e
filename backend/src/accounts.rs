//! Partner accounts: registration, e-mail activation, login, passwords.

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
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, TransactionTrait,
};
use std::net::IpAddr;
use uuid::Uuid;

pub const ACTIVATION_HOURS: i64 = 24;
pub const RESET_HOURS: i64 = 1;
const ACTIVATE: &str = "activate";
const RESET: &str = "reset";

/// What an e-mailed link is for.
#[derive(Clone, Copy)]
enum Purpose {
    Activate,
    Reset,
}

impl Purpose {
    fn code(self) -> &'static str {
        match self {
            Purpose::Activate => ACTIVATE,
            Purpose::Reset => RESET,
        }
    }

    fn hours(self) -> i64 {
        match self {
            Purpose::Activate => ACTIVATION_HOURS,
            Purpose::Reset => RESET_HOURS,
        }
    }

    fn path(self) -> &'static str {
        match self {
            Purpose::Activate => "/aktivasi",
            Purpose::Reset => "/reset-password",
        }
    }

    fn mail<'a>(self, name: &'a str, link: &'a str) -> Kind<'a> {
        let hours = self.hours();
        match self {
            Purpose::Activate => Kind::Activation { name, link, hours },
            Purpose::Reset => Kind::PasswordReset { name, link, hours },
        }
    }
}

const RESEND: Limit = Limit::new(1, RESEND_COOLDOWN_SECS as i64);
const REGISTER_PER_IP: Limit = Limit::new(10, 3600);
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
    throttle(&state.db, REGISTER_PER_IP, &format!("register:{ip}"), Problem::TooManyAttempts).await?;
    ensure_unique(&state.db, &new).await?;
    let hash = password::hash(new.password.clone()).await?;
    let now = Utc::now();
    let id = Uuid::now_v7();
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
    };
    let txn = state.db.begin().await?;
    if let Err(e) = row.insert(&txn).await {
        txn.rollback().await?;
        // Lost a race with an identical registration: report it like the check does.
        return Err(match is_unique_violation(&e) {
            true => taken_error(&state.db, &new).await?.unwrap_or(Error::from(e)),
            false => e.into(),
        });
    }
    send_link(state, &txn, LinkMail::activation(id, &new.name, &new.email, lang)).await?;
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
    let mut errs = Vec::new();
    if User::find().filter(user::Column::Email.eq(&new.email)).one(db).await?.is_some() {
        errs.push(FieldError::new("email", Problem::EmailTaken));
    }
    if User::find().filter(user::Column::Phone.eq(new.phone.as_str())).one(db).await?.is_some() {
        errs.push(FieldError::new("phone", Problem::PhoneTaken));
    }
    Ok((!errs.is_empty()).then_some(Error::Invalid(errs)))
}

/// A link e-mail to write in the outbox together with its token.
struct LinkMail<'a> {
    user_id: Uuid,
    name: &'a str,
    email: &'a str,
    lang: Lang,
    purpose: Purpose,
}

impl<'a> LinkMail<'a> {
    fn activation(user_id: Uuid, name: &'a str, email: &'a str, lang: Lang) -> Self {
        LinkMail { user_id, name, email, lang, purpose: Purpose::Activate }
    }

    fn reset(u: &'a user::Model) -> Self {
        LinkMail {
            user_id: u.id,
            name: &u.name,
            email: &u.email,
            lang: Lang::from_code(&u.lang),
            purpose: Purpose::Reset,
        }
    }
}

/// Issues a single-use token and writes its e-mail into the outbox, both in `txn`.
async fn send_link(state: &AppState, txn: &impl ConnectionTrait, m: LinkMail<'_>) -> Result<()> {
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
    let mail = mail::templates::render(&m.purpose.mail(m.name, &link), m.lang, &state.config.brand, m.email)?;
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
    let txn = state.db.begin().await?;
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
    let txn = state.db.begin().await?;
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
    active.update(&txn).await?;
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
    tracing::info!(user_id = %u.id, "partner logged in");
    Ok(SignedIn::Partner(u.id))
}

/// Sends a reset link when the address belongs to an account. Always answers
/// the same way, so nobody can learn which addresses are registered.
#[tracing::instrument(skip_all)]
pub async fn forgot_password(state: &AppState, email: &str, ip: IpAddr) -> Result<()> {
    let email = normalize_email(email).map_err(|p| Error::field("email", p))?;
    throttle(&state.db, FORGOT_PER_IP, &format!("forgot-ip:{ip}"), Problem::TooManyAttempts).await?;
    throttle(&state.db, RESEND, &format!("forgot:{email}"), Problem::ResendTooSoon).await?;
    if let Some(u) = User::find().filter(user::Column::Email.eq(&email)).one(&state.db).await? {
        let txn = state.db.begin().await?;
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
    let txn = state.db.begin().await?;
    let t = find_token(&txn, &input.token, RESET).await?.ok_or(Error::Refused(Problem::TokenInvalid))?;
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
    active.update(&txn).await?;
    // Whoever was signed in with the old password is not any more.
    end_sessions(&txn, Subject::Partner(t.user_id), None).await?;
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
    let user_id = partner.partner_id();
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
    let txn = state.db.begin().await?;
    active.update(&txn).await?;
    end_sessions(&txn, Subject::Partner(user_id), keep).await?;
    txn.commit().await?;
    Ok(())
}

pub async fn find_user(db: &impl ConnectionTrait, id: Uuid) -> Result<Option<UserOut>> {
    let Some(u) = User::find_by_id(id).one(db).await? else { return Ok(None) };
    let profile = crate::entity::profile::Entity::find_by_id(id).one(db).await?;
    Ok(Some(UserOut {
        phone: domain::Msisdn::parse(&u.phone).map(|m| m.local()).unwrap_or(u.phone),
        name: u.name,
        company: u.company,
        email: u.email,
        profile_status: profile.as_ref().map(|p| p.status).unwrap_or(domain::profile::ProfileStatus::Draft),
        merchant_id: profile.and_then(|p| p.merchant_id),
    }))
}
