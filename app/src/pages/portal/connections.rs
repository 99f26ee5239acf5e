//! "Koneksi → Pengaturan Koneksi" (R-CONN-1): both base URLs, "Tambah"
//! with Tipe Koneksi and IP, the table with search and paging, delete with
//! confirmation.

use super::callbacks::CallbackSettings;
use super::PartnerPage;
use crate::components::form::LoadError;
use crate::components::form::{encode_query, general_problem, FormAlert, FormState, SubmitButton, TextField};
use crate::error::AppError;
use crate::i18n::{use_texts, Texts};
use crate::pages::admin::audit::Pager;
use crate::server_fns::connections::{ip_list, IpAdd, IpRemove};
use domain::finance::IpPage;
use domain::finance::IpStatus;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

pub fn ip_status_text(t: &Texts, s: IpStatus) -> (&'static str, &'static str) {
    match s {
        IpStatus::Approved => (t.ip_approved, "status status-ok"),
        IpStatus::Rejected => (t.ip_rejected, "status status-bad"),
        IpStatus::Pending => (t.ip_pending, "status status-pending"),
    }
}

#[component]
pub fn ConnectionsPage() -> impl IntoView {
    let query = use_query_map();
    let q = move || query.read().get("q").unwrap_or_default();
    let page = move || query.read().get("page").and_then(|p| p.parse::<u64>().ok()).unwrap_or(0);
    let add = ServerAction::<IpAdd>::new();
    let remove = ServerAction::<IpRemove>::new();
    let list = Resource::new(
        move || (q(), page(), add.version().get(), remove.version().get()),
        |(q, page, _, _)| ip_list(q, page),
    );
    let (save, resend, callbacks) = super::callbacks::new_callback_state();
    view! {
        <PartnerPage render=move |_| view! {
            <Connections list q=Signal::derive(q) add remove />
            <CallbackSettings save resend data=callbacks />
        } />
    }
}

#[component]
fn Connections(
    list: Resource<Result<IpPage, AppError>>,
    q: Signal<String>,
    add: ServerAction<IpAdd>,
    remove: ServerAction<IpRemove>,
) -> impl IntoView {
    let t = use_texts();
    view! {
        <h1 class="page-title">{t.connections_title}</h1>
        {move || list.get().map(|r| match r {
            Ok(p) => {
                let query = q.get();
                let link = move |n: u64| format!("/koneksi?q={}&page={n}", encode_query(&query));
                view! {
                    <section class="cards">
                        <div class="card"><h2>"Development"</h2><p><code data-testid="url-development">{p.development_url.clone()}</code></p></div>
                        <div class="card"><h2>"Production"</h2><p><code data-testid="url-production">{p.production_url.clone()}</code></p></div>
                    </section>
                    <AddIp add />
                    <form class="toolbar" method="get" action="/koneksi" role="search">
                        <label for="ip-q">{t.search_label}</label>
                        <input id="ip-q" name="q" type="search" placeholder="IP" prop:value=move || q.get() />
                        <button type="submit" class="btn btn-light">{t.search_label}</button>
                    </form>
                    <IpTable page=p.clone() remove />
                    <Pager page=p.page pages=p.pages total=p.total label=t.connections_title link />
                }
                .into_any()
            }
            Err(e) => view! { <LoadError e /> }.into_any(),
        })}
    }
}

#[component]
fn IpTable(page: IpPage, remove: ServerAction<IpRemove>) -> impl IntoView {
    let t = use_texts();
    if page.rows.is_empty() {
        return view! { <p class="muted">{t.ip_empty}</p> }.into_any();
    }
    let rows = page
        .rows
        .into_iter()
        .map(|e| {
            let (label, class) = ip_status_text(t, e.status);
            let id = e.id.clone();
            let on_delete = move |_| {
                if window().confirm_with_message(t.ip_confirm_delete).unwrap_or(false) {
                    remove.dispatch(IpRemove { id: id.clone() });
                }
            };
            view! {
                <tr>
                    <td>{e.environment.label()}</td>
                    <td><code>{e.ip.clone()}</code></td>
                    <td><span class=class>{label}</span>{e.reason.clone().map(|r| view! { <br /><span class="muted small">{r}</span> })}</td>
                    <td>{e.created_at.clone()}</td>
                    <td><button type="button" class="btn btn-light" on:click=on_delete>{t.delete}</button></td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap panel">
            <table class="table">
                <thead><tr><th>{t.connection_type}</th><th>"IP"</th><th>{t.col_status}</th><th>{t.col_time}</th><th></th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}

#[component]
fn AddIp(add: ServerAction<IpAdd>) -> impl IntoView {
    let t = use_texts();
    let form = FormState::default();
    let environment = RwSignal::new("development".to_owned());
    let ip = RwSignal::new(String::new());
    let ip_err = form.error("ip", move || {
        let v = ip.get();
        if v.trim().is_empty() {
            Some(domain::Problem::Required)
        } else {
            v.trim().parse::<std::net::IpAddr>().err().map(|_| domain::Problem::IpInvalid)
        }
    });
    Effect::new(move |_| {
        let Some(result) = add.value().get() else { return };
        form.answer(&result);
        if result.is_ok() {
            ip.set(String::new());
            form.reset();
        }
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if form.submit(ip_err.get_untracked().is_none()) {
            add.dispatch(IpAdd { environment: environment.get_untracked(), ip: ip.get_untracked() });
        }
    };
    let general = general_problem(add.value());
    view! {
        <form class="panel" on:submit=on_submit novalidate>
            <h2>{t.ip_add_title}</h2>
            <FormAlert problem=general />
            <div class="field-grid">
                <div class="field">
                    <label for="environment">{t.connection_type}</label>
                    <select id="environment" on:change=move |ev| environment.set(event_target_value(&ev))>
                        <option value="development">"Development"</option>
                        <option value="production">"Production"</option>
                    </select>
                </div>
                <TextField form name="ip" label="IP" value=ip error=ip_err hint=t.ip_hint />
            </div>
            <SubmitButton label=t.add pending=add.pending() />
        </form>
    }
}
