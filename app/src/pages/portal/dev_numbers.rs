//! "Nomor Development": the development environment's test numbers and
//! what each returns, read from the table the sandbox biller uses.

use crate::components::dialog::ConfirmButton;
use crate::components::frame::PartnerPage;
use crate::components::list::{Column, Loaded, Table};
use crate::components::outages::OutagePanel;
use crate::i18n::use_texts;
use crate::server_fns::finance::{development_numbers, sandbox_breakers, SandboxBreakerReset, SandboxReset};
use domain::finance::TestNumberOut;
use leptos::prelude::*;

#[component]
pub fn DevNumbersPage() -> impl IntoView {
    // Every resource of the page is made here, beside the user check: one
    // made inside the page's Suspense is made again when the server renders
    // it a second time, and the browser then hydrates with other resource
    // ids than the server used (it failed once a guard made one answer slower).
    let numbers = Resource::new(|| (), |_| development_numbers());
    let reset = ServerAction::<SandboxBreakerReset>::new();
    let outages = Resource::new(move || reset.version().get(), |_| sandbox_breakers());
    view! {
        <PartnerPage render=move |_| {
            let t = use_texts();
            view! {
                <h1 class="page-title">{t.portal.dev_numbers_title}</h1>
                <p class="muted">{t.portal.dev_numbers_intro}</p>
                <SandboxReset />
                <Loaded resource=numbers children=move |list| {
                    let columns = [t.portal.col_product_family, t.portal.col_customer_id, "rc", t.portal.col_outcome].map(Column::new).to_vec();
                    view! {
                        <Table caption=t.portal.dev_numbers_title columns rows=list row=|n: TestNumberOut| view! {
                            <tr><td>{n.family}</td><td><code>{n.customer_id}</code></td><td><code>{n.rc}</code></td><td>{n.description}</td></tr>
                        } />
                    }
                } />
                <SimulatedOutages reset list=outages />
            }
        } />
    }
}

/// The outages this partner simulated (numbers ending in 38), with
/// "Tandai pulih".
#[component]
fn SimulatedOutages(
    reset: ServerAction<SandboxBreakerReset>,
    list: Resource<Result<Vec<domain::finance::BreakerOut>, crate::error::AppError>>,
) -> impl IntoView {
    let t = use_texts();
    let on_reset = Callback::new(move |biller| {
        reset.dispatch(SandboxBreakerReset { biller });
    });
    view! {
        <OutagePanel title=t.portal.outage_title_sandbox hint=t.portal.outage_hint_sandbox empty=t.portal.outage_empty_sandbox list reset=Some(on_reset) />
    }
}

/// "Reset deposit development", after a confirmation.
#[component]
fn SandboxReset() -> impl IntoView {
    let t = use_texts();
    let reset = ServerAction::<SandboxReset>::new();
    // A div, not a p: the dialog inside may not sit in a paragraph (the
    // parser would close it, and hydration would not find its nodes).
    view! {
        <div class="actions-line">
            <ConfirmButton
                label=t.portal.sandbox_reset
                title=t.common.confirm_title
                message=t.portal.sandbox_reset_confirm
                on_yes=move || { reset.dispatch(SandboxReset {}); }
            />
            {move || reset.value().get().map(|r| match r {
                Ok(n) => view! { " "<span class="status status-ok" role="status">{t.sandbox_deposit_now(n)}</span> }.into_any(),
                Err(e) => view! { " "<span class="field-error" role="alert">{e.general().map(|p| t.problem(p))}</span> }.into_any(),
            })}
        </div>
    }
}
