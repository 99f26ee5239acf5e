//! Seed 004 (PDAM billing) on the wire: the JWT header token, the payment
//! token, the reply envelope and bills (numbers as strings or numbers), and
//! the one table of its status codes. Shared by the adapter and the
//! simulator, so both read the seed the same way — and tested against the
//! seed's own example.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use chrono::{DateTime, NaiveDateTime, Utc};
use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::{Digest, Sha256};

/// `Y-m-d H:i:s`, the seed's date-time format (WIB).
pub const DATE_TIME: &str = "%Y-%m-%d %H:%M:%S";

/// The seed's token lifetime: older tokens are refused with 901.
pub const TOKEN_LIFETIME_SECS: i64 = 3_600;

/// Now in WIB as the seed writes it.
pub fn wib_now(now: DateTime<Utc>) -> String {
    now.with_timezone(&crate::infra::wib::offset()).format(DATE_TIME).to_string()
}

/// The JWT payload, in the seed's field order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claims {
    pub user: String,
    pub pass: String,
    pub kodeloket: String,
    pub tanggal: String,
}

/// `Authorization: Bearer <this>`: HS256 over the seed's header and claims.
pub fn jwt(claims: &Claims, key: &[u8]) -> String {
    let header = URL_SAFE_NO_PAD.encode(br#"{"alg":"HS256","typ":"JWT"}"#);
    let payload = URL_SAFE_NO_PAD.encode(serde_json::to_vec(claims).unwrap_or_default());
    let signing_input = format!("{header}.{payload}");
    let signature = URL_SAFE_NO_PAD.encode(mac(key, signing_input.as_bytes()).finalize().into_bytes());
    format!("{signing_input}.{signature}")
}

fn mac(key: &[u8], data: &[u8]) -> Hmac<Sha256> {
    // HMAC takes a key of any length: `new_from_slice` cannot fail.
    let mut m = <Hmac<Sha256> as Mac>::new_from_slice(key).unwrap_or_else(|_| unreachable!("HMAC accepts any key"));
    m.update(data);
    m
}

/// Why a header token is refused (the simulator's check, codes 901/902).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenProblem {
    /// 902: not a token signed with the key, or not HS256.
    Wrong,
    /// 901: `tanggal` more than an hour from now.
    Expired,
}

/// Checks a header token (signature in constant time, then its age).
pub fn verify(token: &str, key: &[u8], now: DateTime<Utc>) -> Result<Claims, TokenProblem> {
    let mut parts = token.split('.');
    let (Some(h), Some(p), Some(s), None) = (parts.next(), parts.next(), parts.next(), parts.next()) else {
        return Err(TokenProblem::Wrong);
    };
    let signature = URL_SAFE_NO_PAD.decode(s).map_err(|_| TokenProblem::Wrong)?;
    mac(key, format!("{h}.{p}").as_bytes()).verify_slice(&signature).map_err(|_| TokenProblem::Wrong)?;
    let header: Value = serde_json::from_slice(&URL_SAFE_NO_PAD.decode(h).map_err(|_| TokenProblem::Wrong)?)
        .map_err(|_| TokenProblem::Wrong)?;
    if header.get("alg").and_then(Value::as_str) != Some("HS256") {
        return Err(TokenProblem::Wrong);
    }
    let claims: Claims = serde_json::from_slice(&URL_SAFE_NO_PAD.decode(p).map_err(|_| TokenProblem::Wrong)?)
        .map_err(|_| TokenProblem::Wrong)?;
    let issued = NaiveDateTime::parse_from_str(&claims.tanggal, DATE_TIME).map_err(|_| TokenProblem::Wrong)?;
    let now_wib = now.with_timezone(&crate::infra::wib::offset()).naive_local();
    if (now_wib - issued).num_seconds().abs() > TOKEN_LIFETIME_SECS {
        return Err(TokenProblem::Expired);
    }
    Ok(claims)
}

/// The payment's `token`: `SHA256(nosamb.tglbayar.key)`, lower-case hex.
pub fn pay_token(nosamb: &str, tglbayar: &str, key: &str) -> String {
    hex::encode(Sha256::digest(format!("{nosamb}.{tglbayar}.{key}").as_bytes()))
}

/// A number the seed sends as `"62250.00"`, `"47500"` or `72250`, in whole
/// Rupiah (rounded); `None` when it is neither.
pub fn number(v: Option<&Value>) -> Option<i64> {
    match v? {
        Value::Number(n) => {
            n.as_i64().or_else(|| n.as_f64().filter(|f| f.is_finite() && f.abs() < 1e15).map(|f| f.round() as i64))
        }
        Value::String(s) => {
            let s = s.trim();
            if s.is_empty() || s.len() > 20 {
                return None;
            }
            s.parse::<i64>()
                .ok()
                .or_else(|| s.parse::<f64>().ok().filter(|f| f.is_finite() && f.abs() < 1e15).map(|f| f.round() as i64))
        }
        _ => None,
    }
}

/// A text field, whether sent as a string or a number.
pub use crate::infra::json::text;

/// The seed's envelope: `{"status","message","data":[…]}`.
#[derive(Debug, Clone, PartialEq)]
pub struct Reply {
    /// The three-digit code (`"005"`; a number `5` is read as `"005"`).
    pub status: String,
    pub message: String,
    pub data: Vec<Value>,
}

/// Reads a reply body; `None` when it is not the seed's envelope.
pub fn parse_reply(body: &[u8]) -> Option<Reply> {
    let v: Value = serde_json::from_slice(body).ok()?;
    let status = match v.get("status")? {
        // "5" and "005" are the same code.
        Value::String(s)
            if !s.trim().is_empty() && s.trim().len() < 3 && s.trim().bytes().all(|b| b.is_ascii_digit()) =>
        {
            format!("{:0>3}", s.trim())
        }
        Value::String(s) => s.trim().to_owned(),
        Value::Number(n) => format!("{:03}", n.as_u64()?),
        _ => return None,
    };
    let data = match v.get("data") {
        Some(Value::Array(a)) => a.clone(),
        Some(Value::Object(_)) => vec![v["data"].clone()],
        _ => Vec::new(),
    };
    Some(Reply { status, message: text(v.get("message")), data })
}

/// The seed's status codes (section 7).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Code {
    /// 001: wrong username or password.
    WrongCredentials,
    /// 003: customer number not available.
    NoCustomer,
    /// 004: customer number available.
    CustomerFound,
    /// 005: bill data available.
    BillAvailable,
    /// 006: no bill.
    NoBill,
    /// 007: more bills than the maximum.
    TooManyBills,
    /// 010: not available for the period yet.
    PeriodNotAvailable,
    /// 013: nothing to pay.
    NothingToPay,
    /// 015: payment succeeded.
    Paid,
    /// 016: the total paid does not match the bill.
    WrongTotal,
    /// 020: not paid yet (payinfo).
    NotPaid,
    /// 021: already paid (payinfo).
    AlreadyPaid,
    /// 100: wrong payment token.
    WrongPayToken,
    /// 101: application error at the PDAM.
    AppError,
    /// 900: wrong request method.
    WrongMethod,
    /// 901: header token expired.
    TokenExpired,
    /// 902: header token wrong.
    TokenWrong,
}

/// Code ↔ its three digits ↔ the seed's message.
pub const CODES: &[(Code, &str, &str)] = &[
    (Code::WrongCredentials, "001", "Username dan Password salah"),
    (Code::NoCustomer, "003", "No Sambungan tidak tersedia"),
    (Code::CustomerFound, "004", "No Sambungan tersedia"),
    (Code::BillAvailable, "005", "Data tagihan tersedia"),
    (Code::NoBill, "006", "Tidak ada tagihan"),
    (Code::TooManyBills, "007", "Data tagihan lebih dari maksimal"),
    (Code::PeriodNotAvailable, "010", "No Sambungan untuk periode belum tersedia"),
    (Code::NothingToPay, "013", "Tidak ada data yang dibayar"),
    (Code::Paid, "015", "Pembayaran berhasil dilakukan"),
    (Code::WrongTotal, "016", "Total bayar tidak sesuai / kurang dari total tagihan"),
    (Code::NotPaid, "020", "Pelanggan belum bayar"),
    (Code::AlreadyPaid, "021", "Pelanggan sudah bayar"),
    (Code::WrongPayToken, "100", "Token salah"),
    (Code::AppError, "101", "Error/kesalahan aplikasi"),
    (Code::WrongMethod, "900", "Method request salah"),
    (Code::TokenExpired, "901", "Header token expired"),
    (Code::TokenWrong, "902", "Header token salah"),
];

impl Code {
    pub fn of(status: &str) -> Option<Code> {
        CODES.iter().find(|(_, c, _)| *c == status).map(|(code, _, _)| *code)
    }

    pub fn digits(self) -> &'static str {
        CODES.iter().find(|(c, _, _)| *c == self).map_or("101", |(_, d, _)| d)
    }

    pub fn message(self) -> &'static str {
        CODES.iter().find(|(c, _, _)| *c == self).map_or("", |(_, _, m)| m)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_seeds_payment_token_vector() {
        assert_eq!(
            pay_token("100", "2016-08-08 08:08:08", "contohkey2016"),
            "dad42312190607994ccd85d3977a0db8dc1c0ca7e4842e27c9ad612ccfb07300"
        );
    }

    #[test]
    fn a_header_token_is_hs256_over_the_seeds_claims_and_checked_in_both_directions() {
        let now = Utc::now();
        let claims =
            Claims { user: "loket1".into(), pass: "rahasia".into(), kodeloket: "5".into(), tanggal: wib_now(now) };
        let token = jwt(&claims, b"kunci-pdam-2026");
        let header = token.split('.').next().unwrap();
        assert_eq!(URL_SAFE_NO_PAD.decode(header).unwrap(), br#"{"alg":"HS256","typ":"JWT"}"#);
        assert_eq!(verify(&token, b"kunci-pdam-2026", now), Ok(claims.clone()));
        assert_eq!(verify(&token, b"kunci-lain", now), Err(TokenProblem::Wrong));
        assert_eq!(verify(&token, b"kunci-pdam-2026", now + chrono::Duration::minutes(61)), Err(TokenProblem::Expired));
        assert_eq!(verify("a.b", b"k", now), Err(TokenProblem::Wrong));
        // The payload's keys are the seed's, in its order.
        let payload = String::from_utf8(URL_SAFE_NO_PAD.decode(token.split('.').nth(1).unwrap()).unwrap()).unwrap();
        assert!(payload.starts_with(r#"{"user":"loket1","pass":"rahasia","kodeloket":"5","tanggal":""#), "{payload}");
    }

    #[test]
    fn numbers_arrive_as_strings_or_numbers() {
        assert_eq!(number(Some(&json!("62250.00"))), Some(62_250));
        assert_eq!(number(Some(&json!("47500"))), Some(47_500));
        assert_eq!(number(Some(&json!(72250))), Some(72_250));
        assert_eq!(number(Some(&json!(72250.4))), Some(72_250));
        assert_eq!(number(Some(&json!("x"))), None);
        assert_eq!(number(None), None);
        assert_eq!(text(Some(&json!(10014))), "10014");
    }

    #[test]
    fn the_envelope_reads_codes_as_strings_or_numbers() {
        let r = parse_reply(br#"{"status":"005","message":"Data tagihan tersedia","data":[{"total":89250}]}"#).unwrap();
        assert_eq!((r.status.as_str(), r.data.len()), ("005", 1));
        assert_eq!(parse_reply(br#"{"status":6,"message":"x"}"#).unwrap().status, "006");
        assert_eq!(parse_reply(br#"{"status":"15","message":"x"}"#).unwrap().status, "015");
        assert!(parse_reply(b"<html>").is_none());
        assert_eq!(Code::of("902"), Some(Code::TokenWrong));
        assert!(CODES.iter().all(|(c, d, _)| Code::of(d) == Some(*c) && c.digits() == *d));
    }
}
