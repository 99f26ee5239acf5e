//! The gateway as a Postman collection (v2.1, issue 16): the documentation's
//! examples in their order — Sign On first, whose test script keeps the
//! SessionID for the calls after it — signed with Postman's digest auth
//! from collection variables. Served at `/dokumentasi/postman.json`; the
//! API suite runs it with newman against a development gateway.

use app::docs::{filled, Example, EXAMPLES};
use axum::extract::State;
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use backend::AppState;
use serde_json::{json, Value};

const SCHEMA: &str = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json";

/// The examples' references all start so; each run of the collection puts
/// its own prefix there (`{{runRef}}`), since a reference pays only once.
const EXAMPLE_REF_PREFIX: &str = "\"2601010000";

/// `GET /dokumentasi/postman.json`.
pub async fn serve(State(state): State<AppState>) -> Response {
    let headers = [
        (header::CONTENT_TYPE, HeaderValue::from_static("application/json")),
        (header::CONTENT_DISPOSITION, HeaderValue::from_static("attachment; filename=\"web-open-api.postman.json\"")),
    ];
    (headers, collection(&state.config.gateway_dev_url).to_string()).into_response()
}

/// The whole collection, pointed at `development`.
pub fn collection(development: &str) -> Value {
    let variable = |key: &str, value: &str, description: &str| json!({ "key": key, "value": value, "type": "string", "description": description });
    json!({
        "info": {
            "name": "Web Open API (Development)",
            "description": "Sign On, Inquiry, Payment, Single Payment, Check Status and the lists against the development gateway with its test numbers. Fill in username, password and merchantID from the credentials e-mail (Transaksi (Development)); Sign On keeps the SessionID for the requests after it.",
            "schema": SCHEMA
        },
        "auth": {
            "type": "digest",
            "digest": [
                { "key": "username", "value": "{{username}}", "type": "string" },
                { "key": "password", "value": "{{password}}", "type": "string" },
                { "key": "algorithm", "value": "MD5", "type": "string" }
            ]
        },
        "event": [{ "listen": "prerequest", "script": { "type": "text/javascript", "exec": [
            "// One reference prefix per run: a reference pays only once.",
            "if (pm.info.requestName === 'sign-on' || !pm.collectionVariables.get('runRef')) {",
            "  pm.collectionVariables.set('runRef', String(Date.now()).slice(-10));",
            "}"
        ] } }],
        "variable": [
            variable("baseUrl", development, "The development gateway"),
            variable("username", "", "User (Transaksi (Development)) from the credentials e-mail"),
            variable("password", "", "Password (Transaksi (Development)) from the credentials e-mail"),
            variable("merchantID", "", "Merchant ID from the credentials e-mail"),
            variable("sessionID", "", "Set by Sign On"),
            variable("runRef", "", "Set at the start of a run")
        ],
        "item": EXAMPLES.iter().map(item).collect::<Vec<_>>()
    })
}

fn item(e: &Example) -> Value {
    let body = filled(e.request, "{{merchantID}}", "{{sessionID}}").replace(EXAMPLE_REF_PREFIX, "\"{{runRef}}");
    let path: Vec<&str> = e.path.trim_start_matches('/').split('/').collect();
    json!({
        "name": e.name,
        "request": {
            "method": "POST",
            "header": [{ "key": "Content-Type", "value": "application/json" }],
            "body": { "mode": "raw", "raw": body, "options": { "raw": { "language": "json" } } },
            "url": { "raw": format!("{{{{baseUrl}}}}{}", e.path), "host": ["{{baseUrl}}"], "path": path }
        },
        "event": [{ "listen": "test", "script": { "type": "text/javascript", "exec": test_script(e) } }]
    })
}

/// What the run checks of the answer: HTTP 200 and the example's rc, and
/// for Sign On a SessionID, kept for the requests after it.
fn test_script(e: &Example) -> Vec<String> {
    let answer: Value = serde_json::from_str(e.response).unwrap_or(Value::Null);
    let mut lines = vec!["pm.test('HTTP 200', () => pm.response.to.have.status(200));".to_owned()];
    if let Some(rc) = answer.get("rc").and_then(Value::as_str) {
        lines.push(format!("pm.test('rc {rc}', () => pm.expect(pm.response.json().rc).to.eql('{rc}'));"));
    }
    if answer.get("SessionID").is_some() {
        lines.push("const session = pm.response.json().SessionID;".to_owned());
        lines.push("pm.test('SessionID', () => pm.expect(session).to.be.a('string').and.not.empty);".to_owned());
        lines.push("pm.collectionVariables.set('sessionID', session);".to_owned());
    }
    lines
}
