//! "Login" by mobile number and password (manual Gambar 1, 7).

use crate::components::form::{encode_query, general_problem, FormAlert, FormState, SubmitButton, TextField};
use crate::components::layout::AuthCard;
use crate::components::totp::{RecoveryCodes, TotpQr};
use crate::i18n::use_texts;
use crate::server_fns::auth::{Login, PartnerVerifyCode};
use domain::account::{check_required, LoginOut};
use domain::staff::TotpSetup;
use domain::Msisdn;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_navigate;

#[component]
pub fn LoginPage() -> impl IntoView {
    let t = use_texts();
    let form = FormState::default();
    let action = ServerAction::<Login>::new();
    let phone = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let phone_err = form.error("phone", move || Msisdn::parse(&phone.get()).err());
    let password_err = form.error("password", move || check_required(&password.get(), 128).err());
    let unverified = RwSignal::new(None::<String>);
    let suspended = RwSignal::new(None::<(String, String)>);
    let step = RwSignal::new(None::<Option<TotpSetup>>);

    let navigate = use_navigate();
    let target = crate::components::nav::after_sign_in("/dashboard");
    let target_code = target.clone();
    Effect::new(move |_| {
        let Some(result) = action.value().get() else { return };
        form.answer(&result);
        match result {
            Ok(LoginOut::LoggedIn) => navigate(&target, Default::default()),
            Ok(LoginOut::Unverified { email }) => unverified.set(Some(email)),
            Ok(LoginOut::Suspended { reason, contact }) => suspended.set(Some((reason, contact))),
            Ok(LoginOut::Code) => step.set(Some(None)),
            Ok(LoginOut::Enroll(setup)) => step.set(Some(Some(setup))),
            Err(_) => password.set(String::new()),
        }
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        unverified.set(None);
        suspended.set(None);
        let ok = phone_err.with_untracked(Option::is_none) && !password.get_untracked().is_empty();
        if form.submit(ok && Msisdn::parse(&phone.get_untracked()).is_ok()) {
            action.dispatch(Login { phone: phone.get_untracked(), password: password.get_untracked() });
        }
    };
    let general = general_problem(action.value());

    view! {
        <Show when=move || step.get().is_none() fallback=move || {
            view! { <CodeStep setup=step.get().flatten() target=target_code.clone() /> }
        }>
        <AuthCard title=t.auth.login_title>
            <form method="post" action=Login::url() on:submit=on_submit novalidate>
                <FormAlert problem=general />
                {move || {
                    unverified
                        .get()
                        .map(|email| {
                            view! {
                                <div class="alert alert-warning" role="alert">
                                    <p>{t.auth.unverified_login}</p>
                                    <a href=format!("/verifikasi-email?email={}", encode_query(&email))>{t.auth.resend_activation_link}</a>
                                </div>
                            }
                        })
                }}
                {move || suspended.get().map(|(reason, contact)| view! {
                    <div class="alert alert-error" role="alert" data-testid="suspended">
                        <p><strong>{t.team.suspended_title}</strong></p>
                        <p>{t.team.suspended_reason}" "{reason}</p>
                        <p>{t.team.suspended_contact}" "{contact}</p>
                    </div>
                })}
                <TextField form name="phone" label=t.common.phone_label value=phone error=phone_err kind="tel" hint=t.auth.phone_hint autocomplete="tel" />
                <TextField form name="password" label=t.common.password_label value=password error=password_err kind="password" autocomplete="current-password" />
                <p class="forgot"><a href="/lupa-password">{t.auth.forgot_link}</a></p>
                <SubmitButton label=t.common.login_button pending=action.pending() />
                <p class="switch">{t.auth.no_account}" "<a href="/daftar">{t.auth.register_link}</a></p>
            </form>
        </AuthCard>
        </Show>
    }
}

/// The second step: a code of the authenticator app or a recovery code;
/// with `setup` (the company requires a factor this user lacks), the QR
/// code to scan first, and afterwards the recovery codes, shown once.
#[component]
fn CodeStep(setup: Option<TotpSetup>, target: String) -> impl IntoView {
    let t = use_texts();
    let form = FormState::default();
    let code = RwSignal::new(String::new());
    let code_err = form.error("code", move || check_required(&code.get(), 20).err());
    let action = ServerAction::<PartnerVerifyCode>::new();
    let codes = RwSignal::new(None::<Vec<String>>);
    let navigate = use_navigate();
    let next = target.clone();
    Effect::new(move |_| {
        let Some(result) = action.value().get() else { return };
        form.answer(&result);
        match result {
            Ok(Some(fresh)) => codes.set(Some(fresh)),
            Ok(None) => navigate(&next, Default::default()),
            Err(_) => code.set(String::new()),
        }
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if form.submit(check_required(&code.get_untracked(), 20).is_ok()) {
            action.dispatch(PartnerVerifyCode { code: code.get_untracked() });
        }
    };
    let general = general_problem(action.value());
    let title = if setup.is_some() { t.staff.totp_enroll_title } else { t.staff.totp_title };
    view! {
        <AuthCard title=title>
            {move || match codes.get() {
                Some(list) => view! { <RecoveryCodes codes=list /><a class="btn btn-primary" href=target.clone()>{t.team.continue_button}</a> }.into_any(),
                None => view! {
                    {setup.clone().map(|setup| view! { <TotpQr setup intro=t.team.enroll_required /> })}
                    <form method="post" action=PartnerVerifyCode::url() on:submit=on_submit novalidate>
                        <FormAlert problem=general />
                        <TextField form name="code" label=t.team.code_label value=code error=code_err autocomplete="one-time-code" hint=t.team.code_hint />
                        <SubmitButton label=t.staff.totp_verify_button pending=action.pending() />
                    </form>
                }.into_any(),
            }}
        </AuthCard>
    }
}
