//! Callbacks (open-api.md §4, beyond the original: signed): when a pending
//! payment becomes final, its result is POSTed as JSON to the partner's
//! callback URL, retried with backoff until HTTP 200. Each request carries
//!
//! - `X-Callback-Timestamp`: Unix seconds when it was signed;
//! - `X-Callback-Signature`: `sha256=` + hex HMAC-SHA256 over
//!   `"<timestamp>.<body>"` with the partner's callback secret.
//!
//! Workers take deliveries with a lease, so two instances never send the
//! same delivery at the same time.

use crate::authz::PartnerActor;
use crate::entity::callback_delivery::{self, Entity as CallbackDelivery};
use crate::entity::partner_setting::{self, Entity as PartnerSetting};
use crate::entity::profile::Entity as Profile;
use crate::entity::transaction;
use crate::entity::OfPartner;
use crate::error::{Error, Result};
use crate::gateway::rc::Rc;
use crate::infra::outbound;
use crate::infra::wib;
use crate::AppState;
use chrono::{Duration, Utc};
use domain::finance::DeliveryStatus;
use domain::finance::{CallbackDeliveryOut, CallbackSettingsOut};
use domain::transaction::TxStatus;
use domain::DeliveryId;
use domain::Problem;
use hmac::{Hmac, Mac};
use rand::RngCore;
use sea_orm::sea_query::Condition;
use sea_orm::ActiveModelBehavior;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};
use serde_json::json;
use sha2::Sha256;
use uuid::Uuid;

/// Give up after this many attempts (about a day with the backoff below).
pub const MAX_ATTEMPTS: i32 = 12;
const LEASE_SECS: i64 = 60;

/// The HMAC-SHA256 signature header value for `body` at `timestamp`.
pub fn signature(secret: &str, timestamp: i64, body: &str) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).unwrap_or_else(|_| unreachable!("any key length"));
    mac.update(format!("{timestamp}.{body}").as_bytes());
    format!("sha256={}", hex::encode(mac.finalize().into_bytes()))
}

/// Seconds before attempt `n + 1`: 10 s, 20 s, 40 s … capped at 2 hours.
pub fn backoff_secs(attempts: i32) -> i64 {
    (10i64 << attempts.clamp(0, 20)).min(7_200)
}

fn new_secret() -> String {
    let mut bytes = [0u8; 24];
    rand::thread_rng().fill_bytes(&mut bytes);
    hex::encode(bytes)
}

pub(crate) async fn settings_row(db: &impl ConnectionTrait, user_id: Uuid) -> Result<partner_setting::Model> {
    if let Some(s) = PartnerSetting::find_by_id(user_id).one(db).await? {
        return Ok(s);
    }
    let row = partner_setting::ActiveModel {
        user_id: Set(user_id),
        callback_url: Set(None),
        callback_secret: Set(new_secret()),
        updated_at: Set(Utc::now()),
        low_balance: Set(None),
        low_balance_told_on: Set(None),
    };
    // Two first reads at once: the second insert loses and reads the first.
    match row.insert(db).await {
        Ok(s) => Ok(s),
        Err(_) => PartnerSetting::find_by_id(user_id).one(db).await?.ok_or(Error::Refused(Problem::NotFound)),
    }
}

/// The partner's callback URL, secret and latest deliveries.
pub async fn settings(db: &impl ConnectionTrait, partner: &PartnerActor) -> Result<CallbackSettingsOut> {
    let user_id = partner.partner_id();
    let s = settings_row(db, user_id).await?;
    let deliveries = CallbackDelivery::of_partner(user_id)
        .order_by_desc(callback_delivery::Column::CreatedAt)
        .limit(20)
        .all(db)
        .await?
        .into_iter()
        .map(|d| CallbackDeliveryOut {
            id: d.id.into(),
            created_at: wib::format(d.created_at),
            status: d.status,
            attempts: d.attempts,
            last_status: d.last_status,
            last_error: d.last_error,
            payload: d.payload,
        })
        .collect();
    Ok(CallbackSettingsOut { url: s.callback_url.unwrap_or_default(), secret: s.callback_secret, deliveries })
}

/// Sets (or clears, with an empty value) the callback URL: http(s) only,
/// to a public address that is not one of ours.
pub async fn set_url(state: &AppState, partner: &PartnerActor, url: &str) -> Result<()> {
    let user_id = partner.partner_id();
    let url = url.trim();
    let value = if url.is_empty() {
        None
    } else {
        let parsed = url::Url::parse(url).map_err(|_| Error::field("url", Problem::UrlInvalid))?;
        if url.len() > 300 {
            return Err(Error::field("url", Problem::UrlInvalid));
        }
        match outbound::resolve(&parsed, state.config.callbacks_allow_private).await {
            Ok(_) if is_ours(state, &parsed) => return Err(Error::field("url", Problem::UrlNotPublic)),
            Ok(_) => {}
            Err(outbound::Refusal::NotHttp) => return Err(Error::field("url", Problem::UrlInvalid)),
            Err(_) => return Err(Error::field("url", Problem::UrlNotPublic)),
        }
        Some(url.to_owned())
    };
    let s = settings_row(&state.db, user_id).await?;
    let mut row: partner_setting::ActiveModel = s.into();
    row.callback_url = Set(value.clone());
    row.updated_at = Set(Utc::now());
    row.update(&state.db).await?;
    let actor = partner.audit();
    let after = json!({ "callback_url": value });
    crate::audit::record(&state.db, &actor, "callback.url_set", "user", &user_id.to_string(), None, Some(after))
        .await?;
    Ok(())
}

/// Whether `url` points at this server (the portal or a gateway).
fn is_ours(state: &AppState, url: &url::Url) -> bool {
    let c = &state.config;
    let own = [c.public_url.as_str(), c.gateway_dev_url.as_str(), c.gateway_prod_url.as_str()];
    own.iter()
        .filter_map(|o| url::Url::parse(o).ok())
        .any(|o| o.host_str() == url.host_str() && o.port_or_known_default() == url.port_or_known_default())
}

/// Queues the callback of a transaction that just became final, in the
/// caller's transaction (nothing is queued when no URL is set).
pub async fn enqueue(db: &impl ConnectionTrait, t: &transaction::Model) -> Result<()> {
    let rc = if t.status == TxStatus::Failed { Rc::Failed } else { Rc::from_code(&t.rc) };
    let data: serde_json::Value = serde_json::from_str(&t.data).unwrap_or_else(|_| json!({}));
    let payload = json!({
        "productID": t.product_code,
        "customerID": t.customer_id,
        "referenceID": t.reference_id,
        "rc": rc.code(),
        "description": rc.text(),
        "data": data,
    });
    queue(db, t.user_id, t.id, payload).await
}

/// Queues the callback that the production deposit rose (a top-up
/// settled): `event` `deposit`, the order as `referenceID`, the amount and
/// the new balance, in the caller's transaction.
pub async fn enqueue_deposit(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    subject: Uuid,
    reference: &str,
    (amount, balance): (i64, i64),
) -> Result<()> {
    let payload = json!({
        "event": "deposit",
        "referenceID": reference,
        "rc": Rc::Success.code(),
        "description": Rc::Success.text(),
        "data": { "amount": amount.to_string(), "deposit": balance.to_string() },
    });
    queue(db, user_id, subject, payload).await
}

/// Tells the partner that a day's reconciliation file is ready: its day,
/// rows, SHA-256 and where to download it.
pub async fn enqueue_reconciliation(
    db: &impl ConnectionTrait,
    user_id: Uuid,
    (day, rows, checksum): (&str, i64, &str),
    link: &str,
) -> Result<()> {
    let payload = json!({
        "event": "reconciliation",
        "date": day,
        "rows": rows.to_string(),
        "sha256": checksum,
        "url": link,
    });
    queue(db, user_id, Uuid::now_v7(), payload).await
}

/// Queues `payload` (with the partner's merchant ID added) for the
/// partner's callback URL; nothing when no URL is set.
async fn queue(db: &impl ConnectionTrait, user_id: Uuid, subject: Uuid, payload: serde_json::Value) -> Result<()> {
    let Some(url) = PartnerSetting::find_by_id(user_id).one(db).await?.and_then(|s| s.callback_url) else {
        return Ok(());
    };
    let merchant_id = Profile::find_by_id(user_id).one(db).await?.and_then(|p| p.merchant_id).unwrap_or_default();
    let mut body = json!({ "merchantID": merchant_id });
    if let (Some(out), Some(fields)) = (body.as_object_mut(), payload.as_object()) {
        out.extend(fields.clone());
    }
    let now = Utc::now();
    callback_delivery::ActiveModel {
        user_id: Set(user_id),
        transaction_id: Set(subject),
        url: Set(url),
        payload: Set(body.to_string()),
        status: Set(DeliveryStatus::Pending),
        attempts: Set(0),
        next_attempt_at: Set(now),
        locked_until: Set(None),
        last_status: Set(None),
        last_error: Set(None),
        delivered_at: Set(None),
        ..callback_delivery::ActiveModel::new()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// A delivery waiting for its next attempt.
fn due(now: chrono::DateTime<Utc>) -> Condition {
    Condition::all()
        .add(callback_delivery::Column::Status.eq(DeliveryStatus::Pending))
        .add(callback_delivery::Column::NextAttemptAt.lte(now))
}

/// Sends every due delivery once; returns how many were delivered.
pub async fn deliver_due(state: &AppState) -> Result<usize> {
    let rows = CallbackDelivery::find()
        .filter(due(Utc::now()))
        .order_by_asc(callback_delivery::Column::NextAttemptAt)
        .limit(50)
        .all(&state.db)
        .await?;
    let mut delivered = 0;
    for d in rows {
        let (id, lock) = (callback_delivery::Column::Id, callback_delivery::Column::LockedUntil);
        if !crate::infra::lease::take::<CallbackDelivery>(&state.db, id, d.id, lock, LEASE_SECS, due(Utc::now()))
            .await?
        {
            continue;
        }
        if send(state, d).await? {
            delivered += 1;
        }
    }
    Ok(delivered)
}

/// How a delivery went, as the partner is shown it: a class, never the
/// raw error (it could tell about our network).
fn failure_class(e: &reqwest::Error) -> &'static str {
    if e.is_timeout() {
        "timeout"
    } else if e.is_connect() {
        "connect"
    } else {
        "transport"
    }
}

async fn send(state: &AppState, d: callback_delivery::Model) -> Result<bool> {
    let secret = settings_row(&state.db, d.user_id).await?.callback_secret;
    let ts = Utc::now().timestamp();
    let (code, error) = match target(state, &d.url).await {
        Err(class) => (None, Some(class.to_owned())),
        Ok(http) => {
            let res = http
                .post(&d.url)
                .header("content-type", "application/json")
                .header("x-callback-timestamp", ts.to_string())
                .header("x-callback-signature", signature(&secret, ts, &d.payload))
                .body(d.payload.clone())
                .send()
                .await;
            match res {
                Ok(r) => (Some(i32::from(r.status().as_u16())), (!r.status().is_success()).then(|| "http".to_owned())),
                Err(e) => {
                    tracing::info!(delivery = %d.id, error = %e, "callback not delivered");
                    (None, Some(failure_class(&e).to_owned()))
                }
            }
        }
    };
    let ok = code == Some(200);
    let attempts = d.attempts + 1;
    let now = Utc::now();
    let mut row: callback_delivery::ActiveModel = d.into();
    row.attempts = Set(attempts);
    row.last_status = Set(code);
    row.last_error = Set(error);
    row.locked_until = Set(None);
    if ok {
        row.status = Set(DeliveryStatus::Delivered);
        row.delivered_at = Set(Some(now));
    } else if attempts >= MAX_ATTEMPTS {
        row.status = Set(DeliveryStatus::Failed);
    } else {
        row.next_attempt_at = Set(now + Duration::seconds(backoff_secs(attempts)));
    }
    row.update(&state.db).await?;
    Ok(ok)
}

/// A client for one delivery to `url`: its name resolved now and checked,
/// pinned to the checked addresses (no second lookup), no redirects, a
/// short timeout. `Err(class)` when the target is refused.
async fn target(state: &AppState, url: &str) -> std::result::Result<reqwest::Client, &'static str> {
    let parsed = url::Url::parse(url).map_err(|_| "address")?;
    let addrs = outbound::resolve(&parsed, state.config.callbacks_allow_private).await.map_err(|r| match r {
        outbound::Refusal::Unresolved => "dns",
        _ => "address",
    })?;
    if is_ours(state, &parsed) {
        return Err("address");
    }
    let mut b = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(std::time::Duration::from_secs(5))
        .connect_timeout(std::time::Duration::from_secs(3));
    if let Some(host) = parsed.host_str() {
        b = b.resolve_to_addrs(host, &addrs);
    }
    b.build().map_err(|_| "transport")
}

/// "Kirim ulang" a partner may press a few times a minute.
const RESEND: crate::infra::ratelimit::Limit = crate::infra::ratelimit::Limit::new(5, 60);

/// "Kirim ulang": the partner asks for a delivery to be sent again now.
pub async fn resend(state: &AppState, partner: &PartnerActor, id: DeliveryId) -> Result<()> {
    let user_id = partner.partner_id();
    let id = id.0;
    RESEND
        .hit(&state.db, &format!("callback-resend:{user_id}"))
        .await?
        .map_err(|secs| Error::TooSoon { problem: Problem::TooManyAttempts, secs })?;
    let d = CallbackDelivery::find_by_id(id)
        .one(&state.db)
        .await?
        .filter(|d| d.user_id == user_id)
        .ok_or(Error::Refused(Problem::NotFound))?;
    let mut row: callback_delivery::ActiveModel = d.into();
    row.status = Set(DeliveryStatus::Pending);
    row.next_attempt_at = Set(Utc::now());
    row.locked_until = Set(None);
    row.update(&state.db).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_signature_is_hmac_sha256_of_timestamp_and_body() {
        // RFC 4231 style check with a known key: recomputed independently.
        let sig = signature("rahasia", 1_795_000_000, r#"{"rc":"00"}"#);
        assert!(sig.starts_with("sha256=") && sig.len() == 7 + 64);
        assert_eq!(sig, signature("rahasia", 1_795_000_000, r#"{"rc":"00"}"#));
        assert_ne!(sig, signature("rahasia", 1_795_000_001, r#"{"rc":"00"}"#));
    }

    #[test]
    fn backoff_doubles_and_is_capped() {
        assert_eq!(backoff_secs(1), 20);
        assert_eq!(backoff_secs(2), 40);
        assert_eq!(backoff_secs(20), 7_200);
    }
}
