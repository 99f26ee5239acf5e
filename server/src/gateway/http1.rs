//! The gateway's HTTP/1.1 listener: a small, strict-where-it-matters server
//! in front of the gateway's axum router, written for two quirks of the
//! official PHP sample that stock hyper refuses (open-api.md §2):
//!
//! - a request header written `Authorization : Digest …` (space before the
//!   colon) is accepted as `Authorization`;
//! - a 401's challenge goes out spelled `WWW-Authenticate`, as the last
//!   header line, because the sample splits the raw response text on
//!   `"WWW-Authenticate: "` and reads up to the word `error` in the body.
//!
//! Everything else is ordinary HTTP/1.1: keep-alive, `Content-Length` and
//! chunked request bodies, `Expect: 100-continue`, size limits.

use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::Router;
use http::{HeaderName, HeaderValue, Request, Response};
use http_body_util::BodyExt;
use std::future::Future;
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tower::ServiceExt;

const MAX_HEAD: usize = 16 * 1024;
const MAX_BODY: usize = 256 * 1024;
const MAX_HEADERS: usize = 64;
/// An idle keep-alive connection is closed after this long.
const IDLE: Duration = Duration::from_secs(30);
/// After refusing an address, how long unread input is drained so the
/// answer is not lost to a reset.
const LINGER: Duration = Duration::from_secs(1);

/// What a listener enforces besides the protocol.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Most connections open at once; the next one gets a 503 and is closed.
    pub max_connections: usize,
    /// Time for a request's head once its first byte came, and again for its body.
    pub read_timeout: Duration,
}

/// Who may talk to the listener, decided on the peer address right after
/// accept, before a byte is read.
pub trait Admission: Clone + Send + Sync + 'static {
    /// `Some(answer)`: refuse with this response and close.
    fn check(&self, peer: IpAddr) -> impl Future<Output = Option<Response<Body>>> + Send;
}

/// A connection that passed [`Admission`]: handlers need not ask again.
#[derive(Debug, Clone, Copy)]
pub struct Admitted;

/// Accepts connections until the listener fails; each runs on its own task.
pub async fn serve(listener: TcpListener, app: Router, limits: Limits, admission: impl Admission) {
    let slots = Arc::new(Semaphore::new(limits.max_connections));
    loop {
        match listener.accept().await {
            Ok((stream, peer)) => {
                let app = app.clone();
                let admission = admission.clone();
                let slot = slots.clone().try_acquire_owned();
                tokio::spawn(async move {
                    let _ = stream.set_nodelay(true);
                    let Ok(_slot) = slot else {
                        tracing::warn!(%peer, "gateway connection cap reached");
                        let _ = refuse(stream, plain(503, "error: too many connections"), None).await;
                        return;
                    };
                    if let Some(answer) = admission.check(peer.ip()).await {
                        let _ = refuse(stream, answer, Some(limits.read_timeout)).await;
                        return;
                    }
                    if let Err(e) = connection(stream, peer, app, limits.read_timeout).await {
                        tracing::debug!(%peer, error = %e, "gateway connection ended");
                    }
                });
            }
            Err(e) => {
                tracing::warn!(error = %e, "gateway accept failed");
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
        }
    }
}

/// Answers and closes without serving the request. With `wait_head`, the
/// answer waits (that long at most) for the request head to arrive — HTTP
/// clients drop an answer that comes before their request — but the head is
/// never parsed and the body never read; what comes after the answer is
/// drained briefly, so it is not lost to a reset.
async fn refuse<S: AsyncRead + AsyncWrite + Unpin>(
    mut io: S,
    answer: Response<Body>,
    wait_head: Option<Duration>,
) -> Result<(), ConnError> {
    if let Some(limit) = wait_head {
        let mut buf = Vec::new();
        if within(limit, read_head(&mut io, &mut buf)).await.is_err() {
            return Ok(());
        }
    }
    write_response(&mut io, answer, false).await?;
    io.shutdown().await?;
    let mut sink = [0u8; 4096];
    let _ = tokio::time::timeout(LINGER, async {
        let mut total = 0usize;
        while let Ok(n) = io.read(&mut sink).await {
            total += n;
            if n == 0 || total > MAX_BODY {
                break;
            }
        }
    })
    .await;
    Ok(())
}

/// Why a connection stopped: a malformed request gets a 400 first.
#[derive(Debug, thiserror::Error)]
enum ConnError {
    #[error("io: {0}")]
    Io(#[from] std::io::Error),
    #[error("bad request: {0}")]
    Bad(&'static str),
    #[error("timed out")]
    TimedOut,
    #[error("closed")]
    Closed,
}

async fn connection<S: AsyncRead + AsyncWrite + Unpin>(
    mut io: S,
    peer: SocketAddr,
    app: Router,
    read_timeout: Duration,
) -> Result<(), ConnError> {
    let mut buf: Vec<u8> = Vec::with_capacity(4096);
    loop {
        let parsed = match read_request(&mut io, &mut buf, read_timeout).await {
            Err(ConnError::Closed | ConnError::TimedOut) => return Ok(()),
            Err(ConnError::Bad(why)) => {
                write_response(&mut io, plain(400, why), false).await?;
                return Ok(());
            }
            Err(e) => return Err(e),
            Ok(r) => r,
        };
        let keep_alive = parsed.keep_alive;
        let mut req = parsed.request;
        req.extensions_mut().insert(ConnectInfo(peer));
        req.extensions_mut().insert(Admitted);
        let res = match app.clone().oneshot(req).await {
            Ok(res) => res,
            Err(never) => match never {},
        };
        write_response(&mut io, res, keep_alive).await?;
        if !keep_alive {
            return Ok(());
        }
    }
}

struct Parsed {
    request: Request<Body>,
    keep_alive: bool,
}

/// How the body of a request is delimited (RFC 9112 §6.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Framing {
    Length(usize),
    Chunked,
}

/// A request head, checked: what the body reader and the router need.
#[derive(Debug)]
pub struct Head {
    pub method: String,
    pub target: String,
    pub headers: Vec<(HeaderName, HeaderValue)>,
    pub framing: Framing,
    pub keep_alive: bool,
    pub expect_continue: bool,
}

/// Parses and checks a request head (up to and including the empty line).
///
/// Strict where request smuggling lives: one `Content-Length` of digits
/// only, `Transfer-Encoding` exactly `chunked` and never beside a
/// `Content-Length`, no obs-folded lines, no whitespace before a colon —
/// except `Authorization :`, which the official PHP sample sends.
pub fn parse_head(raw: &[u8]) -> Result<Head, &'static str> {
    let head = normalize_authorization(raw)?;
    let mut headers = [httparse::EMPTY_HEADER; MAX_HEADERS];
    let mut req = httparse::Request::new(&mut headers);
    match req.parse(&head) {
        Ok(httparse::Status::Complete(_)) => {}
        _ => return Err("malformed request"),
    }
    let method = req.method.ok_or("no method")?.to_owned();
    let target = req.path.ok_or("no path")?.to_owned();
    let mut keep_alive = req.version.unwrap_or(1) == 1;
    let (mut length, mut chunked, mut expect_continue) = (None, false, false);
    let mut out = Vec::with_capacity(req.headers.len());
    for h in req.headers.iter() {
        let name = HeaderName::from_bytes(h.name.as_bytes()).map_err(|_| "bad header name")?;
        let value = HeaderValue::from_bytes(h.value).map_err(|_| "bad header value")?;
        let v = String::from_utf8_lossy(h.value).trim().to_ascii_lowercase();
        match name.as_str() {
            "content-length" if length.is_some() => return Err("several content-length headers"),
            "content-length" => length = Some(content_length(&v)?),
            "transfer-encoding" if chunked => return Err("several transfer-encoding headers"),
            "transfer-encoding" if v == "chunked" => chunked = true,
            "transfer-encoding" => return Err("unsupported transfer-encoding"),
            "connection" if v.contains("close") => keep_alive = false,
            "connection" if v.contains("keep-alive") => keep_alive = true,
            "expect" => expect_continue = v == "100-continue",
            _ => {}
        }
        out.push((name, value));
    }
    let framing = match (chunked, length) {
        (true, Some(_)) => return Err("content-length with transfer-encoding"),
        (true, None) => Framing::Chunked,
        (false, n) => Framing::Length(n.unwrap_or(0)),
    };
    Ok(Head { method, target, headers: out, framing, keep_alive, expect_continue })
}

fn content_length(v: &str) -> Result<usize, &'static str> {
    if v.is_empty() || !v.bytes().all(|b| b.is_ascii_digit()) {
        return Err("bad content-length");
    }
    let n: usize = v.parse().map_err(|_| "bad content-length")?;
    if n > MAX_BODY {
        return Err("body too large");
    }
    Ok(n)
}

/// `Authorization : Digest …` → `Authorization: Digest …` (the PHP sample);
/// any other header with whitespace before its colon, or a folded line, is
/// refused.
fn normalize_authorization(head: &[u8]) -> Result<Vec<u8>, &'static str> {
    let mut out = Vec::with_capacity(head.len());
    let mut lines = head.split(|b| *b == b'\n').peekable();
    if let Some(request_line) = lines.next() {
        out.extend_from_slice(request_line);
    }
    for line in lines {
        out.push(b'\n');
        if line.first().is_some_and(|b| *b == b' ' || *b == b'\t') {
            return Err("folded header line");
        }
        let Some(colon) = line.iter().position(|b| *b == b':') else {
            out.extend_from_slice(line);
            continue;
        };
        let (name, rest) = line.split_at(colon);
        let trimmed = name.trim_ascii_end();
        if trimmed.len() != name.len() {
            if !trimmed.eq_ignore_ascii_case(b"authorization") {
                return Err("whitespace before a colon");
            }
            out.extend_from_slice(trimmed);
        } else {
            out.extend_from_slice(name);
        }
        out.extend_from_slice(rest);
    }
    Ok(out)
}

fn find_head_end(buf: &[u8]) -> Option<usize> {
    buf.windows(4).position(|w| w == b"\r\n\r\n").map(|i| i + 4)
}

async fn fill<S: AsyncRead + Unpin>(io: &mut S, buf: &mut Vec<u8>) -> Result<(), ConnError> {
    let mut chunk = [0u8; 4096];
    let n = io.read(&mut chunk).await?;
    if n == 0 {
        return Err(ConnError::Closed);
    }
    buf.extend_from_slice(&chunk[..n]);
    Ok(())
}

/// Waits up to `limit` for `step`.
async fn within<T>(limit: Duration, step: impl Future<Output = Result<T, ConnError>>) -> Result<T, ConnError> {
    tokio::time::timeout(limit, step).await.unwrap_or(Err(ConnError::TimedOut))
}

async fn read_request<S: AsyncRead + AsyncWrite + Unpin>(
    io: &mut S,
    buf: &mut Vec<u8>,
    read_timeout: Duration,
) -> Result<Parsed, ConnError> {
    if buf.is_empty() {
        within(IDLE, fill(io, buf)).await?;
    }
    let head_end = within(read_timeout, read_head(io, buf)).await?;
    let head = parse_head(&buf[..head_end]).map_err(ConnError::Bad)?;
    buf.drain(..head_end);
    if head.expect_continue {
        io.write_all(b"HTTP/1.1 100 Continue\r\n\r\n").await?;
    }
    let body = within(read_timeout, read_body(io, buf, head.framing)).await?;
    let mut builder = Request::builder().method(head.method.as_str()).uri(head.target.as_str());
    for (name, value) in head.headers {
        builder = builder.header(name, value);
    }
    let request = builder.body(Body::from(body)).map_err(|_| ConnError::Bad("malformed request"))?;
    Ok(Parsed { request, keep_alive: head.keep_alive })
}

async fn read_head<S: AsyncRead + Unpin>(io: &mut S, buf: &mut Vec<u8>) -> Result<usize, ConnError> {
    loop {
        if let Some(end) = find_head_end(buf) {
            return Ok(end);
        }
        if buf.len() > MAX_HEAD {
            return Err(ConnError::Bad("request head too large"));
        }
        fill(io, buf).await?;
    }
}

async fn read_body<S: AsyncRead + Unpin>(
    io: &mut S,
    buf: &mut Vec<u8>,
    framing: Framing,
) -> Result<Vec<u8>, ConnError> {
    match framing {
        Framing::Chunked => read_chunked(io, buf).await,
        Framing::Length(len) => {
            while buf.len() < len {
                fill(io, buf).await?;
            }
            Ok(buf.drain(..len).collect())
        }
    }
}

/// The size of a chunk from its size line (`1a;ext=x`): hex digits only,
/// refused before it could overflow or exceed the body limit.
pub fn chunk_size(line: &[u8]) -> Result<usize, &'static str> {
    let digits = line.split(|b| *b == b';').next().unwrap_or_default().trim_ascii();
    if digits.is_empty() || digits.len() > 8 {
        return Err("bad chunk size");
    }
    let text = std::str::from_utf8(digits).map_err(|_| "bad chunk size")?;
    let size = usize::from_str_radix(text, 16).map_err(|_| "bad chunk size")?;
    if size > MAX_BODY || text.starts_with(['+', '-']) {
        return Err("bad chunk size");
    }
    Ok(size)
}

async fn read_chunked<S: AsyncRead + Unpin>(io: &mut S, buf: &mut Vec<u8>) -> Result<Vec<u8>, ConnError> {
    let mut body = Vec::new();
    loop {
        let line_end = loop {
            if let Some(i) = buf.windows(2).position(|w| w == b"\r\n") {
                break i;
            }
            if buf.len() > MAX_HEAD {
                return Err(ConnError::Bad("bad chunk"));
            }
            fill(io, buf).await?;
        };
        let size = chunk_size(&buf[..line_end]).map_err(ConnError::Bad)?;
        buf.drain(..line_end + 2);
        if size == 0 {
            // Trailers, if any, end with an empty line.
            loop {
                if let Some(i) = buf.windows(2).position(|w| w == b"\r\n") {
                    buf.drain(..i + 2);
                    if i == 0 {
                        return Ok(body);
                    }
                } else if buf.len() > MAX_HEAD {
                    return Err(ConnError::Bad("trailers too large"));
                } else {
                    fill(io, buf).await?;
                }
            }
        }
        if body.len().saturating_add(size) > MAX_BODY {
            return Err(ConnError::Bad("body too large"));
        }
        while buf.len() < size + 2 {
            fill(io, buf).await?;
        }
        body.extend(buf.drain(..size));
        if buf.drain(..2).as_slice() != b"\r\n" {
            return Err(ConnError::Bad("bad chunk"));
        }
    }
}

fn plain(status: u16, text: &'static str) -> Response<Body> {
    let mut res = Response::new(Body::from(text));
    *res.status_mut() = http::StatusCode::from_u16(status).unwrap_or(http::StatusCode::BAD_REQUEST);
    res.headers_mut().insert(http::header::CONTENT_TYPE, HeaderValue::from_static("text/plain"));
    res
}

/// `content-type` → `Content-Type`; the challenge header keeps the
/// spelling the PHP sample searches for.
fn wire_name(name: &HeaderName) -> String {
    if name == http::header::WWW_AUTHENTICATE {
        return "WWW-Authenticate".into();
    }
    name.as_str()
        .split('-')
        .map(|part| {
            let mut c = part.chars();
            c.next().map(|f| f.to_ascii_uppercase().to_string() + c.as_str()).unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join("-")
}

async fn write_response<S: AsyncWrite + Unpin>(
    io: &mut S,
    res: Response<Body>,
    keep_alive: bool,
) -> Result<(), ConnError> {
    let (parts, body) = res.into_parts();
    let body = body.collect().await.map(|b| b.to_bytes()).unwrap_or_default();
    let reason = parts.status.canonical_reason().unwrap_or("");
    let mut head = format!("HTTP/1.1 {} {reason}\r\n", parts.status.as_u16());
    let mut challenge = None;
    for (name, value) in parts.headers.iter() {
        if name == http::header::CONTENT_LENGTH || name == http::header::CONNECTION {
            continue;
        }
        let line = format!("{}: {}\r\n", wire_name(name), String::from_utf8_lossy(value.as_bytes()));
        if name == http::header::WWW_AUTHENTICATE {
            challenge = Some(line);
        } else {
            head.push_str(&line);
        }
    }
    head.push_str(&format!("Content-Length: {}\r\n", body.len()));
    head.push_str(if keep_alive { "Connection: keep-alive\r\n" } else { "Connection: close\r\n" });
    // Last, so that what follows "WWW-Authenticate: " up to the body's
    // "error" is the challenge alone.
    if let Some(line) = challenge {
        head.push_str(&line);
    }
    head.push_str("\r\n");
    // One write: one packet for a short answer, so a client that reads
    // once (one real client reads the first 1 KiB only) gets it whole,
    // and the client is woken once, not twice.
    let mut out = head.into_bytes();
    out.extend_from_slice(&body);
    io.write_all(&out).await?;
    io.flush().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn head(lines: &str) -> Result<Head, &'static str> {
        parse_head(format!("POST /auth/Sign-On HTTP/1.1\r\n{lines}\r\n").as_bytes())
    }

    #[test]
    fn a_space_before_the_colon_is_forgiven_on_authorization_only() {
        let h = head("Host: x\r\nAuthorization : Digest username=\"a\"\r\n").unwrap();
        let auth = h.headers.iter().find(|(n, _)| n == http::header::AUTHORIZATION).unwrap();
        assert_eq!(auth.1, "Digest username=\"a\"");
        assert_eq!(head("Host : x\r\n").unwrap_err(), "whitespace before a colon");
        assert_eq!(head("Content-Length\t: 0\r\n").unwrap_err(), "whitespace before a colon");
    }

    #[test]
    fn smuggling_shapes_are_refused() {
        assert!(head("Content-Length: 3\r\nContent-Length: 3\r\n").is_err());
        assert!(head("Content-Length: 3\r\nTransfer-Encoding: chunked\r\n").is_err());
        assert!(head("Transfer-Encoding: chunked\r\nContent-Length: 3\r\n").is_err());
        for te in ["gzip, chunked", "chunked, chunked", "identity", "xchunked"] {
            assert!(head(&format!("Transfer-Encoding: {te}\r\n")).is_err(), "{te}");
        }
        assert!(head("Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n").is_err());
        for cl in ["+3", "-1", "0x10", "3 3", "", "99999999999999999999999"] {
            assert!(head(&format!("Content-Length: {cl}\r\n")).is_err(), "{cl:?}");
        }
        assert_eq!(head("X-A: a\r\n  b\r\n").unwrap_err(), "folded header line");
        assert_eq!(head("Transfer-Encoding: Chunked\r\n").unwrap().framing, Framing::Chunked);
        assert_eq!(head("Content-Length: 12\r\n").unwrap().framing, Framing::Length(12));
        assert_eq!(head("").unwrap().framing, Framing::Length(0));
    }

    #[test]
    fn chunk_sizes_never_overflow() {
        assert_eq!(chunk_size(b"1a"), Ok(26));
        assert_eq!(chunk_size(b"1a;name=x"), Ok(26));
        for bad in [&b"ffffffffffffffffff"[..], b"fffffffffffffff", b"", b"-1", b"+1", b"zz", b"\xff"] {
            assert!(chunk_size(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn header_names_go_out_title_cased() {
        assert_eq!(wire_name(&http::header::CONTENT_TYPE), "Content-Type");
        assert_eq!(wire_name(&http::header::WWW_AUTHENTICATE), "WWW-Authenticate");
        assert_eq!(wire_name(&HeaderName::from_static("x-request-id")), "X-Request-Id");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(cases()))]

        /// Arbitrary bytes, and header-like lines, never panic the parser.
        #[test]
        fn any_head_is_answered_without_panic(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..512)) {
            let _ = parse_head(&bytes);
            let _ = chunk_size(&bytes);
        }

        #[test]
        fn any_header_line_is_answered_without_panic(name in "[ -~]{0,20}", value in "[ -~\t]{0,40}") {
            let _ = head(&format!("{name}:{value}\r\n"));
            let _ = head(&format!("{name} :{value}\r\n"));
        }
    }

    /// `HTTP1_FUZZ_CASES` (default 25 000; one million was run once).
    fn cases() -> u32 {
        std::env::var("HTTP1_FUZZ_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(25_000)
    }
}
