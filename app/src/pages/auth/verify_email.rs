//! "Verifikasi Email" (manual Gambar 4): where the link went, and "Kirim
//! Ulang" behind a live countdown that the server enforces too.

use crate::components::form::{encode_query, general_problem, FormAlert, FormState, SubmitButton, TextField};
use crate::components::layout::AuthCard;
use crate::error::AppError;
use crate::i18n::use_texts;
use crate::server_fns::auth::{resend_wait, ResendActivation};
use domain::account::{normalize_email, RESEND_COOLDOWN_SECS};
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::{use_navigate, use_query_map};
use std::time::Duration;

#[component]
pub fn VerifyEmailPage() -> impl IntoView {
    let query = use_query_map();
    let email = move || query.read().get("email").unwrap_or_default();
    view! {
        {move || {
            let e = email();
            if e.is_empty() { view! { <AskEmail /> }.into_any() } else { view! { <Countdown email=e /> }.into_any() }
        }}
    }
}

/// Seconds since hydration, ticking once a second (the browser only).
fn use_ticks() -> RwSignal<u64> {
    let ticks = RwSignal::new(0u64);
    Effect::new(move |_| {
        if let Ok(handle) = set_interval_with_handle(move || ticks.update(|t| *t += 1), Duration::from_secs(1)) {
            on_cleanup(move || handle.clear());
        }
    });
    ticks
}

#[component]
fn Countdown(email: String) -> impl IntoView {
    let t = use_texts();
    let wait = Resource::new(
        {
            let email = email.clone();
            move || email.clone()
        },
        resend_wait,
    );
    let ticks = use_ticks();
    // After a resend the server's new answer replaces the first one.
    let restarted = RwSignal::new(None::<(u64, u64)>);
    let remaining = move || {
        let now = ticks.get();
        match restarted.get() {
            Some((secs, at)) => secs.saturating_sub(now - at),
            None => wait.get().and_then(Result::ok).unwrap_or(0).saturating_sub(now),
        }
    };
    let action = ServerAction::<ResendActivation>::new();
    let sent = RwSignal::new(false);
    Effect::new(move |_| {
        let Some(result) = action.value().get() else { return };
        let now = ticks.get_untracked();
        match result {
            Ok(()) => {
                sent.set(true);
                restarted.set(Some((RESEND_COOLDOWN_SECS, now)));
            }
            Err(AppError::TooSoon { secs, .. }) => restarted.set(Some((secs, now))),
            Err(_) => {}
        }
    });
    let general = Signal::derive(move || {
        action
            .value()
            .get()
            .and_then(|r| r.err())
            .filter(|e| !matches!(e, AppError::TooSoon { .. }))
            .and_then(|e| e.general())
    });
    let shown = email.clone();
    view! {
        <AuthCard title=t.auth.verify_title>
            <p>{t.auth.verify_sent_to}" "<strong class="email">{shown}</strong>". "{t.auth.verify_click}</p>
            <FormAlert problem=general />
            {move || sent.get().then(|| view! { <div class="alert alert-success" role="status">{t.auth.resent_ok}</div> })}
            <Suspense fallback=move || view! { <p class="muted">{t.common.loading}</p> }>
                {
                    let email = email.clone();
                    move || {
                        let email = email.clone();
                        wait.get().map(|_| {
                            let blocked = move || remaining() > 0 || action.pending().get();
                            view! {
                                <div class="resend">
                                    <button
                                        type="button"
                                        class="btn btn-primary"
                                        disabled=blocked
                                        on:click=move |_| {
                                            action.dispatch(ResendActivation { email: email.clone() });
                                        }
                                    >
                                        {t.auth.resend_button}
                                    </button>
                                    <p class="countdown" aria-live="polite">
                                        {move || {
                                            let r = remaining();
                                            (r > 0).then(|| t.wait(r))
                                        }}
                                    </p>
                                </div>
                            }
                        })
                    }
                }
            </Suspense>
            <p class="switch"><a href="/login">{t.common.back_to_login}</a></p>
        </AuthCard>
    }
}

/// Without an address in the link: ask for it, then show the countdown.
#[component]
fn AskEmail() -> impl IntoView {
    let t = use_texts();
    let form = FormState::default();
    let email = RwSignal::new(String::new());
    let err = form.error("email", move || normalize_email(&email.get()).err());
    let action = ServerAction::<ResendActivation>::new();
    let navigate = use_navigate();
    Effect::new(move |_| {
        let Some(result) = action.value().get() else { return };
        form.answer(&result);
        if result.is_ok() || matches!(result, Err(AppError::TooSoon { .. })) {
            navigate(&format!("/verifikasi-email?email={}", encode_query(&email.get_untracked())), Default::default());
        }
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if form.submit(normalize_email(&email.get_untracked()).is_ok()) {
            action.dispatch(ResendActivation { email: email.get_untracked() });
        }
    };
    let general = general_problem(action.value());
    view! {
        <AuthCard title=t.auth.verify_title>
            <p>{t.auth.verify_enter_email}</p>
            <form method="post" action=ResendActivation::url() on:submit=on_submit novalidate>
                <FormAlert problem=general />
                <TextField form name="email" label=t.common.email_label value=email error=err kind="email" autocomplete="email" />
                <SubmitButton label=t.auth.resend_button pending=action.pending() />
            </form>
            <p class="switch"><a href="/login">{t.common.back_to_login}</a></p>
        </AuthCard>
    }
}
