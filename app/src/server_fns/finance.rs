use crate::error::AppError;
use domain::finance::{BreakerOut, DashboardOut, LedgerEntryOut, PartnerFinanceOut, TestNumberOut};
use domain::UserId;
#[cfg(feature = "ssr")]
use domain::{rights::Right, staff::Permission};
use leptos::prelude::*;

/// The signed-in partner's deposits and today's payments.
#[server(prefix = "/api", endpoint = "dashboard_stats")]
pub async fn dashboard_stats() -> Result<DashboardOut, AppError> {
    let me = crate::ssr::partner().await?;
    Ok(backend::finance::dashboard(&crate::ssr::state()?.db, &me).await?)
}

/// "Nomor Development": the sandbox's own table of numbers and outcomes.
#[server(prefix = "/api", endpoint = "development_numbers")]
pub async fn development_numbers() -> Result<Vec<TestNumberOut>, AppError> {
    crate::ssr::partner_may(Right::RequestUat).await?;
    Ok(backend::billers::sandbox::NUMBERS
        .iter()
        .map(|n| TestNumberOut {
            family: n.family.into(),
            customer_id: n.customer_id.into(),
            rc: n.rc.code().into(),
            description: n.description.into(),
        })
        .collect())
}

/// Puts the development deposit back to Rp 10.000.000.
#[server(prefix = "/api", endpoint = "sandbox_reset")]
pub async fn sandbox_reset() -> Result<i64, AppError> {
    let me = crate::ssr::partner_may(Right::RequestUat).await?;
    Ok(backend::finance::reset_sandbox(&crate::ssr::state()?, &me).await?)
}

/// Runs (or re-runs) the H+1 reconciliation of a WIB day (finance).
#[server(prefix = "/api", endpoint = "reconcile_day")]
pub async fn reconcile_day(day: String) -> Result<domain::finance::ReconcileOut, AppError> {
    crate::ssr::staff(Permission::Finance).await?;
    Ok(backend::gateway::settlement::reconcile_day(&crate::ssr::state()?, &day).await?)
}

#[server(prefix = "/api", endpoint = "partner_finance")]
pub async fn partner_finance(user_id: UserId) -> Result<PartnerFinanceOut, AppError> {
    crate::ssr::staff(Permission::ViewPartners).await?;
    Ok(backend::finance::partner_finance(&crate::ssr::state()?.db, user_id).await?)
}

/// Manual credit (positive) or debit (negative) by finance staff.
#[server(prefix = "/api", endpoint = "deposit_adjust")]
pub async fn deposit_adjust(
    user_id: UserId,
    environment: String,
    amount: String,
    reference: String,
    note: String,
) -> Result<LedgerEntryOut, AppError> {
    let staff = crate::ssr::staff(Permission::Finance).await?;
    let amount: i64 = amount
        .trim()
        .replace('.', "")
        .parse()
        .map_err(|_| AppError::Invalid(vec![domain::FieldError::new("amount", domain::Problem::AmountInvalid)]))?;
    let state = crate::ssr::state()?;
    Ok(backend::finance::adjust(&state, &staff, user_id, &environment, amount, &reference, &note).await?)
}

/// The admin's override: a product on or off in production outside its
/// UAT/Live path, with a reason.
#[server(prefix = "/api", endpoint = "product_set")]
pub async fn product_set(user_id: UserId, code: String, active: bool, reason: String) -> Result<(), AppError> {
    let staff = crate::ssr::staff(Permission::OverrideProducts).await?;
    Ok(backend::products::override_live(&crate::ssr::state()?, &staff, user_id, &code, active, &reason).await?)
}

#[server(prefix = "/api", endpoint = "signon_reset")]
pub async fn signon_reset(user_id: UserId) -> Result<u64, AppError> {
    let staff = crate::ssr::staff(Permission::Moderate).await?;
    Ok(backend::finance::reset_signon(&crate::ssr::state()?, &staff, user_id).await?)
}

/// The outages the partner simulated in development.
#[server(prefix = "/api", endpoint = "sandbox_breakers")]
pub async fn sandbox_breakers() -> Result<Vec<BreakerOut>, AppError> {
    let me = crate::ssr::partner_may(Right::RequestUat).await?;
    Ok(backend::outages::sandbox(&crate::ssr::state()?, &me).await?)
}

/// Ends a simulated outage at once.
#[server(prefix = "/api", endpoint = "sandbox_breaker_reset")]
pub async fn sandbox_breaker_reset(biller: String) -> Result<(), AppError> {
    let me = crate::ssr::partner_may(Right::RequestUat).await?;
    Ok(backend::outages::reset_sandbox(&crate::ssr::state()?, &me, &biller).await?)
}

/// The production deposit level under which the company is e-mailed (at
/// most once a day); none removes it. Whoever may top up may set it.
#[server(prefix = "/api", endpoint = "set_low_balance")]
pub async fn set_low_balance(level: Option<i64>) -> Result<(), AppError> {
    let me = crate::ssr::partner_may(Right::TopUpDeposit).await?;
    Ok(backend::balance_alert::set(&crate::ssr::state()?.db, me.partner_id(), level).await?)
}
