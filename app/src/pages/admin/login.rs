//! The staff login at `/admin`.

use crate::components::form::{general_problem, FormAlert, FormState, SubmitButton, TextField};
use crate::components::layout::AuthCard;
use crate::i18n::use_texts;
use crate::server_fns::staff::StaffLogin;
use domain::account::{check_required, normalize_email};
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
    let navigate = use_navigate();
    Effect::new(move |_| {
        let Some(result) = action.value().get() else { return };
        form.answer(&result);
        match result {
            Ok(()) => navigate("/admin/beranda", Default::default()),
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
        <AuthCard title=t.admin_login_title>
            <form method="post" action=StaffLogin::url() on:submit=on_submit novalidate>
                <FormAlert problem=general />
                <TextField form name="email" label=t.email_label value=email error=email_err kind="email" autocomplete="username" />
                <TextField form name="password" label=t.password_label value=password error=password_err kind="password" autocomplete="current-password" />
                <SubmitButton label=t.login_button pending=action.pending() />
            </form>
        </AuthCard>
    }
}
