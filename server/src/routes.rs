//! Plain HTTP routes beside the Leptos app: health, readiness, metrics and
//! the language switch (a link, so it works before the wasm loads).

use axum::extract::{Path, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use backend::AppState;
use domain::Lang;
use serde::Deserialize;

pub async fn healthz() -> &'static str {
    "ok"
}

pub async fn readyz(State(state): State<AppState>) -> Response {
    if backend::db::ping(&state.db).await {
        (StatusCode::OK, "ready").into_response()
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, "database unreachable").into_response()
    }
}

pub async fn metrics() -> Response {
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
    // Only local paths: never an open redirect to another site.
    let next = q.next.filter(|n| n.starts_with('/') && !n.starts_with("//") && !n.contains('\\'));
    let secure = if state.config.cookie_secure() { "; Secure" } else { "" };
    let cookie = format!("{}={}; Path=/; Max-Age=31536000; SameSite=Lax{secure}", Lang::COOKIE, lang.code());
    ([(header::SET_COOKIE, cookie)], Redirect::to(next.as_deref().unwrap_or("/login"))).into_response()
}
