//! The audit log for staff: search and page through every recorded change.

use super::StaffPage;
use crate::components::form::LoadError;
use crate::error::AppError;
use crate::i18n::use_texts;
use crate::server_fns::moderation::audit_log;
use domain::moderation::{AuditOut, AuditPage};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn AuditPageView() -> impl IntoView {
    let query = use_query_map();
    let q = move || query.read().get("q").unwrap_or_default();
    let page = move || query.read().get("page").and_then(|p| p.parse::<u64>().ok()).unwrap_or(0);
    let entries = Resource::new(move || (q(), page()), |(q, page)| audit_log(q, page));
    view! { <StaffPage render=move |_| view! { <Audit entries q=Signal::derive(q) /> } /> }
}

fn page_link(q: &str, page: u64) -> String {
    format!("/admin/audit?q={}&page={page}", crate::components::form::encode_query(q))
}

#[component]
fn Audit(entries: Resource<Result<AuditPage, AppError>>, q: Signal<String>) -> impl IntoView {
    let t = use_texts();
    view! {
        <h1 class="page-title">{t.admin_audit}</h1>
        // A plain GET form: searching works with or without the wasm.
        <form class="toolbar" method="get" action="/admin/audit" role="search">
            <label for="audit-q">{t.search_label}</label>
            <input id="audit-q" name="q" type="search" placeholder=t.search_hint prop:value=move || q.get() />
            <button type="submit" class="btn btn-light">{t.search_label}</button>
        </form>
        {move || entries.get().map(|r| match r {
            Ok(p) => {
                let query = q.get();
                view! {
                    <AuditTable entries=p.entries />
                    <Pager page=p.page pages=p.pages total=p.total label=t.admin_audit link=move |n| page_link(&query, n) />
                }
                .into_any()
            }
            Err(e) => view! { <LoadError e /> }.into_any(),
        })}
    }
}

/// Audit entries as a table, newest first.
#[component]
pub fn AuditTable(entries: Vec<AuditOut>) -> impl IntoView {
    let t = use_texts();
    view! {
        <div class="table-wrap panel">
            <table class="table">
                <thead><tr>
                    <th>{t.col_time}</th><th>{t.col_actor}</th><th>{t.col_action}</th>
                    <th>{t.col_entity}</th><th>{t.col_change}</th>
                </tr></thead>
                <tbody>
                    {entries.into_iter().map(|e| view! {
                        <tr>
                            <td>{e.at}</td>
                            <td>{e.actor_name}<br /><span class="muted small">{e.actor_kind}</span></td>
                            <td><code>{e.action}</code></td>
                            <td>{e.entity}<br /><span class="muted small">{e.entity_id}</span></td>
                            <td class="small">
                                {e.before.map(|b| view! { <div class="muted">"− "{b}</div> })}
                                {e.after.map(|a| view! { <div>"+ "{a}</div> })}
                            </td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// "Sebelumnya · Halaman 2 dari 5 (93 data) · Selanjutnya" as plain links.
#[component]
pub fn Pager(
    page: u64,
    pages: u64,
    total: u64,
    label: &'static str,
    link: impl Fn(u64) -> String + 'static,
) -> impl IntoView {
    let t = use_texts();
    let (prev, next) = (page.checked_sub(1), (page + 1 < pages).then_some(page + 1));
    view! {
        <nav class="pager" aria-label=label>
            {prev.map(|n| view! { <a class="btn btn-light" href=link(n)>{t.prev_page}</a> })}
            <span>{t.page_label}" "{page + 1}" "{t.of_label}" "{pages.max(1)}" ("{total}" "{t.entries_label}")"</span>
            {next.map(|n| view! { <a class="btn btn-light" href=link(n)>{t.next_page}</a> })}
        </nav>
    }
}
