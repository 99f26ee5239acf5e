//! Digest authentication of gateway requests against the stored HA1, with
//! nonces kept in the database so that every gateway instance accepts the
//! others' nonces and refuses a replayed (nonce, nc) on any of them.

use super::digest::{self, Challenge};
use super::{Env, Merchant};
use crate::entity::api_credential::{self, Entity as ApiCredential};
use crate::entity::digest_nonce::{self, Entity as DigestNonce};
use crate::entity::digest_nonce_use::{self, Entity as DigestNonceUse};
use crate::entity::profile::Entity as Profile;
use crate::error::{is_unique_violation, Result};
use crate::AppState;
use chrono::{Duration, Utc};
use rand::RngCore;
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};

/// How long an issued nonce may be used.
pub const NONCE_TTL_SECS: i64 = 300;

fn random_hex() -> String {
    let mut bytes = [0u8; 16];
    rand::thread_rng().fill_bytes(&mut bytes);
    hex::encode(bytes)
}

/// A fresh challenge; its nonce is stored for every instance to see.
pub async fn challenge(state: &AppState, env: Env) -> Result<Challenge> {
    let nonce = random_hex();
    let now = Utc::now();
    DigestNonce::insert(digest_nonce::ActiveModel {
        nonce: Set(nonce.clone()),
        environment: Set(env.code().into()),
        expires_at: Set(now + Duration::seconds(NONCE_TTL_SECS)),
    })
    .exec(&state.db)
    .await?;
    // Now and then, forget what expired (their uses go with them).
    if rand::random::<u8>() < 3 {
        purge_expired(state).await?;
    }
    Ok(Challenge { realm: state.config.digest_realm.clone(), nonce, opaque: random_hex() })
}

pub async fn purge_expired(state: &AppState) -> Result<u64> {
    let cutoff = Utc::now();
    let expired: Vec<String> = DigestNonce::find()
        .filter(digest_nonce::Column::ExpiresAt.lt(cutoff))
        .all(&state.db)
        .await?
        .into_iter()
        .map(|n| n.nonce)
        .collect();
    DigestNonceUse::delete_many()
        .filter(digest_nonce_use::Column::Nonce.is_in(expired.clone()))
        .exec(&state.db)
        .await?;
    Ok(DigestNonce::delete_many()
        .filter(digest_nonce::Column::Nonce.is_in(expired))
        .exec(&state.db)
        .await?
        .rows_affected)
}

/// The merchant whose credentials of `env` sign this request, or `None`
/// (answer with a new challenge): no or malformed header, another realm,
/// unknown user, wrong response, unknown or expired nonce, or a replay.
#[tracing::instrument(skip_all, fields(env = env.code()))]
pub async fn authenticate(state: &AppState, env: Env, method: &str, header: Option<&str>) -> Result<Option<Merchant>> {
    let Some(c) = header.and_then(digest::parse) else { return Ok(None) };
    if c.realm != state.config.digest_realm {
        return Ok(None);
    }
    let Some(cred) = ApiCredential::find()
        .filter(api_credential::Column::Username.eq(&c.username))
        .filter(api_credential::Column::Environment.eq(env.code()))
        .one(&state.db)
        .await?
    else {
        tracing::info!("digest: unknown user for this environment");
        return Ok(None);
    };
    if !digest::verify(&cred.ha1, method, &c) {
        tracing::info!("digest: wrong response");
        return Ok(None);
    }
    let nonce = DigestNonce::find_by_id(c.nonce.clone()).one(&state.db).await?;
    if !nonce.is_some_and(|n| n.environment == env.code() && n.expires_at > Utc::now()) {
        return Ok(None);
    }
    let used = DigestNonceUse::insert(digest_nonce_use::ActiveModel {
        nonce: Set(c.nonce.clone()),
        nc: Set(c.nc.clone().unwrap_or_default()),
        used_at: Set(Utc::now()),
    })
    .exec(&state.db)
    .await;
    match used {
        Err(e) if is_unique_violation(&e) => {
            tracing::info!("digest: replayed nonce");
            return Ok(None);
        }
        r => r?,
    };
    let merchant_id = Profile::find_by_id(cred.user_id).one(&state.db).await?.and_then(|p| p.merchant_id);
    Ok(merchant_id.map(|merchant_id| Merchant { user_id: cred.user_id, merchant_id, env }))
}
