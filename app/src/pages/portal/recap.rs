//! "Rekap Pelunasan" (issue 15): a period's successful payments — this
//! week, this month or chosen dates (WIB) — per category and product with
//! bills, admin fees, the partner's fee and totals, and its downloads.

use crate::components::form::EnvSelect;
use crate::components::frame::PartnerPage;
use crate::components::list::{Column, Downloads, Loaded, Table};
use crate::error::AppError;
use crate::i18n::use_texts;
use crate::server_fns::reports::ReportOf;
use domain::finance::rupiah;
use domain::reports::{RecapIn, RecapOut, RecapRowOut};
use leptos::prelude::*;

#[component]
pub fn RecapPage() -> impl IntoView {
    let state = RecapState::new(ReportOf::Own);
    view! {
        <PartnerPage render=move |_| {
            let t = use_texts();
            view! {
                <h1 class="page-title">{t.reports.recap_title}</h1>
                <p class="muted">{t.reports.recap_intro}</p>
                <RecapReport state=state.clone() />
            }
        } />
    }
}

/// The period shown and its loading, made by the page beside its user
/// check (see `StatementState`).
#[derive(Clone)]
pub struct RecapState {
    of: ReportOf,
    query: RwSignal<RecapIn>,
    recap: Resource<Result<RecapOut, AppError>>,
}

impl RecapState {
    pub fn new(of: ReportOf) -> Self {
        let query =
            RwSignal::new(RecapIn { environment: "production".into(), period: "bulan".into(), ..Default::default() });
        let load = of.clone();
        let recap = Resource::new(move || query.get(), move |q| load.clone().recap(q));
        RecapState { of, query, recap }
    }
}

/// The period's filters and its recap, of the partner the state names.
#[component]
pub fn RecapReport(state: RecapState) -> impl IntoView {
    let RecapState { of, query, recap } = state;
    view! {
        <Filters query />
        <Loaded resource=recap children=move |r: RecapOut| view! { <Recap r of=of.clone() /> } />
    }
}

#[component]
fn Filters(query: RwSignal<RecapIn>) -> impl IntoView {
    let t = use_texts();
    let draft = RwSignal::new(query.get_untracked());
    let custom = move || draft.with(|d| d.period.is_empty());
    let date =
        move |id: &'static str, label: &'static str, get: fn(&RecapIn) -> String, set: fn(&mut RecapIn, String)| {
            view! {
                <label for=id>{label}</label>
                <input id=id type="date" disabled=move || !custom() prop:value=move || draft.with(get)
                    on:input=move |ev| draft.update(|d| set(d, event_target_value(&ev))) />
            }
        };
    view! {
        <form class="toolbar wrap" on:submit=move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            query.set(draft.get_untracked());
        }>
            <EnvSelect id="recap-env" chosen=draft.with_untracked(|d| d.environment.clone())
                on_pick=Callback::new(move |e| draft.update(|d| d.environment = e)) />
            <label for="recap-period">{t.reports.period}</label>
            <select id="recap-period" on:change=move |ev| draft.update(|d| d.period = event_target_value(&ev))>
                <option value="bulan">{t.reports.this_month}</option>
                <option value="minggu">{t.reports.this_week}</option>
                <option value="">{t.reports.custom}</option>
            </select>
            {date("recap-from", t.reports.from, |d| d.from.clone(), |d, v| d.from = v)}
            {date("recap-to", t.reports.to, |d| d.to.clone(), |d, v| d.to = v)}
            <button type="submit" class="btn btn-light">{t.reports.show}</button>
        </form>
    }
}

#[component]
fn Recap(r: RecapOut, of: ReportOf) -> impl IntoView {
    let t = use_texts();
    let columns = [
        t.reports.category,
        t.reports.product,
        t.reports.product_name,
        t.reports.col_count,
        t.reports.col_tagihan,
        t.reports.col_admin,
        t.reports.col_partner_fee,
        t.reports.col_total,
    ]
    .map(Column::new)
    .to_vec();
    let row = move |(total, r): (bool, RecapRowOut)| {
        let figures = view! {
            <td class="num">{r.count}</td>
            <td class="num">{rupiah(r.tagihan)}</td>
            <td class="num">{rupiah(r.admin)}</td>
            <td class="num">{rupiah(r.partner_fee)}</td>
            <td class="num">{rupiah(r.total)}</td>
        };
        if total {
            view! { <tr class="total" data-testid="recap-total"><th scope="row" colspan="3">{t.reports.recap_total}</th>{figures}</tr> }.into_any()
        } else {
            view! {
                <tr data-testid="recap-row"><td>{r.category}</td><td>{r.product_code}</td><td>{r.product_name}</td>{figures}</tr>
            }
            .into_any()
        }
    };
    let mut rows: Vec<(bool, RecapRowOut)> = r.rows.into_iter().map(|row| (false, row)).collect();
    if !rows.is_empty() {
        rows.push((true, r.total));
    }
    let params = of.with_merchant(vec![
        ("environment", r.environment.code().to_owned()),
        ("from", r.from.clone()),
        ("to", r.to.clone()),
    ]);
    view! {
        <p class="actions-line">
            {format!("{} {} – {} · {}: {} / {}", r.environment.label(), r.from, r.to, t.reports.pending_failed, r.pending_count, r.failed_count)}" "
            <Downloads report="rekap-pelunasan" params />
        </p>
        <Table caption=t.reports.recap_title columns rows empty=t.reports.recap_empty row />
    }
}
