//! A table of biller circuit breakers (outages), for staff (production)
//! and partners (their simulated outages in development).

use crate::components::dialog::ConfirmButton;
use crate::components::list::{Column, Loaded, Table};
use crate::components::status::{Chip, Tone};
use crate::error::AppError;
use crate::i18n::use_texts;
use domain::finance::{BreakerOut, BreakerState};
use leptos::prelude::*;

/// A titled panel with the breakers of `list`; `reset` (when `Some`) offers
/// "Tandai pulih" (after a confirmation) on the ones not closed.
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
            <Suspense fallback=move || view! { <p class="muted">{t.common.loading}</p> }>
                <Loaded resource=list children=move |list| view! { <OutageTable title list empty reset /> } />
            </Suspense>
        </section>
    }
}

#[component]
fn OutageTable(
    title: &'static str,
    list: Vec<BreakerOut>,
    empty: &'static str,
    reset: Option<Callback<String>>,
) -> impl IntoView {
    let t = use_texts();
    let columns = [
        t.finance.col_biller,
        t.common.col_status,
        t.finance.col_failures,
        t.finance.col_opened_at,
        t.finance.col_open_until,
        t.finance.col_last_error,
        t.common.col_actions,
    ]
    .map(Column::new)
    .to_vec();
    let row = move |b: BreakerOut| {
        let down = b.state != BreakerState::Closed;
        let biller = b.biller.clone();
        let action = reset.filter(|_| down).map(|cb| {
            view! {
                <ConfirmButton
                    label=t.finance.outage_reset
                    aria_label=format!("{} {}", t.finance.outage_reset, b.biller)
                    title=t.common.confirm_title
                    message=t.finance.outage_reset_confirm
                    on_yes=move || cb.run(biller.clone())
                />
            }
        });
        view! {
            <tr aria-label=b.biller.clone()>
                <td><code>{b.biller.clone()}</code></td>
                <td><Chip tone=if down { Tone::Bad } else { Tone::Ok } text=t.breaker_state(b.state) /></td>
                <td class="num">{b.failures}</td>
                <td>{b.opened_at.unwrap_or_else(|| "—".into())}</td>
                <td>{if down { b.open_until.unwrap_or_else(|| "—".into()) } else { "—".into() }}</td>
                <td class="small">{b.last_error.unwrap_or_default()}</td>
                <td>{action}</td>
            </tr>
        }
    };
    view! { <Table caption=title columns rows=list row empty /> }
}
