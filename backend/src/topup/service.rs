//! The payment service's client (seed 003): `auth/login` (email + password
//! → the `Authorization` token, kept and renewed once when a call is
//! refused), the VA/card calls (`api/list_bank`, `api/pay_service`), GoPay
//! (`api/list_bank_midtrans`, `api/pay_service_midtrans`) and K-Wallet
//! (`kwallet` module). Every call has a time limit and a typed error.
//! Amounts go out as strings, as in every example of the seed.

use crate::infra::json::{field, rupiah};
use serde_json::{json, Value};
use std::time::Duration;
use tokio::sync::Mutex;
use url::Url;

/// How a call to the payment service failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ServiceError {
    /// Not reached, or no answer in time.
    #[error("layanan pembayaran tidak dapat dihubungi")]
    Unreachable,
    /// Our email/password were refused.
    #[error("login ke layanan pembayaran ditolak")]
    LoginRefused,
    /// The service answered `failed`, with its message.
    #[error("layanan pembayaran menolak: {0}")]
    Refused(String),
    /// The escrow refund was made before ("refund existing, id_trans:…").
    #[error("dana sudah pernah dikembalikan: {0}")]
    AlreadyRefunded(String),
    /// An answer we cannot read.
    #[error("balasan layanan pembayaran tidak dikenal")]
    Unreadable,
}

/// One payment method of `list_bank`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bank {
    pub code: String,
    pub name: String,
    pub product_code: String,
    pub product_name: String,
    pub category: String,
    pub admin_fee: i64,
    /// `status` "1": the method is available now.
    pub active: bool,
}

/// What a partner must pay for an order (`pay_service`'s `data`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Instructions {
    pub is_va: bool,
    /// The VA number / payment code to pay to.
    pub kd_pay: String,
    pub kd_ref: String,
    /// Added to the amount for a manual transfer (1–2000), else 0.
    pub kode_unik: i64,
    /// Exactly what must be transferred.
    pub total_bayar: i64,
    /// Cards: where the payer enters the card.
    pub url_pay: Option<String>,
}

/// An order to pay.
#[derive(Debug, Clone)]
pub struct PayIn<'a> {
    pub order_id: &'a str,
    pub no_hp: &'a str,
    pub fullname: &'a str,
    pub email: &'a str,
    pub bank_code: &'a str,
    pub product_code: &'a str,
    pub nominal: i64,
}

impl PayIn<'_> {
    /// The seed's request body, with a new `rq_uuid`.
    fn body(&self) -> Value {
        json!({
            "rq_uuid": uuid::Uuid::new_v4().simple().to_string(),
            "rq_datetime": wib_now(),
            "order_id": self.order_id,
            "no_hp": self.no_hp,
            "fullname": self.fullname,
            "email": self.email,
            "bank_code": self.bank_code,
            "product_code": self.product_code,
            "nominal": self.nominal.to_string(),
            "pay_ship": "0",
        })
    }
}

/// One row of the finance report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportRow {
    pub order_id: String,
    /// `200` settled, `201` waiting for payment, others failed/expired.
    pub status_code: String,
    pub gross_amount: i64,
    pub bank_code: String,
    pub notification_time: String,
}

pub struct PaymentService {
    pub base: Url,
    /// Where the finance report is asked (configuration: the seed leaves it open).
    pub report_path: String,
    pub email: String,
    pub password: String,
    pub http: reqwest::Client,
    pub timeout: Duration,
    token: Mutex<Option<String>>,
}

/// `status` — or `stutas`, as `transfer_to_account` spells it in the seed.
fn status(v: &Value) -> String {
    [field(v, "status"), field(v, "stutas")].into_iter().find(|s| !s.is_empty()).unwrap_or_default()
}

fn failed(v: &Value) -> bool {
    let s = status(v);
    s.eq_ignore_ascii_case("failed") || s.eq_ignore_ascii_case("fail")
}

/// A refusal that is about our session, not the request (some answers
/// say so with HTTP 200 and `failed`): worth one new login.
fn about_the_token(message: &str) -> bool {
    let m = message.to_ascii_lowercase();
    ["token", "unauthori", "expired", "login"].iter().any(|w| m.contains(w))
}

/// Now in WIB as the service writes dates (`Y-m-d H:i:s`).
fn wib_now() -> String {
    chrono::Utc::now().with_timezone(&crate::infra::wib::offset()).format("%Y-%m-%d %H:%M:%S").to_string()
}

/// A GoPay order (`pay_service_midtrans`'s `data`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoPay {
    pub transaction_id: String,
    /// `201`: waiting for payment.
    pub status_code: String,
    pub transaction_status: String,
    pub gross_amount: i64,
    /// The `generate-qr-code` action: a URL of the QR image at Midtrans.
    pub qr_url: Option<String>,
    /// The `deeplink-redirect` action: what the QR we draw encodes.
    pub deeplink: Option<String>,
    pub status_url: Option<String>,
}

/// Midtrans' status codes of seed 003, as the partner should read them.
pub fn midtrans_message(code: &str) -> &'static str {
    match code {
        "401" => "akses ditolak oleh Midtrans (kunci klien/server)",
        "406" => "order ID sudah pernah dipakai",
        "503" => "bank/mitra sedang mengalami gangguan koneksi",
        "05" => "transaksi ditolak (do not honor)",
        "900" => "kesalahan layanan umum",
        _ => "balasan tidak dikenal",
    }
}

impl PaymentService {
    /// The client of the configured service; `None` when URL, e-mail or
    /// password is missing (top-up is then not offered).
    pub fn from_config(config: &crate::config::Config) -> anyhow::Result<Option<PaymentService>> {
        use secrecy::ExposeSecret;
        let (Some(url), Some(email), Some(password)) =
            (&config.payment_service_url, &config.payment_service_email, &config.payment_service_password)
        else {
            return Ok(None);
        };
        let http = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build()?;
        let timeout = Duration::from_secs(config.payment_service_timeout_secs);
        let mut service =
            PaymentService::new(url.clone(), email.clone(), password.expose_secret().to_owned(), http, timeout);
        service.report_path = config.payment_service_report_path.trim_start_matches('/').to_owned();
        Ok(Some(service))
    }

    pub fn new(base: Url, email: String, password: String, http: reqwest::Client, timeout: Duration) -> Self {
        let report_path = "api/finance_report".into();
        PaymentService { base, report_path, email, password, http, timeout, token: Mutex::new(None) }
    }

    fn url(&self, path: &str) -> Url {
        let mut base = self.base.clone();
        if !base.path().ends_with('/') {
            let p = format!("{}/", base.path());
            base.set_path(&p);
        }
        base.join(path).unwrap_or(base)
    }

    async fn post(&self, path: &str, token: Option<&str>, body: &Value) -> Result<(u16, Value), ServiceError> {
        let mut req = self.http.post(self.url(path)).json(body).timeout(self.timeout);
        if let Some(t) = token {
            req = req.header(reqwest::header::AUTHORIZATION, t);
        }
        let res = req.send().await.map_err(|_| ServiceError::Unreachable)?;
        let status = res.status().as_u16();
        let bytes = res.bytes().await.map_err(|_| ServiceError::Unreachable)?;
        let v = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
        Ok((status, v))
    }

    /// `auth/login`: the session token.
    async fn login(&self) -> Result<String, ServiceError> {
        let (status, v) =
            self.post("auth/login", None, &json!({ "email": self.email, "password": self.password })).await?;
        let token = ["Authorization", "authorization", "token"]
            .iter()
            .map(|k| field(&v, k))
            .chain(v.get("data").map(|d| field(d, "Authorization")))
            .find(|t| !t.is_empty());
        match token {
            Some(t) if status < 400 && !failed(&v) => Ok(t),
            _ if status == 401 || status == 403 || failed(&v) => Err(ServiceError::LoginRefused),
            _ => Err(ServiceError::Unreadable),
        }
    }

    /// A call with the kept token; when refused as unauthorised, one new
    /// login and one retry.
    pub(super) async fn call(&self, path: &str, body: &Value) -> Result<Value, ServiceError> {
        for attempt in 0..2 {
            let token = {
                let mut kept = self.token.lock().await;
                if kept.is_none() || attempt > 0 {
                    *kept = Some(self.login().await?);
                }
                kept.clone().unwrap_or_default()
            };
            let (status, v) = self.post(path, Some(&token), body).await?;
            if status == 401 || status == 403 || (failed(&v) && about_the_token(&field(&v, "message"))) {
                continue;
            }
            if failed(&v) {
                return Err(ServiceError::Refused(field(&v, "message")));
            }
            if v.is_null() {
                return Err(ServiceError::Unreadable);
            }
            return Ok(v);
        }
        Err(ServiceError::LoginRefused)
    }

    /// `api/list_bank`: the payment methods.
    pub async fn list_bank(&self) -> Result<Vec<Bank>, ServiceError> {
        banks(&self.call("api/list_bank", &json!({})).await?)
    }

    /// The finance report (seed 003 "Finance Reporting") of every payment
    /// between two WIB times (`Y-m-d H:i:s`), all banks, all states.
    pub async fn finance_report(&self, start: &str, end: &str) -> Result<Vec<ReportRow>, ServiceError> {
        let body =
            json!({ "datetime_start": start, "datetime_end": end, "bank_code": "", "transaction_status": "all" });
        let v = self.call(&self.report_path, &body).await?;
        // The seed prints a bare array; `data` wrapping is read too.
        let rows = v.as_array().or_else(|| v.get("data").and_then(Value::as_array)).ok_or(ServiceError::Unreadable)?;
        Ok(rows
            .iter()
            .map(|r| ReportRow {
                order_id: field(r, "order_id"),
                status_code: field(r, "status_code"),
                gross_amount: rupiah(r, "gross_amount").unwrap_or(0),
                bank_code: field(r, "bank_code"),
                notification_time: field(r, "notification_time"),
            })
            .filter(|r| !r.order_id.is_empty())
            .collect())
    }

    /// `api/list_bank_midtrans`: the GoPay methods for an amount.
    pub async fn list_bank_midtrans(&self, nominal: i64) -> Result<Vec<Bank>, ServiceError> {
        let body = json!({ "nominal": nominal.to_string(), "pay_ship": "0" });
        banks(&self.call("api/list_bank_midtrans", &body).await?)
    }

    /// `api/pay_service_midtrans`: a GoPay order, with its QR and deeplink.
    pub async fn pay_service_midtrans(&self, order: &PayIn<'_>) -> Result<GoPay, ServiceError> {
        let v = self.call("api/pay_service_midtrans", &order.body()).await?;
        let d = v.get("data").ok_or(ServiceError::Unreadable)?;
        let status_code = field(d, "status_code");
        if !status_code.is_empty() && status_code != "201" && status_code != "200" {
            return Err(ServiceError::Refused(format!("{status_code}: {}", midtrans_message(&status_code))));
        }
        let action = |name: &str| {
            d.get("actions")
                .and_then(Value::as_array)
                .and_then(|all| all.iter().find(|a| field(a, "name") == name))
                .map(|a| field(a, "url"))
                .filter(|u| !u.is_empty())
        };
        Ok(GoPay {
            transaction_id: field(d, "transaction_id"),
            status_code,
            transaction_status: field(d, "transaction_status"),
            gross_amount: rupiah(d, "gross_amount").unwrap_or(0),
            qr_url: action("generate-qr-code"),
            deeplink: action("deeplink-redirect"),
            status_url: action("get-status"),
        })
    }
}

/// The rows of a bank list.
fn banks(v: &Value) -> Result<Vec<Bank>, ServiceError> {
    let rows = v.get("data").and_then(Value::as_array).ok_or(ServiceError::Unreadable)?;
    Ok(rows
        .iter()
        .map(|b| Bank {
            code: field(b, "bankCode"),
            name: [field(b, "bankDisplayNm"), field(b, "bankDesc")]
                .into_iter()
                .find(|n| !n.is_empty())
                .unwrap_or_default(),
            product_code: field(b, "productCode"),
            product_name: field(b, "productName"),
            category: field(b, "kategori"),
            admin_fee: rupiah(b, "charge_admin").unwrap_or(0),
            active: field(b, "status") == "1",
        })
        .collect())
}

impl PaymentService {
    /// `api/pay_service`: what to pay for an order (a new `rq_uuid` each call).
    pub async fn pay_service(&self, order: &PayIn<'_>) -> Result<Instructions, ServiceError> {
        let v = self.call("api/pay_service", &order.body()).await?;
        let d = v.get("data").ok_or(ServiceError::Unreadable)?;
        let url_pay = Some(field(d, "url_pay")).filter(|u| !u.is_empty());
        Ok(Instructions {
            is_va: field(d, "is_va") == "1",
            kd_pay: field(d, "kd_pay"),
            kd_ref: field(d, "kd_ref"),
            kode_unik: rupiah(d, "kode_unik").unwrap_or(0),
            total_bayar: rupiah(d, "total_bayar").unwrap_or(0),
            url_pay,
        })
    }
}
