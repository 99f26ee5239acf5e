//! The development environment's biller: outcomes chosen by the customer
//! number, from one table that the portal's "Nomor Development" page shows
//! too (open-api.md §7). Any other number is paid successfully.

use super::{Bill, BillRequest, Biller, BillerError, BillerPrice, PayOutcome, PayRequest, PollPolicy};
use crate::gateway::rc::Rc;
use serde::Serialize;
use serde_json::json;
use std::time::Duration;

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
    /// Pending at payment and whenever asked; closed by the H+1
    /// reconciliation as failed, deposit refunded.
    PendingUntilReconciliation,
    /// The biller is unreachable (rc 38); five in a row open the breaker.
    Down,
    /// The biller takes [`SLOW_PAY`] to pay, then succeeds; asked about the
    /// payment meanwhile it says failed (it has not booked it yet). Nobody
    /// may ask while the payment's own call is in flight.
    Slow,
    /// Refused at inquiry and payment with this rc.
    Declined(Rc),
}

/// One published development number.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct TestNumber {
    pub family: &'static str,
    pub customer_id: &'static str,
    pub outcome: Outcome,
    pub rc: Rc,
    pub description: &'static str,
}

const fn n(
    family: &'static str,
    customer_id: &'static str,
    outcome: Outcome,
    rc: Rc,
    description: &'static str,
) -> TestNumber {
    TestNumber { family, customer_id, outcome, rc, description }
}

/// Every development number and its outcome.
pub const NUMBERS: &[TestNumber] = &[
    // The manual's PLN postpaid numbers, all rc 00.
    n("PLN Pascabayar", "1100000843766", Outcome::Success, Rc::Success, "Tagihan tersedia, pembayaran berhasil"),
    n("PLN Pascabayar", "11010000269", Outcome::Success, Rc::Success, "Tagihan tersedia, pembayaran berhasil"),
    n("PLN Pascabayar", "110100002696", Outcome::Success, Rc::Success, "Tagihan tersedia, pembayaran berhasil"),
    n("PLN Pascabayar", "110100004784", Outcome::Success, Rc::Success, "Tagihan tersedia, pembayaran berhasil"),
    n("PLN Pascabayar", "110100012017", Outcome::Success, Rc::Success, "Tagihan tersedia, pembayaran berhasil"),
    n("PLN Pascabayar", "110100014230", Outcome::Success, Rc::Success, "Tagihan tersedia, pembayaran berhasil"),
    n("PLN Pascabayar", "110100019766", Outcome::Success, Rc::Success, "Tagihan tersedia, pembayaran berhasil"),
    n("Semua produk", "…00", Outcome::Success, Rc::Success, "Berhasil"),
    n("Semua produk", "…01", Outcome::PendingThenSuccess, Rc::Pending, "Pending, lalu berhasil (callback rc 00)"),
    n(
        "Semua produk",
        "…17",
        Outcome::PendingThenFailed,
        Rc::Pending,
        "Pending, lalu gagal (rc 17) dan deposit dikembalikan",
    ),
    n(
        "Semua produk",
        "…39",
        Outcome::TimeoutThenSuccess,
        Rc::BillerTimeout,
        "Timeout dari biller (pending), lalu berhasil",
    ),
    n(
        "Semua produk",
        "…71",
        Outcome::PendingUntilReconciliation,
        Rc::Pending,
        "Pending terus; ditutup rekonsiliasi H+1 sebagai gagal, deposit dikembalikan",
    ),
    n(
        "Semua produk",
        "…38",
        Outcome::Down,
        Rc::BillerLinkDown,
        "Biller terputus; 5 kali berturut-turut membuat produk biller itu Maintenance (rc 38) sementara",
    ),
    n(
        "Semua produk",
        "…72",
        Outcome::Slow,
        Rc::Success,
        "Biller lambat (3 detik), lalu berhasil; Check-Status selama proses tetap pending",
    ),
    n("Semua produk", "…64", Outcome::Declined(Rc::AlreadyPaid), Rc::AlreadyPaid, "Tagihan sudah terbayar"),
    n(
        "Semua produk",
        "…65",
        Outcome::Declined(Rc::WrongCustomerNumber),
        Rc::WrongCustomerNumber,
        "Nomor pelanggan salah",
    ),
    n("Semua produk", "…85", Outcome::Declined(Rc::CutOff), Rc::CutOff, "Sedang dalam masa cut off"),
    n(
        "Semua produk",
        "…67",
        Outcome::Declined(Rc::ProcessFailure),
        Rc::ProcessFailure,
        "Saldo kami di biller tidak cukup (gagal, deposit dikembalikan)",
    ),
    n(
        "Semua produk",
        "…91",
        Outcome::Success,
        Rc::Success,
        "PDAM: token kedaluwarsa sekali, diulang otomatis dengan token baru, lalu berhasil",
    ),
];

/// The sandbox's own price sheet (product code, buy price, available), as
/// a provider would publish it. It follows the catalog's buy prices except
/// where a provider's sheet typically drifts: Telkomsel 100.000 dearer than
/// the catalog sells it, Smartfren 10.000 out of stock.
pub const PRICES: &[(&str, i64, bool)] = &[
    ("500511", 5_900, true),
    ("501011", 10_850, true),
    ("502511", 25_300, true),
    ("500521", 6_100, true),
    ("501021", 10_700, true),
    ("502521", 25_150, true),
    ("505021", 49_800, true),
    ("510021", 99_400, true),
    ("501031", 10_750, true),
    ("502531", 24_950, true),
    ("501041", 10_050, true),
    ("501051", 10_750, true),
    ("501081", 10_150, false),
    ("5D0121", 15_100, true),
    ("751021", 20_700, true),
    ("752021", 20_700, true),
    ("754021", 20_650, true),
    ("753021", 21_000, true),
    ("755021", 20_700, true),
    ("756021", 20_650, true),
    ("NFX054", 53_000, true),
    ("NFX186", 183_000, true),
    ("VID039", 37_500, true),
    ("SPT055", 53_900, true),
    ("MLB086", 23_800, true),
    ("FFR140", 19_400, true),
    ("STM060", 64_500, true),
    ("ALF050", 50_000, true),
    ("GRF050", 49_800, true),
    ("CGV050", 49_500, true),
];

/// How long a [`Outcome::Slow`] payment takes at the biller.
pub const SLOW_PAY: Duration = Duration::from_secs(3);

/// The last `n` characters of `s` (characters, not bytes: any input).
fn last_chars(s: &str, n: usize) -> String {
    let skip = s.chars().count().saturating_sub(n);
    s.chars().skip(skip).collect()
}

/// The outcome of a customer number: an exact entry, else its last two digits.
pub fn outcome_of(customer_id: &str) -> Outcome {
    if let Some(t) = NUMBERS.iter().find(|t| t.customer_id == customer_id) {
        return t.outcome;
    }
    let suffix = last_chars(customer_id, 2);
    let suffix = suffix.as_str();
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
        match outcome_of(&req.customer_id) {
            Outcome::Declined(rc) => return Err(BillerError::Declined(rc)),
            Outcome::Down => return Err(down()),
            _ => {}
        }
        Ok(Bill {
            name: format!("PELANGGAN {}", last_chars(&req.customer_id, 4)),
            tagihan: amount_for(&req.customer_id),
            periode: req.periode.clone().unwrap_or_else(|| "NOV26".into()),
            details: serde_json::Value::Null,
        })
    }

    async fn pay(&self, req: &PayRequest) -> Result<PayOutcome, BillerError> {
        let biller_ref = format!("SBX{}", req.reference_id);
        match outcome_of(&req.customer_id) {
            Outcome::Success => Ok(success(req)),
            Outcome::PendingThenSuccess | Outcome::PendingThenFailed | Outcome::PendingUntilReconciliation => {
                Ok(PayOutcome::Pending { biller_ref })
            }
            Outcome::TimeoutThenSuccess => Err(BillerError::Timeout),
            Outcome::Slow => {
                tokio::time::sleep(SLOW_PAY).await;
                Ok(success(req))
            }
            Outcome::Down => Err(down()),
            Outcome::Declined(rc) => Err(BillerError::Declined(rc)),
        }
    }

    async fn status(&self, req: &PayRequest, biller_ref: &str) -> Result<PayOutcome, BillerError> {
        match outcome_of(&req.customer_id) {
            Outcome::PendingThenFailed | Outcome::Slow => Ok(PayOutcome::Failed { rc: Rc::Failed }),
            Outcome::Declined(rc) => Ok(PayOutcome::Failed { rc }),
            Outcome::PendingUntilReconciliation => Ok(PayOutcome::Pending { biller_ref: biller_ref.to_owned() }),
            Outcome::Down => Err(down()),
            _ => Ok(success(req)),
        }
    }

    async fn price_list(&self) -> Result<Vec<BillerPrice>, BillerError> {
        Ok(PRICES
            .iter()
            .map(|&(code, buy_price, available)| BillerPrice { product_code: code.into(), buy_price, available })
            .collect())
    }

    /// Like the providers that promise an answer within 15 minutes.
    fn polling(&self) -> PollPolicy {
        PollPolicy {
            first: Duration::from_secs(15),
            max_interval: Duration::from_secs(120),
            window: Some(Duration::from_secs(15 * 60)),
        }
    }
}

fn down() -> BillerError {
    BillerError::Down("sandbox: koneksi ke biller terputus".into())
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
        assert_eq!(outcome_of("5000064"), Outcome::Declined(Rc::AlreadyPaid));
        assert_eq!(outcome_of("5000071"), Outcome::PendingUntilReconciliation);
        assert_eq!(outcome_of("5000038"), Outcome::Down);
        assert_eq!(outcome_of("123456"), Outcome::Success);
        assert_eq!(outcome_of("7"), Outcome::Success);
        assert_eq!(outcome_of("5000072"), Outcome::Slow);
    }

    #[tokio::test]
    async fn any_customer_number_gets_an_answer_not_a_panic() {
        for id in ["", "é", "12é", "日本語の番号", "081234567817ü", "\u{1F600}\u{1F600}"] {
            let _ = outcome_of(id);
            let req = BillRequest { product_code: "400461".into(), customer_id: id.into(), periode: None };
            let _ = Sandbox.inquiry(&req).await;
        }
        assert_eq!(last_chars("12日本", 2), "日本");
    }

    #[test]
    fn bills_are_stable_per_number() {
        let a = amount_for("110100019766");
        assert_eq!(a, amount_for("110100019766"));
        assert!((50_000..450_000).contains(&a) && a % 100 == 0);
    }
}
