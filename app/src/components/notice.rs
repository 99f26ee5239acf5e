//! Notices above a panel: "Sukses! Data berhasil disimpan!" after a save.

use crate::i18n::use_texts;
use leptos::prelude::*;

/// The manual's success line, shown while `show` is true; `message`
/// replaces "Data berhasil disimpan!" where a save means something else.
#[component]
pub fn SuccessNotice(
    #[prop(into)] show: Signal<bool>,
    #[prop(optional)] message: Option<&'static str>,
) -> impl IntoView {
    let t = use_texts();
    move || {
        show.get().then(|| {
            view! {
                <div class="alert alert-success" role="status">
                    <strong>{t.common.success}</strong>" "{message.unwrap_or(t.common.data_saved)}
                </div>
            }
        })
    }
}
