//! On a partner's page: deposits and ledger, manual credit/debit (finance),
//! the products allowed in production, and the Sign-On reset.

use crate::components::form::{field_problem, general_problem, FormAlert, FormState, SubmitButton, TextField};
use crate::components::list::{Column, Loaded, Table};
use crate::components::nav::load_by;
use crate::error::AppError;
use crate::i18n::use_texts;
use crate::server_fns::finance::{partner_finance, DepositAdjust, ProductSet, SignonReset};
use domain::finance::{rupiah, LedgerEntryOut, PartnerFinanceOut};
use domain::staff::{Permission, StaffOut};
use domain::UserId;
use leptos::prelude::*;

/// The finance panel's resource and actions, made once at the top of the
/// partner's page (beside the staff check): made inside the page's
/// Suspense they were made again when it re-rendered, and a form being
/// filled in was replaced by an empty one.
#[derive(Clone, Copy)]
pub struct FinanceState {
    adjust: ServerAction<DepositAdjust>,
    product: ServerAction<ProductSet>,
    reset: ServerAction<SignonReset>,
    data: Resource<Result<PartnerFinanceOut, AppError>>,
}

impl FinanceState {
    /// For the partner `user_id` (read reactively, from the route).
    pub fn new(user_id: impl Fn() -> Option<UserId> + Send + Sync + 'static) -> FinanceState {
        let adjust = ServerAction::<DepositAdjust>::new();
        let product = ServerAction::<ProductSet>::new();
        let reset = ServerAction::<SignonReset>::new();
        let data = Resource::new(
            move || (user_id(), adjust.version().get(), product.version().get(), reset.version().get()),
            |(id, ..)| load_by(id, partner_finance),
        );
        FinanceState { adjust, product, reset, data }
    }
}

#[component]
pub fn PartnerFinance(user_id: UserId, me: StaffOut, state: FinanceState) -> impl IntoView {
    let t = use_texts();
    let FinanceState { adjust, product, reset, data } = state;
    let may_finance = me.may(Permission::Finance);
    let may_moderate = me.may(Permission::Moderate);
    let may_override = me.may(Permission::OverrideProducts);
    view! {
        <section class="panel" aria-label=t.finance.finance_title>
            <h2>{t.finance.finance_title}</h2>
            <Suspense fallback=move || view! { <p class="muted">{t.common.loading}</p> }>
                <Loaded resource=data children=move |f| {
                    let user_id = user_id;
                    view! { <FinanceBody f user_id may_finance may_moderate may_override adjust product reset /> }
                } />
            </Suspense>
        </section>
    }
}

#[component]
fn FinanceBody(
    f: PartnerFinanceOut,
    user_id: UserId,
    may_finance: bool,
    may_moderate: bool,
    may_override: bool,
    adjust: ServerAction<DepositAdjust>,
    product: ServerAction<ProductSet>,
    reset: ServerAction<SignonReset>,
) -> impl IntoView {
    let t = use_texts();
    let uid = user_id;
    let blocked = (f.signon_blocked && may_moderate).then(|| {
        view! {
            <div class="alert alert-warning" role="status">
                {t.finance.signon_blocked}" "
                <button type="button" class="btn btn-light" on:click=move |_| { reset.dispatch(SignonReset { user_id: uid }); }>{t.finance.signon_reset}</button>
            </div>
        }
    });
    // The override needs a reason, asked once above the list.
    let reason = RwSignal::new(String::new());
    let reason_error = field_problem(product.value(), "reason");
    let override_form = may_override.then(|| {
        view! {
            <p class="muted small">{t.finance.override_hint}</p>
            <label for="override-reason">{t.finance.override_reason}</label>
            <input id="override-reason" type="text" maxlength="500" prop:value=move || reason.get() on:input=move |ev| reason.set(event_target_value(&ev)) />
            <p class="field-error" role="alert">{reason_error}</p>
            <FormAlert problem=general_problem(product.value()) />
        }
    });
    let products = f
        .products
        .iter()
        .map(|p| {
            let (uid, code, active) = (user_id, p.code.clone(), p.active);
            let box_id = format!("product-{}", p.code);
            view! {
                <li>
                    <input type="checkbox" id=box_id.clone() checked=active disabled=!may_override
                        on:change=move |_| { product.dispatch(ProductSet { user_id: uid, code: code.clone(), active: !active, reason: reason.get_untracked() }); } />
                    <label for=box_id>{format!("{} {} ", p.code, p.name)}<span class="muted small">{p.status.code()}</span></label>
                    {p.state.map(|s| view! { " "<span class="muted small" data-testid=format!("state-{}", p.code)>{t.product_state(s)}</span> })}
                </li>
            }
        })
        .collect_view();
    let ledger_columns = [
        t.common.col_time,
        t.finance.environment_label,
        t.finance.col_kind,
        t.finance.col_amount,
        t.finance.col_balance,
        t.finance.col_reference,
        t.common.col_actor,
    ]
    .map(Column::new)
    .to_vec();
    view! {
        {blocked}
        <div class="cards">
            <div class="card"><h3>{t.common.deposit_production}</h3><p class="big" data-testid="deposit-production">{rupiah(f.production_deposit)}</p></div>
            <div class="card"><h3>{t.common.deposit_development}</h3><p class="big">{rupiah(f.development_deposit)}</p></div>
        </div>
        {may_finance.then(|| view! { <AdjustForm user_id=user_id adjust /> })}
        <h3>{t.finance.ledger_title}</h3>
        <Table caption=t.finance.ledger_title columns=ledger_columns rows=f.entries row=ledger_row empty=t.finance.ledger_empty />
        <h3>{t.finance.products_title}</h3>
        {override_form}
        <ul class="product-list">{products}</ul>
    }
}

fn ledger_row(e: LedgerEntryOut) -> impl IntoView {
    let t = use_texts();
    view! {
        <tr>
            <td>{e.at}</td>
            <td>{e.environment.label()}</td>
            <td>{t.ledger_kind(e.kind)}</td>
            <td class="num">{rupiah(e.amount)}</td>
            <td class="num">{rupiah(e.balance_after)}</td>
            <td><code>{e.reference}</code>{e.note.map(|n| view! { <br /><span class="muted small">{n}</span> })}</td>
            <td>{e.actor}</td>
        </tr>
    }
}

#[component]
fn AdjustForm(user_id: UserId, adjust: ServerAction<DepositAdjust>) -> impl IntoView {
    let t = use_texts();
    let form = FormState::default();
    let environment = RwSignal::new("production".to_owned());
    let amount = RwSignal::new(String::new());
    let reference = RwSignal::new(String::new());
    let note = RwSignal::new(String::new());
    let amount_err = form.error("amount", move || {
        let a = amount.get().trim().replace('.', "");
        (a.parse::<i64>().map(|n| n == 0).unwrap_or(true)).then_some(domain::Problem::AmountInvalid)
    });
    let reference_err = form.error("reference", move || domain::account::check_required(&reference.get(), 60).err());
    let note_err = form.error("note", || None);
    form.follow_then_clear(adjust.value(), move |_| {
        amount.set(String::new());
        reference.set(String::new());
        note.set(String::new());
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let ok = amount_err.get_untracked().is_none() && reference_err.get_untracked().is_none();
        if form.submit(ok) {
            adjust.dispatch(DepositAdjust {
                user_id,
                environment: environment.get_untracked(),
                amount: amount.get_untracked(),
                reference: reference.get_untracked(),
                note: note.get_untracked(),
            });
        }
    };
    let general = general_problem(adjust.value());
    view! {
        <form class="adjust" on:submit=on_submit novalidate>
            <h3>{t.finance.adjust_title}</h3>
            <FormAlert problem=general />
            <div class="field">
                <label for="environment">{t.finance.environment_label}</label>
                <select id="environment" on:change=move |ev| environment.set(event_target_value(&ev))>
                    <option value="production">"Production"</option>
                    <option value="development">"Development"</option>
                </select>
            </div>
            <div class="field-grid">
                <TextField form name="amount" label=t.finance.adjust_amount_label value=amount error=amount_err />
                <TextField form name="reference" label=t.finance.col_reference value=reference error=reference_err />
                <TextField form name="note" label=t.finance.note_label value=note error=note_err required=false />
            </div>
            <SubmitButton label=t.finance.adjust_button pending=adjust.pending() />
        </form>
    }
}
