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

    // Fifty at once of the same notification: one credit.
    let signature = sign(PID.as_bytes(), body.as_bytes());
    let mut sends = tokio::task::JoinSet::new();
    for _ in 0..50 {
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

    // Signed, but not JSON: kept as unmatched, nothing moves.
    let junk = "status=success&order_id=KLNU00252";
    assert_eq!(post(&app, junk, &sign(PID.as_bytes(), junk.as_bytes())).await.0, 200);
    assert_eq!(balance().await.unwrap(), start + 250_000 + 474_765);
    assert_ledger_adds_up(&app, a.user_id).await;

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

/// The production ledger's entries add up to the production balance.
async fn assert_ledger_adds_up(app: &TestApp, user_id: uuid::Uuid) {
    let entries = backend::entity::ledger_entry::Entity::find().all(&app.state.db).await.unwrap();
    let sum: i64 =
        entries.iter().filter(|e| e.user_id == user_id && e.environment == Env::Production).map(|e| e.amount).sum();
    assert_eq!(sum, ledger::balance(&app.state.db, user_id, Env::Production).await.unwrap());
}

/// A portal wired to a payment service simulator that sends its
/// settlements back to that portal, signed with the same PID.
async fn app_with_payment_service() -> (TestApp, String) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let sim = format!("http://{}", listener.local_addr().unwrap());
    let app = TestApp::spawn_with(|f| {
        f.merge(Serialized::default("payment_service_pid", PID))
            .merge(Serialized::default("payment_service_url", format!("{sim}/")))
            .merge(Serialized::default("payment_service_email", "partner@sim.test"))
            .merge(Serialized::default("payment_service_password", "rahasia"))
    })
    .await;
    let opts = server::simulate::payment::Options {
        listen: listener.local_addr().unwrap().to_string(),
        email: "partner@sim.test".into(),
        password: "rahasia".into(),
        expire: false,
        webhook: app.url("/payment-service/webhook"),
        pid: PID.into(),
        expiry_minutes: 60,
    };
    tokio::spawn(server::simulate::payment::serve(listener, opts));
    (app, sim)
}

/// The simulator's "Bayar": its answer (the portal's reply to the webhook).
async fn sim_pay(sim: &str, form: &[(&str, &str)]) -> (u16, String) {
    let res = reqwest::Client::new().post(format!("{sim}/sim/pay")).form(form).send().await.unwrap();
    (res.status().as_u16(), res.text().await.unwrap())
}

#[tokio::test]
async fn a_partner_tops_up_by_va_and_gopay_and_the_simulator_settles_each_once() {
    use app::server_fns::topup::{TopupCreate, TopupPage, TopupRegisterVa, TopupResolve, TopupStatus};
    use domain::topup::TopupStatus as S;
    let (app, sim) = app_with_payment_service().await;
    app.signed_in_partner().await;
    // Before the profile is approved there is no production deposit to fill.
    let early = app.send(TopupCreate { amount: "100.000".into(), method: "va:014".into() }).await.unwrap_err();
    assert_eq!(early, app::error::AppError::Problem(domain::Problem::WrongStep));
    app.submit_complete_profile().await;
    let (staff, user_id) = app.approve_submitted().await;
    let balance = || ledger::balance(&app.state.db, user_id.0, Env::Production);

    let page = app.send(TopupPage {}).await.unwrap();
    assert!(page.offered && !page.service_down && page.orders.is_empty());
    let offered = |code: &str| page.methods.iter().find(|m| m.code == code).map(|m| m.available);
    assert_eq!((offered("va:014"), offered("va:009"), offered("gopay")), (Some(true), Some(false), Some(true)));

    // Limits and unavailable methods are refused before anything is made.
    let small = app.send(TopupCreate { amount: "5.000".into(), method: "va:014".into() }).await.unwrap_err();
    assert_eq!(small.field_errors()[0].problem, domain::Problem::AmountOutOfRange);
    let off = app.send(TopupCreate { amount: "100.000".into(), method: "va:009".into() }).await.unwrap_err();
    assert_eq!(off, app::error::AppError::Problem(domain::Problem::MethodUnavailable));

    // VA: the exact amount with its unique code, paid at the simulator.
    let va = app.send(TopupCreate { amount: "1.000.000".into(), method: "va:014".into() }).await.unwrap();
    assert_eq!((va.status, va.nominal, va.method_label.as_str()), (S::Waiting, 1_000_000, "VA BCA"));
    assert!(va.pay_code.starts_with("8808") && (1_000_001..=1_002_000).contains(&va.amount), "{va:?}");
    assert!(va.expires_in_secs > 3_500 && va.qr_svg.is_none());
    let (status, answer) = sim_pay(&sim, &[("order_id", &va.order_id)]).await;
    assert_eq!((status, answer.contains(r#""status":true"#)), (200, true), "{answer}");
    let now = app.send(TopupStatus { order_id: va.order_id.clone() }).await.unwrap();
    assert_eq!(now.status, S::Paid);
    assert_eq!(balance().await.unwrap(), va.amount);
    assert_eq!(sim_pay(&sim, &[("order_id", &va.order_id)]).await.0, 409, "the simulator pays once");

    // GoPay: a QR we draw from the deeplink.
    let gopay = app.send(TopupCreate { amount: "50.000".into(), method: "gopay".into() }).await.unwrap();
    let svg = gopay.qr_svg.clone().unwrap_or_default();
    assert!(svg.contains("<svg") && gopay.pay_link.as_deref().is_some_and(|l| l.starts_with("gojek://")), "{gopay:?}");
    assert_eq!(gopay.amount, 50_000);
    assert_eq!(sim_pay(&sim, &[("order_id", &gopay.order_id)]).await.0, 200);
    assert_eq!(app.send(TopupStatus { order_id: gopay.order_id.clone() }).await.unwrap().status, S::Paid);
    assert_eq!(balance().await.unwrap(), va.amount + 50_000);

    // Paid short: Selisih, nothing credited until finance decides, once.
    let short = app.send(TopupCreate { amount: "200.000".into(), method: "va:008".into() }).await.unwrap();
    let paid = (short.amount - 1_000).to_string();
    assert_eq!(sim_pay(&sim, &[("order_id", &short.order_id), ("amount", &paid)]).await.0, 200);
    assert_eq!(app.send(TopupStatus { order_id: short.order_id.clone() }).await.unwrap().status, S::Mismatch);
    assert_eq!(balance().await.unwrap(), va.amount + 50_000);
    let resolve =
        |note: &str| TopupResolve { order_id: short.order_id.clone(), action: "credit".into(), note: note.into() };
    let no_reason = crate::common::send_with(&staff, &app.base, resolve(" ")).await.unwrap_err();
    assert_eq!(no_reason.field_errors()[0].problem, domain::Problem::Required);
    crate::common::send_with(&staff, &app.base, resolve("transfer kurang Rp 1.000, dikreditkan sesuai dana masuk"))
        .await
        .unwrap();
    let again = crate::common::send_with(&staff, &app.base, resolve("lagi")).await.unwrap_err();
    assert_eq!(again, app::error::AppError::Problem(domain::Problem::WrongStep));
    assert_eq!(balance().await.unwrap(), va.amount + 50_000 + short.amount - 1_000);
    // Partners do not resolve their own cases.
    assert!(app.send(resolve("saya sendiri")).await.is_err());

    // Permanent VAs: a transfer to one lands in K-Wallet; the sweep moves it once.
    let accounts = app.send(TopupRegisterVa {}).await.unwrap();
    assert_eq!(accounts.len(), 8);
    assert_eq!(app.send(TopupRegisterVa {}).await.unwrap(), accounts, "asking again changes nothing");
    let bca = accounts.iter().find(|a| a.bank_code == "014").unwrap();
    assert_eq!(sim_pay(&sim, &[("va_number", &bca.va_number), ("amount", "150000")]).await.0, 200);
    let before = balance().await.unwrap();
    assert_eq!(backend::topup::accounts::sweep(&app.state, user_id.0).await.unwrap(), 1);
    assert_eq!(backend::topup::accounts::sweep(&app.state, user_id.0).await.unwrap(), 0);
    assert_eq!(balance().await.unwrap(), before + 150_000);

    let history = app.send(TopupPage {}).await.unwrap().orders;
    assert_eq!(history.len(), 4);
    assert_ledger_adds_up(&app, user_id.0).await;

    // The day against the service's books: all agrees so far…
    let today = backend::infra::wib::day(chrono::Utc::now());
    let reconcile = || app::server_fns::topup::TopupReconcile { day: today.clone() };
    let clean = crate::common::send_with(&staff, &app.base, reconcile()).await.unwrap();
    assert_eq!((clean.checked, clean.differences.len()), (4, 0), "{clean:?}");
    // …until money lands for an order the service has and we do not.
    let service = app.state.payments.clone().unwrap();
    let stray = backend::topup::service::PayIn {
        order_id: "LOST-0001",
        no_hp: "0811",
        fullname: "X",
        email: "x@example.com",
        bank_code: "014",
        product_code: "BCAATM",
        nominal: 75_000,
    };
    service.pay_service(&stray).await.unwrap();
    assert_eq!(sim_pay(&sim, &[("order_id", "LOST-0001")]).await.0, 200);
    let found = crate::common::send_with(&staff, &app.base, reconcile()).await.unwrap();
    assert_eq!(found.differences.len(), 1, "{found:?}");
    assert_eq!(found.differences[0].order_id, "LOST-0001");
    assert!(found.differences[0].what.contains("tidak dikenal"));
    let kept = crate::common::send_with(
        &staff,
        &app.base,
        app::server_fns::topup::TopupCases { status: "mismatch".into(), list: domain::ListQuery::default() },
    )
    .await
    .unwrap();
    assert_eq!(kept.reconciliations[0].differences, found.differences);
    assert_eq!(kept.cases.len(), 1);
    let lost = kept.unmatched.iter().find(|n| n.order_id == "LOST-0001").unwrap().clone();
    assert!(lost.verified && lost.resolution.is_none());
    // Finance finds the sender and credits it to that partner, once.
    let merchant_id = app.send(app::server_fns::account::CurrentUser {}).await.unwrap().unwrap().merchant_id.unwrap();
    let unmatched = |merchant: &str, amount: &str| app::server_fns::topup::TopupResolveUnmatched {
        id: lost.id.clone(),
        action: "credit".into(),
        merchant_id: merchant.into(),
        amount: amount.into(),
        note: "pengirim dikonfirmasi lewat telepon".into(),
    };
    let wrong = crate::common::send_with(&staff, &app.base, unmatched("NOPE", "0")).await.unwrap_err();
    assert_eq!(wrong.field_errors().len(), 2, "{wrong:?}");
    let before = balance().await.unwrap();
    crate::common::send_with(&staff, &app.base, unmatched(&merchant_id, "75.000")).await.unwrap();
    let twice = crate::common::send_with(&staff, &app.base, unmatched(&merchant_id, "75.000")).await.unwrap_err();
    assert_eq!(twice, app::error::AppError::Problem(domain::Problem::WrongStep));
    assert_eq!(balance().await.unwrap(), before + 75_000);
    assert_ledger_adds_up(&app, user_id.0).await;
    // Yesterday's runs by itself, once.
    backend::topup::reconcile::yesterday(&app.state).await.unwrap();
    assert_eq!(
        crate::common::send_with(
            &staff,
            &app.base,
            app::server_fns::topup::TopupCases { status: String::new(), list: domain::ListQuery::default() }
        )
        .await
        .unwrap()
        .reconciliations
        .len(),
        2
    );
}

#[tokio::test]
async fn the_client_speaks_gopay_and_k_wallet_as_the_seed_writes_them() {
    use backend::topup::service::{PayIn, ServiceError};
    let service = payment_service(true, "rahasia").await;
    // GoPay: its own bank list and order, with QR, deeplink and status actions.
    let banks = service.list_bank_midtrans(1_500).await.unwrap();
    assert_eq!((banks[0].code.as_str(), banks[0].admin_fee, banks[0].active), ("gopay", 2_500, true));
    let order = PayIn {
        order_id: "klnu01978",
        no_hp: "085736064900",
        fullname: "Almeera Salsabila",
        email: "Almeera@gmail.com",
        bank_code: "gopay",
        product_code: "e_wallets",
        nominal: 1_500,
    };
    let g = service.pay_service_midtrans(&order).await.unwrap();
    assert_eq!((g.status_code.as_str(), g.transaction_status.as_str(), g.gross_amount), ("201", "pending", 1_500));
    assert!(g.qr_url.is_some() && g.status_url.is_some() && g.deeplink.is_some_and(|d| d.starts_with("gojek://")));
    let used = service.pay_service_midtrans(&order).await.unwrap_err();
    assert!(matches!(&used, ServiceError::Refused(m) if m.starts_with("406")), "{used:?}");

    // K-Wallet: a VA per bank, vouchers, transfers ('stutas'), history
    // (JSON in a string), pay, reconcile, and the escrow refund once.
    let vas = service.register_va("idspaaa025", "Muammar Qathafi", "085736064900", "m@example.com").await.unwrap();
    assert_eq!(vas.len(), 8);
    assert!(vas.iter().all(|v| v.ok && !v.va_number.is_empty()));
    assert_eq!(vas.iter().find(|v| v.bank_code == "022").map(|v| v.fee), Some(3_000));
    service.register_va("idspaa0012", "Penerima", "0811", "p@example.com").await.unwrap();
    assert!(service.voucher_saldo("asdfkeijk", 100_000, "Voucher", "idspaaa025").await.unwrap().contains("Success"));
    let sent = service.transfer_to_account("idspaaa025", 10_000, "uang makan", "idspaa0012").await.unwrap();
    assert!(sent.contains("to account idspaa0012"), "{sent}");
    assert_eq!(service.check_saldo("idspaa0012").await.unwrap(), 10_000);
    let history = service.history_transaction("idspaaa025", "", "").await.unwrap();
    assert_eq!(
        history.iter().map(|l| (l.debit, l.credit, l.balance)).collect::<Vec<_>>(),
        [(100_000, 0, 100_000), (0, 10_000, 90_000)]
    );
    service.pay("idspaaa025", 40_000, "123456789", "Pembelian Paket Klorofil").await.unwrap();
    let twice = service.pay("idspaaa025", 40_000, "123456789", "lagi").await.unwrap_err();
    assert!(matches!(twice, ServiceError::Refused(_)));
    let line = service.reconcile("123456789").await.unwrap();
    assert_eq!((line.credit, line.balance), (40_000, 50_000));
    let refundable = service.refund("123456789", "idspaaa025").await.unwrap();
    assert_eq!((refundable.len(), refundable[0].credit), (1, 40_000));
    let id_trans = refundable[0].id_trans.clone();
    service.refund_accept("123456789", "idspaaa025", &id_trans, "dokter tidak standby").await.unwrap();
    let again = service.refund_accept("123456789", "idspaaa025", &id_trans, "lagi").await.unwrap_err();
    assert!(
        matches!(&again, ServiceError::AlreadyRefunded(m) if m.contains("refund existing, id_trans:")),
        "{again:?}"
    );
    let asked = service.refund("123456789", "idspaaa025").await.unwrap_err();
    assert!(matches!(asked, ServiceError::AlreadyRefunded(_)));
    assert_eq!(service.check_saldo("idspaaa025").await.unwrap(), 90_000);
    assert!(matches!(service.check_saldo("nobody").await.unwrap_err(), ServiceError::Refused(_)));
}
