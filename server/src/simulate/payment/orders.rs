//! Orders of the simulated payment service: the bank lists, `pay_service`
//! (VA numbers; a unique code 1–2000 added to the amount), GoPay through
//! `pay_service_midtrans` (QR, deeplink, status and cancel actions; 406
//! for an order id used before), and paying them — which sends the
//! settlement webhook in the seed's shapes.

use super::{amount, fail, field, lock, wib_now, Sim};
use axum::extract::{Form, State};
use axum::http::HeaderMap;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::post;
use axum::{Json, Router};
use serde_json::{json, Value};
use std::sync::Arc;

#[derive(Debug, Clone)]
pub(super) struct Order {
    order_id: String,
    gopay: bool,
    bank_code: String,
    total: i64,
    kd_pay: String,
    created: chrono::DateTime<chrono::Utc>,
    /// The portal's answer to the settlement, once paid.
    paid: Option<String>,
    /// What was paid and when (WIB), for the finance report.
    paid_amount: i64,
    paid_at: String,
}

#[derive(Default)]
pub(super) struct Book {
    orders: Vec<Order>,
    serial: u64,
}

/// bankCode, name, productCode, productName, status.
const BANKS: &[(&str, &str, &str, &str, &str)] = &[
    ("014", "BANK BCA", "BCAATM", "BCA VA Online", "1"),
    ("008", "BANK MANDIRI", "MANDIRIATM", "Mandiri VA", "1"),
    ("002", "BANK BRI", "BRIATM", "BRI VA", "1"),
    ("009", "BANK BNI", "BNIATM", "BNI VA", "0"),
];

pub(super) fn routes() -> Router<Arc<Sim>> {
    Router::new()
        .route("/api/list_bank", post(list_bank))
        .route("/api/pay_service", post(pay_service))
        .route("/api/list_bank_midtrans", post(list_bank_midtrans))
        .route("/api/pay_service_midtrans", post(pay_service_midtrans))
        .route("/api/finance_report", post(finance_report))
}

/// "Finance Reporting": every order made between the two WIB times (empty
/// start: from the beginning), `200` when paid, `201` while waiting.
async fn finance_report(State(sim): State<Arc<Sim>>, headers: HeaderMap, Json(v): Json<Value>) -> Response {
    if let Some(refused) = sim.refuse(&headers) {
        return refused;
    }
    let (start, end, bank) = (field(&v, "datetime_start"), field(&v, "datetime_end"), field(&v, "bank_code"));
    let wib = |t: chrono::DateTime<chrono::Utc>| {
        t.with_timezone(&backend::infra::wib::offset()).format("%Y-%m-%d %H:%M:%S").to_string()
    };
    let rows: Vec<Value> = lock(&sim.orders)
        .orders
        .iter()
        .filter(|o| {
            let made = wib(o.created);
            (start.is_empty() || made >= start) && (end.is_empty() || made <= end)
        })
        .filter(|o| bank.is_empty() || o.bank_code == bank)
        .map(|o| {
            let paid = o.paid.is_some();
            json!({
                "fraud_status": "accept",
                "notification_time": if paid { o.paid_at.clone() } else { wib(o.created) },
                "va_numbers": if o.gopay { String::new() } else { o.kd_pay.clone() },
                "bank_code": o.bank_code,
                "order_id": o.order_id,
                "status_code": if paid { "200" } else { "201" },
                "gross_amount": if paid { o.paid_amount } else { o.total },
                "id": o.kd_pay,
                "inquiry_time": wib(o.created),
            })
        })
        .collect();
    Json(Value::Array(rows)).into_response()
}

fn bank_row((code, name, product, product_name, status): &(&str, &str, &str, &str, &str), admin: &str) -> Value {
    json!({
        "bankCode": code, "bankDesc": name, "bankDisplayNm": name, "bank_pemilik": "", "bankacc": 0,
        "cabang": "", "charge_admin": admin, "charge_connectivity": "0", "id": 42, "img_url": "",
        "install_12": "0", "install_6": "0", "is_installment": "0", "kategori": "Transfer Bank (VA)",
        "productCode": product, "productName": product_name, "status": status,
    })
}

async fn list_bank(State(sim): State<Arc<Sim>>, headers: HeaderMap) -> Response {
    if let Some(refused) = sim.refuse(&headers) {
        return refused;
    }
    Json(json!({ "data": BANKS.iter().map(|b| bank_row(b, "0")).collect::<Vec<_>>() })).into_response()
}

async fn list_bank_midtrans(State(sim): State<Arc<Sim>>, headers: HeaderMap) -> Response {
    if let Some(refused) = sim.refuse(&headers) {
        return refused;
    }
    let mut gopay = bank_row(&("gopay", "GOPAY", "e_money", "E-Money", "1"), "2500");
    gopay["kategori"] = Value::Null;
    Json(json!({ "data": [gopay] })).into_response()
}

fn hash(s: &str) -> u64 {
    s.bytes().fold(5381u64, |h, b| h.wrapping_mul(33).wrapping_add(u64::from(b)))
}

impl Book {
    fn find(&self, order_id: &str) -> Option<&Order> {
        self.orders.iter().find(|o| o.order_id == order_id)
    }
}

async fn pay_service(State(sim): State<Arc<Sim>>, headers: HeaderMap, Json(v): Json<Value>) -> Response {
    if let Some(refused) = sim.refuse(&headers) {
        return refused;
    }
    let bank = field(&v, "bank_code");
    if !BANKS.iter().any(|b| b.0 == bank && b.4 == "1") {
        return Json(json!({ "status": "failed", "message": "bank_code not found" })).into_response();
    }
    let (order_id, nominal) = (field(&v, "order_id"), amount(&v, "nominal") + amount(&v, "pay_ship"));
    if order_id.is_empty() || nominal <= 0 {
        return fail("order_id and nominal are required");
    }
    let mut book = lock(&sim.orders);
    let order = match book.find(&order_id) {
        Some(o) => o.clone(),
        None => {
            let h = hash(&order_id);
            let kode_unik = (h % 2000 + 1) as i64;
            let order = Order {
                order_id: order_id.clone(),
                gopay: false,
                bank_code: bank,
                total: nominal + kode_unik,
                kd_pay: format!("8808{:012}", h % 1_000_000_000_000),
                created: chrono::Utc::now(),
                paid: None,
                paid_amount: 0,
                paid_at: String::new(),
            };
            book.orders.push(order.clone());
            order
        }
    };
    Json(json!({
        "status": "success",
        "message": "success",
        "data": {
            "is_va": "1",
            "kd_pay": order.kd_pay,
            "kd_ref": order.order_id,
            "kode_unik": (order.total - nominal).to_string(),
            "koneksi": "1",
            "pay_ship": field(&v, "pay_ship"),
            "total_bayar": order.total.to_string(),
            "total_belanja": nominal.to_string(),
        }
    }))
    .into_response()
}

async fn pay_service_midtrans(State(sim): State<Arc<Sim>>, headers: HeaderMap, Json(v): Json<Value>) -> Response {
    if let Some(refused) = sim.refuse(&headers) {
        return refused;
    }
    let (order_id, gross) = (field(&v, "order_id"), amount(&v, "nominal") + amount(&v, "pay_ship"));
    let mut book = lock(&sim.orders);
    if book.find(&order_id).is_some() {
        let message = "order_id has been paid and utilized, please use another order ID";
        return Json(json!({ "status": "success", "message": message,
            "data": { "status_code": "406", "status_message": message, "order_id": order_id } }))
        .into_response();
    }
    let id = uuid::Uuid::new_v4().to_string();
    let tref = format!("05{:018}", hash(&id) % 10u64.pow(18));
    book.orders.push(Order {
        order_id: order_id.clone(),
        gopay: true,
        bank_code: "gopay".into(),
        total: gross,
        kd_pay: id.clone(),
        created: chrono::Utc::now(),
        paid: None,
        paid_amount: 0,
        paid_at: String::new(),
    });
    let base = format!("http://{}", sim.opts.listen);
    Json(json!({
        "status": "success",
        "message": "Payment Request has been success!",
        "data_input": v,
        "data": {
            "bank_code": "gopay", "product_code": field(&v, "product_code"), "rq_uuid": field(&v, "rq_uuid"),
            "fraud_status": "accept", "order_id": order_id, "status_code": "201",
            "gross_amount": format!("{gross}.00"), "transaction_time": wib_now(),
            "actions": [
                { "url": format!("{base}/v2/gopay/{id}/qr-code"), "name": "generate-qr-code", "method": "GET" },
                { "url": format!("gojek://gopay/merchanttransfer?tref={tref}&amount={gross}&activity=GP:RR"),
                  "name": "deeplink-redirect", "method": "GET" },
                { "url": format!("{base}/v2/{id}/status"), "name": "get-status", "method": "GET" },
                { "url": format!("{base}/v2/{id}/cancel"), "name": "cancel", "method": "POST" },
            ],
            "currency": "IDR", "payment_type": "gopay", "transaction_status": "pending",
            "merchant_id": "G798896536", "status_message": "GoPay transaction is created",
            "transaction_id": id,
        }
    }))
    .into_response()
}

/// `POST /sim/pay`: pays an order (`order_id`, optionally another
/// `amount` to cause a "Selisih"), or tops up a permanent VA
/// (`va_number` + `amount`).
#[derive(Debug, serde::Deserialize)]
pub(super) struct PayForm {
    #[serde(default)]
    order_id: String,
    #[serde(default)]
    va_number: String,
    #[serde(default)]
    amount: String,
}

pub(super) async fn pay(State(sim): State<Arc<Sim>>, Form(form): Form<PayForm>) -> Response {
    let given: Option<i64> = form.amount.trim().parse().ok();
    if !form.va_number.trim().is_empty() {
        return match sim.pay_va(form.va_number.trim(), given.unwrap_or(0)) {
            Ok(message) => message.into_response(),
            Err(message) => (axum::http::StatusCode::BAD_REQUEST, message).into_response(),
        };
    }
    let order = {
        let book = lock(&sim.orders);
        book.find(form.order_id.trim()).cloned()
    };
    let Some(order) = order else {
        return (axum::http::StatusCode::NOT_FOUND, "order tidak ada").into_response();
    };
    if order.paid.is_some() {
        return (axum::http::StatusCode::CONFLICT, "order sudah dibayar").into_response();
    }
    if chrono::Utc::now() - order.created > chrono::Duration::minutes(sim.opts.expiry_minutes) {
        return (axum::http::StatusCode::GONE, "order kedaluwarsa").into_response();
    }
    let body = settlement(&order, given.unwrap_or(order.total), &mut lock(&sim.orders).serial);
    let answer = sim.notify(body).await;
    if let Some(o) = lock(&sim.orders).orders.iter_mut().find(|o| o.order_id == order.order_id) {
        o.paid = Some(answer.clone());
        o.paid_amount = given.unwrap_or(order.total);
        o.paid_at = wib_now();
    }
    answer.into_response()
}

/// The settlement as the service writes it (seed 003 "Send" examples).
fn settlement(order: &Order, paid: i64, serial: &mut u64) -> String {
    *serial += 1;
    if order.gopay {
        format!(
            r#"{{"status":"success","message":"transaction success!","id_trans":"{}","rq_datetime":"{}","order_id":"{}","transaction":"gopay"}}"#,
            *serial,
            wib_now(),
            order.order_id
        )
    } else {
        format!(
            r#"{{"status":"success","message":"transaction success!","rq_uuid":"{}","rq_datetime":"{}","order_id":"{}","kd_pay":"{}","tot_bayar":"{paid}","norek":"{}","transaction":"multipayment"}}"#,
            uuid::Uuid::new_v4().simple(),
            wib_now(),
            order.order_id,
            order.kd_pay,
            order.kd_pay
        )
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// `GET /`: the orders, each with a "Bayar" button, and a permanent-VA
/// transfer form — so a newcomer can finish a top-up on one machine.
pub(super) async fn page(State(sim): State<Arc<Sim>>) -> Html<String> {
    let rows: String = lock(&sim.orders)
        .orders
        .iter()
        .rev()
        .map(|o| {
            let action = match &o.paid {
                Some(answer) => format!("dibayar — jawaban portal: {}", escape(answer)),
                None => format!(
                    r#"<form method="post" action="/sim/pay"><input type="hidden" name="order_id" value="{id}">
<label>Jumlah <input name="amount" value="{total}" inputmode="numeric"></label> <button>Bayar</button></form>"#,
                    id = escape(&o.order_id),
                    total = o.total
                ),
            };
            format!(
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                escape(&o.order_id),
                escape(&o.bank_code),
                escape(&o.kd_pay),
                o.total,
                action
            )
        })
        .collect();
    Html(format!(
        r#"<!doctype html><html lang="id"><meta charset="utf-8"><title>Simulator layanan pembayaran</title>
<body style="font-family:sans-serif;max-width:60rem;margin:2rem auto">
<h1>Simulator layanan pembayaran (seed 003)</h1>
<h2>Order</h2>
<table border="1" cellpadding="6"><tr><th>Order</th><th>Bank</th><th>Kode bayar / VA</th><th>Total</th><th></th></tr>{rows}</table>
<h2>Transfer ke VA permanen</h2>
<form method="post" action="/sim/pay"><label>Nomor VA <input name="va_number"></label>
<label>Jumlah <input name="amount" inputmode="numeric"></label> <button>Transfer</button></form>
</body></html>"#
    ))
}
