//! "Status Transaksi" (issue 15): the partner's transactions found by
//! referenceID, customer, product, status and environment, newest first,
//! paged by cursor; one picked shows its story on a timeline.

use crate::components::form::EnvSelect;
use crate::components::frame::PartnerPage;
use crate::components::list::{use_query_param, Column, CursorPager, Downloads, Loaded, Table};
use crate::i18n::use_texts;
use crate::server_fns::reports::{report_transaction, report_transactions};
use domain::finance::rupiah;
use domain::reports::{TimelineOut, TxDetailOut, TxPageOut, TxRowOut, TxSearchIn};
use domain::transaction::TxStatus;
use leptos::prelude::*;

#[component]
pub fn TxStatusPage() -> impl IntoView {
    let query = RwSignal::new(search_from_url());
    let list = Resource::new(move || query.get(), report_transactions);
    let picked = RwSignal::new(None::<String>);
    let story = Resource::new(
        move || picked.get(),
        |id| async move {
            match id {
                Some(id) => report_transaction(id).await.map(Some),
                None => Ok(None),
            }
        },
    );
    view! {
        <PartnerPage render=move |_| {
            let t = use_texts();
            let show_story = move |d: Option<TxDetailOut>| d.map(|d| view! { <Story d /> });
            view! {
                <h1 class="page-title">{t.reports.tx_title}</h1>
                <p class="muted">{t.reports.tx_intro}</p>
                <Search query />
                <Loaded resource=list children=move |p: TxPageOut| view! { <Rows p query picked /> } />
                <Loaded resource=story children=show_story />
            }
        } />
    }
}

/// The search a link asks for: Pelunasan Harian links to its day's lines
/// with `?environment=…&from=…&to=…` (production when unnamed).
pub fn search_from_url() -> TxSearchIn {
    let param = |key| use_query_param(key).get_untracked();
    let environment = Some(param("environment")).filter(|e| !e.is_empty()).unwrap_or_else(|| "production".into());
    TxSearchIn { environment, from: param("from"), to: param("to"), ..Default::default() }
}

#[component]
fn Search(query: RwSignal<TxSearchIn>) -> impl IntoView {
    let t = use_texts();
    let draft = RwSignal::new(query.get_untracked());
    let text = move |id: &'static str,
                     label: &'static str,
                     kind: &'static str,
                     get: fn(&TxSearchIn) -> String,
                     set: fn(&mut TxSearchIn, String)| {
        view! {
            <label for=id>{label}</label>
            <input id=id type=kind size="14" prop:value=move || draft.with(get) on:input=move |ev| draft.update(|d| set(d, event_target_value(&ev))) />
        }
    };
    let statuses = [TxStatus::Success, TxStatus::Pending, TxStatus::Failed, TxStatus::Inquired];
    view! {
        <form class="toolbar wrap" on:submit=move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            query.set(TxSearchIn { after: String::new(), ..draft.get_untracked() });
        }>
            <EnvSelect id="tx-env" chosen=draft.with_untracked(|d| d.environment.clone())
                on_pick=Callback::new(move |e| draft.update(|d| d.environment = e)) />
            {text("tx-ref", t.reports.reference_id, "search", |d| d.reference_id.clone(), |d, v| d.reference_id = v)}
            {text("tx-customer", t.reports.customer_id, "search", |d| d.customer_id.clone(), |d, v| d.customer_id = v)}
            {text("tx-product", t.reports.product, "search", |d| d.product_code.clone(), |d, v| d.product_code = v)}
            <label for="tx-status">{t.reports.status}</label>
            <select id="tx-status" on:change=move |ev| draft.update(|d| d.status = event_target_value(&ev))>
                <option value="">{t.reports.all}</option>
                {statuses.map(|s| view! { <option value=s.code()>{t.tx_status(s)}</option> }).collect_view()}
            </select>
            {text("tx-from", t.reports.from, "date", |d| d.from.clone(), |d, v| d.from = v)}
            {text("tx-to", t.reports.to, "date", |d| d.to.clone(), |d, v| d.to = v)}
            <button type="submit" class="btn btn-light">{t.reports.show}</button>
        </form>
    }
}

/// A page of transactions, newest first, with its pager: the partner's
/// own (`partner` false), or staff's with each row's partner; "Lihat"
/// picks one for its story when `picked` is given.
#[component]
pub fn TxList(
    p: TxPageOut,
    paged: bool,
    go: Callback<String>,
    #[prop(optional)] picked: Option<RwSignal<Option<String>>>,
    #[prop(optional)] partner: bool,
) -> impl IntoView {
    let t = use_texts();
    let mut heads = vec![t.reports.col_time];
    if partner {
        heads.push(t.reports.partner);
    }
    heads.extend([
        t.reports.reference_id,
        t.reports.product,
        t.reports.customer_id,
        t.reports.status,
        t.reports.col_rc,
        t.reports.col_total,
    ]);
    if picked.is_some() {
        heads.push("");
    }
    let columns = heads.into_iter().map(Column::new).collect();
    let row = move |r: TxRowOut| {
        let id = r.id.clone();
        view! {
            <tr data-testid="tx-row">
                <td class="nowrap">{r.at}</td>
                {partner.then(|| view! { <td>{r.partner.clone()}</td> })}
                <td><code>{r.reference_id}</code></td>
                <td>{r.product_code}</td>
                <td><code>{r.customer_id}</code></td>
                <td>{t.tx_status(r.status)}</td>
                <td><code>{r.rc}</code></td>
                <td class="num">{rupiah(r.total)}</td>
                {picked.map(|picked| view! {
                    <td><button type="button" class="btn btn-light" on:click=move |_| picked.set(Some(id.clone()))>{t.reports.see}</button></td>
                })}
            </tr>
        }
    };
    view! {
        <Table caption=t.reports.tx_title columns rows=p.rows empty=t.reports.tx_empty row />
        <CursorPager paged next=p.next go />
    }
}

/// The download links' query: the search shown, whatever its page.
pub fn download_params(q: TxSearchIn) -> Vec<(&'static str, String)> {
    vec![
        ("environment", q.environment),
        ("from", q.from),
        ("to", q.to),
        ("reference_id", q.reference_id),
        ("customer_id", q.customer_id),
        ("product_code", q.product_code),
        ("status", q.status),
    ]
}

#[component]
fn Rows(p: TxPageOut, query: RwSignal<TxSearchIn>, picked: RwSignal<Option<String>>) -> impl IntoView {
    let q = query.get_untracked();
    let paged = !q.after.is_empty();
    let params = download_params(q);
    view! {
        <p class="actions-line"><Downloads report="status-transaksi" params /></p>
        <TxList p paged go=Callback::new(move |after| query.update(|q| q.after = after)) picked />
    }
}

#[component]
pub fn Story(d: TxDetailOut) -> impl IntoView {
    let t = use_texts();
    let columns = [t.reports.col_time, t.reports.col_kind, t.reports.col_note].map(Column::new).to_vec();
    let row = |e: TimelineOut| view! { <tr><td class="nowrap">{e.at}</td><td>{e.what}</td><td>{e.detail}</td></tr> };
    view! {
        <section class="panel" aria-labelledby="story-title" data-testid="tx-story">
            <h2 id="story-title">{t.reports.story}" — "<code>{d.row.reference_id.clone()}</code></h2>
            <Table caption=t.reports.story columns rows=d.timeline row />
            <pre class="wrap small">{d.data}</pre>
        </section>
    }
}
