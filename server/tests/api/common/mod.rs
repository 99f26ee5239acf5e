//! Test harness: the real app on a random port with its own database
//! (a SQLite file, or a fresh PostgreSQL database with TEST_DATABASE=postgres)
//! and mail through the real SMTP server when TEST_SMTP_URL is set.

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use app::error::AppError;
use app::server_fns::account::CurrentUser;
use app::server_fns::auth::Login;
use app::server_fns::auth::Register;
use app::server_fns::moderation::{ModerationDecide, ModerationQueue, ModerationReview};
use app::server_fns::products::{ProductsChoosable, ProductsChoose};
use app::server_fns::staff::StaffLogin;
use app::server_fns::staff::StaffVerifyCode;
use backend::{AppState, Config};
use figment::providers::Serialized;
use figment::Figment;
use leptos::server_fn::ServerFn;
use reqwest::header::{HeaderMap, HeaderValue, ORIGIN};
use sea_orm::{ConnectionTrait, Database};
use serde::de::DeserializeOwned;
use std::path::PathBuf;
use std::time::Duration;

pub struct TestApp {
    pub base: String,
    pub state: AppState,
    pub data_dir: PathBuf,
    /// A browser-like client: keeps cookies, sends this site's Origin.
    pub client: reqwest::Client,
}

fn pg_base() -> String {
    std::env::var("TEST_PG_URL").unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432".into())
}

/// Migrating (and loading 90,000 areas) once per test binary, then copying:
/// every test still gets its own database, in milliseconds.
async fn database_url(data_dir: &std::path::Path) -> String {
    static TEMPLATE: tokio::sync::OnceCell<String> = tokio::sync::OnceCell::const_new();
    let postgres = std::env::var("TEST_DATABASE").as_deref() == Ok("postgres");
    let template = TEMPLATE
        .get_or_init(|| async move {
            if postgres {
                pg_template().await
            } else {
                sqlite_template().await
            }
        })
        .await;
    let name = format!("wo_test_{}", uuid::Uuid::new_v4().simple());
    if postgres {
        let admin = Database::connect(format!("{}/postgres", pg_base())).await.expect("PostgreSQL reachable");
        admin
            .execute_unprepared(&format!("CREATE DATABASE \"{name}\" TEMPLATE \"{template}\""))
            .await
            .expect("create test database");
        admin.close().await.ok();
        format!("{}/{name}", pg_base())
    } else {
        std::fs::create_dir_all(data_dir).unwrap();
        let file = data_dir.join(format!("{name}.db"));
        std::fs::copy(template, &file).unwrap();
        format!("sqlite://{}?mode=rwc", file.display())
    }
}

async fn pg_template() -> String {
    let name = format!("wo_test_tpl_{}", uuid::Uuid::new_v4().simple());
    let admin = Database::connect(format!("{}/postgres", pg_base())).await.expect("PostgreSQL reachable");
    admin.execute_unprepared(&format!("CREATE DATABASE \"{name}\"")).await.expect("create template database");
    admin.close().await.ok();
    let db = backend::infra::db::connect(&format!("{}/{name}", pg_base())).await.expect("migrate template");
    db.close().await.ok();
    name
}

async fn sqlite_template() -> String {
    forget_old_templates();
    let file = std::env::temp_dir().join(format!("wo-test-tpl-{}.db", uuid::Uuid::new_v4().simple()));
    let db =
        backend::infra::db::connect(&format!("sqlite://{}?mode=rwc", file.display())).await.expect("migrate template");
    db.execute_unprepared("PRAGMA wal_checkpoint(TRUNCATE)").await.unwrap();
    db.close().await.ok();
    file.to_string_lossy().into_owned()
}

/// Templates of earlier runs (each test binary makes one per run).
fn forget_old_templates() {
    let Ok(dir) = std::fs::read_dir(std::env::temp_dir()) else { return };
    let hour_ago = std::time::SystemTime::now() - Duration::from_secs(3600);
    for entry in dir.filter_map(Result::ok) {
        let old = entry.metadata().and_then(|m| m.modified()).is_ok_and(|t| t < hour_ago);
        if old && entry.file_name().to_string_lossy().starts_with("wo-test-tpl-") {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

impl Drop for TestApp {
    /// Each test's folder (SQLite copy, mail, files) goes with the test.
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.data_dir);
    }
}

pub fn new_client(base: &str) -> reqwest::Client {
    let mut headers = HeaderMap::new();
    headers.insert(ORIGIN, HeaderValue::from_str(base).unwrap());
    reqwest::Client::builder()
        .cookie_store(true)
        .default_headers(headers)
        .redirect(reqwest::redirect::Policy::none())
        // A stuck request fails the test with a message instead of hanging the run.
        .timeout(Duration::from_secs(60))
        .build()
        .unwrap()
}

impl TestApp {
    pub async fn spawn() -> TestApp {
        Self::spawn_with(|f| f).await
    }

    pub async fn spawn_with(tweak: impl FnOnce(Figment) -> Figment) -> TestApp {
        if let Ok(path) = std::env::var("TEST_LOG") {
            // Diagnosing a stuck test: the server's trace, in one file.
            let file = std::fs::OpenOptions::new().create(true).append(true).open(path).unwrap();
            let _ = tracing_subscriber::fmt()
                .with_env_filter("debug,hyper=info,h2=info,reqwest=info")
                .with_writer(std::sync::Mutex::new(file))
                .try_init();
        }
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let base = format!("http://{addr}");
        let data_dir = std::env::temp_dir().join(format!("wo-test-{}", uuid::Uuid::new_v4().simple()));
        let mut f = Figment::new()
            .merge(Serialized::default("listen", addr.to_string()))
            .merge(Serialized::default("public_url", &base))
            .merge(Serialized::default("data_dir", data_dir.to_string_lossy().to_string()))
            .merge(Serialized::default("mail_poll_ms", 100))
            .merge(Serialized::default("brand", "KIOS Open API"));
        f = f.merge(Serialized::default("database_url", database_url(&data_dir).await));
        if let Ok(smtp) = std::env::var("TEST_SMTP_URL") {
            f = f.merge(Serialized::default("smtp_url", smtp));
        }
        let config = Config::from_figment(tweak(f)).expect("valid test config");
        let state = server::start(listener, config).await.expect("app starts");
        TestApp { client: new_client(&base), base, state, data_dir }
    }

    /// An app with one setting changed.
    pub async fn spawn_set(key: &str, value: impl serde::Serialize) -> TestApp {
        Self::spawn_with(|f| f.merge(Serialized::default(key, value))).await
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    /// Calls a server function the way the browser does (form encoded POST).
    /// A typed server-function call with this app's browser-like client.
    pub async fn send<F>(&self, call: F) -> Result<F::Output, AppError>
    where
        F: ServerFn + serde::Serialize,
        F::Output: DeserializeOwned,
    {
        send_with(&self.client, &self.base, call).await
    }

    pub async fn call<T: DeserializeOwned>(&self, endpoint: &str, form: &[(&str, &str)]) -> Result<T, AppError> {
        call_with(&self.client, &self.base, endpoint, form).await
    }

    pub async fn get_html(&self, path: &str) -> (u16, String) {
        // Browsers ask for HTML; that is what makes server-side redirects real 302s.
        let res = self.client.get(self.url(path)).header("accept", "text/html").send().await.unwrap();
        (res.status().as_u16(), res.text().await.unwrap())
    }

    /// Registers the manual's example partner with a unique e-mail and phone.
    pub async fn register(&self, who: &Partner) -> Result<String, AppError> {
        self.send(Register {
            name: who.name.to_string(),
            company: "PT. SAMPURNA JAYA".into(),
            email: who.email.to_string(),
            website: "www.sampurna-jaya.com".into(),
            phone: who.phone.to_string(),
            password: who.password.to_string(),
        })
        .await
    }

    /// Registers, activates through the e-mailed link, and logs in.
    pub async fn signed_in_partner(&self) -> Partner {
        self.signed_in_partner_on(&self.client).await
    }

    /// The same with another browser (cookie jar).
    pub async fn signed_in_partner_on(&self, client: &reqwest::Client) -> Partner {
        let p = Partner::new();
        self.register(&p).await.unwrap();
        let link = self.mail_link(&p.email, "/aktivasi").await;
        let (_, html) = self.get_html(&link).await;
        assert!(html.contains("Aktivasi Berhasil"), "{html}");
        let out: domain::account::LoginOut =
            send_with(client, &self.base, Login { phone: p.phone.to_string(), password: p.password.to_string() })
                .await
                .unwrap();
        assert_eq!(out, domain::account::LoginOut::LoggedIn);
        p
    }

    /// The newest e-mail to `to` (plain-text part), waiting for the outbox worker.
    pub async fn mail_text(&self, to: &str) -> String {
        self.mails(to, 1).await.pop().unwrap()
    }

    /// Waits until `count` e-mails to `to` arrived; returns their texts, oldest first.
    pub async fn mails(&self, to: &str, count: usize) -> Vec<String> {
        for _ in 0..150 {
            let found = match std::env::var("TEST_MAILDEV_API") {
                Ok(api) => maildev_texts(&api, to).await,
                Err(_) => self.outbox_texts(to),
            };
            if found.len() >= count {
                return found;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("expected {count} e-mail(s) to {to}");
    }

    /// The newest e-mail to `to` containing `needle`, waiting for it.
    pub async fn mail_containing(&self, to: &str, needle: &str) -> String {
        for _ in 0..150 {
            let found = self.mails(to, 1).await.into_iter().rev().find(|m| m.contains(needle));
            if let Some(m) = found {
                return m;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("no e-mail to {to} containing {needle:?}")
    }

    /// How many e-mails to `to` arrived so far (no waiting).
    pub async fn mail_count(&self, to: &str) -> usize {
        match std::env::var("TEST_MAILDEV_API") {
            Ok(api) => maildev_texts(&api, to).await.len(),
            Err(_) => self.outbox_texts(to).len(),
        }
    }

    /// The path and query of the link in the newest e-mail to `to` that has one.
    pub async fn mail_link(&self, to: &str, path: &str) -> String {
        let needle = format!("{}{path}?token=", self.base);
        let mut text = String::new();
        for _ in 0..150 {
            let texts = self.mails(to, 1).await;
            if let Some(t) = texts.into_iter().rev().find(|t| t.contains(&needle)) {
                text = t;
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        let start = text.find(&needle).expect("link in mail");
        let link: String = text[start..].chars().take_while(|c| !c.is_whitespace()).collect();
        link.trim_start_matches(&self.base).to_owned()
    }

    fn outbox_texts(&self, to: &str) -> Vec<String> {
        let Ok(dir) = std::fs::read_dir(self.data_dir.join("mail")) else { return Vec::new() };
        let mut files: Vec<_> = dir.filter_map(Result::ok).map(|e| e.path()).collect();
        files.sort_by_key(|p| std::fs::metadata(p).and_then(|m| m.modified()).ok());
        files
            .iter()
            .filter_map(|p| std::fs::read_to_string(p).ok())
            .filter(|raw| raw.contains(&format!("To: {to}")))
            .map(|raw| raw.replace("=\r\n", "").replace("=3D", "="))
            .collect()
    }
}

async fn maildev_texts(api: &str, to: &str) -> Vec<String> {
    let list: Vec<serde_json::Value> = reqwest::get(format!("{api}/api/email")).await.unwrap().json().await.unwrap();
    list.iter()
        .filter(|m| m["to"].as_array().is_some_and(|a| a.iter().any(|r| r["address"].as_str() == Some(to))))
        .filter_map(|m| m["text"].as_str().map(str::to_owned))
        .collect()
}

async fn answer<T: DeserializeOwned>(endpoint: &str, res: reqwest::Response) -> Result<T, AppError> {
    let status = res.status();
    let body = res.text().await.unwrap();
    if status.is_success() {
        Ok(serde_json::from_str(&body).unwrap_or_else(|e| panic!("{endpoint}: {e}: {body}")))
    } else {
        Err(serde_json::from_str(&body).unwrap_or_else(|e| panic!("{endpoint} {status}: {e}: {body}")))
    }
}

/// A list's first page, searched for `q`.
pub fn search(q: &str) -> domain::ListQuery {
    domain::ListQuery { q: q.to_owned(), ..Default::default() }
}

/// Calls a server function the way the browser does, typed by its
/// argument struct: `send_with(&client, base, StaffCreate { .. })`.
pub async fn send_with<F>(client: &reqwest::Client, base: &str, call: F) -> Result<F::Output, AppError>
where
    F: ServerFn + serde::Serialize,
    F::Output: DeserializeOwned,
{
    let body = serde_qs::to_string(&call).unwrap();
    let res = client
        .post(format!("{base}{}", F::PATH))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(body)
        .send()
        .await
        .unwrap();
    answer(F::PATH, res).await
}

pub async fn call_with<T: DeserializeOwned>(
    client: &reqwest::Client,
    base: &str,
    endpoint: &str,
    form: &[(&str, &str)],
) -> Result<T, AppError> {
    let res = client.post(format!("{base}/api/{endpoint}")).form(form).send().await.unwrap();
    answer(endpoint, res).await
}

/// A unique partner in the manual's image.
#[derive(Clone, Debug)]
pub struct Partner {
    pub name: String,
    pub email: String,
    pub phone: String,
    pub password: String,
}

impl Partner {
    pub fn new() -> Partner {
        let n = uuid::Uuid::new_v4().as_u128();
        Partner {
            name: "ANDIKA SAMPURNA".into(),
            email: format!("andika.{:x}@sampurna-jaya.test", n as u32),
            phone: format!("0812{:08}", n % 100_000_000),
            password: "rahasia123".into(),
        }
    }
}

pub const PDF: &[u8] = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
pub const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0\x90wS\xde\0\0\0\x0cIDATx\x9cc\xf8\x0f\0\0\x01\x01\0\x05\x18\xd8N\0\0\0\0IEND\xaeB`\x82";

impl TestApp {
    /// Uploads `bytes` as `file_name` for document type `doc_type`.
    pub async fn upload(
        &self,
        client: &reqwest::Client,
        doc_type: &str,
        file_name: &str,
        bytes: &[u8],
    ) -> (u16, serde_json::Value) {
        let part = reqwest::multipart::Part::bytes(bytes.to_vec()).file_name(file_name.to_owned());
        let form = reqwest::multipart::Form::new().part("file", part);
        let res = client.post(self.url(&format!("/api/dokumen/{doc_type}"))).multipart(form).send().await.unwrap();
        let status = res.status().as_u16();
        (status, res.json().await.unwrap_or(serde_json::Value::Null))
    }

    /// The profile form fields of a complete Perusahaan profile in Bandung.
    pub async fn complete_profile_form(&self) -> Vec<(String, String)> {
        // Jawa Barat → Kota Bandung → its first district → that district's first village.
        let mut codes = vec!["32".to_string(), "32.73".to_string()];
        for level in ["District", "Village"] {
            let parent = codes.last().unwrap().clone();
            let list: Vec<domain::region::RegionOut> = self
                .client
                .get(self.url("/api/regions"))
                .query(&[("level", level), ("parent", parent.as_str())])
                .send()
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
            codes.push(list[0].code.clone());
        }
        let mut form: Vec<(String, String)> = [
            ("category", "perusahaan"),
            ("personal_name", "ANDIKA SAMPURNA"),
            ("personal_phone", "08123456789"),
            ("personal_email", "andika@sampurna-jaya.test"),
            ("business_name", "PT. SAMPURNA JAYA"),
            ("business_phone", "0227654321"),
            ("address", "Jl. Dago No. 1"),
        ]
        .iter()
        .map(|(k, v)| (format!("input[{k}]"), v.to_string()))
        .collect();
        for (k, v) in ["province", "regency", "district", "village"].iter().zip(codes) {
            form.push((format!("input[{k}]"), v));
        }
        form
    }
}

/// A TOTP code for `secret_b32` at `unix` (RFC 6238 via totp-rs, not the
/// server's code).
pub fn totp_code(secret_b32: &str, unix: u64) -> String {
    let bytes = totp_rs::Secret::Encoded(secret_b32.to_owned()).to_bytes().unwrap();
    totp_rs::TOTP::new_unchecked(totp_rs::Algorithm::SHA1, 6, 1, 30, bytes, None, String::new()).generate(unix)
}

fn unix_now() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs()
}

/// Signs `client` in as staff: the password, then a code (setting up the
/// second factor on the way when the account has none). `secret`: the
/// staff's TOTP secret if already set up. Returns the secret in use.
pub async fn staff_sign_in(
    client: &reqwest::Client,
    base: &str,
    email: &str,
    password: &str,
    secret: Option<&str>,
) -> Option<String> {
    use domain::staff::LoginStep;
    let step: LoginStep =
        send_with(client, base, StaffLogin { email: email.to_string(), password: password.to_string() }).await.unwrap();
    let secret = match step {
        LoginStep::SignedIn => return None,
        LoginStep::Code => secret.expect("this account has a second factor: pass its secret").to_owned(),
        LoginStep::Enroll(setup) => {
            assert!(setup.otpauth_uri.starts_with("otpauth://totp/") && setup.qr_svg.contains("<svg"));
            setup.secret
        }
    };
    // A code is good once: when this one was just used, the next step's is
    // also accepted (one step of drift).
    for at in [unix_now(), unix_now() + 30] {
        let r: Result<(), AppError> =
            send_with(client, base, StaffVerifyCode { code: totp_code(&secret, at).to_string() }).await;
        match r {
            Ok(()) => return Some(secret),
            Err(AppError::Invalid(_)) => continue,
            Err(e) => panic!("staff_verify_code: {e:?}"),
        }
    }
    panic!("no code accepted")
}

impl TestApp {
    /// The first operator (an admin), signed in on a new client, with its
    /// e-mail, password and TOTP secret.
    pub async fn operator(&self) -> (reqwest::Client, String, String, String) {
        let (email, password) = backend::staff::ensure_initial_operator(&self.state).await.unwrap().unwrap();
        let c = new_client(&self.base);
        let secret = staff_sign_in(&c, &self.base, &email, &password, None).await.unwrap();
        (c, email, password, secret)
    }
}

pub const EIGHT: [&str; 8] =
    ["akte_pendirian", "akte_perubahan", "ektp", "izin_lokasi", "izin_usaha", "nib", "npwp", "surat_kuasa"];

impl TestApp {
    /// The signed-in partner uploads the eight documents and sends the form.
    pub async fn submit_complete_profile(&self) {
        for doc in EIGHT {
            assert_eq!(self.upload(&self.client, doc, &format!("{doc}.pdf"), PDF).await.0, 200);
        }
        let mut body = self.complete_profile_form().await;
        body.push(("submit".into(), "true".into()));
        let body: Vec<(&str, &str)> = body.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        let status: domain::profile::ProfileStatus = self.call("save_profile", &body).await.unwrap();
        assert_eq!(status, domain::profile::ProfileStatus::Submitted);
    }

    /// The operator signs in and accepts every document of the one profile
    /// waiting; returns the operator's client and the partner's user id.
    pub async fn approve_submitted(&self) -> (reqwest::Client, domain::UserId) {
        let (staff, ..) = self.operator().await;
        let queue = send_with(&staff, &self.base, ModerationQueue { filter: String::new() }).await.unwrap();
        let user_id = queue[0].user_id;
        self.approve_all(&staff, user_id).await;
        (staff, user_id)
    }

    /// `staff` accepts every document of the partner `user_id`.
    pub async fn approve_all(&self, staff: &reqwest::Client, user_id: domain::UserId) {
        let review = send_with(staff, &self.base, ModerationReview { user_id }).await.unwrap();
        for d in review.documents {
            let accept = ModerationDecide { doc_id: d.id, accept: true, reason: String::new() };
            send_with(staff, &self.base, accept).await.unwrap();
        }
    }
}

impl TestApp {
    /// A partner approved by the operator, as the development gateway sees
    /// it after digest authentication; with the operator's client.
    pub async fn approved_merchant(&self) -> (reqwest::Client, backend::gateway::Merchant) {
        self.signed_in_partner().await;
        self.submit_complete_profile().await;
        let (staff, user_id) = self.approve_submitted().await;
        let me: Option<domain::account::UserOut> = self.send(CurrentUser {}).await.unwrap();
        let m = backend::gateway::Merchant {
            user_id: user_id.0,
            merchant_id: me.and_then(|u| u.merchant_id).unwrap(),
            env: backend::gateway::Env::Development,
        };
        (staff, m)
    }

    /// [`Self::approved_merchant`] who has chosen every product on sale
    /// ("Tambah Produk" → "Simpan"), so development serves them all.
    pub async fn approved_merchant_with_products(&self) -> (reqwest::Client, backend::gateway::Merchant) {
        let out = self.approved_merchant().await;
        self.choose_all_products(&self.client).await;
        out
    }

    /// The partner signed in on `client` chooses every product on sale.
    pub async fn choose_all_products(&self, client: &reqwest::Client) {
        let all = send_with(client, &self.base, ProductsChoosable { category: String::new() }).await.unwrap();
        let codes = all.into_iter().map(|p| p.code).collect();
        send_with(client, &self.base, ProductsChoose { codes }).await.unwrap();
    }

    /// Runs `sql` (with `$1` = `at`) on the test database: moves a job's
    /// clock instead of waiting for it.
    pub async fn set_time(&self, sql: &str, at: chrono::DateTime<chrono::Utc>) {
        let stmt = sea_orm::Statement::from_sql_and_values(self.state.db.get_database_backend(), sql, [at.into()]);
        self.state.db.execute_raw(stmt).await.unwrap();
    }
}

/// Counts panics about disposed reactive values (SSR bugs) in this test
/// process from now on; the default hook still prints every panic.
pub struct PanicCount(usize);

static DISPOSED: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

pub fn count_panics() -> PanicCount {
    static HOOK: std::sync::Once = std::sync::Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if info.to_string().contains("disposed") {
                DISPOSED.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            }
            previous(info);
        }));
    });
    PanicCount(DISPOSED.load(std::sync::atomic::Ordering::SeqCst))
}

impl PanicCount {
    /// Disposed-value panics since this count began.
    pub fn disposed(&self) -> usize {
        DISPOSED.load(std::sync::atomic::Ordering::SeqCst) - self.0
    }
}
