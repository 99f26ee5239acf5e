//! A table of biller circuit breakers (outages), for staff (production)
//! and partners (their simulated outages in development).

use crate::components::form::LoadError;
use crate::error::AppError;
use crate::i18n::{use_texts, Texts};
use domain::finance::BreakerOut;
use leptos::prelude::*;

fn state_label(t: &Texts, state: &str) -> &'static str {
    match state {
        "open" => t.outage_open,
        "probing" => t.outage_probing,
        _ => t.outage_closed,
    }
}

/// Asks before closing a breaker, then runs `reset` with the biller.
pub fn confirm_reset(reset: impl Fn(String) + Send + Sync + 'static) -> Callback<String> {
    let t = use_texts();
    Callback::new(move |biller: String| {
        if window().confirm_with_message(t.outage_reset_confirm).unwrap_or(false) {
            reset(biller);
        }
    })
}

/// A titled panel with the breakers of `list`; `reset` (when `Some`) offers
/// "Tandai pulih" on the ones not closed.
#[component]
pub fn OutagePanel(
    title: &'static str,
    hint: &'static str,
    empty: &'static str,
    list: Resource<Result<Vec<BreakerOut>, AppError>>,
    reset: Option<Callback<String>>,
) -> impl IntoView {
    let t = use_texts();
    view! {
        <section class="panel" aria-label=title>
            <h2>{title}</h2>
            <p class="muted">{hint}</p>
            // Its own Suspense: the resource is made inside the page's, and
            // without one SSR does not wait for it (nor hydration pick it up).
            <Suspense fallback=move || view! { <p class="muted">{t.loading}</p> }>
                {move || list.get().map(|r| match r {
                    Ok(list) => view! { <OutageTable list empty reset /> }.into_any(),
                    Err(e) => view! { <LoadError e /> }.into_any(),
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn OutageTable(list: Vec<BreakerOut>, empty: &'static str, reset: Option<Callback<String>>) -> impl IntoView {
    let t = use_texts();
    if list.is_empty() {
        return view! { <p class="muted">{empty}</p> }.into_any();
    }
    let rows = list
        .into_iter()
        .map(|b| {
            let down = b.state != "closed";
            let biller = b.biller.clone();
            let action = reset.filter(|_| down).map(|cb| {
                let label = format!("{} {}", t.outage_reset, b.biller);
                view! { <button type="button" class="btn btn-light" aria-label=label on:click=move |_| cb.run(biller.clone())>{t.outage_reset}</button> }
            });
            view! {
                <tr aria-label=b.biller.clone()>
                    <td><code>{b.biller.clone()}</code></td>
                    <td><span class=if down { "status status-bad" } else { "status status-ok" }>{state_label(t, &b.state)}</span></td>
                    <td class="num">{b.failures}</td>
                    <td>{b.opened_at.unwrap_or_else(|| "—".into())}</td>
                    <td>{if down { b.open_until.unwrap_or_else(|| "—".into()) } else { "—".into() }}</td>
                    <td class="small">{b.last_error.unwrap_or_default()}</td>
                    <td>{action}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="table">
                <thead><tr>
                    <th>{t.col_biller}</th><th>{t.col_status}</th><th>{t.col_failures}</th><th>{t.col_opened_at}</th>
                    <th>{t.col_open_until}</th><th>{t.col_last_error}</th><th></th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}
