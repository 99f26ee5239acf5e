//! HTTP Digest authentication as partners' clients speak it (open-api.md
//! §2): MD5, `qop="auth"`, the challenge in the documented shape, and a
//! parser lenient enough for python-requests, Guzzle, Go, curl and the
//! official PHP sample. Pure functions: the nonce store is elsewhere.

use md5::{Digest, Md5};

/// What the gateway sends with a 401.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Challenge {
    pub realm: String,
    pub nonce: String,
    pub opaque: String,
}

impl Challenge {
    /// `Digest realm="…",qop="auth",nonce="…",opaque="…"`: no spaces after
    /// commas, no `algorithm` (MD5), exactly as the documentation shows.
    pub fn header_value(&self) -> String {
        format!(r#"Digest realm="{}",qop="auth",nonce="{}",opaque="{}""#, self.realm, self.nonce, self.opaque)
    }
}

/// The parameters of an `Authorization: Digest …` header, as sent.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Credentials {
    pub username: String,
    pub realm: String,
    pub nonce: String,
    pub uri: String,
    pub response: String,
    pub qop: Option<String>,
    pub nc: Option<String>,
    pub cnonce: Option<String>,
    pub opaque: Option<String>,
    pub algorithm: Option<String>,
}

fn md5_hex(s: &str) -> String {
    hex::encode(Md5::digest(s.as_bytes()))
}

/// `MD5(username:realm:password)`: the only thing the gateway stores.
pub fn ha1(username: &str, realm: &str, password: &str) -> String {
    md5_hex(&format!("{username}:{realm}:{password}"))
}

/// `MD5(method:uri)`, the uri as the header sent it.
pub fn ha2(method: &str, uri: &str) -> String {
    md5_hex(&format!("{method}:{uri}"))
}

/// Splits `key=value, key="quoted, value", …` into pairs. Keys are
/// lower-cased; quoted values may hold commas, `=` and `\"`.
fn pairs(s: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut chars = s.chars().peekable();
    loop {
        while chars.next_if(|c| c.is_whitespace() || *c == ',').is_some() {}
        let mut key = String::new();
        while let Some(c) = chars.next_if(|c| *c != '=' && *c != ',') {
            key.push(c);
        }
        let key = key.trim().to_ascii_lowercase();
        if chars.next_if_eq(&'=').is_none() {
            if chars.peek().is_none() {
                return out;
            }
            continue; // a bare token: skip it
        }
        while chars.next_if(|c| *c == ' ' || *c == '\t').is_some() {}
        let mut value = String::new();
        if chars.next_if_eq(&'"').is_some() {
            while let Some(c) = chars.next() {
                match c {
                    '\\' => value.extend(chars.next()),
                    '"' => break,
                    c => value.push(c),
                }
            }
            // Anything between the closing quote and the next comma is junk.
            while chars.next_if(|c| *c != ',').is_some() {}
        } else {
            while let Some(c) = chars.next_if(|c| *c != ',') {
                value.push(c);
            }
            value = value.trim().to_owned();
        }
        if !key.is_empty() {
            out.push((key, value));
        }
    }
}

/// Parses an `Authorization` header value; `None` unless it is a Digest
/// header with the five parameters every response needs.
pub fn parse(header: &str) -> Option<Credentials> {
    let header = header.trim_start();
    let (scheme, params) = (header.get(..6)?, header.get(6..)?);
    if !scheme.eq_ignore_ascii_case("digest") {
        return None;
    }
    let mut c = Credentials::default();
    for (k, v) in pairs(params) {
        match k.as_str() {
            "username" => c.username = v,
            "realm" => c.realm = v,
            "nonce" => c.nonce = v,
            "uri" => c.uri = v,
            "response" => c.response = v.to_ascii_lowercase(),
            "qop" => c.qop = Some(v),
            "nc" => c.nc = Some(v),
            "cnonce" => c.cnonce = Some(v),
            "opaque" => c.opaque = Some(v),
            "algorithm" => c.algorithm = Some(v),
            _ => {}
        }
    }
    let complete = [&c.username, &c.realm, &c.nonce, &c.uri, &c.response].iter().all(|v| !v.is_empty());
    complete.then_some(c)
}

/// Reads a `WWW-Authenticate: Digest …` challenge (as a client does).
pub fn parse_challenge(header: &str) -> Option<Challenge> {
    let header = header.trim_start();
    let (scheme, params) = (header.get(..6)?, header.get(6..)?);
    if !scheme.eq_ignore_ascii_case("digest") {
        return None;
    }
    let (mut realm, mut nonce, mut opaque) = (None, None, String::new());
    for (k, v) in pairs(params) {
        match k.as_str() {
            "realm" => realm = Some(v),
            "nonce" => nonce = Some(v),
            "opaque" => opaque = v,
            _ => {}
        }
    }
    Some(Challenge { realm: realm?, nonce: nonce?, opaque })
}

/// The response a client knowing the password computes: with qop,
/// `MD5(HA1:nonce:nc:cnonce:qop:HA2)`, nc hashed exactly as sent; without
/// (RFC 2069 clients), `MD5(HA1:nonce:HA2)`. `HA2 = MD5(method:uri)` with
/// the header's uri as sent.
pub fn expected_response(ha1: &str, method: &str, c: &Credentials) -> String {
    let ha2 = ha2(method, &c.uri);
    match &c.qop {
        Some(qop) => md5_hex(&format!(
            "{ha1}:{}:{}:{}:{qop}:{ha2}",
            c.nonce,
            c.nc.as_deref().unwrap_or_default(),
            c.cnonce.as_deref().unwrap_or_default()
        )),
        None => md5_hex(&format!("{ha1}:{}:{ha2}", c.nonce)),
    }
}

/// Whether `c` proves knowledge of the password behind `ha1` (compared in
/// constant time), for MD5 only.
pub fn verify(ha1: &str, method: &str, c: &Credentials) -> bool {
    if c.algorithm.as_deref().is_some_and(|a| !a.eq_ignore_ascii_case("md5")) {
        return false;
    }
    let expected = expected_response(ha1, method, c);
    expected.len() == c.response.len()
        && expected.bytes().zip(c.response.bytes()).fold(0u8, |acc, (a, b)| acc | (a ^ b)) == 0
}

/// The documentation's test vector (open-api.md §2) worked through by the
/// functions above, for the Authentikasi page: what a client computes and
/// the header it sends.
pub fn worked_vector() -> domain::docs::DigestVectorOut {
    let (username, password, realm) = ("test", "123", "Design Jaya Indonesia");
    let (method, uri) = ("POST", "/auth/Sign-On");
    let (nonce, opaque) = ("8fd2ac10461cccf1ae292f199a624f31", "cbc8dab96cd97d38d6ce3cd8003b0203");
    let (cnonce, nc, qop) = ("098f6bcd4621d373cade4e832627b4f6", "00000001", "auth");
    let ha1 = ha1(username, realm, password);
    let sent = |nc: &str| Credentials {
        username: username.into(),
        realm: realm.into(),
        nonce: nonce.into(),
        uri: uri.into(),
        qop: Some(qop.into()),
        nc: Some(nc.into()),
        cnonce: Some(cnonce.into()),
        opaque: Some(opaque.into()),
        ..Default::default()
    };
    let response = expected_response(&ha1, method, &sent(nc));
    let challenge = Challenge { realm: realm.into(), nonce: nonce.into(), opaque: opaque.into() };
    domain::docs::DigestVectorOut {
        authorization: format!(
            r#"Digest username="{username}",realm="{realm}",nonce="{nonce}",uri="{uri}",qop={qop},nc={nc},cnonce="{cnonce}",response="{response}",opaque="{opaque}""#
        ),
        challenge: challenge.header_value(),
        ha2: ha2(method, uri),
        response_nc_1: expected_response(&ha1, method, &sent("1")),
        response,
        ha1,
        username: username.into(),
        password: password.into(),
        realm: realm.into(),
        method: method.into(),
        uri: uri.into(),
        nonce: nonce.into(),
        cnonce: cnonce.into(),
        nc: nc.into(),
        qop: qop.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_challenge_reads_back_as_it_was_sent() {
        let c = Challenge { realm: "Web Open API".into(), nonce: "abc".into(), opaque: "x,y".into() };
        assert_eq!(parse_challenge(&c.header_value()), Some(c));
        assert_eq!(parse_challenge("Basic realm=\"x\""), None);
        assert_eq!(parse_challenge("Digest realm=\"x\""), None, "no nonce");
    }

    #[test]
    fn the_worked_vector_is_the_documentations_and_verifies() {
        let v = worked_vector();
        assert_eq!(v.ha1, "484dd8a019733c0f7fc4b9fdc61a89ab");
        assert_eq!(v.ha2, "e02ef087696a6b2e6145ea79d3e7b888");
        assert_eq!(v.response, "091fe21c24dbb5481447d302db7632fc");
        assert_eq!(v.response_nc_1, "16c97c15f19dff737dceb4a8e93684b6");
        let sent = parse(&v.authorization).unwrap();
        assert!(verify(&v.ha1, "POST", &sent));
    }

    const VECTOR: &str = r#"Digest username="test", realm="Design Jaya Indonesia", nonce="8fd2ac10461cccf1ae292f199a624f31", uri="/auth/Sign-On", qop=auth, nc=00000001, cnonce="098f6bcd4621d373cade4e832627b4f6", response="091fe21c24dbb5481447d302db7632fc", opaque="cbc8dab96cd97d38d6ce3cd8003b0203""#;

    #[test]
    fn the_documentation_test_vector() {
        let ha1 = ha1("test", "Design Jaya Indonesia", "123");
        assert_eq!(ha1, "484dd8a019733c0f7fc4b9fdc61a89ab");
        assert_eq!(md5_hex("POST:/auth/Sign-On"), "e02ef087696a6b2e6145ea79d3e7b888");
        let c = parse(VECTOR).unwrap();
        assert_eq!(expected_response(&ha1, "POST", &c), "091fe21c24dbb5481447d302db7632fc");
        assert!(verify(&ha1, "POST", &c));
        assert!(!verify(&ha1, "GET", &c));
        // nc is hashed as sent: "1" gives another response.
        let one = Credentials { nc: Some("1".into()), ..c };
        assert_eq!(expected_response(&ha1, "POST", &one), "16c97c15f19dff737dceb4a8e93684b6");
    }

    #[test]
    fn every_client_style_parses_alike() {
        let styles = [
            // python-requests
            r#"Digest username="test", realm="R", nonce="n1", uri="/auth/Sign-On", response="abc", opaque="o", algorithm="MD5", qop="auth", nc=00000001, cnonce="c1""#,
            // Guzzle / PHP curl: no spaces after commas, quoted qop
            r#"Digest username="test",realm="R",nonce="n1",uri="/auth/Sign-On",cnonce="c1",nc=00000001,qop="auth",response="abc",opaque="o""#,
            // Go: unquoted qop and nc in another order
            r#"Digest username="test", realm="R", nonce="n1", uri="/auth/Sign-On", cnonce="c1", nc=00000001, qop=auth, response="abc", opaque="o", algorithm=MD5"#,
            // lower-case scheme, odd spacing
            r#"digest  username = "test" ,realm="R",  nonce="n1",uri="/auth/Sign-On",qop=auth,nc=00000001,cnonce="c1",response="ABC",opaque="o""#,
        ];
        for s in styles {
            let c = parse(s).unwrap_or_else(|| panic!("{s}"));
            assert_eq!(
                (c.username.as_str(), c.realm.as_str(), c.nonce.as_str(), c.uri.as_str(), c.response.as_str()),
                ("test", "R", "n1", "/auth/Sign-On", "abc"),
                "{s}"
            );
            assert_eq!(
                (c.qop.as_deref(), c.nc.as_deref(), c.cnonce.as_deref()),
                (Some("auth"), Some("00000001"), Some("c1"))
            );
        }
    }

    #[test]
    fn quoted_values_keep_commas_equals_and_escapes() {
        // curl's cnonce is base64 and may end in '='.
        let c =
            parse(r#"Digest username="a\"b", realm="x,y", nonce="n", uri="/u?a=1,2", cnonce="MTIz==", response="r""#)
                .unwrap();
        assert_eq!((c.username.as_str(), c.realm.as_str(), c.uri.as_str()), ("a\"b", "x,y", "/u?a=1,2"));
        assert_eq!(c.cnonce.as_deref(), Some("MTIz=="));
    }

    #[test]
    fn incomplete_or_foreign_headers_are_refused() {
        assert_eq!(parse("Basic dGVzdDoxMjM="), None);
        assert_eq!(parse("Digest"), None);
        assert_eq!(parse(r#"Digest username="a", realm="r", nonce="n", uri="/""#), None, "no response");
        assert_eq!(parse(""), None);
        assert_eq!(parse("Digé"), None);
    }

    #[test]
    fn the_challenge_has_the_documented_shape() {
        let c = Challenge { realm: "Design Jaya Indonesia".into(), nonce: "8fd2".into(), opaque: "cbc8".into() };
        assert_eq!(c.header_value(), r#"Digest realm="Design Jaya Indonesia",qop="auth",nonce="8fd2",opaque="cbc8""#);
    }
}

/// The parser is fed header-like values and arbitrary text and must never
/// panic (open-api.md §2). `make test` runs 20 000 + 5 000 cases; the full
/// run is `DIGEST_FUZZ_CASES=1000000 cargo test -p backend --lib fuzz`
/// (1 000 000 cases, about 7 minutes in a debug build).
#[cfg(test)]
mod fuzz {
    use proptest::prelude::*;

    fn cases(default: u32) -> u32 {
        std::env::var("DIGEST_FUZZ_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(default)
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: cases(20_000), failure_persistence: None, ..ProptestConfig::default() })]
        #[test]
        fn header_like_values_never_panic(
            s in r#"[Dd][Ii]gest[ ,]{0,2}(( ?[A-Za-z]{1,9} ?= ?("([^"\\]|\\.){0,12}"?|[A-Za-z0-9=/+\-]{0,10}))?,? ?){0,12}"#
        ) {
            let _ = super::parse(&s);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: cases(5_000), failure_persistence: None, ..ProptestConfig::default() })]
        #[test]
        fn arbitrary_text_never_panics(s in "\\PC{0,200}") {
            let _ = super::parse(&s);
        }
    }
}
