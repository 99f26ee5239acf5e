//! Deposits, transactions and products as the portal and back office show
//! them. Money is whole Rupiah (`i64`).

use serde::{Deserialize, Serialize};

/// `Rp 10.000.000` (a minus sign before `Rp` for negative amounts).
pub fn rupiah(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push('.');
        }
        grouped.push(c);
    }
    if n < 0 {
        format!("-Rp {grouped}")
    } else {
        format!("Rp {grouped}")
    }
}

stored_enum! {
    /// How a product is bought through the gateway.
    pub enum ProductFlow {
        /// Inquiry, then Payment of the billed amount (PLN, PDAM …).
        Dual = "dual",
        /// SinglePayment at the catalog price (pulsa …).
        Single = "single",
    }
}

stored_enum! {
    /// Why a deposit moved.
    pub enum LedgerKind {
        /// Money in (a top-up, a manual credit).
        Credit = "credit",
        /// A payment.
        Debit = "debit",
        /// A failed payment's money back.
        Refund = "refund",
        /// A manual correction by finance staff.
        Adjustment = "adjustment",
    }
}

stored_enum! {
    /// A biller's circuit breaker: closed lets calls through, open refuses
    /// them until its time is up, probing lets one call try.
    pub enum BreakerState {
        Closed = "closed",
        Open = "open",
        Probing = "probing",
    }
}

stored_enum! {
    /// A callback to the partner's server.
    pub enum DeliveryStatus {
        /// Waiting for its (next) attempt.
        Pending = "pending",
        Delivered = "delivered",
        /// Every attempt failed; "Kirim ulang" starts again.
        Failed = "failed",
    }
}

/// Today's payments (WIB day) of one environment, by outcome.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayCounts {
    pub success: u64,
    pub failed: u64,
    pub pending: u64,
    pub refund: u64,
}

/// The partner dashboard's figures (R-DASH-1).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DashboardOut {
    pub production_deposit: i64,
    pub development_deposit: i64,
    /// Today's production payments.
    pub today: DayCounts,
    /// Today's development (sandbox) payments.
    pub today_development: DayCounts,
    /// Successful production payments of the last 30 WIB days, oldest first.
    pub chart: Vec<DayPoint>,
    /// Days the production deposit lasts at the last 7 days' average spend
    /// (none without spending).
    pub runway_days: Option<i64>,
    /// The level under which the partner is told by e-mail (none: never).
    pub low_balance: Option<i64>,
}

/// One WIB day's successful payments.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayPoint {
    /// `YYYY-MM-DD`.
    pub day: String,
    pub count: i64,
    pub total: i64,
}

/// How long a deposit lasts: `balance` over the average daily spend of
/// `spent` (the last days' totals); none when nothing was spent.
pub fn runway_days(balance: i64, spent: &[i64]) -> Option<i64> {
    let total: i64 = spent.iter().sum();
    if total <= 0 || spent.is_empty() {
        return None;
    }
    // balance / (total / days), in integers: the whole days it covers.
    Some((balance.max(0) as i128 * spent.len() as i128 / total as i128) as i64)
}

/// One ledger entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LedgerEntryOut {
    /// `DD/MM/YYYY HH:MM:SS` WIB.
    pub at: String,
    pub environment: crate::Env,
    pub kind: LedgerKind,
    pub amount: i64,
    pub balance_after: i64,
    pub reference: String,
    pub note: Option<String>,
    pub actor: String,
}

/// One catalog product and whether this partner may sell it in production.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartnerProductOut {
    pub code: String,
    pub name: String,
    pub category: String,
    pub status: ProductStatus,
    /// Live in production for this partner (staff may switch it).
    pub active: bool,
    /// Where it stands for this partner, when the partner has it.
    pub state: Option<crate::products::ProductState>,
}

/// A partner's money and products, for staff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartnerFinanceOut {
    pub production_deposit: i64,
    pub development_deposit: i64,
    pub entries: Vec<LedgerEntryOut>,
    pub products: Vec<PartnerProductOut>,
    /// Over the daily Sign-On limit and waiting for a reset.
    pub signon_blocked: bool,
}

/// A biller's circuit breaker: `closed` (normal), `open` (its products
/// answer rc 38 until `open_until`) or `probing` (one call is testing it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BreakerOut {
    pub biller: String,
    pub state: BreakerState,
    /// Consecutive failures so far.
    pub failures: i32,
    /// WIB `DD/MM/YYYY HH:MM:SS`.
    pub opened_at: Option<String>,
    pub open_until: Option<String>,
    /// How often it opened.
    pub trips: i32,
    pub last_error: Option<String>,
}

/// How a fixed-price product's catalog stands against a biller's sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PriceVerdict {
    /// The biller charges what the catalog says.
    Same,
    /// The biller's buy price moved: update the catalog's buy price.
    Changed,
    /// The biller charges more than the catalog sells for.
    Loss,
    /// The biller has it out of stock or disturbed.
    Unavailable,
    /// Not on the biller's sheet.
    Missing,
}

impl PriceVerdict {
    /// `price`: what the catalog sells for; `buy`: the catalog's buy price;
    /// `biller`: the sheet's buy price and availability, if listed.
    pub fn of(price: i64, buy: i64, biller: Option<(i64, bool)>) -> PriceVerdict {
        match biller {
            None => PriceVerdict::Missing,
            Some((_, false)) => PriceVerdict::Unavailable,
            Some((b, _)) if b > price => PriceVerdict::Loss,
            Some((b, _)) if b != buy => PriceVerdict::Changed,
            Some(_) => PriceVerdict::Same,
        }
    }
}

/// One catalog product against a biller's price sheet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PriceRowOut {
    pub code: String,
    pub name: String,
    pub price: i64,
    pub catalog_buy: i64,
    pub biller_buy: Option<i64>,
    pub verdict: PriceVerdict,
}

/// One biller's price sheet compared with the catalog.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PriceCheckOut {
    pub environment: crate::Env,
    pub biller: String,
    /// The biller could not be asked (its error).
    pub error: Option<String>,
    pub rows: Vec<PriceRowOut>,
}

/// One published development number (the sandbox's table).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TestNumberOut {
    pub family: String,
    pub customer_id: String,
    pub rc: String,
    pub description: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_runway_is_the_balance_over_the_average_day() {
        // Rp 700.000 spent in 7 days: Rp 100.000 a day.
        let week = [100_000; 7];
        assert_eq!(runway_days(1_050_000, &week), Some(10));
        assert_eq!(runway_days(99_999, &week), Some(0));
        assert_eq!(runway_days(-5, &week), Some(0));
        assert_eq!(runway_days(1_000_000, &[0; 7]), None, "nothing spent: no estimate");
        assert_eq!(runway_days(1_000_000, &[]), None);
    }

    #[test]
    fn a_price_sheet_row_gets_one_verdict() {
        assert_eq!(PriceVerdict::of(11_100, 10_850, Some((10_850, true))), PriceVerdict::Same);
        assert_eq!(PriceVerdict::of(11_100, 10_850, Some((10_900, true))), PriceVerdict::Changed);
        assert_eq!(PriceVerdict::of(99_250, 98_900, Some((99_400, true))), PriceVerdict::Loss);
        assert_eq!(PriceVerdict::of(11_100, 10_850, Some((10_850, false))), PriceVerdict::Unavailable);
        assert_eq!(PriceVerdict::of(11_100, 10_850, None), PriceVerdict::Missing);
    }

    #[test]
    fn rupiah_groups_thousands_with_dots() {
        assert_eq!(rupiah(10_000_000), "Rp 10.000.000");
        assert_eq!(rupiah(0), "Rp 0");
        assert_eq!(rupiah(999), "Rp 999");
        assert_eq!(rupiah(1_000), "Rp 1.000");
        assert_eq!(rupiah(-10_950), "-Rp 10.950");
    }
}

/// A whitelist entry as the partner and staff see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IpEntryOut {
    pub id: crate::IpEntryId,
    pub environment: crate::Env,
    pub ip: String,
    pub status: IpStatus,
    pub reason: Option<String>,
    pub created_at: String,
    /// For staff: whose entry.
    pub company: Option<String>,
    pub merchant_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
/// "Pengaturan Koneksi": a page of the partner's addresses.
pub struct IpOverview {
    pub ips: crate::Page<IpEntryOut>,
    /// The two base URLs shown on "Pengaturan Koneksi".
    pub development_url: String,
    pub production_url: String,
}

/// The largest single movement of money: Rp 1.000.000.000.000.
pub const MAX_MOVEMENT: i64 = 1_000_000_000_000;
/// The largest balance a deposit may hold: far below where integer sums or
/// SQLite's float fallback could lose a Rupiah.
pub const MAX_BALANCE: i64 = 1_000_000_000_000_000;

/// Addresses a partner may register per environment.
pub const IP_LIMIT: u64 = 10;

/// The partner's callback settings and latest deliveries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallbackSettingsOut {
    pub url: String,
    /// Signs `X-Callback-Signature` (HMAC-SHA256).
    pub secret: String,
    pub deliveries: Vec<CallbackDeliveryOut>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallbackDeliveryOut {
    pub id: crate::DeliveryId,
    pub created_at: String,
    pub status: DeliveryStatus,
    pub attempts: i32,
    pub last_status: Option<i32>,
    pub last_error: Option<String>,
    pub payload: String,
}

/// A catalog product as staff edit it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductOut {
    pub code: String,
    pub name: String,
    pub category: String,
    pub biller: String,
    /// `dual` (Inquiry + Payment) or `single` (SinglePayment).
    pub flow: ProductFlow,
    pub price: i64,
    pub admin_fee: i64,
    pub partner_fee: i64,
    pub buy_price: i64,
    pub status: ProductStatus,
}

/// The billers a product may be served by (its routing and outage key).
/// Development serves every one from the sandbox; production adapters are
/// chosen by these names.
pub const BILLERS: &[&str] = &[
    "pln",
    "pdam",
    "bpjs",
    "telkom",
    "pulsa",
    "ewallet",
    "pbb",
    "multifinance",
    "remittance",
    "transfer",
    "streaming",
    "paytv",
    "voucher",
    "zakat",
];

/// What staff may change about a product.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProductIn {
    pub name: String,
    /// One of [`BILLERS`]; empty keeps the product's biller.
    pub biller: String,
    pub price: i64,
    pub admin_fee: i64,
    pub partner_fee: i64,
    pub buy_price: i64,
    pub status: String,
}

stored_enum! {
    /// Whether a product is sold: `Maintenance` answers rc 38.
    pub enum ProductStatus {
        Aktif = "aktif",
        Maintenance = "maintenance",
        Nonaktif = "nonaktif",
    }
}

stored_enum! {
    /// A whitelist entry waits for staff, who approve or reject it.
    pub enum IpStatus {
        Pending = "pending",
        Approved = "approved",
        Rejected = "rejected",
    }
}

/// A new catalog product ("Tambah Produk" of the back office).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct NewProductIn {
    /// 3–12 capital letters or digits, e.g. `100301`, `NFX054`.
    pub code: String,
    pub category: String,
    /// `dual` or `single`.
    pub flow: String,
    /// Pulsa operator prefix (`21` Telkomsel …), for getPulsa-Prabayar.
    pub operator_prefix: String,
    /// Its getHargaByProductID sub-family code, if it has one.
    pub family: String,
    pub details: ProductIn,
}

impl NewProductIn {
    pub fn problems(&self) -> Vec<crate::FieldError> {
        let mut errs = self.details.problems();
        let code = self.code.trim();
        if !(3..=12).contains(&code.len()) || !code.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit()) {
            errs.push(crate::FieldError::new("code", crate::Problem::CodeInvalid));
        }
        if self.category.trim().is_empty() {
            errs.push(crate::FieldError::new("category", crate::Problem::Required));
        }
        if ProductFlow::from_code(&self.flow).is_none() {
            errs.push(crate::FieldError::new("flow", crate::Problem::Required));
        }
        if !crate::billers::is_biller_name(&self.details.biller) {
            errs.push(crate::FieldError::new("biller", crate::Problem::Required));
        }
        errs
    }
}

/// A product category ("Pilih Kategori Produk").
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CategoryIn {
    /// Capital letters, digits and spaces, at most 40 (`TV BERBAYAR`).
    pub code: String,
    pub name: String,
}

impl CategoryIn {
    pub fn problems(&self) -> Vec<crate::FieldError> {
        let mut errs = Vec::new();
        let code = self.code.trim();
        let shape = code.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b' ');
        if code.is_empty() || code.len() > 40 || !shape {
            errs.push(crate::FieldError::new("code", crate::Problem::CodeInvalid));
        }
        if let Err(p) = crate::account::check_required(&self.name, 80) {
            errs.push(crate::FieldError::new("name", p));
        }
        errs
    }
}

impl ProductIn {
    pub fn problems(&self) -> Vec<crate::FieldError> {
        let mut errs = Vec::new();
        // Known names or configured ones (the server checks which exist).
        if !self.biller.is_empty() && !crate::billers::is_biller_name(&self.biller) {
            errs.push(crate::FieldError::new("biller", crate::Problem::Required));
        }
        if let Err(p) = crate::account::check_required(&self.name, 100) {
            errs.push(crate::FieldError::new("name", p));
        }
        for (field, v) in [
            ("price", self.price),
            ("admin_fee", self.admin_fee),
            ("partner_fee", self.partner_fee),
            ("buy_price", self.buy_price),
        ] {
            if !(0..=100_000_000).contains(&v) {
                errs.push(crate::FieldError::new(field, crate::Problem::AmountInvalid));
            }
        }
        if ProductStatus::from_code(&self.status).is_none() {
            errs.push(crate::FieldError::new("status", crate::Problem::Required));
        }
        errs
    }
}

/// What a reconciliation run ("Rekonsiliasi H+1") closed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReconcileOut {
    pub day: String,
    pub succeeded: u64,
    pub failed: u64,
    /// Being asked (or just settled) by a worker at that moment: a re-run
    /// closes what is still open.
    pub busy: u64,
}
