//! "Top Up" (finance, issue 14): every top-up with its state and the
//! webhooks about it, a Selisih resolved by hand (credit what was paid, or
//! mark it refunded) with a reason, and the webhooks that matched no order.

use crate::components::dialog::ConfirmButton;
use crate::components::form::{field_problem, general_problem};
use crate::components::frame::StaffPage;
use crate::components::list::{Column, Loaded, Table};
use crate::components::status::{Chip, Tone};
use crate::i18n::use_texts;
use crate::server_fns::topup::{topup_cases, TopupReconcile, TopupResolve, TopupResolveUnmatched};
use domain::finance::rupiah;
use domain::topup::{
    TopupCaseOut, TopupDifferenceOut, TopupFinanceOut, TopupNotificationOut, TopupReconcileOut, TopupStatus,
};
use leptos::prelude::*;

const FILTERS: [TopupStatus; 5] =
    [TopupStatus::Mismatch, TopupStatus::Waiting, TopupStatus::Paid, TopupStatus::Expired, TopupStatus::Failed];

#[component]
pub fn TopupsPage() -> impl IntoView {
    // Made beside the staff check (see CatalogPage).
    let resolve = ServerAction::<TopupResolve>::new();
    let reconcile = ServerAction::<TopupReconcile>::new();
    let unmatched = ServerAction::<TopupResolveUnmatched>::new();
    let status = RwSignal::new(String::new());
    let cases = Resource::new(
        move || (status.get(), resolve.version().get(), reconcile.version().get(), unmatched.version().get()),
        |(status, ..)| topup_cases(status, domain::ListQuery::default()),
    );
    view! {
        <StaffPage render=move |_| {
            let t = use_texts();
            view! {
                <h1 class="page-title">{t.topup_finance.title}</h1>
                <p class="muted">{t.topup_finance.intro}</p>
                <div class="toolbar">
                    <label for="topup-filter">{t.topup_finance.filter}</label>
                    <select id="topup-filter" on:change=move |ev| status.set(event_target_value(&ev))>
                        <option value="">{t.topup_finance.all}</option>
                        {FILTERS.map(|s| view! { <option value=s.code()>{t.topup_status(s)}</option> }).collect_view()}
                    </select>
                </div>
                <Loaded resource=cases children=move |f: TopupFinanceOut| view! { <Cases f resolve reconcile unmatched /> } />
            }
        } />
    }
}

#[component]
fn Cases(
    f: TopupFinanceOut,
    resolve: ServerAction<TopupResolve>,
    reconcile: ServerAction<TopupReconcile>,
    unmatched: ServerAction<TopupResolveUnmatched>,
) -> impl IntoView {
    let t = use_texts();
    let columns = [
        t.topup.col_time,
        t.topup.col_order,
        t.topup_finance.col_partner,
        t.topup.col_method,
        t.topup.col_amount,
        t.topup_finance.col_paid,
        t.topup.status,
        t.topup_finance.col_webhooks,
    ]
    .map(Column::new)
    .to_vec();
    let row = move |c: TopupCaseOut| view! { <CaseRow c resolve /> };
    view! {
        <section class="panel">
            <Table caption=t.topup_finance.title columns rows=f.cases empty=t.topup.history_empty row />
        </section>
        <Unmatched list=f.unmatched resolve=unmatched />
        <Reconciliations days=f.reconciliations reconcile />
    }
}

/// Reconcile a day now; the latest days with what differed.
#[component]
fn Reconciliations(days: Vec<TopupReconcileOut>, reconcile: ServerAction<TopupReconcile>) -> impl IntoView {
    let t = use_texts();
    let day = RwSignal::new(String::new());
    let problem = general_problem(reconcile.value());
    let bad_day = field_problem(reconcile.value(), "day");
    let columns = [t.topup.col_order, t.topup_finance.col_ours, t.topup_finance.col_theirs, t.topup_finance.col_what]
        .map(Column::new)
        .to_vec();
    let one = move |r: TopupReconcileOut| {
        let caption = format!("{} — {} {}", r.day, r.checked, t.topup_finance.col_checked);
        let row = |d: TopupDifferenceOut| {
            view! {
                <tr><td><code>{d.order_id}</code></td><td>{d.ours}</td><td>{d.theirs}</td><td>{d.what}</td></tr>
            }
        };
        view! {
            <h3>{caption}</h3>
            <Table caption=t.topup_finance.reconcile_title columns=columns.clone() rows=r.differences empty=t.topup_finance.reconcile_clean row />
        }
    };
    view! {
        <section class="panel" aria-labelledby="reconcile-title">
            <h2 id="reconcile-title">{t.topup_finance.reconcile_title}</h2>
            <p class="muted">{t.topup_finance.reconcile_intro}</p>
            <form class="inline-form" on:submit=move |ev: leptos::ev::SubmitEvent| {
                ev.prevent_default();
                reconcile.dispatch(TopupReconcile { day: day.get_untracked() });
            }>
                <label for="reconcile-day">{t.topup_finance.reconcile_day}</label>
                <input id="reconcile-day" type="date" required prop:value=move || day.get() on:input=move |ev| day.set(event_target_value(&ev)) />
                <button type="submit" class="btn btn-light" disabled=move || reconcile.pending().get()>{t.topup_finance.reconcile_button}</button>
                <span class="field-error" role="alert">{move || problem.get().map(|p| t.problem(p)).or_else(&bad_day)}</span>
            </form>
            {days.into_iter().map(one).collect_view()}
        </section>
    }
}

#[component]
fn CaseRow(c: TopupCaseOut, resolve: ServerAction<TopupResolve>) -> impl IntoView {
    let t = use_texts();
    let o = c.order.clone();
    let open = o.status == TopupStatus::Mismatch && c.resolution.is_none();
    // Each webhook folded to its time and outcome; the body on demand.
    let webhooks = c
        .notifications
        .iter()
        .map(|n| {
            view! {
                <details>
                    <summary>{n.received_wib.clone()}" · "{n.outcome.clone()}</summary>
                    <code class="wrap small">{n.body.clone()}</code>
                </details>
            }
        })
        .collect_view();
    view! {
        <tr data-testid="topup-case">
            <td class="nowrap">{o.created_wib.clone()}</td>
            <td class="nowrap"><code>{o.order_id.clone()}</code></td>
            <td>{c.company.clone()}<br /><span class="muted small">{c.merchant_id.clone()}</span></td>
            <td>{o.method_label.clone()}</td>
            <td class="num">{rupiah(o.amount)}</td>
            <td class="num">{c.paid_amount.map(rupiah).unwrap_or_else(|| "-".into())}</td>
            <td>
                <Chip tone=Tone::of_topup(o.status) text=t.topup_status(o.status) />
                {c.resolution.clone().map(|r| view! {
                    <br /><span class="small">{t.topup_finance.resolved}": "{r}" — "{c.resolution_note.clone()}" ("{c.resolved_by.clone()}")"</span>
                })}
                {open.then(|| view! { <Resolve order_id=o.order_id.clone() resolve /> })}
            </td>
            <td class="small">{webhooks}</td>
        </tr>
    }
}

/// Credit or mark refunded, with a reason, after a confirmation.
#[component]
fn Resolve(order_id: String, resolve: ServerAction<TopupResolve>) -> impl IntoView {
    let t = use_texts();
    let note = RwSignal::new(String::new());
    let problem = general_problem(resolve.value());
    // A missing reason is the field's problem: said beside it too.
    let no_reason = field_problem(resolve.value(), "note");
    let field = format!("note-{order_id}");
    let decide = move |action: &'static str| {
        let order_id = order_id.clone();
        move || {
            resolve.dispatch(TopupResolve {
                order_id: order_id.clone(),
                action: action.into(),
                note: note.get_untracked(),
            });
        }
    };
    view! {
        <div class="resolve">
            <label for=field.clone()>{t.topup_finance.resolve_note}</label>
            <input id=field required prop:value=move || note.get() on:input=move |ev| note.set(event_target_value(&ev)) />
            <ConfirmButton label=t.topup_finance.resolve_credit message=t.topup_finance.resolve_confirm on_yes=decide("credit") />
            <ConfirmButton label=t.topup_finance.resolve_refunded message=t.topup_finance.resolve_confirm on_yes=decide("refunded") />
            <span class="field-error" role="alert">{move || problem.get().map(|p| t.problem(p)).or_else(&no_reason)}</span>
        </div>
    }
}

#[component]
fn Unmatched(list: Vec<TopupNotificationOut>, resolve: ServerAction<TopupResolveUnmatched>) -> impl IntoView {
    let t = use_texts();
    let columns = [t.topup.col_time, t.topup.col_order, t.topup_finance.verified, t.topup_finance.col_webhooks, ""]
        .map(Column::new)
        .to_vec();
    let row = move |n: TopupNotificationOut| {
        let open = n.verified && n.resolution.is_none();
        let done = n.resolution.clone().map(|r| {
            let note = n.resolution_note.clone().unwrap_or_default();
            let by =
                format!("{}: {r}, {note} ({})", t.topup_finance.resolved, n.resolved_by.clone().unwrap_or_default());
            view! { <span class="small">{by}</span> }
        });
        view! {
            <tr data-testid="topup-unmatched">
                <td class="nowrap">{n.received_wib.clone()}</td>
                <td><code>{n.order_id.clone()}</code></td>
                <td>{if n.verified { t.topup_finance.verified } else { t.topup_finance.not_verified }}</td>
                <td><code class="wrap small">{n.body.clone()}</code></td>
                <td>{done}{open.then(|| view! { <ResolveUnmatched id=n.id.clone() resolve /> })}</td>
            </tr>
        }
    };
    view! {
        <section class="panel">
            <h2>{t.topup_finance.unmatched}</h2>
            <p class="muted">{t.topup_finance.unmatched_hint}</p>
            <Table caption=t.topup_finance.unmatched columns rows=list empty=t.topup_finance.unmatched_empty row />
        </section>
    }
}

/// A labelled small text input.
fn small_input(label: &'static str, value: RwSignal<String>) -> impl IntoView {
    view! {
        <label class="small">{label}" "<input size="14" prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev)) /></label>
    }
}

/// Credit an unmatched payment to a partner, or mark it refunded.
#[component]
fn ResolveUnmatched(id: String, resolve: ServerAction<TopupResolveUnmatched>) -> impl IntoView {
    let t = use_texts();
    let (merchant, amount, note) =
        (RwSignal::new(String::new()), RwSignal::new(String::new()), RwSignal::new(String::new()));
    let problem = move || {
        let e = resolve.value().get().and_then(Result::err)?;
        e.general().or_else(|| e.field_errors().first().map(|f| f.problem))
    };
    let decide = move |action: &'static str| {
        let id = id.clone();
        move || {
            resolve.dispatch(TopupResolveUnmatched {
                id: id.clone(),
                action: action.into(),
                merchant_id: merchant.get_untracked(),
                amount: amount.get_untracked(),
                note: note.get_untracked(),
            });
        }
    };
    view! {
        <div class="resolve">
            {small_input(t.common.merchant_id_label, merchant)}
            {small_input(t.topup.col_amount, amount)}
            {small_input(t.topup_finance.resolve_note, note)}
            <ConfirmButton label=t.topup_finance.resolve_credit message=t.topup_finance.resolve_confirm on_yes=decide("credit") />
            <ConfirmButton label=t.topup_finance.resolve_refunded message=t.topup_finance.resolve_confirm on_yes=decide("refunded") />
            <span class="field-error" role="alert">{move || problem().map(|p| t.problem(p))}</span>
        </div>
    }
}
