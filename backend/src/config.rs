//! Typed, layered configuration: defaults → optional TOML file → environment.

use figment::providers::{Env, Format, Toml};
use figment::Figment;
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use url::Url;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    #[default]
    Text,
    Json,
}

/// Every setting, its environment variable (`APP_` + upper-case name, except
/// `DATABASE_URL` and `SMTP_URL`) and its default. README mirrors this.
#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct Config {
    /// Address the portal listens on (`APP_LISTEN`).
    pub listen: SocketAddr,
    /// URL users reach the portal at; links in e-mails use it (`APP_PUBLIC_URL`).
    pub public_url: Url,
    /// Folder for the SQLite file, mail outbox and files (`APP_DATA_DIR`).
    pub data_dir: PathBuf,
    /// Built site (wasm, css, assets) written by cargo-leptos (`APP_SITE_ROOT`).
    pub site_root: PathBuf,
    /// Database; SQLite file under `data_dir` when unset (`DATABASE_URL`).
    pub database_url: Option<SecretString>,
    /// SMTP server, e.g. `smtp://127.0.0.1:1025`; file outbox when unset (`SMTP_URL`).
    pub smtp_url: Option<SecretString>,
    /// Sender of every e-mail (`APP_MAIL_FROM`).
    pub mail_from: String,
    /// Product name shown in the UI and e-mails (`APP_BRAND`).
    pub brand: String,
    /// Operator code, prefix of merchant IDs (`APP_OPERATOR_CODE`).
    pub operator_code: String,
    /// E-mail of the operator account created on first start (`APP_OPERATOR_EMAIL`).
    pub operator_email: String,
    /// Whom a suspended partner is told to contact (`APP_SUPPORT_CONTACT`).
    pub support_contact: String,
    /// Name each server function's guard in an `x-guard` response header
    /// (`APP_EXPOSE_GUARDS`): for the access sweep test, off by default.
    pub expose_guards: bool,
    /// Proxies whose `X-Forwarded-For` is believed, comma separated (`APP_TRUSTED_PROXIES`).
    pub trusted_proxies: String,
    /// `trusted_proxies` parsed once at load (asked on every request).
    #[serde(skip)]
    trusted_proxy_addrs: Vec<IpAddr>,
    /// `text` or `json` (`APP_LOG_FORMAT`).
    pub log_format: LogFormat,
    /// How often the outbox worker looks for mail, in ms (`APP_MAIL_POLL_MS`).
    pub mail_poll_ms: u64,
    /// Idle minutes before a session expires (`APP_SESSION_IDLE_MINUTES`).
    pub session_idle_minutes: i64,
    /// Digest authentication realm of the Open API (`APP_DIGEST_REALM`).
    pub digest_realm: String,
    /// Address the development gateway listens on (`APP_GATEWAY_DEV_LISTEN`).
    pub gateway_dev_listen: SocketAddr,
    /// Address the production gateway listens on (`APP_GATEWAY_PROD_LISTEN`).
    pub gateway_prod_listen: SocketAddr,
    /// Development gateway URL given to partners (`APP_GATEWAY_DEV_URL`).
    pub gateway_dev_url: String,
    /// Production gateway URL given to partners (`APP_GATEWAY_PROD_URL`).
    pub gateway_prod_url: String,
    /// Largest accepted upload in bytes (`APP_MAX_UPLOAD_BYTES`).
    pub max_upload_bytes: usize,
    /// S3 bucket for uploaded files; local folder `data_dir/files` when unset (`S3_BUCKET`).
    pub s3_bucket: Option<String>,
    /// S3 endpoint of an S3-compatible server (`S3_ENDPOINT`).
    pub s3_endpoint: Option<String>,
    /// S3 region (`S3_REGION`).
    pub s3_region: String,
    /// S3 access key id (`S3_ACCESS_KEY_ID`).
    pub s3_access_key_id: Option<SecretString>,
    /// S3 secret access key (`S3_SECRET_ACCESS_KEY`).
    pub s3_secret_access_key: Option<SecretString>,
    /// Path-style bucket addressing, needed by most S3-compatible servers (`S3_FORCE_PATH_STYLE`).
    pub s3_force_path_style: bool,
    /// Bearer token a metrics scraper sends; `/metrics` is not served without one (`APP_METRICS_TOKEN`).
    pub metrics_token: Option<SecretString>,
    /// Key that signs digest nonces, shared by every gateway instance; made
    /// once and kept in the database when unset (`APP_DIGEST_NONCE_KEY`).
    pub digest_nonce_key: Option<SecretString>,
    /// Most open connections per gateway listener (`APP_GATEWAY_MAX_CONNECTIONS`).
    pub gateway_max_connections: usize,
    /// Seconds a client may take to send a request's head, and its body (`APP_GATEWAY_READ_TIMEOUT_SECS`).
    pub gateway_read_timeout_secs: u64,
    /// Requests one merchant may make per minute, over all instances (`APP_GATEWAY_RATE_PER_MINUTE`).
    pub gateway_rate_per_minute: i32,
    /// Callback URLs may point at private, loopback or link-local addresses
    /// (only for tests and closed networks; `APP_CALLBACKS_ALLOW_PRIVATE`).
    pub callbacks_allow_private: bool,
    /// Days the API log keeps a request before the cleanup job drops it (`APP_API_LOG_RETENTION_DAYS`).
    pub api_log_retention_days: i64,
    /// Production billers by the name the catalog routes to (`products.biller`):
    /// `APP_BILLERS__<NAME>__<SETTING>` or `[billers.<name>]` (see `billers::settings`).
    pub billers: std::collections::BTreeMap<String, crate::billers::settings::BillerSettings>,
    /// Who is e-mailed when a biller is misconfigured or low on balance;
    /// the operator's address when unset (`APP_BILLER_ALERT_EMAIL`).
    pub biller_alert_email: Option<String>,
    /// The payment service's key for our webhooks ("PID", seed 003): signs
    /// `x-servicepayment`; without it no webhook is believed (`APP_PAYMENT_SERVICE_PID`).
    pub payment_service_pid: Option<SecretString>,
    /// The payment service's base URL (`APP_PAYMENT_SERVICE_URL`); top-up
    /// is offered only with it, its e-mail and password.
    pub payment_service_url: Option<Url>,
    /// Our account at the payment service (`APP_PAYMENT_SERVICE_EMAIL`).
    pub payment_service_email: Option<String>,
    /// Its password (`APP_PAYMENT_SERVICE_PASSWORD`).
    pub payment_service_password: Option<SecretString>,
    /// Seconds a call to the payment service may take (`APP_PAYMENT_SERVICE_TIMEOUT_SECS`).
    pub payment_service_timeout_secs: u64,
    /// Path of the service's finance report (seed 003 "Finance Reporting",
    /// whose endpoint the seed leaves to be agreed; `APP_PAYMENT_SERVICE_REPORT_PATH`).
    pub payment_service_report_path: String,
    /// Registrations one address may make per hour (`APP_REGISTER_PER_IP_HOUR`).
    pub register_per_ip_hour: i32,
    /// Smallest top-up, whole Rupiah (`APP_TOPUP_MIN`).
    pub topup_min: i64,
    /// Largest top-up, whole Rupiah (`APP_TOPUP_MAX`).
    pub topup_max: i64,
    /// Minutes a top-up order may be paid (`APP_TOPUP_EXPIRY_MINUTES`).
    pub topup_expiry_minutes: i64,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            listen: SocketAddr::from(([127, 0, 0, 1], 3000)),
            public_url: Url::parse("http://127.0.0.1:3000").unwrap_or_else(|_| unreachable!()),
            data_dir: PathBuf::from("./data"),
            site_root: PathBuf::from("target/site"),
            database_url: None,
            smtp_url: None,
            mail_from: "Web Open API <no-reply@localhost>".into(),
            brand: "Web Open API".into(),
            operator_code: "DJI".into(),
            operator_email: "operator@localhost".into(),
            support_contact: "operator@localhost".into(),
            expose_guards: false,
            trusted_proxies: String::new(),
            trusted_proxy_addrs: Vec::new(),
            log_format: LogFormat::Text,
            mail_poll_ms: 1000,
            session_idle_minutes: 120,
            digest_realm: "Design Jaya Indonesia".into(),
            gateway_dev_listen: SocketAddr::from(([127, 0, 0, 1], 4432)),
            gateway_prod_listen: SocketAddr::from(([127, 0, 0, 1], 8899)),
            gateway_dev_url: "http://127.0.0.1:4432".into(),
            gateway_prod_url: "http://127.0.0.1:8899".into(),
            max_upload_bytes: 5 * 1024 * 1024,
            s3_bucket: None,
            s3_endpoint: None,
            s3_region: "us-east-1".into(),
            s3_access_key_id: None,
            s3_secret_access_key: None,
            s3_force_path_style: true,
            metrics_token: None,
            digest_nonce_key: None,
            gateway_max_connections: 1024,
            gateway_read_timeout_secs: 10,
            gateway_rate_per_minute: 600,
            callbacks_allow_private: false,
            api_log_retention_days: 30,
            billers: std::collections::BTreeMap::new(),
            biller_alert_email: None,
            payment_service_pid: None,
            payment_service_url: None,
            payment_service_email: None,
            payment_service_password: None,
            payment_service_timeout_secs: 20,
            payment_service_report_path: "api/finance_report".into(),
            register_per_ip_hour: 10,
            topup_min: 10_000,
            topup_max: 100_000_000,
            topup_expiry_minutes: 60,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("configuration: {0}")]
    Load(#[from] Box<figment::Error>),
    #[error("configuration: {setting}: {reason}")]
    Invalid { setting: &'static str, reason: String },
}

fn invalid(setting: &'static str, reason: impl Into<String>) -> ConfigError {
    ConfigError::Invalid { setting, reason: reason.into() }
}

impl Config {
    /// Loads from `APP_CONFIG_FILE` (default `webopenapi.toml`, if present)
    /// and the environment, then validates.
    pub fn load() -> Result<Config, ConfigError> {
        let file = std::env::var("APP_CONFIG_FILE").unwrap_or_else(|_| "webopenapi.toml".into());
        Self::from_figment(
            Figment::new()
                .merge(Toml::file(file))
                .merge(Env::prefixed("APP_").ignore(&["CONFIG_FILE"]).split("__"))
                .merge(Env::raw().only(&[
                    "DATABASE_URL",
                    "SMTP_URL",
                    "S3_BUCKET",
                    "S3_ENDPOINT",
                    "S3_REGION",
                    "S3_ACCESS_KEY_ID",
                    "S3_SECRET_ACCESS_KEY",
                    "S3_FORCE_PATH_STYLE",
                ])),
        )
    }

    pub fn from_figment(f: Figment) -> Result<Config, ConfigError> {
        let mut c: Config = f.extract().map_err(Box::new)?;
        c.validate()?;
        c.trusted_proxy_addrs = c.trusted_proxy_ips()?;
        Ok(c)
    }

    fn validate(&self) -> Result<(), ConfigError> {
        if !matches!(self.public_url.scheme(), "http" | "https") {
            return Err(invalid("APP_PUBLIC_URL", "must be an http(s) URL"));
        }
        if let Some(db) = &self.database_url {
            let db = db.expose_secret();
            if !(db.starts_with("sqlite:") || db.starts_with("postgres://") || db.starts_with("postgresql://")) {
                return Err(invalid("DATABASE_URL", "must start with sqlite: or postgres://"));
            }
        }
        if let Some(smtp) = &self.smtp_url {
            let u = Url::parse(smtp.expose_secret()).map_err(|e| invalid("SMTP_URL", e.to_string()))?;
            if !matches!(u.scheme(), "smtp" | "smtps") {
                return Err(invalid("SMTP_URL", "must start with smtp:// or smtps://"));
            }
        }
        if self.mail_from.parse::<lettre::message::Mailbox>().is_err() {
            return Err(invalid("APP_MAIL_FROM", "must be an address like `Name <a@b.c>`"));
        }
        if self.operator_code.is_empty() || !self.operator_code.chars().all(|c| c.is_ascii_alphanumeric()) {
            return Err(invalid("APP_OPERATOR_CODE", "letters and digits only"));
        }
        if domain::account::normalize_email(&self.operator_email).is_err() {
            return Err(invalid("APP_OPERATOR_EMAIL", "must be an e-mail address"));
        }
        self.trusted_proxy_ips()?;
        if let Some(endpoint) = &self.s3_endpoint {
            Url::parse(endpoint).map_err(|e| invalid("S3_ENDPOINT", e.to_string()))?;
        }
        if self.s3_bucket.is_some() != (self.s3_access_key_id.is_some() && self.s3_secret_access_key.is_some()) {
            return Err(invalid("S3_BUCKET", "needs S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY (and they need it)"));
        }
        if self.max_upload_bytes < 1024 {
            return Err(invalid("APP_MAX_UPLOAD_BYTES", "must be at least 1024"));
        }
        if self.gateway_max_connections < 1 || self.gateway_read_timeout_secs < 1 || self.gateway_rate_per_minute < 1 {
            return Err(invalid("APP_GATEWAY_*", "connection cap, read timeout and rate must be at least 1"));
        }
        if self.session_idle_minutes < 1 {
            return Err(invalid("APP_SESSION_IDLE_MINUTES", "must be at least 1"));
        }
        if self.register_per_ip_hour < 1 {
            return Err(invalid("APP_REGISTER_PER_IP_HOUR", "must be at least 1"));
        }
        if self.topup_min < 1 || self.topup_max < self.topup_min || self.topup_expiry_minutes < 1 {
            return Err(invalid("APP_TOPUP_*", "need 1 <= min <= max and an expiry of at least a minute"));
        }
        if !(1..=120).contains(&self.payment_service_timeout_secs) {
            return Err(invalid("APP_PAYMENT_SERVICE_TIMEOUT_SECS", "must be 1 to 120"));
        }
        for (name, b) in &self.billers {
            if let Some(problem) = b.problems(name).into_iter().next() {
                return Err(invalid("APP_BILLERS", format!("{name}: {problem}")));
            }
        }
        Ok(())
    }

    /// The trusted proxies' addresses (parsed when the configuration loaded).
    pub fn trusted_proxy_addrs(&self) -> &[IpAddr] {
        &self.trusted_proxy_addrs
    }

    fn trusted_proxy_ips(&self) -> Result<Vec<IpAddr>, ConfigError> {
        self.trusted_proxies
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| s.parse().map_err(|_| invalid("APP_TRUSTED_PROXIES", format!("`{s}` is not an IP address"))))
            .collect()
    }

    /// The database to connect to: `DATABASE_URL`, else SQLite in `data_dir`.
    pub fn database_url(&self) -> String {
        match &self.database_url {
            Some(url) => url.expose_secret().to_owned(),
            None => format!("sqlite://{}?mode=rwc", self.data_dir.join("webopenapi.db").display()),
        }
    }

    /// The database URL for humans: a password in it is masked.
    pub fn database_url_redacted(&self) -> String {
        redact_url(&self.database_url())
    }

    pub fn mail_dir(&self) -> PathBuf {
        self.data_dir.join("mail")
    }

    /// Cookies get `Secure` when the portal is served over https.
    pub fn cookie_secure(&self) -> bool {
        self.public_url.scheme() == "https"
    }

    /// An absolute link into the portal.
    pub fn link(&self, path_and_query: &str) -> String {
        format!("{}{}", self.public_url.as_str().trim_end_matches('/'), path_and_query)
    }
}

/// `scheme://user:***@host/…`: read with the URL parser, so a password
/// holding `@` or `:` is masked whole.
pub fn redact_url(raw: &str) -> String {
    match Url::parse(raw) {
        Ok(mut u) => {
            if u.password().is_some() {
                let _ = u.set_password(Some("***"));
            }
            u.to_string()
        }
        Err(_) => "(unreadable URL)".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn database_passwords_are_masked_whole() {
        assert_eq!(redact_url("postgres://app:p@ss:w@rd@db.example:5432/wo"), "postgres://app:***@db.example:5432/wo");
        assert_eq!(redact_url("postgres://app@db/wo"), "postgres://app@db/wo");
        assert!(!redact_url("postgres://u:s3cr%40t@h/db").contains("s3cr"));
        assert_eq!(redact_url("sqlite://./data/webopenapi.db?mode=rwc"), "sqlite://./data/webopenapi.db?mode=rwc");
    }
    use figment::providers::Serialized;

    #[test]
    fn defaults_are_valid_and_use_sqlite_in_the_data_dir() {
        let c = Config::from_figment(Figment::new()).unwrap();
        assert!(c.database_url().starts_with("sqlite://./data/"));
        assert!(!c.cookie_secure());
    }

    #[test]
    fn a_bad_setting_is_named_in_the_error() {
        let f = Figment::new().merge(Serialized::default("smtp_url", "http://x"));
        let msg = Config::from_figment(f).unwrap_err().to_string();
        assert!(msg.contains("SMTP_URL"), "{msg}");
        let f = Figment::new().merge(Serialized::default("trusted_proxies", "10.0.0.1, nope"));
        let msg = Config::from_figment(f).unwrap_err().to_string();
        assert!(msg.contains("APP_TRUSTED_PROXIES") && msg.contains("nope"), "{msg}");
        let f = Figment::new().merge(Serialized::default("public_url", "not a url"));
        assert!(Config::from_figment(f).unwrap_err().to_string().contains("public_url"));
    }
}
