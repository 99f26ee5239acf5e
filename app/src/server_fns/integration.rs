//! "Integrasi" (manual §10): the development API log, Request UAT with its
//! automatic checklist, Request Live — and the operator's UAT and Live
//! queues. Uploading a request's files is plain multipart HTTP
//! (`server::uat_files`); everything else is here.

use crate::error::AppError;
use domain::apilog::{ApiLogDetail, ApiLogFilter, ApiLogOut, DigestCheckIn, DigestCheckOut};
use domain::uat::{LiveProductOut, ProductStepOut, UatCheckOut, UatRequestOut};
#[cfg(feature = "ssr")]
use domain::{rights::Right, staff::Permission};
use domain::{ApiLogId, ListQuery, Page, UatRequestId, UserId};
use leptos::prelude::*;

/// "Log API": the partner's own gateway requests, newest first.
#[server(prefix = "/api", endpoint = "api_log_mine")]
pub async fn api_log_mine(
    #[server(default)] filter: ApiLogFilter,
    list: ListQuery,
) -> Result<Page<ApiLogOut>, AppError> {
    let me = crate::ssr::partner_may(Right::RequestUat).await?;
    Ok(backend::apilog::mine(&crate::ssr::state()?, &me, &filter, &list).await?)
}

/// One of the partner's requests with its masked bodies.
#[server(prefix = "/api", endpoint = "api_log_entry")]
pub async fn api_log_entry(id: ApiLogId) -> Result<ApiLogDetail, AppError> {
    let me = crate::ssr::partner_may(Right::RequestUat).await?;
    Ok(backend::apilog::my_entry(&crate::ssr::state()?, &me, id).await?)
}

/// "Periksa header": a pasted `Authorization` header checked part by part
/// against the partner's own credentials; nothing is recorded.
#[server(prefix = "/api", endpoint = "digest_check")]
pub async fn digest_check(input: DigestCheckIn) -> Result<DigestCheckOut, AppError> {
    let me = crate::ssr::partner_may(Right::RequestUat).await?;
    Ok(backend::gateway::debugger::check(&crate::ssr::state()?, &me, &input).await?)
}

/// A partner's log, for staff.
#[server(prefix = "/api", endpoint = "api_log_of_partner")]
pub async fn api_log_of_partner(
    user_id: UserId,
    #[server(default)] filter: ApiLogFilter,
    list: ListQuery,
) -> Result<Page<ApiLogOut>, AppError> {
    let staff = crate::ssr::staff(Permission::ViewPartners).await?;
    Ok(backend::apilog::of_partner(&crate::ssr::state()?, &staff, user_id, &filter, &list).await?)
}

#[server(prefix = "/api", endpoint = "api_log_staff_entry")]
pub async fn api_log_staff_entry(id: ApiLogId) -> Result<ApiLogDetail, AppError> {
    let staff = crate::ssr::staff(Permission::ViewPartners).await?;
    Ok(backend::apilog::entry(&crate::ssr::state()?, &staff, id).await?)
}

/// The checklist of one of the partner's products, graded now.
#[server(prefix = "/api", endpoint = "uat_checklist")]
pub async fn uat_checklist(code: String) -> Result<Vec<UatCheckOut>, AppError> {
    let me = crate::ssr::partner_may(Right::RequestUat).await?;
    Ok(backend::uat::checklist(&crate::ssr::state()?, me.partner_id(), &code).await?)
}

/// "Request UAT": the partner's requests, newest first.
#[server(prefix = "/api", endpoint = "uat_mine")]
pub async fn uat_mine() -> Result<Vec<UatRequestOut>, AppError> {
    let me = crate::ssr::partner_may(Right::RequestUat).await?;
    Ok(backend::uat::mine(&crate::ssr::state()?, &me).await?)
}

/// "Hapus" on a request still waiting.
#[server(prefix = "/api", endpoint = "uat_withdraw")]
pub async fn uat_withdraw(id: UatRequestId) -> Result<(), AppError> {
    let me = crate::ssr::partner_may(Right::RequestUat).await?;
    Ok(backend::uat::withdraw(&crate::ssr::state()?, &me, id).await?)
}

/// The operator's UAT queue, oldest first.
#[server(prefix = "/api", endpoint = "uat_queue")]
pub async fn uat_queue() -> Result<Vec<UatRequestOut>, AppError> {
    let staff = crate::ssr::staff(Permission::Moderate).await?;
    Ok(backend::uat::queue(&crate::ssr::state()?, &staff).await?)
}

#[server(prefix = "/api", endpoint = "uat_one")]
pub async fn uat_one(id: UatRequestId) -> Result<UatRequestOut, AppError> {
    let staff = crate::ssr::staff(Permission::Moderate).await?;
    Ok(backend::uat::one(&crate::ssr::state()?, &staff, id).await?)
}

/// "APPROVE UAT", or a rejection with its reason.
#[server(prefix = "/api", endpoint = "uat_decide")]
pub async fn uat_decide(id: UatRequestId, approve: bool, reason: String) -> Result<(), AppError> {
    let staff = crate::ssr::staff(Permission::Moderate).await?;
    Ok(backend::uat::decide(&crate::ssr::state()?, &staff, id, approve, &reason).await?)
}

/// "Request Live": the partner's products approved in UAT or further on.
#[server(prefix = "/api", endpoint = "live_products")]
pub async fn live_products() -> Result<Vec<LiveProductOut>, AppError> {
    let me = crate::ssr::partner_may(Right::RequestLive).await?;
    Ok(backend::uat::live_products(&crate::ssr::state()?, &me).await?)
}

/// "Ya" in "Konfirmasi Request Live".
#[server(prefix = "/api", endpoint = "live_request")]
pub async fn live_request(code: String) -> Result<(), AppError> {
    let me = crate::ssr::partner_may(Right::RequestLive).await?;
    Ok(backend::uat::request_live(&crate::ssr::state()?, &me, &code).await?)
}

/// The operator's Live queue, oldest first.
#[server(prefix = "/api", endpoint = "live_queue")]
pub async fn live_queue() -> Result<Vec<LiveProductOut>, AppError> {
    let staff = crate::ssr::staff(Permission::Moderate).await?;
    Ok(backend::uat::live_queue(&crate::ssr::state()?, &staff).await?)
}

#[server(prefix = "/api", endpoint = "live_decide")]
pub async fn live_decide(user_id: UserId, code: String, approve: bool, reason: String) -> Result<(), AppError> {
    let staff = crate::ssr::staff(Permission::Moderate).await?;
    Ok(backend::uat::decide_live(&crate::ssr::state()?, &staff, user_id, &code, approve, &reason).await?)
}

/// Every step of a partner's products, newest first (UAT/Live history).
#[server(prefix = "/api", endpoint = "product_history")]
pub async fn product_history(user_id: UserId) -> Result<Vec<ProductStepOut>, AppError> {
    crate::ssr::staff(Permission::ViewPartners).await?;
    Ok(backend::products::history(&crate::ssr::state()?.db, user_id.0).await?)
}
