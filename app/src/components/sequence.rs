//! Sequence diagrams drawn by the project as SVG (no external service):
//! one lifeline an actor, one arrow a message, top to bottom; answers are
//! dashed. Read by screen readers from its title and the list beside it.

use leptos::prelude::*;

/// One message: from actor, to actor, what it says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub from: usize,
    pub to: usize,
    pub text: String,
}

const LANE: f64 = 250.0;
const MARGIN: f64 = 90.0;
const ROW: f64 = 46.0;
const TOP: f64 = 56.0;

#[component]
pub fn Sequence(title: String, actors: Vec<&'static str>, steps: Vec<Step>) -> impl IntoView {
    let width = MARGIN * 2.0 + LANE * (actors.len().max(1) - 1) as f64;
    let height = TOP + ROW * steps.len() as f64 + 24.0;
    let x = |i: usize| MARGIN + LANE * i as f64;
    let lanes = actors
        .iter()
        .enumerate()
        .map(|(i, name)| {
            view! {
                <g>
                    <rect x=x(i) - 70.0 y="8" width="140" height="30" rx="6" class="seq-actor" />
                    <text x=x(i) y="28" text-anchor="middle" class="seq-actor-name">{*name}</text>
                    <line x1=x(i) y1="38" x2=x(i) y2=height - 8.0 class="seq-lifeline" />
                </g>
            }
        })
        .collect_view();
    let arrows = steps
        .iter()
        .enumerate()
        .map(|(n, s)| {
            let y = TOP + ROW * n as f64 + 20.0;
            let (x1, x2) = (x(s.from), x(s.to));
            let dir = if x2 >= x1 { 1.0 } else { -1.0 };
            let head = format!("{},{} {},{} {},{}", x2, y, x2 - 9.0 * dir, y - 5.0, x2 - 9.0 * dir, y + 5.0);
            let answer = s.from > s.to;
            view! {
                <g>
                    <text x=(x1 + x2) / 2.0 y=y - 7.0 text-anchor="middle" class="seq-text">{format!("{}. {}", n + 1, s.text)}</text>
                    <line x1=x1 y1=y x2=x2 - 9.0 * dir y2=y class=if answer { "seq-arrow seq-answer" } else { "seq-arrow" } />
                    <polygon points=head class="seq-head" />
                </g>
            }
        })
        .collect_view();
    let list = steps
        .iter()
        .map(|s| {
            let name = |i: usize| actors.get(i).copied().unwrap_or_default();
            view! { <li>{format!("{} → {}: {}", name(s.from), name(s.to), s.text)}</li> }
        })
        .collect_view();
    view! {
        <figure class="sequence">
            <div class="seq-scroll" tabindex="0" role="group" aria-label=title.clone()>
                <svg role="img" viewBox=format!("0 0 {width} {height}") width=width height=height aria-labelledby="seq-title">
                    <title id="seq-title">{title.clone()}</title>
                    {lanes}
                    {arrows}
                </svg>
            </div>
            <figcaption>
                <details>
                    <summary>{title}</summary>
                    <ol class="small">{list}</ol>
                </details>
            </figcaption>
        </figure>
    }
}
