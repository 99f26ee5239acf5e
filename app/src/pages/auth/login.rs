//! "Login" by mobile number and password (manual Gambar 1, 7).

use crate::components::form::{encode_query, general_problem, FormAlert, FormState, SubmitButton, TextField};
use crate::components::layout::AuthCard;
use crate::i18n::use_texts;
use crate::server_fns::auth::Login;
use domain::account::{check_required, LoginOut};
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

    let navigate = use_navigate();
    let target = crate::components::nav::after_sign_in("/dashboard");
    Effect::new(move |_| {
        let Some(result) = action.value().get() else { return };
        form.answer(&result);
        match result {
            Ok(LoginOut::LoggedIn) => navigate(&target, Default::default()),
            Ok(LoginOut::Unverified { email }) => unverified.set(Some(email)),
            Ok(LoginOut::Suspended { reason, contact }) => {
                password.set(String::new());
                suspended.set(Some((reason, contact)));
            }
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
    }
}
