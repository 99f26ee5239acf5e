//! Koneksi → Dokumentasi (issue 16): what its pages read from the live
//! system — the gateway's response codes, the digest vector worked
//! through by the gateway's own code, and the product catalog.

use crate::error::AppError;
use domain::docs::{DigestVectorOut, RcRowOut, TryIn, TryOut};
use domain::finance::ProductOut;
#[cfg(feature = "ssr")]
use domain::rights::Right;
use leptos::prelude::*;

/// "Daftar Kode Response": the gateway's own table.
#[server(prefix = "/api", endpoint = "doc_codes")]
pub async fn doc_codes() -> Result<Vec<RcRowOut>, AppError> {
    crate::ssr::partner_may(Right::KoneksiHalamanUtama).await?;
    Ok(backend::gateway::rc::table())
}

/// "Authentikasi": the documentation's test vector, computed.
#[server(prefix = "/api", endpoint = "doc_digest")]
pub async fn doc_digest() -> Result<DigestVectorOut, AppError> {
    crate::ssr::partner_may(Right::KoneksiHalamanUtama).await?;
    Ok(backend::gateway::digest::worked_vector())
}

/// "Daftar Produk": every product on sale, as partners may see it.
#[server(prefix = "/api", endpoint = "doc_products")]
pub async fn doc_products() -> Result<Vec<ProductOut>, AppError> {
    crate::ssr::partner_may(Right::KoneksiHalamanUtama).await?;
    Ok(backend::products::on_sale(&crate::ssr::state()?.db).await?)
}

/// The development gateway's address, for the code samples.
#[server(prefix = "/api", endpoint = "doc_development_url")]
pub async fn doc_development_url() -> Result<String, AppError> {
    crate::ssr::partner_may(Right::KoneksiHalamanUtama).await?;
    Ok(crate::ssr::state()?.config.gateway_dev_url.clone())
}

/// "Coba API": sends a body to a development service as the signed-in
/// partner and shows the whole exchange.
#[server(prefix = "/api", endpoint = "try_api")]
pub async fn try_api(input: TryIn) -> Result<TryOut, AppError> {
    let me = crate::ssr::partner_may(Right::KoneksiHalamanUtama).await?;
    let gateway = use_context::<crate::ssr::DevGateway>().ok_or(AppError::Problem(domain::Problem::Unavailable))?;
    Ok(backend::console::call(&crate::ssr::state()?, &me, input, |out| gateway.send(out)).await?)
}
