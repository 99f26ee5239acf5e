//! Going live over HTTP: the development API log (digest failures in
//! words, secrets masked, each partner sees only their own), the UAT
//! checklist graded from real calls, Request UAT with its two files, the
//! operator's UAT and Live queues, and production opening for the product.

use crate::common::{new_client, send_with, staff_sign_in, TestApp, PDF, PNG};
use crate::gateway::{
    approved, authorization, gateway, sign_on_body, signed_on, with_session, Approved, Client, Style,
};
use app::error::AppError;
use app::server_fns::finance::ProductSet;
use app::server_fns::integration::{
    ApiLogEntry, ApiLogMine, ApiLogOfPartner, LiveDecide, LiveProducts, LiveQueue, LiveRequest, ProductHistory,
    UatChecklist, UatDecide, UatMine, UatQueue, UatWithdraw,
};
use app::server_fns::products::{ProductRemove, ProductsMine};
use app::server_fns::staff::StaffCreate;
use backend::gateway::Env;
use domain::apilog::{ApiLogFilter, AuthOutcome, SessionOutcome};
use domain::products::ProductState;
use domain::staff::NewStaffIn;
use domain::uat::{UatItem, UatStatus};
use domain::{ListQuery, Problem, UserId};
use sea_orm::EntityTrait;
use serde_json::{json, Value};

fn all() -> ListQuery {
    ListQuery { per: 100, ..ListQuery::default() }
}

fn dev_only() -> ApiLogFilter {
    ApiLogFilter { environment: Some(Env::Development), ..ApiLogFilter::default() }
}

/// Sends Request UAT as the browser form does; the status and the answer.
async fn request_uat(
    app: &TestApp,
    client: &reqwest::Client,
    code: &str,
    inquiry: (&str, &[u8]),
    struk: (&str, &[u8]),
) -> (u16, Value) {
    let file =
        |(name, bytes): (&str, &[u8])| reqwest::multipart::Part::bytes(bytes.to_vec()).file_name(name.to_owned());
    let form = reqwest::multipart::Form::new()
        .text("code", code.to_owned())
        .part("inquiry", file(inquiry))
        .part("struk", file(struk));
    let res = client.post(app.url("/api/uat")).multipart(form).send().await.unwrap();
    let status = res.status().as_u16();
    (status, res.json().await.unwrap_or(Value::Null))
}

/// The rc of a signed service call.
async fn rc(c: &Client, sid: &str, a: &Approved, path: &str, body: Value) -> String {
    let out = c.call(path, &with_session(sid, a, body)).await;
    out["rc"].as_str().unwrap_or_default().to_owned()
}

fn bill(reference: &str, customer: &str) -> Value {
    json!({ "productID": "100301", "customerID": customer, "referenceID": reference })
}

/// The inquiry's amounts on a payment body.
fn paying(inquiry: &Value, reference: &str, customer: &str) -> Value {
    let mut body = bill(reference, customer);
    for k in ["tagihan", "admin", "total"] {
        body[k] = inquiry["data"][k].clone();
    }
    body
}

/// Where the signed-in partner's product stands ("Produk Anda").
async fn state_of(app: &TestApp, code: &str) -> Option<ProductState> {
    app.send(ProductsMine {}).await.unwrap().into_iter().find(|p| p.code == code).map(|p| p.state)
}

#[tokio::test]
async fn development_serves_chosen_products_and_logs_every_request_with_its_reason() {
    let app = TestApp::spawn().await;
    let a = approved(&app).await;
    let dev = gateway(&app.state, Env::Development).await;
    let (c, sid) = signed_on(&dev, &a).await;
    // Chosen: served. Removed from "Produk Anda": rc 41 in development too.
    assert_eq!(rc(&c, &sid, &a, "/Services/Inquiry", bill("r1", "110100019766")).await, "00");
    app.send(ProductRemove { code: "100301".into() }).await.unwrap();
    assert_eq!(rc(&c, &sid, &a, "/Services/Inquiry", bill("r2", "110100019766")).await, "41");

    // Failures, each for a different reason.
    let ch = c.challenge("/auth/Sign-On").await;
    let wrong = crate::gateway::Creds { user: a.development.user.clone(), password: "salah".into() };
    let bad = authorization(Style::Go, &wrong, "POST", "/auth/Sign-On", &ch["nonce"], &ch["opaque"], 1);
    assert_eq!(c.post_with("/auth/Sign-On", &bad, &sign_on_body(&a)).await.0, 401);
    let good = authorization(Style::Go, &a.development, "POST", "/auth/Sign-On", &ch["nonce"], &ch["opaque"], 1);
    assert_eq!(c.post_with("/auth/Sign-On", &good, &sign_on_body(&a)).await.0, 200);
    assert_eq!(c.post_with("/auth/Sign-On", &good, &sign_on_body(&a)).await.0, 401, "replayed");
    let stale = authorization(Style::Go, &a.development, "POST", "/auth/Sign-On", "00000000deadbeef", "x", 1);
    assert_eq!(c.post_with("/auth/Sign-On", &stale, &sign_on_body(&a)).await.0, 401);
    let stranger = crate::gateway::Creds { user: "tidakada".into(), password: "x".into() };
    let unknown = authorization(Style::Go, &stranger, "POST", "/auth/Sign-On", &ch["nonce"], &ch["opaque"], 2);
    assert_eq!(c.post_with("/auth/Sign-On", &unknown, &sign_on_body(&a)).await.0, 401);
    let expired = with_session("0123456789abcdef0123456789abcdef", &a, json!({}));
    assert_eq!(c.call("/Services/getCurrentDeposit", &expired).await["rc"], "34");

    let log = app.send(ApiLogMine { filter: dev_only(), list: all() }).await.unwrap();
    let outcomes: Vec<AuthOutcome> = log.items.iter().map(|r| r.auth).collect();
    for why in [AuthOutcome::WrongPassword, AuthOutcome::Replayed, AuthOutcome::StaleNonce, AuthOutcome::NoHeader] {
        assert!(outcomes.contains(&why) || why == AuthOutcome::NoHeader, "{why:?} in {outcomes:?}");
    }
    // A challenge names no user: it is not attributed to anyone. An unknown
    // user is nobody's either: neither shows in the partner's log.
    assert!(!outcomes.contains(&AuthOutcome::NoHeader) && !outcomes.contains(&AuthOutcome::UnknownUser));
    let refused = log.items.iter().find(|r| r.path == "/Services/Inquiry" && r.rc.as_deref() == Some("41")).unwrap();
    assert_eq!(
        (refused.auth, refused.session, refused.product_code.as_deref()),
        (AuthOutcome::Ok, Some(SessionOutcome::Valid), Some("100301"))
    );
    let no_session = log.items.iter().find(|r| r.rc.as_deref() == Some("34")).unwrap();
    assert_eq!(no_session.session, Some(SessionOutcome::Refused));
    // Filters: by rc.
    let only_41 = ApiLogFilter { rc: Some("41".into()), ..dev_only() };
    assert_eq!(app.send(ApiLogMine { filter: only_41, list: all() }).await.unwrap().total, 1);

    // Stored bodies hide the session and the customer number; the digest
    // header (and so no password or HA1) is never stored.
    let ok = log.items.iter().find(|r| r.path == "/Services/Inquiry" && r.rc.as_deref() == Some("00")).unwrap();
    let detail = app.send(ApiLogEntry { id: ok.id }).await.unwrap();
    let request = detail.request_body.unwrap();
    let response = detail.response_body.unwrap();
    assert!(request.contains("1101*****766") && !request.contains("110100019766"), "{request}");
    assert!(!request.contains(&sid) && !response.contains("110100019766"), "{request} {response}");
    app.state.api_log.flush().await;
    let stored = backend::entity::api_log::Entity::find().all(&app.state.db).await.unwrap();
    let rows: String = stored.iter().map(|r| format!("{r:?}")).collect();
    for secret in [sid.as_str(), a.development.password.as_str(), "110100019766"] {
        assert!(!rows.contains(secret), "{secret} stored");
    }

    // Another partner: an empty log, and this one's entry is not found.
    let other = new_client(&app.base);
    app.signed_in_partner_on(&other).await;
    assert_eq!(send_with(&other, &app.base, ApiLogMine { filter: dev_only(), list: all() }).await.unwrap().total, 0);
    let err = send_with(&other, &app.base, ApiLogEntry { id: ok.id }).await.unwrap_err();
    assert_eq!(err, AppError::Problem(Problem::NotFound));
    // Staff see the partner's log, the same rows.
    let staff_view =
        send_with(&a.staff, &app.base, ApiLogOfPartner { user_id: UserId(a.user_id), filter: dev_only(), list: all() });
    assert_eq!(staff_view.await.unwrap().total, log.total);
}

#[tokio::test]
async fn uat_evidence_comes_from_real_calls_and_the_queues_take_a_product_live() {
    let app = TestApp::spawn().await;
    let a = approved(&app).await;
    let dev = gateway(&app.state, Env::Development).await;
    let checklist = || app.send(UatChecklist { code: "100301".into() });
    let passed = |list: &[domain::uat::UatCheckOut]| -> Vec<UatItem> {
        list.iter().filter(|c| c.passed()).map(|c| c.item).collect()
    };
    assert!(passed(&checklist().await.unwrap()).is_empty(), "nothing called yet");

    let (c, sid) = signed_on(&dev, &a).await;
    let inquiry = c.call("/Services/Inquiry", &with_session(&sid, &a, bill("u1", "110100019766"))).await;
    assert_eq!(inquiry["rc"], "00");
    assert_eq!(passed(&checklist().await.unwrap()), [UatItem::SignOn, UatItem::InquiryOk]);
    assert_eq!(rc(&c, &sid, &a, "/Services/Payment", paying(&inquiry, "u1", "110100019766")).await, "00");
    assert_eq!(rc(&c, &sid, &a, "/Services/Inquiry", bill("u1", "110100019766")).await, "86");
    // A payment left pending, then followed to its failure by Check-Status.
    let pending = c.call("/Services/Inquiry", &with_session(&sid, &a, bill("u2", "5300000017"))).await;
    assert_eq!(rc(&c, &sid, &a, "/Services/Payment", paying(&pending, "u2", "5300000017")).await, "71");
    assert_eq!(rc(&c, &sid, &a, "/Services/Check-Status", paying(&pending, "u2", "5300000017")).await, "17");
    let graded = checklist().await.unwrap();
    assert!(graded.iter().all(|c| c.passed()), "{graded:?}");
    // Each proof is an entry of the partner's own log.
    let proof = graded.iter().find(|c| c.item == UatItem::PendingFollowed).and_then(|c| c.proof).unwrap();
    let entry = app.send(ApiLogEntry { id: proof }).await.unwrap();
    assert_eq!((entry.row.path.as_str(), entry.row.rc.as_deref()), ("/Services/Check-Status", Some("17")));

    // Bad uploads store nothing; the product stays where it was.
    let (status, body) =
        request_uat(&app, &app.client, "100301", ("inquiry.exe", b"MZ\x90\0"), ("struk.png", PNG)).await;
    assert_eq!(status, 422, "{body}");
    let (status, _) = request_uat(&app, &app.client, "100301", ("inquiry.pdf", PDF), ("struk.png", b"")).await;
    assert_eq!(status, 422);
    assert!(app.send(UatMine {}).await.unwrap().is_empty());
    assert_eq!(state_of(&app, "100301").await, Some(ProductState::Selected));

    // Sent, then sent again (a double click): one request.
    let (status, body) = request_uat(&app, &app.client, "100301", ("inquiry.pdf", PDF), ("struk.png", PNG)).await;
    assert_eq!(status, 200, "{body}");
    let (status, _) = request_uat(&app, &app.client, "100301", ("inquiry.pdf", PDF), ("struk.png", PNG)).await;
    assert_eq!(status, 409);
    let mine = app.send(UatMine {}).await.unwrap();
    assert_eq!(mine.len(), 1);
    let request = &mine[0];
    assert_eq!((request.status, request.checks.len()), (UatStatus::Waiting, 6));
    assert_eq!(state_of(&app, "100301").await, Some(ProductState::UatRequested));

    // Another partner can neither read the files nor delete the request.
    let other = new_client(&app.base);
    app.signed_in_partner_on(&other).await;
    let stranger = other.get(app.url(&format!("/uat/{}/inquiry", request.id))).send().await.unwrap();
    assert_eq!(stranger.status(), 404);
    let err = send_with(&other, &app.base, UatWithdraw { id: request.id }).await.unwrap_err();
    assert_eq!(err, AppError::Problem(Problem::NotFound));
    let own = app.client.get(app.url(&format!("/uat/{}/struk", request.id))).send().await.unwrap();
    assert_eq!((own.status().as_u16(), own.bytes().await.unwrap().as_ref()), (200, PNG));

    // The operator rejects with a reason; the partner is told and asks again.
    let queue = send_with(&a.staff, &app.base, UatQueue {}).await.unwrap();
    assert_eq!(queue.iter().map(|r| r.product_code.as_str()).collect::<Vec<_>>(), ["100301"]);
    let no_reason = UatDecide { id: request.id, approve: false, reason: " ".into() };
    assert!(matches!(send_with(&a.staff, &app.base, no_reason).await, Err(AppError::Invalid(_))));
    let reject = UatDecide { id: request.id, approve: false, reason: "Struk tidak terbaca".into() };
    send_with(&a.staff, &app.base, reject).await.unwrap();
    assert_eq!(state_of(&app, "100301").await, Some(ProductState::UatRejected));
    let partner_email = app.send(app::server_fns::account::CurrentUser {}).await.unwrap().unwrap().email;
    let told = app.mails(&partner_email, 4).await.pop().unwrap();
    assert!(told.contains("Request UAT") && told.contains("Struk tidak terbaca"), "{told}");
    // Deciding twice is refused.
    let again = UatDecide { id: request.id, approve: true, reason: String::new() };
    assert_eq!(send_with(&a.staff, &app.base, again).await.unwrap_err(), AppError::Problem(Problem::WrongStep));
    // Live cannot be asked before UAT is approved.
    let early = app.send(LiveRequest { code: "100301".into() }).await.unwrap_err();
    assert_eq!(early, AppError::Problem(Problem::WrongStep));

    let (status, body) = request_uat(&app, &app.client, "100301", ("inquiry.pdf", PDF), ("struk.pdf", PDF)).await;
    assert_eq!(status, 200, "{body}");
    let second: domain::uat::UatRequestOut = serde_json::from_value(body).unwrap();
    send_with(&a.staff, &app.base, UatDecide { id: second.id, approve: true, reason: String::new() }).await.unwrap();
    assert_eq!(state_of(&app, "100301").await, Some(ProductState::UatApproved));

    // Request Live, the operator approves: production reaches the biller.
    let prod = gateway(&app.state, Env::Production).await;
    let p = Client::new(&prod, &a.production, Style::Requests);
    let psid = p.call("/auth/Sign-On", &sign_on_body(&a)).await["SessionID"].as_str().unwrap().to_owned();
    assert_eq!(rc(&p, &psid, &a, "/Services/Inquiry", bill("p1", "110100019766")).await, "41");
    let ready = app.send(LiveProducts {}).await.unwrap();
    assert_eq!(
        ready.iter().map(|p| (p.product_code.as_str(), p.state)).collect::<Vec<_>>(),
        [("100301", ProductState::UatApproved)]
    );
    app.send(LiveRequest { code: "100301".into() }).await.unwrap();
    let live_queue = send_with(&a.staff, &app.base, LiveQueue {}).await.unwrap();
    assert_eq!(live_queue.len(), 1);
    let approve =
        LiveDecide { user_id: UserId(a.user_id), code: "100301".into(), approve: true, reason: String::new() };
    send_with(&a.staff, &app.base, approve).await.unwrap();
    assert_eq!(state_of(&app, "100301").await, Some(ProductState::Active));
    assert_ne!(rc(&p, &psid, &a, "/Services/Inquiry", bill("p2", "110100019766")).await, "41");

    // The history tells every step, newest first, and who took it.
    let history = send_with(&a.staff, &app.base, ProductHistory { user_id: UserId(a.user_id) }).await.unwrap();
    let steps: Vec<ProductState> = history.iter().filter(|s| s.product_code == "100301").map(|s| s.state).collect();
    use ProductState as S;
    let chosen = S::Selected;
    assert_eq!(
        steps,
        [S::Active, S::LiveRequested, S::UatApproved, S::UatRequested, S::UatRejected, S::UatRequested, chosen]
    );
    assert_eq!(history.last().map(|s| s.by.as_str()), Some("ANDIKA SAMPURNA"), "chosen by the partner");
    // Production keeps a record too, without bodies.
    let prod_log = ApiLogFilter { environment: Some(Env::Production), ..ApiLogFilter::default() };
    let rows = app.send(ApiLogMine { filter: prod_log, list: all() }).await.unwrap();
    let entry = app.send(ApiLogEntry { id: rows.items[0].id }).await.unwrap();
    assert_eq!((entry.request_body, entry.response_body), (None, None));
}

#[tokio::test]
async fn a_waiting_request_can_be_withdrawn_and_its_product_chosen_again() {
    let app = TestApp::spawn().await;
    let a = approved(&app).await;
    let (status, body) = request_uat(&app, &app.client, "100301", ("log.pdf", PDF), ("struk.png", PNG)).await;
    assert_eq!(status, 200, "{body}");
    let id = app.send(UatMine {}).await.unwrap()[0].id;
    app.send(UatWithdraw { id }).await.unwrap();
    assert!(app.send(UatMine {}).await.unwrap().is_empty());
    let mine = app.send(ProductsMine {}).await.unwrap();
    assert_eq!(mine.iter().find(|p| p.code == "100301").map(|p| p.state), Some(ProductState::Selected));
    // Its files are gone with it.
    let gone = app.client.get(app.url(&format!("/uat/{id}/inquiry"))).send().await.unwrap();
    assert_eq!(gone.status(), 404);
    assert!(send_with(&a.staff, &app.base, UatQueue {}).await.unwrap().is_empty());
    // The example workbook is a real spreadsheet (a ZIP with a workbook part).
    let examples = app.client.get(app.url("/contoh/uat-inquiry-payment.xlsx")).send().await.unwrap();
    assert_eq!(examples.status(), 200);
    let bytes = examples.bytes().await.unwrap();
    assert!(bytes.starts_with(b"PK\x03\x04") && bytes.windows(13).any(|w| w == b"xl/workbook.x"));
}

#[tokio::test]
async fn only_an_admin_overrides_a_product_and_only_with_a_reason() {
    let app = TestApp::spawn().await;
    let a = approved(&app).await;
    let user_id = UserId(a.user_id);
    let set = |active: bool, reason: &str| ProductSet { user_id, code: "100301".into(), active, reason: reason.into() };
    // A moderator may not.
    let new =
        NewStaffIn { name: "Mira Moderator".into(), email: "mira@operator.test".into(), role: "moderator".into() };
    let password: String = send_with(&a.staff, &app.base, StaffCreate { input: new }).await.unwrap();
    let mira = new_client(&app.base);
    assert_eq!(staff_sign_in(&mira, &app.base, "mira@operator.test", &password, None).await, None);
    let err = send_with(&mira, &app.base, set(true, "Pelanggan lama")).await.unwrap_err();
    assert_eq!(err, AppError::Problem(Problem::Forbidden));
    // The admin must say why; nothing changes until then.
    let err = send_with(&a.staff, &app.base, set(true, "  ")).await.unwrap_err();
    assert_eq!(err, AppError::Invalid(vec![domain::FieldError::new("reason", Problem::Required)]));
    assert_eq!(state_of(&app, "100301").await, Some(ProductState::Selected));
    send_with(&a.staff, &app.base, set(true, "Pelanggan lama, UAT di sistem lama")).await.unwrap();
    assert_eq!(state_of(&app, "100301").await, Some(ProductState::Active));
    send_with(&a.staff, &app.base, set(false, "Kontrak berakhir")).await.unwrap();
    assert_eq!(state_of(&app, "100301").await, Some(ProductState::Inactive));
    // Both steps are in the history with the reason, and in the audit log.
    let history = send_with(&a.staff, &app.base, ProductHistory { user_id }).await.unwrap();
    assert_eq!((history[0].state, history[0].reason.as_deref()), (ProductState::Inactive, Some("Kontrak berakhir")));
    assert_eq!(history[1].reason.as_deref(), Some("Pelanggan lama, UAT di sistem lama"));
    let audit = backend::entity::audit_log::Entity::find().all(&app.state.db).await.unwrap();
    let actions: Vec<&str> = audit.iter().map(|e| e.action.as_str()).collect();
    assert!(actions.contains(&"product.override_on") && actions.contains(&"product.override_off"), "{actions:?}");
}
