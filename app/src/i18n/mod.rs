//! Every word the UI shows, in Indonesian and English, by area: one file
//! per area, each text written once with both languages side by side
//! (`key: "Indonesian" | "English"`), so a language cannot be forgotten —
//! the `texts!` macro does not compile without both. Sentences that carry
//! values are methods with arguments (`t.page_of(..)`), and enum values have
//! their text methods here (`t.profile_status(s)`). Components read a
//! `&'static Texts` through `use_texts`; nothing is hard-coded in them.

/// One area's texts: a struct with a field per key and its two languages.
/// Only the server has the languages (`ID`, `EN`); the browser reads the
/// page's language back from the page (`use_texts`), in key order.
///
/// `repr(C)` and nothing but `&'static str` fields: an area is laid out as
/// an array of its texts, which is how the browser reads it back
/// (`Texts::from_list`).
macro_rules! texts {
    ($name:ident { $($key:ident: $id:literal | $en:literal,)* }) => {
        #[repr(C)]
        pub struct $name {
            $(pub $key: &'static str,)*
        }
        #[cfg(feature = "ssr")]
        impl $name {
            pub const ID: $name = $name { $($key: $id,)* };
            pub const EN: $name = $name { $($key: $en,)* };
            #[cfg(test)]
            pub const KEYS: &'static [&'static str] = &[$(stringify!($key),)*];
            #[cfg(test)]
            pub fn values(&self) -> Vec<&'static str> {
                vec![$(self.$key,)*]
            }
            /// Every text, in key order.
            pub(super) fn push_all(&self, out: &mut Vec<&'static str>) {
                $(out.push(self.$key);)*
            }
        }
    };
}

mod auth;
mod billers;
mod common;
mod docs;
mod enums;
mod finance;
mod integration;
mod moderation;
mod portal;
mod problems;
mod profile;
mod reports;
mod sentences;
mod staff;
mod team;
mod topup;

use domain::Lang;
use leptos::prelude::*;

macro_rules! texts_struct {
    ($($area:ident: $ty:path),*) => {
        /// Every area's texts in one language. `repr(C)` of `repr(C)`
        /// areas: an array of `&'static str` as long as all areas together.
        #[repr(C)]
        pub struct Areas {
            $(pub $area: $ty,)*
        }

        #[cfg(feature = "ssr")]
        impl Areas {
            const ID: Areas = Areas { $($area: <$ty>::ID,)* };
            const EN: Areas = Areas { $($area: <$ty>::EN,)* };

            fn push_all(&self, out: &mut Vec<&'static str>) {
                $(self.$area.push_all(out);)*
            }
        }

        #[cfg(all(feature = "ssr", test))]
        impl Texts {
            /// Every text's path as the code names it (`auth.login_title`).
            fn key_paths() -> Vec<String> {
                let mut out = Vec::new();
                $(out.extend(<$ty>::KEYS.iter().map(|k| format!("{}.{k}", stringify!($area))));)*
                out
            }
        }
    };
}

// Every area, in order.
texts_struct! {
    common: common::Common,
    auth: auth::Auth,
    portal: portal::Portal,
    profile: profile::Profile,
    moderation: moderation::Moderation,
    staff: staff::Staff,
    finance: finance::Finance,
    integration: integration::Integration,
    team: team::Team,
    billers: billers::Billers,
    topup: topup::Topup,
    topup_finance: topup::TopupFinance,
    reports: reports::Reports,
    docs: docs::Docs,
    problems: problems::Problems
}

/// The texts of one language: `t.common.save` reads through to its areas.
pub struct Texts {
    pub lang: Lang,
    areas: &'static Areas,
}

impl std::ops::Deref for Texts {
    type Target = Areas;

    fn deref(&self) -> &Areas {
        self.areas
    }
}

#[cfg(feature = "ssr")]
pub static ID: Texts = Texts { lang: Lang::Id, areas: &Areas::ID };

#[cfg(feature = "ssr")]
pub static EN: Texts = Texts { lang: Lang::En, areas: &Areas::EN };

/// How many texts a language has: `Areas` is an array of them.
#[cfg(any(test, not(feature = "ssr")))]
const COUNT: usize = std::mem::size_of::<Areas>() / std::mem::size_of::<&str>();

// What `from_list` relies on: no padding, and a text's alignment.
const _: () = assert!(std::mem::size_of::<Areas>().is_multiple_of(std::mem::size_of::<&str>()));
const _: () = assert!(std::mem::align_of::<Areas>() == std::mem::align_of::<&str>());

impl Texts {
    #[cfg(feature = "ssr")]
    pub fn of(lang: Lang) -> &'static Texts {
        match lang {
            Lang::Id => &ID,
            Lang::En => &EN,
        }
    }

    /// The language's code, then every text in order: what the page
    /// carries to the browser (`page_texts`).
    #[cfg(feature = "ssr")]
    pub fn to_list(&self) -> Vec<&'static str> {
        let mut out = vec![self.lang.code()];
        self.areas.push_all(&mut out);
        out
    }

    /// What `to_list` wrote; `None` when it does not fit (a page of
    /// another build). One copy, no code a text (issue 17: reading each
    /// field back was 10 KB of the bundle).
    #[cfg(any(test, not(feature = "ssr")))]
    #[allow(unsafe_code)] // the one cast below, the workspace denies it elsewhere
    fn from_list(list: &[&'static str]) -> Option<Texts> {
        let (lang, texts) = list.split_first()?;
        if texts.len() != COUNT {
            return None;
        }
        let texts: &'static [&'static str] = Vec::leak(texts.to_vec());
        // SAFETY: `Areas` is `repr(C)` of `repr(C)` structs whose fields
        // are all `&'static str` (the two macros above make nothing else),
        // so it is laid out as `[&'static str; COUNT]`: same size (checked
        // through COUNT), same alignment (asserted above), no padding.
        // `texts` holds COUNT valid `&'static str` and is never freed.
        let areas = unsafe { &*texts.as_ptr().cast::<Areas>() };
        Some(Texts { lang: Lang::from_code(lang), areas })
    }

    /// Every text empty: what a page of another build shows until it is
    /// reloaded.
    #[cfg(any(test, not(feature = "ssr")))]
    fn blank() -> Texts {
        let mut list = vec![""; COUNT + 1];
        list[0] = Lang::Id.code();
        Texts::from_list(&list).unwrap_or_else(|| unreachable!("COUNT texts fit"))
    }

    /// Picks this page's language of an (Indonesian, English) pair.
    pub fn pick(&self, (id, en): (&'static str, &'static str)) -> &'static str {
        match self.lang {
            Lang::Id => id,
            Lang::En => en,
        }
    }
}

/// The texts of the page's language.
#[cfg(feature = "ssr")]
pub fn use_texts() -> &'static Texts {
    use_context::<&'static Texts>().unwrap_or(&ID)
}

/// The texts of the page's language, read once from the page: the browser
/// bundle carries no texts (issue 17: both languages were 22 KB gzip of
/// every page's wasm; one in the page is 10 KB, and the page is sent
/// compressed).
#[cfg(not(feature = "ssr"))]
pub fn use_texts() -> &'static Texts {
    static PAGE: std::sync::OnceLock<&'static Texts> = std::sync::OnceLock::new();
    PAGE.get_or_init(|| {
        let json = document().get_element_by_id(PAGE_TEXTS_ID).and_then(|e| e.text_content()).unwrap_or_default();
        let list: Vec<String> = serde_json::from_str(&json).unwrap_or_default();
        // Once per page load: they live as long as the page.
        let list: Vec<&'static str> = list.into_iter().map(|s| &*String::leak(s)).collect();
        let texts = Texts::from_list(&list).unwrap_or_else(|| {
            leptos::logging::error!("the page's texts do not fit this build: reload");
            Texts::blank()
        });
        &*Box::leak(Box::new(texts))
    })
}

/// The id of the `<script type="application/json">` that carries the
/// page's texts (`page_texts`).
pub const PAGE_TEXTS_ID: &str = "page-texts";

/// The page's texts as the page carries them: a JSON list, `<` escaped so
/// no text can end the script element.
#[cfg(feature = "ssr")]
pub fn page_texts(lang: Lang) -> String {
    let json = serde_json::to_string(&Texts::of(lang).to_list()).unwrap_or_else(|_| "[]".into());
    json.replace('<', "\\u003c")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn sources(dir: &Path, out: &mut String) {
        for entry in std::fs::read_dir(dir).expect("src readable").flatten() {
            let path = entry.path();
            if path.is_dir() {
                sources(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push_str(&std::fs::read_to_string(&path).expect("source readable"));
            }
        }
    }

    /// A text nobody shows is a text nobody keeps up to date.
    #[test]
    fn every_text_is_used_somewhere() {
        let mut code = String::new();
        sources(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut code);
        let unused: Vec<String> =
            Texts::key_paths().into_iter().filter(|path| !code.contains(&format!(".{path}"))).collect();
        assert!(unused.is_empty(), "texts never shown: {unused:?}");
    }

    /// What the page carries is what the browser reads back: every text
    /// of the page's language in its place, nothing that ends the script.
    #[test]
    fn the_page_carries_its_languages_texts_to_the_browser() {
        for t in [&ID, &EN] {
            let json = page_texts(t.lang);
            assert!(!json.contains('<'), "{json}");
            let list: Vec<String> = serde_json::from_str(&json).expect("a JSON list");
            let list: Vec<&'static str> = list.into_iter().map(|s| &*String::leak(s)).collect();
            let back = Texts::from_list(&list).expect("fits");
            assert_eq!(back.lang, t.lang);
            assert_eq!(back.to_list(), t.to_list());
        }
        assert_eq!(ID.to_list()[1..4], ID.common.values()[..3]);
        let list = ID.to_list();
        assert!(Texts::from_list(&list[1..]).is_none(), "another build's list does not fit");
        let long: Vec<&'static str> = list.iter().copied().chain(["more"]).collect();
        assert!(Texts::from_list(&long).is_none(), "another build's list does not fit");
        let blank = Texts::blank().to_list();
        assert_eq!(blank.len(), list.len());
        assert!(blank[1..].iter().all(|t| t.is_empty()), "a page of another build shows no stray text");
    }

    /// Both languages exist by construction; neither may be left blank.
    #[test]
    fn no_text_is_blank_in_either_language() {
        for t in [&ID, &EN] {
            // The language's code first, then every text.
            let values = &t.to_list()[1..];
            assert!(values.iter().all(|v| !v.trim().is_empty()), "{:?}", t.lang);
        }
    }
}
