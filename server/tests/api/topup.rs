//! The payment service's settlement webhook over HTTP (seed 003): verified
//! over the raw bytes, credited exactly once with our own amount, replays
//! and concurrent duplicates harmless, mismatches and unknown orders kept.

use crate::common::TestApp;
use crate::gateway::approved;
use backend::entity::topup_notification::Entity as TopupNotification;
use backend::entity::topup_order::{self, Entity as TopupOrder};
use backend::ledger::{self, Env};
use backend::topup::webhook::sign;
use figment::providers::Serialized;
use sea_orm::{ActiveValue::Set, EntityTrait};

const PID: &str = "033389b9-cc42-4005-ae9e-8e8ff23738d7";
/// The seed's example body and signature, exactly these bytes.
const SEED_BODY: &str = r#"{"rq_uuid": "klnu00242", "rq_datetime": "2020-11-06 09:13:19", "order_id": "klnu00242", "status":"success", "message":"transaction success!"}"#;
const SEED_SIGNATURE: &str = "84CBE7E264FE83FFEC1023892E1F61C84E302F07A927121E21F1086A2702CAF5";

async fn order(app: &TestApp, user_id: uuid::Uuid, order_id: &str, amount: i64) {
    let row = topup_order::ActiveModel {
        id: Set(uuid::Uuid::now_v7()),
        user_id: Set(user_id),
        order_id: Set(order_id.into()),
        amount: Set(amount),
        method: Set("va:008".into()),
        status: Set("waiting".into()),
        service_id: Set(None),
        paid_amount: Set(None),
        expires_at: Set(None),
        created_at: Set(chrono::Utc::now()),
        settled_at: Set(None),
        nominal: Set(Some(amount)),
        pay_code: Set(None),
        pay_link: Set(None),
        resolution: Set(None),
        resolution_note: Set(None),
        resolved_by: Set(None),
        resolved_at: Set(None),
    };
    TopupOrder::insert(row).exec(&app.state.db).await.unwrap();
}

async fn post(app: &TestApp, body: &str, signature: &str) -> (u16, String) {
    send(app.url("/payment-service/webhook"), body.to_owned(), signature.to_owned()).await
}

async fn send(url: String, body: String, signature: String) -> (u16, String) {
    let res = reqwest::Client::new()
        .post(url)
        .header("content-type", "application/json")
        .header("x-servicepayment", signature)
        .body(body)
        .send()
        .await
        .unwrap();
    (res.status().as_u16(), res.text().await.unwrap())
}

fn multipayment(order_id: &str, paid: &str) -> String {
    format!(
        r#"{{"status":"success","message":"transaction success!","rq_uuid":"{order_id}","rq_datetime":"2020-11-12 09:13:19","order_id":"{order_id}","kd_pay":"174","tot_bayar":"{paid}","norek":"1190000879898","transaction":"multipayment"}}"#
    )
}

async fn status_of(app: &TestApp, order_id: &str) -> String {
    let all = TopupOrder::find().all(&app.state.db).await.unwrap();
    all.into_iter().find(|o| o.order_id == order_id).unwrap().status
}

#[tokio::test]
async fn a_verified_settlement_credits_the_production_deposit_exactly_once() {
    let app = TestApp::spawn_with(|f| {
        f.merge(Serialized::default("payment_service_pid", PID))
            .merge(Serialized::default("callbacks_allow_private", true))
    })
    .await;
    let a = approved(&app).await;
    // The partner's callback endpoint hears of the deposit rising.
    let (url, seen) = crate::gateway::callback_receiver(std::sync::Arc::new(200.into())).await;
    let _: () = app.send(app::server_fns::connections::CallbackSetUrl { url }).await.unwrap();
    let balance = || ledger::balance(&app.state.db, a.user_id, Env::Production);
    let start = balance().await.unwrap();

    // The seed's own example: its bytes, its signature. No amount in it:
    // our record of the order is credited.
    order(&app, a.user_id, "klnu00242", 250_000).await;
    assert_eq!(post(&app, SEED_BODY, SEED_SIGNATURE).await, (200, r#"{"message":"success","status":true}"#.into()));
    assert_eq!(balance().await.unwrap(), start + 250_000);
    assert_eq!(status_of(&app, "klnu00242").await, "paid");
    let email = app.send(app::server_fns::account::CurrentUser {}).await.unwrap().unwrap().email;
    let told = app.mail_containing(&email, "klnu00242").await;
    assert!(told.contains("Rp 250.000"), "{told}");
    let mut called = None;
    for _ in 0..100 {
        called = seen.lock().unwrap().first().map(|(_, body)| body.clone());
        if called.is_some() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let called: serde_json::Value = serde_json::from_str(&called.expect("a deposit callback")).unwrap();
    assert_eq!((called["event"].as_str(), called["referenceID"].as_str()), (Some("deposit"), Some("klnu00242")));
    assert_eq!(called["data"]["amount"], "250000");
    assert_eq!(called["merchantID"].as_str(), Some(a.merchant_id.as_str()));
    // A replay: success, nothing changes.
    assert_eq!(post(&app, SEED_BODY, SEED_SIGNATURE).await.0, 200);
    assert_eq!(balance().await.unwrap(), start + 250_000);

    // Not the service's signature, or the same JSON re-serialised: refused.
    order(&app, a.user_id, "KLNU00252", 474_765).await;
    let body = multipayment("KLNU00252", "474765");
    let (status, text) = post(&app, &body, &sign(b"another key", body.as_bytes())).await;
    assert_eq!((status, text.contains("not verified")), (401, true));
    let reserialised = serde_json::from_str::<serde_json::Value>(&body).unwrap().to_string();
    assert_eq!(post(&app, &reserialised, &sign(PID.as_bytes(), body.as_bytes())).await.0, 401);
    assert_eq!(status_of(&app, "KLNU00252").await, "waiting");

    // Five at once of the same notification: one credit.
    let signature = sign(PID.as_bytes(), body.as_bytes());
    let mut sends = tokio::task::JoinSet::new();
    for _ in 0..5 {
        sends.spawn(send(app.url("/payment-service/webhook"), body.clone(), signature.clone()));
    }
    while let Some(sent) = sends.join_next().await {
        assert_eq!(sent.unwrap().0, 200);
    }
    assert_eq!(balance().await.unwrap(), start + 250_000 + 474_765);
    let refs = backend::entity::ledger_entry::Entity::find().all(&app.state.db).await.unwrap();
    assert_eq!(refs.iter().filter(|e| e.reference == "topup:KLNU00252").count(), 1);

    // Another amount than the order's: kept as Selisih, not credited.
    order(&app, a.user_id, "KLNU00300", 100_000).await;
    let short = multipayment("KLNU00300", "99000");
    assert_eq!(post(&app, &short, &sign(PID.as_bytes(), short.as_bytes())).await.0, 200);
    assert_eq!(status_of(&app, "KLNU00300").await, "mismatch");
    // An order we never made: kept, nothing credited.
    let stranger = multipayment("KLNU09999", "10000");
    assert_eq!(post(&app, &stranger, &sign(PID.as_bytes(), stranger.as_bytes())).await.0, 200);
    assert_eq!(balance().await.unwrap(), start + 250_000 + 474_765);

    let outcomes: Vec<String> =
        TopupNotification::find().all(&app.state.db).await.unwrap().into_iter().map(|n| n.outcome).collect();
    for expected in ["credited", "replay", "not_verified", "mismatch", "unmatched"] {
        assert!(outcomes.iter().any(|o| o == expected), "{expected} in {outcomes:?}");
    }
    assert_eq!(outcomes.iter().filter(|o| *o == "credited").count(), 2);
}

#[tokio::test]
async fn without_a_configured_key_no_webhook_is_believed() {
    let app = TestApp::spawn().await;
    assert_eq!(post(&app, SEED_BODY, SEED_SIGNATURE).await.0, 401);
}

async fn payment_service(expire: bool, password: &str) -> backend::topup::service::PaymentService {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = url::Url::parse(&format!("http://{}/", listener.local_addr().unwrap())).unwrap();
    let opts = server::simulate::payment::Options {
        listen: String::new(),
        email: "partner@sim.test".into(),
        password: "rahasia".into(),
        expire,
        webhook: String::new(),
        pid: PID.into(),
        expiry_minutes: 60,
    };
    tokio::spawn(server::simulate::payment::serve(listener, opts));
    backend::topup::service::PaymentService::new(
        base,
        "partner@sim.test".into(),
        password.into(),
        reqwest::Client::new(),
        std::time::Duration::from_secs(5),
    )
}

#[tokio::test]
async fn the_payment_service_client_logs_in_lists_banks_and_gets_what_to_pay() {
    use backend::topup::service::{PayIn, ServiceError};
    let service = payment_service(false, "rahasia").await;
    let banks = service.list_bank().await.unwrap();
    assert_eq!(banks.iter().map(|b| b.code.as_str()).collect::<Vec<_>>(), ["014", "008", "002", "009"]);
    assert_eq!((banks[0].name.as_str(), banks[0].product_code.as_str(), banks[0].active), ("BANK BCA", "BCAATM", true));
    assert!(!banks[3].active, "BNI is off: greyed with its reason on the page");
    let order = PayIn {
        order_id: "TOPUP-1",
        no_hp: "08123456789",
        fullname: "ANDIKA SAMPURNA",
        email: "andika@sampurna-jaya.test",
        bank_code: "014",
        product_code: "BCAATM",
        nominal: 1_000_000,
    };
    let pay = service.pay_service(&order).await.unwrap();
    assert!(pay.is_va && pay.kd_pay.starts_with("8808") && pay.url_pay.is_none());
    assert!((1..=2000).contains(&pay.kode_unik));
    assert_eq!(pay.total_bayar, 1_000_000 + pay.kode_unik);
    let unknown = service.pay_service(&PayIn { bank_code: "999", ..order.clone() }).await.unwrap_err();
    assert_eq!(unknown, ServiceError::Refused("bank_code not found".into()));

    // Tokens that expire after one call: a new login, transparently.
    let short_lived = payment_service(true, "rahasia").await;
    assert_eq!(short_lived.list_bank().await.unwrap().len(), 4);
    assert_eq!(short_lived.list_bank().await.unwrap().len(), 4);
    // A wrong password is said as such.
    let wrong = payment_service(false, "salah").await;
    assert_eq!(wrong.list_bank().await.unwrap_err(), ServiceError::LoginRefused);
}
