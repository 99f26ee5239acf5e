//! The operator's side of going live (R-BO-3): the UAT queue (files with
//! preview, the checklist with links into the partner's log, approve or
//! reject with a reason), the Live queue, a partner's API log, and the
//! UAT/Live history on the partner's page.

use crate::components::apilog::{filter_of, ApiLogDetailView, ApiLogTable};
use crate::components::digest_check::RefusalReason;
use crate::components::form::{field_problem, general_problem, FormAlert};
use crate::components::frame::StaffPage;
use crate::components::list::{use_list_query, use_query_param, Column, Loaded, Table};
use crate::components::nav::{load_by, use_id_param};
use crate::components::status::{Chip, Tone};
use crate::components::uat::ChecklistView;
use crate::i18n::use_texts;
use crate::server_fns::integration::{
    api_log_of_partner, api_log_staff_entry, live_queue, uat_queue, LiveDecide, UatDecide,
};
use domain::products::ProductState;
use domain::uat::{LiveProductOut, ProductStepOut, UatRequestOut};
use domain::{ApiLogId, UserId};
use leptos::prelude::*;

fn staff_log_href(id: ApiLogId) -> String {
    format!("/admin/log/{id}")
}

#[component]
pub fn UatQueuePage() -> impl IntoView {
    let t = use_texts();
    let decide = ServerAction::<UatDecide>::new();
    let rows = Resource::new(move || decide.version().get(), |_| uat_queue());
    let general = general_problem(decide.value());
    view! {
        <StaffPage render=move |_| view! {
            <h1 class="page-title">{t.integration.uat_queue_title}</h1>
            <FormAlert problem=general />
            <Loaded resource=rows children=move |rows| view! { <UatCards rows decide /> } />
        } />
    }
}

#[component]
fn UatCards(rows: Vec<UatRequestOut>, decide: ServerAction<UatDecide>) -> impl IntoView {
    let t = use_texts();
    if rows.is_empty() {
        return view! { <p class="muted">{t.integration.uat_queue_empty}</p> }.into_any();
    }
    rows.into_iter().map(|r| view! { <UatCard r decide /> }).collect_view().into_any()
}

/// One request: who, what, how old, the files, the checklist, the decision.
#[component]
fn UatCard(r: UatRequestOut, decide: ServerAction<UatDecide>) -> impl IntoView {
    let t = use_texts();
    let reason = RwSignal::new(String::new());
    let id = r.id;
    let reason_id = format!("reason-{id}");
    let preview = format!("/uat/{id}/inquiry");
    view! {
        <section class="card" aria-label=format!("{} {}", r.company, r.product_code)>
            <h2>{r.company.clone()}" — "<code>{r.product_code.clone()}</code>" "{r.product_name.clone()}</h2>
            <p class="muted">{r.category.clone()}" · "{r.created_at.clone()}" WIB · "{t.integration.col_age}": "{format!("{} jam", r.age_hours)}</p>
            <p>
                <a href=preview.clone() target="_blank">{t.integration.file_inquiry}": "{r.inquiry_file.clone()}</a><br />
                <a href=format!("/uat/{id}/struk") target="_blank">{t.integration.file_struk}": "{r.struk_file.clone()}</a>
            </p>
            <details>
                <summary>{t.integration.file_inquiry}" (preview)"</summary>
                <iframe src=preview title=t.integration.file_inquiry class="preview"></iframe>
            </details>
            <h3>{t.integration.checklist_title}</h3>
            <ChecklistView list=r.checks.clone() log_href=staff_log_href />
            <p><a href=format!("/admin/mitra/{}/log", r.user_id)>{t.integration.partner_log}</a></p>
            <div class="decide">
                <button type="button" class="btn btn-primary" on:click=move |_| { decide.dispatch(UatDecide { id, approve: true, reason: String::new() }); }>{t.integration.approve_uat}</button>
                <label for=reason_id.clone()>{t.moderation.reject_reason}</label>
                <input id=reason_id type="text" prop:value=move || reason.get() on:input=move |ev| reason.set(event_target_value(&ev)) />
                <p class="field-error" role="alert">{field_problem(decide.value(), "reason")}</p>
                <button type="button" class="btn btn-danger" on:click=move |_| { decide.dispatch(UatDecide { id, approve: false, reason: reason.get_untracked() }); }>{t.moderation.reject}</button>
            </div>
        </section>
    }
}

#[component]
pub fn LiveQueuePage() -> impl IntoView {
    let t = use_texts();
    let decide = ServerAction::<LiveDecide>::new();
    let rows = Resource::new(move || decide.version().get(), |_| live_queue());
    let general = general_problem(decide.value());
    view! {
        <StaffPage render=move |_| view! {
            <h1 class="page-title">{t.integration.live_queue_title}</h1>
            <FormAlert problem=general />
            <Loaded resource=rows children=move |rows| {
                let columns = [t.moderation.col_business, t.portal.col_product_name, t.common.col_time, t.common.col_actions].map(Column::new).to_vec();
                view! { <Table caption=t.integration.live_queue_title columns rows empty=t.integration.live_queue_empty row=move |p| view! { <LiveRow p decide /> } /> }
            } />
        } />
    }
}

#[component]
fn LiveRow(p: LiveProductOut, decide: ServerAction<LiveDecide>) -> impl IntoView {
    let t = use_texts();
    let reason = RwSignal::new(String::new());
    let (user_id, code) = (p.user_id, p.product_code.clone());
    let code2 = code.clone();
    let reason_id = format!("reason-{}-{}", p.user_id, p.product_code);
    view! {
        <tr aria-label=format!("{} {}", p.company, p.product_code)>
            <td><a href=format!("/admin/mitra/{}", p.user_id)>{p.company.clone()}</a></td>
            <td><code>{p.product_code.clone()}</code>" "{p.product_name.clone()}<br /><span class="muted small">{p.category.clone()}</span></td>
            <td>{p.since.clone()}</td>
            <td class="decide">
                <button type="button" class="btn btn-primary" on:click=move |_| { decide.dispatch(LiveDecide { user_id, code: code.clone(), approve: true, reason: String::new() }); }>{t.integration.approve_live}</button>
                <label for=reason_id.clone()>{t.moderation.reject_reason}</label>
                <input id=reason_id type="text" prop:value=move || reason.get() on:input=move |ev| reason.set(event_target_value(&ev)) />
                <p class="field-error" role="alert">{field_problem(decide.value(), "reason")}</p>
                <button type="button" class="btn btn-danger" on:click=move |_| { decide.dispatch(LiveDecide { user_id, code: code2.clone(), approve: false, reason: reason.get_untracked() }); }>{t.moderation.reject}</button>
            </td>
        </tr>
    }
}

/// A partner's API log for support and UAT review.
#[component]
pub fn PartnerLogPage() -> impl IntoView {
    let t = use_texts();
    let user_id = use_id_param::<UserId>("user_id");
    let list = use_list_query();
    let (env, auth, rc) = (use_query_param("env"), use_query_param("auth"), use_query_param("rc"));
    let filter = Memo::new(move |_| filter_of(&env.get(), &auth.get(), &rc.get()));
    let rows = Resource::new(
        move || (user_id.get(), filter.get(), list.get()),
        |(id, filter, list)| load_by(id, move |id| api_log_of_partner(id, filter, list)),
    );
    view! {
        <StaffPage render=move |_| {
            let back = user_id.get().map(|id| format!("/admin/mitra/{id}")).unwrap_or_default();
            let path = user_id.get().map(|id| format!("/admin/mitra/{id}/log")).unwrap_or_default();
            view! {
                <p><a href=back>"← "{t.moderation.back_to_partners}</a></p>
                <h1 class="page-title">{t.integration.partner_log}</h1>
                <Loaded resource=rows children=move |page| view! {
                    <ApiLogTable page query=list.get() filter=filter.get() path=path.clone() detail=staff_log_href />
                } />
            }
        } />
    }
}

#[component]
pub fn StaffLogEntryPage() -> impl IntoView {
    let t = use_texts();
    let id = use_id_param::<ApiLogId>("id");
    let entry = Resource::new(move || id.get(), |id| load_by(id, api_log_staff_entry));
    view! {
        <StaffPage render=move |_| view! {
            <h1 class="page-title">{t.integration.detail_title}</h1>
            <Loaded resource=entry children=move |d| view! { <RefusalReason auth=d.row.auth /><ApiLogDetailView d /> } />
        } />
    }
}

/// "Riwayat UAT / Live" on the partner's page.
#[component]
pub fn ProductHistory(rows: Vec<ProductStepOut>) -> impl IntoView {
    let t = use_texts();
    let columns = [t.common.col_time, t.portal.col_product_code, t.integration.col_state, t.integration.col_by]
        .map(Column::new)
        .to_vec();
    view! {
        <Table caption=t.integration.history_title columns rows empty=t.integration.history_empty row=move |s: ProductStepOut| {
            let tone = match s.state {
                ProductState::Active | ProductState::UatApproved => Tone::Ok,
                ProductState::UatRejected | ProductState::Inactive | ProductState::Maintenance => Tone::Bad,
                _ => Tone::Pending,
            };
            view! {
                <tr>
                    <td>{s.at.clone()}</td>
                    <td><code>{s.product_code.clone()}</code></td>
                    <td><Chip tone text=t.product_state(s.state) />{s.reason.clone().map(|r| view! { <br /><span class="muted small">{r}</span> })}</td>
                    <td>{s.by.clone()}</td>
                </tr>
            }
        } />
    }
}
