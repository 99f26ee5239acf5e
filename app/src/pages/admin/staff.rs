//! "Manajemen Staf" (admins only): staff accounts, their roles, their
//! second factor, and deactivation.

use crate::components::dialog::ConfirmButton;
use crate::components::form::{general_problem, FormAlert, FormState, SubmitButton, TextField};
use crate::components::frame::StaffPage;
use crate::components::list::{use_list_query, Column, DataTable, Loaded};
use crate::components::status::{Chip, Tone};
use crate::i18n::use_texts;
use crate::server_fns::staff::{staff_list, StaffChange, StaffCreate};
use domain::account::{check_required, normalize_email};
use domain::problem::problem_for;
use domain::staff::{NewStaffIn, Role, StaffOut, StaffRowOut};
use domain::{ListQuery, Page, StaffId};
use leptos::prelude::*;

#[component]
pub fn StaffAdminPage() -> impl IntoView {
    let t = use_texts();
    let list = use_list_query();
    let create = ServerAction::<StaffCreate>::new();
    let change = ServerAction::<StaffChange>::new();
    let rows = Resource::new(move || (create.version().get(), change.version().get()), |_| staff_list());
    view! {
        <StaffPage render=move |me: StaffOut| {
            let general = general_problem(change.value());
            view! {
                <h1 class="page-title">{t.common.admin_staff}</h1>
                <FormAlert problem=general />
                <Loaded resource=rows children=move |all| {
                    let page = list.get().apply(all, |s| format!("{} {}", s.name, s.email), sort_key);
                    view! { <StaffTable page list=list.get() me=me.id change /> }
                } />
                <NewStaffForm create />
            }
        } />
    }
}

fn sort_key(s: &StaffRowOut, column: &str) -> Option<String> {
    match column {
        "name" => Some(s.name.to_lowercase()),
        "email" => Some(s.email.clone()),
        "role" => Some(s.role.code().to_owned()),
        _ => None,
    }
}

#[component]
fn StaffTable(
    page: Page<StaffRowOut>,
    list: ListQuery,
    me: StaffId,
    change: ServerAction<StaffChange>,
) -> impl IntoView {
    let t = use_texts();
    let columns = vec![
        Column::sortable(t.common.name_label, "name"),
        Column::sortable(t.common.email_label, "email"),
        Column::sortable(t.staff.col_role, "role"),
        Column::new(t.staff.col_second_factor),
        Column::new(t.staff.col_active),
        Column::new(t.common.col_actions),
    ];
    let row = move |s: StaffRowOut| {
        let is_me = s.id == me;
        let (id1, id2, id3) = (s.id, s.id, s.id);
        let select_id = format!("role-{}", s.id);
        let on_role = move |ev| {
            let role = event_target_value(&ev);
            change.dispatch(StaffChange { id: id1, what: "role".into(), role });
        };
        let active = s.active;
        let set_active = move |what: &str| {
            change.dispatch(StaffChange { id: id2, what: what.into(), role: String::new() });
        };
        let reset = move || {
            change.dispatch(StaffChange { id: id3, what: "reset_totp".into(), role: String::new() });
        };
        view! {
            <tr>
                <td>{s.name.clone()}{is_me.then(|| view! { " "<span class="muted small">{t.common.staff_you}</span> })}</td>
                <td>{s.email.clone()}</td>
                <td>
                    <label class="sr-only" for=select_id.clone()>{t.staff.col_role}</label>
                    <select id=select_id on:change=on_role disabled=is_me>
                        {Role::ALL.iter().map(|&r| view! { <option value=r.code() selected=r == s.role>{t.role(r)}</option> }).collect_view()}
                    </select>
                </td>
                <td>{if s.totp_enabled { t.staff.totp_enabled } else { t.staff.totp_disabled }}</td>
                <td><Chip tone=if active { Tone::Ok } else { Tone::Bad } text=if active { t.staff.staff_active } else { t.staff.staff_inactive } /></td>
                <td class="actions">
                    {(!is_me).then(|| view! {
                        {if active {
                            view! {
                                <ConfirmButton
                                    label=t.staff.staff_deactivate
                                    title=t.common.confirm_title
                                    message=t.staff.staff_confirm_deactivate
                                    on_yes=move || set_active("deactivate")
                                />
                            }.into_any()
                        } else {
                            view! {
                                <button type="button" class="btn btn-light" on:click=move |_| set_active("activate")>{t.staff.staff_activate}</button>
                            }.into_any()
                        }}
                        {s.totp_enabled.then(|| {
                            view! {
                                <ConfirmButton
                                    label=t.staff.staff_reset_totp
                                    title=t.common.confirm_title
                                    message=t.staff.staff_confirm_reset
                                    on_yes=move || reset()
                                />
                            }
                        })}
                    })}
                </td>
            </tr>
        }
    };
    view! {
        <DataTable caption=t.common.admin_staff path="/admin/staf" columns page query=list row />
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
    form.follow_then_clear(create.value(), move |pw| {
        created.set(Some(pw));
        name.set(String::new());
        email.set(String::new());
        role.set(String::new());
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
            <h2>{t.staff.staff_add_title}</h2>
            {move || created.get().map(|pw| view! {
                <div class="alert alert-ok" role="status">{t.staff.staff_created}" "<code data-testid="staff-password">{pw}</code></div>
            })}
            <form on:submit=on_submit novalidate>
                <FormAlert problem=general />
                <TextField form name="name" label=t.common.name_label value=name error=name_err />
                <TextField form name="email" label=t.common.email_label value=email error=email_err kind="email" />
                <div class="field" class:has-error=move || role_err.get().is_some()>
                    <label for="role">{t.staff.col_role}<span class="req" aria-hidden="true">" *"</span></label>
                    <select id="role" name="role" prop:value=move || role.get() on:change=move |ev| { role.set(event_target_value(&ev)); form.touch("role"); }>
                        <option value="">{t.staff.choose_role}</option>
                        {Role::ALL.iter().map(|&r| view! { <option value=r.code()>{t.role(r)}</option> }).collect_view()}
                    </select>
                    <p class="field-error" role="alert">{move || role_err.get().map(|p| t.problem(p)).or_else(server_role_err)}</p>
                </div>
                <SubmitButton label=t.staff.staff_add_button pending=create.pending() />
            </form>
        </section>
    }
}
