//! Browser uploads with a progress bar. `fetch` reports no upload progress,
//! so this uses XMLHttpRequest. Only ever called from event handlers, which
//! run in the browser.

use crate::error::AppError;
use domain::profile::DocumentOut;
use domain::Problem;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

fn failed(_: wasm_bindgen::JsValue) -> AppError {
    AppError::Problem(Problem::Unavailable)
}

/// Sends `file` as the multipart field `file` to `url`. `on_progress` gets
/// 0–100; `on_done` gets the stored document or the reason it was refused.
pub fn send(
    url: &str,
    file: web_sys::File,
    on_progress: impl Fn(u32) + 'static,
    on_done: impl Fn(Result<DocumentOut, AppError>) + 'static,
) -> Result<(), AppError> {
    let form = web_sys::FormData::new().map_err(failed)?;
    form.append_with_blob_and_filename("file", &file, &file.name()).map_err(failed)?;
    send_form(url, form, on_progress, on_done)
}

/// Sends a whole multipart `form` to `url`, with the same progress and
/// answer handling; the answer is read as a `T`.
pub fn send_form<T: serde::de::DeserializeOwned + 'static>(
    url: &str,
    form: web_sys::FormData,
    on_progress: impl Fn(u32) + 'static,
    on_done: impl Fn(Result<T, AppError>) + 'static,
) -> Result<(), AppError> {
    let xhr = web_sys::XmlHttpRequest::new().map_err(failed)?;
    xhr.open_with_async("POST", url, true).map_err(failed)?;

    let progress = Closure::<dyn Fn(web_sys::ProgressEvent)>::new(move |e: web_sys::ProgressEvent| {
        if e.length_computable() && e.total() > 0.0 {
            on_progress((e.loaded() / e.total() * 100.0).round() as u32);
        }
    });
    xhr.upload().map_err(failed)?.set_onprogress(Some(progress.as_ref().unchecked_ref()));
    // The request owns its handlers for its whole life; they are tiny.
    progress.forget();

    let request = xhr.clone();
    let done = Closure::<dyn Fn()>::new(move || {
        let status = request.status().unwrap_or(0);
        let body = request.response_text().ok().flatten().unwrap_or_default();
        on_done(answer(status, &body));
    });
    xhr.set_onloadend(Some(done.as_ref().unchecked_ref()));
    done.forget();
    xhr.send_with_opt_form_data(Some(&form)).map_err(failed)
}

fn answer<T: serde::de::DeserializeOwned>(status: u16, body: &str) -> Result<T, AppError> {
    match status {
        200 => serde_json::from_str(body).map_err(|_| AppError::Problem(Problem::Unavailable)),
        413 => Err(AppError::Problem(Problem::FileTooLarge)),
        _ => Err(serde_json::from_str(body).unwrap_or(AppError::Problem(Problem::Unavailable))),
    }
}
