//! "Coba API" (issue 16): a signed-in partner's call to the development
//! gateway, made by the portal as that partner. The portal keeps the
//! partner's HA1 — all a digest response needs — never the password. What
//! the page shows of the exchange has the secret parts masked: the digest
//! response and the SessionID (either lets someone act as the partner).

use crate::authz::PartnerActor;
use crate::entity::api_credential::{self, Entity as ApiCredential};
use crate::entity::api_log::{self, Entity as ApiLog};
use crate::entity::gateway_session::{self, Entity as GatewaySession};
use crate::entity::OfPartner;
use crate::error::{Error, Result};
use crate::gateway::digest::{self, Challenge, Credentials};
use crate::AppState;
use chrono::{DateTime, Utc};
use domain::docs::{HttpMessageOut, TryIn, TryOut, SESSION_STAND_IN};
use domain::{ApiLogId, Env, Problem};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

/// Marks a request the portal's console hands to the gateway in-process
/// (a request extension: no client on the network can set it). The
/// gateway skips the address whitelist for it — the caller is the portal,
/// acting for a signed-in partner — and nothing else.
#[derive(Debug, Clone, Copy)]
pub struct ConsoleCall;

/// What the API log shows as the caller's address of a console call.
pub const CONSOLE_ADDRESS: &str = "Coba API";

/// One request the console sends to the gateway.
#[derive(Debug, Clone)]
pub struct Outgoing {
    pub path: String,
    pub authorization: Option<String>,
    pub body: String,
}

/// The gateway's answer to it.
#[derive(Debug, Clone)]
pub struct Incoming {
    pub status: u16,
    pub reason: String,
    /// The headers worth showing (`WWW-Authenticate`, `Content-Type`, …).
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Incoming {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

/// Sends `input` as the partner the way a digest client does — unsigned
/// first, then signed for the challenge the 401 carried — through `send`
/// (the development gateway), and tells the whole exchange.
pub async fn call<F, Fut>(state: &AppState, partner: &PartnerActor, input: TryIn, send: F) -> Result<TryOut>
where
    F: Fn(Outgoing) -> Fut,
    Fut: std::future::Future<Output = Result<Incoming>>,
{
    if !is_service(&input.path) {
        return Err(Error::Refused(Problem::NotFound));
    }
    let signer = signer(state, partner).await?;
    let session = open_session(state, partner).await?;
    let body = match &session {
        Some(s) => input.body.replace(SESSION_STAND_IN, s),
        None => input.body.clone(),
    };
    let since = Utc::now() - chrono::Duration::seconds(1);
    let first = Outgoing { path: input.path.clone(), authorization: None, body: body.clone() };
    let challenged = send(first.clone()).await?;
    let mut messages = vec![request_text(&first, session.as_deref()), answer_text(&challenged, None)];
    let mut last = challenged.clone();
    if let Some(challenge) = challenged.header("www-authenticate").and_then(digest::parse_challenge) {
        let signed = Outgoing { authorization: Some(signer.authorization(&challenge, "POST", &input.path)), ..first };
        last = send(signed.clone()).await?;
        // A Sign-On answers with a new session: masked like the one sent.
        let opened = serde_json::from_str::<serde_json::Value>(&last.body)
            .ok()
            .and_then(|v| v.get("SessionID").and_then(|s| s.as_str()).map(str::to_owned));
        messages.push(request_text(&signed, session.as_deref()));
        messages.push(answer_text(&last, opened.as_deref().or(session.as_deref())));
    }
    let rc = serde_json::from_str::<serde_json::Value>(&last.body)
        .ok()
        .and_then(|v| v.get("rc").and_then(|rc| rc.as_str()).map(str::to_owned));
    let log = logged_entry(state, partner, &input.path, since).await?;
    Ok(TryOut { messages, status: last.status, rc, log })
}

/// A request as it goes over the wire, secrets masked.
fn request_text(r: &Outgoing, session: Option<&str>) -> HttpMessageOut {
    let mut text = format!("POST {} HTTP/1.1\nContent-Type: application/json\n", r.path);
    if let Some(a) = &r.authorization {
        text.push_str(&format!("Authorization: {}\n", masked_authorization(a)));
    }
    text.push('\n');
    text.push_str(&masked_body(&r.body, session));
    HttpMessageOut { outgoing: true, text }
}

/// An answer as it came back, secrets masked.
fn answer_text(r: &Incoming, session: Option<&str>) -> HttpMessageOut {
    let mut text = format!("HTTP/1.1 {} {}\n", r.status, r.reason);
    for (k, v) in &r.headers {
        text.push_str(&format!("{k}: {v}\n"));
    }
    text.push('\n');
    text.push_str(&masked_body(&r.body, session));
    HttpMessageOut { outgoing: false, text }
}

/// The services the console may call: the documented ones.
pub fn is_service(path: &str) -> bool {
    path == "/auth/Sign-On"
        || path.strip_prefix("/Services/").is_some_and(|name| crate::gateway::SERVICES.contains(&name))
}

/// Signs requests as the partner's development user.
pub struct Signer {
    pub username: String,
    ha1: String,
}

/// The partner's development credentials; a partner not yet approved has
/// none.
pub async fn signer(state: &AppState, partner: &PartnerActor) -> Result<Signer> {
    let cred = ApiCredential::find()
        .filter(api_credential::Column::UserId.eq(partner.partner_id()))
        .filter(api_credential::Column::Environment.eq(Env::Development))
        .one(&state.db)
        .await?
        .ok_or(Error::Refused(Problem::NoCredentials))?;
    Ok(Signer { username: cred.username, ha1: cred.ha1 })
}

impl Signer {
    /// The `Authorization` header answering `challenge` for `method uri`,
    /// as python-requests writes it.
    pub fn authorization(&self, challenge: &Challenge, method: &str, uri: &str) -> String {
        let cnonce = hex::encode(rand::random::<[u8; 8]>());
        let c = Credentials {
            username: self.username.clone(),
            realm: challenge.realm.clone(),
            nonce: challenge.nonce.clone(),
            uri: uri.to_owned(),
            qop: Some("auth".into()),
            nc: Some("00000001".into()),
            cnonce: Some(cnonce),
            opaque: Some(challenge.opaque.clone()),
            ..Credentials::default()
        };
        let response = digest::expected_response(&self.ha1, method, &c);
        format!(
            r#"Digest username="{}", realm="{}", nonce="{}", uri="{uri}", response="{response}", opaque="{}", algorithm="MD5", qop="auth", nc=00000001, cnonce="{}""#,
            c.username,
            c.realm,
            c.nonce,
            challenge.opaque,
            c.cnonce.unwrap_or_default()
        )
    }
}

/// The partner's newest development session still open, if any: the
/// console fills it in where a body says `{sessionID}`.
pub async fn open_session(state: &AppState, partner: &PartnerActor) -> Result<Option<String>> {
    let row = GatewaySession::find()
        .filter(gateway_session::Column::UserId.eq(partner.partner_id()))
        .filter(gateway_session::Column::Environment.eq(Env::Development))
        .filter(gateway_session::Column::ExpiresAt.gt(Utc::now()))
        .order_by_desc(gateway_session::Column::CreatedAt)
        .one(&state.db)
        .await?;
    Ok(row.map(|r| r.session_id))
}

/// The API log entry of the console's call to `path` made since `since`.
pub async fn logged_entry(
    state: &AppState,
    partner: &PartnerActor,
    path: &str,
    since: DateTime<Utc>,
) -> Result<Option<ApiLogId>> {
    state.api_log.flush().await;
    let row = ApiLog::of_partner(partner.partner_id())
        .filter(api_log::Column::Environment.eq(Env::Development))
        .filter(api_log::Column::Path.eq(path))
        .filter(api_log::Column::At.gte(since))
        .order_by_desc(api_log::Column::At)
        .one(&state.db)
        .await?;
    Ok(row.map(|r| ApiLogId(r.id)))
}

/// A secret shown by its last four characters only.
pub fn masked(secret: &str) -> String {
    let chars: Vec<char> = secret.chars().collect();
    let kept: String = chars.iter().skip(chars.len().saturating_sub(4)).collect();
    format!("••••••••{kept}")
}

/// An `Authorization` header with its digest response masked.
pub fn masked_authorization(header: &str) -> String {
    match digest::parse(header) {
        Some(c) if !c.response.is_empty() => header.replace(&c.response, &masked(&c.response)),
        _ => header.to_owned(),
    }
}

/// A body with the session in it masked.
pub fn masked_body(text: &str, session: Option<&str>) -> String {
    match session {
        Some(s) if !s.is_empty() => text.replace(s, &masked(s)),
        _ => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_header_signed_for_a_challenge_verifies_and_shows_no_response() {
        let ha1 = digest::ha1("dev-user", "Web Open API", "rahasia");
        let signer = Signer { username: "dev-user".into(), ha1: ha1.clone() };
        let challenge = Challenge { realm: "Web Open API".into(), nonce: "n0nce".into(), opaque: "op".into() };
        let header = signer.authorization(&challenge, "POST", "/Services/Inquiry");
        let c = digest::parse(&header).expect("a digest header");
        assert!(digest::verify(&ha1, "POST", &c));
        assert!(c.opaque.as_deref() == Some("op") && c.uri == "/Services/Inquiry");
        let shown = masked_authorization(&header);
        assert!(!shown.contains(&c.response) && shown.contains(&c.response[28..]), "{shown}");
    }

    #[test]
    fn a_secret_keeps_only_its_last_four() {
        assert_eq!(masked("9f1c2e4b7a3d"), "••••••••7a3d");
        assert_eq!(masked("ab"), "••••••••ab");
    }

    #[test]
    fn services_are_the_documented_ones() {
        assert!(is_service("/auth/Sign-On") && is_service("/Services/Inquiry"));
        assert!(!is_service("/Services/") && !is_service("/admin") && !is_service("/Services/Inquiry/x"));
    }
}
