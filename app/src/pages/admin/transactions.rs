//! "Transaksi Mitra" (staff, issue 15): every partner's transactions or
//! one partner's by merchant ID, each with its story; the payments still
//! pending with their age; and finance's hand on a stuck one (marked
//! successful or refunded, with a reason, after a confirmation).

use crate::components::dialog::ConfirmButton;
use crate::components::form::{field_problem, general_problem, EnvSelect};
use crate::components::frame::StaffPage;
use crate::components::list::{use_query_param, Column, Downloads, Loaded, Table};
use crate::i18n::use_texts;
use crate::pages::admin::partner_reports::{Kind, ReportTabs};
use crate::pages::portal::tx_status::{download_params, search_from_url, Story, TxList};
use crate::server_fns::reports::{staff_pending, staff_transaction, staff_transactions, ReportOf, StaffResolve};
use domain::finance::rupiah;
use domain::reports::{age_text, PendingOut, StaffTxIn, TxDetailOut, TxPageOut};
use domain::staff::Permission;
use leptos::prelude::*;

#[component]
pub fn StaffTransactionsPage() -> impl IntoView {
    // The partner page links here with `?mitra=<merchant ID>`.
    let merchant = use_query_param("mitra").get_untracked();
    let search = search_from_url();
    let query = RwSignal::new(StaffTxIn { merchant_id: merchant.clone(), search });
    let resolve = ServerAction::<StaffResolve>::new();
    let list = Resource::new(move || (query.get(), resolve.version().get()), |(q, _)| staff_transactions(q));
    let pending = Resource::new(
        move || (query.with(|q| q.merchant_id.clone()), resolve.version().get()),
        |(m, _)| staff_pending(m),
    );
    let picked = RwSignal::new(None::<String>);
    let story = Resource::new(
        move || picked.get(),
        |id| async move {
            match id {
                Some(id) => staff_transaction(id).await.map(Some),
                None => Ok(None),
            }
        },
    );
    view! {
        <StaffPage render=move |me| {
            let t = use_texts();
            let finance = me.may(Permission::Finance);
            let show_story = move |d: Option<TxDetailOut>| d.map(|d| view! { <Story d /> });
            let show_pending = move |rows: Vec<PendingOut>| view! { <Pending rows finance resolve /> };
            view! {
                <h1 class="page-title">{t.reports.staff_title}</h1>
                <p class="muted">{t.reports.staff_intro}</p>
                {(!merchant.is_empty()).then(|| view! { <ReportTabs merchant=merchant.clone() current=Some(Kind::Transactions) /> })}
                <Search query />
                <Loaded resource=pending children=show_pending />
                <h2>{t.reports.tx_title}</h2>
                <Loaded resource=list children=move |p: TxPageOut| view! { <Rows p query picked /> } />
                <Loaded resource=story children=show_story />
            }
        } />
    }
}

#[component]
fn Search(query: RwSignal<StaffTxIn>) -> impl IntoView {
    let t = use_texts();
    let draft = RwSignal::new(query.get_untracked());
    let text = move |id: &'static str,
                     label: &'static str,
                     kind: &'static str,
                     get: fn(&StaffTxIn) -> String,
                     set: fn(&mut StaffTxIn, String)| {
        view! {
            <label for=id>{label}</label>
            <input id=id type=kind size="14" prop:value=move || draft.with(get) on:input=move |ev| draft.update(|d| set(d, event_target_value(&ev))) />
        }
    };
    view! {
        <form class="toolbar wrap" on:submit=move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let mut q = draft.get_untracked();
            q.search.after.clear();
            query.set(q);
        }>
            {text("staff-merchant", t.reports.merchant_id, "search", |d| d.merchant_id.clone(), |d, v| d.merchant_id = v)}
            <EnvSelect id="staff-env" chosen=draft.with_untracked(|d| d.search.environment.clone())
                on_pick=Callback::new(move |e| draft.update(|d| d.search.environment = e)) />
            {text("staff-ref", t.reports.reference_id, "search", |d| d.search.reference_id.clone(), |d, v| d.search.reference_id = v)}
            {text("staff-from", t.reports.from, "date", |d| d.search.from.clone(), |d, v| d.search.from = v)}
            {text("staff-to", t.reports.to, "date", |d| d.search.to.clone(), |d, v| d.search.to = v)}
            <button type="submit" class="btn btn-light">{t.reports.show}</button>
        </form>
    }
}

#[component]
fn Pending(rows: Vec<PendingOut>, finance: bool, resolve: ServerAction<StaffResolve>) -> impl IntoView {
    let t = use_texts();
    let mut heads = vec![
        t.reports.col_time,
        t.reports.age,
        t.reports.partner,
        t.reports.product,
        t.reports.customer_id,
        t.reports.reference_id,
        t.reports.col_total,
    ];
    if finance {
        heads.push("");
    }
    let columns = heads.into_iter().map(Column::new).collect();
    let problem = general_problem(resolve.value());
    let row = move |p: PendingOut| {
        let r = p.row.clone();
        view! {
            <tr data-testid="pending-row">
                <td class="nowrap">{r.at}<br /><span class="muted small">{p.environment.label()}</span></td>
                <td class="nowrap">{age_text(p.age_minutes)}{p.in_flight.then(|| view! { <br /><span class="status status-pending">{t.reports.in_flight}</span> })}</td>
                <td>{r.partner}</td>
                <td>{r.product_code}</td>
                <td><code>{r.customer_id}</code></td>
                <td><code>{r.reference_id}</code></td>
                <td class="num">{rupiah(r.total)}</td>
                {finance.then(|| view! { <td><Resolve id=r.id.clone() resolve /></td> })}
            </tr>
        }
    };
    view! {
        <section class="panel" aria-labelledby="pending-title">
            <h2 id="pending-title">{t.reports.pending_title}</h2>
            {move || problem.get().map(|p| view! { <div class="alert alert-error" role="alert">{t.problem(p)}</div> })}
            <Table caption=t.reports.pending_title columns rows empty=t.reports.pending_empty row />
        </section>
    }
}

/// The reason, then "Tandai sukses" or "Refund" after a confirmation.
#[component]
fn Resolve(id: String, resolve: ServerAction<StaffResolve>) -> impl IntoView {
    let t = use_texts();
    let reason = RwSignal::new(String::new());
    let no_reason = field_problem(resolve.value(), "reason");
    let field = format!("reason-{id}");
    let decide = move |decision: &'static str| {
        let id = id.clone();
        move || {
            resolve.dispatch(StaffResolve {
                id: id.clone(),
                decision: decision.into(),
                reason: reason.get_untracked(),
            });
        }
    };
    view! {
        <div class="resolve">
            <label for=field.clone()>{t.reports.resolve_reason}</label>
            <input id=field required prop:value=move || reason.get() on:input=move |ev| reason.set(event_target_value(&ev)) />
            <ConfirmButton label=t.reports.mark_success title=t.reports.mark_success message=t.reports.resolve_confirm on_yes=decide("success") />
            <ConfirmButton label=t.reports.mark_refund title=t.reports.mark_refund message=t.reports.resolve_confirm on_yes=decide("refund") />
            <span class="field-error" role="alert">{no_reason}</span>
        </div>
    }
}

#[component]
fn Rows(p: TxPageOut, query: RwSignal<StaffTxIn>, picked: RwSignal<Option<String>>) -> impl IntoView {
    let q = query.get_untracked();
    let paged = !q.search.after.is_empty();
    let go = Callback::new(move |after| query.update(|q| q.search.after = after));
    // A download is one partner's report: offered once a merchant ID is named.
    let of = Some(q.merchant_id.trim().to_owned()).filter(|m| !m.is_empty()).map(ReportOf::Merchant);
    let downloads = of.map(|of| {
        let params = of.with_merchant(download_params(q.search));
        view! { <p class="actions-line"><Downloads report="status-transaksi" params /></p> }
    });
    view! {
        {downloads}
        <TxList p paged go picked partner=true />
    }
}
