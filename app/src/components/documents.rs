//! One upload row per required document: its state, the file chosen, a
//! progress bar, and a clear message before (type, size) and after upload.

use crate::components::status::{Chip, Tone};
use crate::error::AppError;
use crate::i18n::use_texts;
use domain::profile::{DocTypeOut, DocumentOut};
use domain::Problem;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

const ACCEPT: &str = ".jpg,.jpeg,.png,.pdf,image/jpeg,image/png,application/pdf";

fn allowed_name(name: &str) -> bool {
    let lower = name.to_lowercase();
    [".jpg", ".jpeg", ".png", ".pdf"].iter().any(|ext| lower.ends_with(ext))
}

#[component]
pub fn DocumentRow(
    doc_type: DocTypeOut,
    /// The partner's current file of this type, if any.
    #[prop(into)]
    current: Signal<Option<DocumentOut>>,
    on_uploaded: Callback<DocumentOut>,
    max_bytes: usize,
    /// The form's verdict for this row (e.g. missing at submission).
    #[prop(into)]
    missing: Signal<Option<Problem>>,
    #[prop(default = false)] locked: bool,
) -> impl IntoView {
    let t = use_texts();
    let progress = RwSignal::new(None::<u32>);
    let problem = RwSignal::new(None::<Problem>);
    let input_id = format!("doc_{}", doc_type.code);
    let code = doc_type.code.clone();
    let on_change = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
        // Said before any byte is sent; the server checks the content again.
        if !allowed_name(&file.name()) {
            problem.set(Some(Problem::FileTypeNotAllowed));
        } else if file.size() > max_bytes as f64 {
            problem.set(Some(Problem::FileTooLarge));
        } else if file.size() == 0.0 {
            problem.set(Some(Problem::FileEmpty));
        } else {
            problem.set(None);
            progress.set(Some(0));
            let started = crate::upload::send(
                &format!("/api/dokumen/{code}"),
                file,
                move |p| progress.set(Some(p)),
                move |result: Result<DocumentOut, AppError>| {
                    progress.set(None);
                    match result {
                        Ok(doc) => on_uploaded.run(doc),
                        Err(e) => problem.set(e.general().or(Some(Problem::Unavailable))),
                    }
                },
            );
            if let Err(e) = started {
                progress.set(None);
                problem.set(e.general());
            }
        }
        input.set_value("");
    };
    let shown_problem = move || problem.get().or_else(|| missing.get().filter(|_| current.get().is_none()));
    let name = t.doc_name(&doc_type);
    view! {
        <div class="doc-row" class:has-error=move || shown_problem().is_some()>
            <div class="doc-head">
                <label for=input_id.clone() class="doc-name">{name}<span class="req" aria-hidden="true">" *"</span></label>
                <Chip
                    tone=Signal::derive(move || Tone::of_doc(current.get().map(|d| d.status)))
                    text=Signal::derive(move || t.form_doc_status(current.get().map(|d| d.status)))
                />
            </div>
            {move || current.get().map(|d| view! {
                <p class="doc-file">
                    <a href=format!("/dokumen/{}", d.id) target="_blank" rel="external noopener">{d.original_name.clone()}</a>
                    {d.reason.clone().map(|r| view! { <span class="doc-reason">" — "{r}</span> })}
                </p>
            })}
            <div class="doc-input">
                <input
                    id=input_id.clone()
                    type="file"
                    accept=ACCEPT
                    disabled=locked
                    aria-describedby=format!("{input_id}-msg")
                    on:change=on_change
                />
                <span class="hint">{t.profile.upload_hint}" "{megabytes(max_bytes)}</span>
            </div>
            {move || progress.get().map(|p| view! {
                <div class="progress" role="progressbar" aria-valuemin="0" aria-valuemax="100" aria-valuenow=p.to_string() aria-label=t.profile.uploading>
                    <div class="progress-bar" style=format!("width:{p}%")></div>
                    <span>{t.profile.uploading}" "{p}"%"</span>
                </div>
            })}
            <p class="field-error" id=format!("{input_id}-msg") role="alert">{move || shown_problem().map(|p| t.problem(p))}</p>
        </div>
    }
}

/// "1,2 MB" style sizes for the upload limit.
pub fn megabytes(bytes: usize) -> String {
    format!("{} MB", (bytes as f64 / 1_048_576.0 * 10.0).round() / 10.0)
}
