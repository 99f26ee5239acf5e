//! "Pelunasan Harian" (issue 15): one WIB day's payments per product and
//! status, with the deposit's opening and closing balance of the day.

use crate::components::form::{encode_query, EnvSelect};
use crate::components::frame::PartnerPage;
use crate::components::list::{Column, Downloads, Loaded, Table};
use crate::error::AppError;
use crate::i18n::use_texts;
use crate::server_fns::reports::ReportOf;
use domain::finance::rupiah;
use domain::reports::{DayGroupOut, DaySettlementOut};
use leptos::prelude::*;

#[component]
pub fn DaySettlementPage() -> impl IntoView {
    let state = DayState::new(ReportOf::Own);
    view! {
        <PartnerPage render=move |_| {
            let t = use_texts();
            view! {
                <h1 class="page-title">{t.reports.day_title}</h1>
                <p class="muted">{t.reports.day_intro}</p>
                <DayReport state=state.clone() />
            }
        } />
    }
}

/// The day shown (environment, `YYYY-MM-DD` or empty for today) and its
/// loading, made by the page beside its user check (see `StatementState`).
#[derive(Clone)]
pub struct DayState {
    of: ReportOf,
    query: RwSignal<(String, String)>,
    day: Resource<Result<DaySettlementOut, AppError>>,
}

impl DayState {
    pub fn new(of: ReportOf) -> Self {
        let query = RwSignal::new(("production".to_owned(), String::new()));
        let load = of.clone();
        let day = Resource::new(move || query.get(), move |(environment, day)| load.clone().day(environment, day));
        DayState { of, query, day }
    }
}

/// A day picker and that day's settlement, of the partner the state names.
#[component]
pub fn DayReport(state: DayState) -> impl IntoView {
    let t = use_texts();
    let DayState { of, query, day } = state;
    let (env, date) = (RwSignal::new("production".to_owned()), RwSignal::new(String::new()));
    view! {
        <form class="toolbar wrap" on:submit=move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            query.set((env.get_untracked(), date.get_untracked()));
        }>
            <EnvSelect id="day-env" chosen=env.get_untracked() on_pick=Callback::new(move |e| env.set(e)) />
            <label for="day-date">{t.reports.day}</label>
            <input id="day-date" type="date" prop:value=move || date.get() on:input=move |ev| date.set(event_target_value(&ev)) />
            <button type="submit" class="btn btn-light">{t.reports.show}</button>
        </form>
        <Loaded resource=day children=move |d: DaySettlementOut| view! { <Day d of=of.clone() /> } />
    }
}

#[component]
fn Day(d: DaySettlementOut, of: ReportOf) -> impl IntoView {
    let t = use_texts();
    let figures = [
        (t.reports.opening, rupiah(d.opening)),
        (t.reports.success_count, format!("{} · {}", d.success_count, rupiah(d.success_total))),
        (t.reports.closing, rupiah(d.closing)),
    ];
    let columns =
        [t.reports.product, t.reports.status, t.reports.col_count, t.reports.col_total].map(Column::new).to_vec();
    let row = move |g: DayGroupOut| {
        view! {
            <tr><td>{g.product_code}</td><td>{t.tx_status(g.status)}</td><td class="num">{g.count}</td><td class="num">{rupiah(g.total)}</td></tr>
        }
    };
    let params = of.with_merchant(vec![("environment", d.environment.code().to_owned()), ("day", d.day.clone())]);
    let mut lines = format!("{}?environment={}&from={}&to={}", of.lines_page(), d.environment.code(), d.day, d.day);
    if let ReportOf::Merchant(m) = &of {
        lines.push_str(&format!("&mitra={}", encode_query(m)));
    }
    // The reconciliation file is the partner's own (staff read the day above).
    let file = d.over && d.environment == domain::Env::Production && of == ReportOf::Own;
    view! {
        <p class="muted">{format!("{} · {}", d.environment.label(), d.day)}</p>
        <section class="cards">
            {figures.map(|(label, value)| view! { <div class="card"><h2>{label}</h2><p class="big">{value}</p></div> }).collect_view()}
        </section>
        <p class="actions-line">
            <Downloads report="pelunasan-harian" params />" "
            <a class="btn btn-light" href=lines>{t.reports.day_lines}</a>
            {file.then(|| view! {
                " "<a class="btn btn-light" href=format!("/unduh/rekonsiliasi.csv?day={}", d.day) download="">{t.reports.reconciliation_file}</a>
            })}
        </p>
        <Table caption=t.reports.day_title columns rows=d.groups empty=t.reports.day_empty row />
    }
}
