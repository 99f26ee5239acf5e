//! Koneksi → Dokumentasi (issue 16): what its pages read from the live
//! system — the gateway's response codes, the digest vector worked
//! through by the gateway's own code, and the product catalog.

use crate::error::AppError;
use domain::docs::{DigestVectorOut, RcRowOut, SampleOut, TryIn, TryOut};
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

/// The code samples for the signed-in partner: the development gateway's
/// address and their merchant ID in; the user and password stay the
/// credentials e-mail's to fill in.
#[server(prefix = "/api", endpoint = "doc_samples")]
pub async fn doc_samples() -> Result<Vec<SampleOut>, AppError> {
    let me = crate::ssr::partner_may(Right::KoneksiHalamanUtama).await?;
    let state = crate::ssr::state()?;
    let user = backend::accounts::find_user(&state.db, &me).await?;
    let merchant = user.and_then(|u| u.merchant_id).unwrap_or_else(|| crate::docs::EXAMPLE_MERCHANT_ID.into());
    Ok(crate::docs::samples_for(&state.config.gateway_dev_url, &merchant))
}

/// "Coba API": sends a body to a development service as the signed-in
/// partner and shows the whole exchange.
#[server(prefix = "/api", endpoint = "try_api")]
pub async fn try_api(input: TryIn) -> Result<TryOut, AppError> {
    let me = crate::ssr::partner_may(Right::KoneksiHalamanUtama).await?;
    let gateway = use_context::<crate::ssr::DevGateway>().ok_or(AppError::Problem(domain::Problem::Unavailable))?;
    Ok(backend::console::call(&crate::ssr::state()?, &me, input, |out| gateway.send(out)).await?)
}
