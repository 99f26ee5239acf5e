//! "Lupa Password": the same answer whether or not the address is known.

use crate::components::form::{general_problem, FormAlert, FormState, SubmitButton, TextField};
use crate::components::layout::AuthCard;
use crate::i18n::use_texts;
use crate::server_fns::auth::ForgotPassword;
use domain::account::normalize_email;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let t = use_texts();
    let form = FormState::default();
    let email = RwSignal::new(String::new());
    let err = form.error("email", move || normalize_email(&email.get()).err());
    let action = ServerAction::<ForgotPassword>::new();
    form.follow(action.value());
    let done = move || matches!(action.value().get(), Some(Ok(())));
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if form.submit(normalize_email(&email.get_untracked()).is_ok()) {
            action.dispatch(ForgotPassword { email: email.get_untracked() });
        }
    };
    let general = general_problem(action.value());
    view! {
        <AuthCard title=t.auth.forgot_title>
            <Show
                when=done
                fallback=move || {
                    view! {
                        <p>{t.auth.forgot_body}</p>
                        <form method="post" action=ForgotPassword::url() on:submit=on_submit novalidate>
                            <FormAlert problem=general />
                            <TextField form name="email" label=t.common.email_label value=email error=err kind="email" autocomplete="email" />
                            <SubmitButton label=t.auth.forgot_button pending=action.pending() />
                        </form>
                    }
                }
            >
                <div class="alert alert-success" role="status">{t.auth.forgot_done}</div>
            </Show>
            <p class="switch"><a href="/login">{t.common.back_to_login}</a></p>
        </AuthCard>
    }
}
