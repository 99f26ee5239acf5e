//! "Konfirmasi hapus — Yakin ingin menghapus data ini?" with Ya / Tidak
//! (manual Gambar 48/58), as a modal `<dialog>`: the browser traps focus in
//! it and Escape closes it, and "Tidak" has the focus, so a stray Enter
//! changes nothing.

use crate::i18n::use_texts;
use leptos::html::Dialog;
use leptos::prelude::*;

/// A button that asks first and runs `on_yes` only on "Ya". `title` and
/// `message` default to the manual's delete confirmation.
#[component]
pub fn ConfirmButton(
    label: &'static str,
    on_yes: impl Fn() + 'static,
    #[prop(optional)] title: Option<&'static str>,
    #[prop(optional)] message: Option<&'static str>,
    #[prop(default = "btn btn-light")] class: &'static str,
    /// What the button acts on, for screen readers ("Hapus 10.0.0.1").
    #[prop(optional, into)]
    aria_label: Option<String>,
) -> impl IntoView {
    let t = use_texts();
    let dialog = NodeRef::<Dialog>::new();
    let close = move || {
        if let Some(d) = dialog.get() {
            d.close();
        }
    };
    let title = title.unwrap_or(t.common.confirm_delete_title);
    view! {
        <button type="button" class=class aria-label=aria_label on:click=move |_| {
            if let Some(d) = dialog.get() {
                let _ = d.show_modal();
            }
        }>{label}</button>
        <dialog node_ref=dialog class="confirm" aria-label=title>
            <h2>{title}</h2>
            <p>{message.unwrap_or(t.common.confirm_delete_body)}</p>
            <div class="confirm-actions">
                <button type="button" class="btn btn-primary" on:click=move |_| {
                    close();
                    on_yes();
                }>{t.common.yes}</button>
                <button type="button" class="btn btn-light" autofocus on:click=move |_| close()>{t.common.no}</button>
            </div>
        </dialog>
    }
}
