//! Province → regency/city → district → village, each a type-to-search
//! input over its parent's areas, disabled until the parent is chosen.

use crate::components::form::FormState;
use crate::i18n::use_texts;
use crate::server_fns::regions::list_regions;
use domain::region::RegionLevel;
use domain::Problem;
use leptos::prelude::*;

#[component]
pub fn RegionField(
    form: FormState,
    name: &'static str,
    label: &'static str,
    level: RegionLevel,
    /// The chosen area's code ("" when none).
    value: RwSignal<String>,
    /// The parent's code; `None` for provinces.
    #[prop(optional)]
    parent: Option<RwSignal<String>>,
    /// Placeholder while the parent is not chosen.
    waiting: &'static str,
    #[prop(into)] error: Signal<Option<Problem>>,
    #[prop(default = false)] disabled_all: bool,
) -> impl IntoView {
    let t = use_texts();
    let parent_code = move || parent.map(|p| p.get()).unwrap_or_default();
    let ready = move || parent.is_none() || !parent_code().is_empty();
    // Loaded in the browser only: the lists depend on what the user picks,
    // and a datalist cannot hold the markers of a server-side Suspense.
    // Never read before the page is hydrated: on the server a local
    // resource is pending for ever, and reading it inside the page's
    // Suspense made the server render the fallback instead of the page.
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));
    let options = LocalResource::new(move || {
        let (ready, code) = (ready(), parent_code());
        async move {
            if ready {
                list_regions(level, code).await.unwrap_or_default()
            } else {
                Vec::new()
            }
        }
    });
    // What the input shows: the chosen area's name, or what is being typed.
    let text = RwSignal::new(String::new());
    Effect::new(move |_| {
        let code = value.get();
        let list = if hydrated.get() { options.get() } else { None };
        let name = list.and_then(|list| list.into_iter().find(|o| o.code == code)).map(|o| o.name);
        if let Some(name) = name.filter(|n| *n != text.get_untracked()) {
            text.set(name);
        }
    });
    // A new parent empties the text of a choice that no longer applies.
    Effect::new(move |prev: Option<String>| {
        let p = parent_code();
        if prev.is_some_and(|old| old != p) {
            text.set(String::new());
        }
        p
    });
    let list_id = format!("{name}-options");
    let msg_id = format!("{name}-msg");
    let on_input = move |ev| {
        let typed = event_target_value(&ev);
        let code = options.with_untracked(|o| {
            o.as_ref()
                .and_then(|l| l.iter().find(|r| r.name.eq_ignore_ascii_case(typed.trim())).map(|r| r.code.clone()))
        });
        text.set(typed);
        value.set(code.unwrap_or_default());
        form.touch(name);
    };
    view! {
        <div class="field" class:has-error=move || error.get().is_some()>
            <label for=name>{label}<span class="req" aria-hidden="true">" *"</span></label>
            <input
                id=name
                name=name
                type="text"
                autocomplete="off"
                list=list_id.clone()
                placeholder=move || if ready() { t.profile.type_to_search } else { waiting }
                disabled=move || disabled_all || !ready()
                aria-required="true"
                aria-invalid=move || error.get().is_some().to_string()
                aria-describedby=msg_id.clone()
                prop:value=move || text.get()
                on:input=on_input
            />
            <datalist id=list_id>
                {move || {
                    let list = if hydrated.get() { options.get() } else { None };
                    list.map(|list| list.into_iter().map(|o| view! { <option value=o.name></option> }).collect_view())
                }}
            </datalist>
            <p class="field-error" id=msg_id role="alert" aria-live="polite">{move || error.get().map(|p| t.problem(p))}</p>
        </div>
    }
}

/// Clears `child` when `parent` changes after the first run (not on load).
pub fn reset_on_change(parent: RwSignal<String>, child: RwSignal<String>) {
    Effect::new(move |prev: Option<String>| {
        let now = parent.get();
        if prev.is_some_and(|p| p != now) {
            child.set(String::new());
        }
        now
    });
}
