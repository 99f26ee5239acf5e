//! The development environment's biller: outcomes chosen by the customer
//! number, from one table that the portal's "Nomor Development" page shows
//! too (open-api.md §7). Any other number is paid successfully.

use super::{Bill, BillRequest, Biller, BillerError, PayOutcome, PayRequest};
use serde::Serialize;
use serde_json::json;

/// What a test number does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Outcome {
    /// rc 00 at once.
    Success,
    /// Pending (rc 71) at payment; success when its status is asked.
    PendingThenSuccess,
    /// Pending at payment; failed (rc 17, deposit refunded) afterwards.
    PendingThenFailed,
    /// The biller does not answer in time (rc 39, pending); success later.
    TimeoutThenSuccess,
    /// Refused at inquiry and payment with this rc.
    Declined(&'static str),
}

/// One published development number.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct TestNumber {
    pub family: &'static str,
    pub customer_id: &'static str,
    pub outcome: Outcome,
    pub rc: &'static str,
    pub description: &'static str,
}

const fn n(
    family: &'static str,
    customer_id: &'static str,
    outcome: Outcome,
    rc: &'static str,
    description: &'static str,
) -> TestNumber {
    TestNumber { family, customer_id, outcome, rc, description }
}

/// Every development number and its outcome.
pub const NUMBERS: &[TestNumber] = &[
    // The manual's PLN postpaid numbers, all rc 00.
    n("PLN Pascabayar", "1100000843766", Outcome::Success, "00", "Tagihan tersedia, pembayaran berhasil"),
    n("PLN Pascabayar", "11010000269", Outcome::Success, "00", "Tagihan tersedia, pembayaran berhasil"),
    n("PLN Pascabayar", "110100002696", Outcome::Success, "00", "Tagihan tersedia, pembayaran berhasil"),
    n("PLN Pascabayar", "110100004784", Outcome::Success, "00", "Tagihan tersedia, pembayaran berhasil"),
    n("PLN Pascabayar", "110100012017", Outcome::Success, "00", "Tagihan tersedia, pembayaran berhasil"),
    n("PLN Pascabayar", "110100014230", Outcome::Success, "00", "Tagihan tersedia, pembayaran berhasil"),
    n("PLN Pascabayar", "110100019766", Outcome::Success, "00", "Tagihan tersedia, pembayaran berhasil"),
    n("Semua produk", "…00", Outcome::Success, "00", "Berhasil"),
    n("Semua produk", "…01", Outcome::PendingThenSuccess, "71", "Pending, lalu berhasil (callback rc 00)"),
    n("Semua produk", "…17", Outcome::PendingThenFailed, "71", "Pending, lalu gagal (rc 17) dan deposit dikembalikan"),
    n("Semua produk", "…39", Outcome::TimeoutThenSuccess, "39", "Timeout dari biller (pending), lalu berhasil"),
    n("Semua produk", "…64", Outcome::Declined("64"), "64", "Tagihan sudah terbayar"),
    n("Semua produk", "…65", Outcome::Declined("65"), "65", "Nomor pelanggan salah"),
    n("Semua produk", "…85", Outcome::Declined("85"), "85", "Sedang dalam masa cut off"),
];

/// The outcome of a customer number: an exact entry, else its last two digits.
pub fn outcome_of(customer_id: &str) -> Outcome {
    if let Some(t) = NUMBERS.iter().find(|t| t.customer_id == customer_id) {
        return t.outcome;
    }
    let suffix = customer_id.get(customer_id.len().saturating_sub(2)..).unwrap_or_default();
    NUMBERS
        .iter()
        .find(|t| t.customer_id.strip_prefix('…') == Some(suffix))
        .map(|t| t.outcome)
        .unwrap_or(Outcome::Success)
}

/// A stable bill amount per number, Rp 50.000–449.900 in hundreds.
fn amount_for(customer_id: &str) -> i64 {
    let h = customer_id.bytes().fold(7u64, |h, b| h.wrapping_mul(31).wrapping_add(u64::from(b)));
    50_000 + (h % 4_000) as i64 * 100
}

pub struct Sandbox;

#[async_trait::async_trait]
impl Biller for Sandbox {
    async fn inquiry(&self, req: &BillRequest) -> Result<Bill, BillerError> {
        if let Outcome::Declined(rc) = outcome_of(&req.customer_id) {
            return Err(BillerError::Declined(rc));
        }
        Ok(Bill {
            name: format!("PELANGGAN {}", &req.customer_id[req.customer_id.len().saturating_sub(4)..]),
            tagihan: amount_for(&req.customer_id),
            periode: req.periode.clone().unwrap_or_else(|| "NOV26".into()),
        })
    }

    async fn pay(&self, req: &PayRequest) -> Result<PayOutcome, BillerError> {
        let biller_ref = format!("SBX{}", req.reference_id);
        match outcome_of(&req.customer_id) {
            Outcome::Success => Ok(success(req)),
            Outcome::PendingThenSuccess | Outcome::PendingThenFailed => Ok(PayOutcome::Pending { biller_ref }),
            Outcome::TimeoutThenSuccess => Err(BillerError::Timeout),
            Outcome::Declined(rc) => Err(BillerError::Declined(rc)),
        }
    }

    async fn status(&self, req: &PayRequest, _biller_ref: &str) -> Result<PayOutcome, BillerError> {
        match outcome_of(&req.customer_id) {
            Outcome::PendingThenFailed => Ok(PayOutcome::Failed { rc: "17" }),
            Outcome::Declined(rc) => Ok(PayOutcome::Failed { rc }),
            _ => Ok(success(req)),
        }
    }
}

fn success(req: &PayRequest) -> PayOutcome {
    let sn = format!("{:020}", amount_for(&req.reference_id) as u64 * 1_000_003 % 100_000_000_000_000_000);
    PayOutcome::Success { data: json!({ "sn": sn, "noReferensi": req.reference_id }), sn }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_choose_their_outcome() {
        assert_eq!(outcome_of("110100019766"), Outcome::Success);
        assert_eq!(outcome_of("081234567801"), Outcome::PendingThenSuccess);
        assert_eq!(outcome_of("5000017"), Outcome::PendingThenFailed);
        assert_eq!(outcome_of("5000064"), Outcome::Declined("64"));
        assert_eq!(outcome_of("123456"), Outcome::Success);
        assert_eq!(outcome_of("7"), Outcome::Success);
    }

    #[test]
    fn bills_are_stable_per_number() {
        let a = amount_for("110100019766");
        assert_eq!(a, amount_for("110100019766"));
        assert!((50_000..450_000).contains(&a) && a % 100 == 0);
    }
}
