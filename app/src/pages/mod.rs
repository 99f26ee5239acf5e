pub mod admin;
pub mod auth;
pub mod portal;
pub mod profile;
pub mod webreport;

use crate::i18n::use_texts;
use leptos::prelude::*;

#[component]
pub fn NotFound() -> impl IntoView {
    let t = use_texts();
    #[cfg(feature = "ssr")]
    {
        if let Some(resp) = use_context::<leptos_axum::ResponseOptions>() {
            resp.set_status(http::StatusCode::NOT_FOUND);
        }
    }
    view! {
        <main class="auth-page">
            <div class="auth-card">
                <h1>{t.common.not_found}</h1>
                <a href="/login" class="btn btn-primary">{t.common.back_to_login}</a>
            </div>
        </main>
    }
}
