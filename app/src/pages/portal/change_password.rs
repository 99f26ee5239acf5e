//! "Ubah Password" from the user menu.

use crate::components::form::{general_problem, FormAlert, FormState, SubmitButton, TextField};
use crate::components::frame::PartnerPage;
use crate::i18n::use_texts;
use crate::server_fns::account::ChangePassword;
use domain::account::{check_new_password, check_required};
use domain::problem::problem_for;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

#[component]
pub fn ChangePasswordPage() -> impl IntoView {
    view! { <PartnerPage render=|_| view! { <ChangePasswordForm /> } /> }
}

#[component]
fn ChangePasswordForm() -> impl IntoView {
    let t = use_texts();
    let form = FormState::default();
    let [current, password, confirm] = std::array::from_fn(|_| RwSignal::new(String::new()));
    let check = move |field| move || problem_for(&check_new_password(&password.get(), &confirm.get()), field);
    let action = ServerAction::<ChangePassword>::new();
    Effect::new(move |_| {
        let Some(result) = action.value().get() else { return };
        form.answer(&result);
        // Passwords are never kept in the form after an answer.
        for s in [current, password, confirm] {
            s.set(String::new());
        }
    });
    let done = move || matches!(action.value().get(), Some(Ok(())));
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (c, pw, pc) = (current.get_untracked(), password.get_untracked(), confirm.get_untracked());
        if form.submit(!c.is_empty() && check_new_password(&pw, &pc).is_empty()) {
            action.dispatch(ChangePassword { current_password: c, password: pw, password_confirm: pc });
        }
    };
    let general = general_problem(action.value());
    view! {
        <h1 class="page-title">{t.portal.change_password_title}</h1>
        <form class="panel narrow" method="post" action=ChangePassword::url() on:submit=on_submit novalidate>
            <FormAlert problem=general />
            {move || done().then(|| view! { <div class="alert alert-success" role="status">{t.portal.change_done}</div> })}
            <TextField form name="current_password" label=t.portal.current_password_label value=current error=form.error("current_password", move || check_required(&current.get(), 128).err()) kind="password" autocomplete="current-password" />
            <TextField form name="password" label=t.common.new_password_label value=password error=form.error("password", check("password")) kind="password" hint=t.common.password_hint autocomplete="new-password" />
            <TextField form name="password_confirm" label=t.common.confirm_password_label value=confirm error=form.error("password_confirm", check("password_confirm")) kind="password" autocomplete="new-password" />
            <SubmitButton label=t.common.save pending=action.pending() />
        </form>
    }
}
