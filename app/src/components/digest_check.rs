//! The digest debugger (issue 16): why a gateway request was refused, in
//! words, and a pasted `Authorization` header checked part by part.

use crate::components::form::{general_problem, FormAlert, SubmitButton};
use crate::components::list::{Column, Table};
use crate::components::status::Tone;
use crate::i18n::use_texts;
use crate::server_fns::integration::DigestCheck;
use domain::apilog::{AuthOutcome, DigestCheckIn, DigestCheckOut, DigestFieldOut};
use leptos::prelude::*;

/// Why the gateway refused a request and what to do, when it did.
#[component]
pub fn RefusalReason(auth: AuthOutcome) -> impl IntoView {
    let t = use_texts();
    t.auth_outcome_why(auth).map(|why| {
        view! {
            <section class="notice" aria-labelledby="why-title" data-testid="why">
                <h2 id="why-title">{t.integration.why_title}</h2>
                <p>{why}</p>
            </section>
        }
    })
}

/// "Periksa header Authorization": the form and its findings.
#[component]
pub fn DigestChecker(action: ServerAction<DigestCheck>, path: String) -> impl IntoView {
    let t = use_texts();
    let header = RwSignal::new(String::new());
    let path = RwSignal::new(path);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        action.dispatch(DigestCheck {
            input: DigestCheckIn { header: header.get_untracked(), path: path.get_untracked() },
        });
    };
    let problem = general_problem(action.value());
    let result = move || action.value().get().and_then(Result::ok).map(|out| view! { <Findings out /> });
    view! {
        <section class="panel" aria-labelledby="check-title">
            <h2 id="check-title">{t.integration.check_title}</h2>
            <p class="muted">{t.integration.check_intro}</p>
            <form on:submit=on_submit novalidate>
                <FormAlert problem />
                <div class="field">
                    <label for="check-header">{t.integration.check_header}</label>
                    <textarea id="check-header" class="code-input" rows="4" spellcheck="false"
                        placeholder="Digest username=\"…\", realm=\"…\", nonce=\"…\", uri=\"…\", …"
                        prop:value=move || header.get() on:input=move |ev| header.set(event_target_value(&ev))></textarea>
                </div>
                <div class="field">
                    <label for="check-path">{t.integration.check_path}</label>
                    <input id="check-path" type="text" spellcheck="false"
                        prop:value=move || path.get() on:input=move |ev| path.set(event_target_value(&ev)) />
                </div>
                <SubmitButton label=t.integration.check_send pending=action.pending() />
            </form>
            {result}
        </section>
    }
}

#[component]
fn Findings(out: DigestCheckOut) -> impl IntoView {
    let t = use_texts();
    let columns =
        [t.integration.check_part, t.integration.check_value, t.integration.check_finding].map(Column::new).to_vec();
    let row = move |f: DigestFieldOut| {
        let tone = if f.ok { Tone::Ok } else { Tone::Bad };
        view! {
            <tr data-testid="check-row">
                <td><code>{f.field}</code></td>
                <td class="break"><code>{f.value}</code></td>
                <td><span class=tone.class()>{t.digest_note(f.note, f.detail.as_deref())}</span></td>
            </tr>
        }
    };
    let verdict = out.verdict;
    view! {
        <p data-testid="check-verdict">{t.integration.check_verdict}": "<strong>{t.auth_outcome(verdict)}</strong></p>
        <Table caption=t.integration.check_title columns rows=out.fields row />
    }
}
