//! A PDAM's billing API (seed 004): inquiry, payment and payment status,
//! each with a fresh JWT header token. One configured instance per PDAM;
//! the catalog routes each PDAM product to its instance by biller name.
//!
//! Never pay twice: when a payment's answer is lost (no reply, a broken
//! connection, an application error, a body that is not the seed's), the
//! adapter asks `billing-payinfo` first; only a "not paid yet" (020) lets
//! it send the payment once more. Anything still unclear stays pending for
//! the status worker, which asks `billing-payinfo` too.

pub mod protocol;

use super::calls::{Call, CallLog};
use super::settings::BillerSettings;
use super::{Bill, BillRequest, Biller, BillerError, BillerPrice, PayOutcome, PayRequest, PollPolicy};
use crate::gateway::rc::Rc;
use protocol::{Claims, Code, Reply};
use secrecy::ExposeSecret;
use serde_json::{json, Value};
use std::sync::Arc;
use std::time::{Duration, Instant};
use url::Url;

const BODY_MAX: usize = 256 * 1024;

pub struct Pdam {
    pub base: Url,
    pub settings: Arc<BillerSettings>,
    pub http: reqwest::Client,
    pub log: CallLog,
}

/// What a reply code means to us — the one mapping of seed 004's codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Meaning {
    /// 004/005: bills follow.
    Bills,
    /// 015 (payment) or 021 (payinfo): paid.
    Paid,
    /// 020: not paid yet.
    NotPaid,
    /// A refusal about the customer or the bill, with our rc.
    Refused(Rc),
    /// 001/100/900/902: our credentials, key or request are wrong — the
    /// biller is misconfigured, not the partner's fault.
    Misconfigured,
    /// 901: the header token expired (one retry with a new one).
    TokenExpired,
    /// 101, an unknown code or a body that is not the seed's: unclear.
    Unclear,
}

fn meaning(status: &str) -> Meaning {
    match Code::of(status) {
        Some(Code::CustomerFound | Code::BillAvailable) => Meaning::Bills,
        Some(Code::Paid | Code::AlreadyPaid) => Meaning::Paid,
        Some(Code::NotPaid) => Meaning::NotPaid,
        Some(Code::NoCustomer) => Meaning::Refused(Rc::WrongCustomerNumber),
        Some(Code::NoBill | Code::NothingToPay) => Meaning::Refused(Rc::NoDataOrPaid),
        Some(Code::TooManyBills) => Meaning::Refused(Rc::ArrearsOverMaximum),
        Some(Code::PeriodNotAvailable) => Meaning::Refused(Rc::NewBillNotYet),
        Some(Code::WrongTotal) => Meaning::Refused(Rc::WrongAmount),
        Some(Code::WrongCredentials | Code::WrongPayToken | Code::WrongMethod | Code::TokenWrong) => {
            Meaning::Misconfigured
        }
        Some(Code::TokenExpired) => Meaning::TokenExpired,
        Some(Code::AppError) | None => Meaning::Unclear,
    }
}

/// A call's result before it is given a meaning.
enum Answer {
    Reply(Reply),
    /// Sent, but no reply we can read: the outcome is unknown.
    Lost(String),
}

/// `YYYYMM` of a request, else the current WIB month.
fn periode_of(asked: Option<&str>) -> String {
    match asked.map(str::trim) {
        Some(p) if p.len() == 6 && p.bytes().all(|b| b.is_ascii_digit()) => p.to_owned(),
        _ => chrono::Utc::now().with_timezone(&crate::infra::wib::offset()).format("%Y%m").to_string(),
    }
}

impl Pdam {
    fn key(&self) -> String {
        self.settings.key.as_ref().map(|k| k.expose_secret().to_owned()).unwrap_or_default()
    }

    /// A fresh header token (`tanggal` = now, WIB).
    fn header_token(&self) -> String {
        let claims = Claims {
            user: self.settings.user.clone(),
            pass: self.settings.pass.as_ref().map(|p| p.expose_secret().to_owned()).unwrap_or_default(),
            kodeloket: self.settings.kodeloket.clone(),
            tanggal: protocol::wib_now(chrono::Utc::now()),
        };
        protocol::jwt(&claims, self.key().as_bytes())
    }

    fn url(&self, segments: &[&str]) -> Url {
        let mut url = self.base.clone();
        if let Ok(mut path) = url.path_segments_mut() {
            path.pop_if_empty().push("api").extend(segments);
        }
        url
    }

    /// One request with a fresh token; a 901 is tried once more with a new one.
    async fn call(
        &self,
        operation: &str,
        req_id: Option<uuid::Uuid>,
        url: Url,
        body: Option<&Value>,
    ) -> Result<Answer, BillerError> {
        let mut answer = self.send(operation, req_id, &url, body).await?;
        if matches!(&answer, Answer::Reply(r) if meaning(&r.status) == Meaning::TokenExpired) {
            answer = self.send(operation, req_id, &url, body).await?;
        }
        Ok(answer)
    }

    async fn send(
        &self,
        operation: &str,
        req_id: Option<uuid::Uuid>,
        url: &Url,
        body: Option<&Value>,
    ) -> Result<Answer, BillerError> {
        let started = Instant::now();
        let request = match body {
            Some(b) => self.http.post(url.clone()).json(b),
            None => self.http.get(url.clone()),
        };
        let sent = request
            .bearer_auth(self.header_token())
            .header(reqwest::header::CONTENT_TYPE, "application/json")
            .timeout(self.settings.timeout())
            .send()
            .await;
        let result = match sent {
            Err(e) if e.is_connect() => Err(BillerError::Down("PDAM tidak dapat dihubungi".into())),
            Err(e) => Ok((Answer::Lost(e.to_string()), e.to_string())),
            Ok(res) => match res.bytes().await {
                Err(e) => Ok((Answer::Lost(e.to_string()), e.to_string())),
                Ok(bytes) => {
                    let cut = bytes.get(..BODY_MAX).unwrap_or(&bytes);
                    let text = String::from_utf8_lossy(cut).into_owned();
                    match protocol::parse_reply(cut) {
                        Some(r) => Ok((Answer::Reply(r), text)),
                        None => Ok((Answer::Lost("bukan balasan PDAM".into()), text)),
                    }
                }
            },
        };
        let (outcome, reply) = match &result {
            Ok((Answer::Reply(r), text)) => (format!("{} {}", r.status, r.message), text.clone()),
            Ok((Answer::Lost(why), text)) => (format!("tidak jelas: {why}"), text.clone()),
            Err(e) => (format!("error: {e}"), e.to_string()),
        };
        let request = match body {
            Some(b) => format!("POST {url} {}", masked(b)),
            None => format!("GET {url}"),
        };
        self.log.record(Call { operation, transaction: req_id, request, reply: &reply, outcome, started }).await;
        result.map(|(a, _)| a)
    }

    /// A misconfiguration: staff are alerted, the breaker opens.
    async fn misconfigured(&self, r: &Reply) -> BillerError {
        let text =
            format!("PDAM menjawab {} ({}): periksa user, pass, kodeloket dan key biller ini.", r.status, r.message);
        self.log.alert(&text).await;
        BillerError::Misconfigured(format!("PDAM {}: {}", r.status, r.message))
    }

    async fn payinfo(&self, req: &PayRequest) -> Result<Answer, BillerError> {
        let periode = periode_of(req.periode.as_deref());
        let url = self.url(&["billing-payinfo", &req.customer_id, &periode]);
        self.call("status", Some(req.id), url, None).await
    }

    async fn post_payment(&self, req: &PayRequest) -> Result<Answer, BillerError> {
        let tglbayar = protocol::wib_now(chrono::Utc::now());
        let body = json!({
            "nosamb": req.customer_id,
            "tglbayar": tglbayar,
            "totalbayar": req.tagihan,
            "kasir": self.settings.kasir,
            "token": protocol::pay_token(&req.customer_id, &tglbayar, &self.key()),
            "periode": periode_of(req.periode.as_deref()),
        });
        self.call("payment", Some(req.id), self.url(&["billing-payment"]), Some(&body)).await
    }

    /// What a payment or payinfo answer says about the payment.
    async fn outcome(&self, req: &PayRequest, answer: &Answer) -> Option<Result<PayOutcome, BillerError>> {
        let Answer::Reply(r) = answer else { return None };
        Some(match meaning(&r.status) {
            Meaning::Paid => Ok(paid(req, r)),
            Meaning::NotPaid => Ok(PayOutcome::NotFound),
            Meaning::Refused(rc) => Ok(PayOutcome::Failed { rc }),
            Meaning::Misconfigured => Err(self.misconfigured(r).await),
            Meaning::TokenExpired => Err(self.misconfigured(r).await),
            Meaning::Bills | Meaning::Unclear => return None,
        })
    }
}

/// Secrets out of a payment body for the call log.
fn masked(body: &Value) -> String {
    let mut b = body.clone();
    if b.get("token").is_some() {
        b["token"] = json!("***");
    }
    b.to_string()
}

fn paid(req: &PayRequest, r: &Reply) -> PayOutcome {
    let first = r.data.first();
    let tglbayar = protocol::text(first.and_then(|d| d.get("tglbayar")));
    let loket = protocol::text(first.and_then(|d| d.get("loket")));
    let sn: String = tglbayar.chars().filter(char::is_ascii_digit).collect();
    let data = json!({
        "sn": sn,
        "noReferensi": req.reference_id,
        "periode": periode_of(req.periode.as_deref()),
        "tglbayar": tglbayar,
        "loket": loket,
        "rincian": r.data.iter().map(month).collect::<Vec<_>>(),
    });
    PayOutcome::Success { sn, data }
}

/// One month of a bill as partners see it.
fn month(d: &Value) -> Value {
    let n = |k: &str| protocol::number(d.get(k)).unwrap_or(0);
    json!({
        "periode": protocol::text(d.get("periode")),
        "pakai": protocol::text(d.get("pakai")),
        "stanlalu": protocol::text(d.get("stanlalu")),
        "stanskrg": protocol::text(d.get("stanskrg")),
        "rekair": n("rekair"),
        "denda": n("denda"),
        "total": n("total"),
    })
}

/// The bills of an inquiry, summed (several months are paid together).
fn bill_of(asked: &str, r: &Reply) -> Option<Bill> {
    let first = r.data.first()?;
    let mut total = 0i64;
    for d in &r.data {
        total = total.checked_add(protocol::number(d.get("total"))?)?;
    }
    Some(Bill {
        name: protocol::text(first.get("pelanggan")),
        tagihan: total,
        periode: asked.to_owned(),
        details: json!({
            "alamat": protocol::text(first.get("alamat")),
            "golongan": protocol::text(first.get("golongan")),
            "lembar": r.data.len(),
            "rincian": r.data.iter().map(month).collect::<Vec<_>>(),
        }),
    })
}

#[async_trait::async_trait]
impl Biller for Pdam {
    async fn inquiry(&self, req: &BillRequest) -> Result<Bill, BillerError> {
        let periode = periode_of(req.periode.as_deref());
        let url = self.url(&["billing-inquiry", &req.customer_id, &periode]);
        let Answer::Reply(r) = self.call("inquiry", None, url, None).await? else {
            return Err(BillerError::Down("PDAM tidak menjawab dengan format yang dikenal".into()));
        };
        match meaning(&r.status) {
            Meaning::Bills => bill_of(&periode, &r).ok_or(BillerError::Declined(Rc::NoDataOrPaid)),
            Meaning::Refused(rc) => Err(BillerError::Declined(rc)),
            Meaning::Paid => Err(BillerError::Declined(Rc::AlreadyPaid)),
            Meaning::NotPaid => Err(BillerError::Declined(Rc::NoDataOrPaid)),
            Meaning::Misconfigured | Meaning::TokenExpired => Err(self.misconfigured(&r).await),
            Meaning::Unclear => Err(BillerError::Down(format!("PDAM {}: {}", r.status, r.message))),
        }
    }

    async fn pay(&self, req: &PayRequest) -> Result<PayOutcome, BillerError> {
        let first = self.post_payment(req).await?;
        if let Some(known) = self.outcome(req, &first).await {
            // A "not paid" answer to a payment is no answer: ask below.
            if known != Ok(PayOutcome::NotFound) {
                return known;
            }
        }
        // The answer is lost: payinfo first, never a blind second payment.
        match self.outcome(req, &self.payinfo(req).await?).await {
            Some(Ok(PayOutcome::NotFound)) => {}
            Some(known) => return known,
            None => return Err(BillerError::Timeout),
        }
        match self.outcome(req, &self.post_payment(req).await?).await {
            Some(Ok(PayOutcome::NotFound)) | None => Err(BillerError::Timeout),
            Some(known) => known,
        }
    }

    /// `billing-payinfo`: 021 paid, 020 not paid; anything else leaves it pending.
    async fn status(&self, req: &PayRequest, _biller_ref: &str) -> Result<PayOutcome, BillerError> {
        match self.outcome(req, &self.payinfo(req).await?).await {
            Some(Ok(PayOutcome::Failed { .. })) | None => Err(BillerError::Timeout),
            Some(known) => known,
        }
    }

    async fn price_list(&self) -> Result<Vec<BillerPrice>, BillerError> {
        Ok(Vec::new())
    }

    /// A payment whose answer was lost is asked after for 15 minutes, then H+1.
    fn polling(&self) -> PollPolicy {
        PollPolicy {
            first: Duration::from_secs(30),
            max_interval: Duration::from_secs(120),
            window: Some(Duration::from_secs(15 * 60)),
        }
    }

    /// A payment may take a payinfo and a second payment besides.
    fn timeout(&self) -> Duration {
        self.settings.timeout() * 2
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_seed_code_has_one_meaning() {
        assert_eq!(meaning("005"), Meaning::Bills);
        assert_eq!(meaning("015"), Meaning::Paid);
        assert_eq!(meaning("021"), Meaning::Paid);
        assert_eq!(meaning("020"), Meaning::NotPaid);
        assert_eq!(meaning("003"), Meaning::Refused(Rc::WrongCustomerNumber));
        assert_eq!(meaning("006"), Meaning::Refused(Rc::NoDataOrPaid));
        assert_eq!(meaning("007"), Meaning::Refused(Rc::ArrearsOverMaximum));
        assert_eq!(meaning("010"), Meaning::Refused(Rc::NewBillNotYet));
        assert_eq!(meaning("016"), Meaning::Refused(Rc::WrongAmount));
        for code in ["001", "100", "900", "902"] {
            assert_eq!(meaning(code), Meaning::Misconfigured, "{code}");
        }
        assert_eq!(meaning("901"), Meaning::TokenExpired);
        assert_eq!(meaning("101"), Meaning::Unclear);
        assert_eq!(meaning("999"), Meaning::Unclear);
    }

    #[test]
    fn several_months_are_summed_with_their_details() {
        let r = protocol::parse_reply(
            br#"{"status":"005","message":"ok","data":[
                {"nosamb":"10014","pelanggan":"A.A RAI SIRAT","periode":"201901","total":"47500"},
                {"nosamb":"10014","pelanggan":"A.A RAI SIRAT","periode":"201902","total":89250}]}"#,
        )
        .unwrap();
        let b = bill_of("201902", &r).unwrap();
        assert_eq!((b.name.as_str(), b.tagihan, b.periode.as_str()), ("A.A RAI SIRAT", 136_750, "201902"));
        assert_eq!(b.details["rincian"].as_array().unwrap().len(), 2);
    }

    #[test]
    fn a_periode_is_six_digits_or_this_month() {
        assert_eq!(periode_of(Some("202101")), "202101");
        assert_eq!(periode_of(Some("2021-01")).len(), 6);
        assert_eq!(periode_of(None).len(), 6);
    }
}
