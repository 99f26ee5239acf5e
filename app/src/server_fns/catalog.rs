use crate::error::AppError;
use domain::finance::{ProductIn, ProductOut};
use leptos::prelude::*;

#[server(prefix = "/api", endpoint = "catalog_list")]
pub async fn catalog_list() -> Result<Vec<ProductOut>, AppError> {
    crate::ssr::staff(domain::staff::Permission::ViewPartners).await?;
    Ok(backend::catalog::list(&crate::ssr::state()?.db).await?)
}

#[server(prefix = "/api", endpoint = "catalog_update")]
pub async fn catalog_update(code: String, input: ProductIn) -> Result<ProductOut, AppError> {
    let staff = crate::ssr::staff_id().await?;
    Ok(backend::catalog::update(&crate::ssr::state()?, staff, &code, &input).await?)
}
