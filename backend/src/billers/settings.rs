//! How a production biller is reached: one entry per biller name of the
//! catalog (`products.biller`), from configuration only — URLs, credentials,
//! keys, time limits. In TOML `[billers.pulsa]`, in the environment
//! `APP_BILLERS__PULSA__URL=…` (README lists every setting).

use chrono::{DateTime, NaiveTime, Timelike, Utc};
use secrecy::SecretString;
use serde::Deserialize;
use std::net::IpAddr;
use url::Url;

/// Which protocol the biller speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BillerKind {
    /// Seed 002: pulsa and data packages over `GET trx?…`, `#`-lines.
    Pulsa,
    /// Seed 004: a PDAM's billing API with JWT headers.
    Pdam,
}

/// How the pulsa provider wants the `password` parameter written. The seed
/// says only "enkripsi di depan" and "encodeBase64": which one a provider
/// means is agreed with it, so it is a setting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum PasswordEncoding {
    #[default]
    Plain,
    Base64,
    Md5,
    Sha256,
}

fn default_timeout() -> u64 {
    45
}

/// One biller's settings. Fields of the other kind are ignored.
#[derive(Debug, Clone, Deserialize)]
pub struct BillerSettings {
    pub kind: BillerKind,
    /// Production base URL (pulsa: `http://host:9998/`; PDAM: the `BASE_URL`
    /// before `/api/…`).
    pub url: Url,
    /// When set, development traffic of this biller's products goes through
    /// the same adapter to this URL (a simulator) instead of the sandbox.
    #[serde(default)]
    pub development_url: Option<Url>,
    /// Shown to staff next to the biller: it is a simulator, not a provider.
    #[serde(default)]
    pub simulator: bool,
    /// Seconds one call may take (at most 60: see `billers::MAX_TIMEOUT`).
    #[serde(default = "default_timeout")]
    pub timeout_secs: u64,
    /// Staff are alerted (e-mail) when the provider balance falls below.
    #[serde(default)]
    pub low_balance: Option<i64>,

    // Pulsa provider (seed 002).
    #[serde(default, deserialize_with = "text")]
    pub memberid: String,
    #[serde(default, deserialize_with = "secret")]
    pub pin: Option<SecretString>,
    #[serde(default, deserialize_with = "secret")]
    pub password: Option<SecretString>,
    #[serde(default)]
    pub password_encoding: PasswordEncoding,
    /// Written before the encoded password ("enkripsi di depan"), if agreed.
    #[serde(default, deserialize_with = "text")]
    pub password_prefix: String,
    /// Addresses the provider's reports may come from, comma separated.
    #[serde(default)]
    pub report_from: String,
    /// The provider's daily cut-off, WIB, `HH:MM-HH:MM` (seed: 23:30–00:30).
    #[serde(default = "default_cutoff")]
    pub cutoff: String,

    // PDAM (seed 004).
    #[serde(default, deserialize_with = "text")]
    pub user: String,
    #[serde(default, deserialize_with = "secret")]
    pub pass: Option<SecretString>,
    #[serde(default, deserialize_with = "text")]
    pub kodeloket: String,
    #[serde(default, deserialize_with = "secret")]
    pub key: Option<SecretString>,
    /// `kasir` of a payment (the counter clerk's name at the PDAM).
    #[serde(default, deserialize_with = "text")]
    pub kasir: String,
}

/// A setting written as text, also when the environment made it a number
/// (`APP_BILLERS__PULSA__PIN=1234` arrives as the integer 1234).
fn text<'de, D: serde::Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Raw {
        Text(String),
        Int(i64),
        Float(f64),
        Bool(bool),
    }
    Ok(match Raw::deserialize(d)? {
        Raw::Text(s) => s,
        Raw::Int(n) => n.to_string(),
        Raw::Float(f) => f.to_string(),
        Raw::Bool(b) => b.to_string(),
    })
}

/// A secret setting; empty counts as not set.
fn secret<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<SecretString>, D::Error> {
    let s = text(d)?;
    Ok((!s.trim().is_empty()).then(|| SecretString::from(s)))
}

fn default_cutoff() -> String {
    "23:30-00:30".into()
}

/// A daily closed window in WIB, which may run past midnight.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CutOff {
    pub from: NaiveTime,
    pub to: NaiveTime,
}

impl CutOff {
    /// `HH:MM-HH:MM`; empty means no cut-off.
    pub fn parse(s: &str) -> Result<Option<CutOff>, String> {
        let s = s.trim();
        if s.is_empty() {
            return Ok(None);
        }
        let (a, b) = s.split_once('-').ok_or_else(|| format!("`{s}` is not HH:MM-HH:MM"))?;
        let t = |x: &str| NaiveTime::parse_from_str(x.trim(), "%H:%M").map_err(|_| format!("`{x}` is not HH:MM"));
        Ok(Some(CutOff { from: t(a)?, to: t(b)? }))
    }

    /// Whether `now` falls in the window (WIB).
    pub fn covers(&self, now: DateTime<Utc>) -> bool {
        let t = now.with_timezone(&crate::infra::wib::offset()).time();
        let t = NaiveTime::from_hms_opt(t.hour(), t.minute(), t.second()).unwrap_or(t);
        if self.from <= self.to {
            self.from <= t && t < self.to
        } else {
            t >= self.from || t < self.to
        }
    }
}

impl BillerSettings {
    /// What is wrong with it, for `Config::validate` (`name` is its key).
    pub fn problems(&self, name: &str) -> Vec<String> {
        let mut out = Vec::new();
        let valid_name = !name.is_empty()
            && name.len() <= 40
            && name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
        if !valid_name {
            out.push("the name must be lower-case letters, digits and _".into());
        }
        if !(1..=super::MAX_TIMEOUT.as_secs()).contains(&self.timeout_secs) {
            out.push(format!("timeout_secs must be 1–{}", super::MAX_TIMEOUT.as_secs()));
        }
        for u in std::iter::once(&self.url).chain(self.development_url.as_ref()) {
            if !matches!(u.scheme(), "http" | "https") {
                out.push(format!("`{u}` is not an http(s) URL"));
            }
        }
        match self.kind {
            BillerKind::Pulsa => {
                if self.memberid.trim().is_empty() || self.pin.is_none() || self.password.is_none() {
                    out.push("a pulsa biller needs memberid, pin and password".into());
                }
                if let Err(e) = CutOff::parse(&self.cutoff) {
                    out.push(format!("cutoff: {e}"));
                }
                if let Err(e) = self.report_addresses() {
                    out.push(e);
                }
            }
            BillerKind::Pdam => {
                if self.user.trim().is_empty() || self.pass.is_none() || self.kodeloket.trim().is_empty() {
                    out.push("a PDAM biller needs user, pass and kodeloket".into());
                }
                if self.key.is_none() {
                    out.push("a PDAM biller needs its key".into());
                }
            }
        }
        out
    }

    /// The provider's report addresses (`report_from`).
    pub fn report_addresses(&self) -> Result<Vec<IpAddr>, String> {
        self.report_from
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| s.parse().map_err(|_| format!("report_from: `{s}` is not an IP address")))
            .collect()
    }

    /// The cut-off window (validated at load).
    pub fn cut_off(&self) -> Option<CutOff> {
        CutOff::parse(&self.cutoff).ok().flatten()
    }

    pub fn timeout(&self) -> std::time::Duration {
        std::time::Duration::from_secs(self.timeout_secs)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn numbers_from_the_environment_are_read_as_text_and_empty_secrets_as_missing() {
        let v = serde_json::json!({"kind": "pulsa", "url": "http://h/", "memberid": 77, "pin": 1234, "password": ""});
        let s: BillerSettings = serde_json::from_value(v).unwrap();
        assert_eq!(s.memberid, "77");
        assert_eq!(s.pin.as_ref().map(|p| secrecy::ExposeSecret::expose_secret(p).to_owned()), Some("1234".into()));
        assert!(s.password.is_none());
        assert!(!s.problems("pulsa").is_empty(), "no password");
    }

    #[test]
    fn the_cut_off_runs_past_midnight_in_wib() {
        let c = CutOff::parse("23:30-00:30").unwrap().unwrap();
        // 16:29 UTC = 23:29 WIB: open; 16:30 UTC = 23:30 WIB: closed.
        assert!(!c.covers(Utc.with_ymd_and_hms(2026, 12, 1, 16, 29, 59).unwrap()));
        assert!(c.covers(Utc.with_ymd_and_hms(2026, 12, 1, 16, 30, 0).unwrap()));
        assert!(c.covers(Utc.with_ymd_and_hms(2026, 12, 1, 17, 15, 0).unwrap()));
        assert!(c.covers(Utc.with_ymd_and_hms(2026, 12, 1, 17, 29, 59).unwrap()));
        assert!(!c.covers(Utc.with_ymd_and_hms(2026, 12, 1, 17, 30, 0).unwrap()));
        assert!(!c.covers(Utc.with_ymd_and_hms(2026, 12, 1, 5, 0, 0).unwrap()));
        let day = CutOff::parse("10:00-11:00").unwrap().unwrap();
        assert!(day.covers(Utc.with_ymd_and_hms(2026, 12, 1, 3, 30, 0).unwrap()));
        assert_eq!(CutOff::parse("").unwrap(), None);
        assert!(CutOff::parse("23:30").is_err());
    }
}
