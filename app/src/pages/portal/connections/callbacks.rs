//! On "Pengaturan Koneksi": the callback URL, the secret its requests are
//! signed with (documented), and the delivery log with "Kirim ulang".

use crate::components::form::{general_problem, FormAlert, FormState, SubmitButton, TextField};
use crate::components::list::{Column, Loaded, Table};
use crate::components::notice::SuccessNotice;
use crate::error::AppError;
use crate::i18n::use_texts;
use crate::server_fns::connections::{callback_settings, CallbackResend, CallbackSetUrl};
use domain::finance::{CallbackDeliveryOut, CallbackSettingsOut};
use leptos::prelude::*;

/// The callback URL, secret and deliveries; the page makes the resource
/// and actions beside its user check (see `new_callback_state`).
#[component]
pub fn CallbackSettings(
    save: ServerAction<CallbackSetUrl>,
    resend: ServerAction<CallbackResend>,
    data: Resource<Result<CallbackSettingsOut, AppError>>,
) -> impl IntoView {
    let t = use_texts();
    view! {
        <section class="panel" aria-label=t.portal.callback_title>
            <h2>{t.portal.callback_title}</h2>
            <Suspense fallback=move || view! { <p class="muted">{t.common.loading}</p> }>
                <Loaded resource=data children=move |s| view! { <CallbackBody s save resend /> } />
            </Suspense>
        </section>
    }
}

/// What the callback panel needs, made once at the top of the page: made
/// inside the page's Suspense, the server would render it twice and the
/// browser hydrate with other resource ids.
#[allow(clippy::type_complexity)]
pub fn new_callback_state(
) -> (ServerAction<CallbackSetUrl>, ServerAction<CallbackResend>, Resource<Result<CallbackSettingsOut, AppError>>) {
    let save = ServerAction::<CallbackSetUrl>::new();
    let resend = ServerAction::<CallbackResend>::new();
    let data = Resource::new(move || (save.version().get(), resend.version().get()), |_| callback_settings());
    (save, resend, data)
}

#[component]
fn CallbackBody(
    s: CallbackSettingsOut,
    save: ServerAction<CallbackSetUrl>,
    resend: ServerAction<CallbackResend>,
) -> impl IntoView {
    let t = use_texts();
    let form = FormState::default();
    let url = RwSignal::new(s.url.clone());
    let url_err = form.error("url", || None);
    Effect::new(move |_| {
        if let Some(r) = save.value().get() {
            form.answer(&r);
        }
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        form.submit(true);
        save.dispatch(CallbackSetUrl { url: url.get_untracked() });
    };
    let general = general_problem(save.value());
    // "Kirim ulang" pressed too often: said above the deliveries.
    let resend_problem = general_problem(resend.value());
    let columns = [t.common.col_time, "Payload", t.common.col_status, t.common.col_actions].map(Column::new).to_vec();
    let row = move |d: CallbackDeliveryOut| {
        let id = d.id;
        view! {
            <tr>
                <td>{d.created_at}</td>
                <td><code class="small">{d.payload}</code></td>
                <td>
                    {t.delivery_status(d.status)}" · "{d.attempts}"×"{d.last_status.map(|c| format!(" · HTTP {c}"))}
                    {d.last_error.as_deref().map(|class| view! { <br /><span class="muted small">{t.callback_failure(class)}</span> })}
                </td>
                <td><button type="button" class="btn btn-light" on:click=move |_| { resend.dispatch(CallbackResend { id }); }>{t.portal.resend_callback}</button></td>
            </tr>
        }
    };
    let saved = Signal::derive(move || matches!(save.value().get(), Some(Ok(_))));
    view! {
        <form on:submit=on_submit novalidate>
            <SuccessNotice show=saved />
            <FormAlert problem=general />
            <TextField form name="url" label=t.portal.callback_url_label value=url error=url_err kind="url" required=false hint=t.portal.callback_url_hint />
            <SubmitButton label=t.common.save pending=save.pending() />
        </form>
        <p class="muted small">{t.portal.callback_secret_label}": "<code data-testid="callback-secret">{s.secret.clone()}</code></p>
        <p class="muted small">{t.portal.callback_signature_doc}</p>
        <FormAlert problem=resend_problem />
        <Table caption=t.portal.callback_title columns rows=s.deliveries row empty=t.portal.callback_empty />
    }
}
