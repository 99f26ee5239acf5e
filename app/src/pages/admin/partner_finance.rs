//! On a partner's page: deposits and ledger, manual credit/debit (finance),
//! the products allowed in production, and the Sign-On reset.

use crate::components::form::LoadError;
use crate::components::form::{general_problem, FormAlert, FormState, SubmitButton, TextField};
use crate::error::AppError;
use crate::i18n::use_texts;
use crate::server_fns::finance::{partner_finance, DepositAdjust, ProductSet, SignonReset};
use domain::finance::{rupiah, PartnerFinanceOut};
use domain::staff::{Permission, StaffOut};
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
    pub fn new(user_id: impl Fn() -> String + Send + Sync + 'static) -> FinanceState {
        let adjust = ServerAction::<DepositAdjust>::new();
        let product = ServerAction::<ProductSet>::new();
        let reset = ServerAction::<SignonReset>::new();
        let data = Resource::new(
            move || (user_id(), adjust.version().get(), product.version().get(), reset.version().get()),
            |(id, ..)| partner_finance(id),
        );
        FinanceState { adjust, product, reset, data }
    }
}

#[component]
pub fn PartnerFinance(user_id: String, me: StaffOut, state: FinanceState) -> impl IntoView {
    let t = use_texts();
    let FinanceState { adjust, product, reset, data } = state;
    let may_finance = me.may(Permission::Finance);
    let may_moderate = me.may(Permission::Moderate);
    view! {
        <section class="panel" aria-label=t.finance_title>
            <h2>{t.finance_title}</h2>
            <Suspense fallback=move || view! { <p class="muted">{t.loading}</p> }>
                {
                    let user_id = user_id.clone();
                    move || {
                        let user_id = user_id.clone();
                        data.get().map(move |r| match r {
                            Ok(f) => view! { <FinanceBody f user_id may_finance may_moderate adjust product reset /> }.into_any(),
                            Err(e) => view! { <LoadError e /> }.into_any(),
                        })
                    }
                }
            </Suspense>
        </section>
    }
}

#[component]
fn FinanceBody(
    f: PartnerFinanceOut,
    user_id: String,
    may_finance: bool,
    may_moderate: bool,
    adjust: ServerAction<DepositAdjust>,
    product: ServerAction<ProductSet>,
    reset: ServerAction<SignonReset>,
) -> impl IntoView {
    let t = use_texts();
    let uid = user_id.clone();
    let blocked = (f.signon_blocked && may_moderate).then(|| {
        let uid = uid.clone();
        view! {
            <div class="alert alert-warning" role="status">
                {t.signon_blocked}" "
                <button type="button" class="btn btn-light" on:click=move |_| { reset.dispatch(SignonReset { user_id: uid.clone() }); }>{t.signon_reset}</button>
            </div>
        }
    });
    let entries = f
        .entries
        .iter()
        .map(|e| view! {
            <tr>
                <td>{e.at.clone()}</td>
                <td>{e.environment.label()}</td>
                <td>{e.kind.clone()}</td>
                <td class="num">{rupiah(e.amount)}</td>
                <td class="num">{rupiah(e.balance_after)}</td>
                <td><code>{e.reference.clone()}</code>{e.note.clone().map(|n| view! { <br /><span class="muted small">{n}</span> })}</td>
                <td>{e.actor.clone()}</td>
            </tr>
        })
        .collect_view();
    let products = f
        .products
        .iter()
        .map(|p| {
            let (uid, code, active) = (user_id.clone(), p.code.clone(), p.active);
            let box_id = format!("product-{}", p.code);
            view! {
                <li>
                    <input type="checkbox" id=box_id.clone() checked=active disabled=!may_moderate
                        on:change=move |_| { product.dispatch(ProductSet { user_id: uid.clone(), code: code.clone(), active: !active }); } />
                    <label for=box_id>{format!("{} {} ", p.code, p.name)}<span class="muted small">{p.status.code()}</span></label>
                </li>
            }
        })
        .collect_view();
    view! {
        {blocked}
        <div class="cards">
            <div class="card"><h3>{t.deposit_production}</h3><p class="big" data-testid="deposit-production">{rupiah(f.production_deposit)}</p></div>
            <div class="card"><h3>{t.deposit_development}</h3><p class="big">{rupiah(f.development_deposit)}</p></div>
        </div>
        {may_finance.then(|| view! { <AdjustForm user_id=user_id.clone() adjust /> })}
        <h3>{t.ledger_title}</h3>
        {if f.entries.is_empty() {
            view! { <p class="muted">{t.ledger_empty}</p> }.into_any()
        } else {
            view! {
                <div class="table-wrap">
                    <table class="table">
                        <thead><tr>
                            <th>{t.col_time}</th><th>{t.environment_label}</th><th>{t.col_kind}</th><th>{t.col_amount}</th>
                            <th>{t.col_balance}</th><th>{t.col_reference}</th><th>{t.col_actor}</th>
                        </tr></thead>
                        <tbody>{entries}</tbody>
                    </table>
                </div>
            }.into_any()
        }}
        <h3>{t.products_title}</h3>
        <ul class="product-list">{products}</ul>
    }
}

#[component]
fn AdjustForm(user_id: String, adjust: ServerAction<DepositAdjust>) -> impl IntoView {
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
    Effect::new(move |_| {
        let Some(result) = adjust.value().get() else { return };
        form.answer(&result);
        if result.is_ok() {
            amount.set(String::new());
            reference.set(String::new());
            note.set(String::new());
            form.reset();
        }
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let ok = amount_err.get_untracked().is_none() && reference_err.get_untracked().is_none();
        if form.submit(ok) {
            adjust.dispatch(DepositAdjust {
                user_id: user_id.clone(),
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
            <h3>{t.adjust_title}</h3>
            <FormAlert problem=general />
            <div class="field">
                <label for="environment">{t.environment_label}</label>
                <select id="environment" on:change=move |ev| environment.set(event_target_value(&ev))>
                    <option value="production">"Production"</option>
                    <option value="development">"Development"</option>
                </select>
            </div>
            <div class="field-grid">
                <TextField form name="amount" label=t.adjust_amount_label value=amount error=amount_err />
                <TextField form name="reference" label=t.col_reference value=reference error=reference_err />
                <TextField form name="note" label=t.note_label value=note error=note_err required=false />
            </div>
            <SubmitButton label=t.adjust_button pending=adjust.pending() />
        </form>
    }
}
