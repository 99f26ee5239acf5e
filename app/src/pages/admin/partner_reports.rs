//! One partner's reports for staff (issue 15): Rekening Koran, Pelunasan
//! Harian and Rekap Pelunasan of the partner a merchant ID names — the
//! partner's own report components, fed by the staff server functions.

use crate::components::form::encode_query;
use crate::components::frame::StaffPage;
use crate::components::list::use_query_param;
use crate::i18n::{use_texts, Texts};
use crate::pages::portal::day_settlement::{DayReport, DayState};
use crate::pages::portal::recap::{RecapReport, RecapState};
use crate::pages::portal::statement::{StatementReport, StatementState};
use crate::server_fns::reports::ReportOf;
use leptos::prelude::*;

/// Which of a partner's reports a page shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Transactions,
    Statement,
    Day,
    Recap,
}

impl Kind {
    const ALL: [Kind; 4] = [Kind::Transactions, Kind::Statement, Kind::Day, Kind::Recap];

    pub fn path(self) -> &'static str {
        match self {
            Kind::Transactions => "/admin/transaksi",
            Kind::Statement => "/admin/laporan/rekening-koran",
            Kind::Day => "/admin/laporan/pelunasan-harian",
            Kind::Recap => "/admin/laporan/rekap-pelunasan",
        }
    }

    fn title(self, t: &'static Texts) -> &'static str {
        match self {
            Kind::Transactions => t.reports.tx_title,
            Kind::Statement => t.reports.statement_title,
            Kind::Day => t.reports.day_title,
            Kind::Recap => t.reports.recap_title,
        }
    }
}

/// Links to each report of one partner, the one shown marked current.
#[component]
pub fn ReportTabs(merchant: String, current: Option<Kind>) -> impl IntoView {
    let t = use_texts();
    let links = Kind::ALL
        .into_iter()
        .map(|k| {
            let href = format!("{}?mitra={}", k.path(), encode_query(&merchant));
            let here = (Some(k) == current).then_some("page");
            view! { <a class="btn btn-light" href=href aria-current=here>{k.title(t)}</a>" " }
        })
        .collect_view();
    view! { <nav class="actions-line" aria-label=t.reports.partner_reports>{links}</nav> }
}

// Each page makes its report's resource beside the staff check, never
// inside its Suspense (see `StatementState`).

#[component]
pub fn StaffStatementPage() -> impl IntoView {
    let state = StatementState::new(ReportOf::Merchant(merchant()));
    let report = move || view! { <StatementReport state=state.clone() /> }.into_any();
    view! { <PartnerReport kind=Kind::Statement report /> }
}

#[component]
pub fn StaffDayPage() -> impl IntoView {
    let state = DayState::new(ReportOf::Merchant(merchant()));
    let report = move || view! { <DayReport state=state.clone() /> }.into_any();
    view! { <PartnerReport kind=Kind::Day report /> }
}

#[component]
pub fn StaffRecapPage() -> impl IntoView {
    let state = RecapState::new(ReportOf::Merchant(merchant()));
    let report = move || view! { <RecapReport state=state.clone() /> }.into_any();
    view! { <PartnerReport kind=Kind::Recap report /> }
}

/// The merchant ID the address names (`?mitra=`).
fn merchant() -> String {
    use_query_param("mitra").get_untracked().trim().to_owned()
}

/// The merchant ID asked for (a plain GET form: the page is its URL), then
/// the report of that partner.
#[component]
fn PartnerReport<R>(kind: Kind, report: R) -> impl IntoView
where
    R: Fn() -> AnyView + Clone + Send + Sync + 'static,
{
    let merchant = merchant();
    view! {
        <StaffPage render=move |_| {
            let t = use_texts();
            let merchant = merchant.clone();
            let shown = match merchant.is_empty() {
                true => view! { <p class="muted">{t.reports.pick_partner}</p> }.into_any(),
                false => report(),
            };
            view! {
                <h1 class="page-title">{kind.title(t)}</h1>
                <form class="toolbar" method="get" action=kind.path()>
                    <label for="report-merchant">{t.reports.merchant_id}</label>
                    <input id="report-merchant" name="mitra" type="search" size="14" value=merchant.clone() required />
                    <button type="submit" class="btn btn-light">{t.reports.show}</button>
                </form>
                {(!merchant.is_empty()).then(|| view! { <ReportTabs merchant=merchant.clone() current=Some(kind) /> })}
                {shown}
            }
        } />
    }
}
