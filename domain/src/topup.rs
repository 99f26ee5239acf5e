//! Deposit top-up as the partner and finance see it: the methods the
//! payment service offers, an order's instructions and state, the
//! partner's permanent virtual accounts.

use serde::{Deserialize, Serialize};

/// Where an order stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum TopupStatus {
    /// Menunggu Pembayaran.
    Waiting,
    /// Berhasil: the deposit was credited.
    Paid,
    /// Kedaluwarsa: not paid in time.
    Expired,
    /// Selisih: paid with another amount — finance decides.
    Mismatch,
    /// Gagal: the service would not create it.
    Failed,
}

impl TopupStatus {
    pub fn code(self) -> &'static str {
        match self {
            TopupStatus::Waiting => "waiting",
            TopupStatus::Paid => "paid",
            TopupStatus::Expired => "expired",
            TopupStatus::Mismatch => "mismatch",
            TopupStatus::Failed => "failed",
        }
    }

    pub fn from_code(code: &str) -> Option<TopupStatus> {
        [TopupStatus::Waiting, TopupStatus::Paid, TopupStatus::Expired, TopupStatus::Mismatch, TopupStatus::Failed]
            .into_iter()
            .find(|s| s.code() == code)
    }

    /// The label the page shows (Indonesian, English).
    pub fn label(self) -> (&'static str, &'static str) {
        match self {
            TopupStatus::Waiting => ("Menunggu Pembayaran", "Awaiting payment"),
            TopupStatus::Paid => ("Berhasil", "Successful"),
            TopupStatus::Expired => ("Kedaluwarsa", "Expired"),
            TopupStatus::Mismatch => ("Selisih", "Amount differs"),
            TopupStatus::Failed => ("Gagal", "Failed"),
        }
    }
}

/// One payment method, as offered now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TopupMethodOut {
    /// `va:<bankCode>` or `gopay`.
    pub code: String,
    pub label: String,
    pub admin_fee: i64,
    pub available: bool,
}

/// A permanent virtual account of the partner at one bank.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PermanentVaOut {
    pub bank_code: String,
    pub bank_name: String,
    pub va_number: String,
    pub fee: i64,
}

/// A top-up order with what to pay.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TopupOrderOut {
    pub order_id: String,
    pub method: String,
    pub method_label: String,
    /// What the partner asked for.
    pub nominal: i64,
    /// Exactly what to transfer (unique code included): what is credited.
    pub amount: i64,
    pub status: TopupStatus,
    /// VA number / payment code (VA), empty for GoPay.
    pub pay_code: String,
    /// GoPay: the QR as SVG, drawn by us from the deeplink.
    pub qr_svg: Option<String>,
    /// GoPay deeplink or a card payment page.
    pub pay_link: Option<String>,
    /// When the order may be paid until (WIB), and how many seconds are
    /// left as the server answered (the page counts down from there).
    pub expires_wib: String,
    pub expires_in_secs: i64,
    pub created_wib: String,
    pub settled_wib: Option<String>,
}

/// The Top Up Deposit page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TopupPageOut {
    /// The payment service is configured here.
    pub offered: bool,
    pub min: i64,
    pub max: i64,
    pub methods: Vec<TopupMethodOut>,
    /// The service could not be asked for its methods just now.
    pub service_down: bool,
    pub accounts: Vec<PermanentVaOut>,
    pub orders: Vec<TopupOrderOut>,
    pub balance: i64,
}

/// A top-up as finance sees it, with the webhooks about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TopupCaseOut {
    pub order: TopupOrderOut,
    pub user_id: crate::UserId,
    pub company: String,
    pub merchant_id: String,
    pub paid_amount: Option<i64>,
    pub resolution: Option<String>,
    pub resolution_note: Option<String>,
    pub resolved_by: Option<String>,
    pub notifications: Vec<TopupNotificationOut>,
}

/// A webhook received.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TopupNotificationOut {
    pub id: String,
    pub order_id: String,
    pub verified: bool,
    /// credited, replay, mismatch, unmatched, failed, not_verified.
    pub outcome: String,
    pub body: String,
    pub received_wib: String,
    /// An unmatched one resolved by finance: what, why, by whom.
    pub resolution: Option<String>,
    pub resolution_note: Option<String>,
    pub resolved_by: Option<String>,
}

/// Finance's list: the orders and the webhooks that matched no order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TopupFinanceOut {
    pub cases: Vec<TopupCaseOut>,
    pub unmatched: Vec<TopupNotificationOut>,
    pub total: u64,
    /// The days reconciled lately, newest first.
    pub reconciliations: Vec<TopupReconcileOut>,
}

/// The name of an Indonesian bank by its national code (as `list_bank`
/// and `register_va` give them), for labels.
pub fn bank_name(code: &str) -> String {
    let name = match code {
        "002" => "BRI",
        "008" => "Mandiri",
        "009" => "BNI",
        "011" => "Danamon",
        "013" => "Permata",
        "014" => "BCA",
        "016" => "Maybank",
        "022" => "CIMB Niaga",
        "451" => "BSI",
        other => return format!("Bank {other}"),
    };
    name.into()
}

/// How a method code reads: `VA BCA`, `GoPay`.
pub fn method_label(code: &str) -> String {
    match code.strip_prefix("va:") {
        Some(bank) => format!("VA {}", bank_name(bank)),
        None if code == "gopay" => "GoPay".into(),
        None if code == "permanent_va" => "VA Permanen".into(),
        None => code.into(),
    }
}

/// One thing that differs between our top-ups and the service's books.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TopupDifferenceOut {
    pub order_id: String,
    /// Our state and amount, `-` when we have nothing.
    pub ours: String,
    /// The service's, `-` when it has nothing.
    pub theirs: String,
    pub what: String,
}

/// A day reconciled.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TopupReconcileOut {
    pub day: String,
    pub checked: u64,
    pub differences: Vec<TopupDifferenceOut>,
}

/// Reads a Rupiah amount as typed: `1.000.000`, `Rp 1.000.000`, `1000000`.
pub fn parse_amount(s: &str) -> Option<i64> {
    let digits: String = s.trim().trim_start_matches("Rp").chars().filter(|c| !matches!(c, '.' | ' ')).collect();
    if digits.is_empty() || digits.len() > 15 || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// A payment method code we may send on: `gopay` or `va:` + 2–4 digits.
pub fn is_method_code(code: &str) -> bool {
    code == "gopay"
        || code.strip_prefix("va:").is_some_and(|b| (2..=4).contains(&b.len()) && b.chars().all(|c| c.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_read_as_typed_with_dots() {
        assert_eq!(parse_amount("1.000.000"), Some(1_000_000));
        assert_eq!(parse_amount("Rp 50.000"), Some(50_000));
        assert_eq!(parse_amount("25000"), Some(25_000));
        assert_eq!(parse_amount("-5"), None);
        assert_eq!(parse_amount("1,5"), None);
        assert_eq!(parse_amount(""), None);
        assert_eq!(parse_amount("9999999999999999999"), None);
    }

    #[test]
    fn only_known_method_shapes_pass() {
        assert!(is_method_code("gopay") && is_method_code("va:014"));
        assert!(!is_method_code("va:") && !is_method_code("va:01x") && !is_method_code("card"));
    }
}
