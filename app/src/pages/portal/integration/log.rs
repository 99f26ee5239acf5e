//! "Log API": the partner's own gateway requests, and one in full.

use crate::components::apilog::{filter_of, ApiLogDetailView, ApiLogTable};
use crate::components::digest_check::{DigestChecker, RefusalReason};
use crate::components::frame::PartnerPage;
use crate::components::list::{use_list_query, use_query_param, Loaded};
use crate::components::nav::{load_by, use_id_param};
use crate::i18n::use_texts;
use crate::server_fns::integration::{api_log_entry, api_log_mine, DigestCheck};
use domain::apilog::AuthOutcome;
use domain::ApiLogId;
use leptos::prelude::*;

/// Where one of the partner's requests is shown.
pub fn entry_href(id: ApiLogId) -> String {
    format!("/integrasi/log/{id}")
}

#[component]
pub fn LogPage() -> impl IntoView {
    let t = use_texts();
    let list = use_list_query();
    let (env, auth, rc) = (use_query_param("env"), use_query_param("auth"), use_query_param("rc"));
    let filter = Memo::new(move |_| filter_of(&env.get(), &auth.get(), &rc.get()));
    let rows = Resource::new(move || (filter.get(), list.get()), |(filter, list)| api_log_mine(filter, list));
    view! {
        <PartnerPage render=move |_| view! {
            <h1 class="page-title">{t.integration.log_title}</h1>
            <p class="muted">{t.integration.log_intro}</p>
            <Loaded resource=rows children=move |page| view! {
                <ApiLogTable page query=list.get() filter=filter.get() path="/integrasi/log" detail=entry_href />
            } />
        } />
    }
}

/// One request; refused ones say why, and take a pasted header to check.
#[component]
pub fn LogEntryPage() -> impl IntoView {
    let t = use_texts();
    let id = use_id_param::<ApiLogId>("id");
    let entry = Resource::new(move || id.get(), |id| load_by(id, api_log_entry));
    let check = ServerAction::<DigestCheck>::new();
    view! {
        <PartnerPage render=move |_| view! {
            <p><a href="/integrasi/log">"← "{t.integration.log_title}</a></p>
            <h1 class="page-title">{t.integration.detail_title}</h1>
            <Loaded resource=entry children=move |d| {
                let (auth, path) = (d.row.auth, d.row.path.clone());
                let refused = auth != AuthOutcome::Ok;
                view! {
                    <RefusalReason auth />
                    <ApiLogDetailView d />
                    {refused.then(|| view! { <DigestChecker action=check path /> })}
                }
            } />
        } />
    }
}
