//! The Open API gateway over real sockets, with a digest client written
//! here (not the server's code): every client style of open-api.md §2, the
//! official PHP sample's raw-text handling, nonce replay, Sign-On rules and
//! the deposit, and two gateway instances on one database.

use crate::common::{search, send_with, TestApp};
use app::error::AppError;
use app::server_fns::account::CurrentUser;
use app::server_fns::connections::CallbackSetUrl;
use app::server_fns::connections::CallbackSettings;
use app::server_fns::connections::IpAdd;
use app::server_fns::connections::IpQueue;
use app::server_fns::connections::{CallbackResend, IpDecide, IpList, IpRemove};
use app::server_fns::finance::ReconcileDay;
use md5::{Digest, Md5};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{json, Value};
use std::collections::HashMap;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

const REALM: &str = "Design Jaya Indonesia";

fn md5(s: &str) -> String {
    hex::encode(Md5::digest(s.as_bytes()))
}

/// The challenge's parameters, parsed the simple way clients do.
fn challenge_params(header: &str) -> HashMap<String, String> {
    header
        .trim_start_matches("Digest ")
        .split(',')
        .filter_map(|kv| kv.split_once('='))
        .map(|(k, v)| (k.trim().to_owned(), v.trim().trim_matches('"').to_owned()))
        .collect()
}

/// How a client writes its Authorization header (open-api.md §2 table).
#[derive(Debug, Clone, Copy)]
pub(crate) enum Style {
    /// python-requests HTTPDigestAuth
    Requests,
    /// PHP Guzzle / curl: no spaces, quoted qop
    Guzzle,
    /// Go: unquoted qop, another order
    Go,
    /// curl --digest: base64-ish cnonce with '='
    Curl,
}

pub(crate) struct Creds {
    pub(crate) user: String,
    pub(crate) password: String,
}

pub(crate) fn authorization(
    style: Style,
    c: &Creds,
    method: &str,
    uri: &str,
    nonce: &str,
    opaque: &str,
    nc: u32,
) -> String {
    let ha1 = md5(&format!("{}:{REALM}:{}", c.user, c.password));
    let ha2 = md5(&format!("{method}:{uri}"));
    let nc = format!("{nc:08x}");
    let cnonce = match style {
        Style::Curl => "MTIzNDU2Nzg5MGFiY2RlZg==".to_owned(),
        _ => format!("{:016x}", rand_u64()),
    };
    let response = md5(&format!("{ha1}:{nonce}:{nc}:{cnonce}:auth:{ha2}"));
    let u = &c.user;
    match style {
        Style::Requests => format!(
            r#"Digest username="{u}", realm="{REALM}", nonce="{nonce}", uri="{uri}", response="{response}", opaque="{opaque}", algorithm="MD5", qop="auth", nc={nc}, cnonce="{cnonce}""#
        ),
        Style::Guzzle => format!(
            r#"Digest username="{u}",realm="{REALM}",nonce="{nonce}",uri="{uri}",cnonce="{cnonce}",nc={nc},qop="auth",response="{response}",opaque="{opaque}""#
        ),
        Style::Go => format!(
            r#"Digest username="{u}", realm="{REALM}", nonce="{nonce}", uri="{uri}", cnonce="{cnonce}", nc={nc}, qop=auth, response="{response}", opaque="{opaque}", algorithm=MD5"#
        ),
        Style::Curl => format!(
            r#"Digest username="{u}", realm="{REALM}", nonce="{nonce}", uri="{uri}", cnonce="{cnonce}", nc={nc}, qop=auth, response="{response}", opaque="{opaque}""#
        ),
    }
}

fn rand_u64() -> u64 {
    uuid::Uuid::new_v4().as_u64_pair().0
}

/// A partner approved by the operator, with both credential sets as the
/// credentials e-mail gave them.
pub(crate) struct Approved {
    pub(crate) merchant_id: String,
    pub(crate) user_id: uuid::Uuid,
    pub(crate) production: Creds,
    pub(crate) development: Creds,
    /// The operator, signed in.
    pub(crate) staff: reqwest::Client,
}

pub(crate) async fn approved(app: &TestApp) -> Approved {
    let partner = app.signed_in_partner().await;
    app.submit_complete_profile().await;
    let (staff, user_id) = app.approve_submitted().await;
    let mails = app.mails(&partner.email, 3).await;
    let mail = mails.iter().find(|m| m.contains("Transaksi (Development)")).unwrap();
    let after = |label: &str, nth: usize| -> String {
        let line = mail.lines().filter(|l| l.trim_start().starts_with(label)).nth(nth).unwrap();
        line.split_whitespace().last().unwrap().to_owned()
    };
    let me: Option<domain::account::UserOut> = app.send(CurrentUser {}).await.unwrap();
    // The tests call from 127.0.0.1: registered for both environments and approved.
    for env in ["development", "production"] {
        whitelist(app, &staff, env, "127.0.0.1").await;
    }
    // Development serves the products the partner chose.
    app.choose_all_products(&app.client).await;
    Approved {
        merchant_id: me.unwrap().merchant_id.unwrap(),
        user_id: user_id.0,
        production: Creds { user: after("user", 0), password: after("password", 0) },
        development: Creds { user: after("user", 1), password: after("password", 1) },
        staff,
    }
}

/// The signed-in partner registers `ip` for `env`; the operator approves it.
async fn whitelist(app: &TestApp, staff: &reqwest::Client, env: &str, ip: &str) {
    let entry: domain::finance::IpEntryOut =
        app.send(IpAdd { environment: env.to_string(), ip: ip.to_string() }).await.unwrap();
    assert_eq!(entry.status.code(), "pending");
    send_with(staff, &app.base, IpDecide { id: entry.id, approve: true, reason: String::new() }).await.unwrap();
}

/// A gateway listener of `env` on a free port, on `state`'s database.
pub(crate) async fn gateway(state: &backend::AppState, env: backend::gateway::Env) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    server::gateway::spawn(listener, state.clone(), env);
    format!("http://{addr}")
}

pub(crate) struct Client {
    http: reqwest::Client,
    base: String,
    creds: Creds,
    style: Style,
}

impl Client {
    pub(crate) fn new(base: &str, creds: &Creds, style: Style) -> Client {
        let creds = Creds { user: creds.user.clone(), password: creds.password.clone() };
        Client { http: reqwest::Client::new(), base: base.to_owned(), creds, style }
    }

    /// An empty POST for the challenge, as several clients do first.
    pub(crate) async fn challenge(&self, path: &str) -> HashMap<String, String> {
        let res = self.http.post(format!("{}{path}", self.base)).send().await.unwrap();
        assert_eq!(res.status(), 401);
        let h = res.headers().get("www-authenticate").unwrap().to_str().unwrap().to_owned();
        challenge_params(&h)
    }

    pub(crate) async fn post_with(&self, path: &str, auth: &str, body: &Value) -> (u16, String) {
        self.post_text(path, auth, body.to_string()).await
    }

    async fn post_text(&self, path: &str, auth: &str, body: String) -> (u16, String) {
        let res = self
            .http
            .post(format!("{}{path}", self.base))
            .header("authorization", auth)
            .header("content-type", "application/json")
            .body(body)
            .send()
            .await
            .unwrap();
        (res.status().as_u16(), res.text().await.unwrap())
    }

    /// Challenge, then `body` sent exactly as written: status and answer.
    pub(crate) async fn call_text(&self, path: &str, body: &str) -> (u16, String) {
        let ch = self.challenge(path).await;
        let auth = authorization(self.style, &self.creds, "POST", path, &ch["nonce"], &ch["opaque"], 1);
        self.post_text(path, &auth, body.to_owned()).await
    }

    /// Challenge, then the signed request.
    pub(crate) async fn call(&self, path: &str, body: &Value) -> Value {
        let ch = self.challenge(path).await;
        let auth = authorization(self.style, &self.creds, "POST", path, &ch["nonce"], &ch["opaque"], 1);
        let (status, text) = self.post_with(path, &auth, body).await;
        assert_eq!(status, 200, "{text}");
        serde_json::from_str(&text).unwrap()
    }
}

pub(crate) fn sign_on_body(a: &Approved) -> Value {
    json!({"mitra": "DJI", "accountID": "081234567890", "merchantID": a.merchant_id, "merchantName": "PT.Testing", "counterID": "1"})
}

#[tokio::test]
async fn every_client_style_signs_on_and_reads_the_sandbox_deposit() {
    let app = TestApp::spawn().await;
    let a = approved(&app).await;
    let dev = gateway(&app.state, backend::gateway::Env::Development).await;
    let prod = gateway(&app.state, backend::gateway::Env::Production).await;

    // The challenge has the documented shape.
    let res = reqwest::Client::new().post(format!("{dev}/auth/Sign-On")).send().await.unwrap();
    assert_eq!(res.status(), 401);
    let h = res.headers().get("www-authenticate").unwrap().to_str().unwrap().to_owned();
    let shape = regex_like(&h);
    assert!(shape, "{h}");
    assert!(res.text().await.unwrap().starts_with("error"));

    for style in [Style::Requests, Style::Guzzle, Style::Go, Style::Curl] {
        let c = Client::new(&dev, &a.development, style);
        let out = c.call("/auth/Sign-On", &sign_on_body(&a)).await;
        let sid = out["SessionID"].as_str().unwrap_or_else(|| panic!("{style:?}: {out}"));
        assert!(sid.len() == 32 && sid.chars().all(|ch| ch.is_ascii_hexdigit()), "{style:?}: {out}");
        assert_eq!(out.as_object().unwrap().len(), 1, "exactly SessionID: {out}");
        let dep = c.call("/Services/getCurrentDeposit", &json!({"sessionID": sid, "merchantID": a.merchant_id})).await;
        assert_eq!(dep, json!({"rc": "00", "deposit": "10000000"}), "{style:?}");
    }
    // Production has its own deposit (empty) and its own credentials.
    let p = Client::new(&prod, &a.production, Style::Requests);
    let sid = p.call("/auth/Sign-On", &sign_on_body(&a)).await["SessionID"].as_str().unwrap().to_owned();
    let dep = p.call("/Services/getCurrentDeposit", &json!({"sessionID": sid, "merchantID": a.merchant_id})).await;
    assert_eq!(dep["deposit"], "0");
    let wrong_env = Client::new(&prod, &a.development, Style::Requests);
    let ch = wrong_env.challenge("/auth/Sign-On").await;
    let auth = authorization(Style::Requests, &a.development, "POST", "/auth/Sign-On", &ch["nonce"], &ch["opaque"], 1);
    assert_eq!(wrong_env.post_with("/auth/Sign-On", &auth, &sign_on_body(&a)).await.0, 401);
    // A production session is no session in development.
    let d = Client::new(&dev, &a.development, Style::Go);
    let out = d.call("/Services/getCurrentDeposit", &json!({"sessionID": sid, "merchantID": a.merchant_id})).await;
    assert_eq!(out["rc"], "34");
}

/// `Digest realm="…",qop="auth",nonce="<32 hex>",opaque="<32 hex>"`.
fn regex_like(h: &str) -> bool {
    let Some(rest) = h.strip_prefix(&format!(r#"Digest realm="{REALM}",qop="auth",nonce=""#)) else { return false };
    let (nonce, rest) = rest.split_at(32.min(rest.len()));
    let Some(opaque) = rest.strip_prefix(r#"",opaque=""#).and_then(|r| r.strip_suffix('"')) else { return false };
    [nonce, opaque].iter().all(|v| v.len() == 32 && v.chars().all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()))
}

#[tokio::test]
async fn a_nonce_serves_each_nc_once_and_the_uri_is_taken_as_sent() {
    let app = TestApp::spawn().await;
    let a = approved(&app).await;
    let dev = gateway(&app.state, backend::gateway::Env::Development).await;
    let c = Client::new(&dev, &a.development, Style::Requests);
    let ch = c.challenge("/auth/Sign-On").await;
    let first = authorization(Style::Requests, &a.development, "POST", "/auth/Sign-On", &ch["nonce"], &ch["opaque"], 1);
    assert_eq!(c.post_with("/auth/Sign-On", &first, &sign_on_body(&a)).await.0, 200);
    // The same header again is a replay.
    let (status, body) = c.post_with("/auth/Sign-On", &first, &sign_on_body(&a)).await;
    assert_eq!((status, body.starts_with("error")), (401, true));
    // python-requests reuses the nonce with the next nc: that is allowed.
    let second =
        authorization(Style::Requests, &a.development, "POST", "/auth/Sign-On", &ch["nonce"], &ch["opaque"], 2);
    assert_eq!(c.post_with("/auth/Sign-On", &second, &sign_on_body(&a)).await.0, 200);
    // One client always signs uri="/auth/Sign-On", whatever it calls.
    let sid: Value = serde_json::from_str(
        &c.post_with(
            "/auth/Sign-On",
            &authorization(Style::Requests, &a.development, "POST", "/auth/Sign-On", &ch["nonce"], &ch["opaque"], 3),
            &sign_on_body(&a),
        )
        .await
        .1,
    )
    .unwrap();
    let auth = authorization(Style::Requests, &a.development, "POST", "/auth/Sign-On", &ch["nonce"], &ch["opaque"], 4);
    let body = json!({"sessionID": sid["SessionID"], "merchantID": a.merchant_id});
    let (status, text) = c.post_with("/Services/getCurrentDeposit", &auth, &body).await;
    assert_eq!((status, serde_json::from_str::<Value>(&text).unwrap()["rc"].as_str()), (200, Some("00")));
    // A wrong password, an unknown nonce: a new challenge.
    let bad = Creds { user: a.development.user.clone(), password: "salah".into() };
    let ch = c.challenge("/auth/Sign-On").await;
    let auth = authorization(Style::Requests, &bad, "POST", "/auth/Sign-On", &ch["nonce"], &ch["opaque"], 1);
    assert_eq!(c.post_with("/auth/Sign-On", &auth, &sign_on_body(&a)).await.0, 401);
    let auth = authorization(
        Style::Requests,
        &a.development,
        "POST",
        "/auth/Sign-On",
        "0123456789abcdef0123456789abcdef",
        "x",
        1,
    );
    assert_eq!(c.post_with("/auth/Sign-On", &auth, &sign_on_body(&a)).await.0, 401);
}

#[tokio::test]
async fn bad_bodies_get_an_rc_never_a_page() {
    let app = TestApp::spawn().await;
    let a = approved(&app).await;
    let dev = gateway(&app.state, backend::gateway::Env::Development).await;
    let c = Client::new(&dev, &a.development, Style::Guzzle);
    for (path, body) in [("/auth/Sign-On", "not json"), ("/Services/Inquiry", "[1,2]")] {
        let ch = c.challenge(path).await;
        let auth = authorization(Style::Guzzle, &a.development, "POST", path, &ch["nonce"], &ch["opaque"], 1);
        let res = c.http.post(format!("{dev}{path}")).header("authorization", auth).body(body).send().await.unwrap();
        assert_eq!(res.headers()["content-type"], "application/json");
        let v: Value = res.json().await.unwrap();
        assert_eq!((v["rc"].as_str(), v["description"].as_str()), (Some("02"), Some("Format message salah")));
    }
    let out = c.call("/auth/Sign-On", &json!({"merchantID": a.merchant_id})).await;
    assert_eq!(out["rc"], "02", "missing fields: {out}");
    let out = c.call("/Services/NoSuchService", &json!({"sessionID": "x"})).await;
    assert_eq!(out["rc"], "34", "no session first: {out}");
}

#[tokio::test]
async fn the_hundredth_sign_on_blocks_the_merchant_until_staff_reset() {
    let app = TestApp::spawn().await;
    let a = approved(&app).await;
    let dev = gateway(&app.state, backend::gateway::Env::Development).await;
    let c = Client::new(&dev, &a.development, Style::Go);
    let mut sid = String::new();
    for _ in 0..99 {
        sid = c.call("/auth/Sign-On", &sign_on_body(&a)).await["SessionID"].as_str().unwrap().to_owned();
    }
    let out = c.call("/auth/Sign-On", &sign_on_body(&a)).await;
    assert_eq!(out["rc"], "34", "{out}");
    // Every call of the merchant is refused now, even with a live session.
    let dep = json!({"sessionID": sid, "merchantID": a.merchant_id});
    assert_eq!(c.call("/Services/getCurrentDeposit", &dep).await["rc"], "34");
    let staff = backend::audit::Actor::Staff { id: uuid::Uuid::now_v7(), name: "Operator".into() };
    backend::gateway::signon::reset(&app.state, &staff, a.user_id).await.unwrap();
    assert_eq!(c.call("/Services/getCurrentDeposit", &dep).await["rc"], "00");
    assert!(c.call("/auth/Sign-On", &sign_on_body(&a)).await["SessionID"].is_string());
}

#[tokio::test]
async fn two_gateway_instances_share_nonces_and_sessions() {
    let app = TestApp::spawn().await;
    let a = approved(&app).await;
    // A second instance: its own pool on the same database.
    let other = backend::AppState::build((*app.state.config).clone()).await.unwrap();
    let one = gateway(&app.state, backend::gateway::Env::Development).await;
    let two = gateway(&other, backend::gateway::Env::Development).await;
    let c1 = Client::new(&one, &a.development, Style::Requests);
    let c2 = Client::new(&two, &a.development, Style::Requests);
    let ch = c1.challenge("/auth/Sign-On").await;
    let auth = authorization(Style::Requests, &a.development, "POST", "/auth/Sign-On", &ch["nonce"], &ch["opaque"], 1);
    let (status, text) = c2.post_with("/auth/Sign-On", &auth, &sign_on_body(&a)).await;
    assert_eq!(status, 200, "a nonce of instance one is good on two: {text}");
    assert_eq!(c1.post_with("/auth/Sign-On", &auth, &sign_on_body(&a)).await.0, 401, "and spent on both");
    let sid = serde_json::from_str::<Value>(&text).unwrap()["SessionID"].as_str().unwrap().to_owned();
    let dep = c1.call("/Services/getCurrentDeposit", &json!({"sessionID": sid, "merchantID": a.merchant_id})).await;
    assert_eq!(dep["rc"], "00", "a session of two is good on one");
}

/// What the gateway remembers (`gateway::memo`, issue 17) is never stale: a
/// revoked address, a suspension, a changed credential, a product switched
/// off or a breaker opened counts from the very next request, on another
/// instance too, over a connection opened before the change.
#[tokio::test]
async fn a_change_counts_from_the_next_request_on_every_instance() {
    use app::server_fns::team::{PartnerReactivate, PartnerSuspend};
    use backend::entity::api_credential::{Column, Entity};
    let app = TestApp::spawn().await;
    let a = approved(&app).await;
    let other = backend::AppState::build((*app.state.config).clone()).await.unwrap();

    // The production address is revoked between a challenge and its answer.
    let prod = gateway(&other, backend::gateway::Env::Production).await;
    let p = Client::new(&prod, &a.production, Style::Requests);
    assert!(p.call("/auth/Sign-On", &sign_on_body(&a)).await["SessionID"].is_string());
    let ch = p.challenge("/auth/Sign-On").await;
    // (The partner's own portal session: suspension below ends it.)
    let page = app.send(IpList { list: search("") }).await.unwrap().ips;
    let prod_entry = page.items.iter().find(|e| e.environment == domain::Env::Production).unwrap().id;
    app.send(IpRemove { id: prod_entry }).await.unwrap();
    let auth = authorization(Style::Requests, &a.production, "POST", "/auth/Sign-On", &ch["nonce"], &ch["opaque"], 1);
    assert_eq!(p.post_with("/auth/Sign-On", &auth, &sign_on_body(&a)).await.0, 403, "revoked at once");

    // One development client on instance two throughout.
    let two = gateway(&other, backend::gateway::Env::Development).await;
    let c = Client::new(&two, &a.development, Style::Requests);
    let sid = c.call("/auth/Sign-On", &sign_on_body(&a)).await["SessionID"].as_str().unwrap().to_owned();
    let deposit = json!({"sessionID": sid, "merchantID": a.merchant_id});
    assert_eq!(c.call("/Services/getCurrentDeposit", &deposit).await["rc"], "00");
    let user_id = domain::UserId::from(a.user_id);
    send_with(&a.staff, &app.base, PartnerSuspend { user_id, reason: "Uji".into() }).await.unwrap();
    assert_eq!(c.call("/Services/getCurrentDeposit", &deposit).await["rc"], "10", "suspended at once");
    send_with(&a.staff, &app.base, PartnerReactivate { user_id, note: String::new() }).await.unwrap();
    assert_eq!(c.call("/Services/getCurrentDeposit", &deposit).await["rc"], "00", "active again at once");

    // What the gateway remembers of a product and of a breaker (`memo`):
    // a change in the database counts from the next request too.
    let pay = |reference: &str| {
        json!({"sessionID": sid, "merchantID": a.merchant_id, "productID": "501021", "customerID": "081234567800",
               "referenceID": reference, "tagihan": "000000010950", "admin": "000000000000", "total": "000000010950"})
    };
    assert_eq!(c.call("/Services/SinglePayment", &pay("memo-1")).await["rc"], "00", "remembered from here on");
    let product_status = |status: &'static str| {
        let db = app.state.db.clone();
        async move {
            use backend::entity::product::{Column, Entity};
            Entity::update_many()
                .col_expr(Column::Status, sea_orm::sea_query::Expr::value(status))
                .filter(Column::Code.eq("501021"))
                .exec(&db)
                .await
                .unwrap();
        }
    };
    product_status("nonaktif").await;
    assert_eq!(c.call("/Services/SinglePayment", &pay("memo-2")).await["rc"], "15", "switched off at once");
    product_status("aktif").await;
    assert_eq!(c.call("/Services/SinglePayment", &pay("memo-3")).await["rc"], "00", "on again at once");
    use sea_orm::ActiveValue::Set;
    let product = backend::entity::product::Entity::find_by_id("501021").one(&app.state.db).await.unwrap().unwrap();
    let breaker =
        backend::billers::breaker::Breaker::new(backend::gateway::Env::Development, a.user_id, &product.biller);
    let open = backend::entity::biller_breaker::ActiveModel {
        scope: Set(breaker.scope.clone()),
        biller: Set(breaker.biller.clone()),
        state: Set(domain::finance::BreakerState::Open),
        failures: Set(5),
        cooldown_secs: Set(30),
        open_until: Set(Some(chrono::Utc::now() + chrono::Duration::seconds(300))),
        opened_at: Set(Some(chrono::Utc::now())),
        trips: Set(1),
        last_error: Set(Some("uji".into())),
        updated_at: Set(chrono::Utc::now()),
    };
    backend::entity::biller_breaker::Entity::insert(open).exec(&app.state.db).await.unwrap();
    assert_eq!(
        c.call("/Services/SinglePayment", &pay("memo-4")).await["rc"],
        "38",
        "a breaker opened elsewhere, at once"
    );
    backend::entity::biller_breaker::Entity::delete_by_id(breaker.scope.clone()).exec(&app.state.db).await.unwrap();
    assert_eq!(c.call("/Services/SinglePayment", &pay("memo-5")).await["rc"], "00");

    // The credential changes in the database (as staff would reissue it).
    let changed = Entity::update_many()
        .col_expr(Column::Ha1, sea_orm::sea_query::Expr::value(md5("someone:else:entirely")))
        .filter(Column::UserId.eq(a.user_id))
        .filter(Column::Environment.eq(backend::gateway::Env::Development))
        .exec(&app.state.db)
        .await
        .unwrap();
    assert_eq!(changed.rows_affected, 1);
    let path = "/Services/getCurrentDeposit";
    let ch = c.challenge(path).await;
    let auth = authorization(Style::Requests, &a.development, "POST", path, &ch["nonce"], &ch["opaque"], 1);
    assert_eq!(c.post_with(path, &auth, &deposit).await.0, 401, "the old password, at once");
}

#[tokio::test]
async fn the_official_php_sample_works_over_a_raw_socket() {
    let app = TestApp::spawn().await;
    let a = approved(&app).await;
    let dev = gateway(&app.state, backend::gateway::Env::Development).await;
    let addr = dev.trim_start_matches("http://").to_owned();
    let body = sign_on_body(&a).to_string();
    let request = |auth: Option<&str>| {
        let auth = auth.map(|v| format!("Authorization : {v}\r\n")).unwrap_or_default();
        format!(
            "POST /auth/Sign-On HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\n{auth}Content-Length: {}\r\n\r\n{body}",
            body.len()
        )
    };
    let mut s = tokio::net::TcpStream::connect(&addr).await.unwrap();
    s.write_all(request(None).as_bytes()).await.unwrap();
    let raw = read_response(&mut s).await;
    // The sample: explode('WWW-Authenticate: ', $resp), take what precedes "error",
    // split on ',' then '='.
    let after = raw.split("WWW-Authenticate: ").nth(1).unwrap_or_else(|| panic!("{raw}"));
    let challenge = after.split("error").next().unwrap().trim();
    let mut params = HashMap::new();
    for part in challenge.trim_start_matches("Digest ").split(',') {
        let mut kv = part.splitn(2, '=');
        params.insert(
            kv.next().unwrap().trim().to_owned(),
            kv.next().unwrap_or_default().trim().trim_matches('"').to_owned(),
        );
    }
    assert_eq!(params["realm"], REALM);
    assert_eq!(params["qop"], "auth");
    assert_eq!(params.len(), 4, "nothing but the challenge before the body: {challenge:?}");
    // Its header has a space before the colon; the same connection is reused.
    let auth =
        authorization(Style::Guzzle, &a.development, "POST", "/auth/Sign-On", &params["nonce"], &params["opaque"], 1);
    s.write_all(request(Some(&auth)).as_bytes()).await.unwrap();
    let raw = read_response(&mut s).await;
    assert!(raw.starts_with("HTTP/1.1 200 OK\r\n"), "{raw}");
    assert!(raw.contains("Content-Type: application/json\r\n"), "{raw}");
    let json_body = raw.split("\r\n\r\n").nth(1).unwrap();
    assert!(serde_json::from_str::<Value>(json_body).unwrap()["SessionID"].is_string(), "{raw}");
}

/// One response (head and Content-Length body) off the socket.
async fn read_response(s: &mut tokio::net::TcpStream) -> String {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    loop {
        let n = s.read(&mut chunk).await.unwrap();
        assert!(n > 0, "closed early: {}", String::from_utf8_lossy(&buf));
        buf.extend_from_slice(&chunk[..n]);
        let text = String::from_utf8_lossy(&buf).to_string();
        if let Some(head_end) = text.find("\r\n\r\n") {
            let len: usize = text[..head_end]
                .lines()
                .find_map(|l| l.strip_prefix("Content-Length: "))
                .map(|v| v.trim().parse().unwrap())
                .unwrap_or(0);
            if buf.len() >= head_end + 4 + len {
                return text;
            }
        }
    }
}

#[tokio::test]
async fn a_python_requests_client_works_unmodified() {
    let app = TestApp::spawn().await;
    let a = approved(&app).await;
    let dev = gateway(&app.state, backend::gateway::Env::Development).await;
    let script = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../end2end/python/gateway_client.py");
    let mut cmd = std::process::Command::new("python3");
    cmd.arg(&script)
        .env("GATEWAY_URL", &dev)
        .env("API_USER", &a.development.user)
        .env("API_PASSWORD", &a.development.password)
        .env("MERCHANT_ID", &a.merchant_id);
    // On the blocking pool: the gateway it talks to runs on this runtime.
    let out = match tokio::task::spawn_blocking(move || cmd.output()).await.unwrap() {
        Ok(out) => out,
        Err(e) if std::env::var("TEST_REQUIRE_SERVICES").is_err() => {
            eprintln!("skipped: python3 not available ({e})");
            return;
        }
        Err(e) => panic!("python3: {e}"),
    };
    let stderr = String::from_utf8_lossy(&out.stderr);
    if stderr.contains("No module named 'requests'") && std::env::var("TEST_REQUIRE_SERVICES").is_err() {
        eprintln!("skipped: python requests not installed");
        return;
    }
    assert!(out.status.success(), "{}\n{stderr}", String::from_utf8_lossy(&out.stdout));
}

/// Signs on with a Go-style client and returns it with the session body.
pub(crate) async fn signed_on(dev: &str, a: &Approved) -> (Client, String) {
    let c = Client::new(dev, &a.development, Style::Go);
    let sid = c.call("/auth/Sign-On", &sign_on_body(a)).await["SessionID"].as_str().unwrap().to_owned();
    (c, sid)
}

pub(crate) fn with_session(sid: &str, a: &Approved, v: Value) -> Value {
    let mut v = v;
    v["sessionID"] = json!(sid);
    v["merchantID"] = json!(a.merchant_id);
    v
}

async fn books_balance(app: &TestApp, a: &Approved) -> (i64, i64) {
    let env = backend::gateway::Env::Development;
    let balance = backend::ledger::balance(&app.state.db, a.user_id, env).await.unwrap();
    let sum = backend::ledger::entries_sum(&app.state.db, a.user_id, env).await.unwrap();
    (balance, sum)
}

#[tokio::test]
async fn inquiry_then_payment_debits_once_and_check_status_tells_the_outcome() {
    let app = TestApp::spawn().await;
    let a = approved(&app).await;
    let dev = gateway(&app.state, backend::gateway::Env::Development).await;
    let (c, sid) = signed_on(&dev, &a).await;
    let inq = c
        .call(
            "/Services/Inquiry",
            &with_session(
                &sid,
                &a,
                json!({"productID": "100301", "customerID": "110100019766", "referenceID": "000000000001"}),
            ),
        )
        .await;
    assert_eq!(inq["rc"], "00", "{inq}");
    assert_eq!(inq["referenceID"], "000000000001");
    let data = &inq["data"];
    let (tagihan, admin, total) =
        (data["tagihan"].as_str().unwrap(), data["admin"].as_str().unwrap(), data["total"].as_str().unwrap());
    assert_eq!((tagihan.len(), admin), (12, "000000002750"));
    let total_n: i64 = total.parse().unwrap();

    // Payment without its inquiry, with other amounts, and a reused reference.
    let pay = |reference: &str, tagihan: &str, admin: &str, total: &str| {
        with_session(
            &sid,
            &a,
            json!({"productID": "100301", "customerID": "110100019766", "referenceID": reference, "tagihan": tagihan, "admin": admin, "total": total}),
        )
    };
    assert_eq!(c.call("/Services/Payment", &pay("000000000999", tagihan, admin, total)).await["rc"], "61");
    assert_eq!(c.call("/Services/Payment", &pay("000000000001", tagihan, "0", total)).await["rc"], "70");
    let again = c
        .call(
            "/Services/Inquiry",
            &with_session(
                &sid,
                &a,
                json!({"productID": "100301", "customerID": "110100019766", "referenceID": "000000000001"}),
            ),
        )
        .await;
    assert_eq!(again["rc"], "86");

    // Unpadded amounts are fine; the answer pads them.
    let unpadded = total_n.to_string();
    let paid =
        c.call("/Services/Payment", &pay("000000000001", tagihan.trim_start_matches('0'), "2750", &unpadded)).await;
    assert_eq!(paid["rc"], "00", "{paid}");
    assert_eq!(paid["data"]["total"], total);
    assert_eq!(paid["data"]["status"], "SUKSES");
    let repeat = c.call("/Services/Payment", &pay("000000000001", tagihan, admin, total)).await;
    assert_eq!(repeat["rc"], "86", "a repeated payment is not paid twice: {repeat}");
    assert_eq!(books_balance(&app, &a).await, (10_000_000 - total_n, 10_000_000 - total_n));

    let status = c.call("/Services/Check-Status", &pay("000000000001", tagihan, admin, total)).await;
    assert_eq!((status["rc"].as_str(), status["data"]["status"].as_str()), (Some("00"), Some("SUKSES")));
    let none = c.call("/Services/Check-Status", &pay("404", tagihan, admin, total)).await;
    assert_eq!(none["rc"], "19");
    // Declined at the biller, unknown product, product of the other flow.
    let declined = c
        .call(
            "/Services/Inquiry",
            &with_session(&sid, &a, json!({"productID": "400461", "customerID": "1234564", "referenceID": "x2"})),
        )
        .await;
    assert_eq!(
        (declined["rc"].as_str(), declined["description"].as_str()),
        (Some("64"), Some("Tagihan sudah terbayar"))
    );
    let unknown = c
        .call(
            "/Services/Inquiry",
            &with_session(&sid, &a, json!({"productID": "999999", "customerID": "1", "referenceID": "x3"})),
        )
        .await;
    assert_eq!(unknown["rc"], "15");
    let wrong_flow = c
        .call(
            "/Services/Inquiry",
            &with_session(&sid, &a, json!({"productID": "501021", "customerID": "1", "referenceID": "x4"})),
        )
        .await;
    assert_eq!(wrong_flow["rc"], "41");
}

#[tokio::test]
async fn pulsa_is_paid_at_the_catalog_price_and_pending_ones_settle() {
    let app = TestApp::spawn().await;
    let a = approved(&app).await;
    let dev = gateway(&app.state, backend::gateway::Env::Development).await;
    let (c, sid) = signed_on(&dev, &a).await;
    let prices = c.call("/Services/getPulsa-Prabayar", &with_session(&sid, &a, json!({"prefixID": "21"}))).await;
    let record = prices["record"].as_array().unwrap();
    let tsel10 = record.iter().find(|r| r["code"] == "501021").unwrap();
    assert_eq!(tsel10["price"], "10950");
    let cat = c.call("/Services/getHargaByProductID", &with_session(&sid, &a, json!({"prefixID": "EWALLET"}))).await;
    assert!(cat["record"].as_array().unwrap().iter().all(|r| r["status"] == "AKTIF"));
    // Real clients ask by sub-family code (open-api.md §4): AAE.AAAB is Telkomsel pulsa.
    let codes = |v: &Value| {
        v["record"].as_array().unwrap().iter().map(|r| r["code"].as_str().unwrap().to_owned()).collect::<Vec<_>>()
    };
    let telkomsel =
        c.call("/Services/getHargaByProductID", &with_session(&sid, &a, json!({"prefixID": "AAE.AAAB"}))).await;
    assert_eq!(codes(&telkomsel), ["500521", "501021", "502521", "505021", "510021"], "{telkomsel}");
    let indosat =
        c.call("/Services/getHargaByProductID", &with_session(&sid, &a, json!({"prefixID": "aae.aaaa"}))).await;
    assert_eq!(codes(&indosat), ["500511", "501011", "502511"]);
    let unknown =
        c.call("/Services/getHargaByProductID", &with_session(&sid, &a, json!({"prefixID": "ZZZ.ZZZZ"}))).await;
    assert_eq!((unknown["rc"].as_str(), codes(&unknown).len()), (Some("00"), 0));
    let active = c.call("/Services/get-Active-Product", &with_session(&sid, &a, json!({}))).await;
    assert!(active["active"].as_str().unwrap().split(',').any(|code| code == "100301"), "{active}");

    let single = |customer: &str, reference: &str, price: &str| {
        with_session(
            &sid,
            &a,
            json!({"productID": "501021", "customerID": customer, "referenceID": reference, "tagihan": price, "admin": "000000000000", "total": price}),
        )
    };
    assert_eq!(c.call("/Services/SinglePayment", &single("081234567800", "p1", "000000010000")).await["rc"], "42");
    let ok = c.call("/Services/SinglePayment", &single("081234567800", "p1", "000000010950")).await;
    assert_eq!((ok["rc"].as_str(), ok["data"]["status"].as_str()), (Some("00"), Some("SUKSES")));
    // …01: pending, then success when asked.
    let pending = c.call("/Services/SinglePayment", &single("081234567801", "p2", "000000010950")).await;
    assert_eq!(pending["rc"], "71", "{pending}");
    let later = c.call("/Services/Check-Status", &single("081234567801", "p2", "000000010950")).await;
    assert_eq!(later["rc"], "00");
    // …17: pending, then failed and refunded.
    let before = books_balance(&app, &a).await.0;
    assert_eq!(c.call("/Services/SinglePayment", &single("081234567817", "p3", "000000010950")).await["rc"], "71");
    assert_eq!(books_balance(&app, &a).await.0, before - 10_950, "a pending payment keeps its debit");
    let failed = c.call("/Services/Check-Status", &single("081234567817", "p3", "000000010950")).await;
    assert_eq!((failed["rc"].as_str(), failed["data"]["status"].as_str()), (Some("17"), Some("GAGAL")));
    assert_eq!(books_balance(&app, &a).await, (before, before), "refunded");
    assert_eq!(c.call("/Services/Check-Status", &single("081234567817", "p3", "000000010950")).await["rc"], "17");
    assert_eq!(books_balance(&app, &a).await.0, before, "refunded once");
}

fn merchant(a: &Approved) -> backend::gateway::Merchant {
    backend::gateway::Merchant {
        user_id: a.user_id,
        merchant_id: a.merchant_id.clone(),
        env: backend::gateway::Env::Development,
    }
}

#[tokio::test]
async fn a_hundred_parallel_payments_with_one_reference_debit_once() {
    let app = TestApp::spawn().await;
    let a = approved(&app).await;
    let m = merchant(&a);
    let body = json!({"productID": "501021", "customerID": "081200000000", "referenceID": "same-ref", "tagihan": "10950", "admin": "0", "total": "10950"});
    let tasks: Vec<_> = (0..100)
        .map(|_| {
            let (state, m, body) = (app.state.clone(), m.clone(), body.clone());
            tokio::spawn(async move { backend::gateway::services::single_payment(&state, &m, &body).await })
        })
        .collect();
    let mut ok = 0;
    for t in tasks {
        match t.await.unwrap() {
            Ok(v) if v["rc"] == "00" => ok += 1,
            Ok(v) => panic!("{v}"),
            Err(e) => assert_eq!(backend::gateway::rc::Rc::of(&e).code(), "86", "{e:?}"),
        }
    }
    assert_eq!(ok, 1);
    assert_eq!(books_balance(&app, &a).await, (10_000_000 - 10_950, 10_000_000 - 10_950));
}

#[tokio::test]
async fn five_hundred_parallel_payments_never_take_the_deposit_below_zero() {
    let app = TestApp::spawn().await;
    let a = approved(&app).await;
    let m = merchant(&a);
    // 500 × Rp 99.250 is far above the Rp 10.000.000 deposit.
    let tasks: Vec<_> = (0..500)
        .map(|i| {
            let (state, m) = (app.state.clone(), m.clone());
            let body = json!({"productID": "510021", "customerID": "081200000000", "referenceID": format!("r{i}"), "tagihan": "99250", "admin": "0", "total": "99250"});
            tokio::spawn(async move { backend::gateway::services::single_payment(&state, &m, &body).await })
        })
        .collect();
    let (mut paid, mut short) = (0i64, 0);
    for t in tasks {
        match t.await.unwrap() {
            Ok(v) if v["rc"] == "00" => paid += 1,
            Ok(v) => panic!("{v}"),
            Err(e) => {
                assert_eq!(backend::gateway::rc::Rc::of(&e).code(), "12", "{e:?}");
                short += 1;
            }
        }
    }
    let (balance, sum) = books_balance(&app, &a).await;
    assert!(balance >= 0);
    assert_eq!(balance, sum, "the ledger explains the balance");
    assert_eq!(paid, 100, "10.000.000 / 99.250 = 100 payments fit");
    assert_eq!(short, 400);
    assert_eq!(balance, 10_000_000 - paid * 99_250);
    // A paid reference sent again with the deposit now short is told as
    // already used (rc 86), not as a short deposit.
    let one = backend::entity::transaction::Entity::find()
        .filter(backend::entity::transaction::Column::Status.eq(domain::transaction::TxStatus::Success))
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    let body = json!({"productID": "510021", "customerID": "081200000000", "referenceID": one.reference_id, "tagihan": "99250", "admin": "0", "total": "99250"});
    let again = backend::gateway::services::single_payment(&app.state, &m, &body).await;
    assert_eq!(again.map_err(|e| backend::gateway::rc::Rc::of(&e).code()).err(), Some("86"));
    assert_eq!(books_balance(&app, &a).await.0, balance);
}

/// Payments of one deposit that arrive together are written together on
/// PostgreSQL (`gateway::payment_batches`): each still has its own ledger
/// entry with the balance after it, in the order they were written, and a
/// repeated reference among them is refused alone.
#[tokio::test]
async fn payments_of_one_deposit_arriving_together_keep_the_ledger_in_order() {
    let app = TestApp::spawn().await;
    let a = approved(&app).await;
    let m = merchant(&a);
    let pay_all = |references: Vec<String>| {
        let tasks: Vec<_> = references
            .into_iter()
            .map(|r| {
                let (state, m) = (app.state.clone(), m.clone());
                let body = json!({"productID": "501021", "customerID": "081200000000", "referenceID": r, "tagihan": "10950", "admin": "0", "total": "10950"});
                tokio::spawn(async move { backend::gateway::services::single_payment(&state, &m, &body).await })
            })
            .collect();
        async move {
            let mut rcs = Vec::new();
            for t in tasks {
                rcs.push(match t.await.unwrap() {
                    Ok(v) => v["rc"].as_str().unwrap_or_default().to_owned(),
                    Err(e) => backend::gateway::rc::Rc::of(&e).code().to_owned(),
                });
            }
            rcs
        }
    };
    let rcs = pay_all((0..40).map(|i| format!("b{i}")).collect()).await;
    assert!(rcs.iter().all(|rc| rc == "00"), "{rcs:?}");
    assert_eq!(books_balance(&app, &a).await, (10_000_000 - 40 * 10_950, 10_000_000 - 40 * 10_950));
    let mut entries = backend::entity::ledger_entry::Entity::find()
        .filter(backend::entity::ledger_entry::Column::UserId.eq(a.user_id))
        .filter(backend::entity::ledger_entry::Column::Environment.eq(m.env))
        .all(&app.state.db)
        .await
        .unwrap();
    entries.sort_by_key(|e| e.id);
    assert_eq!(entries.len(), 41, "the top-up and one entry per payment");
    for pair in entries.windows(2) {
        assert_eq!(pair[1].balance_after, pair[0].balance_after + pair[1].amount, "{pair:?}");
    }
    if sea_orm::ConnectionTrait::get_database_backend(&app.state.db) == sea_orm::DbBackend::Postgres {
        let (statements, payments) = app.state.payment_batches.together();
        assert!(statements >= 1 && payments >= 2 * statements, "written together: {payments} in {statements}");
    }
    // Ten references each sent twice at once: one of each pair is paid.
    let rcs = pay_all((0..20).map(|i| format!("d{}", i % 10)).collect()).await;
    assert_eq!(rcs.iter().filter(|rc| *rc == "00").count(), 10, "{rcs:?}");
    assert_eq!(rcs.iter().filter(|rc| *rc == "86").count(), 10, "{rcs:?}");
    assert_eq!(books_balance(&app, &a).await, (10_000_000 - 50 * 10_950, 10_000_000 - 50 * 10_950));
}

/// A payment that writes for its deposit and goes away (its client hung up)
/// leaves nobody waiting: the payments queued behind it write themselves.
#[tokio::test]
async fn payments_queued_behind_a_writer_that_went_away_are_still_written() {
    use sea_orm::{ConnectionTrait, DbBackend, Statement, TransactionTrait};
    let app = TestApp::spawn().await;
    if app.state.db.get_database_backend() != DbBackend::Postgres {
        return; // SQLite writes one payment at a time: nobody queues.
    }
    let a = approved(&app).await;
    let m = merchant(&a);
    let pay = |r: &str| {
        let (state, m) = (app.state.clone(), m.clone());
        let body = json!({"productID": "501021", "customerID": "081200000000", "referenceID": r, "tagihan": "10950", "admin": "0", "total": "10950"});
        tokio::spawn(async move { backend::gateway::services::single_payment(&state, &m, &body).await })
    };
    // The deposit's row is held, so the first payment's write waits on it.
    let holder = app.state.db.begin().await.unwrap();
    let hold = "SELECT balance FROM deposits WHERE user_id = $1 AND environment = $2 FOR UPDATE";
    let values = vec![a.user_id.into(), m.env.code().into()];
    holder.execute_raw(Statement::from_sql_and_values(DbBackend::Postgres, hold, values)).await.unwrap();
    let writer = pay("g0");
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let queued: Vec<_> = ["g1", "g2", "g3"].into_iter().map(pay).collect();
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    writer.abort();
    holder.rollback().await.unwrap();
    for t in queued {
        let answer = tokio::time::timeout(std::time::Duration::from_secs(20), t).await.expect("not left waiting");
        assert_eq!(answer.unwrap().unwrap()["rc"], "00");
    }
    // The first payment's statement may have reached the database before
    // its request went away: then it is written too, whole.
    let (balance, sum) = books_balance(&app, &a).await;
    assert_eq!(balance, sum);
    assert!([10_000_000 - 3 * 10_950, 10_000_000 - 4 * 10_950].contains(&balance), "{balance}");
}

#[tokio::test]
async fn a_failed_pending_payment_is_refunded_once_even_with_two_workers() {
    let app = TestApp::spawn().await;
    let a = approved(&app).await;
    let m = merchant(&a);
    let body = json!({"productID": "501021", "customerID": "081200000017", "referenceID": "w1", "tagihan": "10950", "admin": "0", "total": "10950"});
    let first = backend::gateway::services::single_payment(&app.state, &m, &body).await.unwrap();
    assert_eq!(first["rc"], "71");
    let pending = backend::entity::transaction::Entity::find()
        .filter(backend::entity::transaction::Column::Status.eq("pending"))
        .all(&app.state.db)
        .await
        .unwrap();
    assert_eq!(pending.len(), 1);
    let workers: Vec<_> = (0..2)
        .map(|_| {
            let (state, t) = (app.state.clone(), pending[0].clone());
            tokio::spawn(async move { backend::gateway::settlement::poll(&state, t).await.unwrap() })
        })
        .collect();
    let mut settled = Vec::new();
    for w in workers {
        settled.extend(w.await.unwrap());
    }
    // One worker held the job; the other found it taken or already settled.
    assert_eq!(settled.len(), 1);
    assert_eq!(settled[0].status.code(), "failed");
    assert_eq!(books_balance(&app, &a).await, (10_000_000, 10_000_000));
    let refunds = backend::entity::ledger_entry::Entity::find()
        .filter(backend::entity::ledger_entry::Column::Kind.eq("refund"))
        .all(&app.state.db)
        .await
        .unwrap();
    assert_eq!(refunds.len(), 1);
}

#[tokio::test]
async fn only_approved_addresses_of_the_environment_reach_the_gateway() {
    let app = TestApp::spawn().await;
    let a = approved(&app).await;
    let dev = gateway(&app.state, backend::gateway::Env::Development).await;
    // Remove the development approval: 127.0.0.1 is now unknown there.
    let page = app.send(IpList { list: search("") }).await.unwrap().ips;
    let dev_entry = page.items.iter().find(|e| e.environment == domain::Env::Development).unwrap().id;
    app.send(IpRemove { id: dev_entry }).await.unwrap();
    let refused = |with_xff: bool| {
        let dev = dev.clone();
        let body = sign_on_body(&a).to_string();
        async move {
            let mut req = reqwest::Client::new().post(format!("{dev}/auth/Sign-On")).body(body);
            if with_xff {
                req = req.header("x-forwarded-for", "10.9.8.7");
            }
            let res = req.send().await.unwrap();
            let challenged = res.headers().get("www-authenticate").is_some();
            (res.status().as_u16(), challenged, res.json::<Value>().await.unwrap()["rc"].clone())
        }
    };
    assert_eq!(refused(false).await, (403, false, json!("10")), "refused before any challenge");
    // Registered again but not yet approved: still refused.
    let _: domain::finance::IpEntryOut =
        app.send(IpAdd { environment: "development".into(), ip: "127.0.0.1".into() }).await.unwrap();
    assert_eq!(refused(false).await.0, 403);
    // An approved address behind a proxy we do not trust counts for nothing.
    let staff = &a.staff;
    let _: domain::finance::IpEntryOut =
        app.send(IpAdd { environment: "development".into(), ip: "10.9.8.7".into() }).await.unwrap();
    let queue: Vec<domain::finance::IpEntryOut> = crate::common::send_with(staff, &app.base, IpQueue {}).await.unwrap();
    let spoofed = queue.iter().find(|e| e.ip == "10.9.8.7").unwrap();
    assert_eq!(spoofed.merchant_id.as_deref(), Some(a.merchant_id.as_str()));
    send_with(staff, &app.base, IpDecide { id: spoofed.id, approve: true, reason: String::new() }).await.unwrap();
    assert_eq!(refused(true).await.0, 403, "X-Forwarded-For from an untrusted peer is ignored");
    // Production is approved for 127.0.0.1 and still works.
    let prod = gateway(&app.state, backend::gateway::Env::Production).await;
    let p = Client::new(&prod, &a.production, Style::Requests);
    assert!(p.call("/auth/Sign-On", &sign_on_body(&a)).await["SessionID"].is_string());
}

/// A partner's callback endpoint: records what arrives, answers `status`.
pub(crate) async fn callback_receiver(
    status: std::sync::Arc<std::sync::atomic::AtomicU16>,
) -> (String, std::sync::Arc<std::sync::Mutex<Vec<(axum::http::HeaderMap, String)>>>) {
    use axum::routing::post;
    let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let (s2, st2) = (seen.clone(), status.clone());
    let app = axum::Router::new().route(
        "/cb",
        post(move |headers: axum::http::HeaderMap, body: String| {
            let (seen, status) = (s2.clone(), st2.clone());
            async move {
                seen.lock().unwrap().push((headers, body));
                axum::http::StatusCode::from_u16(status.load(std::sync::atomic::Ordering::SeqCst)).unwrap()
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/cb", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (url, seen)
}

#[tokio::test]
async fn a_pending_payment_that_settles_is_called_back_signed_and_retried() {
    use hmac::{Hmac, Mac};
    // The receiver runs on this machine: private addresses allowed here.
    let app = TestApp::spawn_set("callbacks_allow_private", true).await;
    let a = approved(&app).await;
    let status = std::sync::Arc::new(std::sync::atomic::AtomicU16::new(500));
    let (url, seen) = callback_receiver(status.clone()).await;
    let err = app.send(CallbackSetUrl { url: "ftp://example.com/cb".into() }).await.unwrap_err();
    assert_eq!(err, AppError::Invalid(vec![domain::FieldError::new("url", domain::Problem::UrlInvalid)]));
    let _: () = app.send(CallbackSetUrl { url: url.to_string() }).await.unwrap();
    let m = merchant(&a);
    let body = json!({"productID": "501021", "customerID": "081200000001", "referenceID": "cb1", "tagihan": "10950", "admin": "0", "total": "10950"});
    let first = backend::gateway::services::single_payment(&app.state, &m, &body).await.unwrap();
    assert_eq!(first["rc"], "71", "pending: the partner waits for the callback");
    let done = backend::gateway::services::check_status(&app.state, &m, &body).await.unwrap();
    assert_eq!(done["rc"], "00");

    // The worker sends it; the partner's server answers 500 the first time.
    let wait_for = |n: usize| {
        let seen = seen.clone();
        async move {
            for _ in 0..100 {
                if seen.lock().unwrap().len() >= n {
                    return;
                }
                tokio::time::sleep(std::time::Duration::from_millis(100)).await;
            }
            panic!("no callback #{n}");
        }
    };
    wait_for(1).await;
    // The receiver has answered; the worker records that answer just after.
    let mut settings: domain::finance::CallbackSettingsOut = app.send(CallbackSettings {}).await.unwrap();
    for _ in 0..50 {
        if settings.deliveries.first().is_some_and(|d| d.attempts > 0) {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        settings = app.send(CallbackSettings {}).await.unwrap();
    }
    let delivery = settings.deliveries[0].clone();
    assert_eq!((delivery.status.code(), delivery.attempts, delivery.last_status), ("pending", 1, Some(500)));

    // "Kirim ulang" once the partner's server is fixed: delivered, signed.
    status.store(200, std::sync::atomic::Ordering::SeqCst);
    app.send(CallbackResend { id: delivery.id }).await.unwrap();
    wait_for(2).await;
    let (headers, payload) = seen.lock().unwrap()[1].clone();
    let ts = headers["x-callback-timestamp"].to_str().unwrap().to_owned();
    let mut mac = Hmac::<sha2::Sha256>::new_from_slice(settings.secret.as_bytes()).unwrap();
    mac.update(format!("{ts}.{payload}").as_bytes());
    assert_eq!(
        headers["x-callback-signature"].to_str().unwrap(),
        format!("sha256={}", hex::encode(mac.finalize().into_bytes()))
    );
    let v: Value = serde_json::from_str(&payload).unwrap();
    assert_eq!(
        (v["rc"].as_str(), v["referenceID"].as_str(), v["merchantID"].as_str()),
        (Some("00"), Some("cb1"), Some(a.merchant_id.as_str()))
    );
    for _ in 0..50 {
        let s: domain::finance::CallbackSettingsOut = app.send(CallbackSettings {}).await.unwrap();
        if s.deliveries[0].status == domain::finance::DeliveryStatus::Delivered {
            // Another partner cannot resend it.
            let other = crate::common::new_client(&app.base);
            app.signed_in_partner_on(&other).await;
            let err = send_with(&other, &app.base, CallbackResend { id: delivery.id }).await;
            assert_eq!(err.unwrap_err(), AppError::Problem(domain::Problem::NotFound));
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("not marked delivered");
}

#[tokio::test]
async fn the_h_plus_1_reconciliation_closes_a_day_once() {
    use sea_orm::ConnectionTrait;
    let app = TestApp::spawn().await;
    let a = approved(&app).await;
    let m = merchant(&a);
    let pay = |customer: &str, reference: &str| json!({"productID": "501021", "customerID": customer, "referenceID": reference, "tagihan": "10950", "admin": "0", "total": "10950"});
    for (customer, reference) in [("081200000001", "h1"), ("081200000017", "h2")] {
        let out = backend::gateway::services::single_payment(&app.state, &m, &pay(customer, reference)).await.unwrap();
        assert_eq!(out["rc"], "71");
    }
    // Make them yesterday's (WIB) payments.
    let two_days = chrono::Utc::now() - chrono::Duration::days(2);
    let day = (two_days + chrono::Duration::hours(7)).format("%Y-%m-%d").to_string();
    let stmt = sea_orm::Statement::from_sql_and_values(
        app.state.db.get_database_backend(),
        "UPDATE transactions SET created_at = $1 WHERE kind = 'payment'",
        [two_days.into()],
    );
    app.state.db.execute_raw(stmt).await.unwrap();
    let before = books_balance(&app, &a).await.0;
    let out = backend::gateway::settlement::reconcile_day(&app.state, &day).await.unwrap();
    assert_eq!((out.succeeded, out.failed), (1, 1));
    assert_eq!(books_balance(&app, &a).await, (before + 10_950, before + 10_950), "the failed one refunded");
    let again = backend::gateway::settlement::reconcile_day(&app.state, &day).await.unwrap();
    assert_eq!((again.succeeded, again.failed), (0, 0), "a re-run changes nothing");
    assert_eq!(books_balance(&app, &a).await.0, before + 10_950);
    let today = (chrono::Utc::now() + chrono::Duration::hours(7)).format("%Y-%m-%d").to_string();
    let err = backend::gateway::settlement::reconcile_day(&app.state, &today).await.unwrap_err();
    assert_eq!(backend::gateway::rc::Rc::of(&err).code(), "02", "{err:?}");
    // Finance may run it from the back office; partners may not.
    let run = || ReconcileDay { day: day.clone() };
    let out = crate::common::send_with(&a.staff, &app.base, run()).await.unwrap();
    assert_eq!((out.succeeded, out.failed, out.busy), (0, 0, 0));
    let err = app.send(run()).await.unwrap_err();
    assert_eq!(err, AppError::Problem(domain::Problem::NotLoggedIn));
}

/// Sends `bytes` on a fresh connection; what came back until the server
/// closed (or `wait` passed), and whether it closed.
async fn raw_exchange(addr: &str, bytes: &[u8], wait: std::time::Duration) -> (String, bool) {
    let mut s = tokio::net::TcpStream::connect(addr).await.unwrap();
    s.write_all(bytes).await.unwrap();
    let mut out = Vec::new();
    let mut chunk = [0u8; 4096];
    let closed = loop {
        match tokio::time::timeout(wait, s.read(&mut chunk)).await {
            Ok(Ok(0)) | Ok(Err(_)) => break true,
            Ok(Ok(n)) => out.extend_from_slice(&chunk[..n]),
            Err(_) => break false,
        }
    };
    (String::from_utf8_lossy(&out).into_owned(), closed)
}

#[tokio::test]
async fn ambiguous_framing_is_refused_with_400_and_the_connection_closed() {
    let app = TestApp::spawn().await;
    let _a = approved(&app).await;
    let dev = gateway(&app.state, backend::gateway::Env::Development).await;
    let addr = dev.trim_start_matches("http://").to_owned();
    let head = "POST /auth/Sign-On HTTP/1.1\r\nHost: x\r\n";
    let second = format!("{head}Content-Length: 0\r\n\r\n");
    for (why, extra) in [
        ("two lengths", "Content-Length: 2\r\nContent-Length: 2\r\n\r\n{}"),
        ("length and chunked", "Content-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"),
        ("not exactly chunked", "Transfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n"),
        ("signed length", "Content-Length: +2\r\n\r\n{}"),
        ("folded line", "X-A: a\r\n b\r\nContent-Length: 0\r\n\r\n"),
        ("space before a colon", "Content-Length : 0\r\n\r\n"),
        ("overflowing chunk", "Transfer-Encoding: chunked\r\n\r\nffffffffffffffffffff\r\n"),
    ] {
        // A second request follows on the same connection: it must never be read.
        let request = format!("{head}{extra}{second}");
        let (answer, closed) = raw_exchange(&addr, request.as_bytes(), std::time::Duration::from_secs(5)).await;
        assert!(answer.starts_with("HTTP/1.1 400"), "{why}: {answer}");
        assert_eq!(answer.matches("HTTP/1.1").count(), 1, "{why}: only one answer: {answer}");
        assert!(closed, "{why}: closed after the 400");
    }
    // The PHP sample's `Authorization :` still works (the_official_php_sample…),
    // and so does a plain chunked body.
    let chunked = format!("{head}Transfer-Encoding: chunked\r\n\r\n2\r\n{{}}\r\n0\r\n\r\n");
    let (answer, _) = raw_exchange(&addr, chunked.as_bytes(), std::time::Duration::from_millis(500)).await;
    assert!(answer.starts_with("HTTP/1.1 401"), "{answer}");
}

#[tokio::test]
async fn an_address_not_on_a_whitelist_is_refused_without_its_request_being_read() {
    let app = TestApp::spawn_set("gateway_read_timeout_secs", 1).await;
    let dev = gateway(&app.state, backend::gateway::Env::Development).await;
    let addr = dev.trim_start_matches("http://").to_owned();
    // A body of 200 KiB announced but never sent: the refusal comes right
    // after the head, nothing waits for (or reads) the body.
    let head = b"POST /auth/Sign-On HTTP/1.1\r\nHost: x\r\nContent-Length: 204800\r\n\r\n";
    let started = std::time::Instant::now();
    let (answer, closed) = raw_exchange(&addr, head, std::time::Duration::from_secs(5)).await;
    assert!(answer.starts_with("HTTP/1.1 403"), "{answer}");
    assert!(answer.contains(r#""rc":"10""#) && closed, "{answer}");
    assert!(started.elapsed() < std::time::Duration::from_secs(3), "{:?}", started.elapsed());
    // Silence is not waited for beyond the read timeout.
    let (answer, closed) = raw_exchange(&addr, b"", std::time::Duration::from_secs(5)).await;
    assert!(answer.is_empty() && closed, "{answer}");
}

#[tokio::test]
async fn connections_are_capped_and_slow_clients_are_cut_off() {
    let app = crate::common::TestApp::spawn_with(|f| {
        f.merge(figment::providers::Serialized::default("gateway_max_connections", 2))
            .merge(figment::providers::Serialized::default("gateway_read_timeout_secs", 1))
    })
    .await;
    let a = approved(&app).await;
    let dev = gateway(&app.state, backend::gateway::Env::Development).await;
    let addr = dev.trim_start_matches("http://").to_owned();
    // Two clients that send half a head and stall: each is cut off after
    // the read timeout, and meanwhile a third is turned away.
    let mut slow = Vec::new();
    for _ in 0..2 {
        let mut s = tokio::net::TcpStream::connect(&addr).await.unwrap();
        s.write_all(b"POST /auth/Sign-On HTTP/1.1\r\nHost: x\r\n").await.unwrap();
        slow.push(s);
    }
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    let (answer, closed) = raw_exchange(&addr, b"", std::time::Duration::from_secs(5)).await;
    assert!(answer.starts_with("HTTP/1.1 503") && closed, "{answer}");
    for mut s in slow {
        let mut buf = [0u8; 64];
        let n = tokio::time::timeout(std::time::Duration::from_secs(5), s.read(&mut buf)).await.unwrap().unwrap_or(0);
        assert_eq!(n, 0, "the stalled client was closed");
    }
    // A body that never comes is cut off too.
    let stalled_body = b"POST /auth/Sign-On HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n{}";
    let (answer, closed) = raw_exchange(&addr, stalled_body, std::time::Duration::from_secs(5)).await;
    assert!(answer.is_empty() && closed, "{answer}");
    // Slots are free again.
    let c = Client::new(&dev, &a.development, Style::Go);
    assert!(c.call("/auth/Sign-On", &sign_on_body(&a)).await["SessionID"].is_string());
}

#[tokio::test]
async fn a_merchant_over_its_request_rate_gets_rc_10_and_a_429() {
    let app = TestApp::spawn_set("gateway_rate_per_minute", 3).await;
    let a = approved(&app).await;
    let dev = gateway(&app.state, backend::gateway::Env::Development).await;
    let c = Client::new(&dev, &a.development, Style::Go);
    for _ in 0..3 {
        assert!(c.call("/auth/Sign-On", &sign_on_body(&a)).await["SessionID"].is_string());
    }
    let ch = c.challenge("/auth/Sign-On").await;
    let auth = authorization(Style::Go, &a.development, "POST", "/auth/Sign-On", &ch["nonce"], &ch["opaque"], 1);
    let res = c
        .http
        .post(format!("{dev}/auth/Sign-On"))
        .header("authorization", auth)
        .body(sign_on_body(&a).to_string())
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 429);
    assert!(res.headers().get("retry-after").is_some());
    assert_eq!(res.headers()["content-type"], "application/json");
    assert_eq!(res.json::<Value>().await.unwrap()["rc"], "10");
}

/// The request rate is counted in memory and written in batches (issue 17)
/// yet shared: a second instance on the same database sees the first's
/// hits once written, near the limit every hit is counted in the database,
/// and without a write in between the overshoot stays within the first's
/// unwritten hits (the stated bound).
#[tokio::test]
async fn two_instances_share_one_request_rate() {
    use backend::gateway::throttle::Throttle;
    let app = TestApp::spawn().await;
    let (a, b) = (Throttle::start(app.state.db.clone()), Throttle::start(app.state.db.clone()));
    let now = chrono::Utc::now().timestamp();
    let admitted = |t: Throttle, key: &'static str, tries: usize| async move {
        let mut n = 0;
        for _ in 0..tries {
            n += usize::from(t.hit(key, 100, now).await.unwrap().is_ok());
        }
        n
    };
    assert_eq!(admitted(a.clone(), "gw:test:shared", 60).await, 60);
    a.flush().await.unwrap();
    // B learns A's 60 at its first hit and stops at the limit exactly.
    assert_eq!(admitted(b.clone(), "gw:test:shared", 100).await, 40);
    // A, which last saw 60, learns the 100 at its next write (within one
    // flush interval) and refuses from then on.
    let _ = a.hit("gw:test:shared", 100, now).await.unwrap();
    a.flush().await.unwrap();
    assert!(a.hit("gw:test:shared", 100, now).await.unwrap().is_err(), "A knows the shared count");

    // Unwritten hits of A are the most B can overshoot by.
    assert_eq!(admitted(a.clone(), "gw:test:unflushed", 50).await, 50);
    let by_b = admitted(b, "gw:test:unflushed", 100).await;
    assert!((50..=99).contains(&by_b), "{by_b}");
    a.flush().await.unwrap();
    let row = backend::entity::rate_limit::Entity::find_by_id("gw:test:unflushed".to_owned())
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    assert!(row.hits <= 150 && 50 + by_b as i32 <= row.hits + 1, "{} {by_b}", row.hits);
}

#[tokio::test]
async fn challenges_write_nothing_and_digests_are_held_to_their_request() {
    let app = TestApp::spawn().await;
    let a = approved(&app).await;
    let dev = gateway(&app.state, backend::gateway::Env::Development).await;
    let c = Client::new(&dev, &a.development, Style::Requests);
    let uses = || async { backend::entity::digest_nonce_use::Entity::find().all(&app.state.db).await.unwrap().len() };
    let limits = || async { backend::entity::rate_limit::Entity::find().all(&app.state.db).await.unwrap().len() };
    let (uses_before, limits_before) = (uses().await, limits().await);
    for _ in 0..20 {
        c.challenge("/auth/Sign-On").await;
    }
    assert_eq!((uses().await, limits().await), (uses_before, limits_before), "a 401 writes no row");

    let post = |path: &'static str, auth: String| {
        let (http, url, body) = (c.http.clone(), format!("{dev}{path}"), sign_on_body(&a).to_string());
        async move { http.post(url).header("authorization", auth).body(body).send().await.unwrap().status().as_u16() }
    };
    // RFC 2069 (no qop): the nonce serves once, whatever nc says.
    let ch = c.challenge("/auth/Sign-On").await;
    let ha1 = md5(&format!("{}:{REALM}:{}", a.development.user, a.development.password));
    let no_qop = |nc: &str| {
        let response = md5(&format!("{ha1}:{}:{}", ch["nonce"], md5("POST:/auth/Sign-On")));
        format!(
            r#"Digest username="{}", realm="{REALM}", nonce="{}", uri="/auth/Sign-On", response="{response}", opaque="{}", nc={nc}"#,
            a.development.user, ch["nonce"], ch["opaque"]
        )
    };
    assert_eq!(post("/auth/Sign-On", no_qop("00000001")).await, 200);
    assert_eq!(post("/auth/Sign-On", no_qop("00000002")).await, 401, "no replay by changing nc");
    // The digest's uri must be this request's (Sign-On's on a service is the documented exception).
    let ch = c.challenge("/auth/Sign-On").await;
    let other =
        authorization(Style::Requests, &a.development, "POST", "/Services/Inquiry", &ch["nonce"], &ch["opaque"], 1);
    assert_eq!(post("/auth/Sign-On", other).await, 401);
    // An nc longer than any counter: a 401, not an rc.
    let ch = c.challenge("/auth/Sign-On").await;
    let long_nc = "1".repeat(40);
    let ha2 = md5("POST:/auth/Sign-On");
    let response = md5(&format!("{ha1}:{}:{long_nc}:abc:auth:{ha2}", ch["nonce"]));
    let auth = format!(
        r#"Digest username="{}", realm="{REALM}", nonce="{}", uri="/auth/Sign-On", response="{response}", opaque="{}", qop=auth, nc={long_nc}, cnonce="abc""#,
        a.development.user, ch["nonce"], ch["opaque"]
    );
    assert_eq!(post("/auth/Sign-On", auth).await, 401);
}

#[tokio::test]
async fn callbacks_never_reach_private_or_own_addresses() {
    let app = TestApp::spawn().await;
    let a = approved(&app).await;
    for url in [
        "http://127.0.0.1:8080/cb",
        "http://localhost/cb",
        "http://10.1.2.3/cb",
        "http://192.168.1.10/cb",
        "http://169.254.169.254/latest/meta-data",
        "http://[::1]/cb",
        "http://[fd00::1]/cb",
    ] {
        let err = app.send(CallbackSetUrl { url: url.to_string() }).await.unwrap_err();
        assert_eq!(
            err,
            AppError::Invalid(vec![domain::FieldError::new("url", domain::Problem::UrlNotPublic)]),
            "{url}"
        );
    }
    // A URL that was public when saved and points inside when delivered
    // (DNS changed): refused at delivery, nothing sent, a class shown.
    let status = std::sync::Arc::new(std::sync::atomic::AtomicU16::new(200));
    let (url, seen) = callback_receiver(status).await;
    let user = a.user_id;
    let partner = backend::authz::partner(&app.state.db, user, None).await.unwrap();
    backend::callbacks::settings(&app.state.db, &partner).await.unwrap();
    let stmt = sea_orm::Statement::from_sql_and_values(
        app.state.db.get_database_backend(),
        "UPDATE partner_settings SET callback_url = $1 WHERE user_id = $2",
        [url.clone().into(), user.into()],
    );
    sea_orm::ConnectionTrait::execute_raw(&app.state.db, stmt).await.unwrap();
    let m = merchant(&a);
    let body = json!({"productID": "501021", "customerID": "081200000001", "referenceID": "ssrf1", "tagihan": "10950", "admin": "0", "total": "10950"});
    assert_eq!(backend::gateway::services::single_payment(&app.state, &m, &body).await.unwrap()["rc"], "71");
    assert_eq!(backend::gateway::services::check_status(&app.state, &m, &body).await.unwrap()["rc"], "00");
    let mut shown = None;
    for _ in 0..100 {
        let s: domain::finance::CallbackSettingsOut = app.send(CallbackSettings {}).await.unwrap();
        if let Some(d) = s.deliveries.first().filter(|d| d.attempts > 0) {
            shown = Some(d.clone());
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let d = shown.expect("a delivery attempt");
    assert_eq!((d.last_error.as_deref(), d.last_status), (Some("address"), None));
    assert!(seen.lock().unwrap().is_empty(), "nothing reached the private address");
    // "Kirim ulang" is limited.
    let mut refused = false;
    for _ in 0..8 {
        match app.send(CallbackResend { id: d.id }).await {
            Ok(()) => {}
            Err(AppError::TooSoon { .. }) => refused = true,
            Err(e) => panic!("{e:?}"),
        }
    }
    assert!(refused, "resend is rate limited");
}

#[tokio::test]
async fn a_callback_redirect_is_not_followed() {
    let app = TestApp::spawn_set("callbacks_allow_private", true).await;
    let a = approved(&app).await;
    let status = std::sync::Arc::new(std::sync::atomic::AtomicU16::new(302));
    let (url, seen) = callback_receiver(status).await;
    let _: () = app.send(CallbackSetUrl { url: url.to_string() }).await.unwrap();
    let m = merchant(&a);
    let body = json!({"productID": "501021", "customerID": "081200000001", "referenceID": "redir1", "tagihan": "10950", "admin": "0", "total": "10950"});
    backend::gateway::services::single_payment(&app.state, &m, &body).await.unwrap();
    backend::gateway::services::check_status(&app.state, &m, &body).await.unwrap();
    for _ in 0..100 {
        let s: domain::finance::CallbackSettingsOut = app.send(CallbackSettings {}).await.unwrap();
        if let Some(d) = s.deliveries.first().filter(|d| d.attempts > 0) {
            assert_eq!((d.status.code(), d.last_status, d.last_error.as_deref()), ("pending", Some(302), Some("http")));
            assert_eq!(seen.lock().unwrap().len(), 1, "one request, the redirect not followed");
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("no delivery attempt");
}

/// A nonce use commits without waiting for the disk for its own transaction
/// only: the connection it ran on still commits synchronously, so a payment
/// written there next is durable before its biller is called.
#[tokio::test]
async fn a_nonce_use_is_recorded_once_and_leaves_commits_synchronous() {
    use backend::gateway::auth::record_use;
    use backend::infra::kept_connections::KeptConnections;
    use sea_orm::{DbBackend, Statement};
    let app = TestApp::spawn().await;
    // The statements run one after another, so on PostgreSQL on one kept
    // connection: the setting is read where the use ran.
    let kept = KeptConnections::new(&app.state.db);
    let nonce = "0123456789abcdef0123456789abcdef";
    assert!(record_use(&kept, nonce, "00000001".into()).await.unwrap().is_some());
    assert!(record_use(&kept, nonce, "00000001".into()).await.unwrap().is_none(), "the same use again is a replay");
    assert!(record_use(&kept, nonce, "00000002".into()).await.unwrap().is_some(), "the next nc is a new use");
    if app.state.db.get_database_backend() == DbBackend::Postgres {
        let show = Statement::from_string(DbBackend::Postgres, "SHOW synchronous_commit");
        let row = kept.query_one(show).await.unwrap().unwrap();
        assert_eq!(row.try_get::<String>("", "synchronous_commit").unwrap(), "on");
        assert_eq!(kept.opened(), 1, "one connection, kept and used again");
    }
}

/// Uses of nonces that have expired anyway are forgotten; those that could
/// still be replayed are kept.
#[tokio::test]
async fn the_purge_forgets_only_uses_of_expired_nonces() {
    use backend::entity::digest_nonce_use::{self, Entity as DigestNonceUse};
    use sea_orm::{ActiveValue::Set, PaginatorTrait};
    let app = TestApp::spawn().await;
    let ttl = backend::gateway::auth::NONCE_TTL_SECS;
    let now = chrono::Utc::now();
    for (nonce, age) in [("old", ttl + 3_600), ("fresh", 10), ("at-the-edge", ttl)] {
        let used_at = now - chrono::Duration::seconds(age);
        let row = digest_nonce_use::ActiveModel {
            nonce: Set(nonce.into()),
            nc: Set("00000001".into()),
            used_at: Set(used_at),
        };
        DigestNonceUse::insert(row).exec(&app.state.db).await.unwrap();
    }
    assert_eq!(backend::gateway::auth::purge_expired(&app.state).await.unwrap(), 1);
    let left: Vec<String> =
        DigestNonceUse::find().all(&app.state.db).await.unwrap().into_iter().map(|u| u.nonce).collect();
    assert_eq!(left.len(), 2, "{left:?}");
    assert!(!left.contains(&"old".to_owned()));
    assert_eq!(DigestNonceUse::find().count(&app.state.db).await.unwrap(), 2);
}

/// A statement cut off mid-way (its request went away) takes its kept
/// connection with it: the next statement runs on a new one, never on one
/// left mid-conversation (`infra::kept_connections`).
#[tokio::test]
async fn a_kept_connection_cut_off_mid_statement_is_not_used_again() {
    use backend::infra::kept_connections::KeptConnections;
    use sea_orm::{DbBackend, Statement};
    let app = TestApp::spawn().await;
    if app.state.db.get_database_backend() != DbBackend::Postgres {
        return; // SQLite: every statement goes to the pool.
    }
    let kept = KeptConnections::new(&app.state.db);
    let slow = kept.query_one(Statement::from_string(DbBackend::Postgres, "SELECT pg_sleep(2)"));
    assert!(tokio::time::timeout(std::time::Duration::from_millis(200), slow).await.is_err());
    let one = Statement::from_string(DbBackend::Postgres, "SELECT 1 AS one");
    let row = kept.query_one(one).await.unwrap().unwrap();
    assert_eq!(row.try_get::<i32>("", "one").unwrap(), 1);
    assert_eq!(kept.opened(), 2, "the cut-off connection was not used again");
}

/// The count of changes the gateway's memory is checked against
/// (`gateway::memo`): every change to a watched table raises it, a change
/// that cannot matter does not, and on PostgreSQL it becomes visible with
/// the change's commit — not before.
#[tokio::test]
async fn the_count_of_changes_rises_with_the_commit_of_a_change() {
    use backend::entity::{product, user};
    use sea_orm::sea_query::Expr;
    use sea_orm::{ConnectionTrait, DbBackend, TransactionTrait};
    let app = TestApp::spawn().await;
    let a = approved(&app).await;
    let db = &app.state.db;
    let count = |db: sea_orm::DatabaseConnection| async move {
        let sql = format!("SELECT {}", backend::gateway::memo::VERSION_SQL);
        let row = db.query_one_raw(sea_orm::Statement::from_string(db.get_database_backend(), sql)).await.unwrap();
        row.unwrap().try_get_by_index::<i64>(0).unwrap()
    };
    let before = count(db.clone()).await;
    let touch_product = product::Entity::update_many()
        .col_expr(product::Column::Status, Expr::col(product::Column::Status))
        .filter(product::Column::Code.eq("501021"));
    touch_product.clone().exec(db).await.unwrap();
    assert_eq!(count(db.clone()).await, before + 1, "a product row changed");
    let rename = user::Entity::update_many()
        .col_expr(user::Column::Name, Expr::value("NAMA BARU"))
        .filter(user::Column::Id.eq(a.user_id));
    rename.exec(db).await.unwrap();
    assert_eq!(count(db.clone()).await, before + 1, "a partner's name is not the gateway's business");
    if db.get_database_backend() == DbBackend::Postgres {
        let txn = db.begin().await.unwrap();
        touch_product.exec(&txn).await.unwrap();
        assert_eq!(count(db.clone()).await, before + 1, "not before the commit");
        txn.commit().await.unwrap();
        assert_eq!(count(db.clone()).await, before + 2, "with the commit");
    }
}
