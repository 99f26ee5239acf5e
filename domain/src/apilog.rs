//! The API log (beyond the original portal): every gateway request with
//! what the partner needs to fix their client — why a digest failed, in
//! words, the rc, the latency and, in development, the bodies with their
//! secrets masked.

use crate::ids::ApiLogId;
use crate::Env;

stored_enum! {
    /// How a request's authentication ended ("Autentikasi").
    pub enum AuthOutcome {
        Ok = "ok",
        /// No `Authorization` header: the client's first, challenged call.
        NoHeader = "no_header",
        /// A header that is not a digest this gateway can read.
        Malformed = "malformed",
        WrongRealm = "wrong_realm",
        /// The signed `uri` is not this request's path.
        WrongUri = "wrong_uri",
        /// A nonce we never issued, or one older than five minutes.
        StaleNonce = "stale_nonce",
        /// This nonce and `nc` were used before.
        Replayed = "replayed",
        /// No credentials of this environment with that username.
        UnknownUser = "unknown_user",
        /// The response does not match this user's password.
        WrongPassword = "wrong_password",
        /// The caller's address is not approved for this environment.
        AddressRefused = "address_refused",
        /// Over the merchant's requests per minute.
        RateLimited = "rate_limited",
        /// The operator suspended the partner: refused with rc 10.
        Suspended = "suspended",
    }
}

stored_enum! {
    /// How the Sign-On session of a service call was judged.
    pub enum SessionOutcome {
        Valid = "valid",
        /// Missing, unknown, of another day, or over the daily sign-ons.
        Refused = "refused",
    }
}

/// One row of "Log API".
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ApiLogOut {
    pub id: ApiLogId,
    /// WIB, as every time the portal shows.
    pub at: String,
    pub environment: Env,
    pub method: String,
    pub path: String,
    pub client_ip: String,
    pub auth: AuthOutcome,
    pub session: Option<SessionOutcome>,
    pub product_code: Option<String>,
    pub reference_id: Option<String>,
    pub rc: Option<String>,
    pub http_status: u16,
    pub latency_ms: u32,
}

/// One request in full: the row and the masked bodies (development only).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ApiLogDetail {
    pub row: ApiLogOut,
    /// The username the digest named (shown for unknown users too).
    pub username: Option<String>,
    pub request_body: Option<String>,
    pub response_body: Option<String>,
}

/// Filters of "Log API" beside the list's own search and paging. With no
/// filter set a browser sends nothing of it: every field may be missing.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct ApiLogFilter {
    pub environment: Option<Env>,
    pub auth: Option<AuthOutcome>,
    /// Only requests answered with this rc.
    pub rc: Option<String>,
}

/// "Periksa header": an `Authorization` header a partner pasted, and the
/// path of the request it signed.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DigestCheckIn {
    pub header: String,
    pub path: String,
}

/// What the debugger found of one part of the header.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum DigestNote {
    /// Not a Digest header the gateway can read.
    NotDigest,
    Missing,
    Matches,
    Differs,
    /// One of the partner's usernames (the detail names the environment).
    YourUser,
    /// No username of this partner (whose it is, if anyone's, is not said).
    NotYourUser,
    /// Issued by the gateway, still good (the detail: its age in seconds).
    NonceFresh,
    NonceExpired,
    /// Not issued by the gateway (made up, cut, or from elsewhere).
    NonceForeign,
    /// Issued by the gateway of the other environment.
    NonceOtherEnv,
    /// This nonce with this nc was used already: a replay.
    NonceUsed,
    NcInvalid,
    /// No qop: the RFC 2069 form, one use per nonce.
    QopMissing,
    QopOther,
    AlgorithmOther,
    ResponseOk,
    /// Wrong: the password, or a part hashed otherwise than sent.
    ResponseWrong,
    /// Right for another method than POST (the detail names it).
    ResponseOtherMethod,
    /// Not checked: the username is not the partner's.
    NotChecked,
}

/// One part of the header, checked.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DigestFieldOut {
    pub field: String,
    pub value: String,
    pub ok: bool,
    pub note: DigestNote,
    /// What the note refers to: the expected realm or path, a nonce's age,
    /// an environment, a method.
    pub detail: Option<String>,
}

/// The header checked part by part, and what the gateway would say of it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct DigestCheckOut {
    pub fields: Vec<DigestFieldOut>,
    pub verdict: AuthOutcome,
}
