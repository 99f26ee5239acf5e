//! The partner's reports (Laporan): the deposit statement (Rekening Koran)
//! so far — every ledger entry of a WIB period with its running balance,
//! the period's opening and closing balance — and what exports neutralise.

use crate::finance::LedgerKind;
use serde::{Deserialize, Serialize};

/// Entries a statement page shows at most.
pub const STATEMENT_PAGE: u64 = 50;
/// The longest period one statement covers, in days.
pub const MAX_PERIOD_DAYS: i64 = 366;

/// Which statement: environment, WIB dates `YYYY-MM-DD` (inclusive; empty:
/// this month so far), and the cursor of the page after (empty: first).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct StatementIn {
    pub environment: String,
    pub from: String,
    pub to: String,
    pub after: String,
}

/// One ledger entry as the statement shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatementLineOut {
    /// `DD/MM/YYYY HH:MM:SS` WIB.
    pub at: String,
    pub kind: LedgerKind,
    pub reference: String,
    pub note: Option<String>,
    /// Money out (positive), or 0.
    pub debit: i64,
    /// Money in, or 0.
    pub credit: i64,
    /// The balance after this entry.
    pub balance: i64,
}

/// A page of the statement with the period's figures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatementOut {
    pub environment: crate::Env,
    pub from: String,
    pub to: String,
    pub opening: i64,
    pub closing: i64,
    pub total_credit: i64,
    pub total_debit: i64,
    pub count: u64,
    pub lines: Vec<StatementLineOut>,
    /// The cursor of the next page, when there is one.
    pub next: Option<String>,
}

/// A text cell as a spreadsheet must not read it as a formula: a leading
/// `=`, `+`, `-`, `@`, tab or carriage return gets a `'` in front.
pub fn neutralised(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell.to_owned(),
    }
}

/// One CSV field: neutralised, quoted when it holds a separator, quote or newline.
pub fn csv_field(cell: &str) -> String {
    let safe = neutralised(cell);
    if safe.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", safe.replace('"', "\"\""))
    } else {
        safe
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised_and_fields_quoted() {
        assert_eq!(csv_field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_field("+62811"), "'+62811");
        assert_eq!(csv_field("-1"), "'-1");
        assert_eq!(csv_field("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_field("topup:TU-1"), "topup:TU-1");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
    }
}

/// "Status Transaksi": which transactions — environment, WIB dates
/// (empty: the last 7 days), and optional filters; the page cursor.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct TxSearchIn {
    pub environment: String,
    pub from: String,
    pub to: String,
    pub reference_id: String,
    pub customer_id: String,
    pub product_code: String,
    /// A `TxStatus` code, or empty for all.
    pub status: String,
    pub after: String,
}

/// One transaction in the list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TxRowOut {
    pub id: String,
    pub at: String,
    pub kind: crate::transaction::TxKind,
    pub product_code: String,
    pub customer_id: String,
    pub reference_id: String,
    pub status: crate::transaction::TxStatus,
    pub rc: String,
    pub total: i64,
    /// The partner's company and merchant ID (staff views only; empty for partners).
    #[serde(default)]
    pub partner: String,
}

/// A page of transactions, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TxPageOut {
    pub rows: Vec<TxRowOut>,
    pub next: Option<String>,
}

/// One moment of a transaction's story.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineOut {
    pub at: String,
    /// request, biller, ledger, callback, final.
    pub what: String,
    pub detail: String,
}

/// A transaction with its whole story, oldest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TxDetailOut {
    pub row: TxRowOut,
    pub environment: crate::Env,
    pub tagihan: i64,
    pub admin: i64,
    /// The answer's `data` as sent to the partner (JSON).
    pub data: String,
    pub timeline: Vec<TimelineOut>,
}

/// One product and status of a day's payments.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DayGroupOut {
    pub product_code: String,
    pub status: crate::transaction::TxStatus,
    pub count: i64,
    pub total: i64,
}

/// "Pelunasan Harian": one WIB day's payments by product and status, with
/// the deposit's opening and closing balance of that day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DaySettlementOut {
    pub day: String,
    pub environment: crate::Env,
    pub opening: i64,
    pub closing: i64,
    pub groups: Vec<DayGroupOut>,
    /// Successful payments: how many, and their sum.
    pub success_count: i64,
    pub success_total: i64,
    /// The day is over: its reconciliation file can be downloaded.
    pub over: bool,
}

/// "Rekap Pelunasan": which period — `minggu` (this WIB week so far),
/// `bulan` (this month so far), or empty with `from`/`to` (custom).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RecapIn {
    pub environment: String,
    pub period: String,
    pub from: String,
    pub to: String,
}

/// One product's successful payments in a period (or the period's total).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecapRowOut {
    pub category: String,
    pub product_code: String,
    pub product_name: String,
    pub count: i64,
    pub tagihan: i64,
    /// The admin fees charged (the partner's fee included).
    pub admin: i64,
    /// The partner's fee within them.
    pub partner_fee: i64,
    pub total: i64,
}

/// A period's settled payments per category and product, with totals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecapOut {
    pub environment: crate::Env,
    pub from: String,
    pub to: String,
    /// By category, then product code.
    pub rows: Vec<RecapRowOut>,
    pub total: RecapRowOut,
    /// Payments of the period still pending, and failed ones.
    pub pending_count: i64,
    pub failed_count: i64,
}

/// The reports' landing page (Laporan · Halaman Utama): this month's and
/// today's figures and the deposit now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportsHomeOut {
    pub month: RecapOut,
    pub today_count: i64,
    pub today_total: i64,
    pub balance: i64,
    /// The month's five largest products by amount.
    pub top: Vec<RecapRowOut>,
}

/// "Pelunasan Harian": which environment and WIB day (empty: today).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct DayIn {
    pub environment: String,
    pub day: String,
}

/// Staff: which transactions — a partner by merchant ID (empty: every
/// partner) and the Status Transaksi filters.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct StaffTxIn {
    pub merchant_id: String,
    pub search: TxSearchIn,
}

/// Staff: a payment still pending, with how long it has been.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PendingOut {
    pub row: TxRowOut,
    pub environment: crate::Env,
    pub age_minutes: i64,
    /// Its biller call (or a status question) is in flight right now.
    pub in_flight: bool,
    /// Status questions asked so far.
    pub polls: i32,
}

/// "3 j 12 m" of an age in minutes (`2 h 5 m` in English is the same shape).
pub fn age_text(minutes: i64) -> String {
    match (minutes / (24 * 60), minutes / 60 % 24, minutes % 60) {
        (0, 0, m) => format!("{m} m"),
        (0, h, m) => format!("{h} j {m} m"),
        (d, h, _) => format!("{d} h {h} j"),
    }
}

/// The webreport signed in: whose it is, and whether its first password
/// must still be changed (nothing is shown until it is).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WebreportOut {
    pub company: String,
    pub merchant_id: String,
    pub officer_code: String,
    pub must_change_password: bool,
}
