//! The moderation queue: oldest submission first, with its age against the
//! 1x24-hour promise.

use super::StaffPage;
use crate::components::form::LoadError;
use crate::i18n::{use_texts, Texts};
use crate::server_fns::moderation::moderation_queue;
use domain::profile::ProfileStatus;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

pub fn status_text(t: &Texts, s: ProfileStatus) -> &'static str {
    match s {
        ProfileStatus::Draft => t.status_incomplete,
        ProfileStatus::Submitted => t.status_submitted,
        ProfileStatus::Rejected => t.status_rejected,
        ProfileStatus::Approved => t.status_approved,
    }
}

#[component]
pub fn ModerationQueuePage() -> impl IntoView {
    let query = use_query_map();
    let status = move || query.read().get("status").unwrap_or_else(|| "waiting".into());
    let rows = Resource::new(status, moderation_queue);
    view! { <StaffPage render=move |_| view! { <Queue rows status=Signal::derive(status) /> } /> }
}

#[component]
fn Queue(
    rows: Resource<Result<Vec<domain::moderation::QueueItemOut>, crate::error::AppError>>,
    status: Signal<String>,
) -> impl IntoView {
    let t = use_texts();
    let navigate = use_navigate();
    let on_filter = move |ev| {
        let v = event_target_value(&ev);
        navigate(&format!("/admin/moderasi?status={v}"), Default::default());
    };
    let options = [
        ("waiting", t.filter_waiting),
        ("revision", t.filter_revision),
        ("mine", t.filter_mine),
        ("rejected", t.status_rejected),
        ("approved", t.status_approved),
        ("", t.all),
    ];
    view! {
        <h1 class="page-title">{t.admin_queue}</h1>
        <div class="toolbar">
            <label for="status-filter">{t.filter_status}</label>
            <select id="status-filter" on:change=on_filter prop:value=move || status.get()>
                {options.map(|(v, label)| view! { <option value=v selected=move || status.get() == v>{label}</option> }).collect_view()}
            </select>
        </div>
        {move || rows.get().map(|r| match r {
            Ok(list) if list.is_empty() => view! { <p class="muted">{t.queue_empty}</p> }.into_any(),
            Ok(list) => view! {
                <div class="table-wrap panel">
                    <table class="table">
                        <thead><tr>
                            <th>{t.col_business}</th><th>{t.email_label}</th><th>{t.col_category}</th>
                            <th>{t.col_submitted}</th><th>{t.col_age}</th><th>{t.col_status}</th><th>{t.assigned_to}</th><th></th>
                        </tr></thead>
                        <tbody>
                            {list.into_iter().map(|q| {
                                let waiting = q.status == ProfileStatus::Submitted;
                                let late = waiting && q.sla.late();
                                view! {
                                    <tr>
                                        <td>{q.business_name}{q.merchant_id.map(|m| view! { <br /><span class="muted small">{m}</span> })}</td>
                                        <td>{q.email}</td>
                                        <td>{q.category}</td>
                                        <td>{q.submitted_at}" WIB"</td>
                                        <td class:late=late>
                                            {q.sla.used_hours}" "{t.hours_used}
                                            {late.then(|| view! { <br /><span class="status status-bad">{t.over_sla}</span> })}
                                        </td>
                                        <td>
                                            {if q.revision { t.kind_revision } else { status_text(t, q.status) }}
                                        </td>
                                        <td>{q.assignee.unwrap_or_default()}{q.mine.then(|| view! { " "<span class="muted small">{t.staff_you}</span> })}</td>
                                        <td><a class="btn btn-light" href=format!("/admin/moderasi/{}", q.user_id)>{t.open_review}</a></td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            }.into_any(),
            Err(e) => view! { <LoadError e /> }.into_any(),
        })}
    }
}
