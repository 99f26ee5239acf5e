//! Gateway benchmark (a command, not a test): Sign-On once, then N
//! SinglePayment requests with digest authentication against an in-process
//! development listener on PostgreSQL; prints throughput, p50 and p99, then
//! pgbench's TPC-B-like TPS on the same server and the ratio.
//!
//! Run with `scripts/bench.sh` (release build). Settings: BENCH_PG (server
//! URL, default postgres://postgres@127.0.0.1:5432), BENCH_N (2000),
//! BENCH_CONCURRENCY (8), BENCH_PGBENCH_SECS (10).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use backend::gateway::Env;
use md5::{Digest, Md5};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ConnectionTrait, Database};
use serde_json::{json, Value};
use std::time::{Duration, Instant};

fn env_or(name: &str, default: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| default.to_owned())
}

fn md5(s: &str) -> String {
    hex::encode(Md5::digest(s.as_bytes()))
}

const REALM: &str = "Design Jaya Indonesia";
const USER: &str = "benchuserabc";
const PASSWORD: &str = "0123456789ABCDEF0123456789ABCDEF";
/// The pulsa product every payment buys.
const PRODUCT: &str = "501021";

async fn fresh_database(pg: &str, name: &str) -> String {
    let admin = Database::connect(format!("{pg}/postgres")).await.expect("PostgreSQL reachable");
    admin.execute_unprepared(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).await.unwrap();
    admin.execute_unprepared(&format!("CREATE DATABASE {name}")).await.unwrap();
    format!("{pg}/{name}")
}

/// An approved merchant with known development credentials and a deposit
/// large enough for every payment.
async fn seed(state: &backend::AppState) -> (uuid::Uuid, String) {
    use backend::entity::{api_credential, profile, user};
    let id = uuid::Uuid::now_v7();
    let now = chrono::Utc::now();
    user::ActiveModel {
        id: Set(id),
        name: Set("BENCH".into()),
        company: Set("PT BENCH".into()),
        email: Set("bench@example.test".into()),
        website: Set(None),
        phone: Set("6281200000000".into()),
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
    let merchant_id = "DJI900001".to_owned();
    profile::ActiveModel {
        user_id: Set(id),
        service: Set("open_api".into()),
        category: Set(Some("perusahaan".into())),
        personal_name: Set("BENCH".into()),
        personal_phone: Set("081200000000".into()),
        personal_email: Set("bench@example.test".into()),
        business_name: Set("PT BENCH".into()),
        business_phone: Set("0221234567".into()),
        province_code: Set(None),
        regency_code: Set(None),
        district_code: Set(None),
        village_code: Set(None),
        address: Set("Jl. Bench".into()),
        status: Set(domain::profile::ProfileStatus::Approved),
        submitted_at: Set(Some(now)),
        updated_at: Set(now),
        merchant_id: Set(Some(merchant_id.clone())),
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
        username: Set(USER.into()),
        ha1: Set(md5(&format!("{USER}:{REALM}:{PASSWORD}"))),
        created_at: Set(now),
    }
    .insert(&state.db)
    .await
    .unwrap();
    let credit = backend::ledger::Movement {
        user_id: id,
        env: backend::gateway::Env::Development,
        kind: backend::ledger::Kind::Credit,
        amount: 1_000_000_000_000,
        reference: "bench:credit",
        note: None,
        actor_name: "bench",
    };
    backend::ledger::apply(&state.db, &credit).await.unwrap();
    backend::entity::ip_whitelist::ActiveModel {
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
    // Development serves the products the partner chose.
    backend::entity::partner_product::ActiveModel {
        user_id: Set(id),
        product_code: Set(PRODUCT.into()),
        activated_at: Set(now),
        state: Set(domain::products::ProductState::Selected),
        reason: Set(None),
        updated_at: Set(Some(now)),
    }
    .insert(&state.db)
    .await
    .unwrap();
    (id, merchant_id)
}

/// One digest-authenticated POST: challenge with an empty request, then the
/// signed one (what most partner clients do per call).
async fn post(http: &reqwest::Client, base: &str, path: &str, body: &Value) -> Value {
    let res = http.post(format!("{base}{path}")).send().await.unwrap();
    let h = res.headers()["www-authenticate"].to_str().unwrap().to_owned();
    let get = |k: &str| {
        h.split(',')
            .find_map(|kv| kv.trim().trim_start_matches("Digest ").strip_prefix(&format!("{k}=\"")))
            .unwrap()
            .trim_end_matches('"')
            .to_owned()
    };
    let (nonce, opaque) = (get("nonce"), get("opaque"));
    let ha1 = md5(&format!("{USER}:{REALM}:{PASSWORD}"));
    let ha2 = md5(&format!("POST:{path}"));
    let cnonce = format!("{:016x}", rand_u64());
    let response = md5(&format!("{ha1}:{nonce}:00000001:{cnonce}:auth:{ha2}"));
    let auth = format!(
        r#"Digest username="{USER}", realm="{REALM}", nonce="{nonce}", uri="{path}", response="{response}", opaque="{opaque}", qop=auth, nc=00000001, cnonce="{cnonce}""#
    );
    let res = http.post(format!("{base}{path}")).header("authorization", auth).json(body).send().await.unwrap();
    assert_eq!(res.status(), 200);
    res.json().await.unwrap()
}

fn rand_u64() -> u64 {
    uuid::Uuid::new_v4().as_u64_pair().0
}

fn pgbench_tps(pg: &str, secs: &str, clients: usize) -> f64 {
    let url = url::Url::parse(pg).unwrap();
    let host = url.host_str().unwrap_or("127.0.0.1").to_owned();
    let port = url.port().unwrap_or(5432).to_string();
    let user = if url.username().is_empty() { "postgres".to_owned() } else { url.username().to_owned() };
    let common = ["-h", &host, "-p", &port, "-U", &user];
    let init =
        std::process::Command::new("pgbench").args(common).args(["-i", "-q", "-s", "4", "webopenapi_pgbench"]).output();
    let init = init.expect("pgbench installed (Debian package postgresql-contrib / postgresql-client)");
    assert!(init.status.success(), "{}", String::from_utf8_lossy(&init.stderr));
    let out = std::process::Command::new("pgbench")
        .args(common)
        .args(["-c", &clients.to_string(), "-j", "2", "-T", secs, "webopenapi_pgbench"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    text.lines()
        .find_map(|l| l.strip_prefix("tps = "))
        .and_then(|l| l.split_whitespace().next())
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("no tps in pgbench output: {text}"))
}

#[tokio::main]
async fn main() {
    let pg = env_or("BENCH_PG", "postgres://postgres@127.0.0.1:5432");
    let n: usize = env_or("BENCH_N", "2000").parse().unwrap();
    let concurrency: usize = env_or("BENCH_CONCURRENCY", "8").parse().unwrap();
    let data_dir = std::env::temp_dir().join("webopenapi-bench");
    let url = fresh_database(&pg, "webopenapi_bench").await;
    let figment = figment::Figment::new()
        .merge(figment::providers::Serialized::default("database_url", url))
        .merge(figment::providers::Serialized::default("data_dir", data_dir.to_string_lossy().to_string()))
        // The bench measures throughput, not the per-merchant request rate.
        .merge(figment::providers::Serialized::default("gateway_rate_per_minute", i32::MAX));
    let config = backend::Config::from_figment(figment).unwrap();
    let state = backend::AppState::build(config).await.unwrap();
    let (_, merchant_id) = seed(&state).await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    server::gateway::spawn(listener, state.clone(), backend::gateway::Env::Development);

    let http = reqwest::Client::new();
    let signon = json!({"mitra": "DJI", "accountID": "081200000000", "merchantID": merchant_id, "merchantName": "PT BENCH", "counterID": "1"});
    let sid = post(&http, &base, "/auth/Sign-On", &signon).await["SessionID"].as_str().unwrap().to_owned();

    println!(
        "gateway: {n} SinglePayment requests (challenge + signed request each), {concurrency} concurrent, PostgreSQL"
    );
    let started = Instant::now();
    let per_worker = n / concurrency;
    let workers: Vec<_> = (0..concurrency)
        .map(|w| {
            let (http, base, sid, merchant_id) = (http.clone(), base.clone(), sid.clone(), merchant_id.clone());
            tokio::spawn(async move {
                let mut latencies = Vec::with_capacity(per_worker);
                for i in 0..per_worker {
                    let body = json!({"sessionID": sid, "merchantID": merchant_id, "productID": PRODUCT, "customerID": "081200000000",
                        "referenceID": format!("B{w:03}{i:08}"), "tagihan": "10950", "admin": "0", "total": "10950"});
                    let t = Instant::now();
                    let out = post(&http, &base, "/Services/SinglePayment", &body).await;
                    assert_eq!(out["rc"], "00", "{out}");
                    latencies.push(t.elapsed());
                }
                latencies
            })
        })
        .collect();
    let mut all: Vec<Duration> = Vec::with_capacity(n);
    for w in workers {
        all.extend(w.await.unwrap());
    }
    let elapsed = started.elapsed().as_secs_f64();
    all.sort();
    let pct = |p: f64| all[((all.len() as f64 * p) as usize).min(all.len() - 1)].as_secs_f64() * 1000.0;
    let throughput = all.len() as f64 / elapsed;
    println!(
        "  payments/s {throughput:.1}   p50 {:.2} ms   p99 {:.2} ms   ({} in {elapsed:.1} s)",
        pct(0.50),
        pct(0.99),
        all.len()
    );

    let secs = env_or("BENCH_PGBENCH_SECS", "10");
    fresh_database(&pg, "webopenapi_pgbench").await;
    let tps = pgbench_tps(&pg, &secs, concurrency);
    println!("pgbench (TPC-B-like, scale 4, {concurrency} clients, {secs} s): {tps:.1} tps");
    println!("ratio: one gateway payment costs {:.2} pgbench transactions", tps / throughput);
}
