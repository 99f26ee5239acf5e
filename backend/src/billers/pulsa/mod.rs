//! The pulsa & data provider of seed 002 ("kiosAMPM"): one synchronous
//! `GET {base}/trx?memberid=…&dest=…&product=…&refid=…&pin=…&password=…`
//! per purchase, a `#`-line back (see `reply`), and `GET {base}/balance`.
//!
//! Our `refid` is the transaction's own id, so it is unique across partners
//! and is the provider's idempotency key ("CrossCheck"): asking how a
//! pending purchase went is sending the same refid, product and number
//! again, which the provider answers with its "double" row (12) carrying
//! the original's status. Pending purchases are also closed by the
//! provider's report to our report URL (`report`).

pub mod reply;
pub mod report;

use super::calls::{Call, CallLog};
use super::settings::{BillerSettings, PasswordEncoding};
use super::{Bill, BillRequest, Biller, BillerError, BillerPrice, PayOutcome, PayRequest, PollPolicy};
use crate::gateway::rc::Rc;
use base64::Engine;
use reply::{Earlier, Reply};
use secrecy::ExposeSecret;
use serde_json::json;
use sha2::Digest;
use std::sync::Arc;
use std::time::{Duration, Instant};
use url::Url;

/// The most of a reply we read (a reply is one short line).
const REPLY_MAX: usize = 16 * 1024;

pub struct Pulsa {
    pub base: Url,
    pub settings: Arc<BillerSettings>,
    pub http: reqwest::Client,
    pub log: CallLog,
}

/// The refid we send for a transaction: its id, 32 hex digits.
pub fn refid(id: uuid::Uuid) -> String {
    id.simple().to_string()
}

impl Pulsa {
    /// The password as the provider wants it (`password_encoding`).
    fn password(&self) -> String {
        let plain = self.settings.password.as_ref().map(|p| p.expose_secret().to_owned()).unwrap_or_default();
        let encoded = match self.settings.password_encoding {
            PasswordEncoding::Plain => plain,
            PasswordEncoding::Base64 => base64::engine::general_purpose::STANDARD.encode(plain),
            PasswordEncoding::Md5 => hex::encode(md5::Md5::digest(plain.as_bytes())),
            PasswordEncoding::Sha256 => hex::encode(sha2::Sha256::digest(plain.as_bytes())),
        };
        format!("{}{encoded}", self.settings.password_prefix)
    }

    fn pin(&self) -> String {
        self.settings.pin.as_ref().map(|p| p.expose_secret().to_owned()).unwrap_or_default()
    }

    /// `{base}/{path}?…` with the parameters in the seed's order.
    fn url(&self, path: &str, params: &[(&str, &str)]) -> Url {
        let mut base = self.base.clone();
        if !base.path().ends_with('/') {
            let p = format!("{}/", base.path());
            base.set_path(&p);
        }
        let mut url = base.join(path).unwrap_or(base);
        url.query_pairs_mut().extend_pairs(params);
        url
    }

    fn trx_url(&self, req: &PayRequest) -> Url {
        let (pin, password, refid) = (self.pin(), self.password(), refid(req.id));
        self.url(
            "trx",
            &[
                ("memberid", self.settings.memberid.as_str()),
                ("dest", req.customer_id.as_str()),
                ("product", req.product_code.as_str()),
                ("refid", refid.as_str()),
                ("pin", pin.as_str()),
                ("password", password.as_str()),
            ],
        )
    }

    /// One GET; the reply's text, or how it failed.
    async fn get(&self, url: Url) -> Result<String, BillerError> {
        let res = self.http.get(url).timeout(self.settings.timeout()).send().await.map_err(transport)?;
        // Refused at the door (credentials, our address): nothing was sold.
        if matches!(res.status().as_u16(), 401 | 403) {
            let text = format!(
                "Provider pulsa menolak akses (HTTP {}): periksa memberid, pin, password dan IP kita.",
                res.status().as_u16()
            );
            self.log.alert(&text).await;
            return Err(BillerError::Misconfigured(format!("HTTP {}", res.status().as_u16())));
        }
        let bytes = res.bytes().await.map_err(transport)?;
        let cut = bytes.get(..REPLY_MAX).unwrap_or(&bytes);
        Ok(String::from_utf8_lossy(cut).into_owned())
    }

    /// Sends one purchase (or its cross-check) and reads the answer.
    async fn trx(&self, operation: &str, req: &PayRequest) -> Result<PayOutcome, BillerError> {
        let url = self.trx_url(req);
        let started = Instant::now();
        let got = self.get(url.clone()).await;
        let (reply_text, outcome) = match &got {
            Ok(text) => (text.clone(), self.read(req, text).await),
            Err(e) => (e.to_string(), Err(e.clone())),
        };
        let call = Call {
            operation,
            transaction: Some(req.id),
            request: format!("GET {}", masked(&url)),
            reply: &reply_text,
            outcome: super::describe(&outcome),
            started,
        };
        self.log.record(call).await;
        outcome
    }

    /// What a reply line means for this purchase.
    async fn read(&self, req: &PayRequest, text: &str) -> Result<PayOutcome, BillerError> {
        let reply = reply::parse(text);
        // A line about another refid is no answer about this one.
        if reply.head().is_some_and(|h| !h.refid.eq_ignore_ascii_case(&refid(req.id))) {
            tracing::warn!(biller = %self.log.biller, "pulsa reply for another refid: treated as pending");
            return Ok(pending(None));
        }
        match reply {
            Reply::Success { head, sn, price, balance_after } => {
                if let Some(b) = balance_after {
                    self.balance_seen(b).await;
                }
                self.check_price(req, price).await;
                Ok(success(req, &head.trxid, &sn))
            }
            Reply::Double { head, earlier: Earlier::Success, sn } => Ok(success(req, &head.trxid, &sn)),
            Reply::Double { earlier: Earlier::Failed, .. } => Ok(PayOutcome::Failed { rc: Rc::Failed }),
            Reply::Double { head, earlier: Earlier::Pending, .. } | Reply::Pending { head } => {
                Ok(pending(Some(head.trxid)))
            }
            // The provider's side is down for this product: nothing was
            // sold, and it counts towards the breaker like silence does.
            Reply::Failed { failure: reply::Failure::ProductDisturbed, .. } => {
                Err(BillerError::Down("provider: produk sedang gangguan".into()))
            }
            Reply::Failed { failure, .. } => {
                if failure.needs_staff() {
                    self.log
                        .alert(&format!(
                            "Provider pulsa menolak dengan alasan {failure:?} (produk {}).",
                            req.product_code
                        ))
                        .await;
                }
                Ok(PayOutcome::Failed { rc: failure.rc() })
            }
            Reply::Unknown => Ok(pending(None)),
        }
    }

    /// The price check of each sale: a provider charging more than the
    /// catalog's buy price is told to staff (the sale itself stands).
    async fn check_price(&self, req: &PayRequest, charged: Option<i64>) {
        let Some(charged) = charged.filter(|c| req.buy_price > 0 && *c > req.buy_price) else { return };
        let text = format!(
            "Provider menagih {} untuk {}, katalog mencatat harga beli {}: periksa harga produk.",
            domain::finance::rupiah(charged),
            req.product_code,
            domain::finance::rupiah(req.buy_price)
        );
        self.log.alert(&text).await;
    }

    /// Keeps the balance the provider reported and alerts when it is low.
    async fn balance_seen(&self, balance: i64) {
        if let Err(e) = super::calls::save_balance(&self.log.db, &self.log.biller, balance).await {
            tracing::error!(error = %e, "provider balance not saved");
        }
        if self.settings.low_balance.is_some_and(|low| balance < low) {
            let text = format!(
                "Saldo di provider tinggal {} (batas peringatan {}).",
                domain::finance::rupiah(balance),
                domain::finance::rupiah(self.settings.low_balance.unwrap_or(0))
            );
            self.log.alert(&text).await;
        }
    }

    /// `GET {base}/balance`: the provider balance, read from the first
    /// Rupiah amount of the reply (the seed gives no format for it).
    pub async fn check_balance(&self) -> Result<i64, BillerError> {
        let (pin, password) = (self.pin(), self.password());
        let url = self.url(
            "balance",
            &[("memberid", self.settings.memberid.as_str()), ("pin", pin.as_str()), ("password", password.as_str())],
        );
        let started = Instant::now();
        let got = self.get(url.clone()).await;
        let balance = got.as_ref().ok().and_then(|t| balance_in(t));
        let reply_text = match &got {
            Ok(t) => t.clone(),
            Err(e) => e.to_string(),
        };
        let outcome = balance
            .map_or_else(|| "saldo tidak terbaca".to_owned(), |b| format!("saldo {}", domain::finance::rupiah(b)));
        self.log
            .record(Call {
                operation: "balance",
                transaction: None,
                request: format!("GET {}", masked(&url)),
                reply: &reply_text,
                outcome,
                started,
            })
            .await;
        got?;
        let b = balance.ok_or(BillerError::Timeout)?;
        self.balance_seen(b).await;
        Ok(b)
    }

    fn in_cut_off(&self) -> bool {
        self.settings.cut_off().is_some_and(|c| c.covers(chrono::Utc::now()))
    }
}

/// The first amount after "saldo" (or the first amount at all) in a reply.
pub fn balance_in(text: &str) -> Option<i64> {
    let lower = text.to_lowercase();
    let from = lower.find("saldo").map_or(0, |i| i + "saldo".len());
    let tail = text.get(from..)?;
    tail.split(['#', '=', ' ', ':']).filter(|w| w.chars().any(|c| c.is_ascii_digit())).find_map(reply::rupiah)
}

/// The URL with pin and password masked, for the call log.
pub fn masked(url: &Url) -> String {
    let mut u = url.clone();
    let pairs: Vec<(String, String)> = url
        .query_pairs()
        .map(|(k, v)| {
            let v = if matches!(k.as_ref(), "pin" | "password" | "sign") { "***".to_owned() } else { v.into_owned() };
            (k.into_owned(), v)
        })
        .collect();
    u.query_pairs_mut().clear().extend_pairs(pairs);
    u.to_string()
}

/// A transport failure: refused before anything was sent is "down"
/// (nothing happened there); anything later is "no answer" (pending).
fn transport(e: reqwest::Error) -> BillerError {
    if e.is_connect() {
        BillerError::Down("provider tidak dapat dihubungi".into())
    } else {
        BillerError::Timeout
    }
}

fn pending(trxid: Option<String>) -> PayOutcome {
    PayOutcome::Pending { biller_ref: trxid.unwrap_or_default() }
}

/// A sale as the partner sees it. The provider's buy price stays ours: it
/// is in the call log's reply for staff, never in the partner's answer.
fn success(req: &PayRequest, trxid: &str, sn: &str) -> PayOutcome {
    let data = json!({ "sn": sn, "noReferensi": req.reference_id, "trxid": trxid });
    PayOutcome::Success { sn: sn.to_owned(), data }
}

#[async_trait::async_trait]
impl Biller for Pulsa {
    /// The provider sells at fixed prices: there is nothing to inquire.
    async fn inquiry(&self, _req: &BillRequest) -> Result<Bill, BillerError> {
        Err(BillerError::Declined(Rc::UnknownMessage))
    }

    async fn pay(&self, req: &PayRequest) -> Result<PayOutcome, BillerError> {
        if self.in_cut_off() {
            return Err(BillerError::Declined(Rc::CutOff));
        }
        self.trx("payment", req).await
    }

    /// The CrossCheck: the same refid, product and number again.
    async fn status(&self, req: &PayRequest, biller_ref: &str) -> Result<PayOutcome, BillerError> {
        if self.in_cut_off() {
            return Ok(pending(Some(biller_ref.to_owned())));
        }
        self.trx("status", req).await
    }

    /// Seed 002 publishes no price list (the price comes with each sale).
    async fn price_list(&self) -> Result<Vec<BillerPrice>, BillerError> {
        Ok(Vec::new())
    }

    /// The provider re-checks every 30 s for at most 15 minutes.
    fn polling(&self) -> PollPolicy {
        PollPolicy {
            first: Duration::from_secs(30),
            max_interval: Duration::from_secs(30),
            window: Some(Duration::from_secs(15 * 60)),
        }
    }

    fn timeout(&self) -> Duration {
        self.settings.timeout()
    }

    fn closed_now(&self) -> Option<Rc> {
        self.in_cut_off().then_some(Rc::CutOff)
    }

    async fn balance(&self) -> Option<Result<i64, BillerError>> {
        Some(self.check_balance().await)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_log_never_shows_pin_or_password() {
        let u = Url::parse("http://h:9998/trx?memberid=M1&dest=0812&product=S10&refid=r&pin=1234&password=rahasia")
            .unwrap();
        let m = masked(&u);
        assert!(!m.contains("1234") && !m.contains("rahasia"), "{m}");
        assert!(m.contains("memberid=M1") && m.contains("pin=***"), "{m}");
    }

    #[test]
    fn a_balance_reply_is_read_in_any_of_the_usual_shapes() {
        assert_eq!(balance_in("#Saldo Rp.1,234,567#"), Some(1_234_567));
        assert_eq!(balance_in("Saldo anda Rp. 50,000"), Some(50_000));
        assert_eq!(balance_in("saldo: 75000"), Some(75_000));
        assert_eq!(balance_in("maaf"), None);
    }
}
