//! Every word the UI shows, in Indonesian and English, by area: one file
//! per area, each text written once with both languages side by side
//! (`key: "Indonesian" | "English"`), so a language cannot be forgotten —
//! the `texts!` macro does not compile without both. Sentences that carry
//! values are methods with arguments (`t.page_of(..)`), and enum values have
//! their text methods here (`t.profile_status(s)`). Components read a
//! `&'static Texts` from context (`use_texts`); nothing is hard-coded in them.

/// One area's texts: a struct with a field per key and its two languages.
macro_rules! texts {
    ($name:ident { $($key:ident: $id:literal | $en:literal,)* }) => {
        pub struct $name {
            $(pub $key: &'static str,)*
        }
        impl $name {
            pub const ID: $name = $name { $($key: $id,)* };
            pub const EN: $name = $name { $($key: $en,)* };
            #[cfg(test)]
            pub const KEYS: &'static [&'static str] = &[$(stringify!($key),)*];
            #[cfg(test)]
            pub fn values(&self) -> Vec<&'static str> {
                vec![$(self.$key,)*]
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

use domain::{Lang, Problem};
use leptos::prelude::*;

pub struct Texts {
    pub lang: Lang,
    pub common: common::Common,
    pub auth: auth::Auth,
    pub portal: portal::Portal,
    pub profile: profile::Profile,
    pub moderation: moderation::Moderation,
    pub staff: staff::Staff,
    pub finance: finance::Finance,
    pub integration: integration::Integration,
    pub team: team::Team,
    pub billers: billers::Billers,
    pub topup: topup::Topup,
    pub topup_finance: topup::TopupFinance,
    pub reports: reports::Reports,
    pub docs: docs::Docs,
}

pub static ID: Texts = Texts {
    lang: Lang::Id,
    common: common::Common::ID,
    auth: auth::Auth::ID,
    portal: portal::Portal::ID,
    profile: profile::Profile::ID,
    moderation: moderation::Moderation::ID,
    staff: staff::Staff::ID,
    finance: finance::Finance::ID,
    integration: integration::Integration::ID,
    team: team::Team::ID,
    billers: billers::Billers::ID,
    topup: topup::Topup::ID,
    topup_finance: topup::TopupFinance::ID,
    reports: reports::Reports::ID,
    docs: docs::Docs::ID,
};

pub static EN: Texts = Texts {
    lang: Lang::En,
    common: common::Common::EN,
    auth: auth::Auth::EN,
    portal: portal::Portal::EN,
    profile: profile::Profile::EN,
    moderation: moderation::Moderation::EN,
    staff: staff::Staff::EN,
    finance: finance::Finance::EN,
    integration: integration::Integration::EN,
    team: team::Team::EN,
    billers: billers::Billers::EN,
    topup: topup::Topup::EN,
    topup_finance: topup::TopupFinance::EN,
    reports: reports::Reports::EN,
    docs: docs::Docs::EN,
};

impl Texts {
    pub fn of(lang: Lang) -> &'static Texts {
        match lang {
            Lang::Id => &ID,
            Lang::En => &EN,
        }
    }

    /// Picks this page's language of an (Indonesian, English) pair.
    pub fn pick(&self, (id, en): (&'static str, &'static str)) -> &'static str {
        match self.lang {
            Lang::Id => id,
            Lang::En => en,
        }
    }

    /// The sentence shown for a problem code.
    pub fn problem(&self, p: Problem) -> &'static str {
        self.pick(problems::problem_text(p))
    }
}

/// The texts of the page's language.
pub fn use_texts() -> &'static Texts {
    use_context::<&'static Texts>().unwrap_or(&ID)
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
        let areas: [(&str, &[&str]); 14] = [
            ("common", common::Common::KEYS),
            ("auth", auth::Auth::KEYS),
            ("portal", portal::Portal::KEYS),
            ("profile", profile::Profile::KEYS),
            ("moderation", moderation::Moderation::KEYS),
            ("staff", staff::Staff::KEYS),
            ("finance", finance::Finance::KEYS),
            ("integration", integration::Integration::KEYS),
            ("team", team::Team::KEYS),
            ("billers", billers::Billers::KEYS),
            ("topup", topup::Topup::KEYS),
            ("topup_finance", topup::TopupFinance::KEYS),
            ("reports", reports::Reports::KEYS),
            ("docs", docs::Docs::KEYS),
        ];
        let unused: Vec<String> = areas
            .iter()
            .flat_map(|(area, keys)| keys.iter().map(move |k| format!("{area}.{k}")))
            .filter(|path| !code.contains(&format!(".{path}")))
            .collect();
        assert!(unused.is_empty(), "texts never shown: {unused:?}");
    }

    /// Both languages exist by construction; neither may be left blank.
    #[test]
    fn no_text_is_blank_in_either_language() {
        for t in [&ID, &EN] {
            let values = [
                t.common.values(),
                t.auth.values(),
                t.portal.values(),
                t.profile.values(),
                t.moderation.values(),
                t.staff.values(),
                t.finance.values(),
                t.integration.values(),
                t.team.values(),
                t.billers.values(),
                t.topup.values(),
                t.topup_finance.values(),
                t.reports.values(),
                t.docs.values(),
            ];
            assert!(values.iter().flatten().all(|v| !v.trim().is_empty()), "{:?}", t.lang);
        }
    }
}
