//! Deposit top-up: the partner's page, new orders and their live state
//! (right "Top Up Deposit"), and finance's view of every top-up.

use crate::error::AppError;
#[cfg(feature = "ssr")]
use domain::rights::Right;
use domain::topup::{PermanentVaOut, TopupOrderOut, TopupPageOut};
use leptos::prelude::*;

/// The Top Up Deposit page: limits, methods offered now, permanent VAs,
/// the latest orders and the production deposit.
#[server(prefix = "/api", endpoint = "topup_page")]
pub async fn topup_page() -> Result<TopupPageOut, AppError> {
    let me = crate::ssr::partner_may(Right::TopUpDeposit).await?;
    Ok(backend::topup::orders::page(&crate::ssr::state()?, &me).await?)
}

/// A new top-up order: what to pay, to which VA, or the GoPay QR.
#[server(prefix = "/api", endpoint = "topup_create")]
pub async fn topup_create(amount: String, method: String) -> Result<TopupOrderOut, AppError> {
    let me = crate::ssr::partner_may(Right::TopUpDeposit).await?;
    Ok(backend::topup::orders::create(&crate::ssr::state()?, &me, &amount, &method).await?)
}

/// One order's state now (the page asks while it waits for the payment).
#[server(prefix = "/api", endpoint = "topup_status")]
pub async fn topup_status(order_id: String) -> Result<TopupOrderOut, AppError> {
    let me = crate::ssr::partner_may(Right::TopUpDeposit).await?;
    Ok(backend::topup::orders::one(&crate::ssr::state()?, &me, &order_id).await?)
}

/// The partner's permanent virtual accounts, asked of the service.
#[server(prefix = "/api", endpoint = "topup_register_va")]
pub async fn topup_register_va() -> Result<Vec<PermanentVaOut>, AppError> {
    let me = crate::ssr::partner_may(Right::TopUpDeposit).await?;
    Ok(backend::topup::accounts::register(&crate::ssr::state()?, &me).await?)
}

/// Finance: top-ups by state with their webhooks, and the unmatched ones.
#[server(prefix = "/api", endpoint = "topup_cases")]
pub async fn topup_cases(status: String, list: domain::ListQuery) -> Result<domain::topup::TopupFinanceOut, AppError> {
    crate::ssr::staff(domain::staff::Permission::Finance).await?;
    Ok(backend::topup::finance::cases(&crate::ssr::state()?, &status, &list).await?)
}

/// Finance: a Selisih resolved by hand — `credit` or `refunded`, with why.
#[server(prefix = "/api", endpoint = "topup_resolve")]
pub async fn topup_resolve(order_id: String, action: String, note: String) -> Result<(), AppError> {
    let staff = crate::ssr::staff(domain::staff::Permission::Finance).await?;
    Ok(backend::topup::finance::resolve(&crate::ssr::state()?, &staff, &order_id, &action, &note).await?)
}

/// Finance: a WIB day's top-ups against the service's finance report and
/// K-Wallet (kept; the worker runs yesterday's by itself).
#[server(prefix = "/api", endpoint = "topup_reconcile")]
pub async fn topup_reconcile(day: String) -> Result<domain::topup::TopupReconcileOut, AppError> {
    crate::ssr::staff(domain::staff::Permission::Finance).await?;
    Ok(backend::topup::reconcile::run(&crate::ssr::state()?, &day).await?)
}

/// Finance: a verified webhook that matched no order, credited to a
/// partner (by merchant ID) or marked refunded, with why.
#[server(prefix = "/api", endpoint = "topup_resolve_unmatched")]
pub async fn topup_resolve_unmatched(
    id: String,
    action: String,
    merchant_id: String,
    amount: String,
    note: String,
) -> Result<(), AppError> {
    let staff = crate::ssr::staff(domain::staff::Permission::Finance).await?;
    let state = crate::ssr::state()?;
    let to = (merchant_id.as_str(), amount.as_str());
    Ok(backend::topup::finance::resolve_unmatched(&state, &staff, &id, &action, to, &note).await?)
}
