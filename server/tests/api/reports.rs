//! Laporan over HTTP: the deposit statement reconciles exactly with the
//! balance, pages by cursor, cuts days at WIB midnight, stays within its
//! partner, and its CSV export is streamed with formulas neutralised.

use crate::common::{new_client, send_with, TestApp};
use app::server_fns::account::CurrentUser;
use app::server_fns::reports::ReportStatement;
use backend::ledger::{self, Env, Kind, Movement};
use domain::reports::{StatementIn, StatementOut};

/// The signed-in partner's user id (by its e-mail).
async fn user_id(app: &TestApp, email: &str) -> uuid::Uuid {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let user = backend::entity::user::Entity::find().filter(backend::entity::user::Column::Email.eq(email));
    user.one(&app.state.db).await.unwrap().unwrap().id
}

/// The partner's fee of a catalog product.
async fn product_fee(app: &TestApp, code: &str) -> i64 {
    use sea_orm::EntityTrait;
    backend::entity::product::Entity::find_by_id(code).one(&app.state.db).await.unwrap().unwrap().partner_fee
}

async fn book(app: &TestApp, user_id: uuid::Uuid, kind: Kind, amount: i64, reference: &str, note: &str) {
    let m = Movement { user_id, env: Env::Production, kind, amount, reference, note: Some(note), actor_name: "test" };
    ledger::apply(&app.state.db, &m).await.unwrap();
}

fn query(after: &str) -> ReportStatement {
    ReportStatement {
        input: StatementIn { environment: "production".into(), after: after.into(), ..Default::default() },
    }
}

/// Every page of this month's statement, following the cursors.
async fn all_pages(client: &reqwest::Client, app: &TestApp) -> Vec<StatementOut> {
    let mut pages = vec![send_with(client, &app.base, query("")).await.unwrap()];
    while let Some(next) = pages.last().and_then(|p| p.next.clone()) {
        pages.push(send_with(client, &app.base, query(&next)).await.unwrap());
    }
    pages
}

#[tokio::test]
async fn the_statement_reconciles_with_the_balance_pages_and_exports_safely() {
    let app = TestApp::spawn().await;
    app.signed_in_partner().await;
    let me = app.send(CurrentUser {}).await.unwrap().unwrap();
    let user_id = user_id(&app, &me.email).await;
    // Top-ups, payments, refunds, adjustments: 122 movements.
    book(&app, user_id, Kind::Credit, 5_000_000, "topup:TU-1", "Top up VA BCA").await;
    for i in 0..40 {
        book(&app, user_id, Kind::Debit, -10_500, &format!("pay:{i}"), "Pembayaran 100301").await;
        book(&app, user_id, Kind::Refund, 10_500, &format!("refund:{i}"), "Refund").await;
        book(&app, user_id, Kind::Debit, -2_500, &format!("pay2:{i}"), "=HYPERLINK(\"http://x\")").await;
    }
    book(&app, user_id, Kind::Adjustment, -1_000, "manual:K1", "Koreksi").await;
    let balance = ledger::balance(&app.state.db, user_id, Env::Production).await.unwrap();
    assert_eq!(balance, 5_000_000 - 40 * 2_500 - 1_000);

    let pages = all_pages(&app.client, &app).await;
    assert_eq!(pages.len(), 3, "122 movements, 50 a page");
    let first = &pages[0];
    assert_eq!((first.opening, first.closing, first.count), (0, balance, 122));
    assert_eq!(first.total_credit - first.total_debit, first.closing - first.opening);
    // Each line's balance is the one before it, moved by the line.
    let lines: Vec<_> = pages.iter().flat_map(|p| p.lines.clone()).collect();
    assert_eq!(lines.len(), 122);
    let mut running = first.opening;
    for l in &lines {
        running += l.credit - l.debit;
        assert_eq!(running, l.balance, "{l:?}");
    }
    assert_eq!(running, balance);

    // The CSV: every movement between "Saldo Awal" and "Saldo Akhir", formulas defused.
    let res = app.client.get(app.url("/unduh/rekening-koran.csv?environment=production")).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let name = res.headers()["content-disposition"].to_str().unwrap().to_owned();
    assert!(
        name.contains(&format!("rekening-koran_{}_", me.merchant_id.clone().unwrap_or_else(|| "mitra".into()))),
        "{name}"
    );
    let csv = res.text().await.unwrap();
    let rows: Vec<&str> = csv.lines().collect();
    assert_eq!(rows.len(), 1 + 1 + 122 + 1, "header, opening, movements, closing");
    assert!(rows[1].contains("Saldo Awal") && rows[124].contains("Saldo Akhir"));
    assert!(rows[124].ends_with(&format!(",{balance}")));
    assert!(csv.contains("\"'=HYPERLINK(\"\"http://x\"\")\""), "formula neutralised and quoted");
    assert!(!csv.contains(",=HYPERLINK"));

    // The XLSX read back: the same rows as the CSV, numbers as numbers.
    let res = app.client.get(app.url("/unduh/rekening-koran.xlsx")).send().await.unwrap();
    assert_eq!(res.status(), 200);
    assert!(res.headers()["content-disposition"].to_str().unwrap().ends_with(".xlsx\""));
    let bytes = res.bytes().await.unwrap().to_vec();
    let mut book: calamine::Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    let sheet = calamine::Reader::worksheet_range(&mut book, "Rekening Koran").unwrap();
    let cells: Vec<Vec<calamine::Data>> = sheet.rows().map(|r| r.to_vec()).collect();
    assert_eq!(cells.len(), rows.len());
    for (xlsx, csv) in cells.iter().zip(&rows).skip(1) {
        let csv: Vec<String> = csv.split(',').map(str::to_owned).collect();
        // Kind, reference and the three amounts match (the note may hold commas).
        assert_eq!(xlsx[1].to_string(), csv[1].trim_matches('"'));
        let money: Vec<i64> = xlsx[4..7].iter().map(|c| calamine::DataType::as_f64(c).unwrap() as i64).collect();
        let tail: Vec<i64> = csv[csv.len() - 3..].iter().map(|v| v.parse().unwrap()).collect();
        assert_eq!(money, tail);
        assert!(matches!(xlsx[0], calamine::Data::DateTime(_)), "{:?}", xlsx[0]);
    }
    assert!(cells.iter().any(|r| r[3] == "'=HYPERLINK(\"http://x\")"));

    // Another company sees its own (empty) statement, never this one.
    let other = new_client(&app.base);
    app.signed_in_partner_on(&other).await;
    let theirs = all_pages(&other, &app).await;
    assert_eq!((theirs[0].count, theirs[0].closing, theirs[0].lines.len()), (0, 0, 0));
    let their_csv = other.get(app.url("/unduh/rekening-koran.csv")).send().await.unwrap().text().await.unwrap();
    assert_eq!(their_csv.lines().count(), 3);
    assert!(!their_csv.contains("topup:TU-1"));
    // Signed out: nothing.
    let anonymous = new_client(&app.base);
    assert_ne!(anonymous.get(app.url("/unduh/rekening-koran.csv")).send().await.unwrap().status(), 200);
}

#[tokio::test]
async fn a_day_ends_at_midnight_wib() {
    let app = TestApp::spawn().await;
    app.signed_in_partner().await;
    let email = app.send(CurrentUser {}).await.unwrap().unwrap().email;
    let user_id = user_id(&app, &email).await;
    book(&app, user_id, Kind::Credit, 100_000, "late", "23:59:59 WIB").await;
    book(&app, user_id, Kind::Debit, -30_000, "early", "00:00:00 WIB").await;
    let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
    let midnight = backend::infra::wib::start_of(day + chrono::Duration::days(1));
    let sql = |reference: &str| format!("UPDATE ledger_entries SET created_at = $1 WHERE reference = '{reference}'");
    app.set_time(&sql("late"), midnight - chrono::Duration::seconds(1)).await;
    app.set_time(&sql("early"), midnight).await;
    // Entries moved behind the ledger's back: its daily sums are made again.
    backend::ledger_days::rebuild(&app.state.db).await.unwrap();
    let on = |d: &str| ReportStatement {
        input: StatementIn { environment: "production".into(), from: d.into(), to: d.into(), after: String::new() },
    };
    let first = app.send(on("2026-11-30")).await.unwrap();
    assert_eq!((first.count, first.opening, first.closing), (1, 0, 100_000));
    assert_eq!(first.lines[0].at, "30/11/2026 23:59:59");
    let second = app.send(on("2026-12-01")).await.unwrap();
    assert_eq!((second.count, second.opening, second.closing), (1, 100_000, 70_000));
    assert_eq!(second.lines[0].at, "01/12/2026 00:00:00");
    // A period upside down, or longer than a year, is refused.
    let wrong = StatementIn {
        environment: "production".into(),
        from: "2026-12-02".into(),
        to: "2026-12-01".into(),
        after: String::new(),
    };
    assert!(app.send(ReportStatement { input: wrong }).await.is_err());
}

#[tokio::test]
async fn status_transaksi_finds_a_payment_and_tells_its_whole_story() {
    use crate::gateway::{approved, gateway, signed_on, with_session};
    use app::server_fns::reports::{ReportHome, ReportRecap, ReportTransaction, ReportTransactions};
    use domain::reports::{RecapIn, TxSearchIn};
    use serde_json::json;
    let app = TestApp::spawn().await;
    let a = approved(&app).await;
    let dev = gateway(&app.state, backend::gateway::Env::Development).await;
    let (c, sid) = signed_on(&dev, &a).await;
    let body = |reference: &str| {
        with_session(&sid, &a, json!({"productID": "100301", "customerID": "110100019766", "referenceID": reference}))
    };
    let inq = c.call("/Services/Inquiry", &body("RPT-1")).await;
    let mut pay = body("RPT-1");
    for k in ["tagihan", "admin", "total"] {
        pay[k] = inq["data"][k].clone();
    }
    assert_eq!(c.call("/Services/Payment", &pay).await["rc"], "00");

    let search = |f: fn(&mut TxSearchIn)| {
        let mut input = TxSearchIn { environment: "development".into(), ..Default::default() };
        f(&mut input);
        ReportTransactions { input }
    };
    let all = app.send(search(|_| {})).await.unwrap();
    assert_eq!(all.rows.len(), 2, "the inquiry and the payment: {all:?}");
    let paid = app.send(search(|q| q.status = "success".into())).await.unwrap();
    assert_eq!(paid.rows.len(), 1);
    assert_eq!(app.send(search(|q| q.reference_id = "RPT-1".into())).await.unwrap().rows.len(), 2);
    assert!(app.send(search(|q| q.customer_id = "999".into())).await.unwrap().rows.is_empty());
    assert!(app.send(search(|q| q.environment = "production".into())).await.unwrap().rows.is_empty());

    let story = app.send(ReportTransaction { id: paid.rows[0].id.clone() }).await.unwrap();
    let what: Vec<&str> = story.timeline.iter().map(|e| e.what.as_str()).collect();
    assert_eq!(what.first(), Some(&"request"));
    assert!(what.contains(&"ledger") && what.contains(&"final"), "{what:?}");
    assert_eq!((story.row.customer_id.as_str(), story.row.reference_id.as_str()), ("110100019766", "RPT-1"));
    assert!(serde_json::from_str::<serde_json::Value>(&story.data).is_ok(), "{}", story.data);

    // Pelunasan Harian of today: the payment under its product, the day's balances.
    let day = app
        .send(app::server_fns::reports::ReportDay { environment: "development".into(), day: String::new() })
        .await
        .unwrap();
    let total: i64 = paid.rows[0].total;
    assert_eq!((day.success_count, day.success_total), (1, total));
    assert_eq!(day.groups.iter().map(|g| (g.product_code.as_str(), g.count)).collect::<Vec<_>>(), [("100301", 1)]);
    let balance = ledger::balance(&app.state.db, a.user_id, Env::Development).await.unwrap();
    assert_eq!(day.closing, balance);
    assert_eq!(day.opening, 0, "the account and its sandbox credit began today");

    // Rekap Pelunasan of this month: the product's line, its fees, the total.
    let recap = app
        .send(ReportRecap {
            input: RecapIn { environment: "development".into(), period: "bulan".into(), ..Default::default() },
        })
        .await
        .unwrap();
    let fee = product_fee(&app, "100301").await;
    assert_eq!(recap.rows.len(), 1, "{recap:?}");
    let line = &recap.rows[0];
    assert_eq!((line.product_code.as_str(), line.count, line.total, line.partner_fee), ("100301", 1, total, fee));
    assert_eq!(line.tagihan + line.admin, line.total);
    assert_eq!((recap.total.count, recap.total.total, recap.pending_count, recap.failed_count), (1, total, 0, 0));
    assert!(!line.category.is_empty() && !line.product_name.is_empty());
    // The landing page: the month, today, the deposit now.
    let home = app.send(ReportHome { environment: "development".into() }).await.unwrap();
    assert_eq!((home.month.total.count, home.today_count, home.today_total, home.balance), (1, 1, total, balance));
    assert_eq!(home.top.len(), 1);

    // Every report downloads, with the page's filters.
    let csv = |path: &str| {
        let (client, url) = (app.client.clone(), app.url(path));
        async move {
            let res = client.get(url).send().await.unwrap();
            assert_eq!(res.status(), 200, "{}", res.url());
            res.text().await.unwrap()
        }
    };
    let txs = csv("/unduh/status-transaksi.csv?environment=development&status=success").await;
    assert_eq!(txs.lines().count(), 2, "header and the payment: {txs}");
    assert!(txs.lines().nth(1).unwrap().contains(",RPT-1,success,00,"), "{txs}");
    let day_file = csv("/unduh/pelunasan-harian.csv?environment=development").await;
    let kinds: Vec<&str> = day_file.lines().skip(1).map(|l| l.split(',').next().unwrap()).collect();
    assert_eq!(kinds, ["Saldo Awal", "Ringkasan", "Transaksi", "Saldo Akhir"], "{day_file}");
    assert!(day_file.lines().last().unwrap().ends_with(&format!(",{balance}")));
    let recap_file = csv("/unduh/rekap-pelunasan.csv?environment=development&period=bulan").await;
    let last = recap_file.lines().last().unwrap();
    assert!(last.starts_with("Total,") && last.ends_with(&format!(",{fee},{total}")), "{recap_file}");
    let res = app.client.get(app.url("/unduh/rekap-pelunasan.xlsx?environment=development")).send().await.unwrap();
    let bytes = res.bytes().await.unwrap().to_vec();
    let mut book: calamine::Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    let sheet = calamine::Reader::worksheet_range(&mut book, "Rekap Pelunasan").unwrap();
    let totals: Vec<f64> =
        sheet.rows().nth(1).unwrap()[3..].iter().map(|c| calamine::DataType::as_f64(c).unwrap()).collect();
    assert_eq!(totals, [1.0, line.tagihan as f64, line.admin as f64, fee as f64, total as f64]);

    // Another company: the list is its own, the detail is not found.
    let other = new_client(&app.base);
    app.signed_in_partner_on(&other).await;
    let theirs = send_with(&other, &app.base, search(|_| {})).await.unwrap();
    assert!(theirs.rows.is_empty());
    for path in ["/unduh/status-transaksi.csv", "/unduh/pelunasan-harian.csv", "/unduh/rekap-pelunasan.csv"] {
        let theirs = other.get(app.url(&format!("{path}?environment=development"))).send().await.unwrap();
        assert!(!theirs.text().await.unwrap().contains("100301"), "{path}");
    }
    let their_recap = send_with(&other, &app.base, ReportHome { environment: "development".into() }).await.unwrap();
    assert_eq!(their_recap.month.total.count, 0);
    let stolen = send_with(&other, &app.base, ReportTransaction { id: paid.rows[0].id.clone() }).await.unwrap_err();
    assert_eq!(stolen, app::error::AppError::Problem(domain::Problem::NotFound));
}

/// A successful production payment of `total`, `days_ago` WIB days back at noon.
async fn paid(app: &TestApp, user_id: uuid::Uuid, days_ago: i64, total: i64) {
    payment(app, user_id, days_ago, total, domain::transaction::TxStatus::Success).await;
}

/// A production payment as the gateway records it (without its biller call).
async fn payment(
    app: &TestApp,
    user_id: uuid::Uuid,
    days_ago: i64,
    total: i64,
    status: domain::transaction::TxStatus,
) -> uuid::Uuid {
    use sea_orm::{ActiveModelTrait, Set};
    let id = uuid::Uuid::now_v7();
    let day = backend::infra::wib::date_of(chrono::Utc::now()) - chrono::Duration::days(days_ago);
    let at = backend::infra::wib::start_of(day) + chrono::Duration::hours(12);
    let row = backend::entity::transaction::ActiveModel {
        id: Set(id),
        user_id: Set(user_id),
        environment: Set(Env::Production),
        kind: Set(domain::transaction::TxKind::Payment),
        product_code: Set("100301".into()),
        customer_id: Set("110100019766".into()),
        reference_id: Set(format!("D{days_ago}-{}", uuid::Uuid::now_v7().simple())),
        status: Set(status),
        rc: Set(if status == domain::transaction::TxStatus::Pending { "71" } else { "00" }.into()),
        tagihan: Set(total),
        admin: Set(0),
        total: Set(total),
        partner_fee: Set(0),
        data: Set("{}".into()),
        biller_ref: Set(None),
        created_at: Set(at),
        updated_at: Set(at),
        final_at: Set(Some(at)),
        poll_attempts: Set(0),
        next_poll_at: Set(None),
        poll_until: Set(None),
        locked_until: Set(None),
    };
    let t = row.insert(&app.state.db).await.unwrap();
    // What the settlement keeps beside a successful payment (the chart's sums).
    if status == domain::transaction::TxStatus::Success {
        backend::payment_days::succeeded(&app.state.db, &t).await.unwrap();
    }
    id
}

#[tokio::test]
async fn the_dashboard_charts_30_days_tells_the_runway_and_warns_once_a_day() {
    use app::server_fns::finance::{DashboardStats, SetLowBalance};
    let app = TestApp::spawn().await;
    app.signed_in_partner().await;
    let email = app.send(CurrentUser {}).await.unwrap().unwrap().email;
    let user_id = user_id(&app, &email).await;
    book(&app, user_id, Kind::Credit, 1_050_000, "topup:TU-R", "Top up").await;
    // Rp 100.000 a day for the 7 days before today, some today, one too old to show.
    for days_ago in 1..=7 {
        paid(&app, user_id, days_ago, 100_000).await;
    }
    // Today's five land in different rows of the day (payment_days::SLOTS,
    // by id): the chart sums them.
    for _ in 0..5 {
        paid(&app, user_id, 0, 1_000).await;
    }
    paid(&app, user_id, 31, 999_000).await;
    // One more today the way the gateway makes it: pending, then the
    // biller's success settles it (counted once however often it is told);
    // a failure is not counted.
    use backend::billers::PayOutcome;
    use backend::gateway::settlement::settle;
    let success = || Ok(PayOutcome::Success { sn: "SN1".into(), data: serde_json::json!({}) });
    let late = stuck(&app, user_id, 7_000).await;
    settle(&app.state, late, success(), false).await.unwrap();
    settle(&app.state, late, success(), false).await.unwrap();
    let failed = stuck(&app, user_id, 3_000).await;
    settle(&app.state, failed, Ok(PayOutcome::Failed { rc: backend::gateway::rc::Rc::Failed }), false).await.unwrap();

    let stats = app.send(DashboardStats {}).await.unwrap();
    assert_eq!(stats.chart.len(), 30);
    let today = stats.chart.last().unwrap();
    assert_eq!((today.count, today.total), (6, 12_000));
    assert_eq!(stats.chart.iter().map(|p| p.count).sum::<i64>(), 13, "the 31-day-old payment is out");
    assert_eq!(stats.chart[29 - 7].total, 100_000);
    assert_eq!(stats.runway_days, Some(10), "Rp 1.043.000 at Rp 100.000 a day");
    assert_eq!(stats.low_balance, None);

    // A level is checked, then warns once a day by e-mail.
    let err = app.send(SetLowBalance { level: Some(0) }).await.unwrap_err();
    assert!(matches!(err, app::error::AppError::Invalid(_)), "{err:?}");
    app.send(SetLowBalance { level: Some(2_000_000) }).await.unwrap();
    assert_eq!(app.send(DashboardStats {}).await.unwrap().low_balance, Some(2_000_000));
    assert_eq!(backend::balance_alert::check_all(&app.state).await.unwrap(), 1);
    let mail = app.mail_containing(&email, "batas peringatan").await;
    // Rp 1.050.000 less the one paid through the gateway (the failed one refunded).
    assert!(mail.contains("Rp 1.043.000") && mail.contains("Rp 2.000.000"), "{mail}");
    assert_eq!(backend::balance_alert::check_all(&app.state).await.unwrap(), 0, "once a day");
    // Above the level nobody is told; switched off, never.
    app.send(SetLowBalance { level: Some(500_000) }).await.unwrap();
    assert_eq!(backend::balance_alert::check_all(&app.state).await.unwrap(), 0);
    app.send(SetLowBalance { level: None }).await.unwrap();
    assert_eq!(app.send(DashboardStats {}).await.unwrap().low_balance, None);
}

/// A pending production payment of `total` with its debit.
async fn stuck(app: &TestApp, user_id: uuid::Uuid, total: i64) -> uuid::Uuid {
    let id = payment(app, user_id, 0, total, domain::transaction::TxStatus::Pending).await;
    book(app, user_id, Kind::Debit, -total, &format!("trx:{id}"), "100301").await;
    id
}

#[tokio::test]
async fn finance_settles_a_stuck_payment_once_and_never_both_ways() {
    use app::server_fns::reports::{ReportTransactions, StaffPending, StaffResolve, StaffTransactions};
    use domain::reports::{StaffTxIn, TxSearchIn};
    use domain::transaction::TxStatus;
    let app = TestApp::spawn().await;
    let (staff, m) = app.approved_merchant().await;
    book(&app, m.user_id, Kind::Credit, 100_000, "topup:S-1", "Top up").await;
    let (refunded, succeeded, in_flight) = (
        stuck(&app, m.user_id, 10_000).await,
        stuck(&app, m.user_id, 20_000).await,
        stuck(&app, m.user_id, 30_000).await,
    );
    // Its biller call in flight: the paying request holds its lease.
    {
        use sea_orm::{ActiveModelTrait, Set};
        let held = backend::entity::transaction::ActiveModel {
            id: Set(in_flight),
            locked_until: Set(Some(chrono::Utc::now() + chrono::Duration::minutes(5))),
            ..Default::default()
        };
        held.update(&app.state.db).await.unwrap();
    }
    let balance = || ledger::balance(&app.state.db, m.user_id, Env::Production);
    assert_eq!(balance().await.unwrap(), 40_000);

    // The pending list, oldest first, named by partner; by merchant ID too.
    let all = send_with(&staff, &app.base, StaffPending { merchant_id: String::new() }).await.unwrap();
    assert_eq!(all.len(), 3);
    assert!(all[0].row.partner.contains(&m.merchant_id), "{:?}", all[0].row);
    assert_eq!(all.iter().filter(|p| p.in_flight).count(), 1);
    let theirs = send_with(&staff, &app.base, StaffPending { merchant_id: m.merchant_id.clone() }).await.unwrap();
    assert_eq!(theirs.len(), 3);
    assert!(send_with(&staff, &app.base, StaffPending { merchant_id: "NOPE".into() }).await.is_err());

    let resolve = |id: uuid::Uuid, decision: &str, reason: &str| StaffResolve {
        id: id.simple().to_string(),
        decision: decision.into(),
        reason: reason.into(),
    };
    // A reason is required; refunded once, whatever the repeats.
    assert!(send_with(&staff, &app.base, resolve(refunded, "refund", " ")).await.is_err());
    let row = send_with(&staff, &app.base, resolve(refunded, "refund", "Biller konfirmasi gagal")).await.unwrap();
    assert_eq!(row.status, TxStatus::Failed);
    assert_eq!(balance().await.unwrap(), 50_000);
    let again = send_with(&staff, &app.base, resolve(refunded, "refund", "klik dua kali")).await.unwrap();
    assert_eq!(again.status, TxStatus::Failed);
    assert_eq!(balance().await.unwrap(), 50_000, "refunded once");
    let both = send_with(&staff, &app.base, resolve(refunded, "success", "salah klik")).await.unwrap_err();
    assert_eq!(both, app::error::AppError::Problem(domain::Problem::AlreadySettled));
    // Marked successful: the money stays spent; never refunded after.
    let row = send_with(&staff, &app.base, resolve(succeeded, "success", "SN dari biller 123")).await.unwrap();
    assert_eq!((row.status, row.rc.as_str()), (TxStatus::Success, "00"));
    let both = send_with(&staff, &app.base, resolve(succeeded, "refund", "x")).await.unwrap_err();
    assert_eq!(both, app::error::AppError::Problem(domain::Problem::AlreadySettled));
    assert_eq!(balance().await.unwrap(), 50_000);
    // Its biller call in flight: not touched.
    let busy = send_with(&staff, &app.base, resolve(in_flight, "refund", "macet")).await.unwrap_err();
    assert_eq!(busy, app::error::AppError::Problem(domain::Problem::InFlight));
    assert_eq!(send_with(&staff, &app.base, StaffPending { merchant_id: String::new() }).await.unwrap().len(), 1);

    // Audited with the reason.
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let audit = backend::entity::audit_log::Entity::find()
        .filter(backend::entity::audit_log::Column::EntityId.eq(refunded.to_string()))
        .all(&app.state.db)
        .await
        .unwrap();
    assert_eq!(audit.len(), 1, "one decision, one entry");
    assert!(audit[0].after.as_deref().unwrap_or_default().contains("Biller konfirmasi gagal"), "{:?}", audit[0]);

    // Staff's Status Transaksi names the partner; the partner sees the outcome.
    let search = TxSearchIn { environment: "production".into(), ..Default::default() };
    let input = StaffTxIn { merchant_id: m.merchant_id.clone(), search: search.clone() };
    let rows = send_with(&staff, &app.base, StaffTransactions { input }).await.unwrap().rows;
    assert_eq!(rows.len(), 3);
    assert!(rows.iter().all(|r| r.partner.contains(&m.merchant_id)));
    let mine = app.send(ReportTransactions { input: search }).await.unwrap().rows;
    assert!(mine.iter().any(|r| r.status == TxStatus::Failed) && mine.iter().all(|r| r.partner.is_empty()));
    // A partner cannot decide.
    let err = app.send(resolve(in_flight, "refund", "x")).await.unwrap_err();
    assert_eq!(err, app::error::AppError::Problem(domain::Problem::NotLoggedIn));
}

#[tokio::test]
async fn the_webreport_signs_in_with_the_mailed_values_changes_its_password_and_reads_only_production() {
    use app::server_fns::webreport::{
        WebreportChangePassword, WebreportLogin, WebreportLogout, WebreportMe, WebreportStatement,
        WebreportTransactions,
    };
    let app = TestApp::spawn().await;
    let (_, m) = app.approved_merchant().await;
    let me = app.send(CurrentUser {}).await.unwrap().unwrap();
    let mail = app.mail_containing(&me.email, "Kode Petugas").await;
    let value = |label: &str| {
        let line = mail.lines().find(|l| l.starts_with(label)).unwrap();
        line.trim_start_matches(label).split_whitespace().next().unwrap().to_owned()
    };
    let (url, officer, password) = (value("URL"), value("Kode Petugas"), value("Password"));
    assert!(url.ends_with("/webreport"), "{url}");
    book(&app, m.user_id, Kind::Credit, 250_000, "topup:WR-1", "Top up").await;
    paid(&app, m.user_id, 0, 12_500).await;

    let web = new_client(&app.base);
    let login = |pw: &str| WebreportLogin {
        merchant_id: m.merchant_id.clone(),
        officer_code: officer.clone(),
        password: pw.into(),
    };
    // Wrong values: one answer for all; the right ones sign in.
    let wrong = send_with(&web, &app.base, login("salah-sekali")).await.unwrap_err();
    assert_eq!(wrong, app::error::AppError::Problem(domain::Problem::WrongWebreportLogin));
    let other_officer = WebreportLogin { officer_code: "X".into(), ..login(&password) };
    assert!(send_with(&web, &app.base, other_officer).await.is_err());
    let w = send_with(&web, &app.base, login(&password)).await.unwrap();
    assert!(w.must_change_password);
    assert_eq!(w.merchant_id, m.merchant_id);
    // Nothing is shown until the password is changed.
    let blocked = send_with(&web, &app.base, WebreportTransactions { input: Default::default() }).await.unwrap_err();
    assert_eq!(blocked, app::error::AppError::Problem(domain::Problem::Forbidden));
    let change = WebreportChangePassword {
        current_password: password.clone(),
        password: "Laporan#2026".into(),
        password_confirm: "Laporan#2026".into(),
    };
    send_with(&web, &app.base, change).await.unwrap();
    let me_now = send_with(&web, &app.base, WebreportMe {}).await.unwrap().unwrap();
    assert!(!me_now.must_change_password);

    // Production only, whatever is asked; read only (no partner function answers it).
    let input = domain::reports::TxSearchIn { environment: "development".into(), ..Default::default() };
    let rows = send_with(&web, &app.base, WebreportTransactions { input }).await.unwrap().rows;
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].total, 12_500);
    let statement = send_with(&web, &app.base, WebreportStatement { input: Default::default() }).await.unwrap();
    assert_eq!((statement.environment, statement.closing), (Env::Production, 250_000));
    let partner_fn = send_with(&web, &app.base, ReportStatement { input: Default::default() }).await.unwrap_err();
    assert_eq!(partner_fn, app::error::AppError::Problem(domain::Problem::NotLoggedIn));
    // The old password no longer works; the new one does; signed out, nothing.
    let web2 = new_client(&app.base);
    assert!(send_with(&web2, &app.base, login(&password)).await.is_err());
    assert!(!send_with(&web2, &app.base, login("Laporan#2026")).await.unwrap().must_change_password);
    send_with(&web, &app.base, WebreportLogout {}).await.unwrap();
    assert!(send_with(&web, &app.base, WebreportStatement { input: Default::default() }).await.is_err());
    assert_eq!(send_with(&web, &app.base, WebreportMe {}).await.unwrap(), None);
}

#[tokio::test]
async fn yesterdays_reconciliation_file_is_made_once_checksummed_and_announced() {
    use app::server_fns::connections::CallbackSetUrl;
    use domain::transaction::TxStatus;
    use sha2::Digest;
    let app = TestApp::spawn_set("callbacks_allow_private", true).await;
    let (_, m) = app.approved_merchant().await;
    // Nothing listens there: the announcement is queued, its delivery fails.
    let _: () = app.send(CallbackSetUrl { url: "http://127.0.0.1:9/cb".into() }).await.unwrap();
    let ok = payment(&app, m.user_id, 1, 13_450, TxStatus::Success).await;
    payment(&app, m.user_id, 1, 20_000, TxStatus::Failed).await;
    payment(&app, m.user_id, 1, 5_000, TxStatus::Pending).await;
    payment(&app, m.user_id, 0, 7_000, TxStatus::Success).await;

    assert_eq!(backend::reports::daily_file::announce_yesterday(&app.state).await.unwrap(), 1);
    assert_eq!(backend::reports::daily_file::announce_yesterday(&app.state).await.unwrap(), 0, "once");
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let told = backend::entity::callback_delivery::Entity::find()
        .filter(backend::entity::callback_delivery::Column::UserId.eq(m.user_id))
        .all(&app.state.db)
        .await
        .unwrap();
    assert_eq!(told.len(), 1);
    let note: serde_json::Value = serde_json::from_str(&told[0].payload).unwrap();
    assert_eq!((note["event"].as_str(), note["rows"].as_str()), (Some("reconciliation"), Some("2")));
    assert!(note["url"].as_str().unwrap().contains("/unduh/rekonsiliasi.csv?day="));

    let res = app.client.get(app.url("/unduh/rekonsiliasi.csv")).send().await.unwrap();
    assert_eq!(res.status(), 200);
    assert!(res.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .contains(&format!("rekonsiliasi_{}_", m.merchant_id)));
    let text = res.text().await.unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 4, "columns, two final payments, checksum: {text}");
    assert_eq!(lines[0], backend::reports::daily_file::COLUMNS);
    assert!(lines[1].contains(&ok.simple().to_string()) && lines[1].contains(",success,00,"), "{text}");
    let (body, last) = text.rsplit_once("#checksum").unwrap();
    let sum = hex::encode(sha2::Sha256::digest(body.as_bytes()));
    assert_eq!(last.trim_end(), format!(",sha256={sum},rows=2"));
    assert_eq!(note["sha256"].as_str(), Some(sum.as_str()));
    // Today is not over; another company gets its own (empty) file.
    let today = backend::infra::wib::day(chrono::Utc::now());
    let res = app.client.get(app.url(&format!("/unduh/rekonsiliasi.csv?day={today}"))).send().await.unwrap();
    assert_eq!(res.status(), 422, "a field problem: the day");
    let other = new_client(&app.base);
    app.signed_in_partner_on(&other).await;
    let theirs = other.get(app.url("/unduh/rekonsiliasi.csv")).send().await.unwrap().text().await.unwrap();
    assert!(!theirs.contains(&ok.simple().to_string()));
}

#[tokio::test]
async fn staff_read_one_partners_statement_day_and_recap_and_download_them_as_the_merchants() {
    use app::error::AppError;
    use app::server_fns::reports::{ReportDay, StaffDay, StaffRecap, StaffStatement};
    use domain::reports::RecapIn;
    let app = TestApp::spawn().await;
    let (staff, m) = app.approved_merchant().await;
    book(&app, m.user_id, Kind::Credit, 300_000, "topup:ST-1", "Top up").await;
    paid(&app, m.user_id, 0, 12_500).await;
    let production = StatementIn { environment: "production".into(), ..Default::default() };
    let statement = |merchant_id: &str| StaffStatement { merchant_id: merchant_id.into(), input: production.clone() };

    // The partner's own figures, as the partner sees them.
    let s = send_with(&staff, &app.base, statement(&m.merchant_id)).await.unwrap();
    assert_eq!((s.closing, s.lines.len()), (300_000, 1));
    assert_eq!(s, app.send(ReportStatement { input: production.clone() }).await.unwrap());
    let day = StaffDay { merchant_id: m.merchant_id.clone(), environment: "production".into(), day: String::new() };
    let day = send_with(&staff, &app.base, day).await.unwrap();
    assert_eq!((day.success_count, day.success_total), (1, 12_500));
    let own = app.send(ReportDay { environment: "production".into(), day: String::new() }).await.unwrap();
    assert_eq!(day, own);
    let input = RecapIn { environment: "production".into(), period: "bulan".into(), ..Default::default() };
    let recap = send_with(&staff, &app.base, StaffRecap { merchant_id: m.merchant_id.clone(), input }).await.unwrap();
    assert_eq!((recap.total.count, recap.total.total), (1, 12_500));
    // The partner's page shows their addresses and the first pages of both.
    let page = send_with(&staff, &app.base, app::server_fns::moderation::Partner { user_id: m.user_id.into() });
    let page = page.await.unwrap();
    let activity = page.activity.unwrap();
    assert_eq!((activity.merchant_id.as_str(), activity.transactions.rows.len()), (m.merchant_id.as_str(), 1));
    assert_eq!(activity.statement, s);
    assert!(page.ips.is_empty());
    // One partner's report needs a merchant ID that names one.
    for wrong in ["  ", "TIDAKADA"] {
        let err = send_with(&staff, &app.base, statement(wrong)).await.unwrap_err();
        assert!(matches!(err, AppError::Invalid(_)), "{wrong:?}: {err:?}");
    }

    // Staff download the partner's statement with `mitra`, named for the merchant.
    let path = format!("/unduh/rekening-koran.csv?environment=production&mitra={}", m.merchant_id);
    let res = staff.get(app.url(&path)).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let disposition = res.headers()["content-disposition"].to_str().unwrap().to_owned();
    assert!(disposition.contains(&format!("rekening-koran_{}_", m.merchant_id)), "{disposition}");
    assert!(res.text().await.unwrap().contains("topup:ST-1"));
    let xlsx = format!("/unduh/rekap-pelunasan.xlsx?environment=production&period=bulan&mitra={}", m.merchant_id);
    assert_eq!(staff.get(app.url(&xlsx)).send().await.unwrap().status(), 200);
    // An unknown merchant: nothing, and no hint.
    let res = staff.get(app.url("/unduh/rekening-koran.csv?mitra=TIDAKADA")).send().await.unwrap();
    assert_eq!(res.status(), 404);
    // Nobody else gets it by naming the merchant: signed out refused; another
    // partner naming it downloads their own statement.
    let anonymous = new_client(&app.base);
    assert_eq!(anonymous.get(app.url(&path)).send().await.unwrap().status(), 401);
    let other = new_client(&app.base);
    app.signed_in_partner_on(&other).await;
    let theirs = other.get(app.url(&path)).send().await.unwrap().text().await.unwrap();
    assert!(!theirs.contains("topup:ST-1") && !theirs.contains(&m.merchant_id), "{theirs}");
}
