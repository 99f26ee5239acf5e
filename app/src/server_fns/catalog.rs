use crate::error::AppError;
use domain::finance::{BreakerOut, CategoryIn, NewProductIn, PriceCheckOut, ProductIn, ProductOut};
#[cfg(feature = "ssr")]
use domain::staff::Permission;
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "catalog_list")]
pub async fn catalog_list() -> Result<Vec<ProductOut>, AppError> {
    crate::ssr::staff(Permission::ViewPartners).await?;
    Ok(backend::catalog::list(&crate::ssr::state()?.db).await?)
}

#[server(prefix = "/api", endpoint = "catalog_update")]
pub async fn catalog_update(code: String, input: ProductIn) -> Result<ProductOut, AppError> {
    let staff = crate::ssr::staff(Permission::Moderate).await?;
    Ok(backend::catalog::update(&crate::ssr::state()?, &staff, &code, &input).await?)
}

/// "Tambah Produk" of the back office.
#[server(prefix = "/api", endpoint = "catalog_create")]
pub async fn catalog_create(input: NewProductIn) -> Result<ProductOut, AppError> {
    let staff = crate::ssr::staff(Permission::Moderate).await?;
    Ok(backend::catalog::create(&crate::ssr::state()?, &staff, &input).await?)
}

/// The categories, in the manual's order.
#[server(prefix = "/api", endpoint = "catalog_categories")]
pub async fn catalog_categories() -> Result<Vec<CategoryIn>, AppError> {
    crate::ssr::staff(Permission::ViewPartners).await?;
    Ok(backend::catalog::categories(&crate::ssr::state()?.db).await?)
}

#[server(prefix = "/api", endpoint = "category_create")]
pub async fn category_create(input: CategoryIn) -> Result<CategoryIn, AppError> {
    let staff = crate::ssr::staff(Permission::Moderate).await?;
    Ok(backend::catalog::create_category(&crate::ssr::state()?, &staff, &input).await?)
}

/// Production's biller breakers (outages).
#[server(prefix = "/api", endpoint = "breaker_list")]
pub async fn breaker_list() -> Result<Vec<BreakerOut>, AppError> {
    let staff = crate::ssr::staff(Permission::ViewPartners).await?;
    Ok(backend::outages::production(&crate::ssr::state()?, &staff).await?)
}

/// Staff close a production breaker: the biller is back.
#[server(prefix = "/api", endpoint = "breaker_reset")]
pub async fn breaker_reset(biller: String) -> Result<(), AppError> {
    let staff = crate::ssr::staff(Permission::Moderate).await?;
    Ok(backend::outages::reset_production(&crate::ssr::state()?, &staff, &biller).await?)
}

/// The billers' price sheets against the catalog.
#[server(prefix = "/api", endpoint = "price_check")]
pub async fn price_check() -> Result<Vec<PriceCheckOut>, AppError> {
    let staff = crate::ssr::staff(Permission::ViewPartners).await?;
    Ok(backend::catalog::check_prices(&crate::ssr::state()?, &staff).await?)
}
