//! The payment service's client (seed 003, "Service Payment VA dan CC"):
//! `auth/login` (email + password → the `Authorization` token, kept and
//! renewed once when a call is refused), `api/list_bank` and
//! `api/pay_service`. Every call has a time limit and a typed error.

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

pub struct PaymentService {
    pub base: Url,
    pub email: String,
    pub password: String,
    pub http: reqwest::Client,
    pub timeout: Duration,
    token: Mutex<Option<String>>,
}

/// A field as text (string or number).
fn text(v: &Value, key: &str) -> String {
    crate::infra::json::text(v.get(key))
}

fn number(v: &Value, key: &str) -> i64 {
    text(v, key).parse::<f64>().ok().filter(|f| f.is_finite() && f.abs() < 1e15).map_or(0, |f| f.round() as i64)
}

fn failed(v: &Value) -> bool {
    text(v, "status").eq_ignore_ascii_case("failed") || text(v, "status").eq_ignore_ascii_case("fail")
}

impl PaymentService {
    pub fn new(base: Url, email: String, password: String, http: reqwest::Client, timeout: Duration) -> Self {
        PaymentService { base, email, password, http, timeout, token: Mutex::new(None) }
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
            .map(|k| text(&v, k))
            .chain(v.get("data").map(|d| text(d, "Authorization")))
            .find(|t| !t.is_empty());
        match token {
            Some(t) if status < 400 && !failed(&v) => Ok(t),
            _ if status == 401 || status == 403 || failed(&v) => Err(ServiceError::LoginRefused),
            _ => Err(ServiceError::Unreadable),
        }
    }

    /// A call with the kept token; when refused as unauthorised, one new
    /// login and one retry.
    async fn call(&self, path: &str, body: &Value) -> Result<Value, ServiceError> {
        for attempt in 0..2 {
            let token = {
                let mut kept = self.token.lock().await;
                if kept.is_none() || attempt > 0 {
                    *kept = Some(self.login().await?);
                }
                kept.clone().unwrap_or_default()
            };
            let (status, v) = self.post(path, Some(&token), body).await?;
            if status == 401 || status == 403 {
                continue;
            }
            if failed(&v) {
                return Err(ServiceError::Refused(text(&v, "message")));
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
        let v = self.call("api/list_bank", &json!({})).await?;
        let rows = v.get("data").and_then(Value::as_array).ok_or(ServiceError::Unreadable)?;
        Ok(rows
            .iter()
            .map(|b| Bank {
                code: text(b, "bankCode"),
                name: [text(b, "bankDisplayNm"), text(b, "bankDesc")]
                    .into_iter()
                    .find(|n| !n.is_empty())
                    .unwrap_or_default(),
                product_code: text(b, "productCode"),
                product_name: text(b, "productName"),
                category: text(b, "kategori"),
                admin_fee: number(b, "charge_admin"),
                active: text(b, "status") == "1",
            })
            .collect())
    }

    /// `api/pay_service`: what to pay for an order (a new `rq_uuid` each call).
    pub async fn pay_service(&self, order: &PayIn<'_>) -> Result<Instructions, ServiceError> {
        let now = chrono::Utc::now().with_timezone(&crate::infra::wib::offset());
        let body = json!({
            "rq_uuid": uuid::Uuid::new_v4().simple().to_string(),
            "rq_datetime": now.format("%Y-%m-%d %H:%M:%S").to_string(),
            "order_id": order.order_id,
            "no_hp": order.no_hp,
            "fullname": order.fullname,
            "email": order.email,
            "bank_code": order.bank_code,
            "product_code": order.product_code,
            "nominal": order.nominal,
            "pay_ship": 0,
        });
        let v = self.call("api/pay_service", &body).await?;
        let d = v.get("data").ok_or(ServiceError::Unreadable)?;
        let url_pay = Some(text(d, "url_pay")).filter(|u| !u.is_empty());
        Ok(Instructions {
            is_va: text(d, "is_va") == "1",
            kd_pay: text(d, "kd_pay"),
            kd_ref: text(d, "kd_ref"),
            kode_unik: number(d, "kode_unik"),
            total_bayar: number(d, "total_bayar"),
            url_pay,
        })
    }
}
