//! "Koneksi → Pengaturan Koneksi" (R-CONN-1): both base URLs, "Tambah"
//! with Tipe Koneksi and IP, the table with search and paging, delete with
//! confirmation.

mod callbacks;

use crate::components::dialog::ConfirmButton;
use crate::components::form::{general_problem, FormAlert, FormState, SubmitButton, TextField};
use crate::components::frame::PartnerPage;
use crate::components::list::{use_list_query, Column, DataTable, Loaded};
use crate::components::status::{Chip, Tone};
use crate::i18n::use_texts;
use crate::server_fns::connections::{ip_list, IpAdd, IpRemove};
use callbacks::CallbackSettings;
use domain::finance::{IpEntryOut, IpOverview};
use domain::ListQuery;
use leptos::prelude::*;

#[component]
pub fn ConnectionsPage() -> impl IntoView {
    let t = use_texts();
    let list = use_list_query();
    let add = ServerAction::<IpAdd>::new();
    let remove = ServerAction::<IpRemove>::new();
    let overview =
        Resource::new(move || (list.get(), add.version().get(), remove.version().get()), |(list, _, _)| ip_list(list));
    let (save, resend, callbacks) = callbacks::new_callback_state();
    view! {
        <PartnerPage render=move |me: domain::account::UserOut| {
            // "Halaman Utama Koneksi" shows the addresses; changing them and
            // the callback (with its signing secret) is "Pengaturan Koneksi".
            let may_change = me.may(domain::rights::Right::PengaturanKoneksi);
            view! {
                <crate::pages::portal::docs::DocsTabs current="settings" />
                <h1 class="page-title">{t.portal.connections_title}</h1>
                <Loaded resource=overview children=move |o| view! { <Connections o list=list.get() add remove may_change /> } />
                {may_change.then(|| view! { <CallbackSettings save resend data=callbacks /> })}
            }
        } />
    }
}

#[component]
fn Connections(
    o: IpOverview,
    list: ListQuery,
    add: ServerAction<IpAdd>,
    remove: ServerAction<IpRemove>,
    may_change: bool,
) -> impl IntoView {
    let t = use_texts();
    let columns = vec![
        Column::sortable(t.common.connection_type, "environment"),
        Column::sortable("IP", "ip"),
        Column::new(t.common.col_status),
        Column::sortable(t.common.col_time, "created"),
        Column::new(t.common.col_actions),
    ];
    let row = move |e: IpEntryOut| {
        let id = e.id;
        view! {
            <tr>
                <td>{e.environment.label()}</td>
                <td><code>{e.ip.clone()}</code></td>
                <td><Chip tone=Tone::of_ip(e.status) text=t.ip_status(e.status) />{e.reason.clone().map(|r| view! { <br /><span class="muted small">{r}</span> })}</td>
                <td>{e.created_at.clone()}</td>
                <td>
                    {may_change.then(|| view! {
                        <ConfirmButton
                            label=t.common.delete
                            aria_label=format!("{} {}", t.common.delete, e.ip)
                            on_yes=move || { remove.dispatch(IpRemove { id }); }
                        />
                    })}
                </td>
            </tr>
        }
    };
    view! {
        <section class="cards">
            <div class="card"><h2>"Development"</h2><p><code data-testid="url-development">{o.development_url}</code></p></div>
            <div class="card"><h2>"Production"</h2><p><code data-testid="url-production">{o.production_url}</code></p></div>
        </section>
        {may_change.then(|| view! { <AddIp add /> })}
        <DataTable
            caption=t.portal.connections_title
            path="/koneksi"
            columns
            page=o.ips
            query=list
            row
            search_hint="IP"
            empty=t.portal.ip_empty
        />
    }
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
    form.follow_then_clear(add.value(), move |_| ip.set(String::new()));
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if form.submit(ip_err.get_untracked().is_none()) {
            add.dispatch(IpAdd { environment: environment.get_untracked(), ip: ip.get_untracked() });
        }
    };
    let general = general_problem(add.value());
    view! {
        <form class="panel" on:submit=on_submit novalidate>
            <h2>{t.portal.ip_add_title}</h2>
            <FormAlert problem=general />
            <div class="field-grid">
                <div class="field">
                    <label for="environment">{t.common.connection_type}</label>
                    <select id="environment" on:change=move |ev| environment.set(event_target_value(&ev))>
                        <option value="development">"Development"</option>
                        <option value="production">"Production"</option>
                    </select>
                </div>
                <TextField form name="ip" label="IP" value=ip error=ip_err hint=t.portal.ip_hint />
            </div>
            <SubmitButton label=t.portal.add pending=add.pending() />
        </form>
    }
}
