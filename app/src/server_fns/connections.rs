use crate::error::AppError;
use domain::finance::{IpEntryOut, IpOverview};
use domain::ListQuery;
#[cfg(feature = "ssr")]
use domain::{rights::Right, staff::Permission};
use domain::{DeliveryId, IpEntryId};
use leptos::prelude::*;

/// The partner's whitelist, searchable, 10 a page.
#[server(prefix = "/api", endpoint = "ip_list")]
pub async fn ip_list(list: ListQuery) -> Result<IpOverview, AppError> {
    let me = crate::ssr::partner_may(Right::KoneksiHalamanUtama).await?;
    Ok(backend::connections::list(&crate::ssr::state()?, &me, &list).await?)
}

#[server(prefix = "/api", endpoint = "ip_add")]
pub async fn ip_add(environment: String, ip: String) -> Result<IpEntryOut, AppError> {
    let me = crate::ssr::partner_may(Right::PengaturanKoneksi).await?;
    Ok(backend::connections::add(&crate::ssr::state()?, &me, &environment, &ip).await?)
}

#[server(prefix = "/api", endpoint = "ip_remove")]
pub async fn ip_remove(id: IpEntryId) -> Result<(), AppError> {
    let me = crate::ssr::partner_may(Right::PengaturanKoneksi).await?;
    Ok(backend::connections::remove(&crate::ssr::state()?, &me, id).await?)
}

/// The operator's queue of addresses waiting for approval.
#[server(prefix = "/api", endpoint = "ip_queue")]
pub async fn ip_queue() -> Result<Vec<IpEntryOut>, AppError> {
    crate::ssr::staff(Permission::Moderate).await?;
    Ok(backend::connections::queue(&crate::ssr::state()?.db).await?)
}

#[server(prefix = "/api", endpoint = "ip_decide")]
pub async fn ip_decide(id: IpEntryId, approve: bool, reason: String) -> Result<(), AppError> {
    let staff = crate::ssr::staff(Permission::Moderate).await?;
    Ok(backend::connections::decide(&crate::ssr::state()?, &staff, id, approve, &reason).await?)
}

/// The callback URL, its signing secret and the latest deliveries.
#[server(prefix = "/api", endpoint = "callback_settings")]
pub async fn callback_settings() -> Result<domain::finance::CallbackSettingsOut, AppError> {
    let me = crate::ssr::partner_may(Right::PengaturanKoneksi).await?;
    Ok(backend::callbacks::settings(&crate::ssr::state()?.db, &me).await?)
}

#[server(prefix = "/api", endpoint = "callback_set_url")]
pub async fn callback_set_url(url: String) -> Result<(), AppError> {
    let me = crate::ssr::partner_may(Right::PengaturanKoneksi).await?;
    Ok(backend::callbacks::set_url(&crate::ssr::state()?, &me, &url).await?)
}

/// "Kirim ulang".
#[server(prefix = "/api", endpoint = "callback_resend")]
pub async fn callback_resend(id: DeliveryId) -> Result<(), AppError> {
    let me = crate::ssr::partner_may(Right::PengaturanKoneksi).await?;
    Ok(backend::callbacks::resend(&crate::ssr::state()?, &me, id).await?)
}
