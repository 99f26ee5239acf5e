//! The partner page's account status: suspend (reason required, asked to
//! confirm) or reactivate, the history of both, and the partner's users
//! (read-only).

use crate::components::audit::{audit_columns, audit_row};
use crate::components::dialog::ConfirmButton;
use crate::components::form::{field_problem, general_problem, FormAlert};
use crate::components::list::Table;
use crate::components::status::{Chip, Tone};
use crate::components::team::{rights_summary, user_columns};
use crate::i18n::use_texts;
use crate::server_fns::team::{PartnerReactivate, PartnerSuspend};
use domain::moderation::{AuditOut, SuspensionOut};
use domain::team::StaffTeamRow;
use domain::UserId;
use leptos::prelude::*;

/// The two actions, made by the page so that its data reloads after them.
#[derive(Clone, Copy)]
pub struct SuspensionActions {
    pub suspend: ServerAction<PartnerSuspend>,
    pub reactivate: ServerAction<PartnerReactivate>,
}

impl SuspensionActions {
    pub fn new() -> Self {
        SuspensionActions { suspend: ServerAction::new(), reactivate: ServerAction::new() }
    }

    /// Changes whenever either action completes.
    pub fn version(&self) -> usize {
        self.suspend.version().get() + self.reactivate.version().get()
    }
}

#[component]
pub fn SuspensionPanel(
    user_id: UserId,
    state: Option<SuspensionOut>,
    timeline: Vec<AuditOut>,
    may_act: bool,
    actions: SuspensionActions,
) -> impl IntoView {
    let t = use_texts();
    let history: Vec<AuditOut> =
        timeline.into_iter().filter(|e| e.action == "partner.suspended" || e.action == "partner.reactivated").collect();
    let (tone, text) = match &state {
        Some(_) => (Tone::Bad, t.team.state_suspended),
        None => (Tone::Ok, t.team.state_active),
    };
    let suspended = state.is_some();
    view! {
        <section class="panel" aria-label=t.team.suspension_title>
            <h2>{t.team.suspension_title}" "<Chip tone text /></h2>
            {state.map(|s| view! {
                <p>{t.team.suspended_since}" "{format!("{} WIB", s.since)}</p>
                <p>{t.team.suspended_reason}" "{s.reason}</p>
            })}
            {may_act.then(|| if suspended {
                view! { <ReactivateForm user_id actions /> }.into_any()
            } else {
                view! { <SuspendForm user_id actions /> }.into_any()
            })}
            <h3>{t.team.history}</h3>
            <Table caption=t.team.history columns=audit_columns(t) rows=history empty=t.team.history_empty row=audit_row />
        </section>
    }
}

#[component]
fn SuspendForm(user_id: UserId, actions: SuspensionActions) -> impl IntoView {
    let t = use_texts();
    let reason = RwSignal::new(String::new());
    let suspend = actions.suspend;
    view! {
        <div class="field">
            <FormAlert problem=general_problem(suspend.value()) />
            <label for="suspend-reason">{t.team.suspend_reason}<span class="req" aria-hidden="true">" *"</span></label>
            <textarea id="suspend-reason" rows="2" prop:value=move || reason.get() on:input=move |ev| reason.set(event_target_value(&ev))></textarea>
            <p class="field-error" role="alert">{field_problem(suspend.value(), "reason")}</p>
            <ConfirmButton label=t.team.suspend class="btn btn-danger" title=t.team.suspend message=t.team.suspend_confirm
                on_yes=move || { suspend.dispatch(PartnerSuspend { user_id, reason: reason.get_untracked() }); } />
        </div>
    }
}

#[component]
fn ReactivateForm(user_id: UserId, actions: SuspensionActions) -> impl IntoView {
    let t = use_texts();
    let note = RwSignal::new(String::new());
    let reactivate = actions.reactivate;
    view! {
        <div class="field">
            <FormAlert problem=general_problem(reactivate.value()) />
            <label for="reactivate-note">{t.team.reactivate_note}</label>
            <textarea id="reactivate-note" rows="2" prop:value=move || note.get() on:input=move |ev| note.set(event_target_value(&ev))></textarea>
            <button type="button" class="btn btn-primary" on:click=move |_| { reactivate.dispatch(PartnerReactivate { user_id, note: note.get_untracked() }); }>{t.team.reactivate}</button>
        </div>
    }
}

/// The company's users as staff see them.
#[component]
pub fn PartnerUsers(rows: Vec<StaffTeamRow>) -> impl IntoView {
    let t = use_texts();
    let columns = user_columns(t);
    view! {
        <h2>{t.team.staff_users}</h2>
        <Table caption=t.team.staff_users columns rows row=move |u: StaffTeamRow| {
            let rights = rights_summary(t, u.owner, u.rights);
            let (tone, text) = if u.verified { (Tone::Ok, t.team.staff_verified) } else { (Tone::Pending, t.team.staff_unverified) };
            view! {
                <tr>
                    <td>{u.username}</td>
                    <td>{u.name}</td>
                    <td>{u.email}" "<Chip tone text /></td>
                    <td>{u.phone}</td>
                    <td>{rights}</td>
                    <td>{format!("{} WIB", u.created_at)}</td>
                </tr>
            }
        } />
    }
}
