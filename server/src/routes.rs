//! Plain HTTP routes beside the Leptos app: health, readiness, metrics and
//! the language switch (a link, so it works before the wasm loads).

use axum::extract::{Path, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use backend::AppState;
use domain::Lang;
use secrecy::ExposeSecret;
use serde::Deserialize;

pub async fn healthz() -> &'static str {
    "ok"
}

pub async fn readyz(State(state): State<AppState>) -> Response {
    if backend::infra::db::ping(&state.db).await {
        (StatusCode::OK, "ready").into_response()
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, "database unreachable").into_response()
    }
}

/// Prometheus metrics, only for a scraper holding the configured bearer
/// token (`APP_METRICS_TOKEN`); without one configured they are not served.
pub async fn metrics(State(state): State<AppState>, headers: axum::http::HeaderMap) -> Response {
    let Some(token) = &state.config.metrics_token else { return StatusCode::NOT_FOUND.into_response() };
    let given =
        headers.get(header::AUTHORIZATION).and_then(|v| v.to_str().ok()).and_then(|v| v.strip_prefix("Bearer "));
    if !given
        .is_some_and(|g| backend::infra::token::constant_time_eq(g.trim().as_bytes(), token.expose_secret().as_bytes()))
    {
        return (StatusCode::UNAUTHORIZED, [(header::WWW_AUTHENTICATE, "Bearer")]).into_response();
    }
    if let Err(e) = backend::billers::gauges::refresh(&state.db).await {
        tracing::warn!(error = %e, "database gauges not refreshed");
    }
    let body = crate::telemetry::metrics_handle().render();
    ([(header::CONTENT_TYPE, "text/plain; version=0.0.4")], body).into_response()
}

#[derive(Deserialize)]
pub struct Next {
    next: Option<String>,
}

/// `/bahasa/en?next=/daftar`: remembers the language, goes back.
pub async fn switch_lang(State(state): State<AppState>, Path(code): Path<String>, Query(q): Query<Next>) -> Response {
    let lang = Lang::from_code(&code);
    let next = q.next.as_deref().and_then(domain::nav::local_path);
    let secure = if state.config.cookie_secure() { "; Secure" } else { "" };
    let cookie = format!("{}={}; Path=/; Max-Age=31536000; SameSite=Lax{secure}", Lang::COOKIE, lang.code());
    ([(header::SET_COOKIE, cookie)], Redirect::to(next.unwrap_or("/login"))).into_response()
}
