//! "Persetujuan IP" (R-BO-2): addresses partners registered, oldest first;
//! approve, or reject with a reason.

use crate::components::form::{field_problem, general_problem, FormAlert};
use crate::components::frame::StaffPage;
use crate::components::list::{use_list_query, Column, DataTable, Loaded};
use crate::i18n::use_texts;
use crate::server_fns::connections::{ip_queue, IpDecide};
use domain::finance::IpEntryOut;
use leptos::prelude::*;

#[component]
pub fn IpQueuePage() -> impl IntoView {
    let t = use_texts();
    let list = use_list_query();
    // Bumped by a row whose decision went through: the list reloads.
    let decided = RwSignal::new(0u32);
    let rows = Resource::new(move || decided.get(), |_| ip_queue());
    view! {
        <StaffPage render=move |_| view! {
            <h1 class="page-title">{t.moderation.ip_queue_title}</h1>
            <Loaded resource=rows children=move |all| {
                let text = |e: &IpEntryOut| format!("{} {} {}", e.ip, e.company.clone().unwrap_or_default(), e.merchant_id.clone().unwrap_or_default());
                let page = list.get().apply(all, text, |_, _| None);
                let columns = [t.moderation.col_business, t.common.connection_type, "IP", t.common.col_time, t.common.col_actions]
                    .map(Column::new)
                    .to_vec();
                view! {
                    <DataTable
                        caption=t.moderation.ip_queue_title
                        path="/admin/ip"
                        columns
                        page
                        query=list.get()
                        empty=t.moderation.ip_queue_empty
                        row=move |e| view! { <IpRow e decided /> }
                    />
                }
            } />
        } />
    }
}

#[component]
fn IpRow(e: IpEntryOut, decided: RwSignal<u32>) -> impl IntoView {
    let t = use_texts();
    let decide = ServerAction::<IpDecide>::new();
    Effect::new(move |_| {
        if let Some(Ok(())) = decide.value().get() {
            decided.update(|n| *n += 1);
        }
    });
    let reason = RwSignal::new(String::new());
    let (id1, id2) = (e.id, e.id);
    let reason_id = format!("reason-{}", e.id);
    let reason_err = field_problem(decide.value(), "reason");
    let general = general_problem(decide.value());
    view! {
        <tr aria-label=e.ip.clone()>
            <td>{e.company.clone().unwrap_or_default()}<br /><span class="muted small">{e.merchant_id.clone().unwrap_or_default()}</span></td>
            <td>{e.environment.label()}</td>
            <td><code>{e.ip.clone()}</code></td>
            <td>{e.created_at.clone()}</td>
            <td class="decide">
                <FormAlert problem=general />
                <button type="button" class="btn btn-primary" on:click=move |_| { decide.dispatch(IpDecide { id: id1, approve: true, reason: String::new() }); }>{t.moderation.approve}</button>
                <label for=reason_id.clone()>{t.moderation.reject_reason}</label>
                <input id=reason_id type="text" prop:value=move || reason.get() on:input=move |ev| reason.set(event_target_value(&ev)) />
                <p class="field-error" role="alert">{reason_err}</p>
                <button type="button" class="btn btn-danger" on:click=move |_| { decide.dispatch(IpDecide { id: id2, approve: false, reason: reason.get_untracked() }); }>{t.moderation.reject}</button>
            </td>
        </tr>
    }
}
