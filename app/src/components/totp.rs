//! A second factor being set up: its QR code and the key to type instead.

use crate::i18n::use_texts;
use domain::staff::TotpSetup;
use leptos::prelude::*;

/// The QR code and typed key of a second factor being set up, after `intro`.
#[component]
pub fn TotpQr(setup: TotpSetup, intro: &'static str) -> impl IntoView {
    let t = use_texts();
    view! {
        <p>{intro}</p>
        <div class="qr" role="img" aria-label=t.staff.totp_enroll_title inner_html=setup.qr_svg></div>
        <p class="muted small">{t.staff.totp_secret_label}": "<code data-testid="totp-secret">{setup.secret}</code></p>
    }
}

/// Recovery codes, shown once after a second factor was set up.
#[component]
pub fn RecoveryCodes(codes: Vec<String>) -> impl IntoView {
    let t = use_texts();
    view! {
        <div class="alert alert-warning" role="status">
            <p><strong>{t.team.recovery_title}</strong></p>
            <p>{t.team.recovery_body}</p>
            <ul class="recovery-codes" data-testid="recovery-codes">
                {codes.into_iter().map(|c| view! { <li><code>{c}</code></li> }).collect_view()}
            </ul>
        </div>
    }
}
