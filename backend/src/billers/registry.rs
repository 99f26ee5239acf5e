//! The configured billers, built once at start: per biller name its
//! production adapter and, when it has a development URL, its development
//! adapter — sharing one HTTP client.

use super::calls::CallLog;
use super::pdam::Pdam;
use super::pulsa::Pulsa;
use super::sandbox::Sandbox;
use super::settings::{BillerKind, BillerSettings};
use super::Biller;
use crate::config::Config;
use crate::ledger::Env;
use sea_orm::DatabaseConnection;
use std::collections::BTreeMap;
use std::sync::Arc;
use url::Url;

/// One configured biller's adapters.
struct Entry {
    settings: Arc<BillerSettings>,
    production: Arc<dyn Biller>,
    development: Option<Arc<dyn Biller>>,
    log: CallLog,
}

pub struct Registry {
    entries: BTreeMap<String, Entry>,
    sandbox: Arc<dyn Biller>,
}

/// What staff see of a configured biller's settings (no secrets).
#[derive(Debug, Clone)]
pub struct Described {
    pub name: String,
    pub kind: BillerKind,
    pub url: String,
    pub development_url: Option<String>,
    pub simulator: bool,
    pub low_balance: Option<i64>,
}

impl Registry {
    pub fn build(config: &Config, db: &DatabaseConnection) -> anyhow::Result<Registry> {
        let http = reqwest::Client::builder()
            .connect_timeout(std::time::Duration::from_secs(5))
            .redirect(reqwest::redirect::Policy::none())
            .build()?;
        let mut entries = BTreeMap::new();
        for (name, settings) in &config.billers {
            let settings = Arc::new(settings.clone());
            let log = |env| CallLog {
                db: db.clone(),
                biller: name.clone(),
                env,
                alert_to: config.biller_alert_email.clone().unwrap_or_else(|| config.operator_email.clone()),
                brand: config.brand.clone(),
            };
            let adapter = |url: &Url, env| adapter(&settings, url.clone(), http.clone(), log(env));
            let entry = Entry {
                production: adapter(&settings.url, Env::Production),
                development: settings.development_url.as_ref().map(|u| adapter(u, Env::Development)),
                log: log(Env::Production),
                settings: settings.clone(),
            };
            entries.insert(name.clone(), entry);
        }
        Ok(Registry { entries, sandbox: Arc::new(Sandbox) })
    }

    /// The configured adapter of `biller` in `env`, if any.
    pub fn get(&self, biller: &str, env: Env) -> Option<Arc<dyn Biller>> {
        let e = self.entries.get(biller)?;
        match env {
            Env::Production => Some(e.production.clone()),
            Env::Development => e.development.clone(),
        }
    }

    pub fn sandbox(&self) -> Arc<dyn Biller> {
        self.sandbox.clone()
    }

    /// Where a biller's calls and reports are written.
    pub fn log_of(&self, biller: &str) -> Option<&CallLog> {
        self.entries.get(biller).map(|e| &e.log)
    }

    /// The configured billers, by name.
    pub fn describe(&self) -> Vec<Described> {
        self.entries
            .iter()
            .map(|(name, e)| Described {
                name: name.clone(),
                kind: e.settings.kind,
                url: crate::config::redact_url(e.settings.url.as_str()),
                development_url: e.settings.development_url.as_ref().map(|u| crate::config::redact_url(u.as_str())),
                simulator: e.settings.simulator,
                low_balance: e.settings.low_balance,
            })
            .collect()
    }

    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.entries.keys().map(String::as_str)
    }
}

fn adapter(settings: &Arc<BillerSettings>, base: Url, http: reqwest::Client, log: CallLog) -> Arc<dyn Biller> {
    match settings.kind {
        BillerKind::Pulsa => Arc::new(Pulsa { base, settings: settings.clone(), http, log }),
        BillerKind::Pdam => Arc::new(Pdam { base, settings: settings.clone(), http, log }),
    }
}
