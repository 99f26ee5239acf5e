//! UAT pieces the partner's form and the operator's queue share: the
//! checklist with links to the log entries that prove it, and the two
//! file inputs.

use crate::i18n::use_texts;
use domain::uat::UatCheckOut;
use domain::ApiLogId;
use leptos::prelude::*;

/// Accepted by the file inputs (the server checks the content again).
const ACCEPT: &str = ".pdf,.docx,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg";

/// The checklist: each item passed (with a link to its proof) or not yet.
#[component]
pub fn ChecklistView(
    list: Vec<UatCheckOut>,
    log_href: fn(ApiLogId) -> String,
    /// Say so when something is missing (the partner, before sending).
    #[prop(default = false)]
    warn: bool,
) -> impl IntoView {
    let t = use_texts();
    let missing = list.iter().any(|c| !c.passed());
    view! {
        <ul class="checklist">
            {list.into_iter().map(|c| {
                let (mark, state) = if c.passed() { ("✔", t.integration.check_passed) } else { ("○", t.integration.check_missing) };
                view! {
                    <li class=if c.passed() { "check-ok" } else { "check-missing" } data-testid=format!("check-{}", c.item.code())>
                        <span aria-hidden="true">{mark}" "</span>{t.uat_item(c.item)}" — "<strong>{state}</strong>
                        {c.proof.map(|id| view! { " · "<a href=log_href(id)>{t.integration.see_log}</a> })}
                    </li>
                }
            }).collect_view()}
        </ul>
        {(warn && missing).then(|| view! { <p class="alert alert-warning" role="status">{t.integration.checklist_missing}</p> })}
    }
}

/// "File Inquiry" and "File Struk", with their errors.
#[component]
pub fn UatFiles(
    field_inquiry: impl Fn() -> Option<&'static str> + Send + Sync + 'static,
    field_struk: impl Fn() -> Option<&'static str> + Send + Sync + 'static,
) -> impl IntoView {
    let t = use_texts();
    view! {
        <label for="uat-inquiry">{t.integration.file_inquiry}</label>
        <input id="uat-inquiry" name="inquiry" type="file" accept=ACCEPT required aria-describedby="uat-file-hint" />
        <p class="field-error" role="alert">{field_inquiry}</p>
        <label for="uat-struk">{t.integration.file_struk}</label>
        <input id="uat-struk" name="struk" type="file" accept=ACCEPT required aria-describedby="uat-file-hint" />
        <p class="field-error" role="alert">{field_struk}</p>
        <p id="uat-file-hint" class="muted small">{t.integration.file_hint}</p>
    }
}
