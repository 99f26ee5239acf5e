//! "Nomor Development": the development environment's test numbers and
//! what each returns, read from the table the sandbox biller uses.

use super::PartnerPage;
use crate::components::form::LoadError;
use crate::components::outages::{confirm_reset, OutagePanel};
use crate::i18n::use_texts;
use crate::server_fns::finance::{development_numbers, sandbox_breakers, SandboxBreakerReset, SandboxReset};
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
                <h1 class="page-title">{t.dev_numbers_title}</h1>
                <p class="muted">{t.dev_numbers_intro}</p>
                <SandboxReset />
                {move || numbers.get().map(|r| match r {
                    Ok(list) => view! {
                        <div class="table-wrap panel">
                            <table class="table">
                                <thead><tr><th>{t.col_product_family}</th><th>{t.col_customer_id}</th><th>"rc"</th><th>{t.col_outcome}</th></tr></thead>
                                <tbody>
                                    {list.into_iter().map(|n| view! {
                                        <tr><td>{n.family}</td><td><code>{n.customer_id}</code></td><td><code>{n.rc}</code></td><td>{n.description}</td></tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </div>
                    }.into_any(),
                    Err(e) => view! { <LoadError e /> }.into_any(),
                })}
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
    let on_reset = confirm_reset(move |biller| {
        reset.dispatch(SandboxBreakerReset { biller });
    });
    view! {
        <OutagePanel title=t.outage_title_sandbox hint=t.outage_hint_sandbox empty=t.outage_empty_sandbox list reset=Some(on_reset) />
    }
}

/// "Reset deposit development", after a confirmation.
#[component]
fn SandboxReset() -> impl IntoView {
    let t = use_texts();
    let reset = ServerAction::<SandboxReset>::new();
    let on_click = move |_| {
        if window().confirm_with_message(t.sandbox_reset_confirm).unwrap_or(false) {
            reset.dispatch(SandboxReset {});
        }
    };
    view! {
        <p>
            <button type="button" class="btn btn-light" on:click=on_click disabled=move || reset.pending().get()>{t.sandbox_reset}</button>
            {move || reset.value().get().map(|r| match r {
                Ok(n) => view! { " "<span class="status status-ok" role="status">{t.sandbox_reset_done}" "{domain::finance::rupiah(n)}</span> }.into_any(),
                Err(e) => view! { " "<span class="field-error" role="alert">{e.general().map(|p| t.problem(p))}</span> }.into_any(),
            })}
        </p>
    }
}
