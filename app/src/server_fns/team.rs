//! "Manajemen User" (manual §11) for partners, and the operator's
//! suspension of a partner. Every function names its right first.

use crate::error::AppError;
use domain::team::{TeamOut, TeamUserIn, TeamUserOut};
#[cfg(feature = "ssr")]
use domain::{rights::Right, staff::Permission};
use domain::{ListQuery, UserId};
use leptos::prelude::*;

/// The company's users, with the next username and what may be granted.
#[server(prefix = "/api", endpoint = "team_list")]
pub async fn team_list(list: ListQuery) -> Result<TeamOut, AppError> {
    let me = crate::ssr::partner_may(Right::AdminManajemenUser).await?;
    Ok(backend::team::list(&crate::ssr::state()?, &me, &list).await?)
}

/// "Tambah Data" → "Simpan".
#[server(prefix = "/api", endpoint = "team_add")]
pub async fn team_add(input: TeamUserIn) -> Result<TeamUserOut, AppError> {
    let me = crate::ssr::partner_may(Right::AdminManajemenUser).await?;
    Ok(backend::team::add(&crate::ssr::state()?, &me, &input).await?)
}

/// "Edit" → "Simpan".
#[server(prefix = "/api", endpoint = "team_change")]
pub async fn team_change(id: UserId, input: TeamUserIn) -> Result<TeamUserOut, AppError> {
    let me = crate::ssr::partner_may(Right::AdminManajemenUser).await?;
    Ok(backend::team::change(&crate::ssr::state()?, &me, id, &input).await?)
}

/// "Hapus" → "Ya".
#[server(prefix = "/api", endpoint = "team_delete")]
pub async fn team_delete(id: UserId) -> Result<(), AppError> {
    let me = crate::ssr::partner_may(Right::AdminManajemenUser).await?;
    Ok(backend::team::delete(&crate::ssr::state()?, &me, id).await?)
}

/// Staff suspend a partner, with the reason the partner is told.
#[server(prefix = "/api", endpoint = "partner_suspend")]
pub async fn partner_suspend(user_id: UserId, reason: String) -> Result<(), AppError> {
    let staff = crate::ssr::staff(Permission::Moderate).await?;
    Ok(backend::suspension::suspend(&crate::ssr::state()?, &staff, user_id, &reason).await?)
}

/// Staff lift a suspension (the note, if any, is mailed).
#[server(prefix = "/api", endpoint = "partner_reactivate")]
pub async fn partner_reactivate(user_id: UserId, #[server(default)] note: String) -> Result<(), AppError> {
    let staff = crate::ssr::staff(Permission::Moderate).await?;
    Ok(backend::suspension::reactivate(&crate::ssr::state()?, &staff, user_id, &note).await?)
}
