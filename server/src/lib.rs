//! The composition root: configuration, state, the axum router (Leptos
//! pages, server functions, health/metrics), middleware and workers.

pub mod access;
pub mod api_status;
pub mod bench;
pub mod biller_reports;
pub mod csrf;
pub mod documents;
pub mod gateway;
pub mod openapi;
pub mod payment_webhook;
pub mod postman;
pub mod reports;
pub mod routes;
pub mod simulate;
pub mod telemetry;
pub mod workers;

use app::{shell, App};
use axum::extract::FromRef;
use axum::http::header::CONTENT_TYPE;
use axum::http::{Extensions, HeaderMap, HeaderName, Request, StatusCode, Version};
use axum::routing::get;
use axum::Router;
use backend::infra::session_store::DbSessionStore;
use backend::{AppState, Config};
use leptos::prelude::*;
use leptos_axum::{generate_route_list, LeptosRoutes};
use std::net::SocketAddr;
use tokio::net::TcpListener;
use tower_http::compression::CompressionLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::trace::TraceLayer;
use tower_sessions::cookie::SameSite;
use tower_sessions::{Expiry, SessionManagerLayer};

/// The router's state: the app's plus what Leptos needs.
#[derive(Clone, FromRef)]
pub struct RouterState {
    pub app: AppState,
    pub leptos_options: LeptosOptions,
}

pub const SESSION_COOKIE: &str = "wo_session";
const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

pub fn leptos_options(config: &Config) -> LeptosOptions {
    LeptosOptions::builder()
        .output_name(option_env!("LEPTOS_OUTPUT_NAME").unwrap_or("webopenapi"))
        .site_root(config.site_root.to_string_lossy().to_string())
        .site_pkg_dir("pkg")
        .site_addr(config.listen)
        .build()
}

/// The app's routes, generated once per process. Generating them renders
/// the app with resource loading suppressed process-wide (leptos#4773), so a
/// second generation while another app in the process serves pages (tests
/// start many) would leave that page's resources pending forever.
fn route_list() -> Vec<leptos_axum::AxumRouteListing> {
    static ROUTES: std::sync::OnceLock<Vec<leptos_axum::AxumRouteListing>> = std::sync::OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

pub fn router(state: AppState, sessions: DbSessionStore) -> Router {
    let options = leptos_options(&state.config);
    let routes = route_list();
    let ctx_state = state.clone();
    let dev_gateway = app::ssr::DevGateway(gateway::router(state.clone(), backend::gateway::Env::Development));
    let session_layer = SessionManagerLayer::new(sessions)
        .with_name(SESSION_COOKIE)
        .with_http_only(true)
        .with_same_site(SameSite::Lax)
        .with_secure(state.config.cookie_secure())
        .with_expiry(Expiry::OnInactivity(time::Duration::minutes(state.config.session_idle_minutes)));
    let public_url = state.config.public_url.clone();
    let idle_secs = state.config.session_idle_minutes * 60;
    let trace = TraceLayer::new_for_http().make_span_with(|req: &Request<_>| {
        let id = req.headers().get(REQUEST_ID).and_then(|v| v.to_str().ok()).unwrap_or("-");
        tracing::info_span!("request", request_id = %id, method = %req.method(), path = %req.uri().path())
    });
    let documents = documents::routes(state.config.max_upload_bytes).with_state(state.clone());
    let access_state = state.clone();
    let site_root = state.config.site_root.clone();
    let report_state = state.clone();
    let rs = RouterState { app: state, leptos_options: options.clone() };
    Router::new()
        .merge(documents)
        .route("/healthz", get(routes::healthz))
        .route("/readyz", get(routes::readyz))
        .route("/metrics", get(routes::metrics))
        .route("/bahasa/{code}", get(routes::switch_lang))
        .leptos_routes_with_context(
            &rs,
            routes,
            move || {
                provide_context(ctx_state.clone());
                provide_context(dev_gateway.clone());
            },
            move || shell(options.clone()),
        )
        .nest_service("/pkg", pkg_files(&site_root))
        .fallback(leptos_axum::file_and_error_handler::<RouterState, _>(shell))
        .with_state(rs)
        .layer(CompressionLayer::new().compress_when(is_page))
        .layer(axum::middleware::from_fn(api_status::map))
        .layer(axum::middleware::from_fn(telemetry::track))
        .layer(axum::middleware::from_fn(move |req, next| csrf::same_origin_only(public_url.clone(), req, next)))
        .layer(axum::middleware::from_fn_with_state(access_state, access::pages))
        .layer(axum::middleware::from_fn_with_state(idle_secs, renew_idle_window))
        .layer(session_layer)
        .layer(PropagateRequestIdLayer::new(REQUEST_ID))
        .layer(trace)
        .layer(SetRequestIdLayer::new(REQUEST_ID, MakeRequestUuid))
        // Outside the portal's layers: a provider has no session, no Origin.
        .merge(biller_reports::routes(report_state.clone()))
        .merge(payment_webhook::routes(report_state))
}

/// Pages (HTML) are compressed as they are sent — the bundle is compressed
/// at build time (`pkg_files`), and server-function answers and documents
/// are left as they are: only pages, whose texts repeat a lot (a first
/// `/login` is 5.6 KB of HTML, 2 KB gzip).
fn is_page(_: StatusCode, _: Version, headers: &HeaderMap, _: &Extensions) -> bool {
    let kind = headers.get(CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or_default();
    kind.starts_with("text/html")
}

/// The browser bundle (wasm, script, style), sent brotli- or gzip-compressed
/// when the build left a `.br`/`.gz` beside the file
/// (`scripts/compress-site.sh`): compressed once at build time, not per
/// request.
fn pkg_files(site_root: &std::path::Path) -> tower_http::services::ServeDir {
    tower_http::services::ServeDir::new(site_root.join("pkg")).precompressed_br().precompressed_gzip()
}

/// Makes the session timeout a real idle timeout: a signed-in session used
/// when less than half of its window is left is renewed (saved with a new
/// expiry). Sessions are only written then, not on every request.
async fn renew_idle_window(
    axum::extract::State(idle_secs): axum::extract::State<i64>,
    session: tower_sessions::Session,
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    // Static files need no session (and no database read).
    let path = req.uri().path();
    if session.id().is_some() && !path.starts_with("/pkg/") && !path.starts_with("/favicon") {
        if let Ok(Some(seen)) = session.get::<i64>(app::ssr::SEEN_KEY).await {
            let now = app::ssr::unix_now();
            if now - seen > idle_secs / 2 {
                let _ = session.insert(app::ssr::SEEN_KEY, now).await;
            }
        }
    }
    next.run(req).await
}

/// Builds everything and serves on `listener` until the task is dropped.
/// Returns the state (tests read the database through it).
pub async fn start(listener: TcpListener, config: Config) -> anyhow::Result<AppState> {
    let state = AppState::build(config).await?;
    serve_state(listener, state.clone());
    Ok(state)
}

/// Serves an already built state on `listener` (in a background task).
pub fn serve_state(listener: TcpListener, state: AppState) {
    telemetry::metrics_handle();
    let sessions = DbSessionStore::new(state.db.clone());
    workers::spawn(state.clone(), sessions.clone());
    let app = router(state.clone(), sessions);
    tokio::spawn(async move {
        let service = app.into_make_service_with_connect_info::<SocketAddr>();
        if let Err(e) = axum::serve(listener, service).await {
            tracing::error!(error = %e, "server stopped");
        }
    });
}
