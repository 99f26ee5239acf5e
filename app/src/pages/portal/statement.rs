//! "Rekening Koran" (issue 15): the deposit statement of a WIB period —
//! opening and closing balance, totals, every movement with the balance
//! after it — paged by cursor, and its CSV download.

use crate::components::form::EnvSelect;
use crate::components::frame::PartnerPage;
use crate::components::list::{Column, CursorPager, Downloads, Loaded, Table};
use crate::error::AppError;
use crate::i18n::use_texts;
use crate::server_fns::reports::ReportOf;
use domain::finance::rupiah;
use domain::reports::{StatementIn, StatementLineOut, StatementOut};
use leptos::prelude::*;

#[component]
pub fn StatementPage() -> impl IntoView {
    let state = StatementState::new(ReportOf::Own);
    view! {
        <PartnerPage render=move |_| {
            let t = use_texts();
            view! {
                <h1 class="page-title">{t.reports.statement_title}</h1>
                <p class="muted">{t.reports.statement_intro}</p>
                <StatementReport state=state.clone() />
            }
        } />
    }
}

/// The statement shown (its cursor empty on the first page) and its
/// loading: made by the page beside its user check, never inside its
/// Suspense (a resource made there breaks hydration, see `DevNumbersPage`).
#[derive(Clone)]
pub struct StatementState {
    of: ReportOf,
    query: RwSignal<StatementIn>,
    statement: Resource<Result<StatementOut, AppError>>,
}

impl StatementState {
    pub fn new(of: ReportOf) -> Self {
        let query = RwSignal::new(StatementIn { environment: "production".into(), ..Default::default() });
        let load = of.clone();
        let statement = Resource::new(move || query.get(), move |q| load.clone().statement(q));
        StatementState { of, query, statement }
    }
}

/// The statement with its filters, of the partner the state names.
#[component]
pub fn StatementReport(state: StatementState) -> impl IntoView {
    let StatementState { of, query, statement } = state;
    view! {
        <Filters query />
        <Loaded resource=statement children=move |s: StatementOut| view! { <Statement s query of=of.clone() /> } />
    }
}

#[component]
fn Filters(query: RwSignal<StatementIn>) -> impl IntoView {
    let t = use_texts();
    let (env, from, to) =
        (RwSignal::new("production".to_owned()), RwSignal::new(String::new()), RwSignal::new(String::new()));
    let pick = Callback::new(move |e| env.set(e));
    let input = move |id: &'static str, label: &'static str, value: RwSignal<String>| {
        view! {
            <label for=id>{label}</label>
            <input id=id type="date" prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev)) />
        }
    };
    view! {
        <form class="toolbar" on:submit=move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            query.set(StatementIn { environment: env.get_untracked(), from: from.get_untracked(), to: to.get_untracked(), after: String::new() });
        }>
            <EnvSelect id="statement-env" chosen=env.get_untracked() on_pick=pick />
            {input("statement-from", t.reports.from, from)}
            {input("statement-to", t.reports.to, to)}
            <button type="submit" class="btn btn-light">{t.reports.show}</button>
        </form>
    }
}

#[component]
fn Statement(s: StatementOut, query: RwSignal<StatementIn>, of: ReportOf) -> impl IntoView {
    let t = use_texts();
    let params = of.with_merchant(vec![
        ("environment", s.environment.code().to_owned()),
        ("from", s.from.clone()),
        ("to", s.to.clone()),
    ]);
    let paged = !query.get_untracked().after.is_empty();
    let next = s.next.clone();
    view! {
        <StatementFigures opening=s.opening credit=s.total_credit debit=s.total_debit closing=s.closing />
        <p class="actions-line">
            {format!("{} {} – {} · {}: {}", s.environment.label(), s.from, s.to, t.reports.entries, s.count)}" "
            <Downloads report="rekening-koran" params />
        </p>
        <StatementLines lines=s.lines />
        <CursorPager paged next go=Callback::new(move |after| query.update(|q| q.after = after)) />
    }
}

/// The period's opening and closing balance and its totals.
#[component]
pub fn StatementFigures(opening: i64, credit: i64, debit: i64, closing: i64) -> impl IntoView {
    let t = use_texts();
    let figures = [
        (t.reports.opening, rupiah(opening), "statement-opening"),
        (t.reports.total_credit, rupiah(credit), "statement-credit"),
        (t.reports.total_debit, rupiah(debit), "statement-debit"),
        (t.reports.closing, rupiah(closing), "statement-closing"),
    ];
    view! {
        <section class="cards">
            {figures.map(|(label, value, id)| view! { <div class="card"><h2>{label}</h2><p class="big" data-testid=id>{value}</p></div> }).collect_view()}
        </section>
    }
}

/// The movements with the balance after each.
#[component]
pub fn StatementLines(lines: Vec<StatementLineOut>) -> impl IntoView {
    let t = use_texts();
    let columns = [
        t.reports.col_time,
        t.reports.col_kind,
        t.reports.col_reference,
        t.reports.col_note,
        t.reports.col_debit,
        t.reports.col_credit,
        t.reports.col_balance,
    ]
    .map(Column::new)
    .to_vec();
    let row = move |l: StatementLineOut| {
        let money = |v: i64| if v == 0 { String::new() } else { rupiah(v) };
        view! {
            <tr data-testid="statement-row">
                <td class="nowrap">{l.at}</td>
                <td>{t.ledger_kind(l.kind)}</td>
                <td><code>{l.reference}</code></td>
                <td>{l.note.unwrap_or_default()}</td>
                <td class="num">{money(l.debit)}</td>
                <td class="num">{money(l.credit)}</td>
                <td class="num">{rupiah(l.balance)}</td>
            </tr>
        }
    };
    view! { <Table caption=t.reports.statement_title columns rows=lines empty=t.reports.empty row /> }
}
