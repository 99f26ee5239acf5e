//! "Coba API" (issue 16), a page of Dokumentasi: pick a service, edit the
//! pre-filled body (development numbers), send. The portal makes the call
//! to the development gateway as the signed-in partner and shows the whole
//! exchange — the 401 challenge, the signed request (secret parts masked)
//! and the answer — with a link to its entry in "Log API".

use crate::components::form::{general_problem, FormAlert, SubmitButton};
use crate::components::status::Tone;
use crate::docs::{example, filled, EXAMPLES, SESSION_ID};
use crate::i18n::use_texts;
use crate::pages::portal::integration::log_entry_href as entry_href;
use crate::server_fns::docs::TryApi;
use domain::docs::{HttpMessageOut, TryIn, TryOut};
use leptos::prelude::*;

/// The example's request with the partner's merchant ID in, the session's
/// stand-in left for the server to fill.
fn body_of(name: &str, merchant: &str) -> String {
    let e = example(name).unwrap_or(&EXAMPLES[0]);
    crate::docs::pretty(&filled(e.request, merchant, SESSION_ID))
}

#[component]
pub fn TryConsole(action: ServerAction<TryApi>, merchant: String) -> impl IntoView {
    let t = use_texts();
    let chosen = RwSignal::new(EXAMPLES[0].name.to_owned());
    let body = RwSignal::new(body_of(EXAMPLES[0].name, &merchant));
    let pick = move |ev: leptos::ev::Event| {
        let name = event_target_value(&ev);
        body.set(body_of(&name, &merchant));
        chosen.set(name);
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let name = chosen.get_untracked();
        let path = example(&name).map(|e| e.path).unwrap_or_default();
        action.dispatch(TryApi { input: TryIn { path: path.to_owned(), body: body.get_untracked() } });
    };
    let options = EXAMPLES
        .iter()
        .map(|e| view! { <option value=e.name selected=e.name == EXAMPLES[0].name>{format!("{} · POST {}", e.name, e.path)}</option> })
        .collect_view();
    let problem = general_problem(action.value());
    let result = move || action.value().get().and_then(Result::ok).map(|out| view! { <Outcome out /> });
    view! {
        <h1 class="page-title">{t.docs.try_title}</h1>
        <p>{t.docs.try_intro}</p>
        <form class="panel" on:submit=on_submit novalidate>
            <FormAlert problem />
            <div class="field">
                <label for="try-service">{t.docs.try_service}</label>
                <select id="try-service" on:change=pick>{options}</select>
            </div>
            <div class="field">
                <label for="try-body">{t.docs.try_body}</label>
                <textarea id="try-body" class="code-input" rows="12" spellcheck="false"
                    prop:value=move || body.get() on:input=move |ev| body.set(event_target_value(&ev))></textarea>
                <p class="hint">{t.docs.try_session_note}</p>
            </div>
            <SubmitButton label=t.docs.try_send pending=action.pending() />
        </form>
        {result}
    }
}

#[component]
fn Outcome(out: TryOut) -> impl IntoView {
    let t = use_texts();
    // A Sign-On answers a SessionID and no rc: its HTTP status tells.
    let tone = match (out.rc.as_deref(), out.status) {
        (Some("00"), _) | (None, 200) => Tone::Ok,
        (Some("68" | "71"), _) => Tone::Pending,
        _ => Tone::Bad,
    };
    let (label, rc) = match &out.rc {
        Some(rc) => ("rc ", rc.clone()),
        None => ("HTTP ", out.status.to_string()),
    };
    let log = out.log.map(|id| view! { <a href=entry_href(id) data-testid="try-log">{t.docs.try_log_link}</a> });
    let messages = out.messages.into_iter().map(|m| view! { <Message m /> }).collect_view();
    view! {
        <section class="panel" aria-labelledby="try-result" data-testid="try-result">
            <h2 id="try-result">{t.docs.try_result}</h2>
            <p>{label}<span class=tone.class() data-testid="try-rc">{rc}</span>" "{log}</p>
            {messages}
        </section>
    }
}

#[component]
fn Message(m: HttpMessageOut) -> impl IntoView {
    let t = use_texts();
    let (who, class) = if m.outgoing { (t.docs.try_sent, "exchange-out") } else { (t.docs.try_answer, "exchange-in") };
    // The head as it went, the JSON body laid out.
    let text = match m.text.split_once("\n\n") {
        Some((head, body)) => format!("{head}\n\n{}", crate::docs::pretty(body)),
        None => m.text,
    };
    view! {
        <div class=class>
            <p class="muted small">{who}</p>
            <pre class="code" tabindex="0"><code>{text}</code></pre>
        </div>
    }
}
