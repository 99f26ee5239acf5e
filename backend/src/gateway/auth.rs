//! Digest authentication of gateway requests against the stored HA1.
//!
//! Nonces are signed, not stored: a nonce is its issue time and an
//! HMAC-SHA256 of it (with the environment) under a key every instance
//! shares, so issuing one writes nothing — a flood of unauthenticated
//! requests costs no database row — and any instance can verify any other's
//! nonce. Only a nonce's *use* is recorded, once per (nonce, nc), so a
//! replay is refused on every instance. A header without `qop` (RFC 2069)
//! has no counter: its nonce serves once.

use super::digest::{self, Challenge, Credentials};
use super::memo::{self, CallerKey, Version};
use super::{Env, Merchant};
use crate::entity::api_credential;
use crate::entity::digest_nonce_use::{self, Entity as DigestNonceUse};
use crate::error::{is_unique_violation, Result};
use crate::infra::kept_connections::KeptConnections;
use crate::AppState;
use chrono::Utc;
use domain::apilog::AuthOutcome;
use hmac::{Hmac, Mac};
use rand::RngCore;
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};
use sha2::Sha256;
use std::sync::atomic::{AtomicI64, Ordering};

/// How long an issued nonce may be used.
pub const NONCE_TTL_SECS: i64 = 300;
/// A nonce from a little in the future (another instance's clock) is fine.
const CLOCK_SKEW_SECS: i64 = 5;
/// The longest `nc` kept (RFC 7616: 8 hex digits; the column holds 16).
const MAX_NC_LEN: usize = 16;

fn random_hex() -> String {
    let mut bytes = [0u8; 16];
    rand::thread_rng().fill_bytes(&mut bytes);
    hex::encode(bytes)
}

/// The first 8 bytes of HMAC-SHA256(key, env ‖ time and salt).
fn tag(key: &[u8], env: Env, head: &[u8]) -> [u8; 8] {
    let mut mac = Hmac::<Sha256>::new_from_slice(key).unwrap_or_else(|_| unreachable!("any key length"));
    mac.update(env.code().as_bytes());
    mac.update(head);
    let full = mac.finalize().into_bytes();
    let mut out = [0u8; 8];
    out.copy_from_slice(&full[..8]);
    out
}

/// A nonce issued at `issued` (unix seconds) with a random `salt` (so two
/// challenges in one second differ): 32 lower-case hex digits, as partners'
/// clients expect — 4 bytes of time, 4 of salt, 8 of signature.
pub fn sign_nonce(key: &[u8], env: Env, issued: u32, salt: [u8; 4]) -> String {
    let mut bytes = [0u8; 16];
    bytes[..4].copy_from_slice(&issued.to_be_bytes());
    bytes[4..8].copy_from_slice(&salt);
    let t = tag(key, env, &bytes[..8]);
    bytes[8..].copy_from_slice(&t);
    hex::encode(bytes)
}

/// Whether `nonce` was issued by us for `env` and is still good at `now`.
pub fn nonce_is_fresh(key: &[u8], env: Env, nonce: &str, now: i64) -> bool {
    nonce_age(key, env, nonce, now).is_some_and(age_is_fresh)
}

/// Whether a nonce issued `age` seconds ago may still be used.
pub(crate) fn age_is_fresh(age: i64) -> bool {
    (-CLOCK_SKEW_SECS..=NONCE_TTL_SECS).contains(&age)
}

/// How many seconds ago we issued `nonce` for `env`; `None` when we did
/// not (another environment's, forged, or not a nonce at all).
pub fn nonce_age(key: &[u8], env: Env, nonce: &str, now: i64) -> Option<i64> {
    let bytes = hex::decode(nonce).ok()?;
    let bytes = <[u8; 16]>::try_from(bytes.as_slice()).ok()?;
    let issued = u32::from_be_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]);
    crate::infra::token::constant_time_eq(&bytes[8..], &tag(key, env, &bytes[..8])).then(|| now - i64::from(issued))
}

pub(crate) fn unix_now() -> i64 {
    Utc::now().timestamp()
}

/// A fresh challenge. Nothing is written.
pub fn challenge(state: &AppState, env: Env) -> Challenge {
    let issued = u32::try_from(unix_now()).unwrap_or(u32::MAX);
    let nonce = sign_nonce(&state.nonce_key, env, issued, rand::random());
    Challenge { realm: state.config.digest_realm.clone(), nonce, opaque: random_hex() }
}

/// When this process next forgets expired nonce uses (unix seconds).
static NEXT_PURGE: AtomicI64 = AtomicI64::new(0);
/// How often: the uses of the last five minutes are kept anyway. Often
/// enough that each purge deletes only a few thousand rows at a thousand
/// requests a second: every 30 s, one delete of 50,000 rows wrote so much
/// log at once that the commits behind it stalled for 50–100 ms (the open
/// loop's p99.9, issue 17). Once in 85 requests, before that, was a scan
/// of the whole table each time.
const PURGE_EVERY_SECS: i64 = 2;

/// Whether this request does the purge that is due (one request does).
fn purge_due(now: i64) -> bool {
    let next = NEXT_PURGE.load(Ordering::Relaxed);
    now >= next
        && NEXT_PURGE.compare_exchange(next, now + PURGE_EVERY_SECS, Ordering::Relaxed, Ordering::Relaxed).is_ok()
}

/// Forgets uses of nonces that have expired anyway.
pub async fn purge_expired(state: &AppState) -> Result<u64> {
    let cutoff = Utc::now() - chrono::Duration::seconds(NONCE_TTL_SECS + CLOCK_SKEW_SECS + 60);
    let gone =
        DigestNonceUse::delete_many().filter(digest_nonce_use::Column::UsedAt.lt(cutoff)).exec(&state.db).await?;
    Ok(gone.rows_affected)
}

/// Whether the digest's `uri` names the request it signs: the request
/// target itself (a client may send it absolute), or — as one production
/// client does for every call — `/auth/Sign-On` on a `/Services/…` path.
pub fn uri_matches(signed: &str, target: &str) -> bool {
    let signed: std::borrow::Cow<str> = match signed.split_once("://") {
        // Absolute form: compare from the path on.
        Some((_, rest)) => rest.split_once('/').map_or("/".into(), |(_, path)| format!("/{path}").into()),
        None => signed.into(),
    };
    signed == target || (signed == "/auth/Sign-On" && target.starts_with("/Services/"))
}

/// The counter a use is recorded under: the `nc` with `qop`, none without.
pub(crate) fn use_key(c: &Credentials) -> Option<String> {
    match (&c.qop, &c.nc) {
        (None, _) => Some(String::new()),
        (Some(_), Some(nc)) if !nc.is_empty() && nc.len() <= MAX_NC_LEN => Some(nc.clone()),
        (Some(_), _) => None,
    }
}

/// Who a request's digest names and whether it holds: the merchant, or
/// why not in words ([`AuthOutcome`]) for the API log.
#[derive(Debug, Clone)]
pub struct Verdict {
    /// The username the header named, checked or not.
    pub username: Option<String>,
    /// The partner of that username in this environment, once known.
    pub user_id: Option<uuid::Uuid>,
    pub result: std::result::Result<Caller, AuthOutcome>,
}

/// An authenticated caller: the merchant, and what the gateway decides
/// next from the same read — whether the partner is suspended and whether
/// the calling address is approved for it in this environment.
#[derive(Debug, Clone)]
pub struct Caller {
    pub merchant: Merchant,
    pub suspended: bool,
    pub address_approved: bool,
    /// Whether the `sessionID` the request carries is open for this
    /// merchant (`signon::session_end`, still ahead; false when it carries none).
    pub session_open: bool,
}

/// What one query reads of a username (issue 17: one round trip instead
/// of five — credential, merchant ID, suspension, whitelist, session), and
/// what the gateway remembers of it between requests (`memo`): the next
/// request of the same caller checks its digest against this and reads the
/// count of changes with its nonce's use; only a change since makes it read
/// again. The session's end is kept, not whether it is open now.
#[derive(Debug, Clone)]
pub(crate) struct Known {
    user_id: uuid::Uuid,
    ha1: String,
    merchant_id: Option<String>,
    suspended: bool,
    address_approved: bool,
    session_ends: Option<chrono::DateTime<Utc>>,
}

/// Where the request comes from and the session it names, if any.
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    pub ip: Option<std::net::IpAddr>,
    pub session_id: Option<&'a str>,
}

async fn known(state: &AppState, env: Env, username: &str, cx: Context<'_>) -> Result<Option<(Version, Known)>> {
    use crate::entity::{ip_whitelist, profile, user};
    use sea_orm::sea_query::{Alias, Expr, ExprTrait, JoinType, Query};
    use sea_orm::ConnectionTrait;
    let cred = api_credential::Entity;
    let approved = Query::select()
        .expr(Expr::val(1))
        .from(ip_whitelist::Entity)
        .and_where(
            Expr::col((ip_whitelist::Entity, ip_whitelist::Column::UserId))
                .equals((cred, api_credential::Column::UserId)),
        )
        .and_where(Expr::col((ip_whitelist::Entity, ip_whitelist::Column::Environment)).eq(env.code()))
        .and_where(
            Expr::col((ip_whitelist::Entity, ip_whitelist::Column::Ip))
                .eq(cx.ip.map(|ip| ip.to_string()).unwrap_or_default()),
        )
        .and_where(
            Expr::col((ip_whitelist::Entity, ip_whitelist::Column::Status))
                .eq(domain::finance::IpStatus::Approved.code()),
        )
        .to_owned();
    let select = Query::select()
        .column((cred, api_credential::Column::UserId))
        .column((cred, api_credential::Column::Ha1))
        .column((profile::Entity, profile::Column::MerchantId))
        .column((user::Entity, user::Column::SuspendedAt))
        .expr_as(Expr::exists(approved), Alias::new("address_approved"))
        .expr_as(
            match cx.session_id {
                Some(id) => super::signon::session_end((cred, api_credential::Column::UserId), env, id),
                None => Expr::value(Option::<chrono::DateTime<Utc>>::None),
            },
            Alias::new("session_ends"),
        )
        .expr_as(Expr::cust(memo::VERSION_SQL), Alias::new("memo_version"))
        .from(cred)
        .join(
            JoinType::LeftJoin,
            profile::Entity,
            Expr::col((profile::Entity, profile::Column::UserId)).equals((cred, api_credential::Column::UserId)),
        )
        .join(
            JoinType::LeftJoin,
            user::Entity,
            Expr::col((user::Entity, user::Column::Id)).equals((cred, api_credential::Column::UserId)),
        )
        .and_where(Expr::col((cred, api_credential::Column::Username)).eq(username))
        .and_where(Expr::col((cred, api_credential::Column::Environment)).eq(env.code()))
        .to_owned();
    let Some(row) = state.db.query_one(&select).await? else { return Ok(None) };
    let known = Known {
        user_id: row.try_get("", "user_id")?,
        ha1: row.try_get("", "ha1")?,
        merchant_id: row.try_get("", "merchant_id")?,
        suspended: row.try_get::<Option<chrono::DateTime<Utc>>>("", "suspended_at")?.is_some(),
        address_approved: row.try_get("", "address_approved")?,
        session_ends: row.try_get("", "session_ends")?,
    };
    Ok(Some((row.try_get("", "memo_version")?, known)))
}

/// The use of a nonce, committed without waiting for the disk on
/// PostgreSQL (`synchronous_commit` off for this one transaction). That
/// loses no guarantee: whatever a request makes durable afterwards — a
/// payment, a session — commits synchronously, which flushes the log up to
/// its own record and so past this one, written before it; the biller is
/// called only after that. A crash can lose the use only together with
/// everything the request wrote, and a replay then finds the state the
/// request found: at most a read (an inquiry, a price list) is answered
/// twice. Saves a wait for the disk on every request (issue 17).
const RECORD_USE: &str = r"
WITH lazily AS (SELECT set_config('synchronous_commit', 'off', true)),
used AS (INSERT INTO digest_nonce_uses (nonce, nc, used_at) SELECT $1, $2, $3 FROM lazily)
SELECT version FROM gateway_version WHERE id = 1";

/// Records one use of (`nonce`, `nc`) and reads the count of changes
/// (`memo`) in the same statement; `None`: it was used before.
pub async fn record_use(kept: &KeptConnections, nonce: &str, nc: String) -> Result<Option<Version>> {
    use sea_orm::{ConnectionTrait, DbBackend, Statement};
    let now = Utc::now();
    let db = kept.db();
    let version = if super::single_statement::available(db) {
        let stmt =
            Statement::from_sql_and_values(DbBackend::Postgres, RECORD_USE, [nonce.into(), nc.into(), now.into()]);
        kept.query_one(stmt).await
    } else {
        let row = digest_nonce_use::ActiveModel { nonce: Set(nonce.to_owned()), nc: Set(nc), used_at: Set(now) };
        match DigestNonceUse::insert(row).exec(db).await {
            Ok(_) => {
                db.query_one_raw(Statement::from_string(DbBackend::Sqlite, format!("SELECT {}", memo::VERSION_SQL)))
                    .await
            }
            Err(e) => Err(e),
        }
    };
    match version {
        Err(e) if is_unique_violation(&e) => Ok(None),
        Err(e) => Err(e.into()),
        Ok(row) => {
            let row = row.ok_or_else(|| crate::Error::Unexpected(anyhow::anyhow!("gateway_version has no row")))?;
            Ok(Some(row.try_get_by_index(0)?))
        }
    }
}

impl Verdict {
    fn refused(username: Option<String>, user_id: Option<uuid::Uuid>, why: AuthOutcome) -> Verdict {
        Verdict { username, user_id, result: Err(why) }
    }
}

/// Judges the request's digest against `env`'s credentials. Refused (answer
/// with a new challenge): no or malformed header, another realm, a uri that
/// is not this request's, a nonce we did not issue or that expired, unknown
/// user, wrong response, or a replay.
#[tracing::instrument(skip_all, fields(env = env.code()))]
pub async fn authenticate(
    state: &AppState,
    env: Env,
    method: &str,
    target: &str,
    header: Option<&str>,
    cx: Context<'_>,
) -> Result<Verdict> {
    let Some(header) = header else { return Ok(Verdict::refused(None, None, AuthOutcome::NoHeader)) };
    let Some(c) = digest::parse(header) else { return Ok(Verdict::refused(None, None, AuthOutcome::Malformed)) };
    let username = Some(c.username.clone());
    let early = if c.realm != state.config.digest_realm {
        Some(AuthOutcome::WrongRealm)
    } else if !uri_matches(&c.uri, target) {
        Some(AuthOutcome::WrongUri)
    } else if !nonce_is_fresh(&state.nonce_key, env, &c.nonce, unix_now()) {
        Some(AuthOutcome::StaleNonce)
    } else {
        None
    };
    let key = CallerKey { env, username: c.username.clone(), ip: cx.ip, session_id: cx.session_id.map(str::to_owned) };
    let hit = state.memo.caller(&key);
    let from_memo = hit.is_some();
    let found = match hit {
        Some(hit) => Some(hit),
        None => known(state, env, &c.username, cx).await?,
    };
    let Some((mut read_at, mut cred)) = found else {
        return Ok(Verdict::refused(username, None, AuthOutcome::UnknownUser));
    };
    let user_id = Some(cred.user_id);
    if let Some(why) = early {
        return Ok(Verdict::refused(username, user_id, why));
    }
    let Some(use_key) = use_key(&c) else { return Ok(Verdict::refused(username, user_id, AuthOutcome::Malformed)) };
    let holds = |k: &Known| digest::verify(&k.ha1, method, &c);
    if !holds(&cred) {
        // A remembered credential may predate a new one: the stored one decides.
        let stored = if from_memo { known(state, env, &c.username, cx).await? } else { None };
        match stored {
            Some((at, fresh)) if holds(&fresh) => (read_at, cred) = (at, fresh),
            _ => return Ok(Verdict::refused(username, user_id, AuthOutcome::WrongPassword)),
        }
    }
    let Some(now_at) = record_use(&state.kept, &c.nonce, use_key).await? else {
        return Ok(Verdict::refused(username, user_id, AuthOutcome::Replayed));
    };
    state.memo.saw(now_at);
    if read_at != now_at {
        // Something changed since the caller was read: read it again and
        // judge the digest by what holds now (the use stays spent).
        let Some((at, fresh)) = known(state, env, &c.username, cx).await? else {
            return Ok(Verdict::refused(username, user_id, AuthOutcome::UnknownUser));
        };
        if !holds(&fresh) {
            return Ok(Verdict::refused(username, Some(fresh.user_id), AuthOutcome::WrongPassword));
        }
        state.memo.saw(at);
        (read_at, cred) = (at, fresh);
    }
    state.memo.keep_caller(key, read_at, cred.clone());
    if purge_due(unix_now()) {
        // Off the request's path: nobody's answer waits for the delete.
        let state = state.clone();
        tokio::spawn(async move {
            if let Err(e) = purge_expired(&state).await {
                tracing::warn!(error = %e, "expired nonce uses not purged");
            }
        });
    }
    let Known { user_id: id, merchant_id, suspended, address_approved, session_ends, .. } = cred;
    let user_id = Some(id);
    let result = merchant_id
        .map(|merchant_id| Caller {
            merchant: Merchant { user_id: id, merchant_id, env },
            suspended,
            address_approved,
            session_open: session_ends.is_some_and(|end| end > Utc::now()),
        })
        .ok_or(AuthOutcome::UnknownUser);
    Ok(Verdict { username, user_id, result })
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEY: &[u8] = b"0123456789abcdef0123456789abcdef";

    #[test]
    fn a_signed_nonce_is_32_hex_and_good_for_five_minutes_in_its_environment() {
        let t = 1_800_000_000u32;
        let n = sign_nonce(KEY, Env::Development, t, [1, 2, 3, 4]);
        assert_ne!(n, sign_nonce(KEY, Env::Development, t, [1, 2, 3, 5]), "one second, two nonces");
        assert!(n.len() == 32 && n.chars().all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()));
        let now = i64::from(t);
        assert!(nonce_is_fresh(KEY, Env::Development, &n, now + 299));
        assert!(!nonce_is_fresh(KEY, Env::Development, &n, now + 301), "expired");
        assert!(!nonce_is_fresh(KEY, Env::Production, &n, now), "other environment");
        assert!(!nonce_is_fresh(b"another key", Env::Development, &n, now), "other key");
        let mut forged = n.clone().into_bytes();
        forged[31] = if forged[31] == b'0' { b'1' } else { b'0' };
        assert!(!nonce_is_fresh(KEY, Env::Development, &String::from_utf8(forged).unwrap(), now));
        for junk in ["", "zz", "0123456789abcdef0123456789abcdef00", "é123456789abcdef0123456789abcdef"] {
            assert!(!nonce_is_fresh(KEY, Env::Development, junk, now));
        }
    }

    #[test]
    fn the_signed_uri_must_be_this_request() {
        assert!(uri_matches("/auth/Sign-On", "/auth/Sign-On"));
        assert!(uri_matches("/Services/Inquiry", "/Services/Inquiry"));
        assert!(uri_matches("https://development.example:4432/Services/Inquiry", "/Services/Inquiry"));
        // The documented production client: Sign-On's uri on every service.
        assert!(uri_matches("/auth/Sign-On", "/Services/Payment"));
        assert!(!uri_matches("/Services/Inquiry", "/Services/Payment"));
        assert!(!uri_matches("/Services/Payment", "/auth/Sign-On"));
        assert!(!uri_matches("/auth/Sign-On", "/auth/Other"));
    }

    #[test]
    fn without_qop_a_nonce_has_one_use_and_a_long_nc_is_refused() {
        let mut c = Credentials { qop: None, nc: Some("00000002".into()), ..Credentials::default() };
        assert_eq!(use_key(&c), Some(String::new()), "nc ignored without qop");
        c.qop = Some("auth".into());
        assert_eq!(use_key(&c), Some("00000002".into()));
        c.nc = Some("1".repeat(17));
        assert_eq!(use_key(&c), None);
        c.nc = None;
        assert_eq!(use_key(&c), None);
    }
}
