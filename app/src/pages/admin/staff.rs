//! "Manajemen Staf" (admins only): staff accounts, their roles, their
//! second factor, and deactivation.

use super::{role_text, StaffPage};
use crate::components::form::LoadError;
use crate::components::form::{general_problem, FormAlert, FormState, SubmitButton, TextField};
use crate::error::AppError;
use crate::i18n::use_texts;
use crate::server_fns::staff::{staff_list, StaffChange, StaffCreate};
use domain::account::{check_required, normalize_email};
use domain::problem::problem_for;
use domain::staff::{NewStaffIn, Role, StaffOut, StaffRowOut};
use leptos::prelude::*;

#[component]
pub fn StaffAdminPage() -> impl IntoView {
    let create = ServerAction::<StaffCreate>::new();
    let change = ServerAction::<StaffChange>::new();
    let rows = Resource::new(move || (create.version().get(), change.version().get()), |_| staff_list());
    view! { <StaffPage render=move |me: StaffOut| view! { <StaffAdmin me rows create change /> } /> }
}

#[component]
fn StaffAdmin(
    me: StaffOut,
    rows: Resource<Result<Vec<StaffRowOut>, AppError>>,
    create: ServerAction<StaffCreate>,
    change: ServerAction<StaffChange>,
) -> impl IntoView {
    let t = use_texts();
    let general = general_problem(change.value());
    view! {
        <h1 class="page-title">{t.admin_staff}</h1>
        <FormAlert problem=general />
        {move || rows.get().map(|r| match r {
            Ok(list) => view! { <StaffTable list me=me.id.clone() change /> }.into_any(),
            Err(e) => view! { <LoadError e /> }.into_any(),
        })}
        <NewStaffForm create />
    }
}

fn confirmed(message: &str) -> bool {
    window().confirm_with_message(message).unwrap_or(false)
}

#[component]
fn StaffTable(list: Vec<StaffRowOut>, me: String, change: ServerAction<StaffChange>) -> impl IntoView {
    let t = use_texts();
    let rows = list
        .into_iter()
        .map(|s| {
            let is_me = s.id == me;
            let (id1, id2, id3) = (s.id.clone(), s.id.clone(), s.id.clone());
            let select_id = format!("role-{}", s.id);
            let on_role = move |ev| {
                let role = event_target_value(&ev);
                change.dispatch(StaffChange { id: id1.clone(), what: "role".into(), role });
            };
            let active = s.active;
            let on_active = move |_| {
                if active && !confirmed(t.staff_confirm_deactivate) {
                    return;
                }
                let what = if active { "deactivate" } else { "activate" };
                change.dispatch(StaffChange { id: id2.clone(), what: what.into(), role: String::new() });
            };
            let on_reset = move |_| {
                if confirmed(t.staff_confirm_reset) {
                    change.dispatch(StaffChange { id: id3.clone(), what: "reset_totp".into(), role: String::new() });
                }
            };
            view! {
                <tr>
                    <td>{s.name.clone()}{is_me.then(|| view! { " "<span class="muted small">{t.staff_you}</span> })}</td>
                    <td>{s.email.clone()}</td>
                    <td>
                        <label class="sr-only" for=select_id.clone()>{t.col_role}</label>
                        <select id=select_id on:change=on_role disabled=is_me>
                            {Role::ALL.map(|r| view! { <option value=r.code() selected=r == s.role>{role_text(t, r)}</option> }).collect_view()}
                        </select>
                    </td>
                    <td>{if s.totp_enabled { t.totp_enabled } else { t.totp_disabled }}</td>
                    <td><span class=if active { "status status-ok" } else { "status status-bad" }>{if active { t.staff_active } else { t.staff_inactive }}</span></td>
                    <td class="actions">
                        {(!is_me).then(|| view! {
                            <button type="button" class="btn btn-light" on:click=on_active>{if active { t.staff_deactivate } else { t.staff_activate }}</button>
                            {s.totp_enabled.then(|| view! { <button type="button" class="btn btn-light" on:click=on_reset.clone()>{t.staff_reset_totp}</button> })}
                        })}
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap panel">
            <table class="table">
                <thead><tr>
                    <th>{t.name_label}</th><th>{t.email_label}</th><th>{t.col_role}</th>
                    <th>{t.col_second_factor}</th><th>{t.col_active}</th><th></th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

#[component]
fn NewStaffForm(create: ServerAction<StaffCreate>) -> impl IntoView {
    let t = use_texts();
    let form = FormState::default();
    let name = RwSignal::new(String::new());
    let email = RwSignal::new(String::new());
    let role = RwSignal::new(String::new());
    let name_err = form.error("name", move || check_required(&name.get(), 100).err());
    let email_err = form.error("email", move || normalize_email(&email.get()).err());
    let role_err =
        form.error("role", move || Role::from_code(&role.get()).is_none().then_some(domain::Problem::Required));
    let created = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        let Some(result) = create.value().get() else { return };
        form.answer(&result);
        if let Ok(pw) = result {
            created.set(Some(pw));
            name.set(String::new());
            email.set(String::new());
            role.set(String::new());
            form.reset();
        }
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let input = NewStaffIn { name: name.get_untracked(), email: email.get_untracked(), role: role.get_untracked() };
        if form.submit(input.problems().is_empty()) {
            created.set(None);
            create.dispatch(StaffCreate { input });
        }
    };
    let general = general_problem(create.value());
    let server_role_err = move || {
        create
            .value()
            .get()
            .and_then(Result::err)
            .and_then(|e| problem_for(e.field_errors(), "role"))
            .map(|p| t.problem(p))
    };
    view! {
        <section class="panel">
            <h2>{t.staff_add_title}</h2>
            {move || created.get().map(|pw| view! {
                <div class="alert alert-ok" role="status">{t.staff_created}" "<code data-testid="staff-password">{pw}</code></div>
            })}
            <form on:submit=on_submit novalidate>
                <FormAlert problem=general />
                <TextField form name="name" label=t.name_label value=name error=name_err />
                <TextField form name="email" label=t.email_label value=email error=email_err kind="email" />
                <div class="field" class:has-error=move || role_err.get().is_some()>
                    <label for="role">{t.col_role}<span class="req" aria-hidden="true">" *"</span></label>
                    <select id="role" name="role" prop:value=move || role.get() on:change=move |ev| { role.set(event_target_value(&ev)); form.touch("role"); }>
                        <option value="">{t.choose_role}</option>
                        {Role::ALL.map(|r| view! { <option value=r.code()>{role_text(t, r)}</option> }).collect_view()}
                    </select>
                    <p class="field-error" role="alert">{move || role_err.get().map(|p| t.problem(p)).or_else(server_role_err)}</p>
                </div>
                <SubmitButton label=t.staff_add_button pending=create.pending() />
            </form>
        </section>
    }
}
