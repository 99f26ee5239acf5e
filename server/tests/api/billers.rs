//! Billers behind the gateway: circuit breakers that put a biller that is
//! down into Maintenance (rc 38) and probe it back, and pending payments
//! asked after on the biller's schedule as leased jobs.

use crate::common::{search, send_with, TestApp};
use app::error::AppError;
use app::server_fns::catalog::BreakerList;
use app::server_fns::catalog::BreakerReset;
use app::server_fns::catalog::CatalogUpdate;
use app::server_fns::catalog::PriceCheck;
use app::server_fns::finance::SandboxBreakerReset;
use app::server_fns::finance::SandboxBreakers;
use app::server_fns::moderation::AuditLog;
use backend::billers::breaker::{self, Breaker, Gate};
use backend::billers::BillerError;
use backend::gateway::settlement::{poll_due, reconcile_day};
use backend::gateway::{services, Env, Merchant};
use chrono::{Duration, Utc};
use domain::finance::BreakerOut;
use domain::finance::ProductIn;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{json, Value};

fn inquiry(product: &str, customer: &str, reference: &str) -> Value {
    json!({"productID": product, "customerID": customer, "referenceID": reference})
}

async fn rc_of_inquiry(app: &TestApp, m: &Merchant, product: &str, customer: &str, reference: &str) -> String {
    let out = services::inquiry(&app.state, m, &inquiry(product, customer, reference)).await.unwrap();
    out["rc"].as_str().unwrap().to_owned()
}

async fn development_balance(app: &TestApp, m: &Merchant) -> i64 {
    backend::ledger::balance(&app.state.db, m.user_id, Env::Development).await.unwrap()
}

fn pulsa(customer: &str, reference: &str) -> Value {
    json!({"productID": "501021", "customerID": customer, "referenceID": reference, "tagihan": "10950", "admin": "0", "total": "10950"})
}

async fn breaker_row(app: &TestApp, scope: &str) -> backend::entity::biller_breaker::Model {
    backend::entity::biller_breaker::Entity::find_by_id(scope.to_owned()).one(&app.state.db).await.unwrap().unwrap()
}

#[tokio::test]
async fn a_biller_that_stops_answering_is_cut_off_and_probed_back() {
    let app = TestApp::spawn().await;
    let (_staff, m) = app.approved_merchant_with_products().await;
    // Five PDAM inquiries the biller does not answer: each rc 38.
    for i in 0..5 {
        assert_eq!(rc_of_inquiry(&app, &m, "400461", "7700000038", &format!("down{i}")).await, "38");
    }
    let scope = Breaker::new(Env::Development, m.user_id, "pdam").scope;
    let row = breaker_row(&app, &scope).await;
    assert_eq!((row.state.code(), row.failures, row.trips, row.cooldown_secs), ("open", 5, 1, 30));
    // Open: a good number is not even tried (it would be rc 00).
    assert_eq!(rc_of_inquiry(&app, &m, "400461", "7700000100", "good1").await, "38");
    // Every PDAM product is Maintenance now, other billers are not.
    assert_eq!(rc_of_inquiry(&app, &m, "400011", "7700000100", "good2").await, "38");
    assert_eq!(rc_of_inquiry(&app, &m, "100301", "110100019766", "pln1").await, "00");
    let prices = services::category_prices(&app.state, &m, &json!({"prefixID": "PDAM"})).await.unwrap();
    assert!(prices["record"].as_array().unwrap().iter().all(|p| p["status"] == "MAINTENANCE"), "{prices}");
    let prices = services::category_prices(&app.state, &m, &json!({"prefixID": "PLN"})).await.unwrap();
    assert!(prices["record"].as_array().unwrap().iter().all(|p| p["status"] == "AKTIF"), "{prices}");
    // Another partner's sandbox is not affected.
    let other = Breaker::new(Env::Development, uuid::Uuid::now_v7(), "pdam");
    assert_eq!(breaker::gate(&app.state.db, &other).await.unwrap(), Gate::Closed { clean: true });

    // The pause is over: the next call is the probe; the biller still does
    // not answer, so it opens again for twice as long.
    app.set_time("UPDATE biller_breakers SET open_until = $1", Utc::now() - Duration::seconds(1)).await;
    assert_eq!(rc_of_inquiry(&app, &m, "400461", "7700000038", "probe1").await, "38");
    let row = breaker_row(&app, &scope).await;
    assert_eq!((row.state.code(), row.cooldown_secs), ("open", 60));
    assert!(row.open_until.unwrap() > Utc::now() + Duration::seconds(50));
    // Next pause over, the biller answers: closed, back to normal.
    app.set_time("UPDATE biller_breakers SET open_until = $1", Utc::now() - Duration::seconds(1)).await;
    assert_eq!(rc_of_inquiry(&app, &m, "400461", "7700000100", "probe2").await, "00");
    let row = breaker_row(&app, &scope).await;
    assert_eq!((row.state.code(), row.failures, row.trips), ("closed", 0, 1));
    assert_eq!(rc_of_inquiry(&app, &m, "400011", "7700000100", "good3").await, "00");
}

#[tokio::test]
async fn no_money_moves_while_a_biller_is_cut_off() {
    let app = TestApp::spawn().await;
    let (_staff, m) = app.approved_merchant_with_products().await;
    let before = development_balance(&app, &m).await;
    for i in 0..5 {
        let out = services::single_payment(&app.state, &m, &pulsa("081200000038", &format!("d{i}"))).await.unwrap();
        // The biller was not reached: failed with rc 38 and refunded at once.
        assert_eq!((out["rc"].as_str(), out["data"]["status"].as_str()), (Some("38"), Some("GAGAL")), "{out}");
    }
    assert_eq!(development_balance(&app, &m).await, before);
    let out = services::single_payment(&app.state, &m, &pulsa("081200000100", "after")).await.unwrap();
    assert_eq!(out["rc"], "38");
    assert_eq!(development_balance(&app, &m).await, before, "refused before any debit");
    let recorded = backend::entity::transaction::Entity::find()
        .filter(backend::entity::transaction::Column::ReferenceId.eq("after"))
        .all(&app.state.db)
        .await
        .unwrap();
    assert!(recorded.is_empty(), "nothing recorded");
    // The partner sees the simulated outage and ends it.
    let list: Vec<BreakerOut> = app.send(SandboxBreakers {}).await.unwrap();
    assert_eq!((list.len(), list[0].biller.as_str(), list[0].state.code()), (1, "pulsa", "open"));
    let _: () = app.send(SandboxBreakerReset { biller: "pulsa".into() }).await.unwrap();
    let out = services::single_payment(&app.state, &m, &pulsa("081200000100", "after2")).await.unwrap();
    assert_eq!(out["rc"], "00");
    let again = app.send(SandboxBreakerReset { biller: "pulsa".into() }).await.unwrap_err();
    assert_eq!(again, AppError::Problem(domain::Problem::NotFound), "nothing open to close");
}

#[tokio::test]
async fn one_instance_takes_the_probe_and_staff_see_and_close_production_breakers() {
    let app = TestApp::spawn().await;
    let (staff, _m) = app.approved_merchant_with_products().await;
    let b = Breaker::new(Env::Production, uuid::Uuid::nil(), "pdam");
    let down: Result<(), BillerError> = Err(BillerError::Down("connection refused".into()));
    for _ in 0..breaker::THRESHOLD {
        let gate = breaker::gate(&app.state.db, &b).await.unwrap();
        breaker::record(&app.state.db, &b, gate, &down).await.unwrap();
    }
    assert_eq!(breaker::gate(&app.state.db, &b).await.unwrap(), Gate::Open);
    let list: Vec<BreakerOut> = send_with(&staff, &app.base, BreakerList {}).await.unwrap();
    assert_eq!((list[0].biller.as_str(), list[0].state.code(), list[0].failures), ("pdam", "open", 5));
    assert_eq!(list[0].last_error.as_deref(), Some("biller tidak dapat dihubungi: connection refused"));
    // The pause is over and ten instances ask at once: exactly one probes.
    app.set_time("UPDATE biller_breakers SET open_until = $1", Utc::now() - Duration::seconds(1)).await;
    let gates: Vec<_> = (0..10)
        .map(|_| {
            let (db, b) = (app.state.db.clone(), b.clone());
            tokio::spawn(async move { breaker::gate(&db, &b).await.unwrap() })
        })
        .collect();
    let mut probes = 0;
    for g in gates {
        match g.await.unwrap() {
            Gate::Probe { cooldown } => {
                assert_eq!(cooldown, 30);
                probes += 1;
            }
            other => assert_eq!(other, Gate::Open),
        }
    }
    assert_eq!(probes, 1);
    // Staff mark the biller recovered (audited); partners may not.
    let err = app.send(BreakerReset { biller: "pdam".into() }).await.unwrap_err();
    assert_eq!(err, AppError::Problem(domain::Problem::NotLoggedIn));
    let _: () = send_with(&staff, &app.base, BreakerReset { biller: "pdam".into() }).await.unwrap();
    assert_eq!(breaker::gate(&app.state.db, &b).await.unwrap(), Gate::Closed { clean: true });
    let audit = send_with(&staff, &app.base, AuditLog { list: search("biller.breaker_reset") }).await.unwrap();
    assert_eq!(audit.total, 1);
}

/// `count` pending payments of `m` with numbers ending in `suffix`, due now.
async fn pending_payments(app: &TestApp, m: &Merchant, suffix: &str, count: usize) {
    for i in 0..count {
        let customer = format!("0812{i:06}{suffix}");
        let out = services::single_payment(&app.state, m, &pulsa(&customer, &format!("p{suffix}{i}"))).await.unwrap();
        assert_eq!(out["rc"], "71", "{out}");
    }
    app.set_time("UPDATE transactions SET next_poll_at = $1 WHERE status = 'pending'", Utc::now()).await;
}

async fn payments(app: &TestApp) -> Vec<backend::entity::transaction::Model> {
    backend::entity::transaction::Entity::find()
        .filter(backend::entity::transaction::Column::Kind.eq("payment"))
        .all(&app.state.db)
        .await
        .unwrap()
}

#[tokio::test]
async fn two_status_workers_never_ask_about_the_same_payment() {
    let app = TestApp::spawn().await;
    let (_staff, m) = app.approved_merchant_with_products().await;
    // Twenty pending payments that the biller settles as failed when asked.
    pending_payments(&app, &m, "17", 20).await;
    let before = development_balance(&app, &m).await;
    let workers: Vec<_> = (0..2)
        .map(|_| {
            let state = app.state.clone();
            tokio::spawn(async move { poll_due(&state, 100).await.unwrap() })
        })
        .collect();
    let mut asked = 0;
    for w in workers {
        let round = w.await.unwrap();
        assert_eq!(round.asked, round.settled);
        asked += round.asked;
    }
    assert_eq!(asked, 20, "each payment asked by exactly one worker");
    for t in payments(&app).await {
        assert_eq!((t.status.code(), t.poll_attempts, t.locked_until), ("failed", 1, None));
        assert_eq!(t.next_poll_at, None);
    }
    assert_eq!(development_balance(&app, &m).await, before + 20 * 10_950, "each refunded once");
    assert_eq!(poll_due(&app.state, 100).await.unwrap().asked, 0, "nothing left to ask");
}

#[tokio::test]
async fn a_pending_payment_is_asked_on_the_billers_schedule_then_left_to_h_plus_1() {
    let app = TestApp::spawn().await;
    let (_staff, m) = app.approved_merchant_with_products().await;
    let paid_at = Utc::now();
    pending_payments(&app, &m, "71", 1).await;
    let t = &payments(&app).await[0];
    // The sandbox promises an answer within 15 minutes.
    let until = t.poll_until.unwrap();
    assert!((until - paid_at - Duration::minutes(15)).num_seconds().abs() <= 2, "{until} vs {paid_at}");
    // First question: still pending, next one after the backoff (30 s).
    let round = poll_due(&app.state, 100).await.unwrap();
    assert_eq!((round.asked, round.settled), (1, 0));
    let t = &payments(&app).await[0];
    assert_eq!((t.status.code(), t.poll_attempts, t.locked_until), ("pending", 1, None));
    let wait = t.next_poll_at.unwrap() - Utc::now();
    assert!(wait > Duration::seconds(25) && wait <= Duration::seconds(30), "{wait}");
    assert_eq!(poll_due(&app.state, 100).await.unwrap().asked, 0, "not due yet");
    // Past the biller's window: asked one last time, then no more.
    app.set_time("UPDATE transactions SET poll_until = $1, next_poll_at = $1", Utc::now() - Duration::seconds(1)).await;
    assert_eq!(poll_due(&app.state, 100).await.unwrap().asked, 1);
    let t = &payments(&app).await[0];
    assert_eq!((t.status.code(), t.poll_attempts, t.next_poll_at), ("pending", 2, None));
    assert_eq!(poll_due(&app.state, 100).await.unwrap().asked, 0);
    // The H+1 reconciliation closes it as failed and refunds it.
    let two_days = Utc::now() - Duration::days(2);
    app.set_time("UPDATE transactions SET created_at = $1", two_days).await;
    let day = (two_days + Duration::hours(7)).format("%Y-%m-%d").to_string();
    let before = development_balance(&app, &m).await;
    let out = reconcile_day(&app.state, &day).await.unwrap();
    assert_eq!((out.succeeded, out.failed, out.busy), (0, 1, 0));
    assert_eq!(development_balance(&app, &m).await, before + 10_950);
}

#[tokio::test]
async fn reconciliation_leaves_a_payment_a_worker_is_asking_about() {
    let app = TestApp::spawn().await;
    let (_staff, m) = app.approved_merchant_with_products().await;
    pending_payments(&app, &m, "71", 1).await;
    let two_days = Utc::now() - Duration::days(2);
    app.set_time("UPDATE transactions SET created_at = $1", two_days).await;
    // A worker holds the status job right now.
    app.set_time("UPDATE transactions SET locked_until = $1", Utc::now() + Duration::seconds(60)).await;
    let day = (two_days + Duration::hours(7)).format("%Y-%m-%d").to_string();
    let out = reconcile_day(&app.state, &day).await.unwrap();
    assert_eq!((out.succeeded, out.failed, out.busy), (0, 0, 1));
    assert_eq!(payments(&app).await[0].status.code(), "pending");
    // The lease ran out (the worker died): the next run closes it.
    app.set_time("UPDATE transactions SET locked_until = $1", Utc::now() - Duration::seconds(1)).await;
    let out = reconcile_day(&app.state, &day).await.unwrap();
    assert_eq!((out.succeeded, out.failed, out.busy), (0, 1, 0));
}

#[tokio::test]
async fn staff_compare_the_billers_price_sheets_with_the_catalog() {
    use domain::finance::{PriceCheckOut, PriceVerdict};
    let app = TestApp::spawn().await;
    let (admin, ..) = app.operator().await;
    let check = |c: reqwest::Client| {
        let base = app.base.clone();
        async move { send_with(&c, &base, PriceCheck {}).await }
    };
    let sheets = check(admin.clone()).await.unwrap();
    let sandbox = sheets.iter().find(|s| s.biller == "sandbox").unwrap();
    assert_eq!((sandbox.environment, sandbox.error.as_ref()), (Env::Development, None));
    let verdict = |s: &PriceCheckOut, code: &str| s.rows.iter().find(|r| r.code == code).unwrap().verdict;
    // The sheet's Telkomsel 100.000 costs more than the catalog sells it for.
    assert_eq!(verdict(sandbox, "510021"), PriceVerdict::Loss);
    assert_eq!(verdict(sandbox, "501081"), PriceVerdict::Unavailable);
    assert_eq!(verdict(sandbox, "501021"), PriceVerdict::Same);
    assert_eq!(sandbox.rows.iter().filter(|r| r.verdict == PriceVerdict::Same).count(), sandbox.rows.len() - 2);
    assert!(sandbox.rows.iter().all(|r| r.code != "400461"), "bills have no fixed price");
    // Staff raise the price: no loss any more, but the buy price moved.
    let input = ProductIn {
        name: "Telkomsel 100.000".into(),
        price: 100_500,
        admin_fee: 0,
        partner_fee: 0,
        buy_price: 98_900,
        status: "aktif".into(),
        ..ProductIn::default()
    };
    send_with(&admin, &app.base, CatalogUpdate { code: "510021".into(), input }).await.unwrap();
    let sheets = check(admin.clone()).await.unwrap();
    assert_eq!(verdict(&sheets[0], "510021"), PriceVerdict::Changed);
    // Partners do not see the sheets.
    app.signed_in_partner().await;
    assert_eq!(check(app.client.clone()).await.unwrap_err(), AppError::Problem(domain::Problem::NotLoggedIn));
}

#[tokio::test]
async fn nobody_settles_a_payment_while_its_biller_call_is_in_flight() {
    let app = TestApp::spawn().await;
    let (_staff, m) = app.approved_merchant_with_products().await;
    let before = development_balance(&app, &m).await;
    // The biller takes 3 s to pay; asked meanwhile, it says failed.
    let body = pulsa("081200000072", "slow1");
    let paying = {
        let (state, m, body) = (app.state.clone(), m.clone(), body.clone());
        tokio::spawn(async move { services::single_payment(&state, &m, &body).await.unwrap() })
    };
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    app.set_time("UPDATE transactions SET next_poll_at = $1 WHERE status = 'pending'", Utc::now()).await;
    // The status worker, the partner's Check-Status: neither asks the biller.
    assert_eq!(poll_due(&app.state, 100).await.unwrap().asked, 0);
    let status = services::check_status(&app.state, &m, &body).await.unwrap();
    assert_eq!(status["rc"], "71", "still pending while the call runs: {status}");
    let paid = paying.await.unwrap();
    assert_eq!(paid["rc"], "00", "the biller's success stands: {paid}");
    let t = payments(&app).await.pop().unwrap();
    assert_eq!((t.status.code(), t.locked_until), ("success", None));
    assert_eq!(development_balance(&app, &m).await, before - 10_950, "debited once, never refunded");
    assert_eq!(services::check_status(&app.state, &m, &body).await.unwrap()["rc"], "00");
}
