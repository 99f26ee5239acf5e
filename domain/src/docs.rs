//! What the Dokumentasi pages (issue 16) read from the server: the
//! response codes as the gateway's table has them, and the digest test
//! vector worked through by the gateway's own digest code.

use serde::{Deserialize, Serialize};

/// How a partner reads an rc at one step (open-api.md §6).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Meaning {
    Success,
    Pending,
    Failed,
}

/// One row of "Daftar Kode Response".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RcRowOut {
    pub code: String,
    pub text: String,
    pub inquiry: Meaning,
    /// The first answer of Payment and SinglePayment.
    pub payment: Meaning,
    /// Check-Status and the callback.
    pub status: Meaning,
}

/// The documentation's digest test vector, computed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DigestVectorOut {
    pub username: String,
    pub password: String,
    pub realm: String,
    pub method: String,
    pub uri: String,
    pub nonce: String,
    pub cnonce: String,
    pub nc: String,
    pub qop: String,
    pub challenge: String,
    pub ha1: String,
    pub ha2: String,
    pub response: String,
    /// The same with nc sent as `1`: hashed as sent, so another response.
    pub response_nc_1: String,
    pub authorization: String,
}

/// Where a documented body holds the partner's session: the examples'
/// stand-in, which "Coba API" fills with the partner's open session.
pub const SESSION_STAND_IN: &str = "{sessionID}";

/// "Coba API": the service's path and the body to send as the partner.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TryIn {
    pub path: String,
    pub body: String,
}

/// One HTTP message of a console call, as it went over the wire (secret
/// parts masked).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HttpMessageOut {
    /// Sent by the partner's side (else the gateway's answer).
    pub outgoing: bool,
    pub text: String,
}

/// A console call: the challenge round trip and the signed request with
/// its answer, the answer's rc, and the entry it made in "Log API".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TryOut {
    pub messages: Vec<HttpMessageOut>,
    /// The HTTP status of the last answer.
    pub status: u16,
    pub rc: Option<String>,
    pub log: Option<crate::ApiLogId>,
}

/// A code sample as the Sign On and Payment pages show it: Sign On,
/// Inquiry and Payment in one language, with the development gateway's
/// address and the partner's merchant ID put in. Made on the server, so
/// the samples' text is not in the browser bundle (issue 17).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SampleOut {
    pub language: String,
    /// What runs it (`bash`, `go`): the page's test id.
    pub runner: String,
    pub file: String,
    pub code: String,
}
