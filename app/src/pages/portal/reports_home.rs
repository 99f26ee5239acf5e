//! "Laporan · Halaman Utama" (issue 15): the reports' landing page — this
//! month's and today's successful payments, what is still pending or
//! failed, the deposit now, the month's largest products — and a way into
//! each report the user's rights open.

use crate::components::form::EnvSelect;
use crate::components::frame::PartnerPage;
use crate::components::list::{Column, Loaded, Table};
use crate::i18n::use_texts;
use crate::server_fns::reports::report_home;
use domain::finance::rupiah;
use domain::reports::{RecapRowOut, ReportsHomeOut};
use domain::rights::Right;
use leptos::prelude::*;

#[component]
pub fn ReportsHomePage() -> impl IntoView {
    let environment = RwSignal::new("production".to_owned());
    let home = Resource::new(move || environment.get(), report_home);
    view! {
        <PartnerPage render=move |user| {
            let t = use_texts();
            let reports = [
                ("/laporan/status-transaksi", t.reports.tx_title, Right::StatusTransaksi),
                ("/laporan/pelunasan-harian", t.reports.day_title, Right::PelunasanHarian),
                ("/laporan/rekap-pelunasan", t.reports.recap_title, Right::RekapPelunasan),
                ("/laporan/rekening-koran", t.reports.statement_title, Right::RekeningKoran),
            ];
            let links = reports
                .into_iter()
                .filter(|(_, _, right)| user.may(*right))
                .map(|(href, label, _)| view! { <a class="btn btn-light" href=href>{label}</a>" " })
                .collect_view();
            view! {
                <h1 class="page-title">{t.reports.home_title}</h1>
                <p class="muted">{t.reports.home_intro}</p>
                <div class="toolbar">
                    <EnvSelect id="home-env" chosen=environment.get_untracked() on_pick=Callback::new(move |e| environment.set(e)) />
                </div>
                <nav class="actions-line" aria-label=t.reports.open_report>{links}</nav>
                <Loaded resource=home children=move |h: ReportsHomeOut| view! { <Home h /> } />
            }
        } />
    }
}

#[component]
fn Home(h: ReportsHomeOut) -> impl IntoView {
    let t = use_texts();
    let m = &h.month;
    let figures = [
        (t.reports.month_success, format!("{} · {}", m.total.count, rupiah(m.total.total)), "home-month"),
        (t.reports.today_success, format!("{} · {}", h.today_count, rupiah(h.today_total)), "home-today"),
        (t.reports.pending_failed, format!("{} / {}", m.pending_count, m.failed_count), "home-open"),
        (t.reports.balance_now, rupiah(h.balance), "home-balance"),
    ];
    let columns =
        [t.reports.product, t.reports.product_name, t.reports.col_count, t.reports.col_total].map(Column::new).to_vec();
    let row = |r: RecapRowOut| {
        view! {
            <tr><td>{r.product_code}</td><td>{r.product_name}</td><td class="num">{r.count}</td><td class="num">{rupiah(r.total)}</td></tr>
        }
    };
    view! {
        <p class="muted">{format!("{} · {} – {}", m.environment.label(), m.from, m.to)}</p>
        <section class="cards">
            {figures.map(|(label, value, id)| view! { <div class="card"><h2>{label}</h2><p class="big" data-testid=id>{value}</p></div> }).collect_view()}
        </section>
        <h2>{t.reports.top_products}</h2>
        <Table caption=t.reports.top_products columns rows=h.top empty=t.reports.recap_empty row />
    }
}
