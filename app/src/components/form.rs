//! Form building blocks: labelled inputs with per-field messages that appear
//! as the user types (same rules as the server) and server answers.

use crate::error::AppError;
use crate::i18n::use_texts;
use domain::problem::problem_for;
use domain::{FieldError, Problem};
use leptos::prelude::*;

/// Which fields the user has touched and what the server said about them.
#[derive(Clone, Copy)]
pub struct FormState {
    server: RwSignal<Vec<FieldError>>,
    touched: RwSignal<Vec<&'static str>>,
    submitted: RwSignal<bool>,
}

impl Default for FormState {
    fn default() -> Self {
        FormState {
            server: RwSignal::new(Vec::new()),
            touched: RwSignal::new(Vec::new()),
            submitted: RwSignal::new(false),
        }
    }
}

impl FormState {
    /// Back to untouched, e.g. after a "create another" form succeeded.
    pub fn reset(self) {
        self.server.set(Vec::new());
        self.touched.set(Vec::new());
        self.submitted.set(false);
    }

    /// The message to show under `field`: the browser's own check once the
    /// user has typed there (or tried to submit), else the server's answer.
    pub fn error(
        self,
        field: &'static str,
        check: impl Fn() -> Option<Problem> + Send + Sync + 'static,
    ) -> Signal<Option<Problem>> {
        Signal::derive(move || {
            let shown = self.submitted.get() || self.touched.with(|t| t.contains(&field));
            shown.then(&check).flatten().or_else(|| self.server.with(|e| problem_for(e, field)))
        })
    }

    /// The user changed `field`: show its own check, forget the server's old verdict.
    pub fn touch(self, field: &'static str) {
        if !self.touched.with_untracked(|t| t.contains(&field)) {
            self.touched.update(|t| t.push(field));
        }
        if self.server.with_untracked(|e| problem_for(e, field).is_some()) {
            self.server.update(|e| e.retain(|x| x.field != field));
        }
    }

    /// Whether the user has tried to send the form.
    pub fn was_submitted(self) -> bool {
        self.submitted.get()
    }

    /// Call on submit with the browser-side verdict; true means "send it".
    pub fn submit(self, valid: bool) -> bool {
        self.submitted.set(true);
        valid
    }

    /// Follows every answer of an action: field problems next to their inputs.
    pub fn follow<T: Clone + Send + Sync + 'static>(
        self,
        value: impl Get<Value = Option<Result<T, AppError>>> + Send + Sync + 'static,
    ) {
        Effect::new(move |_| {
            if let Some(result) = value.get() {
                self.answer(&result);
            }
        });
    }

    /// For a "create another" form: follows every answer, and after a
    /// success runs `done` with the value (to empty the inputs) and starts
    /// the form afresh.
    pub fn follow_then_clear<T: Clone + Send + Sync + 'static>(
        self,
        value: impl Get<Value = Option<Result<T, AppError>>> + Send + Sync + 'static,
        done: impl Fn(T) + Send + Sync + 'static,
    ) {
        Effect::new(move |_| {
            let Some(result) = value.get() else { return };
            self.answer(&result);
            if let Ok(v) = result {
                done(v);
                self.reset();
            }
        });
    }

    /// Takes the server's answer; field problems go next to their inputs.
    pub fn answer<T>(self, result: &Result<T, AppError>) {
        self.server.set(match result {
            Err(e) => e.field_errors().to_vec(),
            Ok(_) => Vec::new(),
        });
    }
}

#[component]
pub fn TextField(
    form: FormState,
    name: &'static str,
    label: &'static str,
    value: RwSignal<String>,
    #[prop(into)] error: Signal<Option<Problem>>,
    #[prop(default = "text")] kind: &'static str,
    #[prop(default = true)] required: bool,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(default = "off")] autocomplete: &'static str,
) -> impl IntoView {
    let t = use_texts();
    let is_password = kind == "password";
    let reveal = RwSignal::new(false);
    let input_type = move || if is_password && reveal.get() { "text" } else { kind };
    let msg_id = format!("{name}-msg");
    let hint_id = format!("{name}-hint");
    let described = if hint.is_some() { format!("{msg_id} {hint_id}") } else { msg_id.clone() };
    view! {
        <div class="field" class:has-error=move || error.get().is_some()>
            <label for=name>
                {label}
                {required.then(|| view! { <span class="req" aria-hidden="true">" *"</span> })}
            </label>
            <div class="input-wrap">
                <input
                    id=name
                    name=name
                    type=input_type
                    autocomplete=autocomplete
                    aria-required=required.to_string()
                    aria-invalid=move || error.get().is_some().to_string()
                    aria-describedby=described
                    prop:value=move || value.get()
                    on:input=move |ev| {
                        value.set(event_target_value(&ev));
                        form.touch(name);
                    }
                />
                {is_password
                    .then(|| {
                        view! {
                            <button
                                type="button"
                                class="reveal"
                                aria-label=t.common.show_password
                                title=t.common.show_password
                                aria-pressed=move || reveal.get().to_string()
                                on:click=move |_| reveal.update(|r| *r = !*r)
                            >
                                <EyeIcon crossed=reveal />
                            </button>
                        }
                    })}
            </div>
            {hint.map(|h| view! { <p class="hint" id=hint_id>{h}</p> })}
            <p class="field-error" id=msg_id role="alert" aria-live="polite">
                {move || error.get().map(|p| t.problem(p))}
            </p>
        </div>
    }
}

/// The problem of the last answer that is about the whole form, not a field.
pub fn general_problem<T: Clone + Send + Sync + 'static>(
    value: impl Get<Value = Option<Result<T, AppError>>> + Send + Sync + 'static,
) -> Signal<Option<Problem>> {
    Signal::derive(move || value.get().and_then(Result::err).and_then(|e| e.general()))
}

/// The text of the last answer's problem with `field`, for a message under
/// an input that is not a `TextField` (a reason beside a decision button).
pub fn field_problem<T: Clone + Send + Sync + 'static>(
    value: impl Get<Value = Option<Result<T, AppError>>> + Send + Sync + 'static,
    field: &'static str,
) -> impl Fn() -> Option<&'static str> + Send + Sync + 'static {
    let t = use_texts();
    move || value.get().and_then(Result::err).and_then(|e| problem_for(e.field_errors(), field)).map(|p| t.problem(p))
}

/// A message above a form: a general problem of the last answer, or a success note.
#[component]
pub fn FormAlert(#[prop(into)] problem: Signal<Option<Problem>>) -> impl IntoView {
    let t = use_texts();
    move || {
        problem.get().map(|p| {
            view! { <div class="alert alert-error" role="alert">{t.problem(p)}</div> }
        })
    }
}

/// A submit button that shows it is busy while the request runs.
#[component]
pub fn SubmitButton(label: &'static str, #[prop(into)] pending: Signal<bool>) -> impl IntoView {
    view! {
        <button type="submit" class="btn btn-primary" disabled=move || pending.get() aria-busy=move || pending.get().to_string()>
            {label}
        </button>
    }
}

/// `1250000` → `1.250.000`, as a Rupiah amount is typed.
pub fn grouped_rupiah(typed: &str) -> String {
    let digits: String = typed.chars().filter(char::is_ascii_digit).take(15).collect();
    match digits.parse::<i64>() {
        Ok(n) => domain::finance::rupiah(n).trim_start_matches("Rp ").to_owned(),
        Err(_) => String::new(),
    }
}

/// Percent-encodes a query value (e-mail addresses carry `@` and `+`).
pub fn encode_query(v: &str) -> String {
    v.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// An eye (or a crossed-out eye while the password is shown), drawn inline
/// so it needs no icon font.
#[component]
fn EyeIcon(crossed: RwSignal<bool>) -> impl IntoView {
    view! {
        <svg width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" aria-hidden="true">
            <path d="M1 12s4-7 11-7 11 7 11 7-4 7-11 7S1 12 1 12z" />
            <circle cx="12" cy="12" r="3" />
            <line x1="3" y1="3" x2="21" y2="21" style:display=move || if crossed.get() { "inline" } else { "none" } />
        </svg>
    }
}

/// What went wrong loading a page's data, as an alert.
#[component]
pub fn LoadError(e: AppError) -> impl IntoView {
    let t = use_texts();
    // A load refused for one of its inputs (an unknown merchant ID) says so
    // too, instead of an empty box.
    let problem = e.general().or_else(|| e.field_errors().first().map(|f| f.problem));
    view! { <div class="alert alert-error" role="alert">{problem.map(|p| t.problem(p))}</div> }
}

/// The reports' environment picker (Production or Development); `chosen`
/// is what the page shows now, so a link's choice is shown too.
#[component]
pub fn EnvSelect(id: &'static str, chosen: String, on_pick: Callback<String>) -> impl IntoView {
    let t = use_texts();
    let development = chosen == "development";
    view! {
        <label for=id>{t.reports.environment}</label>
        <select id=id on:change=move |ev| on_pick.run(event_target_value(&ev))>
            <option value="production" selected=!development>"Production"</option>
            <option value="development" selected=development>"Development"</option>
        </select>
    }
}
