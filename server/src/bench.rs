//! `server bench-reports`: the reports at volume. Fills a PostgreSQL
//! database of its own with N payments (and a ledger entry each) across P
//! partners — generated inside the database with `generate_series`, so
//! minutes, not hours —, the largest partner holding a tenth of them over
//! a year; then times each report as the portal calls it (first page, a
//! page a million rows deep by keyset, the day, the month, the landing
//! page, staff's pending list) and a one-million-row CSV export, printing
//! p50/p95 per query, the export's time and how far memory rose.

use backend::reports::{day, export, recap, staff, statement, transactions};
use domain::reports::{RecapIn, StatementIn, TxSearchIn};
use futures_util::StreamExt;
use sea_orm::{ConnectionTrait, DatabaseConnection, Statement};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};
use uuid::Uuid;

#[derive(clap::Args, Debug)]
pub struct BenchArgs {
    /// The server of the bench database (a database `webopenapi_bench` is made there).
    #[arg(long, default_value = "postgres://postgres@127.0.0.1:5432")]
    pub server: String,
    /// Payments to generate.
    #[arg(long, default_value_t = 10_000_000)]
    pub rows: u64,
    /// Partners they belong to.
    #[arg(long, default_value_t = 1_000)]
    pub partners: u64,
    /// Keep the data of an earlier run (measure again without filling).
    #[arg(long)]
    pub reuse: bool,
    /// With --reuse: sum the ledger per day again (data of an older run).
    #[arg(long)]
    pub sum_days: bool,
    /// Times each query runs.
    #[arg(long, default_value_t = 30)]
    pub runs: usize,
}

/// The largest partner's id (partner n's is `…-8000-<n in hex>`).
fn partner(n: u64) -> Uuid {
    Uuid::parse_str(&format!("00000000-0000-4000-8000-{n:012x}")).unwrap_or_default()
}

async fn exec(db: &DatabaseConnection, sql: &str) -> anyhow::Result<()> {
    db.execute_unprepared(sql).await?;
    Ok(())
}

pub async fn run(args: BenchArgs) -> anyhow::Result<()> {
    let name = "webopenapi_bench";
    if !args.reuse {
        let admin = sea_orm::Database::connect(format!("{}/postgres", args.server)).await?;
        exec(&admin, &format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).await?;
        exec(&admin, &format!("CREATE DATABASE {name}")).await?;
    }
    let db = backend::infra::db::connect(&format!("{}/{name}", args.server)).await?;
    if !args.reuse {
        fill(&db, &args).await?;
    } else if args.sum_days {
        exec(&db, "DELETE FROM ledger_days; DELETE FROM payment_days").await?;
        sum_days(&db).await?;
    }
    measure(&db, &args).await
}

/// Partners, then payments and their ledger entries, a million at a time.
async fn fill(db: &DatabaseConnection, args: &BenchArgs) -> anyhow::Result<()> {
    let started = Instant::now();
    let p = args.partners.max(2);
    exec(
        db,
        &format!(
            "INSERT INTO users (id, name, company, email, phone, password_hash, lang, email_verified_at, created_at, updated_at, require_totp)
             SELECT ('00000000-0000-4000-8000-' || lpad(to_hex(g), 12, '0'))::uuid, 'Bench ' || g, 'PT Bench ' || g,
                    'bench' || g || '@example.test', '0812' || lpad(g::text, 8, '0'), 'x', 'id', now(), now(), now(), false
             FROM generate_series(1, {p}) g;
             INSERT INTO profiles (user_id, service, personal_name, personal_phone, personal_email, business_name, business_phone, address, status, updated_at, merchant_id)
             SELECT ('00000000-0000-4000-8000-' || lpad(to_hex(g), 12, '0'))::uuid, 'ppob', 'Bench', '0812', 'b@example.test', 'PT Bench ' || g, '021', 'Jakarta', 'approved', now(), 'BEN' || lpad(g::text, 6, '0')
             FROM generate_series(1, {p}) g;"
        ),
    )
    .await?;
    let (n, chunk) = (args.rows, 1_000_000u64);
    let largest = n / 10;
    let mut from = 1;
    while from <= n {
        let to = (from + chunk - 1).min(n);
        // The largest partner holds the first tenth; the others the rest, evenly.
        // Times spread over the last 365 days; one payment in 50 failed, one in 97 pending.
        exec(
            db,
            &format!(
                "INSERT INTO transactions (id, user_id, environment, kind, product_code, customer_id, reference_id, status, rc,
                                           tagihan, admin, total, partner_fee, data, created_at, updated_at, final_at, poll_attempts)
                 SELECT gen_random_uuid(),
                        ('00000000-0000-4000-8000-' || lpad(to_hex(CASE WHEN n <= {largest} THEN 1 ELSE 2 + n % ({p} - 1) END), 12, '0'))::uuid,
                        'production', 'payment', (ARRAY['100301', '501021', '200101', '300201'])[1 + n % 4],
                        '08' || lpad((n % 100000000)::text, 10, '0'), 'R' || n,
                        CASE WHEN n % 50 = 0 THEN 'failed' WHEN n % 97 = 0 THEN 'pending' ELSE 'success' END,
                        CASE WHEN n % 50 = 0 THEN '06' WHEN n % 97 = 0 THEN '71' ELSE '00' END,
                        10000 + n % 90000, 2500, 12500 + n % 90000, 500, '{{}}', ts, ts, ts, 0
                 FROM (SELECT n, now() - ((n * 7919) % 31536000) * interval '1 second' AS ts
                       FROM generate_series({from}::bigint, {to}::bigint) n) s;
                 INSERT INTO ledger_entries (id, user_id, environment, kind, amount, balance_after, reference, note, actor_name, created_at)
                 SELECT gen_random_uuid(),
                        ('00000000-0000-4000-8000-' || lpad(to_hex(CASE WHEN n <= {largest} THEN 1 ELSE 2 + n % ({p} - 1) END), 12, '0'))::uuid,
                        'production', 'debit', -(12500 + n % 90000), 1000000000000 - n, 'trx:R' || n, 'bench', 'bench',
                        now() - ((n * 7919) % 31536000) * interval '1 second'
                 FROM generate_series({from}::bigint, {to}::bigint) n;"
            ),
        )
        .await?;
        println!("filled {to} of {n} payments ({:.0} s)", started.elapsed().as_secs_f64());
        from = to + 1;
    }
    sum_days(db).await?;
    exec(db, "ANALYZE").await?;
    println!("fill: {n} payments + {n} ledger entries, {p} partners, in {:.0} s", started.elapsed().as_secs_f64());
    Ok(())
}

/// What `ledger::apply` and the settlement keep per WIB day, summed here
/// in one statement each.
async fn sum_days(db: &DatabaseConnection) -> anyhow::Result<()> {
    exec(
        db,
        "INSERT INTO ledger_days (user_id, environment, day, credit, debit, entries)
         SELECT user_id, environment, to_char(created_at AT TIME ZONE 'Asia/Jakarta', 'YYYY-MM-DD'),
                SUM(GREATEST(amount, 0))::bigint, SUM(GREATEST(-amount, 0))::bigint, COUNT(*)
         FROM ledger_entries GROUP BY 1, 2, 3;
         INSERT INTO payment_days (user_id, environment, day, count, total)
         SELECT user_id, environment, to_char(created_at AT TIME ZONE 'Asia/Jakarta', 'YYYY-MM-DD'), COUNT(*), SUM(total)::bigint
         FROM transactions WHERE kind = 'payment' AND status = 'success' GROUP BY 1, 2, 3",
    )
    .await
}

/// Runs `f` `runs` times after one warm-up; prints p50 and p95.
async fn timed<F, Fut, T>(label: &str, runs: usize, mut f: F) -> anyhow::Result<()>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = backend::Result<T>>,
{
    f().await?;
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let t = Instant::now();
        f().await?;
        times.push(t.elapsed());
    }
    times.sort();
    let at = |q: f64| times[((times.len() as f64 * q).ceil() as usize).clamp(1, times.len()) - 1];
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!("{label:<46} p50 {:>8.1} ms   p95 {:>8.1} ms", ms(at(0.5)), ms(at(0.95)));
    Ok(())
}

/// The (created_at, id) cursor `deep` rows into a partner's rows, newest or oldest first.
async fn cursor_at(
    db: &DatabaseConnection,
    table: &str,
    user: Uuid,
    deep: u64,
    newest: bool,
) -> anyhow::Result<String> {
    let order = if newest { "DESC" } else { "ASC" };
    let sql = format!(
        "SELECT created_at, id FROM {table} WHERE user_id = '{user}' ORDER BY created_at {order}, id {order} OFFSET {deep} LIMIT 1"
    );
    let row = db
        .query_one_raw(Statement::from_string(db.get_database_backend(), sql))
        .await?
        .ok_or_else(|| anyhow::anyhow!("no row {deep} deep in {table}"))?;
    let at: chrono::DateTime<chrono::Utc> = row.try_get("", "created_at")?;
    let id: Uuid = row.try_get("", "id")?;
    Ok(backend::reports::cursor::encode(at, id))
}

fn rss_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let line = status.lines().find(|l| l.starts_with("VmRSS:")).unwrap_or_default();
    line.split_whitespace().nth(1).and_then(|v| v.parse().ok()).unwrap_or(0)
}

async fn measure(db: &DatabaseConnection, args: &BenchArgs) -> anyhow::Result<()> {
    let (big, runs) = (partner(1), args.runs);
    let today = backend::infra::wib::date_of(chrono::Utc::now());
    let year_ago = (today - chrono::Duration::days(364)).format("%Y-%m-%d").to_string();
    let rows = |from: &str, after: String| StatementIn {
        environment: "production".into(),
        from: from.into(),
        to: String::new(),
        after,
    };
    let deep = (args.rows / 10).saturating_sub(100).min(900_000);
    let statement_deep = cursor_at(db, "ledger_entries", big, deep, false).await?;
    let tx_deep = cursor_at(db, "transactions", big, deep, true).await?;
    let search = |after: String| TxSearchIn {
        environment: "production".into(),
        from: year_ago.clone(),
        after,
        ..Default::default()
    };
    let whose = transactions::Whose::Partner(big);
    println!("largest partner: {} payments; deep pages {deep} rows in; {runs} runs each", args.rows / 10);
    let (month_rows, year_rows, deep_rows) =
        (rows("", String::new()), rows(&year_ago, String::new()), rows(&year_ago, statement_deep.clone()));
    let (first, deeper) = (search(String::new()), search(tx_deep.clone()));
    timed("Rekening Koran, this month, first page", runs, || statement::page(db, big, &month_rows)).await?;
    timed("Rekening Koran, a year, first page", runs, || statement::page(db, big, &year_rows)).await?;
    timed("Rekening Koran, a year, deep page (keyset)", runs, || statement::page(db, big, &deep_rows)).await?;
    timed("Status Transaksi, a year, first page", runs, || transactions::search(db, whose, &first)).await?;
    timed("Status Transaksi, a year, deep page (keyset)", runs, || transactions::search(db, whose, &deeper)).await?;
    let by_ref = TxSearchIn {
        environment: "production".into(),
        from: year_ago.clone(),
        reference_id: "R777".into(),
        ..Default::default()
    };
    timed("Status Transaksi, by referenceID", runs, || transactions::search(db, whose, &by_ref)).await?;
    timed("Pelunasan Harian, today", runs, || day::settlement(db, big, "production", "")).await?;
    let month = RecapIn { environment: "production".into(), period: "bulan".into(), ..Default::default() };
    timed("Rekap Pelunasan, this month", runs, || recap::recap(db, big, &month)).await?;
    timed("Laporan home (month + today + balance)", runs, || recap::home(db, big, "production")).await?;
    timed("Dashboard chart, 30 days", runs, || recap::day_points(db, big, domain::Env::Production, 30)).await?;
    timed("Staff: pending payments, every partner", runs, || staff::pending(db, "")).await?;
    export_million(db, big, &year_ago).await
}

/// Status Transaksi of the largest partner's year as CSV, drained as the
/// server would send it; memory sampled while it runs.
async fn export_million(db: &DatabaseConnection, big: Uuid, from: &str) -> anyhow::Result<()> {
    let query = TxSearchIn { environment: "production".into(), from: from.into(), ..Default::default() };
    let table = Arc::new(transactions::TxTable { user_id: big, query });
    let base = rss_kib();
    let peak = Arc::new(AtomicU64::new(base));
    let sampler = {
        let peak = peak.clone();
        tokio::spawn(async move {
            loop {
                peak.fetch_max(rss_kib(), Ordering::Relaxed);
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
        })
    };
    let started = Instant::now();
    let mut stream = Box::pin(export::csv(db.clone(), table));
    let (mut bytes, mut lines) = (0u64, 0u64);
    while let Some(chunk) = stream.next().await {
        let chunk = chunk?;
        bytes += chunk.len() as u64;
        lines += chunk.iter().filter(|b| **b == b'\n').count() as u64;
    }
    sampler.abort();
    let rise = peak.load(Ordering::Relaxed).saturating_sub(base);
    println!(
        "CSV export: {} rows, {:.1} MB in {:.1} s; memory rose {:.1} MB (RSS {:.1} → peak {:.1} MB)",
        lines.saturating_sub(1),
        bytes as f64 / 1e6,
        started.elapsed().as_secs_f64(),
        rise as f64 / 1024.0,
        base as f64 / 1024.0,
        peak.load(Ordering::Relaxed) as f64 / 1024.0
    );
    Ok(())
}
