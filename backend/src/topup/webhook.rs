//! The payment service's settlement webhook (seed 003 "Webhook Notification
//! Settlement" and GoPay's "Webhook Notifikasi Pembayaran"): the
//! `x-servicepayment` header is the upper-case hex HMAC-SHA256 of the raw
//! body with our PID as the key. It is checked over the bytes received —
//! never over re-serialised JSON, which would change spacing and key order —
//! and compared in constant time. The body is read only once it is
//! verified.

use crate::infra::json::field;
use hmac::{Hmac, Mac};
use serde_json::Value;
use sha2::Sha256;

/// The header that carries the signature.
pub const SIGNATURE_HEADER: &str = "x-servicepayment";

fn mac(key: &[u8], body: &[u8]) -> Hmac<Sha256> {
    // HMAC takes a key of any length: `new_from_slice` cannot fail.
    let mut m = <Hmac<Sha256> as Mac>::new_from_slice(key).unwrap_or_else(|_| unreachable!("HMAC accepts any key"));
    m.update(body);
    m
}

/// The signature the service sends for `body` (the simulator signs with it).
pub fn sign(key: &[u8], body: &[u8]) -> String {
    hex::encode_upper(mac(key, body).finalize().into_bytes())
}

/// Whether `signature` (hex, any case, spaces around ignored) is the
/// service's signature of exactly these bytes. Constant time.
pub fn verify(key: &[u8], body: &[u8], signature: &str) -> bool {
    match hex::decode(signature.trim()) {
        Ok(given) => mac(key, body).verify_slice(&given).is_ok(),
        Err(_) => false,
    }
}

/// What a verified notification says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notification {
    /// `success` (or `fail`/`failed`), as sent.
    pub status: String,
    /// Our order id (the service's `order_id`).
    pub order_id: String,
    /// The service's own id of the payment (`rq_uuid`, GoPay `id_trans`):
    /// with the order id, what makes a notification unique.
    pub service_id: String,
    /// `tot_bayar` in whole Rupiah when the service states it (`"-"` or
    /// absent: not stated — our own record of the order decides).
    pub paid: Option<i64>,
    /// `multipayment`, `mandiri_manual`, `gopay`, …
    pub channel: String,
}

impl Notification {
    pub fn succeeded(&self) -> bool {
        self.status.eq_ignore_ascii_case("success")
    }
}

/// Reads a verified body (both shapes); `None` when it is not one.
pub fn parse(body: &[u8]) -> Option<Notification> {
    let v: Value = serde_json::from_slice(body).ok()?;
    let order_id = field(&v, "order_id");
    if order_id.is_empty() {
        return None;
    }
    let service_id =
        [field(&v, "rq_uuid"), field(&v, "id_trans")].into_iter().find(|s| !s.is_empty()).unwrap_or_default();
    let paid = crate::infra::json::rupiah(&v, "tot_bayar").filter(|p| *p >= 0);
    Some(Notification { status: field(&v, "status"), order_id, service_id, paid, channel: field(&v, "transaction") })
}

#[cfg(test)]
mod tests {
    use super::*;

    const PID: &[u8] = b"033389b9-cc42-4005-ae9e-8e8ff23738d7";
    /// The seed's example message, exactly these bytes.
    const SEED_BODY: &[u8] = br#"{"rq_uuid": "klnu00242", "rq_datetime": "2020-11-06 09:13:19", "order_id": "klnu00242", "status":"success", "message":"transaction success!"}"#;
    const SEED_SIGNATURE: &str = "84CBE7E264FE83FFEC1023892E1F61C84E302F07A927121E21F1086A2702CAF5";

    #[test]
    fn the_seeds_signature_vector() {
        assert_eq!(sign(PID, SEED_BODY), SEED_SIGNATURE);
        assert!(verify(PID, SEED_BODY, SEED_SIGNATURE));
        assert!(verify(PID, SEED_BODY, &SEED_SIGNATURE.to_lowercase()));
    }

    #[test]
    fn the_raw_bytes_are_signed_not_the_json() {
        // The same JSON re-serialised (no spaces) is other bytes: not verified.
        let v: Value = serde_json::from_slice(SEED_BODY).unwrap();
        assert!(!verify(PID, v.to_string().as_bytes(), SEED_SIGNATURE));
        assert!(!verify(b"another-pid", SEED_BODY, SEED_SIGNATURE));
        assert!(!verify(PID, SEED_BODY, "not hex"));
        assert!(!verify(PID, SEED_BODY, ""));
    }

    #[test]
    fn both_notification_shapes_are_read() {
        let multi = br#"{"status":"success","message":"transaction success!","rq_uuid":"KLNU00252","rq_datetime":"2020-11-12 09:13:19","order_id":"KLNU00252","kd_pay":"174","tot_bayar":"474765","norek":"1190000879898","transaction":"multipayment"}"#;
        let n = parse(multi).unwrap();
        assert_eq!(
            (n.order_id.as_str(), n.service_id.as_str(), n.paid, n.channel.as_str()),
            ("KLNU00252", "KLNU00252", Some(474_765), "multipayment")
        );
        assert!(n.succeeded());
        let manual = br#"{"status":"success","order_id":"KLNU00252","rq_uuid":"KLNU00252","tot_bayar":"-","transaction":"mandiri_manual"}"#;
        assert_eq!(parse(manual).unwrap().paid, None, "'-' states no amount");
        let gopay = br#"{"status":"success","message":"transaction success!","id_trans":"12345","rq_datetime":"2021-03-16 19:12:43","order_id":"1234/917/ATG","transaction":"gopay"}"#;
        let g = parse(gopay).unwrap();
        assert_eq!((g.service_id.as_str(), g.channel.as_str(), g.paid), ("12345", "gopay", None));
        assert!(!parse(br#"{"status":"fail","order_id":"x"}"#).unwrap().succeeded());
        assert!(parse(b"{}").is_none() && parse(b"not json").is_none());
    }
}
