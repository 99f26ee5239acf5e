//! The frame of the signed-out pages: the sign-in card and the language switch.

use crate::components::form::encode_query;
use crate::i18n::use_texts;
use crate::site::SiteInfo;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

pub fn use_site() -> SiteInfo {
    use_context::<SiteInfo>().unwrap_or(SiteInfo { lang: Default::default(), brand: String::new() })
}

/// "English" / "Bahasa Indonesia": a plain link, so it works without wasm.
#[component]
pub fn LangSwitch() -> impl IntoView {
    let t = use_texts();
    let loc = use_location();
    let href = move || {
        let next = format!("{}{}", loc.pathname.get(), loc.search.get());
        format!("/bahasa/{}?next={}", t.lang.other().code(), encode_query(&next))
    };
    view! {
        <a class="lang-switch" href=href rel="external" hreflang=t.lang.other().code()>
            {t.common.switch_to}
        </a>
    }
}

/// The centred card of the login, registration and e-mail pages.
#[component]
pub fn AuthCard(title: &'static str, children: Children) -> impl IntoView {
    let site = use_site();
    view! {
        <div class="auth-page">
            <header class="auth-top">
                <span class="brand">{site.brand}</span>
                <LangSwitch />
            </header>
            <main class="auth-card">
                <h1>{title}</h1>
                {children()}
            </main>
        </div>
    }
}
