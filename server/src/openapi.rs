//! The gateway as an OpenAPI 3.1 document (issue 16), built from what the
//! gateway itself uses: its response-code table, and the documentation's
//! examples (requests as the pages show them, answers as the development
//! gateway gave them — kept true by `server/tests/api/docs.rs`). Served at
//! `/dokumentasi/openapi.json`.

use app::docs::{example, filled, EXAMPLE_MERCHANT_ID, EXAMPLE_SESSION_ID};
use axum::extract::State;
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use backend::AppState;
use serde_json::{json, Map, Value};

/// One operation: path, id, summary, request schema, answer schema, examples.
struct Operation {
    path: &'static str,
    id: &'static str,
    summary: &'static str,
    request: &'static str,
    answer: &'static str,
    examples: &'static [&'static str],
}

const OPERATIONS: &[Operation] = &[
    Operation {
        path: "/auth/Sign-On",
        id: "signOn",
        summary: "Sign On: opens the day's session (valid until 23:59 WIB, at most 99 a day)",
        request: "SignOnRequest",
        answer: "SignOnResponse",
        examples: &["sign-on"],
    },
    Operation {
        path: "/Services/Inquiry",
        id: "inquiry",
        summary: "Inquiry: asks a customer's bill",
        request: "InquiryRequest",
        answer: "Envelope",
        examples: &["inquiry-pln", "inquiry-bpjs"],
    },
    Operation {
        path: "/Services/Payment",
        id: "payment",
        summary: "Payment: pays an inquired bill (debits tagihan + admin)",
        request: "PaymentRequest",
        answer: "Envelope",
        examples: &["payment-pln", "payment-bpjs"],
    },
    Operation {
        path: "/Services/SinglePayment",
        id: "singlePayment",
        summary: "Single Payment: airtime, data, e-money, vouchers without inquiry",
        request: "PaymentRequest",
        answer: "Envelope",
        examples: &["single-payment", "single-payment-pending"],
    },
    Operation {
        path: "/Services/Check-Status",
        id: "checkStatus",
        summary: "Check Status: a payment's outcome (00 success, 17 failed, else pending)",
        request: "PaymentRequest",
        answer: "Envelope",
        examples: &["check-status"],
    },
    Operation {
        path: "/Services/getPulsa-Prabayar",
        id: "pulsaPrices",
        summary: "Daftar Harga Pulsa: prices per operator prefix",
        request: "PriceListRequest",
        answer: "PriceList",
        examples: &["pulsa-prices"],
    },
    Operation {
        path: "/Services/getHargaByProductID",
        id: "pricesByFamily",
        summary: "Prices per category code (e.g. AAE.AAAB)",
        request: "PriceListRequest",
        answer: "PriceList",
        examples: &["prices-by-family"],
    },
    Operation {
        path: "/Services/getCurrentDeposit",
        id: "currentDeposit",
        summary: "Cek Deposit: this environment's deposit balance",
        request: "DepositRequest",
        answer: "Deposit",
        examples: &["deposit"],
    },
    Operation {
        path: "/Services/get-Active-Product",
        id: "activeProducts",
        summary: "Cek Status Produk: the product codes active for the merchant",
        request: "DepositRequest",
        answer: "ActiveProducts",
        examples: &["active-products"],
    },
];

/// `GET /dokumentasi/openapi.json`.
pub async fn serve(State(state): State<AppState>) -> Response {
    let doc = document(&state.config.gateway_dev_url, &state.config.gateway_prod_url);
    let headers = [
        (header::CONTENT_TYPE, HeaderValue::from_static("application/json")),
        (header::CONTENT_DISPOSITION, HeaderValue::from_static("inline; filename=\"web-open-api.openapi.json\"")),
    ];
    (headers, doc.to_string()).into_response()
}

/// The whole document.
pub fn document(development: &str, production: &str) -> Value {
    let mut paths = Map::new();
    for op in OPERATIONS {
        paths.insert(op.path.into(), json!({ "post": operation(op) }));
    }
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "Web Open API",
            "version": "2026-12-05",
            "description": "Host-to-host bill payment API. Every request is a POST with a JSON body, authenticated with HTTP Digest (MD5, qop=auth): the first answer is 401 with a challenge, the signed repeat is answered 200 with a JSON body whose rc tells the outcome."
        },
        "servers": [
            { "url": development, "description": "Development (sandbox billers, test numbers)" },
            { "url": production, "description": "Production" }
        ],
        "security": [{ "digest": [] }],
        "paths": paths,
        "components": components(),
    })
}

fn operation(op: &Operation) -> Value {
    let mut requests = Map::new();
    let mut answers = Map::new();
    for name in op.examples {
        let Some(e) = example(name) else { continue };
        let value = |text: &str| {
            serde_json::from_str::<Value>(&filled(text, EXAMPLE_MERCHANT_ID, EXAMPLE_SESSION_ID)).unwrap_or(Value::Null)
        };
        requests.insert((*name).into(), json!({ "value": value(e.request) }));
        answers.insert((*name).into(), json!({ "value": value(e.response) }));
    }
    let schema = |name: &str| json!({ "$ref": format!("#/components/schemas/{name}") });
    json!({
        "operationId": op.id,
        "summary": op.summary,
        "requestBody": {
            "required": true,
            "content": { "application/json": { "schema": schema(op.request), "examples": requests } }
        },
        "responses": {
            "200": {
                "description": "Answered: rc tells the outcome (see the Rc schema).",
                "content": { "application/json": {
                    "schema": { "anyOf": [schema(op.answer), schema("Failure")] },
                    "examples": answers
                } }
            },
            "401": {
                "description": "Digest challenge (or a refused digest): repeat the request with an Authorization header.",
                "headers": { "WWW-Authenticate": { "schema": { "type": "string" }, "description": "Digest realm=\"…\",qop=\"auth\",nonce=\"…\",opaque=\"…\"" } },
                "content": { "text/plain": { "schema": { "type": "string" } } }
            },
            "403": {
                "description": "The calling address is not whitelisted for this environment (rc 10).",
                "content": { "application/json": { "schema": schema("Failure") } }
            },
            "429": {
                "description": "Too many requests from this merchant (rc 10); try again after Retry-After seconds.",
                "headers": { "Retry-After": { "schema": { "type": "integer" } } },
                "content": { "application/json": { "schema": schema("Failure") } }
            }
        }
    })
}

fn string(description: &str) -> Value {
    json!({ "type": "string", "description": description })
}

fn components() -> Value {
    let codes: Vec<&str> = backend::gateway::rc::Rc::ALL.iter().map(|rc| rc.code()).collect();
    let described: Vec<String> =
        backend::gateway::rc::Rc::ALL.iter().map(|rc| format!("{} {}", rc.code(), rc.text())).collect();
    let amount = json!({ "type": "string", "pattern": "^[0-9]{1,12}$", "description": "Whole Rupiah as digits (answers pad to 12)" });
    let sign_on = json!({
        "mitra": string("Partner code (credentials e-mail)"),
        "accountID": string("Account number (credentials e-mail)"),
        "merchantID": string("Merchant ID (credentials e-mail)"),
        "merchantName": string("Merchant name (credentials e-mail)"),
        "counterID": string("Counter number"),
    });
    let order = json!({
        "sessionID": string("SessionID from Sign On (lower-case s)"),
        "merchantID": string("Merchant ID"),
        "productID": string("Product code (6 characters)"),
        "customerID": string("Customer or phone number"),
        "referenceID": string("The partner's reference, unique per merchant (rc 86 when reused)"),
    });
    let mut payment = order.clone();
    if let Some(p) = payment.as_object_mut() {
        p.insert("tagihan".into(), amount.clone());
        p.insert("admin".into(), amount.clone());
        p.insert("total".into(), amount.clone());
        p.insert("periode".into(), string("Optional; BPJS months \"01\"–\"12\""));
        p.insert("noHanphone".into(), string("BPJS phone number (noHandphone is accepted too)"));
        p.insert("tglTransaksi".into(), string("Check-Status only, optional: YYYY-MM-DD"));
    }
    let mut inquiry = order.clone();
    if let Some(p) = inquiry.as_object_mut() {
        p.insert("periode".into(), string("Optional; BPJS months \"01\"–\"12\""));
    }
    let mut deposit = sign_on.clone();
    if let Some(p) = deposit.as_object_mut() {
        p.insert("sessionID".into(), string("SessionID from Sign On"));
    }
    let order_keys = ["sessionID", "merchantID", "productID", "customerID", "referenceID"];
    json!({
        "securitySchemes": {
            "digest": { "type": "http", "scheme": "digest", "description": "RFC 2617 MD5 with qop=auth; a nonce serves each nc once for about 5 minutes." }
        },
        "schemas": {
            "Rc": { "type": "string", "enum": codes, "description": described.join("; ") },
            "Amount": amount,
            "SignOnRequest": { "type": "object", "properties": sign_on, "required": ["mitra", "accountID", "merchantID", "merchantName", "counterID"] },
            "SignOnResponse": { "type": "object", "properties": { "SessionID": string("The day's session (capital S)") }, "required": ["SessionID"] },
            "InquiryRequest": { "type": "object", "properties": inquiry, "required": order_keys },
            "PaymentRequest": { "type": "object", "properties": payment, "required": order_keys },
            "PriceListRequest": { "type": "object", "properties": { "sessionID": string("SessionID"), "merchantID": string("Merchant ID"), "prefixID": string("Operator prefix (getPulsa-Prabayar) or category code (getHargaByProductID)") }, "required": ["sessionID", "merchantID", "prefixID"] },
            "DepositRequest": { "type": "object", "properties": deposit, "required": ["sessionID", "merchantID"] },
            "Failure": { "type": "object", "properties": { "rc": { "$ref": "#/components/schemas/Rc" }, "description": { "type": "string" } }, "required": ["rc"] },
            "Envelope": {
                "type": "object",
                "properties": {
                    "rc": { "$ref": "#/components/schemas/Rc" },
                    "description": { "type": "string" },
                    "productID": { "type": "string" },
                    "customerID": { "type": "string" },
                    "referenceID": { "type": "string" },
                    "data": { "type": "object", "description": "Product-specific: idPelanggan, nama, tagihan, admin, total, periode, noReferensi, sn, status (SUKSES, PENDING), …; PLN inquiries also NM, AB, TG, TT" }
                },
                "required": ["rc"]
            },
            "PriceList": {
                "type": "object",
                "properties": {
                    "rc": { "$ref": "#/components/schemas/Rc" },
                    "record": { "type": "array", "items": { "type": "object", "properties": { "code": { "type": "string" }, "name": { "type": "string" }, "price": { "type": "string" }, "status": { "type": "string" } }, "required": ["code", "name", "price"] } }
                },
                "required": ["rc", "record"]
            },
            "Deposit": { "type": "object", "properties": { "rc": { "$ref": "#/components/schemas/Rc" }, "deposit": { "type": "string", "pattern": "^-?[0-9]+$" } }, "required": ["rc", "deposit"] },
            "ActiveProducts": { "type": "object", "properties": { "rc": { "$ref": "#/components/schemas/Rc" }, "active": { "type": "string", "description": "Product codes, comma-separated" } }, "required": ["rc", "active"] }
        }
    })
}
