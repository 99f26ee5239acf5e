//! Navigation helpers shared by pages.

use leptos::prelude::*;

/// Where to go once signed in: the page that sent the user to the login
/// (`next=`, a same-site path only), else `home`. Read when the page is
/// made (it needs the router).
pub fn after_sign_in(home: &str) -> String {
    let next = leptos_router::hooks::use_query_map().with_untracked(|q| q.get("next"));
    next.as_deref().and_then(domain::nav::local_path).unwrap_or(home).to_owned()
}
