//! The staff login at `/admin`: e-mail and password, then the 6-digit code
//! of the authenticator app (set up on the spot where it is mandatory).

use crate::components::form::{general_problem, FormAlert, FormState, SubmitButton, TextField};
use crate::components::layout::AuthCard;
use crate::components::totp::TotpQr;
use crate::i18n::use_texts;
use crate::server_fns::staff::{StaffLogin, StaffVerifyCode};
use domain::account::{check_required, normalize_email};
use domain::staff::{clean_code, LoginStep, TotpSetup};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_navigate;

#[component]
pub fn AdminLoginPage() -> impl IntoView {
    let t = use_texts();
    let form = FormState::default();
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let email_err = form.error("email", move || normalize_email(&email.get()).err());
    let password_err = form.error("password", move || check_required(&password.get(), 128).err());
    let action = ServerAction::<StaffLogin>::new();
    let step = RwSignal::new(None::<LoginStep>);
    let navigate = use_navigate();
    let target = crate::components::nav::after_sign_in("/admin/beranda");
    Effect::new(move |_| {
        let Some(result) = action.value().get() else { return };
        form.answer(&result);
        match result {
            Ok(LoginStep::SignedIn) => navigate(&target, Default::default()),
            Ok(next) => step.set(Some(next)),
            Err(_) => password.set(String::new()),
        }
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let ok = normalize_email(&email.get_untracked()).is_ok() && !password.get_untracked().is_empty();
        if form.submit(ok) {
            action.dispatch(StaffLogin { email: email.get_untracked(), password: password.get_untracked() });
        }
    };
    let general = general_problem(action.value());
    view! {
        {move || match step.get() {
            Some(LoginStep::Code) => view! { <CodeStep setup=None /> }.into_any(),
            Some(LoginStep::Enroll(setup)) => view! { <CodeStep setup=Some(setup) /> }.into_any(),
            _ => view! {
                <AuthCard title=t.staff.admin_login_title>
                    <form method="post" action=StaffLogin::url() on:submit=on_submit novalidate>
                        <FormAlert problem=general />
                        <TextField form name="email" label=t.common.email_label value=email error=email_err kind="email" autocomplete="username" />
                        <TextField form name="password" label=t.common.password_label value=password error=password_err kind="password" autocomplete="current-password" />
                        <SubmitButton label=t.common.login_button pending=action.pending() />
                    </form>
                </AuthCard>
            }.into_any(),
        }}
    }
}

/// The second step; with `setup`, the QR code and key to scan first.
#[component]
fn CodeStep(setup: Option<TotpSetup>) -> impl IntoView {
    let t = use_texts();
    let form = FormState::default();
    let code = RwSignal::new(String::new());
    let code_err = form.error("code", move || clean_code(&code.get()).err());
    let action = ServerAction::<StaffVerifyCode>::new();
    let navigate = use_navigate();
    let target = crate::components::nav::after_sign_in("/admin/beranda");
    Effect::new(move |_| {
        let Some(result) = action.value().get() else { return };
        form.answer(&result);
        match result {
            Ok(()) => navigate(&target, Default::default()),
            Err(_) => code.set(String::new()),
        }
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if form.submit(clean_code(&code.get_untracked()).is_ok()) {
            action.dispatch(StaffVerifyCode { code: code.get_untracked() });
        }
    };
    let general = general_problem(action.value());
    let title = if setup.is_some() { t.staff.totp_enroll_title } else { t.staff.totp_title };
    view! {
        <AuthCard title=title>
            {setup.map(|setup| view! { <TotpQr setup intro=t.staff.totp_enroll_body /> })}
            <form method="post" action=StaffVerifyCode::url() on:submit=on_submit novalidate>
                <FormAlert problem=general />
                <TextField form name="code" label=t.staff.totp_code_label value=code error=code_err autocomplete="one-time-code" hint=t.staff.totp_code_hint />
                <SubmitButton label=t.staff.totp_verify_button pending=action.pending() />
            </form>
        </AuthCard>
    }
}
