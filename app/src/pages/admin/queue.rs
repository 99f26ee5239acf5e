//! The moderation queue: oldest submission first, with its age against the
//! 1x24-hour promise.

use crate::components::frame::StaffPage;
use crate::components::list::{use_list_query, use_query_param, Column, DataTable, FilterSelect, Loaded};
use crate::components::status::{Chip, Tone};
use crate::i18n::{use_texts, Texts};
use crate::server_fns::moderation::moderation_queue;
use domain::moderation::QueueItemOut;
use domain::profile::ProfileStatus;
use domain::{ListQuery, Page};
use leptos::prelude::*;

#[component]
pub fn ModerationQueuePage() -> impl IntoView {
    let t = use_texts();
    let list = use_list_query();
    let status = use_query_param("status");
    // No choice yet: what waits; "all" is asked for by name.
    let filter = move || match status.get().as_str() {
        "" => "waiting".to_owned(),
        "all" => String::new(),
        s => s.to_owned(),
    };
    let rows = Resource::new(filter, moderation_queue);
    view! {
        <StaffPage render=move |_| view! {
            <h1 class="page-title">{t.moderation.admin_queue}</h1>
            <Loaded resource=rows children=move |all| {
                let page = list.get().apply(all, |q| format!("{} {} {}", q.business_name, q.email, q.merchant_id.clone().unwrap_or_default()), sort_key);
                view! { <Queue page list=list.get() status=status.get() /> }
            } />
        } />
    }
}

/// The server's order is the queue's: oldest submission first (an equal
/// key keeps it, so "submitted" sorts by that order).
fn sort_key(q: &QueueItemOut, column: &str) -> Option<String> {
    match column {
        "business" => Some(q.business_name.to_lowercase()),
        _ => None,
    }
}

#[component]
fn Queue(page: Page<QueueItemOut>, list: ListQuery, status: String) -> impl IntoView {
    let t = use_texts();
    let columns = vec![
        Column::sortable(t.moderation.col_business, "business"),
        Column::new(t.common.email_label),
        Column::new(t.moderation.col_category),
        Column::sortable(t.moderation.col_submitted, "submitted"),
        Column::new(t.moderation.col_age),
        Column::new(t.common.col_status),
        Column::new(t.moderation.assigned_to),
        Column::new(t.common.col_actions),
    ];
    let options = vec![
        ("waiting", t.moderation.filter_waiting),
        ("revision", t.moderation.filter_revision),
        ("mine", t.moderation.filter_mine),
        ("rejected", t.common.status_rejected),
        ("approved", t.common.status_approved),
        ("all", t.common.all),
    ]
    .into_iter()
    .map(|(v, l)| (v.to_owned(), l.to_owned()))
    .collect();
    let chosen = if status.is_empty() { "waiting".to_owned() } else { status.clone() };
    let filter = move || {
        view! { <FilterSelect id="status-filter" label=t.moderation.filter_status name="status" options chosen /> }
            .into_any()
    };
    view! {
        <DataTable
            caption=t.moderation.admin_queue
            path="/admin/moderasi"
            columns
            page
            query=list
            kept=vec![("status", status)]
            filters=Box::new(filter)
            empty=t.moderation.queue_empty
            row=move |q: QueueItemOut| queue_row(t, q)
        />
    }
}

fn queue_row(t: &'static Texts, q: QueueItemOut) -> impl IntoView {
    let waiting = q.status == ProfileStatus::Submitted;
    let late = waiting && q.sla.late();
    view! {
        <tr>
            <td>{q.business_name}{q.merchant_id.map(|m| view! { <br /><span class="muted small">{m}</span> })}</td>
            <td>{q.email}</td>
            <td>{t.category(&q.category)}</td>
            <td>{q.submitted_at}" WIB"</td>
            <td class:late=late>
                {t.hours_used(q.sla.used_hours)}
                {late.then(|| view! { <br /><Chip tone=Tone::Bad text=t.moderation.over_sla /> })}
            </td>
            <td>{if q.revision { t.moderation.kind_revision } else { t.profile_status(q.status) }}</td>
            <td>{q.assignee.unwrap_or_default()}{q.mine.then(|| view! { " "<span class="muted small">{t.common.staff_you}</span> })}</td>
            <td><a class="btn btn-light" href=format!("/admin/moderasi/{}", q.user_id)>{t.moderation.open_review}</a></td>
        </tr>
    }
}
