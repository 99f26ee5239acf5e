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
use std::net::SocketAddr;
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::net::TcpListener;
use tower::ServiceExt;

const MAX_HEAD: usize = 16 * 1024;
const MAX_BODY: usize = 256 * 1024;
const MAX_HEADERS: usize = 64;
/// An idle keep-alive connection is closed after this long.
const IDLE: std::time::Duration = std::time::Duration::from_secs(30);

/// Accepts connections until the listener fails; each runs on its own task.
pub async fn serve(listener: TcpListener, app: Router) {
    loop {
        match listener.accept().await {
            Ok((stream, peer)) => {
                let app = app.clone();
                tokio::spawn(async move {
                    let _ = stream.set_nodelay(true);
                    if let Err(e) = connection(stream, peer, app).await {
                        tracing::debug!(%peer, error = %e, "gateway connection ended");
                    }
                });
            }
            Err(e) => {
                tracing::warn!(error = %e, "gateway accept failed");
                tokio::time::sleep(std::time::Duration::from_millis(50)).await;
            }
        }
    }
}

/// Why a connection stopped: a malformed request gets a 400 first.
#[derive(Debug, thiserror::Error)]
enum ConnError {
    #[error("io: {0}")]
    Io(#[from] std::io::Error),
    #[error("bad request: {0}")]
    Bad(&'static str),
    #[error("closed")]
    Closed,
}

async fn connection<S: AsyncRead + AsyncWrite + Unpin>(
    mut io: S,
    peer: SocketAddr,
    app: Router,
) -> Result<(), ConnError> {
    let mut buf: Vec<u8> = Vec::with_capacity(4096);
    loop {
        let parsed = match tokio::time::timeout(IDLE, read_request(&mut io, &mut buf)).await {
            Err(_) | Ok(Err(ConnError::Closed)) => return Ok(()),
            Ok(Err(ConnError::Bad(why))) => {
                let res = plain(400, why);
                write_response(&mut io, res, false).await?;
                return Ok(());
            }
            Ok(Err(e)) => return Err(e),
            Ok(Ok(r)) => r,
        };
        let keep_alive = parsed.keep_alive;
        let mut req = parsed.request;
        req.extensions_mut().insert(ConnectInfo(peer));
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

/// Rewrites header lines so that `Name : value` reads `Name: value` and a
/// folded continuation line joins its header (RFC 7230 obs-fold).
fn normalize_head(head: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(head);
    let mut lines = text.split("\r\n");
    let mut out = String::with_capacity(head.len());
    if let Some(request_line) = lines.next() {
        out.push_str(request_line);
    }
    for line in lines {
        if line.is_empty() {
            continue;
        }
        if line.starts_with([' ', '\t']) {
            out.push(' ');
            out.push_str(line.trim());
            continue;
        }
        out.push_str("\r\n");
        match line.split_once(':') {
            Some((name, value)) => {
                out.push_str(name.trim_end());
                out.push(':');
                out.push_str(value);
            }
            None => out.push_str(line),
        }
    }
    out.push_str("\r\n\r\n");
    out.into_bytes()
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

async fn read_request<S: AsyncRead + AsyncWrite + Unpin>(io: &mut S, buf: &mut Vec<u8>) -> Result<Parsed, ConnError> {
    let head_end = loop {
        if let Some(end) = find_head_end(buf) {
            break end;
        }
        if buf.len() > MAX_HEAD {
            return Err(ConnError::Bad("request head too large"));
        }
        fill(io, buf).await?;
    };
    let head = normalize_head(&buf[..head_end]);
    let rest: Vec<u8> = buf.drain(..).skip(head_end).collect();
    *buf = rest;
    let mut headers = [httparse::EMPTY_HEADER; MAX_HEADERS];
    let mut req = httparse::Request::new(&mut headers);
    match req.parse(&head) {
        Ok(httparse::Status::Complete(_)) => {}
        _ => return Err(ConnError::Bad("malformed request")),
    }
    let method = req.method.ok_or(ConnError::Bad("no method"))?;
    let path = req.path.ok_or(ConnError::Bad("no path"))?;
    let version = req.version.unwrap_or(1);
    let mut builder = Request::builder().method(method).uri(path);
    let mut content_length: Option<usize> = None;
    let mut chunked = false;
    let mut connection_close = version == 0;
    let mut expect_continue = false;
    for h in req.headers.iter() {
        let name = HeaderName::from_bytes(h.name.as_bytes()).map_err(|_| ConnError::Bad("bad header name"))?;
        let value = HeaderValue::from_bytes(h.value).map_err(|_| ConnError::Bad("bad header value"))?;
        let v = String::from_utf8_lossy(h.value).to_ascii_lowercase();
        match name.as_str() {
            "content-length" => {
                content_length = Some(v.trim().parse().map_err(|_| ConnError::Bad("bad content-length"))?);
            }
            "transfer-encoding" => chunked = v.contains("chunked"),
            "connection" if v.contains("close") => connection_close = true,
            "connection" if v.contains("keep-alive") => connection_close = false,
            "expect" => expect_continue = v.contains("100-continue"),
            _ => {}
        }
        builder = builder.header(name, value);
    }
    if expect_continue {
        io.write_all(b"HTTP/1.1 100 Continue\r\n\r\n").await?;
    }
    let body = if chunked {
        read_chunked(io, buf).await?
    } else {
        let len = content_length.unwrap_or(0);
        if len > MAX_BODY {
            return Err(ConnError::Bad("body too large"));
        }
        while buf.len() < len {
            fill(io, buf).await?;
        }
        buf.drain(..len).collect()
    };
    let request = builder.body(Body::from(body)).map_err(|_| ConnError::Bad("malformed request"))?;
    Ok(Parsed { request, keep_alive: !connection_close })
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
        let size_text = String::from_utf8_lossy(&buf[..line_end]).to_string();
        let size_hex = size_text.split(';').next().unwrap_or_default().trim();
        let size = usize::from_str_radix(size_hex, 16).map_err(|_| ConnError::Bad("bad chunk size"))?;
        buf.drain(..line_end + 2);
        if size == 0 {
            // Trailers, if any, end with an empty line.
            loop {
                if let Some(i) = buf.windows(2).position(|w| w == b"\r\n") {
                    buf.drain(..i + 2);
                    if i == 0 {
                        return Ok(body);
                    }
                } else {
                    fill(io, buf).await?;
                }
            }
        }
        if body.len() + size > MAX_BODY {
            return Err(ConnError::Bad("body too large"));
        }
        while buf.len() < size + 2 {
            fill(io, buf).await?;
        }
        body.extend(buf.drain(..size));
        buf.drain(..2);
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
    io.write_all(head.as_bytes()).await?;
    io.write_all(&body).await?;
    io.flush().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_space_before_the_colon_is_forgiven() {
        let head = b"POST /auth/Sign-On HTTP/1.1\r\nHost: x\r\nAuthorization : Digest username=\"a\"\r\nX-Folded: a\r\n  b\r\n\r\n";
        let fixed = String::from_utf8(normalize_head(head)).unwrap();
        assert_eq!(
            fixed,
            "POST /auth/Sign-On HTTP/1.1\r\nHost: x\r\nAuthorization: Digest username=\"a\"\r\nX-Folded: a b\r\n\r\n"
        );
    }

    #[test]
    fn header_names_go_out_title_cased() {
        assert_eq!(wire_name(&http::header::CONTENT_TYPE), "Content-Type");
        assert_eq!(wire_name(&http::header::WWW_AUTHENTICATE), "WWW-Authenticate");
        assert_eq!(wire_name(&HeaderName::from_static("x-request-id")), "X-Request-Id");
    }
}
