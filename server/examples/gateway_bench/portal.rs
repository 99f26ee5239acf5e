//! The portal's figures (issue 17): how long the server takes to render the
//! partner dashboard and a report page for 50 signed-in partners at once,
//! and what a first visit to `/login` transfers. The portal is its own
//! process (`gateway_bench portal <database url>`), like the gateway.

use crate::{config, cpu_secs, percentile, Child};
use sea_orm::{ConnectionTrait, DbBackend, Statement};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// The password every bench partner signs in with.
const PASSWORD: &str = "Bench-Portal-2026";
/// Renders per signed-in session and page.
const RENDERS: usize = 20;

/// Every bench partner gets `PASSWORD` (one argon2 hash for all).
pub async fn set_passwords(db: &sea_orm::DatabaseConnection) {
    let hash = backend::infra::password::hash(PASSWORD.to_owned()).await.unwrap();
    let stmt = Statement::from_sql_and_values(
        DbBackend::Postgres,
        "UPDATE users SET password_hash = $1 WHERE email LIKE 'bench%@example.test'",
        [hash.into()],
    );
    db.execute_raw(stmt).await.unwrap();
}

/// `gateway_bench portal <database url>`: the whole portal, in this process.
pub async fn serve(url: &str) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let figment = config(url).merge(figment::providers::Serialized::default("public_url", &base));
    let state = backend::AppState::build(backend::Config::from_figment(figment).unwrap()).await.unwrap();
    println!("LISTEN {base}");
    server::serve_state(listener, state);
    std::future::pending::<()>().await;
}

/// A browser of partner `i`, signed in.
async fn signed_in(base: &str, i: usize) -> reqwest::Client {
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert(reqwest::header::ORIGIN, base.parse().unwrap());
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .default_headers(headers)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let phone = crate::phone_of(i);
    let res = client
        .post(format!("{base}/api/login"))
        .form(&[("phone", phone.as_str()), ("password", PASSWORD)])
        .send()
        .await
        .unwrap();
    let cookie = res.cookies().any(|c| c.name() == server::SESSION_COOKIE);
    assert!(cookie, "partner {i} not signed in: {} {}", res.status(), res.text().await.unwrap_or_default());
    client
}

/// `RENDERS` renders of `path` by each browser at once; p50/p99 and the
/// portal's CPU per render.
async fn render(browsers: &[reqwest::Client], base: &str, path: &str, portal_pid: u32) {
    let cpu0 = cpu_secs(portal_pid);
    let started = Instant::now();
    let tasks: Vec<_> = browsers
        .iter()
        .cloned()
        .map(|b| {
            let url = format!("{base}{path}");
            tokio::spawn(async move {
                let mut lat = Vec::with_capacity(RENDERS);
                for _ in 0..RENDERS {
                    let t = Instant::now();
                    let res = b.get(&url).header("accept", "text/html").send().await.unwrap();
                    let status = res.status().as_u16();
                    let html = res.text().await.unwrap_or_default();
                    assert!(status == 200 && html.contains("</html>"), "{url}: {status}");
                    lat.push(t.elapsed());
                }
                lat
            })
        })
        .collect();
    let mut lat: Vec<Duration> = Vec::new();
    for t in tasks {
        lat.extend(t.await.unwrap());
    }
    let secs = started.elapsed().as_secs_f64();
    lat.sort();
    println!(
        "  {path:<28} {:>4.0} renders/s  p50 {:.1} ms  p99 {:.1} ms  | portal CPU ms per render {:.2}",
        lat.len() as f64 / secs,
        percentile(&lat, 0.5),
        percentile(&lat, 0.99),
        (cpu_secs(portal_pid) - cpu0) * 1000.0 / lat.len() as f64,
    );
}

/// Bytes on the wire of `url` for a browser that accepts `accept` (an
/// `Accept-Encoding` value).
async fn transferred(http: &reqwest::Client, url: &str, accept: &str) -> (usize, Option<String>) {
    let res = http.get(url).header("accept-encoding", accept).send().await.unwrap();
    if !res.status().is_success() {
        // No site built (scripts/bench.sh builds the release site first).
        return (0, Some(format!("HTTP {}", res.status())));
    }
    let encoding = res.headers().get("content-encoding").and_then(|v| v.to_str().ok()).map(str::to_owned);
    (res.bytes().await.unwrap().len(), encoding)
}

/// `/login` and everything its page loads first (script, wasm, style), as
/// a browser gets it (brotli) and as one that takes only gzip gets it.
async fn first_load(base: &str) {
    let http = reqwest::Client::new();
    let html = http.get(format!("{base}/login")).send().await.unwrap().text().await.unwrap();
    let mut assets: Vec<String> = html
        .split(['"', '\''])
        .filter(|s| s.starts_with("/pkg/") && [".js", ".wasm", ".css"].iter().any(|e| s.ends_with(e)))
        .map(str::to_owned)
        .collect();
    assets.sort();
    assets.dedup();
    let (page, _) = transferred(&http, &format!("{base}/login"), "br, gzip").await;
    let (page_gz, _) = transferred(&http, &format!("{base}/login"), "gzip").await;
    println!("  first load of /login: page {:.1} KB ({:.1} KB gzip)", page as f64 / 1024.0, page_gz as f64 / 1024.0);
    let (mut total, mut total_gz) = (page, page_gz);
    for a in &assets {
        let (n, encoding) = transferred(&http, &format!("{base}{a}"), "br, gzip").await;
        let (gz, _) = transferred(&http, &format!("{base}{a}"), "gzip").await;
        total += n;
        total_gz += gz;
        let encoding = encoding.as_deref().unwrap_or("identity");
        println!("    {a}: {:.1} KB ({encoding}), {:.1} KB gzip", n as f64 / 1024.0, gz as f64 / 1024.0);
    }
    let kb = |n: usize| n as f64 / 1024.0;
    println!("    total {:.1} KB; gzip only {:.1} KB ({} files)", kb(total), kb(total_gz), assets.len() + 1);
}

/// Starts the portal process, signs 50 partners in, renders, measures.
pub async fn run(url: &str, merchants: usize) {
    let Child { mut process, base } = Child::start("portal", url);
    let process_id = process.id();
    let mut browsers = Vec::with_capacity(merchants);
    for i in 0..merchants {
        browsers.push(signed_in(&base, i).await);
    }
    let browsers = Arc::new(browsers);
    println!("portal: {merchants} signed-in partners at once, {RENDERS} renders each (server-side render, whole page)");
    for path in ["/dashboard", "/laporan/status-transaksi"] {
        render(&browsers, &base, path, process_id).await;
    }
    first_load(&base).await;
    whole_bundle();
    let _ = process.kill();
}

/// Every script and wasm chunk of the site, as built and compressed: what a
/// visitor who opens every page in turn loads at most.
fn whole_bundle() {
    let Ok(site) = std::env::var("APP_SITE_ROOT") else { return };
    let Ok(dir) = std::fs::read_dir(std::path::Path::new(&site).join("pkg")) else { return };
    let size = |p: &std::path::Path| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
    let (mut chunks, mut raw, mut gz, mut br) = (0, 0, 0, 0);
    for entry in dir.flatten() {
        let path = entry.path();
        if !matches!(path.extension().and_then(|e| e.to_str()), Some("wasm" | "js")) {
            continue;
        }
        let beside = |suffix: &str| size(std::path::Path::new(&format!("{}.{suffix}", path.display())));
        chunks += 1;
        raw += size(&path);
        gz += beside("gz");
        br += beside("br");
    }
    let kb = |n: u64| n as f64 / 1024.0;
    println!(
        "  whole bundle: {chunks} script and wasm files, {:.0} KB, gzip {:.0} KB, brotli {:.0} KB",
        kb(raw),
        kb(gz),
        kb(br)
    );
}
