//! What a partner does, on their page for staff (issue 15): the addresses
//! they registered, their latest transactions, their deposit statement and
//! links to each of their reports.

use crate::components::list::{Column, Loaded, Table};
use crate::components::status::{Chip, Tone};
use crate::i18n::use_texts;
use crate::pages::admin::partner_reports::ReportTabs;
use crate::pages::portal::statement::StatementReport;
use crate::pages::portal::tx_status::TxList;
use crate::server_fns::reports::{staff_transactions, ReportOf};
use domain::finance::IpEntryOut;
use domain::reports::{StaffTxIn, TxPageOut, TxSearchIn};
use leptos::prelude::*;

/// Every address the partner registered, whatever its state.
#[component]
pub fn PartnerIps(rows: Vec<IpEntryOut>) -> impl IntoView {
    let t = use_texts();
    let columns = [t.common.connection_type, "IP", t.common.col_status, t.common.col_time].map(Column::new).to_vec();
    let row = move |e: IpEntryOut| {
        view! {
            <tr>
                <td>{e.environment.label()}</td>
                <td><code>{e.ip}</code></td>
                <td>
                    <Chip tone=Tone::of_ip(e.status) text=t.ip_status(e.status) />
                    {e.reason.map(|r| view! { <br /><span class="muted small">{r}</span> })}
                </td>
                <td class="nowrap">{e.created_at}</td>
            </tr>
        }
    };
    view! {
        <h2>{t.reports.partner_ips}</h2>
        <Table caption=t.reports.partner_ips columns rows empty=t.reports.partner_ips_empty row />
    }
}

/// The partner's reports: their latest production transactions (paged)
/// and this month's statement, with links to every report of theirs.
#[component]
pub fn PartnerActivity(merchant: String) -> impl IntoView {
    let t = use_texts();
    let search = TxSearchIn { environment: "production".into(), ..Default::default() };
    let query = RwSignal::new(StaffTxIn { merchant_id: merchant.clone(), search });
    let list = Resource::new(move || query.get(), staff_transactions);
    let rows = move |p: TxPageOut| {
        let paged = !query.with_untracked(|q| q.search.after.is_empty());
        view! { <TxList p paged go=Callback::new(move |after| query.update(|q| q.search.after = after)) /> }
    };
    view! {
        <h2>{t.reports.partner_reports}</h2>
        <ReportTabs merchant=merchant.clone() current=None />
        <h3>{t.reports.recent_transactions}</h3>
        <Loaded resource=list children=rows />
        <h3>{t.reports.statement_title}</h3>
        <StatementReport of=ReportOf::Merchant(merchant) />
    }
}
