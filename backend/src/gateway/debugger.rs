//! The digest debugger (issue 16): a partner pastes the `Authorization`
//! header of a refused call and sees it checked part by part, in the order
//! the gateway checks ([`super::auth::authenticate`]), without anything
//! being recorded. Only the partner's own usernames are checked against a
//! password; the expected response is never shown (whoever has it could
//! call as the partner), only whether the sent one is right.

use super::auth::{age_is_fresh, nonce_age, unix_now, use_key, NONCE_TTL_SECS};
use super::digest::{self, Credentials};
use super::Env;
use crate::authz::PartnerActor;
use crate::entity::api_credential::{self, Entity as ApiCredential};
use crate::entity::digest_nonce_use::{self, Entity as DigestNonceUse};
use crate::error::Result;
use crate::AppState;
use domain::apilog::{AuthOutcome, DigestCheckIn, DigestCheckOut, DigestFieldOut, DigestNote};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

fn field(name: &str, value: &str, ok: bool, note: DigestNote, detail: Option<String>) -> DigestFieldOut {
    DigestFieldOut { field: name.to_owned(), value: value.to_owned(), ok, note, detail }
}

/// Checks `input.header` as the gateway would for a POST to `input.path`.
pub async fn check(state: &AppState, partner: &PartnerActor, input: &DigestCheckIn) -> Result<DigestCheckOut> {
    let Some(c) = digest::parse(&input.header) else {
        let f = field("Authorization", input.header.trim(), false, malformed_note(&input.header), None);
        return Ok(DigestCheckOut { fields: vec![f], verdict: AuthOutcome::Malformed });
    };
    let cred = ApiCredential::find()
        .filter(api_credential::Column::Username.eq(&c.username))
        .filter(api_credential::Column::UserId.eq(partner.partner_id()))
        .one(&state.db)
        .await?;
    let env = cred.as_ref().map_or(Env::Development, |cred| cred.environment);
    let mut fields = Vec::new();
    let mut verdict = Vec::new();
    let mut note = |f: DigestFieldOut, refusal: AuthOutcome| {
        if !f.ok {
            verdict.push(refusal);
        }
        fields.push(f);
    };
    note(username(&c, cred.is_some(), env), AuthOutcome::UnknownUser);
    let realm = &state.config.digest_realm;
    note(
        field(
            "realm",
            &c.realm,
            &c.realm == realm,
            if &c.realm == realm { DigestNote::Matches } else { DigestNote::Differs },
            Some(realm.clone()),
        ),
        AuthOutcome::WrongRealm,
    );
    let uri_ok = super::auth::uri_matches(&c.uri, &input.path);
    let uri_note = if uri_ok { DigestNote::Matches } else { DigestNote::Differs };
    note(field("uri", &c.uri, uri_ok, uri_note, Some(input.path.clone())), AuthOutcome::WrongUri);
    note(nonce(state, env, &c.nonce), AuthOutcome::StaleNonce);
    for f in counters(&c) {
        note(f, AuthOutcome::Malformed);
    }
    if let Some(f) = algorithm(&c) {
        note(f, AuthOutcome::WrongPassword);
    }
    note(response(cred.as_ref().map(|cred| cred.ha1.as_str()), &c), AuthOutcome::WrongPassword);
    note(replay(state, &c).await?, AuthOutcome::Replayed);
    // The gateway's order: the first refusal is the one it logs.
    let order = [
        AuthOutcome::Malformed,
        AuthOutcome::WrongRealm,
        AuthOutcome::WrongUri,
        AuthOutcome::StaleNonce,
        AuthOutcome::UnknownUser,
        AuthOutcome::WrongPassword,
        AuthOutcome::Replayed,
    ];
    let verdict = order.into_iter().find(|o| verdict.contains(o)).unwrap_or(AuthOutcome::Ok);
    Ok(DigestCheckOut { fields, verdict })
}

/// Why a header did not parse: not Digest at all, or a part missing.
fn malformed_note(header: &str) -> DigestNote {
    let digest = header.trim_start().get(..6).is_some_and(|s| s.eq_ignore_ascii_case("digest"));
    if digest {
        DigestNote::Missing
    } else {
        DigestNote::NotDigest
    }
}

fn username(c: &Credentials, yours: bool, env: Env) -> DigestFieldOut {
    match yours {
        true => field("username", &c.username, true, DigestNote::YourUser, Some(env.code().to_owned())),
        false => field("username", &c.username, false, DigestNote::NotYourUser, None),
    }
}

fn nonce(state: &AppState, env: Env, nonce: &str) -> DigestFieldOut {
    let now = unix_now();
    let other = match env {
        Env::Development => Env::Production,
        Env::Production => Env::Development,
    };
    let (ok, note, detail) = match nonce_age(&state.nonce_key, env, nonce, now) {
        Some(age) if age_is_fresh(age) => (true, DigestNote::NonceFresh, Some(age.max(0).to_string())),
        Some(age) => (false, DigestNote::NonceExpired, Some(age.to_string())),
        None if nonce_age(&state.nonce_key, other, nonce, now).is_some() => {
            (false, DigestNote::NonceOtherEnv, Some(other.code().to_owned()))
        }
        None => (false, DigestNote::NonceForeign, Some(NONCE_TTL_SECS.to_string())),
    };
    field("nonce", nonce, ok, note, detail)
}

/// qop, nc and cnonce: with `qop=auth` an 8-hex-digit nc and a cnonce.
fn counters(c: &Credentials) -> Vec<DigestFieldOut> {
    let Some(qop) = &c.qop else {
        return vec![field("qop", "", true, DigestNote::QopMissing, None)];
    };
    let mut out = vec![field(
        "qop",
        qop,
        qop == "auth",
        if qop == "auth" { DigestNote::Matches } else { DigestNote::QopOther },
        Some("auth".into()),
    )];
    let nc = c.nc.clone().unwrap_or_default();
    let nc_ok = use_key(c).is_some() && nc.len() == 8 && nc.chars().all(|ch| ch.is_ascii_hexdigit());
    let nc_note = match (nc.is_empty(), nc_ok) {
        (true, _) => DigestNote::Missing,
        (false, true) => DigestNote::Matches,
        (false, false) => DigestNote::NcInvalid,
    };
    out.push(field("nc", &nc, nc_ok, nc_note, None));
    let cnonce = c.cnonce.clone().unwrap_or_default();
    let cnonce_note = if cnonce.is_empty() { DigestNote::Missing } else { DigestNote::Matches };
    out.push(field("cnonce", &cnonce, !cnonce.is_empty(), cnonce_note, None));
    out
}

fn algorithm(c: &Credentials) -> Option<DigestFieldOut> {
    let a = c.algorithm.as_deref()?;
    let ok = a.eq_ignore_ascii_case("md5");
    Some(field(
        "algorithm",
        a,
        ok,
        if ok { DigestNote::Matches } else { DigestNote::AlgorithmOther },
        Some("MD5".into()),
    ))
}

/// Whether the response proves the password (POST, as every call is); if
/// not, whether it would for another method — a common client mistake.
fn response(ha1: Option<&str>, c: &Credentials) -> DigestFieldOut {
    let Some(ha1) = ha1 else { return field("response", &c.response, false, DigestNote::NotChecked, None) };
    if digest::verify(ha1, "POST", c) {
        return field("response", &c.response, true, DigestNote::ResponseOk, None);
    }
    match ["GET", "PUT", "post"].into_iter().find(|m| digest::verify(ha1, m, c)) {
        Some(m) => field("response", &c.response, false, DigestNote::ResponseOtherMethod, Some(m.to_owned())),
        None => field("response", &c.response, false, DigestNote::ResponseWrong, None),
    }
}

/// Whether this nonce and nc were used already (read only: checking
/// records nothing).
async fn replay(state: &AppState, c: &Credentials) -> Result<DigestFieldOut> {
    let nc = use_key(c).unwrap_or_default();
    let used = DigestNonceUse::find()
        .filter(digest_nonce_use::Column::Nonce.eq(&c.nonce))
        .filter(digest_nonce_use::Column::Nc.eq(&nc))
        .count(&state.db)
        .await?
        > 0;
    let shown = format!("{} / nc {}", c.nonce, if nc.is_empty() { "–" } else { &nc });
    Ok(match used {
        true => field("nonce + nc", &shown, false, DigestNote::NonceUsed, None),
        false => field("nonce + nc", &shown, true, DigestNote::Matches, None),
    })
}
