//! What the page knows before any request: language and brand. The server
//! reads them from the cookie and configuration and writes them into the
//! HTML (`<html lang>`, `<meta name="application-name">`); the browser reads
//! them back from there, so hydration sees the same values.

use domain::Lang;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteInfo {
    pub lang: Lang,
    pub brand: String,
}

#[cfg(feature = "ssr")]
pub fn current() -> SiteInfo {
    let brand = leptos::prelude::use_context::<backend::AppState>().map(|s| s.config.brand.clone()).unwrap_or_default();
    SiteInfo { lang: crate::ssr::request_lang(), brand }
}

#[cfg(not(feature = "ssr"))]
pub fn current() -> SiteInfo {
    let root = leptos::prelude::document().document_element();
    let lang = root.and_then(|r| r.get_attribute("lang")).map(|l| Lang::from_code(&l)).unwrap_or_default();
    let brand = leptos::prelude::document()
        .query_selector("meta[name=application-name]")
        .ok()
        .flatten()
        .and_then(|m| m.get_attribute("content"))
        .unwrap_or_default();
    SiteInfo { lang, brand }
}
