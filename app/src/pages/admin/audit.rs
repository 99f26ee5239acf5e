//! The audit log for staff: search and page through every recorded change.

use crate::components::audit::{audit_columns, audit_row};
use crate::components::frame::StaffPage;
use crate::components::list::{use_list_query, DataTable, Loaded};
use crate::i18n::use_texts;
use crate::server_fns::moderation::audit_log;
use leptos::prelude::*;

#[component]
pub fn AuditPageView() -> impl IntoView {
    let t = use_texts();
    let list = use_list_query();
    let entries = Resource::new(move || list.get(), audit_log);
    view! {
        <StaffPage render=move |_| view! {
            <h1 class="page-title">{t.moderation.admin_audit}</h1>
            <Loaded resource=entries children=move |page| view! {
                <DataTable
                    caption=t.moderation.admin_audit
                    path="/admin/audit"
                    columns=audit_columns(t)
                    page
                    query=list.get()
                    row=audit_row
                    search_hint=t.moderation.search_hint
                />
            } />
        } />
    }
}
