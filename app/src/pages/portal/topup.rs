//! "Top Up Deposit" (issue 14): the amount (Rupiah grouped while typing,
//! within the configured limits), a method from the payment service's
//! live list (unavailable ones greyed with the reason), then what to pay —
//! VA number with a copy button, the exact amount with its unique code,
//! the deadline counting down, or GoPay's QR drawn by us — and a status
//! that turns "Berhasil" by itself when the settlement lands. Below: the
//! permanent virtual accounts and the history of top-ups.

use crate::components::form::{general_problem, grouped_rupiah};
use crate::components::frame::PartnerPage;
use crate::components::list::{Column, Loaded, Table};
use crate::components::status::{Chip, Tone};
use crate::i18n::use_texts;
use crate::server_fns::topup::{topup_page, TopupCreate, TopupRegisterVa, TopupStatus as StatusFn};
use domain::finance::rupiah;
use domain::topup::{PermanentVaOut, TopupMethodOut, TopupOrderOut, TopupPageOut, TopupStatus};
use leptos::prelude::*;
use std::time::Duration;

#[component]
pub fn TopupPage() -> impl IntoView {
    // Made beside the user check (see DevNumbersPage).
    let create = ServerAction::<TopupCreate>::new();
    let refreshed = RwSignal::new(0u32);
    let page = Resource::new(move || (create.version().get(), refreshed.get()), |_| topup_page());
    // The order whose instructions are shown.
    let current = RwSignal::new(None::<TopupOrderOut>);
    Effect::new(move |_| {
        if let Some(Ok(order)) = create.value().get() {
            current.set(Some(order));
        }
    });
    view! {
        <PartnerPage render=move |_| {
            let t = use_texts();
            view! {
                <h1 class="page-title">{t.topup.title}</h1>
                <p class="muted">{t.topup.intro}</p>
                <Loaded resource=page children=move |p: TopupPageOut| view! {
                    <TopupBody p create current refreshed />
                } />
            }
        } />
    }
}

#[component]
fn TopupBody(
    p: TopupPageOut,
    create: ServerAction<TopupCreate>,
    current: RwSignal<Option<TopupOrderOut>>,
    refreshed: RwSignal<u32>,
) -> impl IntoView {
    let t = use_texts();
    let form = (p.offered && !p.service_down)
        .then(|| view! { <OrderForm min=p.min max=p.max methods=p.methods.clone() create /> });
    view! {
        <section class="cards">
            <div class="card"><h2>{t.topup.deposit_now}</h2><p class="big" data-testid="topup-deposit">{rupiah(p.balance)}</p></div>
        </section>
        {(!p.offered).then(|| view! { <p class="notice">{t.topup.not_offered}</p> })}
        {p.service_down.then(|| view! { <p class="notice" role="alert">{t.topup.service_down}</p> })}
        {move || current.get().map(|order| view! { <Instructions order current refreshed /> })}
        {form}
        <Accounts accounts=p.accounts.clone() offered=p.offered refreshed />
        <History orders=p.orders.clone() current />
    }
}

#[component]
fn OrderForm(min: i64, max: i64, methods: Vec<TopupMethodOut>, create: ServerAction<TopupCreate>) -> impl IntoView {
    let t = use_texts();
    let amount = RwSignal::new(String::new());
    let first = methods.iter().find(|m| m.available).map(|m| m.code.clone()).unwrap_or_default();
    let method = RwSignal::new(first);
    let problem = general_problem(create.value());
    let field_problem = move |name: &'static str| {
        move || {
            create
                .value()
                .get()
                .and_then(Result::err)
                .and_then(|e| e.field_errors().iter().find(|f| f.field == name).map(|f| f.problem))
        }
    };
    let amount_problem = field_problem("amount");
    let limits = format!("Min {} — maks {}", rupiah(min), rupiah(max));
    let options = methods
        .into_iter()
        .map(|m| {
            let code = m.code.clone();
            let id = format!("method-{}", m.code.replace(':', "-"));
            let fee = (m.admin_fee > 0).then(|| format!(" ({} {})", t.topup.admin_fee, rupiah(m.admin_fee)));
            view! {
                <label class="check">
                    <input type="radio" name="method" id=id value=code.clone() disabled=!m.available
                        prop:checked={let code = code.clone(); move || method.get() == code}
                        on:change=move |_| method.set(code.clone()) />
                    <span>{m.label}{fee}{(!m.available).then(|| view! { " — "<span class="muted">{t.topup.method_off}</span> })}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <form class="panel" aria-label=t.topup.form_title on:submit=move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            create.dispatch(TopupCreate { amount: amount.get_untracked(), method: method.get_untracked() });
        }>
            <h2>{t.topup.form_title}</h2>
            <div class="field" class:has-error=move || amount_problem().is_some()>
                <label for="amount">{t.topup.amount}<span class="req" aria-hidden="true">" *"</span></label>
                <div class="money">
                    <span class="prefix" aria-hidden="true">"Rp"</span>
                    <input id="amount" name="amount" inputmode="numeric" autocomplete="off" required aria-describedby="amount-hint amount-msg"
                        prop:value=move || amount.get() on:input=move |ev| amount.set(grouped_rupiah(&event_target_value(&ev))) />
                </div>
                <p class="hint" id="amount-hint">{limits}</p>
                <p class="field-error" id="amount-msg" role="alert">{move || amount_problem().map(|p| t.problem(p))}</p>
            </div>
            <fieldset class="methods">
                <legend>{t.topup.method}</legend>
                {options}
            </fieldset>
            <button type="submit" class="btn btn-primary" disabled=move || create.pending().get() || method.get().is_empty()>
                {move || if create.pending().get() { t.topup.creating } else { t.topup.create }}
            </button>
            <p class="field-error" role="alert">{move || problem.get().map(|p| t.problem(p))}</p>
        </form>
    }
}

/// `mm:ss` (or `h:mm:ss`) of a number of seconds.
fn clock(secs: i64) -> String {
    let (h, m, s) = (secs / 3600, secs % 3600 / 60, secs % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m:02}:{s:02}")
    }
}

/// What to pay for one order, its countdown, and its state — asked of the
/// server every three seconds while it waits.
#[component]
fn Instructions(
    order: TopupOrderOut,
    current: RwSignal<Option<TopupOrderOut>>,
    refreshed: RwSignal<u32>,
) -> impl IntoView {
    let t = use_texts();
    let status = StoredValue::new(order.status);
    let ticks = RwSignal::new(0i64);
    let ask = ServerAction::<StatusFn>::new();
    let order_id = order.order_id.clone();
    Effect::new(move |_| {
        let order_id = order_id.clone();
        let tick = move || {
            ticks.update(|n| *n += 1);
            if status.get_value() == TopupStatus::Waiting && ticks.get_untracked() % 3 == 0 {
                ask.dispatch(StatusFn { order_id: order_id.clone() });
            }
        };
        if let Ok(handle) = set_interval_with_handle(tick, Duration::from_secs(1)) {
            on_cleanup(move || handle.clear());
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(now)) = ask.value().get() {
            if now.status != status.get_value() {
                // The payment landed (or the time ran out): show it, and
                // the deposit and history with it.
                current.set(Some(now));
                refreshed.update(|n| *n += 1);
            }
        }
    });
    let left = order.expires_in_secs;
    let remaining = move || (left - ticks.get()).max(0);
    let unique = order.amount - order.nominal;
    let waiting = order.status == TopupStatus::Waiting;
    let how = if order.method == "gopay" {
        view! { <GoPay order=order.clone() /> }.into_any()
    } else {
        view! { <VaNumber order=order.clone() /> }.into_any()
    };
    let note = match order.status {
        TopupStatus::Paid => Some(t.topup.paid_note),
        TopupStatus::Mismatch => Some(t.topup.mismatch_note),
        TopupStatus::Expired => Some(t.topup.expired_note),
        _ => None,
    };
    view! {
        <section class="panel topup-instructions" aria-labelledby="instructions-title" data-testid="topup-instructions">
            <h2 id="instructions-title">{t.topup.instructions}" — "<code>{order.order_id.clone()}</code></h2>
            <p>
                {t.topup.status}": "
                <Chip tone=Tone::of_topup(order.status) text=t.topup_status(order.status) testid="topup-status" />
            </p>
            {note.map(|n| view! { <p role="status">{n}</p> })}
            {waiting.then(|| view! {
                {how}
                <dl class="facts">
                    <dt>{t.topup.pay_exactly}</dt>
                    <dd>
                        <strong class="big" data-testid="topup-amount">{rupiah(order.amount)}</strong>
                        {(unique > 0).then(|| view! { " "<span class="muted">"("{t.topup.unique_code}" "{rupiah(unique)}")"</span> })}
                        <br /><span class="muted small">{t.topup.pay_exactly_hint}</span>
                    </dd>
                    <dt>{t.topup.pay_before}</dt>
                    <dd>{order.expires_wib.clone()}" WIB"</dd>
                    <dt>{t.topup.time_left}</dt>
                    <dd data-testid="topup-countdown" aria-live="off">{move || clock(remaining())}</dd>
                </dl>
                <p class="muted small">{t.topup.waiting_hint}</p>
            })}
        </section>
    }
}

#[component]
fn VaNumber(order: TopupOrderOut) -> impl IntoView {
    let t = use_texts();
    let copied = RwSignal::new(false);
    let number = order.pay_code.clone();
    let copy = move |_| {
        #[cfg(feature = "hydrate")]
        {
            let _ = window().navigator().clipboard().write_text(&number);
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = &number;
        copied.set(true);
    };
    view! {
        <dl class="facts">
            <dt>{t.topup.va_number}" ("{order.method_label.clone()}")"</dt>
            <dd>
                <code class="big" data-testid="topup-va">{order.pay_code.clone()}</code>" "
                <button type="button" class="btn btn-light" on:click=copy>{move || if copied.get() { t.topup.copied } else { t.topup.copy }}</button>
            </dd>
            {order.pay_link.clone().filter(|_| order.pay_code.is_empty()).map(|url| view! {
                <dt></dt><dd><a class="btn btn-primary" href=url rel="noopener noreferrer">{t.topup.card_open}</a></dd>
            })}
        </dl>
    }
}

#[component]
fn GoPay(order: TopupOrderOut) -> impl IntoView {
    let t = use_texts();
    let svg = order.qr_svg.clone().unwrap_or_default();
    view! {
        <div class="qr" data-testid="topup-qr" role="img" aria-label=t.topup.gopay_scan inner_html=svg></div>
        <p>{t.topup.gopay_scan}</p>
        {order.pay_link.clone().map(|link| view! { <p><a class="btn btn-light" href=link>{t.topup.gopay_open}</a></p> })}
    }
}

#[component]
fn Accounts(accounts: Vec<PermanentVaOut>, offered: bool, refreshed: RwSignal<u32>) -> impl IntoView {
    let t = use_texts();
    let register = ServerAction::<TopupRegisterVa>::new();
    let problem = general_problem(register.value());
    Effect::new(move |_| {
        if let Some(Ok(_)) = register.value().get() {
            refreshed.update(|n| *n += 1);
        }
    });
    let none_yet = accounts.is_empty();
    let columns = vec![Column::new(t.topup.col_bank), Column::new(t.topup.va_number), Column::new(t.topup.col_fee)];
    let row = |a: PermanentVaOut| {
        view! {
            <tr><td>{a.bank_name}</td><td><code>{a.va_number}</code></td><td class="num">{rupiah(a.fee)}</td></tr>
        }
    };
    view! {
        <section class="panel">
            <h2>{t.topup.accounts_title}</h2>
            <p class="muted">{t.topup.accounts_intro}</p>
            <Table caption=t.topup.accounts_title columns rows=accounts empty=t.topup.accounts_empty row />
            {(offered && none_yet).then(|| view! {
                <p class="actions-line">
                    <button type="button" class="btn btn-light" disabled=move || register.pending().get()
                        on:click=move |_| { register.dispatch(TopupRegisterVa {}); }>{t.topup.accounts_create}</button>
                    " "<span class="field-error" role="alert">{move || problem.get().map(|p| t.problem(p))}</span>
                </p>
            })}
        </section>
    }
}

#[component]
fn History(orders: Vec<TopupOrderOut>, current: RwSignal<Option<TopupOrderOut>>) -> impl IntoView {
    let t = use_texts();
    let columns = [t.topup.col_time, t.topup.col_order, t.topup.col_method, t.topup.col_amount, t.topup.status, ""]
        .map(Column::new)
        .to_vec();
    let row = move |o: TopupOrderOut| {
        let shown = o.clone();
        view! {
            <tr data-testid="topup-row">
                <td class="nowrap">{o.created_wib.clone()}</td>
                <td><code>{o.order_id.clone()}</code></td>
                <td>{o.method_label.clone()}</td>
                <td class="num">{rupiah(o.amount)}</td>
                <td><Chip tone=Tone::of_topup(o.status) text=t.topup_status(o.status) /></td>
                <td><button type="button" class="btn btn-light" on:click=move |_| current.set(Some(shown.clone()))>{t.topup.show}</button></td>
            </tr>
        }
    };
    view! {
        <section class="panel">
            <h2>{t.topup.history}</h2>
            <Table caption=t.topup.history columns rows=orders empty=t.topup.history_empty row />
        </section>
    }
}
