//! "Perangkat & Sesi" (Keamanan Akun): the user's second factor, the
//! owner's company-wide rule, and the sessions signed in with this account,
//! each of which can be ended.

use crate::components::dialog::ConfirmButton;
use crate::components::form::{general_problem, FormAlert, FormState, SubmitButton, TextField};
use crate::components::frame::PartnerPage;
use crate::components::list::{Column, Loaded, Table};
use crate::components::status::{Chip, Tone};
use crate::components::totp::{RecoveryCodes, TotpQr};
use crate::i18n::use_texts;
use crate::server_fns::security::{
    security_overview, PartnerTotpBegin, PartnerTotpConfirm, PartnerTotpDisable, PartnerTotpRequire, SessionEnd,
    SessionsEndOthers,
};
use domain::account::UserOut;
use domain::staff::clean_code;
use domain::team::{SecurityOut, SessionOut};
use leptos::prelude::*;

#[component]
pub fn DevicesPage() -> impl IntoView {
    let t = use_texts();
    let confirm = ServerAction::<PartnerTotpConfirm>::new();
    let disable = ServerAction::<PartnerTotpDisable>::new();
    let require = ServerAction::<PartnerTotpRequire>::new();
    let end = ServerAction::<SessionEnd>::new();
    let end_others = ServerAction::<SessionsEndOthers>::new();
    let data = Resource::new(
        move || {
            [confirm.version(), disable.version(), require.version(), end.version(), end_others.version()]
                .iter()
                .map(|v| v.get())
                .sum::<usize>()
        },
        |_| security_overview(),
    );
    view! {
        <PartnerPage render=move |_me: UserOut| view! {
            <h1 class="page-title">{t.team.security_title}</h1>
            <FormAlert problem=general_problem(end.value()) />
            <Loaded resource=data children=move |s: SecurityOut| view! {
                <TotpSection s=s.clone() confirm disable require />
                <SessionsSection sessions=s.sessions end end_others />
            } />
        } />
    }
}

#[component]
fn TotpSection(
    s: SecurityOut,
    confirm: ServerAction<PartnerTotpConfirm>,
    disable: ServerAction<PartnerTotpDisable>,
    require: ServerAction<PartnerTotpRequire>,
) -> impl IntoView {
    let t = use_texts();
    let begin = ServerAction::<PartnerTotpBegin>::new();
    let (tone, text) = if s.totp_enabled { (Tone::Ok, t.team.totp_on) } else { (Tone::None, t.team.totp_off) };
    let fresh_codes = move || confirm.value().get().and_then(Result::ok).filter(|c| !c.is_empty());
    view! {
        <section class="panel" aria-label=t.team.totp_section>
            <h2>{t.team.totp_section}</h2>
            <p><Chip tone text=if s.totp_enabled { t.staff.totp_enabled } else { t.staff.totp_disabled } />" "{text}</p>
            {s.required.then(|| view! { <p class="muted">{t.team.totp_required_note}</p> })}
            {s.totp_enabled.then(|| view! { <p class="muted">{t.team.recovery_left}" "{s.recovery_left}</p> })}
            {move || fresh_codes().map(|codes| view! { <RecoveryCodes codes /> })}
            {if s.totp_enabled {
                (!s.required).then(|| view! { <DisableForm disable /> }).into_any()
            } else {
                view! { <EnableFlow begin confirm /> }.into_any()
            }}
            {s.owner.then(|| {
                let on = s.required;
                view! {
                    <label class="check require-totp">
                        <input type="checkbox" prop:checked=on on:change=move |ev| { require.dispatch(PartnerTotpRequire { on: event_target_checked(&ev) }); } />
                        {t.team.require_label}
                    </label>
                }
            })}
        </section>
    }
}

#[component]
fn EnableFlow(begin: ServerAction<PartnerTotpBegin>, confirm: ServerAction<PartnerTotpConfirm>) -> impl IntoView {
    let t = use_texts();
    let form = FormState::default();
    let code = RwSignal::new(String::new());
    let code_err = form.error("code", move || clean_code(&code.get()).err());
    form.follow(confirm.value());
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if form.submit(clean_code(&code.get_untracked()).is_ok()) {
            confirm.dispatch(PartnerTotpConfirm { code: code.get_untracked() });
        }
    };
    view! {
        <FormAlert problem=general_problem(begin.value()) />
        {move || match begin.value().get().and_then(Result::ok) {
            Some(setup) => view! {
                <TotpQr setup intro=t.staff.totp_scan_body />
                <form on:submit=on_submit novalidate>
                    <FormAlert problem=general_problem(confirm.value()) />
                    <TextField form name="code" label=t.staff.totp_code_label value=code error=code_err autocomplete="one-time-code" />
                    <SubmitButton label=t.staff.totp_verify_button pending=confirm.pending() />
                </form>
            }.into_any(),
            None => view! {
                <button type="button" class="btn btn-primary" on:click=move |_| { begin.dispatch(PartnerTotpBegin {}); }>{t.team.totp_enable}</button>
            }.into_any(),
        }}
    }
}

#[component]
fn DisableForm(disable: ServerAction<PartnerTotpDisable>) -> impl IntoView {
    let t = use_texts();
    let form = FormState::default();
    let code = RwSignal::new(String::new());
    let code_err = form.error("disable_code", move || clean_code(&code.get()).err());
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if form.submit(clean_code(&code.get_untracked()).is_ok()) {
            disable.dispatch(PartnerTotpDisable { code: code.get_untracked() });
        }
    };
    view! {
        <form on:submit=on_submit novalidate>
            <FormAlert problem=general_problem(disable.value()) />
            <TextField form name="disable_code" label=t.staff.totp_code_label value=code error=code_err autocomplete="one-time-code" hint=t.team.totp_disable_hint />
            <SubmitButton label=t.team.totp_disable pending=disable.pending() />
        </form>
    }
}

#[component]
fn SessionsSection(
    sessions: Vec<SessionOut>,
    end: ServerAction<SessionEnd>,
    end_others: ServerAction<SessionsEndOthers>,
) -> impl IntoView {
    let t = use_texts();
    let others = sessions.iter().any(|s| !s.current);
    let columns = vec![
        Column::new(t.team.col_device),
        Column::new(t.team.col_ip),
        Column::new(t.team.col_since),
        Column::new(t.team.col_seen),
        Column::new(t.common.col_actions),
    ];
    view! {
        <h2>{t.team.sessions_section}</h2>
        <Table caption=t.team.sessions_section columns rows=sessions row=move |s: SessionOut| {
            let handle = s.handle.clone();
            view! {
                <tr>
                    <td>{s.device.clone()}{s.current.then(|| view! { " "<Chip tone=Tone::Ok text=t.team.this_session /> })}</td>
                    <td>{s.ip.clone()}</td>
                    <td>{format!("{} WIB", s.since)}</td>
                    <td>{format!("{} WIB", s.last_seen)}</td>
                    <td class="actions">
                        {(!s.current).then(|| view! {
                            <ConfirmButton label=t.team.end_session title=t.team.end_session message=t.team.end_confirm
                                aria_label=format!("{} {}", t.team.end_session, s.device)
                                on_yes=move || { end.dispatch(SessionEnd { handle: handle.clone() }); } />
                        })}
                    </td>
                </tr>
            }
        } />
        {others.then(|| view! {
            <p><ConfirmButton label=t.team.end_others title=t.team.end_others message=t.team.end_confirm
                on_yes=move || { end_others.dispatch(SessionsEndOthers {}); } /></p>
        })}
    }
}
