//! The Open API gateway (open-api.md): one listener per environment, digest
//! authentication in front of every path, and JSON answers with an `rc`
//! (never an HTML page or a stack trace).

pub mod http1;

use axum::body::{Body, Bytes};
use axum::extract::ConnectInfo;
use axum::extract::{Path, Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::any;
use axum::{Extension, Router};
use backend::connections;
use backend::console::ConsoleCall;
use backend::gateway::rc::Rc;
use backend::gateway::{auth, services, signon, Env, Merchant};
use backend::{apilog, AppState};
use domain::apilog::{AuthOutcome, SessionOutcome};
use serde_json::{json, Value};
use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex};
use tokio::net::TcpListener;

/// Serves the gateway of `env` on `listener` (in a background task).
pub fn spawn(listener: TcpListener, state: AppState, env: Env) {
    let limits = http1::Limits {
        max_connections: state.config.gateway_max_connections,
        read_timeout: std::time::Duration::from_secs(state.config.gateway_read_timeout_secs),
    };
    let admission = Whitelist { state: state.clone(), env };
    let app = router(state, env);
    tokio::spawn(http1::serve(listener, app, limits, admission));
}

/// Checks the peer against the environment's approved addresses right
/// after accept. Behind a trusted proxy the peer is the proxy: the client's
/// address is known only from the headers, so the check waits for them.
#[derive(Clone)]
struct Whitelist {
    state: AppState,
    env: Env,
}

impl http1::Admission for Whitelist {
    async fn check(&self, peer: IpAddr) -> Option<Response> {
        if self.state.config.trusted_proxy_addrs().contains(&peer) {
            return None;
        }
        let refused = refusal(&self.state, self.env, peer).await?;
        // Refused before a byte is read: the log shows the address only.
        let mut facts = Facts::new(self.env, peer.to_string(), "-".into(), "-".into());
        facts.auth = AuthOutcome::AddressRefused;
        self.state.api_log.record(facts.entry(refused.status().as_u16(), Bytes::new(), Bytes::new()));
        Some(refused)
    }
}

/// What the layers learn of one request, for its API log entry.
#[derive(Debug, Clone)]
struct Facts {
    env: Env,
    at: chrono::DateTime<chrono::Utc>,
    started: std::time::Instant,
    client_ip: String,
    method: String,
    path: String,
    auth: AuthOutcome,
    username: Option<String>,
    user_id: Option<uuid::Uuid>,
    session: Option<SessionOutcome>,
}

impl Facts {
    fn new(env: Env, client_ip: String, method: String, path: String) -> Facts {
        let (at, started) = (chrono::Utc::now(), std::time::Instant::now());
        Facts {
            env,
            at,
            started,
            client_ip,
            method,
            path,
            auth: AuthOutcome::NoHeader,
            username: None,
            user_id: None,
            session: None,
        }
    }

    fn entry(self, http_status: u16, request: Bytes, response: Bytes) -> apilog::Entry {
        apilog::Entry {
            env: self.env,
            user_id: self.user_id,
            at: self.at,
            method: self.method,
            path: self.path,
            client_ip: self.client_ip,
            auth: self.auth,
            username: self.username,
            session: self.session,
            http_status,
            latency_ms: u32::try_from(self.started.elapsed().as_millis()).unwrap_or(u32::MAX),
            request,
            response,
        }
    }
}

/// The request's facts, shared by the layers that learn them.
#[derive(Clone)]
struct FactsSlot(Arc<Mutex<Facts>>);

impl FactsSlot {
    fn update(&self, f: impl FnOnce(&mut Facts)) {
        if let Ok(mut facts) = self.0.lock() {
            f(&mut facts);
        }
    }
}

/// The largest body the log reads (the listener refuses bigger ones anyway).
const LOGGED_BODY_MAX: usize = 1 << 20;

/// Records every request in the API log once it is answered. The bodies
/// are already in memory (the listener reads them whole), so keeping a
/// copy costs a clone; masking and writing happen on the log's writer.
async fn record(State(gw): State<Gateway>, req: Request, next: Next) -> Response {
    let ip = if req.extensions().get::<ConsoleCall>().is_some() {
        backend::console::CONSOLE_ADDRESS.to_owned()
    } else {
        client_ip(&gw, &req).map(|ip| ip.to_string()).unwrap_or_default()
    };
    let facts = Facts::new(gw.env, ip, req.method().to_string(), req.uri().path().to_owned());
    let slot = FactsSlot(Arc::new(Mutex::new(facts)));
    let (parts, body) = req.into_parts();
    let request = axum::body::to_bytes(body, LOGGED_BODY_MAX).await.unwrap_or_default();
    let mut req = Request::from_parts(parts, Body::from(request.clone()));
    req.extensions_mut().insert(slot.clone());
    let res = next.run(req).await;
    let (parts, body) = res.into_parts();
    let response = axum::body::to_bytes(body, LOGGED_BODY_MAX).await.unwrap_or_default();
    let facts = slot.0.lock().map(|f| f.clone());
    if let Ok(facts) = facts {
        count(&facts, parts.status.as_u16(), &response);
        gw.state.api_log.record(facts.entry(parts.status.as_u16(), request, response.clone()));
    }
    Response::from_parts(parts, Body::from(response))
}

/// Counts a gateway request and its latency (R-Q-4) by environment,
/// service and rc — the service only when it is one we know, so a caller
/// cannot grow the label set.
fn count(facts: &Facts, status: u16, response: &[u8]) {
    let service = match facts.path.rsplit('/').next() {
        Some(name) if facts.path == "/auth/Sign-On" || backend::gateway::SERVICES.contains(&name) => name.to_owned(),
        _ => "other".to_owned(),
    };
    let rc = serde_json::from_slice::<Value>(response)
        .ok()
        .and_then(|v| v.get("rc").and_then(Value::as_str).map(|rc| Rc::from_code(rc).code().to_owned()))
        .unwrap_or_else(|| "-".into());
    let env = facts.env.code();
    metrics::counter!("gateway_requests_total", "environment" => env, "service" => service.clone(), "status" => status.to_string(), "rc" => rc)
        .increment(1);
    metrics::histogram!("gateway_request_duration_seconds", "environment" => env, "service" => service)
        .record(facts.started.elapsed().as_secs_f64());
}

/// The answer for `ip` when no partner has it approved for `env`; `None`
/// when it may go on (the authenticated merchant's own approval is read
/// with its credentials, `auth::authenticate`).
async fn refusal(state: &AppState, env: Env, ip: IpAddr) -> Option<Response> {
    match connections::approved_address(&state.db, env, ip).await {
        Ok(true) => None,
        Ok(false) => {
            tracing::info!(%ip, env = env.code(), "gateway call from an address not approved");
            Some(refused_address())
        }
        Err(e) => Some(error_response(&e, &Value::Null)),
    }
}

#[derive(Clone)]
struct Gateway {
    state: AppState,
    env: Env,
}

pub fn router(state: AppState, env: Env) -> Router {
    let gw = Gateway { state, env };
    Router::new()
        .route("/auth/Sign-On", any(sign_on))
        .route("/Services/{name}", any(service))
        .fallback(unknown)
        .layer(middleware::from_fn_with_state(gw.clone(), digest_guard))
        .layer(middleware::from_fn_with_state(gw.clone(), record))
        .with_state(gw)
}

/// Compact JSON, as partners' clients expect.
fn json_response(v: Value) -> Response {
    let mut res = Response::new(Body::from(v.to_string()));
    res.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
    res
}

fn rc_response(rc: Rc, echo: &Value) -> Response {
    let mut v = json!({ "rc": rc.code(), "description": rc.text() });
    for key in ["productID", "customerID", "referenceID"] {
        if let Some(x) = echo.get(key) {
            v[key] = x.clone();
        }
    }
    json_response(v)
}

fn error_response(e: &backend::Error, echo: &Value) -> Response {
    if let backend::Error::Unexpected(err) = e {
        tracing::error!(error = %format!("{err:#}"), "gateway request failed");
    }
    rc_response(Rc::of(e), echo)
}

/// 401 with a fresh challenge. The body starts with "error": the official
/// PHP sample reads the challenge up to that word. Writes nothing.
fn challenge(gw: &Gateway) -> Response {
    let c = auth::challenge(&gw.state, gw.env);
    let mut res = Response::new(Body::from("error: authentication required"));
    *res.status_mut() = StatusCode::UNAUTHORIZED;
    res.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("text/plain"));
    if let Ok(v) = HeaderValue::from_str(&c.header_value()) {
        res.headers_mut().insert(header::WWW_AUTHENTICATE, v);
    }
    res
}

/// Too many requests from one merchant (R-Q-3): rc 10 with HTTP 429 and
/// `Retry-After`, shared by every instance.
fn rate_limited(secs: u64) -> Response {
    let mut res = rc_response(Rc::NotAllowed, &Value::Null);
    *res.status_mut() = StatusCode::TOO_MANY_REQUESTS;
    res.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(secs));
    res
}

/// The caller: the socket peer, or `X-Forwarded-For`'s hop before a
/// configured trusted proxy.
fn client_ip(gw: &Gateway, req: &Request) -> Option<IpAddr> {
    let peer = req.extensions().get::<ConnectInfo<SocketAddr>>()?.0.ip();
    let forwarded = req.headers().get("x-forwarded-for").and_then(|v| v.to_str().ok());
    Some(app::client_ip::resolve(peer, forwarded, gw.state.config.trusted_proxy_addrs()))
}

/// An address not approved for this environment never reaches a handler.
fn refused_address() -> Response {
    let mut res = rc_response(Rc::NotAllowed, &Value::Null);
    *res.status_mut() = StatusCode::FORBIDDEN;
    res
}

/// Every request must come from an approved address of this environment
/// (checked at accept, or here behind a trusted proxy, and again for the
/// authenticated merchant), carry a valid digest of this environment's
/// credentials, and stay within the merchant's request rate.
async fn digest_guard(State(gw): State<Gateway>, req: Request, next: Next) -> Response {
    let slot = req.extensions().get::<FactsSlot>().cloned();
    let note = |f: &dyn Fn(&mut Facts)| {
        if let Some(slot) = &slot {
            slot.update(f);
        }
    };
    let Some(ip) = client_ip(&gw, &req) else {
        note(&|f| f.auth = AuthOutcome::AddressRefused);
        return refused_address();
    };
    // The portal's console (in-process only) acts for a signed-in partner.
    let console = req.extensions().get::<ConsoleCall>().is_some();
    let admitted = req.extensions().get::<http1::Admitted>().is_some();
    let peer = req.extensions().get::<ConnectInfo<SocketAddr>>().map(|c| c.0.ip());
    if !console && (!admitted || peer != Some(ip)) {
        if let Some(refused) = refusal(&gw.state, gw.env, ip).await {
            note(&|f| f.auth = AuthOutcome::AddressRefused);
            return refused;
        }
    }
    let header = req.headers().get(header::AUTHORIZATION).and_then(|v| v.to_str().ok()).map(str::to_owned);
    let method = req.method().as_str().to_owned();
    let target = req.uri().path_and_query().map_or_else(|| req.uri().path().to_owned(), |p| p.as_str().to_owned());
    // A service's session is read with the credentials (one query).
    let (parts, body) = req.into_parts();
    let body = axum::body::to_bytes(body, LOGGED_BODY_MAX).await.unwrap_or_default();
    let parsed = ServiceBody(parts.uri.path().starts_with("/Services/").then(|| body_json(&body)).flatten());
    let session_id = parsed.0.as_ref().map(signon::session_id);
    let mut req = Request::from_parts(parts, Body::from(body));
    let cx = auth::Context { ip: Some(ip), session_id: session_id.as_deref() };
    let verdict = match auth::authenticate(&gw.state, gw.env, &method, &target, header.as_deref(), cx).await {
        Ok(verdict) => verdict,
        Err(e) => return error_response(&e, &Value::Null),
    };
    note(&|f| {
        f.username.clone_from(&verdict.username);
        f.user_id = verdict.user_id;
        f.auth = verdict.result.as_ref().err().copied().unwrap_or(AuthOutcome::Ok);
    });
    let Ok(caller) = verdict.result else { return challenge(&gw) };
    // A suspended partner is answered, not challenged: its credentials are
    // right, so a client retrying the digest would only loop. No money moves.
    if caller.suspended {
        note(&|f| f.auth = AuthOutcome::Suspended);
        return rc_response(Rc::NotAllowed, &Value::Null);
    }
    // The address must be approved for this very partner (read with the
    // credentials), not only for someone.
    if !caller.address_approved && !console {
        tracing::info!(%ip, env = gw.env.code(), "gateway call from an address not approved for the merchant");
        note(&|f| f.auth = AuthOutcome::AddressRefused);
        return refused_address();
    }
    let (merchant, session) = (caller.merchant, SessionOpen(caller.session_open));
    match backend::gateway::throttle(&gw.state, &merchant).await {
        Ok(Ok(())) => {}
        Ok(Err(secs)) => {
            note(&|f| f.auth = AuthOutcome::RateLimited);
            return rate_limited(secs);
        }
        Err(e) => return error_response(&e, &Value::Null),
    }
    req.extensions_mut().insert(merchant);
    req.extensions_mut().insert(session);
    req.extensions_mut().insert(parsed);
    next.run(req).await
}

/// Whether the service request's `sessionID` is open (read by the guard).
#[derive(Clone, Copy)]
struct SessionOpen(bool);

/// A service request's JSON object, parsed once by the guard (`None`: not
/// a JSON object).
#[derive(Clone)]
struct ServiceBody(Option<Value>);

/// The JSON object of the body; anything else gets rc 02.
fn body_json(body: &Bytes) -> Option<Value> {
    serde_json::from_slice::<Value>(body).ok().filter(Value::is_object)
}

async fn sign_on(State(gw): State<Gateway>, Extension(m): Extension<Merchant>, body: Bytes) -> Response {
    let Some(body) = body_json(&body) else { return rc_response(Rc::Format, &Value::Null) };
    match signon::sign_on(&gw.state, &m, &body).await {
        Ok(session_id) => json_response(json!({ "SessionID": session_id })),
        Err(e) => error_response(&e, &body),
    }
}

async fn service(
    State(gw): State<Gateway>,
    Extension(m): Extension<Merchant>,
    Extension(slot): Extension<FactsSlot>,
    Extension(SessionOpen(open)): Extension<SessionOpen>,
    Extension(ServiceBody(body)): Extension<ServiceBody>,
    Path(name): Path<String>,
) -> Response {
    let Some(body) = body else { return rc_response(Rc::Format, &Value::Null) };
    slot.update(|f| f.session = Some(if open { SessionOutcome::Valid } else { SessionOutcome::Refused }));
    if !open {
        return error_response(&backend::Error::Refused(domain::Problem::SessionInvalid), &body);
    }
    let state = &gw.state;
    let answer = match name.as_str() {
        "Inquiry" => services::inquiry(state, &m, &body).await,
        "Payment" => services::payment(state, &m, &body).await,
        "SinglePayment" => services::single_payment(state, &m, &body).await,
        "Check-Status" => services::check_status(state, &m, &body).await,
        "getPulsa-Prabayar" => services::pulsa_prices(state, &m, &body).await,
        "getHargaByProductID" => services::category_prices(state, &m, &body).await,
        "get-Active-Product" => services::active_products(state, &m).await,
        "getCurrentDeposit" => backend::ledger::balance(&state.db, m.user_id, m.env)
            .await
            .map(|balance| json!({ "rc": Rc::Success.code(), "deposit": balance.to_string() })),
        _ => return rc_response(Rc::UnknownMessage, &body),
    };
    match answer {
        Ok(v) => json_response(v),
        Err(e) => error_response(&e, &body),
    }
}

async fn unknown() -> impl IntoResponse {
    rc_response(Rc::UnknownMessage, &Value::Null)
}
