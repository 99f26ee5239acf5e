//! The payment service's settlement webhook (seed 003): `POST
//! /payment-service/webhook`, the body read as raw bytes (the signature is
//! over them), outside the portal's session and CSRF layers. A notification
//! that is not verified is answered "not verified" and changes nothing;
//! every verified one is answered success — also a replay, a mismatch or an
//! unknown order, which finance sees — so the service does not resend it.

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Json, Router};
use backend::topup::settlement::{receive, Verdict};
use backend::topup::webhook::SIGNATURE_HEADER;
use backend::AppState;
use serde_json::json;

/// The most a notification may weigh.
const BODY_MAX: usize = 64 * 1024;

pub fn routes(state: AppState) -> Router {
    Router::new()
        .route("/payment-service/webhook", post(webhook))
        .layer(axum::extract::DefaultBodyLimit::max(BODY_MAX))
        .layer(axum::middleware::from_fn(crate::telemetry::track))
        .with_state(state)
}

async fn webhook(State(state): State<AppState>, headers: HeaderMap, body: Bytes) -> Response {
    let signature = headers.get(SIGNATURE_HEADER).and_then(|v| v.to_str().ok());
    match receive(&state, &body, signature).await {
        Ok(Verdict::NotVerified) => {
            (StatusCode::UNAUTHORIZED, Json(json!({ "status": false, "message": "not verified" }))).into_response()
        }
        Ok(_) => Json(json!({ "status": true, "message": "success" })).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "payment service webhook not handled");
            (StatusCode::SERVICE_UNAVAILABLE, Json(json!({ "status": false, "message": "try again" }))).into_response()
        }
    }
}
