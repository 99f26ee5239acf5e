//! Laporan: the partner's reports, each behind its own right.

use crate::error::AppError;
#[cfg(feature = "ssr")]
use backend::reports::transactions::Whose;
use domain::reports::{
    DaySettlementOut, PendingOut, RecapIn, RecapOut, ReportsHomeOut, StaffTxIn, StatementIn, StatementOut, TxDetailOut,
    TxPageOut, TxRowOut, TxSearchIn,
};
#[cfg(feature = "ssr")]
use domain::{rights::Right, staff::Permission};
use leptos::prelude::*;

/// Rekening Koran: one page of the deposit statement with the period's figures.
#[server(prefix = "/api", endpoint = "report_statement")]
pub async fn report_statement(input: StatementIn) -> Result<StatementOut, AppError> {
    let me = crate::ssr::partner_may(Right::RekeningKoran).await?;
    Ok(backend::reports::statement::page(&crate::ssr::state()?.db, me.partner_id(), &input).await?)
}

/// Status Transaksi: the partner's transactions, filtered, newest first.
#[server(prefix = "/api", endpoint = "report_transactions")]
pub async fn report_transactions(input: TxSearchIn) -> Result<TxPageOut, AppError> {
    let me = crate::ssr::partner_may(Right::StatusTransaksi).await?;
    Ok(backend::reports::transactions::search(&crate::ssr::state()?.db, Whose::Partner(me.partner_id()), &input)
        .await?)
}

/// One transaction's whole story (another partner's is not found).
#[server(prefix = "/api", endpoint = "report_transaction")]
pub async fn report_transaction(id: String) -> Result<TxDetailOut, AppError> {
    let me = crate::ssr::partner_may(Right::StatusTransaksi).await?;
    Ok(backend::reports::transactions::detail(&crate::ssr::state()?.db, Whose::Partner(me.partner_id()), &id).await?)
}

/// Pelunasan Harian: one WIB day's payments per product and status.
#[server(prefix = "/api", endpoint = "report_day")]
pub async fn report_day(environment: String, day: String) -> Result<DaySettlementOut, AppError> {
    let me = crate::ssr::partner_may(Right::PelunasanHarian).await?;
    Ok(backend::reports::day::settlement(&crate::ssr::state()?.db, me.partner_id(), &environment, &day).await?)
}

/// Rekap Pelunasan: a period's settled payments per category and product.
#[server(prefix = "/api", endpoint = "report_recap")]
pub async fn report_recap(input: RecapIn) -> Result<RecapOut, AppError> {
    let me = crate::ssr::partner_may(Right::RekapPelunasan).await?;
    Ok(backend::reports::recap::recap(&crate::ssr::state()?.db, me.partner_id(), &input).await?)
}

/// Laporan · Halaman Utama: this month's and today's figures.
#[server(prefix = "/api", endpoint = "report_home")]
pub async fn report_home(environment: String) -> Result<ReportsHomeOut, AppError> {
    let me = crate::ssr::partner_may(Right::LaporanHalamanUtama).await?;
    Ok(backend::reports::recap::home(&crate::ssr::state()?.db, me.partner_id(), &environment).await?)
}

/// Staff: Status Transaksi across partners (or one, by merchant ID).
#[server(prefix = "/api", endpoint = "staff_transactions")]
pub async fn staff_transactions(input: StaffTxIn) -> Result<TxPageOut, AppError> {
    crate::ssr::staff(Permission::ViewPartners).await?;
    Ok(backend::reports::staff::transactions(&crate::ssr::state()?.db, &input).await?)
}

/// Staff: one transaction's whole story, whoever's it is.
#[server(prefix = "/api", endpoint = "staff_transaction")]
pub async fn staff_transaction(id: String) -> Result<TxDetailOut, AppError> {
    crate::ssr::staff(Permission::ViewPartners).await?;
    Ok(backend::reports::transactions::detail(&crate::ssr::state()?.db, Whose::Everyone, &id).await?)
}

/// Staff: payments still pending, oldest first, with their age.
#[server(prefix = "/api", endpoint = "staff_pending")]
pub async fn staff_pending(merchant_id: String) -> Result<Vec<PendingOut>, AppError> {
    crate::ssr::staff(Permission::ViewPartners).await?;
    Ok(backend::reports::staff::pending(&crate::ssr::state()?.db, &merchant_id).await?)
}

/// Finance: a stuck payment marked successful or refunded, with a reason.
#[server(prefix = "/api", endpoint = "staff_resolve")]
pub async fn staff_resolve(id: String, decision: String, reason: String) -> Result<TxRowOut, AppError> {
    let staff = crate::ssr::staff(Permission::Finance).await?;
    Ok(backend::gateway::resolution::resolve(&crate::ssr::state()?, &staff, &id, &decision, &reason).await?)
}

/// Staff: one partner's Rekening Koran (by merchant ID).
#[server(prefix = "/api", endpoint = "staff_statement")]
pub async fn staff_statement(merchant_id: String, input: StatementIn) -> Result<StatementOut, AppError> {
    crate::ssr::staff(Permission::ViewPartners).await?;
    let db = &crate::ssr::state()?.db;
    let partner = backend::reports::staff::partner(db, &merchant_id).await?;
    Ok(backend::reports::statement::page(db, partner, &input).await?)
}

/// Staff: one partner's Pelunasan Harian (by merchant ID).
#[server(prefix = "/api", endpoint = "staff_day")]
pub async fn staff_day(merchant_id: String, environment: String, day: String) -> Result<DaySettlementOut, AppError> {
    crate::ssr::staff(Permission::ViewPartners).await?;
    let db = &crate::ssr::state()?.db;
    let partner = backend::reports::staff::partner(db, &merchant_id).await?;
    Ok(backend::reports::day::settlement(db, partner, &environment, &day).await?)
}

/// Staff: one partner's Rekap Pelunasan (by merchant ID).
#[server(prefix = "/api", endpoint = "staff_recap")]
pub async fn staff_recap(merchant_id: String, input: RecapIn) -> Result<RecapOut, AppError> {
    crate::ssr::staff(Permission::ViewPartners).await?;
    let db = &crate::ssr::state()?.db;
    let partner = backend::reports::staff::partner(db, &merchant_id).await?;
    Ok(backend::reports::recap::recap(db, partner, &input).await?)
}

/// Whose reports a page shows: the signed-in partner's own, or — for
/// staff — the partner a merchant ID names. The report pages are the same
/// components either way; only the server function they call differs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReportOf {
    Own,
    Merchant(String),
}

impl ReportOf {
    pub async fn statement(self, q: StatementIn) -> Result<StatementOut, AppError> {
        match self {
            ReportOf::Own => report_statement(q).await,
            ReportOf::Merchant(m) => staff_statement(m, q).await,
        }
    }

    pub async fn day(self, environment: String, day: String) -> Result<DaySettlementOut, AppError> {
        match self {
            ReportOf::Own => report_day(environment, day).await,
            ReportOf::Merchant(m) => staff_day(m, environment, day).await,
        }
    }

    pub async fn recap(self, q: RecapIn) -> Result<RecapOut, AppError> {
        match self {
            ReportOf::Own => report_recap(q).await,
            ReportOf::Merchant(m) => staff_recap(m, q).await,
        }
    }

    /// The download links' extra query (staff name the partner).
    pub fn with_merchant(&self, mut params: Vec<(&'static str, String)>) -> Vec<(&'static str, String)> {
        if let ReportOf::Merchant(m) = self {
            params.push(("mitra", m.clone()));
        }
        params
    }

    /// Where the report's transaction lines are listed.
    pub fn lines_page(&self) -> &'static str {
        match self {
            ReportOf::Own => "/laporan/status-transaksi",
            ReportOf::Merchant(_) => "/admin/transaksi",
        }
    }
}
