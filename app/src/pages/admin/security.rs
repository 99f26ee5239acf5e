//! "Keamanan Akun": staff whose role does not require a second factor
//! turn it on themselves (admins enrol at their first sign-in).

use crate::components::form::{general_problem, FormAlert, FormState, SubmitButton, TextField};
use crate::components::frame::StaffPage;
use crate::components::totp::TotpQr;
use crate::i18n::use_texts;
use crate::server_fns::staff::{TotpBegin, TotpConfirm};
use domain::staff::{clean_code, StaffOut};
use leptos::prelude::*;

#[component]
pub fn SecurityPage() -> impl IntoView {
    let t = use_texts();
    view! {
        <StaffPage render=move |me: StaffOut| view! {
            <h1 class="page-title">{t.common.security_title}</h1>
            <section class="panel narrow" aria-label=t.staff.totp_title>
                <h2>{t.staff.totp_title}</h2>
                {if me.totp_enabled {
                    view! { <p class="status status-ok">{t.staff.security_totp_on}</p> }.into_any()
                } else {
                    view! { <Enrol /> }.into_any()
                }}
            </section>
        } />
    }
}

/// Start (QR code and key), then confirm with a code.
#[component]
fn Enrol() -> impl IntoView {
    let t = use_texts();
    let begin = ServerAction::<TotpBegin>::new();
    let confirm = ServerAction::<TotpConfirm>::new();
    let form = FormState::default();
    let code = RwSignal::new(String::new());
    let code_err = form.error("code", move || clean_code(&code.get()).err());
    Effect::new(move |_| {
        if let Some(result) = confirm.value().get() {
            form.answer(&result);
        }
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if form.submit(clean_code(&code.get_untracked()).is_ok()) {
            confirm.dispatch(TotpConfirm { code: code.get_untracked() });
        }
    };
    let begun = general_problem(begin.value());
    let general = general_problem(confirm.value());
    let done = move || matches!(confirm.value().get(), Some(Ok(())));
    view! {
        <Show when=done fallback=move || view! {
            {move || match begin.value().get() {
                Some(Ok(setup)) => view! {
                    <TotpQr setup intro=t.staff.totp_scan_body />
                    <form on:submit=on_submit novalidate>
                        <FormAlert problem=general />
                        <TextField form name="code" label=t.staff.totp_code_label value=code error=code_err autocomplete="one-time-code" hint=t.staff.totp_code_hint />
                        <SubmitButton label=t.staff.totp_verify_button pending=confirm.pending() />
                    </form>
                }.into_any(),
                _ => view! {
                    <p>{t.staff.security_totp_off}</p>
                    <FormAlert problem=begun />
                    <button type="button" class="btn btn-primary" on:click=move |_| { begin.dispatch(TotpBegin {}); } disabled=move || begin.pending().get()>
                        {t.staff.security_enable}
                    </button>
                }.into_any(),
            }}
        }>
            <p class="status status-ok" role="status">{t.staff.security_enabled_done}</p>
        </Show>
    }
}
