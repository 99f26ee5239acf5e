//! The operator's back office: its home page; the other pages by module.

pub mod audit;
pub mod billers;
pub mod catalog;
pub mod going_live;
pub mod ip_queue;
pub mod login;
pub mod partner_reports;
pub mod partners;
pub mod queue;
pub mod review;
pub mod security;
pub mod staff;
pub mod topups;
pub mod transactions;

use crate::components::frame::StaffPage;
use crate::i18n::use_texts;
use domain::staff::{Permission, StaffOut};
use leptos::prelude::*;

#[component]
pub fn AdminHomePage() -> impl IntoView {
    let t = use_texts();
    view! {
        <StaffPage render=move |s: StaffOut| view! {
            <h1 class="page-title">{t.moderation.admin_welcome}</h1>
            <p>{s.email.clone()}" · "{t.moderation.admin_role}": "<strong>{t.role(s.role)}</strong></p>
            {s.may(Permission::Moderate).then(|| view! { <p><a class="btn btn-primary" href="/admin/moderasi">{t.moderation.admin_queue}</a></p> })}
            {s.may(Permission::Finance).then(|| view! { <ReconcileForm /> })}
            <p class="muted">{t.moderation.admin_next}</p>
        } />
    }
}

/// "Rekonsiliasi H+1": run (or re-run) the reconciliation of a WIB day.
#[component]
fn ReconcileForm() -> impl IntoView {
    let t = use_texts();
    let run = ServerAction::<crate::server_fns::finance::ReconcileDay>::new();
    let day = RwSignal::new(String::new());
    view! {
        <section class="panel" aria-label=t.moderation.reconcile_title>
            <h2>{t.moderation.reconcile_title}</h2>
            <p class="muted">{t.moderation.reconcile_hint}</p>
            <form on:submit=move |ev: leptos::ev::SubmitEvent| {
                ev.prevent_default();
                run.dispatch(crate::server_fns::finance::ReconcileDay { day: day.get_untracked() });
            }>
                <label for="reconcile-day">{t.moderation.reconcile_day}</label>
                <input id="reconcile-day" type="date" required prop:value=move || day.get() on:input=move |ev| day.set(event_target_value(&ev)) />
                <button type="submit" class="btn btn-primary" disabled=move || run.pending().get()>{t.moderation.reconcile_button}</button>
            </form>
            {move || run.value().get().map(|r| match r {
                Ok(out) => view! { <p class="status status-ok" role="status">{t.reconciled(&out)}</p> }.into_any(),
                Err(e) => view! {
                    <p class="field-error" role="alert">
                        {e.general().or_else(|| e.field_errors().first().map(|f| f.problem)).map(|p| t.problem(p))}
                    </p>
                }.into_any(),
            })}
        </section>
    }
}
