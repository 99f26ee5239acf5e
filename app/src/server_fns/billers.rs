//! The back office's billers (issue 13): configured billers with their
//! state, balance and calls; a provider's balance asked; a product routed.

use crate::error::AppError;
use domain::billers::{BillerOut, RoutedProductOut};
#[cfg(feature = "ssr")]
use domain::staff::Permission;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "biller_overview")]
pub async fn biller_overview() -> Result<Vec<BillerOut>, AppError> {
    let staff = crate::ssr::staff(Permission::ViewPartners).await?;
    Ok(backend::billers::back_office::overview(&crate::ssr::state()?, &staff).await?)
}

/// Asks a provider for our balance there (a call to the provider).
#[server(prefix = "/api", endpoint = "biller_balance_check")]
pub async fn biller_balance_check(biller: String) -> Result<i64, AppError> {
    let staff = crate::ssr::staff(Permission::Moderate).await?;
    Ok(backend::billers::back_office::check_balance(&crate::ssr::state()?, &staff, &biller).await?)
}

/// Routes a product to a biller with its code there.
#[server(prefix = "/api", endpoint = "biller_route_product")]
pub async fn biller_route_product(
    code: String,
    biller: String,
    biller_code: String,
) -> Result<RoutedProductOut, AppError> {
    let staff = crate::ssr::staff(Permission::Moderate).await?;
    Ok(backend::billers::back_office::route_product(&crate::ssr::state()?, &staff, &code, &biller, &biller_code)
        .await?)
}
