//! The API log: every gateway request, recorded off the request's path.
//!
//! The gateway hands each request's facts to a [`LogSink`] and answers at
//! once; one writer task masks the bodies and inserts the rows in batches,
//! so a busy gateway pays one queue push per request, not a database write.
//! Development keeps the bodies (masked), production only the facts.
//!
//! What is masked, and why (`mask_json`), by key, case-insensitive, at any
//! depth of the JSON:
//! - secrets that let someone act as the partner — `password`, `pin`,
//!   `ha1`, `SessionID`/`sessionID` (a session signs every service call) —
//!   keep only their length as `*`;
//! - customer numbers (`customerID`, `idPelanggan`, `noHandphone`/`noHanphone`,
//!   `msisdn`) — personal data of the partner's customers — keep their
//!   first 4 and last 3 characters, enough to recognise a test number;
//! - bearer values the customer paid for (`TK` PLN token, `kodeVoucher`,
//!   `sn`) — whoever reads them can use them — keep their last 4.
//!
//! The `Authorization` header is never stored (it carries the digest
//! response); only its outcome in words ([`AuthOutcome`]) and the username.

use crate::authz::{PartnerActor, StaffActor};
use crate::entity::api_log::{self, Entity as ApiLog};
use crate::entity::OfPartner;
use crate::error::{Error, Result};
use crate::infra::wib;
use crate::AppState;
use chrono::{DateTime, Utc};
use domain::apilog::{ApiLogDetail, ApiLogFilter, ApiLogOut, AuthOutcome, SessionOutcome};
use domain::{ApiLogId, Env, ListQuery, Page, Problem, UserId};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, Condition, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, Select,
};
use serde_json::Value;
use tokio::sync::{mpsc, oneshot};
use uuid::Uuid;

/// Requests waiting for the writer; beyond this the newest are dropped
/// (and counted in the server's log) rather than slowing the gateway.
const QUEUE: usize = 10_000;
/// Rows per insert.
const BATCH: usize = 200;
/// How long the writer waits to fill a batch.
const GATHER: std::time::Duration = std::time::Duration::from_millis(25);
/// The longest body kept, in characters (after masking).
const BODY_MAX_CHARS: usize = 4_000;

/// What the gateway knows of one request once it is answered.
#[derive(Debug, Clone)]
pub struct Entry {
    pub env: Env,
    pub user_id: Option<Uuid>,
    pub at: DateTime<Utc>,
    pub method: String,
    pub path: String,
    pub client_ip: String,
    pub auth: AuthOutcome,
    pub username: Option<String>,
    pub session: Option<SessionOutcome>,
    pub http_status: u16,
    pub latency_ms: u32,
    /// Raw bodies (shared with the request, not copied); masked
    /// (development) or dropped (production) by the writer.
    pub request: bytes::Bytes,
    pub response: bytes::Bytes,
}

enum Message {
    Row(Box<Entry>),
    /// Answered once every row sent before it is written.
    Flush(oneshot::Sender<()>),
}

/// The gateway's end of the log: cheap to clone, never waits.
#[derive(Clone)]
pub struct LogSink {
    tx: mpsc::Sender<Message>,
}

impl LogSink {
    /// Starts the writer task on `db`.
    pub fn start(db: DatabaseConnection) -> LogSink {
        let (tx, rx) = mpsc::channel(QUEUE);
        tokio::spawn(writer(db, rx));
        LogSink { tx }
    }

    pub fn record(&self, entry: Entry) {
        if self.tx.try_send(Message::Row(Box::new(entry))).is_err() {
            tracing::warn!("API log queue full: one request not recorded");
        }
    }

    /// Waits until everything recorded so far is in the database, so a
    /// reader (the UAT checklist, "Log API") sees the calls just made.
    pub async fn flush(&self) {
        let (done, wait) = oneshot::channel();
        if self.tx.send(Message::Flush(done)).await.is_ok() {
            let _ = wait.await;
        }
    }
}

async fn writer(db: DatabaseConnection, mut rx: mpsc::Receiver<Message>) {
    let mut messages = Vec::with_capacity(BATCH);
    while rx.recv_many(&mut messages, BATCH).await > 0 {
        // A busy gateway sends one row at a time: wait a moment for more, so
        // one insert carries many requests (not when a reader is waiting).
        if messages.len() < BATCH && !messages.iter().any(|m| matches!(m, Message::Flush(_))) {
            tokio::time::sleep(GATHER).await;
            while messages.len() < BATCH {
                let Ok(m) = rx.try_recv() else { break };
                messages.push(m);
            }
        }
        let mut rows = Vec::with_capacity(messages.len());
        let mut waiting = Vec::new();
        for m in messages.drain(..) {
            match m {
                Message::Row(e) => rows.push(row(*e)),
                Message::Flush(done) => waiting.push(done),
            }
        }
        if !rows.is_empty() {
            let n = rows.len();
            if let Err(e) = ApiLog::insert_many(rows).exec_without_returning(&db).await {
                tracing::warn!(error = %e, rows = n, "API log rows not written");
            }
        }
        for done in waiting {
            let _ = done.send(());
        }
    }
}

/// The stored row of `e`: the ids the request named, its rc, its bodies
/// masked in development.
fn row(e: Entry) -> api_log::ActiveModel {
    let request: Option<Value> = serde_json::from_slice(&e.request).ok();
    let response: Option<Value> = serde_json::from_slice(&e.response).ok();
    let text = |v: Option<&Value>, key: &str| -> Option<String> {
        let s = match v?.get(key)? {
            Value::String(s) => s.clone(),
            Value::Number(n) => n.to_string(),
            _ => return None,
        };
        Some(s.chars().take(40).collect())
    };
    let keep_bodies = e.env == Env::Development;
    api_log::ActiveModel {
        id: Set(Uuid::now_v7()),
        user_id: Set(e.user_id),
        environment: Set(e.env),
        at: Set(e.at),
        method: Set(e.method.chars().take(10).collect()),
        path: Set(e.path.chars().take(120).collect()),
        client_ip: Set(e.client_ip),
        auth: Set(e.auth),
        username: Set(e.username.map(|u| u.chars().take(64).collect())),
        session: Set(e.session),
        product_code: Set(text(request.as_ref(), "productID")),
        reference_id: Set(text(request.as_ref(), "referenceID")),
        rc: Set(text(response.as_ref(), "rc").map(|rc| rc.chars().take(4).collect())),
        http_status: Set(i32::from(e.http_status)),
        latency_ms: Set(i32::try_from(e.latency_ms).unwrap_or(i32::MAX)),
        request_body: Set(keep_bodies.then(|| stored_body(request, e.request.len())).flatten()),
        response_body: Set(keep_bodies.then(|| stored_body(response, e.response.len())).flatten()),
    }
}

/// The body as kept: masked JSON, or a note of what it was.
fn stored_body(json: Option<Value>, len: usize) -> Option<String> {
    match json {
        Some(mut v) => {
            mask_json(&mut v);
            Some(v.to_string().chars().take(BODY_MAX_CHARS).collect())
        }
        None if len == 0 => None,
        // Not JSON: kept out, it may hold anything.
        None => Some(format!("(bukan JSON, {len} byte)")),
    }
}

/// How a key's value is masked, if it is.
enum Masking {
    Whole,
    KeepEnds,
    KeepLast,
}

fn masking_of(key: &str) -> Option<Masking> {
    let key = key.to_ascii_lowercase();
    match key.as_str() {
        "password" | "pin" | "ha1" | "sessionid" => Some(Masking::Whole),
        "customerid" | "idpelanggan" | "nohandphone" | "nohanphone" | "msisdn" => Some(Masking::KeepEnds),
        "tk" | "kodevoucher" | "sn" => Some(Masking::KeepLast),
        _ => None,
    }
}

/// Masks the values of the keys listed in the module's comment, in place.
pub fn mask_json(v: &mut Value) {
    match v {
        Value::Object(map) => {
            for (key, value) in map.iter_mut() {
                match (masking_of(key), value.as_str()) {
                    (Some(how), Some(s)) => *value = Value::String(masked(s, how)),
                    (Some(how), None) if value.is_number() => *value = Value::String(masked(&value.to_string(), how)),
                    _ => mask_json(value),
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(mask_json),
        _ => {}
    }
}

fn masked(s: &str, how: Masking) -> String {
    let chars: Vec<char> = s.chars().collect();
    let n = chars.len();
    let (head, tail) = match how {
        Masking::Whole => (0, 0),
        Masking::KeepEnds if n > 9 => (4, 3),
        Masking::KeepEnds if n >= 4 => (0, 2),
        Masking::KeepLast if n > 6 => (0, 4),
        Masking::KeepEnds | Masking::KeepLast => (0, 0),
    };
    chars.iter().enumerate().map(|(i, c)| if i < head || i >= n - tail { *c } else { '*' }).collect()
}

fn out(r: api_log::Model) -> ApiLogOut {
    ApiLogOut {
        id: r.id.into(),
        at: wib::format(r.at),
        environment: r.environment,
        method: r.method,
        path: r.path,
        client_ip: r.client_ip,
        auth: r.auth,
        session: r.session,
        product_code: r.product_code,
        reference_id: r.reference_id,
        rc: r.rc,
        http_status: u16::try_from(r.http_status).unwrap_or_default(),
        latency_ms: u32::try_from(r.latency_ms).unwrap_or_default(),
    }
}

fn filtered(select: Select<ApiLog>, filter: &ApiLogFilter, query: &ListQuery) -> Select<ApiLog> {
    let mut select = select;
    if let Some(env) = filter.environment {
        select = select.filter(api_log::Column::Environment.eq(env));
    }
    if let Some(auth) = filter.auth {
        select = select.filter(api_log::Column::Auth.eq(auth));
    }
    if let Some(rc) = filter.rc.as_deref().map(str::trim).filter(|rc| !rc.is_empty()) {
        select = select.filter(api_log::Column::Rc.eq(rc));
    }
    let q = query.search();
    if !q.is_empty() {
        select = select.filter(
            Condition::any()
                .add(api_log::Column::Path.contains(q))
                .add(api_log::Column::ReferenceId.contains(q))
                .add(api_log::Column::ProductCode.contains(q))
                .add(api_log::Column::ClientIp.contains(q)),
        );
    }
    select.order_by_desc(api_log::Column::At).order_by_desc(api_log::Column::Id)
}

/// "Log API": the partner's own requests, newest first.
pub async fn mine(
    state: &AppState,
    partner: &PartnerActor,
    filter: &ApiLogFilter,
    query: &ListQuery,
) -> Result<Page<ApiLogOut>> {
    page_of(state, partner.partner_id(), filter, query).await
}

/// One of the partner's requests in full; another partner's is not found.
pub async fn my_entry(state: &AppState, partner: &PartnerActor, id: ApiLogId) -> Result<ApiLogDetail> {
    let row = ApiLog::of_partner(partner.partner_id()).filter(api_log::Column::Id.eq(id.0)).one(&state.db).await?;
    row.map(detail).ok_or(Error::Refused(Problem::NotFound))
}

/// A partner's log as staff see it (support, UAT review).
pub async fn of_partner(
    state: &AppState,
    _by: &StaffActor,
    user_id: UserId,
    filter: &ApiLogFilter,
    query: &ListQuery,
) -> Result<Page<ApiLogOut>> {
    page_of(state, user_id.0, filter, query).await
}

/// One partner's requests, newest first, with everything recorded so far.
async fn page_of(state: &AppState, user_id: Uuid, filter: &ApiLogFilter, query: &ListQuery) -> Result<Page<ApiLogOut>> {
    state.api_log.flush().await;
    let select = filtered(ApiLog::of_partner(user_id), filter, query);
    Ok(crate::infra::db::fetch_page(&state.db, select, query, out).await?)
}

/// Any request in full, for staff.
pub async fn entry(state: &AppState, _by: &StaffActor, id: ApiLogId) -> Result<ApiLogDetail> {
    let row = ApiLog::find_by_id(id.0).one(&state.db).await?;
    row.map(detail).ok_or(Error::Refused(Problem::NotFound))
}

fn detail(mut r: api_log::Model) -> ApiLogDetail {
    let (username, request_body, response_body) = (r.username.take(), r.request_body.take(), r.response_body.take());
    ApiLogDetail { row: out(r), username, request_body, response_body }
}

/// Drops requests older than the configured retention (the cleanup job).
pub async fn purge(state: &AppState) -> Result<u64> {
    let days = state.config.api_log_retention_days.max(1);
    let cutoff = Utc::now() - chrono::Duration::days(days);
    let gone = ApiLog::delete_many().filter(api_log::Column::At.lt(cutoff)).exec(&state.db).await?;
    Ok(gone.rows_affected)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn secrets_and_customer_numbers_are_masked_at_any_depth() {
        let mut v = json!({
            "sessionID": "0123456789abcdef0123456789abcdef",
            "customerID": "081234567890",
            "password": "rahasia",
            "productID": "500511",
            "data": { "idPelanggan": "530012345678", "TK": "12345678901234567890", "nama": "BUDI" },
            "list": [{ "SessionID": "abcd" }],
        });
        mask_json(&mut v);
        assert_eq!(v["sessionID"], "*".repeat(32));
        assert_eq!(v["customerID"], "0812*****890");
        assert_eq!(v["password"], "*******");
        assert_eq!(v["productID"], "500511", "not a secret");
        assert_eq!(v["data"]["idPelanggan"], "5300*****678");
        assert_eq!(v["data"]["TK"], "****************7890");
        assert_eq!(v["data"]["nama"], "BUDI");
        assert_eq!(v["list"][0]["SessionID"], "****");
    }

    #[test]
    fn short_and_odd_values_never_show_more_than_their_ends() {
        for (s, want) in [("", ""), ("1", "*"), ("12", "**"), ("1234", "**34"), ("123456789", "*******89")] {
            assert_eq!(masked(s, Masking::KeepEnds), want, "{s}");
        }
        assert_eq!(masked("ñandú", Masking::Whole), "*****");
        let mut n = json!({ "customerID": 81234567890u64 });
        mask_json(&mut n);
        assert_eq!(n["customerID"], "8123****890");
    }

    #[test]
    fn production_keeps_no_bodies_and_development_no_raw_text() {
        let entry = |env| Entry {
            env,
            user_id: None,
            at: Utc::now(),
            method: "POST".into(),
            path: "/Services/Inquiry".into(),
            client_ip: "127.0.0.1".into(),
            auth: AuthOutcome::Ok,
            username: None,
            session: Some(SessionOutcome::Valid),
            http_status: 200,
            latency_ms: 3,
            request: bytes::Bytes::from_static(
                br#"{"productID":"500511","referenceID":"123","customerID":"081234567890"}"#,
            ),
            response: bytes::Bytes::from_static(br#"{"rc":"00"}"#),
        };
        let prod = row(entry(Env::Production));
        assert_eq!(prod.request_body, Set(None));
        assert_eq!(prod.rc, Set(Some("00".into())));
        assert_eq!(prod.product_code, Set(Some("500511".into())));
        let dev = row(entry(Env::Development));
        let Set(Some(body)) = dev.request_body else { panic!("development keeps the body") };
        assert!(body.contains("0812*****890") && !body.contains("081234567890"), "{body}");
        let mut junk = entry(Env::Development);
        junk.request = bytes::Bytes::from_static(b"password=rahasia");
        assert_eq!(row(junk).request_body, Set(Some("(bukan JSON, 16 byte)".into())));
    }
}
