//! "Produk" (manual Gambar 37–40): choosing products and the partner's own.

use crate::error::AppError;
use domain::finance::ProductOut;
use domain::products::MyProductOut;
#[cfg(feature = "ssr")]
use domain::rights::Right;
use leptos::prelude::*;

/// "Tambah Produk": the products of `category` not chosen yet.
#[server(prefix = "/api", endpoint = "products_choosable")]
pub async fn products_choosable(category: String) -> Result<Vec<ProductOut>, AppError> {
    let me = crate::ssr::partner_may(Right::Produk).await?;
    Ok(backend::products::choosable(&crate::ssr::state()?, &me, &category).await?)
}

/// "Simpan": the checked products; answers how many were new.
#[server(prefix = "/api", endpoint = "products_choose")]
pub async fn products_choose(#[server(default)] codes: Vec<String>) -> Result<usize, AppError> {
    let me = crate::ssr::partner_may(Right::Produk).await?;
    Ok(backend::products::choose(&crate::ssr::state()?, &me, &codes).await?)
}

/// "Produk Anda".
#[server(prefix = "/api", endpoint = "products_mine")]
pub async fn products_mine() -> Result<Vec<MyProductOut>, AppError> {
    let me = crate::ssr::partner_may(Right::DataProduk).await?;
    Ok(backend::products::mine(&crate::ssr::state()?, &me).await?)
}

#[server(prefix = "/api", endpoint = "product_remove")]
pub async fn product_remove(code: String) -> Result<(), AppError> {
    let me = crate::ssr::partner_may(Right::Produk).await?;
    Ok(backend::products::remove(&crate::ssr::state()?, &me, &code).await?)
}
