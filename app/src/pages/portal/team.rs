//! "Manajemen User" (manual §11, Gambar 50–59): the company's users with
//! their access rights; "Tambah Data", "Edit" and "Hapus" behind the
//! manual's confirmation. The server decides who may do what; this page
//! only offers what the signed-in user may grant.

use crate::components::dialog::ConfirmButton;
use crate::components::form::{general_problem, FormAlert, FormState, SubmitButton, TextField};
use crate::components::frame::PartnerPage;
use crate::components::list::{use_list_query, Column, DataTable, Loaded};
use crate::components::notice::SuccessNotice;
use crate::components::team::{rights_summary, user_columns};
use crate::i18n::use_texts;
use crate::server_fns::team::{team_list, TeamAdd, TeamChange, TeamDelete};
use domain::account::UserOut;
use domain::rights::{Right, GROUPS};
use domain::team::{TeamOut, TeamUserIn, TeamUserOut};
use domain::{ListQuery, UserId};
use leptos::prelude::*;

/// What the form is doing: adding, or editing one user.
#[derive(Clone, PartialEq)]
enum Editing {
    Closed,
    Adding,
    User(TeamUserOut),
}

#[component]
pub fn TeamPage() -> impl IntoView {
    let t = use_texts();
    let list = use_list_query();
    let add = ServerAction::<TeamAdd>::new();
    let change = ServerAction::<TeamChange>::new();
    let delete = ServerAction::<TeamDelete>::new();
    let editing = RwSignal::new(Editing::Closed);
    let team = Resource::new(
        move || (list.get(), add.version().get(), change.version().get(), delete.version().get()),
        |(list, ..)| team_list(list),
    );
    close_after_success(add, editing);
    close_after_success(change, editing);
    let saved = Signal::derive(move || {
        editing.get() == Editing::Closed
            && (matches!(add.value().get(), Some(Ok(_))) || matches!(change.value().get(), Some(Ok(_))))
    });
    let deleted = Signal::derive(move || matches!(delete.value().get(), Some(Ok(_))));
    view! {
        <PartnerPage render=move |_me: UserOut| {
            view! {
                <h1 class="page-title">{t.team.title}</h1>
                <p class="muted">{t.team.intro}</p>
                <SuccessNotice show=saved message=t.team.saved />
                <SuccessNotice show=deleted message=t.team.deleted />
                <FormAlert problem=general_problem(delete.value()) />
                <Loaded resource=team children=move |out: TeamOut| {
                    view! {
                        {move || (editing.get() == Editing::Closed).then(|| view! {
                            <p><button type="button" class="btn btn-primary" on:click=move |_| editing.set(Editing::Adding)>{t.team.add}</button></p>
                        })}
                        <TeamForm out=out.clone() editing add change />
                        <TeamTable out list=list.get() editing delete />
                    }
                } />
            }
        } />
    }
}

/// Closes the form when `action` succeeds (not when it was opened after an
/// earlier success).
fn close_after_success<A>(action: ServerAction<A>, editing: RwSignal<Editing>)
where
    A: leptos::server_fn::ServerFn<Output = TeamUserOut, Error = crate::error::AppError>
        + Clone
        + Send
        + Sync
        + 'static,
    A::Output: Send + Sync,
{
    Effect::watch(
        move || action.version().get(),
        move |_, _, _| {
            if matches!(action.value().get_untracked(), Some(Ok(_))) {
                editing.set(Editing::Closed);
            }
        },
        false,
    );
}

#[component]
fn TeamTable(
    out: TeamOut,
    list: ListQuery,
    editing: RwSignal<Editing>,
    delete: ServerAction<TeamDelete>,
) -> impl IntoView {
    let t = use_texts();
    let mut columns = user_columns(t);
    columns.extend([Column::new(t.team.col_modified), Column::new(t.common.col_actions)]);
    let row = move |u: TeamUserOut| {
        let rights = rights_summary(t, u.owner, u.rights.len());
        let rights_title = u.rights.iter().map(|r| r.page_label()).collect::<Vec<_>>().join(", ");
        let id: UserId = u.id;
        let editable = !u.owner;
        let deletable = !u.owner && !u.me;
        let name = u.name.clone();
        let user = u.clone();
        view! {
            <tr>
                <td>{u.username.clone()}</td>
                <td>{u.name.clone()}</td>
                <td>{u.email.clone()}</td>
                <td>{u.phone.clone()}</td>
                <td title=rights_title>{rights}</td>
                <td>{format!("{} WIB", u.created_at)}</td>
                <td>{format!("{} WIB", u.updated_at)}</td>
                <td class="actions">
                    {editable.then(|| view! {
                        <button type="button" class="btn btn-light" aria-label=format!("{} {}", t.team.edit, name)
                            on:click=move |_| editing.set(Editing::User(user.clone()))>{t.team.edit}</button>
                    })}
                    {deletable.then(|| view! {
                        <ConfirmButton label=t.team.delete aria_label=format!("{} {}", t.team.delete, u.name)
                            on_yes=move || { delete.dispatch(TeamDelete { id }); } />
                    })}
                </td>
            </tr>
        }
    };
    view! {
        <DataTable caption=t.team.title path="/manajemen-user" columns page=out.users query=list row
            search_hint=t.team.search_hint empty=t.team.empty />
    }
}

/// The add and edit form with the "Akses Akun" matrix (Gambar 51/52, 56).
#[component]
fn TeamForm(
    out: TeamOut,
    editing: RwSignal<Editing>,
    add: ServerAction<TeamAdd>,
    change: ServerAction<TeamChange>,
) -> impl IntoView {
    let grantable = out.grantable.clone();
    let next_username = out.next_username.clone();
    move || {
        let current = editing.get();
        if current == Editing::Closed {
            return None;
        }
        let user = match &current {
            Editing::User(u) => Some(u.clone()),
            _ => None,
        };
        Some(
            view! { <TeamFormFields user grantable=grantable.clone() next_username=next_username.clone() editing add change /> },
        )
    }
}

#[component]
fn TeamFormFields(
    user: Option<TeamUserOut>,
    grantable: Vec<Right>,
    next_username: String,
    editing: RwSignal<Editing>,
    add: ServerAction<TeamAdd>,
    change: ServerAction<TeamChange>,
) -> impl IntoView {
    let t = use_texts();
    let form = FormState::default();
    let adding = user.is_none();
    let name = RwSignal::new(user.as_ref().map(|u| u.name.clone()).unwrap_or_default());
    let email = RwSignal::new(user.as_ref().map(|u| u.email.clone()).unwrap_or_default());
    let phone = RwSignal::new(user.as_ref().map(|u| u.phone.clone()).unwrap_or_default());
    let password = RwSignal::new(String::new());
    let confirm = RwSignal::new(String::new());
    let rights = RwSignal::new(user.as_ref().map(|u| u.rights.clone()).unwrap_or_default());
    let input = move || TeamUserIn {
        name: name.get(),
        email: email.get(),
        phone: phone.get(),
        password: password.get(),
        password_confirm: confirm.get(),
        rights: rights.get(),
    };
    let check = move |field: &'static str| move || input().field_problem(field);
    let name_err = form.error("name", check("name"));
    let email_err = form.error("email", check("email"));
    let phone_err = form.error("phone", check("phone"));
    let pw_err = form.error("password", move || {
        let i = input();
        i.parse(adding).err().and_then(|e| domain::problem_for(&e, "password"))
    });
    let confirm_err = form.error("password_confirm", move || {
        let i = input();
        i.parse(adding).err().and_then(|e| domain::problem_for(&e, "password_confirm"))
    });
    let close = move |_| editing.set(Editing::Closed);
    let id = user.as_ref().map(|u| u.id);
    // Field problems of this form's own action; closing after a success is
    // the page's (an earlier success must not close a form opened later).
    match id {
        Some(_) => form.follow(change.value()),
        None => form.follow(add.value()),
    }
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let i = input();
        if form.submit(i.parse(adding).is_ok()) {
            match id {
                Some(id) => {
                    change.dispatch(TeamChange { id, input: i });
                }
                None => {
                    add.dispatch(TeamAdd { input: i });
                }
            }
        }
    };
    let general = Signal::derive(move || match id {
        Some(_) => general_problem(change.value()).get(),
        None => general_problem(add.value()).get(),
    });
    let pending = Signal::derive(move || add.pending().get() || change.pending().get());
    let username = user.as_ref().map(|u| u.username.clone()).unwrap_or(next_username);
    let title = if adding { t.team.add_title } else { t.team.edit_title };
    let pw_hint = (!adding).then_some(t.team.password_edit_hint);
    view! {
        <section class="panel" aria-label=title>
            <h2>{title}</h2>
            <form on:submit=on_submit novalidate>
                <FormAlert problem=general />
                <div class="field">
                    <label for="username">{t.team.username}</label>
                    <input id="username" type="text" value=username readonly aria-describedby="username-hint" />
                    <p class="hint" id="username-hint">{t.team.username_hint}</p>
                </div>
                <TextField form name="name" label=t.common.name_label value=name error=name_err />
                <TextField form name="email" label=t.common.email_label value=email error=email_err kind="email" />
                <TextField form name="phone" label=t.team.phone value=phone error=phone_err kind="tel" />
                <TextField form name="password" label=t.common.password_label value=password error=pw_err kind="password"
                    required=adding autocomplete="new-password" hint=pw_hint.unwrap_or(t.common.password_hint) />
                <TextField form name="password_confirm" label=t.common.confirm_password_label value=confirm error=confirm_err
                    kind="password" required=adding autocomplete="new-password" />
                <RightsMatrix rights grantable />
                <div class="form-actions">
                    <SubmitButton label=t.team.save pending />
                    <button type="button" class="btn btn-light" on:click=close>{t.team.cancel}</button>
                </div>
            </form>
        </section>
    }
}

/// The manual's checkbox matrix in its five groups; a right the signed-in
/// user lacks is shown but cannot be ticked.
#[component]
fn RightsMatrix(rights: RwSignal<Vec<Right>>, grantable: Vec<Right>) -> impl IntoView {
    let t = use_texts();
    let groups = GROUPS
        .iter()
        .map(|(group, members)| {
            let boxes = members
                .iter()
                .map(|&r| {
                    let id = format!("right-{}", r.code());
                    let allowed = grantable.contains(&r);
                    let toggle = move |ev: leptos::ev::Event| {
                        let on = event_target_checked(&ev);
                        rights.update(|rs| {
                            rs.retain(|x| *x != r);
                            if on {
                                rs.push(r);
                            }
                        });
                    };
                    view! {
                        <label class="check">
                            <input type="checkbox" id=id name="rights" value=r.code() disabled=!allowed
                                prop:checked=move || rights.with(|rs| rs.contains(&r)) on:change=toggle />
                            {r.page_label()}
                        </label>
                    }
                })
                .collect_view();
            view! {
                <fieldset class="rights-group">
                    <legend>{*group}</legend>
                    {boxes}
                </fieldset>
            }
        })
        .collect_view();
    view! {
        <fieldset class="rights">
            <legend>{t.team.rights}</legend>
            <p class="hint">{t.team.rights_hint}</p>
            <div class="rights-grid">{groups}</div>
        </fieldset>
    }
}
