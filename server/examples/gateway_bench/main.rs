//! Gateway benchmark (a command, not a test; issue 17). Prints figures.
//!
//! The gateway runs as its own process (this binary with `serve`), so its
//! CPU time is read apart from the load generator's, and PostgreSQL's from
//! `/proc` (every process named `postgres`). In one run:
//!
//! 1. closed-loop SinglePayment throughput, 8 workers, for clients that
//!    reuse a nonce with a counting `nc` (python-requests, Go, curl) and for
//!    clients that fetch a challenge before every call (the official PHP
//!    sample), on one merchant;
//! 2. open-loop mixed traffic — a fixed arrival rate, latency measured from
//!    each request's scheduled time so queueing shows — 70 % Inquiry (PLN),
//!    20 % Payment (SinglePayment, pulsa), 10 % Check-Status of an earlier
//!    payment; all on one merchant (one deposit row: contention), then
//!    spread over 50 merchants; p50/p99/p99.9, errors, 5xx;
//! 3. pgbench's TPC-B-like tps on the same server, first and last (in a
//!    database dropped after each run, so its vacuum runs under nothing),
//!    and the ratios to the mean of both;
//! 4. CPU seconds per 1,000 requests of the gateway and of PostgreSQL;
//! 5. the portal (`portal.rs`): server-side render of the dashboard and of
//!    a report page by 50 signed-in partners at once, and the first-load
//!    transfer of `/login`.
//!
//! `scripts/bench.sh` runs it on a release build. Settings: BENCH_PG
//! (default postgres://postgres@127.0.0.1:5432), BENCH_N (payments per
//! closed-loop run, 4000), BENCH_RATE (open-loop requests/s, 500),
//! BENCH_SECS (open-loop seconds, 30), BENCH_PGBENCH_SECS (10),
//! BENCH_HISTORY (existing transactions to add first, 0; e.g. 1000000)
//! and BENCH_NONCE_USES (outstanding nonce uses to add first, 0).

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod portal;

use backend::gateway::Env;
use md5::{Digest, Md5};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ConnectionTrait, Database};
use serde_json::{json, Value};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

fn env_or(name: &str, default: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| default.to_owned())
}

fn md5(s: &str) -> String {
    hex::encode(Md5::digest(s.as_bytes()))
}

const REALM: &str = "Design Jaya Indonesia";
const PASSWORD: &str = "0123456789ABCDEF0123456789ABCDEF";
/// The pulsa product every payment buys, and the PLN bill every inquiry asks.
const PULSA: &str = "501021";
const PLN: &str = "100301";
const DB_NAME: &str = "webopenapi_bench_gateway";
const PGBENCH_DB: &str = "webopenapi_pgbench";
const MERCHANTS: usize = 50;

fn user_of(i: usize) -> String {
    format!("benchuser{i:03}")
}

fn merchant_of(i: usize) -> String {
    format!("DJI9{i:05}")
}

async fn admin(pg: &str) -> sea_orm::DatabaseConnection {
    Database::connect(format!("{pg}/postgres")).await.expect("PostgreSQL reachable")
}

async fn drop_database(admin: &sea_orm::DatabaseConnection, name: &str) {
    admin.execute_unprepared(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).await.unwrap();
}

async fn fresh_database(pg: &str, name: &str) -> String {
    let admin = admin(pg).await;
    drop_database(&admin, name).await;
    admin.execute_unprepared(&format!("CREATE DATABASE {name}")).await.unwrap();
    format!("{pg}/{name}")
}

fn config(url: &str) -> figment::Figment {
    let data_dir = std::env::temp_dir().join("webopenapi-bench");
    let figment = figment::Figment::new()
        .merge(figment::providers::Serialized::default("database_url", url))
        .merge(figment::providers::Serialized::default("data_dir", data_dir.to_string_lossy().to_string()))
        .merge(figment::providers::Serialized::default("digest_realm", REALM))
        // Throughput, not the per-merchant request rate, is measured.
        .merge(figment::providers::Serialized::default("gateway_rate_per_minute", i32::MAX))
        .merge(figment::providers::Serialized::default("gateway_max_connections", 4096))
        .merge(figment::providers::Serialized::default("site_root", env_or("APP_SITE_ROOT", "target/site")));
    figment
}

fn built(url: &str) -> backend::Config {
    backend::Config::from_figment(config(url)).unwrap()
}

fn phone_of(i: usize) -> String {
    format!("62812{i:08}")
}

/// Approved merchant `i` with known development credentials, a deposit for
/// every payment, 127.0.0.1 whitelisted and both bench products chosen.
async fn seed(state: &backend::AppState, i: usize) {
    use backend::entity::{api_credential, ip_whitelist, partner_product, profile, user};
    let id = uuid::Uuid::now_v7();
    let now = chrono::Utc::now();
    let phone = phone_of(i);
    user::ActiveModel {
        id: Set(id),
        name: Set("BENCH".into()),
        company: Set(format!("PT BENCH {i}")),
        email: Set(format!("bench{i}@example.test")),
        website: Set(None),
        phone: Set(phone),
        password_hash: Set("x".into()),
        lang: Set("id".into()),
        email_verified_at: Set(Some(now)),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&state.db)
    .await
    .unwrap();
    profile::ActiveModel {
        user_id: Set(id),
        service: Set("open_api".into()),
        category: Set(Some("perusahaan".into())),
        personal_name: Set("BENCH".into()),
        personal_phone: Set("081200000000".into()),
        personal_email: Set(format!("bench{i}@example.test")),
        business_name: Set(format!("PT BENCH {i}")),
        business_phone: Set("0221234567".into()),
        province_code: Set(None),
        regency_code: Set(None),
        district_code: Set(None),
        village_code: Set(None),
        address: Set("Jl. Bench".into()),
        status: Set(domain::profile::ProfileStatus::Approved),
        submitted_at: Set(Some(now)),
        updated_at: Set(now),
        merchant_id: Set(Some(merchant_of(i))),
        approved_at: Set(Some(now)),
        assigned_to: Set(None),
    }
    .insert(&state.db)
    .await
    .unwrap();
    api_credential::ActiveModel {
        id: Set(uuid::Uuid::now_v7()),
        user_id: Set(id),
        environment: Set(Env::Development),
        username: Set(user_of(i)),
        ha1: Set(md5(&format!("{}:{REALM}:{PASSWORD}", user_of(i)))),
        created_at: Set(now),
    }
    .insert(&state.db)
    .await
    .unwrap();
    let credit = backend::ledger::Movement {
        user_id: id,
        env: Env::Development,
        kind: backend::ledger::Kind::Credit,
        amount: 1_000_000_000_000,
        reference: "bench:credit",
        note: None,
        actor_name: "bench",
    };
    backend::ledger::apply(&state.db, &credit).await.unwrap();
    ip_whitelist::ActiveModel {
        id: Set(uuid::Uuid::now_v7()),
        user_id: Set(id),
        environment: Set(Env::Development),
        ip: Set("127.0.0.1".into()),
        status: Set(domain::finance::IpStatus::Approved),
        reason: Set(None),
        created_at: Set(now),
        decided_by: Set(None),
        decided_at: Set(None),
    }
    .insert(&state.db)
    .await
    .unwrap();
    for code in [PULSA, PLN] {
        partner_product::ActiveModel {
            user_id: Set(id),
            product_code: Set(code.into()),
            activated_at: Set(now),
            state: Set(domain::products::ProductState::Selected),
            reason: Set(None),
            updated_at: Set(Some(now)),
        }
        .insert(&state.db)
        .await
        .unwrap();
    }
}

/// Years of history (issue 17 §4): `rows` final payments of merchant 0
/// and `uses` nonce uses still inside their window, written by PostgreSQL.
async fn add_history(db: &sea_orm::DatabaseConnection, rows: u64, uses: u64) {
    if rows > 0 {
        let sql = format!(
            "INSERT INTO transactions (id, user_id, environment, kind, product_code, customer_id, reference_id, status, rc,
               tagihan, admin, total, partner_fee, data, biller_ref, created_at, updated_at, final_at, poll_attempts)
             SELECT gen_random_uuid(), p.user_id, 'development', 'payment', '{PULSA}', '081200000000', 'H' || g, 'success', '00',
               10950, 0, 10950, 0, '{{}}', NULL, now() - (g || ' seconds')::interval, now(), now(), 0
             FROM generate_series(1, {rows}) g, (SELECT user_id FROM profiles WHERE merchant_id = '{}') p",
            merchant_of(0)
        );
        db.execute_unprepared(&sql).await.unwrap();
    }
    if uses > 0 {
        let sql = format!(
            "INSERT INTO digest_nonce_uses (nonce, nc, used_at) SELECT md5(g::text), '00000001', now() FROM generate_series(1, {uses}) g"
        );
        db.execute_unprepared(&sql).await.unwrap();
    }
    db.execute_unprepared("ANALYZE").await.unwrap();
}

/// How a client answers the digest challenge.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    /// One challenge, then the same nonce with nc 1, 2, 3, …
    Reuse,
    /// A challenge before every call (the official PHP sample).
    Fresh,
}

/// A partner's digest client: its user and, in `Reuse`, its nonce.
struct DigestClient {
    user: String,
    ha1: String,
    nonce: std::sync::Mutex<Option<(String, String)>>,
    nc: AtomicU64,
}

impl DigestClient {
    fn new(i: usize) -> DigestClient {
        let user = user_of(i);
        let ha1 = md5(&format!("{user}:{REALM}:{PASSWORD}"));
        DigestClient { user, ha1, nonce: std::sync::Mutex::new(None), nc: AtomicU64::new(0) }
    }

    /// A fresh challenge; `None` when the gateway did not give one.
    async fn challenge(&self, http: &reqwest::Client, url: &str) -> Option<(String, String)> {
        let res = http.post(url).send().await.ok()?;
        let h = res.headers().get("www-authenticate")?.to_str().ok()?.to_owned();
        let c = backend::gateway::digest::parse_challenge(&h)?;
        Some((c.nonce, c.opaque))
    }

    /// One signed POST; (HTTP status, body). Status 0: the connection
    /// failed (refused, reset) — counted as an error, never a panic.
    async fn post(&self, http: &reqwest::Client, base: &str, path: &str, body: &Value, mode: Mode) -> (u16, Value) {
        let url = format!("{base}{path}");
        for _ in 0..3 {
            let (nonce, opaque, nc) = match mode {
                Mode::Fresh => {
                    let Some((n, o)) = self.challenge(http, &url).await else { return (0, Value::Null) };
                    (n, o, 1)
                }
                Mode::Reuse => {
                    let known = self.nonce.lock().unwrap().clone();
                    let (n, o) = match known {
                        Some(k) => k,
                        None => {
                            let Some(k) = self.challenge(http, &url).await else { return (0, Value::Null) };
                            *self.nonce.lock().unwrap() = Some(k.clone());
                            k
                        }
                    };
                    (n, o, self.nc.fetch_add(1, Ordering::Relaxed) + 1)
                }
            };
            let nc = format!("{nc:08x}");
            let cnonce = format!("{:016x}", uuid::Uuid::new_v4().as_u64_pair().0);
            let ha2 = md5(&format!("POST:{path}"));
            let response = md5(&format!("{}:{nonce}:{nc}:{cnonce}:auth:{ha2}", self.ha1));
            let auth = format!(
                r#"Digest username="{}", realm="{REALM}", nonce="{nonce}", uri="{path}", response="{response}", opaque="{opaque}", qop=auth, nc={nc}, cnonce="{cnonce}""#,
                self.user
            );
            let Ok(res) = http.post(&url).header("authorization", auth).json(body).send().await else {
                return (0, Value::Null);
            };
            let status = res.status().as_u16();
            if status == 401 && mode == Mode::Reuse {
                // The nonce expired (or another worker raced nc): a new one.
                *self.nonce.lock().unwrap() = None;
                continue;
            }
            return (status, res.json().await.unwrap_or(Value::Null));
        }
        (401, Value::Null)
    }
}

/// CPU seconds (user + system) a process used so far.
fn cpu_secs(pid: u32) -> f64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    // Fields after the parenthesised name: utime is the 14th field, stime the 15th.
    let rest = stat.rsplit_once(')').map(|(_, r)| r).unwrap_or_default();
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks: f64 = [11, 12].iter().filter_map(|i| fields.get(*i)?.parse::<f64>().ok()).sum();
    ticks / 100.0
}

/// CPU seconds of every `postgres` process now alive.
fn postgres_cpu_secs() -> f64 {
    let Ok(dir) = std::fs::read_dir("/proc") else { return 0.0 };
    dir.filter_map(Result::ok)
        .filter_map(|e| e.file_name().to_str()?.parse::<u32>().ok())
        .filter(|pid| std::fs::read_to_string(format!("/proc/{pid}/comm")).is_ok_and(|c| c.trim() == "postgres"))
        .map(cpu_secs)
        .sum()
}

/// CPU seconds of the gateway and of PostgreSQL over `f`.
struct Cpu {
    gateway: f64,
    postgres: f64,
}

async fn with_cpu<T>(gateway_pid: u32, f: impl std::future::Future<Output = T>) -> (T, Cpu) {
    let (g0, p0) = (cpu_secs(gateway_pid), postgres_cpu_secs());
    let out = f.await;
    (out, Cpu { gateway: cpu_secs(gateway_pid) - g0, postgres: postgres_cpu_secs() - p0 })
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    ms(sorted[((sorted.len() as f64 * p) as usize).min(sorted.len() - 1)])
}

struct Bench {
    http: reqwest::Client,
    base: String,
    clients: Vec<Arc<DigestClient>>,
    sessions: Vec<String>,
    gateway_pid: u32,
    refs: AtomicU64,
}

impl Bench {
    fn reference(&self) -> String {
        format!("B{:011}", self.refs.fetch_add(1, Ordering::Relaxed))
    }

    fn order(&self, m: usize, product: &str, customer: &str, reference: &str) -> Value {
        json!({"sessionID": self.sessions[m], "merchantID": merchant_of(m), "productID": product,
               "customerID": customer, "referenceID": reference, "tagihan": "10950", "admin": "0", "total": "10950"})
    }

    /// `closed_loop`, its figures not printed.
    async fn closed_loop_quietly(self: &Arc<Self>, n: usize, mode: Mode, spread: bool) {
        self.run_closed_loop(n, mode, spread).await;
    }

    /// Closed loop: `n` SinglePayments by 8 workers, all on merchant 0
    /// (`spread` false: one deposit row) or each on its own merchant.
    async fn closed_loop(self: &Arc<Self>, n: usize, mode: Mode, spread: bool) -> f64 {
        let (lat, cpu, secs) = self.run_closed_loop(n, mode, spread).await;
        let rate = lat.len() as f64 / secs;
        let on = if spread { "8 merchants" } else { "1 merchant " };
        println!(
            "  {mode:?} {on}: {rate:.0} payments/s  p50 {:.2} ms  p99 {:.2} ms  | CPU s per 1000: gateway {:.2}, PostgreSQL {:.2}",
            percentile(&lat, 0.5),
            percentile(&lat, 0.99),
            cpu.gateway * 1000.0 / lat.len() as f64,
            cpu.postgres * 1000.0 / lat.len() as f64,
        );
        rate
    }

    /// The closed loop's latencies (sorted), CPU and seconds.
    async fn run_closed_loop(self: &Arc<Self>, n: usize, mode: Mode, spread: bool) -> (Vec<Duration>, Cpu, f64) {
        let workers = 8;
        let started = Instant::now();
        let (lat, cpu) = with_cpu(self.gateway_pid, async {
            let tasks: Vec<_> = (0..workers)
                .map(|w| {
                    let b = self.clone();
                    let m = if spread { w + 1 } else { 0 };
                    // Each worker is its own client (its own nonce).
                    let client = Arc::new(DigestClient::new(m));
                    tokio::spawn(async move {
                        let mut lat = Vec::with_capacity(n / workers);
                        for _ in 0..n / workers {
                            let body = b.order(m, PULSA, "081200000000", &b.reference());
                            let t = Instant::now();
                            let (status, out) =
                                client.post(&b.http, &b.base, "/Services/SinglePayment", &body, mode).await;
                            assert!(status == 200 && out["rc"] == "00", "{status} {out}");
                            lat.push(t.elapsed());
                        }
                        lat
                    })
                })
                .collect();
            let mut all = Vec::new();
            for t in tasks {
                all.extend(t.await.unwrap());
            }
            all
        })
        .await;
        let secs = started.elapsed().as_secs_f64();
        let mut lat = lat;
        lat.sort();
        (lat, cpu, secs)
    }

    /// Open loop: `rate` requests/s for `secs`, mixed, over `merchants`.
    async fn open_loop(self: &Arc<Self>, rate: u64, secs: u64, merchants: usize) {
        let total = rate * secs;
        let paid: Arc<std::sync::Mutex<Vec<(usize, String)>>> = Arc::default();
        let started = Instant::now();
        let (results, cpu) = with_cpu(self.gateway_pid, async {
            let mut tasks = Vec::with_capacity(total as usize);
            for i in 0..total {
                let due = started + Duration::from_secs_f64(i as f64 / rate as f64);
                tokio::time::sleep_until(due.into()).await;
                let (b, paid) = (self.clone(), paid.clone());
                tasks.push(tokio::spawn(async move {
                    let m = (i as usize) % merchants;
                    let client = b.clients[m].clone();
                    let (path, body) = match i % 10 {
                        0..=6 => ("/Services/Inquiry", b.order(m, PLN, "110100019766", &b.reference())),
                        7 | 8 => {
                            let r = b.reference();
                            paid.lock().unwrap().push((m, r.clone()));
                            ("/Services/SinglePayment", b.order(m, PULSA, "081200000000", &r))
                        }
                        _ => {
                            let earlier = paid.lock().unwrap().iter().rev().find(|(pm, _)| *pm == m).cloned();
                            let r = earlier.map(|(_, r)| r).unwrap_or_else(|| b.reference());
                            ("/Services/Check-Status", b.order(m, PULSA, "081200000000", &r))
                        }
                    };
                    let (status, out) = client.post(&b.http, &b.base, path, &body, Mode::Reuse).await;
                    // From the scheduled time: a late start is latency too.
                    let took = due.elapsed();
                    let ok = status == 200 && out["rc"].is_string();
                    (took, status, ok, path, due - started)
                }));
            }
            let mut out = Vec::with_capacity(tasks.len());
            for t in tasks {
                out.push(t.await.unwrap());
            }
            out
        })
        .await;
        let errors = results.iter().filter(|r| !r.2).count();
        let refused = results.iter().filter(|r| r.1 == 0).count();
        let server_errors = results.iter().filter(|r| r.1 >= 500).count();
        let mut lat: Vec<Duration> = results.iter().map(|r| r.0).collect();
        lat.sort();
        // Where the tail comes from: the slowest requests, what and when.
        let mut slowest: Vec<_> = results.iter().collect();
        slowest.sort_by_key(|r| std::cmp::Reverse(r.0));
        let slowest: Vec<String> = slowest
            .iter()
            .take(5)
            .map(|r| {
                format!("{} {:.0} ms at {:.2} s", r.3.trim_start_matches("/Services/"), ms(r.0), r.4.as_secs_f64())
            })
            .collect();
        println!(
            "  {merchants:>2} merchant(s): p50 {:.2} ms  p99 {:.2} ms  p99.9 {:.2} ms  max {:.2} ms  errors {errors} (connection {refused})  5xx {server_errors}  | CPU s per 1000: gateway {:.2}, PostgreSQL {:.2}",
            percentile(&lat, 0.5),
            percentile(&lat, 0.99),
            percentile(&lat, 0.999),
            lat.last().copied().map_or(0.0, ms),
            cpu.gateway * 1000.0 / lat.len() as f64,
            cpu.postgres * 1000.0 / lat.len() as f64,
        );
        // The loop's start in unix seconds: a pause can be set against the
        // server's log and its rows' times (e.g. `rate_limits.window_start`).
        let began = chrono::Utc::now() - chrono::Duration::from_std(started.elapsed()).unwrap_or_default();
        println!(
            "      slowest: {} (loop began at unix {:.2})",
            slowest.join(", "),
            began.timestamp_millis() as f64 / 1000.0
        );
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// pgbench's tps in a database of its own, dropped afterwards (its
/// tables' vacuum must not run under the gateway's figures).
async fn pgbench_in_fresh_database(pg: &str, secs: &str) -> f64 {
    fresh_database(pg, PGBENCH_DB).await;
    let tps = pgbench_tps(pg, secs, 8);
    drop_database(&admin(pg).await, PGBENCH_DB).await;
    tps
}

fn pgbench_tps(pg: &str, secs: &str, clients: usize) -> f64 {
    let url = url::Url::parse(pg).unwrap();
    let host = url.host_str().unwrap_or("127.0.0.1").to_owned();
    let port = url.port().unwrap_or(5432).to_string();
    let user = if url.username().is_empty() { "postgres".to_owned() } else { url.username().to_owned() };
    let common = ["-h", &host, "-p", &port, "-U", &user];
    let init = std::process::Command::new("pgbench").args(common).args(["-i", "-q", "-s", "4", PGBENCH_DB]).output();
    let init = init.expect("pgbench installed (Debian package postgresql-contrib / postgresql-client)");
    assert!(init.status.success(), "{}", String::from_utf8_lossy(&init.stderr));
    let out = std::process::Command::new("pgbench")
        .args(common)
        .args(["-c", &clients.to_string(), "-j", "2", "-T", secs, PGBENCH_DB])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    text.lines()
        .find_map(|l| l.strip_prefix("tps = "))
        .and_then(|l| l.split_whitespace().next())
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("no tps in pgbench output: {text}"))
}

/// `gateway_bench serve <database url>`: the gateway alone, in this process.
async fn serve(url: &str) {
    let state = backend::AppState::build(built(url)).await.unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    println!("LISTEN http://{}", listener.local_addr().unwrap());
    server::gateway::spawn(listener, state.clone(), Env::Development);
    std::future::pending::<()>().await;
}

/// A server process of this binary (`serve` or `portal`) and its address.
struct Child {
    process: std::process::Child,
    base: String,
}

impl Child {
    fn start(mode: &str, url: &str) -> Child {
        use std::io::BufRead;
        let mut process = std::process::Command::new(std::env::current_exe().unwrap())
            .args([mode, url])
            .stdout(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let stdout = process.stdout.take().unwrap();
        let line = std::io::BufReader::new(stdout).lines().next().unwrap().unwrap();
        let base = line.strip_prefix("LISTEN ").unwrap().to_owned();
        Child { process, base }
    }
}

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().collect();
    match args.get(1).map(String::as_str) {
        Some("serve") => return serve(&args[2]).await,
        Some("portal") => return portal::serve(&args[2]).await,
        _ => {}
    }
    let pg = env_or("BENCH_PG", "postgres://postgres@127.0.0.1:5432");
    let n: usize = env_or("BENCH_N", "4000").parse().unwrap();
    let rate: u64 = env_or("BENCH_RATE", "500").parse().unwrap();
    let secs: u64 = env_or("BENCH_SECS", "30").parse().unwrap();
    let history: u64 = env_or("BENCH_HISTORY", "0").parse().unwrap();
    let nonce_uses: u64 = env_or("BENCH_NONCE_USES", "0").parse().unwrap();

    // pgbench before and after: this machine's speed drifts by up to 40 %
    // within minutes, so the ratio is taken against the mean of both runs.
    let pg_secs = env_or("BENCH_PGBENCH_SECS", "10");
    let tps_before = pgbench_in_fresh_database(&pg, &pg_secs).await;
    let url = fresh_database(&pg, DB_NAME).await;
    // Migrations and the seed; the gateway is another process.
    let db = {
        let state = backend::AppState::build(built(&url)).await.unwrap();
        for i in 0..MERCHANTS {
            seed(&state, i).await;
        }
        add_history(&state.db, history, nonce_uses).await;
        portal::set_passwords(&state.db).await;
        state.db.clone()
    };
    let Child { process: mut child, base } = Child::start("serve", &url);
    let http = reqwest::Client::builder().pool_max_idle_per_host(1024).build().unwrap();
    let clients: Vec<Arc<DigestClient>> = (0..MERCHANTS).map(|i| Arc::new(DigestClient::new(i))).collect();
    let mut sessions = Vec::new();
    for (i, c) in clients.iter().enumerate() {
        let body = json!({"mitra": "DJI", "accountID": "081200000000", "merchantID": merchant_of(i), "merchantName": "PT BENCH", "counterID": "1"});
        let (_, out) = c.post(&http, &base, "/auth/Sign-On", &body, Mode::Fresh).await;
        sessions.push(out["SessionID"].as_str().unwrap().to_owned());
    }
    let bench = Arc::new(Bench { http, base, clients, sessions, gateway_pid: child.id(), refs: AtomicU64::new(0) });
    if history + nonce_uses > 0 {
        println!("history: {history} transactions, {nonce_uses} outstanding nonce uses");
    }

    // Warm up, then ANALYZE, as `pgbench -i` vacuums and analyzes its
    // tables before pgbench measures. Without it the gateway's prepared
    // statements keep the plans made for a near-empty `transactions` (a
    // sequential scan to settle one payment) until autovacuum's first
    // ANALYZE a minute later — every closed loop below ran inside that
    // minute, and the settle's scan grew with each payment (issue 17,
    // session 18: 9,362 scans reading 86 million rows in one loop).
    bench.closed_loop_quietly(2_000, Mode::Reuse, true).await;
    db.execute_unprepared("ANALYZE").await.unwrap();
    println!("closed loop: {n} SinglePayments, 8 workers (gateway process apart, PostgreSQL), after 2,000 to warm up");
    let reuse = bench.closed_loop(n, Mode::Reuse, false).await;
    let fresh = bench.closed_loop(n, Mode::Fresh, false).await;
    let reuse_spread = bench.closed_loop(n, Mode::Reuse, true).await;
    let fresh_spread = bench.closed_loop(n, Mode::Fresh, true).await;

    // The closed loops wrote tens of thousands of rows in a minute, faster
    // than autovacuum's ANALYZE follows: with the statistics of the empty
    // table PostgreSQL looks a reference up through the (user, environment,
    // time) index and reads the merchant's whole history (EXPLAIN showed
    // 17,101 rows read per lookup, 8.8 ms). Production tables have their
    // statistics; so does the bench from here on.
    db.execute_unprepared("ANALYZE").await.unwrap();
    println!("open loop: {rate} requests/s for {secs} s — 70 % Inquiry, 20 % Payment, 10 % Check-Status");
    bench.open_loop(rate, secs, 1).await;
    bench.open_loop(rate, secs, MERCHANTS).await;
    let _ = child.kill();
    portal::run(&url, MERCHANTS).await;
    let tps_after = pgbench_in_fresh_database(&pg, &pg_secs).await;
    let tps = (tps_before + tps_after) / 2.0;
    println!(
        "pgbench (TPC-B-like, scale 4, 8 clients, {pg_secs} s): {tps_before:.0} tps before, {tps_after:.0} after, mean {tps:.0}"
    );
    println!(
        "ratio, 1 merchant:   nonce reuse {:.2} × pgbench (goal ≥ 0.5), fresh challenge {:.2} × (goal ≥ 0.35)",
        reuse / tps,
        fresh / tps
    );
    println!(
        "ratio, 8 merchants:  nonce reuse {:.2} × pgbench, fresh challenge {:.2} ×",
        reuse_spread / tps,
        fresh_spread / tps
    );
}
