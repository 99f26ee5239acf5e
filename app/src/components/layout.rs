//! Page frames: the card of the sign-in pages and the portal shell.

use crate::components::form::encode_query;
use crate::i18n::use_texts;
use crate::server_fns::auth::Logout;
use crate::site::SiteInfo;
use domain::account::UserOut;
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
            {t.switch_to}
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

/// The partner portal frame: header with brand and user menu, left menu.
/// Only entries whose features exist are listed.
#[component]
pub fn PortalShell(user: UserOut, children: Children) -> impl IntoView {
    let t = use_texts();
    let site = use_site();
    let logout = ServerAction::<Logout>::new();
    let path = use_location().pathname;
    let current = move |p: &'static str| move || (path.get() == p).then_some("page");
    view! {
        <div class="portal">
            <header class="topbar">
                <a href="/dashboard" class="brand">{site.brand}</a>
                <div class="topbar-right">
                    <LangSwitch />
                    <details class="user-menu">
                        <summary aria-label=t.user_menu>
                            <span class="avatar" aria-hidden="true">{user.name.chars().next().unwrap_or('?').to_string()}</span>
                            <span class="user-name">{user.name.clone()}</span>
                        </summary>
                        <div class="user-menu-items">
                            <a href="/profil">{t.menu_profile}</a>
                            <a href="/ubah-password">{t.menu_change_password}</a>
                            <ActionForm action=logout>
                                <button type="submit" class="linklike">{t.logout}</button>
                            </ActionForm>
                        </div>
                    </details>
                </div>
            </header>
            <div class="portal-body">
                <nav class="sidebar" aria-label=t.menu_label>
                    <a href="/dashboard" aria-current=current("/dashboard")>{t.menu_dashboard}</a>
                    <a href="/profil" aria-current=current("/profil")>{t.menu_profile}</a>
                    {(user.profile_status == domain::profile::ProfileStatus::Approved).then(|| view! {
                        <a href="/koneksi" aria-current=current("/koneksi")>{t.menu_connections}</a>
                        <a href="/integrasi/nomor-development" aria-current=current("/integrasi/nomor-development")>{t.menu_integration}</a>
                    })}
                </nav>
                <main class="content">{children()}<ContentReady /></main>
            </div>
        </div>
    }
}

/// Placed after a signed-in page's content: its Effect runs in the browser
/// once that content is hydrated (the page's Suspense hydrates after the
/// body), and marks the body `data-content-ready` — before it, a button
/// may not answer a click yet. People see nothing; tests wait for it.
#[component]
pub fn ContentReady() -> impl IntoView {
    Effect::new(move |_| {
        if let Some(body) = document().body() {
            let _ = body.set_attribute("data-content-ready", "1");
        }
    });
}
