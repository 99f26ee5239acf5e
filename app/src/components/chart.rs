//! A bar chart of days (the dashboard's last 30 days), drawn as SVG on
//! the server — no script, no external image — with the same figures as a
//! table for screen readers and for reading exact numbers.

use crate::i18n::use_texts;
use domain::finance::{rupiah, DayPoint};
use leptos::prelude::*;

const WIDTH: f64 = 600.0;
const HEIGHT: f64 = 160.0;
/// Room under the bars for the first and last date.
const FOOT: f64 = 18.0;

/// `DD/MM` of a `YYYY-MM-DD` day.
fn short(day: &str) -> String {
    let mut parts = day.rsplit('-');
    match (parts.next(), parts.next()) {
        (Some(d), Some(m)) => format!("{d}/{m}"),
        _ => day.to_owned(),
    }
}

#[component]
pub fn DayChart(title: &'static str, points: Vec<DayPoint>, testid: &'static str) -> impl IntoView {
    let t = use_texts();
    let top = points.iter().map(|p| p.total).max().unwrap_or(0).max(1) as f64;
    let slot = WIDTH / points.len().max(1) as f64;
    let bars = points
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let h = (p.total as f64 / top) * (HEIGHT - FOOT - 4.0);
            let (x, y) = (i as f64 * slot + 1.0, HEIGHT - FOOT - h);
            let label = format!("{}: {} · {}", short(&p.day), p.count, rupiah(p.total));
            view! {
                <rect class="bar" x=format!("{x:.1}") y=format!("{y:.1}") width=format!("{:.1}", (slot - 2.0).max(1.0)) height=format!("{h:.1}")>
                    <title>{label}</title>
                </rect>
            }
        })
        .collect_view();
    let (first, last) = (
        points.first().map(|p| short(&p.day)).unwrap_or_default(),
        points.last().map(|p| short(&p.day)).unwrap_or_default(),
    );
    let empty = points.iter().all(|p| p.count == 0);
    let rows = points
        .into_iter()
        .map(|p| {
            view! { <tr><td>{short(&p.day)}</td><td class="num">{p.count}</td><td class="num">{rupiah(p.total)}</td></tr> }
        })
        .collect_view();
    view! {
        <section class="panel" aria-labelledby=format!("{testid}-title") data-testid=testid>
            <h2 id=format!("{testid}-title")>{title}</h2>
            {empty.then(|| view! { <p class="muted">{t.portal.chart_empty}</p> })}
            <svg class="chart" viewBox=format!("0 0 {WIDTH} {HEIGHT}") role="img" aria-label=title preserveAspectRatio="none">
                <text class="axis" x="0" y=format!("{}", HEIGHT - 4.0)>{first}</text>
                <text class="axis" x=format!("{WIDTH}") y=format!("{}", HEIGHT - 4.0) text-anchor="end">{last}</text>
                {(!empty).then(|| view! { <text class="axis" x="0" y="12">{rupiah(top as i64)}</text> })}
                {bars}
            </svg>
            <details>
                <summary>{t.portal.chart_as_table}</summary>
                <div class="table-wrap" tabindex="0" role="group" aria-label=title>
                    <table class="table">
                        <caption class="sr-only">{title}</caption>
                        <thead><tr>
                            <th scope="col">{t.portal.chart_day}</th>
                            <th scope="col">{t.portal.chart_count}</th>
                            <th scope="col">{t.portal.chart_total}</th>
                        </tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </details>
        </section>
    }
}
