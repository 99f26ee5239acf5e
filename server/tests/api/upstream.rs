//! Production billers over real HTTP: the pulsa provider (seed 002) and a
//! PDAM (seed 004) adapters against their simulators, each simulator on
//! its own loopback port — replies of every kind, pending closed by the
//! provider's report and by the cross-check, the cut-off, lost answers
//! (payinfo first, never a second payment), token expiry, a wrong key.

use crate::common::TestApp;
use crate::gateway::{approved, gateway, sign_on_body, with_session, Approved, Client, Style};
use backend::billers::pulsa::report::{receive, Received};
use backend::entity::biller_call::{self, Entity as BillerCall};
use backend::entity::transaction::{self, Entity as Transaction};
use backend::gateway::settlement::{poll_due, reconcile_day};
use backend::gateway::{services, Env, Merchant};
use backend::ledger::{self, Kind, Movement};
use chrono::Utc;
use domain::products::ProductState;
use domain::transaction::TxStatus;
use figment::providers::Serialized;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use serde_json::{json, Value};
use server::simulate::{pdam, pulsa};
use std::time::Duration;
use tokio::net::TcpListener;

const PDAM_KEY: &str = "kunci-pdam-uji-2026";

/// The simulators' listeners, bound before the app so its configuration
/// can name them; served once the app (and its report URL) exists.
struct Sims {
    pulsa: TcpListener,
    pdam: TcpListener,
}

impl Sims {
    async fn bind() -> Sims {
        Sims {
            pulsa: TcpListener::bind("127.0.0.1:0").await.unwrap(),
            pdam: TcpListener::bind("127.0.0.1:0").await.unwrap(),
        }
    }

    fn url(l: &TcpListener) -> String {
        format!("http://{}/", l.local_addr().unwrap())
    }

    /// The billers' configuration pointing at these simulators.
    fn config(&self, tweak: impl Fn(&mut Value)) -> Value {
        let mut v = json!({
            "pulsa": {
                "kind": "pulsa", "url": Self::url(&self.pulsa), "development_url": Self::url(&self.pulsa),
                "simulator": true, "timeout_secs": 5, "memberid": "SIM0001", "pin": "1234", "password": "rahasia",
                "report_from": "127.0.0.1", "cutoff": "", "low_balance": 1_000,
            },
            "pdam": {
                "kind": "pdam", "url": Self::url(&self.pdam), "simulator": true, "timeout_secs": 2,
                "user": "loket-sim", "pass": "rahasia", "kodeloket": "5", "key": PDAM_KEY, "kasir": "KIOS",
            },
        });
        tweak(&mut v);
        v
    }

    /// Serves both, the pulsa provider reporting to `app`.
    fn serve(self, app: &TestApp, report: bool, settle_secs: u64, hang_secs: u64) {
        let opts = pulsa::Options {
            listen: String::new(),
            memberid: "SIM0001".into(),
            pin: "1234".into(),
            password: "rahasia".into(),
            report_url: report.then(|| app.url("/biller/pulsa/report")),
            settle_secs,
            hang_secs,
            cutoff: String::new(),
            balance: 50_000_000,
        };
        tokio::spawn(pulsa::serve(self.pulsa, opts));
        let opts = pdam::Options {
            listen: String::new(),
            user: "loket-sim".into(),
            pass: "rahasia".into(),
            kodeloket: "5".into(),
            key: PDAM_KEY.into(),
            hang_secs,
        };
        tokio::spawn(pdam::serve(self.pdam, opts));
    }
}

/// An app whose production billers are the simulators.
async fn app_with(sims: &Sims, tweak: impl Fn(&mut Value)) -> TestApp {
    let billers = sims.config(tweak);
    // Staff alerts to an address of this test alone: the SMTP server's
    // inbox is shared by every test of the run.
    let to = format!("alert-{}@staff.test", uuid::Uuid::new_v4().simple());
    TestApp::spawn_with(|f| {
        f.merge(Serialized::default("billers", billers)).merge(Serialized::default("biller_alert_email", to))
    })
    .await
}

/// Where this app's staff alerts go.
fn alerts_to(app: &TestApp) -> String {
    app.state.config.biller_alert_email.clone().unwrap_or_default()
}

/// A live partner: products Aktif in production, Rp 1.000.000 deposited.
async fn live_partner(app: &TestApp) -> (Approved, Merchant) {
    let a = approved(app).await;
    let db = &app.state.db;
    backend::entity::partner_product::Entity::update_many()
        .col_expr(
            backend::entity::partner_product::Column::State,
            sea_orm::sea_query::Expr::value(ProductState::Active),
        )
        .filter(backend::entity::partner_product::Column::UserId.eq(a.user_id))
        .exec(db)
        .await
        .unwrap();
    let credit = Movement {
        user_id: a.user_id,
        env: Env::Production,
        kind: Kind::Credit,
        amount: 1_000_000,
        reference: "test:opening",
        note: None,
        actor_name: "test",
    };
    ledger::apply(db, &credit).await.unwrap();
    let m = Merchant { user_id: a.user_id, merchant_id: a.merchant_id.clone(), env: Env::Production };
    (a, m)
}

fn pulsa_body(customer: &str, reference: &str) -> Value {
    json!({"productID": "501021", "customerID": customer, "referenceID": reference,
           "tagihan": "10950", "admin": "0", "total": "10950"})
}

fn pdam_inquiry(customer: &str, reference: &str) -> Value {
    json!({"productID": "400461", "customerID": customer, "referenceID": reference, "periode": "202611"})
}

fn paying(inquiry: &Value, customer: &str, reference: &str) -> Value {
    let mut body = json!({"productID": "400461", "customerID": customer, "referenceID": reference});
    for k in ["tagihan", "admin", "total"] {
        body[k] = inquiry["data"][k].clone();
    }
    body
}

async fn balance(app: &TestApp, m: &Merchant) -> i64 {
    ledger::balance(&app.state.db, m.user_id, Env::Production).await.unwrap()
}

async fn buy(app: &TestApp, m: &Merchant, customer: &str, reference: &str) -> Value {
    services::single_payment(&app.state, m, &pulsa_body(customer, reference)).await.unwrap()
}

async fn calls(app: &TestApp, biller: &str) -> Vec<biller_call::Model> {
    BillerCall::find()
        .filter(biller_call::Column::Biller.eq(biller))
        .order_by_asc(biller_call::Column::CreatedAt)
        .all(&app.state.db)
        .await
        .unwrap()
}

async fn payment(app: &TestApp, reference: &str) -> transaction::Model {
    Transaction::find()
        .filter(transaction::Column::ReferenceId.eq(reference))
        .filter(transaction::Column::Kind.eq(domain::transaction::TxKind::Payment))
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap()
}

/// Waits (up to 10 s) until the payment is final.
async fn final_payment(app: &TestApp, reference: &str) -> transaction::Model {
    for _ in 0..100 {
        let t = payment(app, reference).await;
        if t.status != TxStatus::Pending {
            return t;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("{reference} still pending")
}

#[tokio::test]
async fn every_pulsa_reply_becomes_the_right_rc_and_money_moves_once() {
    let sims = Sims::bind().await;
    let app = app_with(&sims, |_| {}).await;
    sims.serve(&app, false, 1, 3);
    let (_a, m) = live_partner(&app).await;
    let start = balance(&app, &m).await;

    let ok = buy(&app, &m, "081200000100", "p-ok").await;
    assert_eq!(ok["rc"], "00", "{ok}");
    assert_eq!(ok["data"]["sn"].as_str().map(str::len), Some(16), "the provider's SN: {ok}");
    assert!(ok["data"]["hargaBeli"].is_null() && !ok.to_string().contains("Sisa saldo"), "our buy price stays ours");
    assert_eq!(balance(&app, &m).await, start - 10_950);

    // Refusals: each its rc, each refunded.
    for (customer, rc) in
        [("081200000165", "65"), ("081200000138", "38"), ("081200000185", "85"), ("081200000167", "67")]
    {
        let out = buy(&app, &m, customer, &format!("p-{customer}")).await;
        assert_eq!(out["rc"], rc, "{customer}: {out}");
    }
    assert_eq!(balance(&app, &m).await, start - 10_950, "every refusal refunded");
    // Our balance ran out at the provider: staff hear of it.
    let alert = app.mail_containing(&alerts_to(&app), "InsufficientBalance").await;
    assert!(alert.contains("pulsa"), "{alert}");

    // The price check of each sale: dearer than the catalog's buy price.
    backend::entity::product::Entity::update_many()
        .col_expr(backend::entity::product::Column::BuyPrice, sea_orm::sea_query::Expr::value(10_000))
        .filter(backend::entity::product::Column::Code.eq("501021"))
        .exec(&app.state.db)
        .await
        .unwrap();
    assert_eq!(buy(&app, &m, "081200000100", "p-dear").await["rc"], "00");
    let dear = app.mail_containing(&alerts_to(&app), "Provider menagih").await;
    assert!(dear.contains("Rp 10.700") && dear.contains("Rp 10.000"), "{dear}");

    // A product code the provider does not know (our mapping): rc 73.
    backend::entity::product::Entity::update_many()
        .col_expr(backend::entity::product::Column::BillerCode, sea_orm::sea_query::Expr::value(Some("XX99")))
        .filter(backend::entity::product::Column::Code.eq("501021"))
        .exec(&app.state.db)
        .await
        .unwrap();
    assert_eq!(buy(&app, &m, "081200000100", "p-code").await["rc"], "73");

    // The call log: every purchase, pin and password masked, with latency.
    let log = calls(&app, "pulsa").await;
    assert!(log.len() >= 6, "{log:?}");
    let first = &log[0];
    assert!(first.request.contains("memberid=SIM0001") && first.request.contains("pin=***"), "{}", first.request);
    assert!(!log.iter().any(|c| c.request.contains("rahasia") || c.request.contains("pin=1234")));
    assert!(first.reply.contains("SUKSES") && first.environment == Env::Production);
    assert!(log.iter().any(|c| c.request.contains("product=XX99") && c.reply.contains("Kode Produk Salah")));
    // The provider's balance, read from its last SUKSES line.
    let state = backend::billers::calls::state_of(&app.state.db, "pulsa").await.unwrap().unwrap();
    assert_eq!(state.balance, Some(50_000_000 - 2 * 10_700));
}

#[tokio::test]
async fn a_pending_purchase_is_closed_by_the_providers_report_exactly_once() {
    let sims = Sims::bind().await;
    let app = app_with(&sims, |_| {}).await;
    sims.serve(&app, true, 1, 3);
    let (_a, m) = live_partner(&app).await;
    let start = balance(&app, &m).await;

    assert_eq!(buy(&app, &m, "081200000101", "r-ok").await["rc"], "71");
    assert_eq!(buy(&app, &m, "081200000117", "r-no").await["rc"], "71");
    assert_eq!(balance(&app, &m).await, start - 2 * 10_950, "a pending purchase keeps its debit");
    let ok = final_payment(&app, "r-ok").await;
    let no = final_payment(&app, "r-no").await;
    assert_eq!((ok.status, ok.rc.as_str()), (TxStatus::Success, "00"));
    assert_eq!((no.status, no.rc.as_str()), (TxStatus::Failed, "17"));
    assert!(ok.data.contains("\"sn\""), "{}", ok.data);
    assert_eq!(balance(&app, &m).await, start - 10_950, "the failed one refunded");

    // The same report again, and one for a refid we never sent: nothing moves.
    let report = calls(&app, "pulsa").await.into_iter().find(|c| c.operation == "report").unwrap();
    let again = reqwest::Client::new()
        .get(app.url("/biller/pulsa/report"))
        .query(&[("msg", report.reply.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!((again.status().as_u16(), again.text().await.unwrap().as_str()), (200, "OK"));
    let stranger =
        "#T9#501021#ke:0812#SUKSES#SN:1# Sisa saldo Rp.1-Rp. 1=Rp. 0#Reffid:00000000000000000000000000000000#";
    let out = receive(&app.state, "pulsa", "127.0.0.1".parse().unwrap(), &[stranger.into()]).await.unwrap();
    assert_eq!(out, Received::Unmatched);
    assert_eq!(balance(&app, &m).await, start - 10_950);
    let refunds = backend::entity::ledger_entry::Entity::find()
        .filter(backend::entity::ledger_entry::Column::Reference.eq(format!("refund:{}", no.id)))
        .all(&app.state.db)
        .await
        .unwrap();
    assert_eq!(refunds.len(), 1);
    // Only the provider's addresses may report.
    let outsider = receive(&app.state, "pulsa", "10.1.2.3".parse().unwrap(), &[stranger.into()]).await.unwrap();
    assert_eq!(outsider, Received::Refused);
    let posted = reqwest::Client::new().post(app.url("/biller/pdam/report")).body(stranger).send().await.unwrap();
    assert_eq!(posted.status(), 403, "a biller without reports");
}

#[tokio::test]
async fn without_a_report_the_cross_check_and_h_plus_1_close_pending_purchases() {
    let sims = Sims::bind().await;
    let app = app_with(&sims, |b| b["pulsa"]["timeout_secs"] = json!(1)).await;
    sims.serve(&app, false, 1, 3);
    let (_a, m) = live_partner(&app).await;
    let start = balance(&app, &m).await;

    // Pending, then asked: the "double" row carries the outcome.
    assert_eq!(buy(&app, &m, "081200000101", "x-1").await["rc"], "71");
    tokio::time::sleep(Duration::from_millis(1_500)).await;
    let status = services::check_status(&app.state, &m, &json!({"referenceID": "x-1"})).await.unwrap();
    assert_eq!(status["rc"], "00", "{status}");
    // No reply in time: pending (rc 39), never failed; the re-send tells.
    let silent = buy(&app, &m, "081200000139", "x-2").await;
    assert_eq!(silent["rc"], "39", "{silent}");
    assert_eq!(payment(&app, "x-2").await.status, TxStatus::Pending);
    let status = services::check_status(&app.state, &m, &json!({"referenceID": "x-2"})).await.unwrap();
    assert_eq!(status["rc"], "00", "{status}");
    let resent: Vec<_> = calls(&app, "pulsa").await.into_iter().filter(|c| c.operation == "status").collect();
    assert!(resent.iter().all(|c| c.reply.contains("sudah pernah")), "{resent:?}");

    // Pending for good: three of them, two workers, each asked once a round.
    for i in 0..3 {
        assert_eq!(buy(&app, &m, "081200000171", &format!("h-{i}")).await["rc"], "71");
    }
    let due = Utc::now() - chrono::Duration::seconds(1);
    app.set_time("UPDATE transactions SET next_poll_at = $1 WHERE reference_id LIKE 'h-%'", due).await;
    let before = calls(&app, "pulsa").await.len();
    let (r1, r2) = tokio::join!(poll_due(&app.state, 10), poll_due(&app.state, 10));
    // The server's own status worker may take one of them in between (a
    // third worker): still, each payment is asked exactly once.
    assert!(r1.unwrap().asked + r2.unwrap().asked <= 3);
    let mut asked = 0;
    for _ in 0..100 {
        asked = calls(&app, "pulsa").await.len() - before;
        if asked >= 3 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!((asked, calls(&app, "pulsa").await.len() - before), (3, 3), "one question per payment");
    // H+1: yesterday's still-pending purchases are asked once more, then
    // closed as failed and refunded.
    let yesterday = Utc::now() - chrono::Duration::days(1);
    app.set_time("UPDATE transactions SET created_at = $1 WHERE reference_id LIKE 'h-%'", yesterday).await;
    let day = backend::infra::wib::day(yesterday);
    let out = reconcile_day(&app.state, &day).await.unwrap();
    assert_eq!((out.failed, out.succeeded), (3, 0));
    assert_eq!(balance(&app, &m).await, start - 2 * 10_950);
}

#[tokio::test]
async fn the_cut_off_answers_85_before_any_money_or_call() {
    let wib = Utc::now().with_timezone(&backend::infra::wib::offset());
    let window = format!(
        "{}-{}",
        (wib - chrono::Duration::minutes(5)).format("%H:%M"),
        (wib + chrono::Duration::minutes(5)).format("%H:%M")
    );
    let sims = Sims::bind().await;
    let app = app_with(&sims, |b| b["pulsa"]["cutoff"] = json!(window.clone())).await;
    sims.serve(&app, false, 1, 3);
    let (_a, m) = live_partner(&app).await;
    let start = balance(&app, &m).await;
    assert_eq!(buy(&app, &m, "081200000100", "c-1").await["rc"], "85");
    assert_eq!(balance(&app, &m).await, start);
    assert!(calls(&app, "pulsa").await.is_empty(), "no call during the cut-off");
}

#[tokio::test]
async fn pdam_bills_are_inquired_and_paid_once_with_fresh_tokens() {
    let sims = Sims::bind().await;
    let app = app_with(&sims, |_| {}).await;
    sims.serve(&app, false, 1, 4);
    let (_a, m) = live_partner(&app).await;
    let start = balance(&app, &m).await;
    let inquire = |c: &str, r: &str| {
        let body = pdam_inquiry(c, r);
        let (state, m) = (&app.state, &m);
        async move { services::inquiry(state, m, &body).await }
    };

    // One month: the seed's bill, paid.
    let one = inquire("7700000100", "a-1").await.unwrap();
    assert_eq!(one["rc"], "00", "{one}");
    assert_eq!(one["data"]["rincian"].as_array().map(Vec::len), Some(1), "{one}");
    assert_eq!(one["data"]["periode"], "202611");
    let paid = services::payment(&app.state, &m, &paying(&one, "7700000100", "a-1")).await.unwrap();
    assert_eq!(paid["rc"], "00", "{paid}");
    let total: i64 = one["data"]["total"].as_str().unwrap().parse().unwrap();
    assert_eq!(balance(&app, &m).await, start - total);
    // Paid: the same number has no bill now.
    assert_eq!(inquire("7700000100", "a-2").await.unwrap()["rc"], "80");

    // Three months summed, with the months listed.
    let three = inquire("7700000102", "b-1").await.unwrap();
    let rincian = three["data"]["rincian"].as_array().unwrap();
    let sum: i64 = rincian.iter().map(|r| r["total"].as_i64().unwrap()).sum();
    assert_eq!((rincian.len(), three["data"]["tagihan"].as_str().unwrap().parse::<i64>().unwrap()), (3, sum));
    assert_eq!(rincian[0]["periode"], "202609");

    // Refusals.
    assert_eq!(inquire("7700000106", "c-1").await.unwrap()["rc"], "80");
    assert_eq!(inquire("7700000165", "c-2").await.unwrap()["rc"], "65");

    // An expired token is replaced once and the call goes through.
    assert_eq!(inquire("7700000191", "d-1").await.unwrap()["rc"], "00");
    let d = calls(&app, "pdam").await;
    let tries: Vec<&str> = d.iter().filter(|c| c.request.contains("7700000191")).map(|c| c.outcome.as_str()).collect();
    assert!(tries.len() == 2 && tries[0].starts_with("901") && tries[1].starts_with("005"), "{tries:?}");

    // The payment's answer is lost: payinfo says paid, no second payment.
    let lost = inquire("7700000101", "e-1").await.unwrap();
    let out = services::payment(&app.state, &m, &paying(&lost, "7700000101", "e-1")).await.unwrap();
    assert_eq!(out["rc"], "00", "{out}");
    let e: Vec<String> = calls(&app, "pdam")
        .await
        .into_iter()
        .filter(|c| c.request.contains("7700000101") && c.operation != "inquiry")
        .map(|c| c.operation)
        .collect();
    assert_eq!(e, ["payment", "status"], "payinfo first, then nothing more");
    // No answer in time at all: payinfo, which tells it was paid.
    let slow = inquire("7700000139", "f-1").await.unwrap();
    let out = services::payment(&app.state, &m, &paying(&slow, "7700000139", "f-1")).await.unwrap();
    assert_eq!(out["rc"], "00", "{out}");
    // Refused at payment: refunded.
    let refused = inquire("7700000117", "g-1").await.unwrap();
    let before = balance(&app, &m).await;
    let out = services::payment(&app.state, &m, &paying(&refused, "7700000117", "g-1")).await.unwrap();
    assert_eq!(out["rc"], "80", "{out}");
    assert_eq!(balance(&app, &m).await, before);
    // The payment token never appears in the log.
    assert!(calls(&app, "pdam").await.iter().all(
        |c| !c.request.contains(PDAM_KEY) && c.request.contains("\"token\":\"***\"") == (c.operation == "payment")
    ));
}

#[tokio::test]
async fn a_wrong_pdam_key_opens_the_breaker_at_once_and_alerts_staff() {
    let sims = Sims::bind().await;
    let app = app_with(&sims, |b| b["pdam"]["key"] = json!("kunci-yang-salah")).await;
    sims.serve(&app, false, 1, 4);
    let (_a, m) = live_partner(&app).await;
    let out = services::inquiry(&app.state, &m, &pdam_inquiry("7700000100", "k-1")).await.unwrap();
    assert_eq!(out["rc"], "38", "{out}");
    let row = backend::entity::biller_breaker::Entity::find_by_id("production:pdam".to_owned())
        .one(&app.state.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(row.state.code(), "open");
    let mail = app.mail_containing(&alerts_to(&app), "902").await;
    assert!(mail.contains("pdam") && !mail.contains("kunci-yang-salah"), "{mail}");
    // Open: the next one is not even sent.
    let sent = calls(&app, "pdam").await.len();
    let out = services::inquiry(&app.state, &m, &pdam_inquiry("7700000100", "k-2")).await.unwrap();
    assert_eq!(out["rc"], "38");
    assert_eq!(calls(&app, "pdam").await.len(), sent);
}

#[tokio::test]
async fn a_live_partner_pays_pulsa_and_pdam_through_the_gateway() {
    let sims = Sims::bind().await;
    let app = {
        let billers = sims.config(|_| {});
        TestApp::spawn_with(|f| {
            f.merge(Serialized::default("billers", billers))
                .merge(Serialized::default("metrics_token", "rahasia-metrik"))
        })
        .await
    };
    sims.serve(&app, false, 1, 3);
    let (a, m) = live_partner(&app).await;
    let prod = gateway(&app.state, Env::Production).await;
    let c = Client::new(&prod, &a.production, Style::Requests);
    let sid = c.call("/auth/Sign-On", &sign_on_body(&a)).await["SessionID"].as_str().unwrap().to_owned();
    let call = |path: &'static str, body: Value| {
        let body = with_session(&sid, &a, body);
        let c = &c;
        async move { c.call(path, &body).await }
    };
    let start = balance(&app, &m).await;
    let bought = call("/Services/SinglePayment", pulsa_body("081300000100", "g-pulsa")).await;
    assert_eq!(bought["rc"], "00", "{bought}");
    let inquiry = call("/Services/Inquiry", pdam_inquiry("7700000200", "g-pdam")).await;
    assert_eq!(inquiry["rc"], "00", "{inquiry}");
    let paid = call("/Services/Payment", paying(&inquiry, "7700000200", "g-pdam")).await;
    assert_eq!(paid["rc"], "00", "{paid}");
    let total: i64 = paid["data"]["total"].as_str().unwrap().parse().unwrap();
    assert_eq!(balance(&app, &m).await, start - 10_950 - total, "the ledger agrees");
    for reference in ["g-pulsa", "g-pdam"] {
        let status = call("/Services/Check-Status", json!({"referenceID": reference})).await;
        assert_eq!(status["rc"], "00", "{status}");
    }
    // Development goes through the same adapter to the simulator.
    let dev = Merchant { env: Env::Development, ..m.clone() };
    services::single_payment(&app.state, &dev, &pulsa_body("081300000100", "g-dev")).await.unwrap();
    assert!(calls(&app, "pulsa").await.iter().any(|c| c.environment == Env::Development));

    // The gateway's requests and the billers' latency are on /metrics.
    let metrics = reqwest::Client::new()
        .get(app.url("/metrics"))
        .bearer_auth("rahasia-metrik")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    for needle in [
        "gateway_requests_total{",
        "service=\"SinglePayment\"",
        "biller_call_duration_seconds",
        "biller=\"pdam\"",
        "transactions_pending",
        "transactions{",
    ] {
        assert!(metrics.contains(needle), "{needle} missing");
    }
}

#[tokio::test]
async fn staff_see_each_biller_route_products_to_it_and_ask_its_balance() {
    use app::server_fns::billers::{BillerBalanceCheck, BillerOverview, BillerRouteProduct};
    let sims = Sims::bind().await;
    let app = app_with(&sims, |_| {}).await;
    sims.serve(&app, false, 1, 3);
    let (a, m) = live_partner(&app).await;
    buy(&app, &m, "081200000100", "s-1").await;
    let staff = |call| crate::common::send_with(&a.staff, &app.base, call);
    let list = staff(BillerOverview {}).await.unwrap();
    assert_eq!(list.iter().map(|b| b.name.as_str()).collect::<Vec<_>>(), ["pdam", "pulsa"]);
    let pulsa = list.iter().find(|b| b.name == "pulsa").unwrap();
    assert!(pulsa.simulator && pulsa.kind == "pulsa");
    assert!(pulsa.products.iter().any(|p| p.code == "501021"));
    assert_eq!(pulsa.calls.len(), 1);
    assert!(pulsa.calls[0].request.contains("pin=***"), "{:?}", pulsa.calls[0]);
    // Routing: a code at the provider, audited; an unknown biller refused.
    let routed = crate::common::send_with(
        &a.staff,
        &app.base,
        BillerRouteProduct { code: "501021".into(), biller: "pulsa".into(), biller_code: "T10".into() },
    )
    .await
    .unwrap();
    assert_eq!(routed.biller_code, "T10");
    let nowhere = crate::common::send_with(
        &a.staff,
        &app.base,
        BillerRouteProduct { code: "501021".into(), biller: "tidak_ada".into(), biller_code: String::new() },
    )
    .await;
    assert!(nowhere.is_err());
    let p =
        backend::entity::product::Entity::find_by_id("501021".to_owned()).one(&app.state.db).await.unwrap().unwrap();
    assert_eq!((p.biller.as_str(), p.biller_code.as_deref()), ("pulsa", Some("T10")));
    // The provider's balance, asked now.
    let balance = crate::common::send_with(&a.staff, &app.base, BillerBalanceCheck { biller: "pulsa".into() }).await;
    assert_eq!(balance.unwrap(), 50_000_000 - 10_700);
    let pdam = crate::common::send_with(&a.staff, &app.base, BillerBalanceCheck { biller: "pdam".into() }).await;
    assert!(pdam.is_err(), "seed 004 has no balance call");
}

#[tokio::test]
async fn a_low_provider_balance_is_told_to_staff_once() {
    let sims = Sims::bind().await;
    // The simulator holds Rp 50.000.000; alert below Rp 60.000.000.
    let app = app_with(&sims, |b| b["pulsa"]["low_balance"] = json!(60_000_000)).await;
    let to = alerts_to(&app);
    sims.serve(&app, false, 1, 3);
    backend::billers::back_office::refresh_balances(&app.state).await;
    let mail = app.mail_containing(&to, "Saldo di provider tinggal").await;
    assert!(mail.contains("Rp 50.000.000") && mail.contains("Rp 60.000.000"), "{mail}");
    // Read again within the hour: the same alert is not sent twice.
    backend::billers::back_office::refresh_balances(&app.state).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let alerts = app.mails(&to, 1).await.iter().filter(|m| m.contains("Saldo di provider")).count();
    assert_eq!(alerts, 1);
    let state = backend::billers::calls::state_of(&app.state.db, "pulsa").await.unwrap().unwrap();
    assert_eq!(state.balance, Some(50_000_000));
}
