//! The page of the password reset link.

use crate::components::form::{general_problem, FormAlert, FormState, SubmitButton, TextField};
use crate::components::layout::AuthCard;
use crate::i18n::use_texts;
use crate::server_fns::auth::ResetPassword;
use domain::account::check_new_password;
use domain::problem::problem_for;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_query_map;

#[component]
pub fn ResetPasswordPage() -> impl IntoView {
    let t = use_texts();
    let query = use_query_map();
    let form = FormState::default();
    let password = RwSignal::new(String::new());
    let confirm = RwSignal::new(String::new());
    let check = move |field| move || problem_for(&check_new_password(&password.get(), &confirm.get()), field);
    let action = ServerAction::<ResetPassword>::new();
    form.follow(action.value());
    let done = move || matches!(action.value().get(), Some(Ok(())));
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (pw, c) = (password.get_untracked(), confirm.get_untracked());
        if form.submit(check_new_password(&pw, &c).is_empty()) {
            let token = query.read_untracked().get("token").unwrap_or_default();
            action.dispatch(ResetPassword { token, password: pw, password_confirm: c });
        }
    };
    let general = general_problem(action.value());
    view! {
        <AuthCard title=t.auth.reset_title>
            <Show
                when=done
                fallback=move || {
                    view! {
                        <form method="post" action=ResetPassword::url() on:submit=on_submit novalidate>
                            <FormAlert problem=general />
                            <TextField form name="password" label=t.common.new_password_label value=password error=form.error("password", check("password")) kind="password" hint=t.common.password_hint autocomplete="new-password" />
                            <TextField form name="password_confirm" label=t.common.confirm_password_label value=confirm error=form.error("password_confirm", check("password_confirm")) kind="password" autocomplete="new-password" />
                            <SubmitButton label=t.auth.reset_button pending=action.pending() />
                        </form>
                        <p class="switch"><a href="/lupa-password">{t.auth.forgot_link}</a></p>
                    }
                }
            >
                <div class="alert alert-success" role="status">{t.auth.reset_done}</div>
                <a href="/login" class="btn btn-primary">{t.auth.login_link}</a>
            </Show>
        </AuthCard>
    }
}
