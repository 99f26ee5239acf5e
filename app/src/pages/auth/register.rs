//! "Registrasi" (manual Gambar 2–3).

use crate::components::form::{encode_query, general_problem, FormAlert, FormState, SubmitButton, TextField};
use crate::components::layout::AuthCard;
use crate::i18n::use_texts;
use crate::server_fns::auth::Register;
use domain::account::RegisterIn;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_navigate;

#[component]
pub fn RegisterPage() -> impl IntoView {
    let t = use_texts();
    let form = FormState::default();
    let action = ServerAction::<Register>::new();
    let [name, company, email, website, phone, password] = std::array::from_fn(|_| RwSignal::new(String::new()));
    let input = move || RegisterIn {
        name: name.get(),
        company: company.get(),
        email: email.get(),
        website: website.get(),
        phone: phone.get(),
        password: password.get(),
    };
    let err = move |field: &'static str| form.error(field, move || input().field_problem(field));

    let navigate = use_navigate();
    Effect::new(move |_| {
        let Some(result) = action.value().get() else { return };
        form.answer(&result);
        match result {
            Ok(to) => navigate(&format!("/verifikasi-email?email={}", encode_query(&to)), Default::default()),
            Err(_) => password.set(String::new()),
        }
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let i = input();
        if form.submit(i.parse().is_ok()) {
            action.dispatch(Register {
                name: i.name,
                company: i.company,
                email: i.email,
                website: i.website,
                phone: i.phone,
                password: i.password,
            });
        }
    };
    let general = general_problem(action.value());

    view! {
        <AuthCard title=t.auth.register_title>
            <form method="post" action=Register::url() on:submit=on_submit novalidate>
                <FormAlert problem=general />
                <TextField form name="name" label=t.common.name_label value=name error=err("name") autocomplete="name" />
                <TextField form name="company" label=t.auth.company_label value=company error=err("company") autocomplete="organization" />
                <TextField form name="email" label=t.common.email_label value=email error=err("email") kind="email" autocomplete="email" />
                <div class="field-row">
                    <TextField form name="website" label=t.auth.website_label value=website error=err("website") required=false hint=t.auth.website_hint autocomplete="url" />
                    <TextField form name="phone" label=t.common.phone_label value=phone error=err("phone") kind="tel" hint=t.auth.phone_hint autocomplete="tel" />
                </div>
                <TextField form name="password" label=t.common.password_label value=password error=err("password") kind="password" hint=t.common.password_hint autocomplete="new-password" />
                <p class="muted small">{t.auth.required_note}</p>
                <SubmitButton label=t.auth.register_button pending=action.pending() />
                <p class="switch">{t.auth.have_account}" "<a href="/login">{t.auth.login_link}</a></p>
            </form>
        </AuthCard>
    }
}
