//! Laporan: the partner's reports, each behind its own right.

use crate::error::AppError;
use domain::reports::{StatementIn, StatementOut};
#[cfg(feature = "ssr")]
use domain::rights::Right;
use leptos::prelude::*;

/// Rekening Koran: one page of the deposit statement with the period's figures.
#[server(prefix = "/api", endpoint = "report_statement")]
pub async fn report_statement(input: StatementIn) -> Result<StatementOut, AppError> {
    let me = crate::ssr::partner_may(Right::RekeningKoran).await?;
    Ok(backend::reports::statement::page(&crate::ssr::state()?.db, me.partner_id(), &input).await?)
}
