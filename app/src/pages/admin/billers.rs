//! "Biller" (issue 13): each configured upstream biller — how it is
//! reached, whether it is a simulator, its connection (breaker), our
//! balance there, the last alert, the products routed to it with their
//! code there, and its latest calls with secrets masked.

use crate::components::form::general_problem;
use crate::components::frame::StaffPage;
use crate::components::list::{Column, Loaded, Table};
use crate::components::status::{Chip, Tone};
use crate::i18n::use_texts;
use crate::server_fns::billers::{biller_overview, BillerBalanceCheck, BillerRouteProduct};
use domain::billers::{BillerCallOut, BillerOut, RoutedProductOut};
use domain::finance::{rupiah, BreakerState};
use domain::staff::{Permission, StaffOut};
use leptos::prelude::*;

#[component]
pub fn BillersPage() -> impl IntoView {
    // Made beside the staff check (see CatalogPage): inside the page's
    // Suspense it would get another id on the server than in the browser.
    let route = ServerAction::<BillerRouteProduct>::new();
    let check = ServerAction::<BillerBalanceCheck>::new();
    let billers = Resource::new(move || (route.version().get(), check.version().get()), |_| biller_overview());
    view! {
        <StaffPage render=move |me: StaffOut| {
            let t = use_texts();
            let editable = me.may(Permission::Moderate);
            let cards = move |list: Vec<BillerOut>| {
                if list.is_empty() {
                    return view! { <p class="panel muted empty">{t.billers.empty}</p> }.into_any();
                }
                list.into_iter().map(|b| view! { <BillerCard b editable route check /> }).collect_view().into_any()
            };
            view! {
                <h1 class="page-title">{t.billers.title}</h1>
                <p class="muted">{t.billers.intro}</p>
                <Loaded resource=billers children=cards />
            }
        } />
    }
}

fn connection(state: BreakerState) -> (Tone, &'static str) {
    let t = use_texts();
    match state {
        BreakerState::Closed => (Tone::Ok, t.billers.connected),
        BreakerState::Open => (Tone::Bad, t.billers.cut),
        BreakerState::Probing => (Tone::Pending, t.billers.probing),
    }
}

#[component]
fn BillerCard(
    b: BillerOut,
    editable: bool,
    route: ServerAction<BillerRouteProduct>,
    check: ServerAction<BillerBalanceCheck>,
) -> impl IntoView {
    let t = use_texts();
    let kind = if b.kind == "pulsa" { t.billers.kind_pulsa } else { t.billers.kind_pdam };
    let (tone, state) = connection(b.breaker);
    let low = b.balance.zip(b.low_balance).is_some_and(|(have, low)| have < low);
    let balance = match b.balance {
        Some(v) => format!("{}{}", rupiah(v), b.balance_at.as_ref().map(|at| format!(" ({at})")).unwrap_or_default()),
        None => t.billers.balance_unknown.to_owned(),
    };
    let name = b.name.clone();
    let checking = b.name.clone();
    let check_problem = general_problem(check.value());
    view! {
        <section class="panel biller" aria-label=b.name.clone()>
            <h2>
                <code>{b.name.clone()}</code>" "
                {b.simulator.then(|| view! { <span title=t.billers.simulator_hint><Chip tone=Tone::Pending text=t.billers.simulator testid="biller-simulator" /></span> })}
            </h2>
            <p class="muted">{kind}</p>
            <dl class="facts">
                <dt>{t.billers.url}</dt><dd><code>{b.url.clone()}</code></dd>
                <dt>{t.billers.development_url}</dt>
                <dd>{b.development_url.clone().unwrap_or_else(|| t.billers.development_sandbox.to_owned())}</dd>
                <dt>{t.billers.connection}</dt><dd><Chip tone text=state /></dd>
                <dt>{t.billers.balance}</dt>
                <dd data-testid="biller-balance">
                    {balance}
                    {low.then(|| view! { " " <Chip tone=Tone::Bad text=t.billers.balance_low /> })}
                    {(editable && b.kind == "pulsa").then(|| view! {
                        " "
                        <button type="button" class="btn btn-light" disabled=move || check.pending().get()
                            on:click=move |_| { check.dispatch(BillerBalanceCheck { biller: checking.clone() }); }>
                            {t.billers.check_balance}
                        </button>
                        <span class="field-error" role="alert">{move || check_problem.get().map(|p| t.problem(p))}</span>
                    })}
                </dd>
                {b.last_alert.clone().map(|a| view! {
                    <dt>{t.billers.last_alert}</dt>
                    <dd>{a}{b.alerted_at.clone().map(|at| format!(" ({at})"))}</dd>
                })}
            </dl>
            <Routing biller=name products=b.products.clone() editable route />
            <Calls calls=b.calls.clone() />
        </section>
    }
}

/// The products routed to the biller, their code there, and routing one more.
#[component]
fn Routing(
    biller: String,
    products: Vec<RoutedProductOut>,
    editable: bool,
    route: ServerAction<BillerRouteProduct>,
) -> impl IntoView {
    let t = use_texts();
    let columns = vec![Column::new(t.billers.col_product), Column::new(t.billers.col_biller_code)];
    let row_biller = biller.clone();
    let row = move |p: RoutedProductOut| {
        let code = RwSignal::new(p.biller_code.clone());
        let (product, biller) = (p.code.clone(), row_biller.clone());
        let label = format!("{} {}", t.billers.col_biller_code, p.code);
        view! {
            <tr>
                <td><code>{p.code.clone()}</code>" "{p.name.clone()}</td>
                <td>
                    <input aria-label=label size="22" disabled=!editable placeholder=t.billers.biller_code_hint
                        prop:value=move || code.get() on:input=move |ev| code.set(event_target_value(&ev))
                        on:change=move |_| {
                            route.dispatch(BillerRouteProduct { code: product.clone(), biller: biller.clone(), biller_code: code.get_untracked() });
                        } />
                </td>
            </tr>
        }
    };
    let new_code = RwSignal::new(String::new());
    let field = format!("route-{biller}");
    let problem = general_problem(route.value());
    let field_problem =
        move || route.value().get().and_then(Result::err).and_then(|e| e.field_errors().first().map(|f| f.problem));
    view! {
        <h3>{t.billers.products}</h3>
        <Table caption=t.billers.products columns rows=products empty=t.billers.no_products row />
        {editable.then(|| view! {
            <form class="inline-form" aria-label=t.billers.route_title on:submit=move |ev: leptos::ev::SubmitEvent| {
                ev.prevent_default();
                route.dispatch(BillerRouteProduct { code: new_code.get_untracked().trim().to_uppercase(), biller: biller.clone(), biller_code: String::new() });
            }>
                <label for=field.clone()>{t.billers.route_title}" — "{t.billers.route_code}</label>
                <input id=field required size="10" prop:value=move || new_code.get() on:input=move |ev| new_code.set(event_target_value(&ev)) />
                <button type="submit" class="btn btn-light" disabled=move || route.pending().get()>{t.billers.route_button}</button>
                <span role="status">{move || matches!(route.value().get(), Some(Ok(_))).then(|| view! { <Chip tone=Tone::Ok text=t.billers.routed /> })}</span>
                <span class="field-error" role="alert">{move || problem.get().or_else(field_problem).map(|p| t.problem(p))}</span>
            </form>
        })}
    }
}

#[component]
fn Calls(calls: Vec<BillerCallOut>) -> impl IntoView {
    let t = use_texts();
    let columns = vec![
        Column::new(t.billers.col_time),
        Column::new(t.billers.col_operation),
        Column::new(t.billers.col_request),
        Column::new(t.billers.col_reply),
        Column::new(t.billers.col_outcome),
        Column::new(t.billers.col_latency),
    ];
    let row = move |c: BillerCallOut| {
        view! {
            <tr>
                <td class="nowrap">{c.at}</td>
                <td>{c.operation}" "<span class="muted small">{c.environment.code()}</span></td>
                <td><code class="wrap small">{c.request}</code></td>
                <td><code class="wrap small">{c.reply}</code></td>
                <td class="small">{c.outcome}</td>
                <td class="num">{format!("{} ms", c.latency_ms)}</td>
            </tr>
        }
    };
    view! {
        <h3>{t.billers.calls}</h3>
        <Table caption=t.billers.calls columns rows=calls empty=t.billers.no_calls row />
    }
}
