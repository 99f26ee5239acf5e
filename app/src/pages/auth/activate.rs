//! The page the activation link opens (manual Gambar 6).

use crate::components::form::encode_query;
use crate::components::form::LoadError;
use crate::components::layout::AuthCard;
use crate::i18n::use_texts;
use crate::server_fns::auth::activate;
use domain::account::ActivationOut;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn ActivatePage() -> impl IntoView {
    let t = use_texts();
    let query = use_query_map();
    let outcome = Resource::new(move || query.read().get("token").unwrap_or_default(), activate);
    let body = move || {
        outcome.get().map(|r| match r {
            Ok(ActivationOut::Activated) => view! {
                <div class="result result-ok" role="status">
                    <div class="result-icon" aria-hidden="true">"✓"</div>
                    <h2>{t.auth.activated_title}</h2>
                    <p>{t.auth.activated_body}</p>
                    <a href="/login" class="btn btn-primary">{t.auth.ok}</a>
                </div>
            }
            .into_any(),
            Ok(ActivationOut::AlreadyActive) => view! {
                <div class="result" role="status">
                    <p>{t.auth.already_active}</p>
                    <a href="/login" class="btn btn-primary">{t.auth.login_link}</a>
                </div>
            }
            .into_any(),
            Ok(ActivationOut::Expired { email }) => view! {
                <div class="result result-warn" role="alert">
                    <p>{t.auth.link_expired}</p>
                    <a href=format!("/verifikasi-email?email={}", encode_query(&email)) class="btn btn-primary">{t.auth.request_new_link}</a>
                </div>
            }
            .into_any(),
            Ok(ActivationOut::Invalid) => view! {
                <div class="result result-warn" role="alert">
                    <p>{t.auth.link_invalid}</p>
                    <a href="/verifikasi-email" class="btn btn-primary">{t.auth.request_new_link}</a>
                </div>
            }
            .into_any(),
            Err(e) => view! {
                <LoadError e />
            }
            .into_any(),
        })
    };
    view! {
        <AuthCard title=t.auth.activation_title>
            <Suspense fallback=move || view! { <p class="muted">{t.common.loading}</p> }>{body}</Suspense>
        </AuthCard>
    }
}
