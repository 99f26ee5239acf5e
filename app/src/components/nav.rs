//! Navigation helpers shared by pages.

use crate::error::AppError;
use domain::Problem;
use leptos::prelude::*;
use std::future::Future;
use std::str::FromStr;

/// Where to go once signed in: the page that sent the user to the login
/// (`next=`, a same-site path only), else `home`. Read when the page is
/// made (it needs the router).
pub fn after_sign_in(home: &str) -> String {
    let next = leptos_router::hooks::use_query_map().with_untracked(|q| q.get("next"));
    next.as_deref().and_then(domain::nav::local_path).unwrap_or(home).to_owned()
}

/// A typed id from the route (`/admin/mitra/:user_id`); `None` when the
/// address holds no valid id.
pub fn use_id_param<I>(key: &'static str) -> Memo<Option<I>>
where
    I: FromStr + Clone + PartialEq + Send + Sync + 'static,
{
    let params = leptos_router::hooks::use_params_map();
    Memo::new(move |_| params.with(|p| p.get_str(key).and_then(|v| v.parse().ok())))
}

/// Loads what `load` gives for the route's id; an address without a valid
/// id is "not found", as an unknown one is.
pub async fn load_by<I, T, F>(id: Option<I>, load: impl FnOnce(I) -> F) -> Result<T, AppError>
where
    F: Future<Output = Result<T, AppError>>,
{
    match id {
        Some(id) => load(id).await,
        None => Err(AppError::Problem(Problem::NotFound)),
    }
}
