//! What a partner does, on their page for staff (issue 15): the addresses
//! they registered, their latest transactions and this month's statement
//! (first pages, read with the page), and links to each of their reports.

use crate::components::form::encode_query;
use crate::components::list::{Column, Table};
use crate::components::status::{Chip, Tone};
use crate::i18n::use_texts;
use crate::pages::admin::partner_reports::{Kind, ReportTabs};
use crate::pages::portal::statement::{StatementFigures, StatementLines};
use crate::pages::portal::tx_status::TxList;
use domain::finance::IpEntryOut;
use domain::moderation::PartnerActivityOut;
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

/// The partner's latest production transactions and this month's
/// statement; the whole of each (paged, filtered, downloadable) is one
/// link away.
#[component]
pub fn PartnerActivity(a: PartnerActivityOut) -> impl IntoView {
    let t = use_texts();
    let link = |kind: Kind| format!("{}?mitra={}", kind.path(), encode_query(&a.merchant_id));
    let (all_tx, all_statement) = (link(Kind::Transactions), link(Kind::Statement));
    let mut first = a.transactions;
    // Further pages are on the report's own page.
    let more_tx = first.next.take().is_some();
    let s = a.statement;
    let more_lines = s.next.is_some();
    view! {
        <h2>{t.reports.partner_reports}</h2>
        <ReportTabs merchant=a.merchant_id.clone() current=None />
        <h3>{t.reports.recent_transactions}</h3>
        <TxList p=first paged=false go=Callback::new(|_: String| {}) />
        {more_tx.then(|| view! { <p><a href=all_tx>{t.reports.see_all}</a></p> })}
        <h3>{t.reports.statement_title}" · "{s.from}" – "{s.to}</h3>
        <StatementFigures opening=s.opening credit=s.total_credit debit=s.total_debit closing=s.closing />
        <StatementLines lines=s.lines />
        {more_lines.then(|| view! { <p><a href=all_statement>{t.reports.see_all}</a></p> })}
    }
}
