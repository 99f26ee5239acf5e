//! CSRF protection for every state-changing request (server functions
//! included): the browser's `Origin` (or, failing that, `Referer`) must be
//! this site. Together with SameSite=Lax session cookies this stops
//! cross-site form posts and fetches.

use axum::extract::Request;
use axum::http::{header, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use url::Url;

pub async fn same_origin_only(public_url: Url, req: Request, next: Next) -> Response {
    if matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS) || is_same_origin(&req, &public_url) {
        return next.run(req).await;
    }
    tracing::warn!(method = %req.method(), path = req.uri().path(), "cross-site request refused");
    // The same JSON error shape as every server function's.
    let body = serde_json::to_string(&app::error::AppError::Problem(domain::Problem::Forbidden)).unwrap_or_default();
    (StatusCode::FORBIDDEN, [(header::CONTENT_TYPE, "application/json")], body).into_response()
}

fn is_same_origin(req: &Request, public_url: &Url) -> bool {
    let headers = req.headers();
    let source = headers
        .get(header::ORIGIN)
        .or_else(|| headers.get(header::REFERER))
        .and_then(|v| v.to_str().ok())
        .and_then(|v| Url::parse(v).ok());
    let Some(source) = source else { return false };
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok());
    let same_as_public = source.origin() == public_url.origin();
    let same_as_host = host.is_some_and(|h| source.host_str().is_some() && authority(&source) == h);
    same_as_public || same_as_host
}

fn authority(u: &Url) -> String {
    match (u.host_str(), u.port()) {
        (Some(h), Some(p)) => format!("{h}:{p}"),
        (Some(h), None) => h.to_owned(),
        _ => String::new(),
    }
}
