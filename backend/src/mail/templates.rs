//! Rendering of the e-mails (HTML + plain text, Indonesian or English).

use super::OutgoingMail;
use chrono::Datelike;
use domain::Lang;
use minijinja::{context, Environment};
use std::sync::OnceLock;

macro_rules! templates {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("templates/", $name)))),*]
    };
}

const TEMPLATES: &[(&str, &str)] = templates!(
    "base.html",
    "button.html",
    "activation.id.html",
    "activation.id.txt",
    "activation.en.html",
    "activation.en.txt",
    "reset.id.html",
    "reset.id.txt",
    "reset.en.html",
    "reset.en.txt",
);

fn env() -> &'static Environment<'static> {
    static ENV: OnceLock<Environment<'static>> = OnceLock::new();
    ENV.get_or_init(|| {
        let mut env = Environment::new();
        for (name, source) in TEMPLATES {
            // A template error is a bug caught by the tests below, not input.
            if let Err(e) = env.add_template(name, source) {
                tracing::error!(template = name, error = %e, "bad mail template");
            }
        }
        env
    })
}

/// Which e-mail, with what it needs.
pub enum Kind<'a> {
    Activation { name: &'a str, link: &'a str, hours: i64 },
    PasswordReset { name: &'a str, link: &'a str, hours: i64 },
}

impl Kind<'_> {
    fn template(&self) -> &'static str {
        match self {
            Kind::Activation { .. } => "activation",
            Kind::PasswordReset { .. } => "reset",
        }
    }

    fn subject(&self, lang: Lang, brand: &str) -> String {
        match (self, lang) {
            (Kind::Activation { .. }, Lang::Id) => format!("Aktivasi Akun {brand}"),
            (Kind::Activation { .. }, Lang::En) => format!("Activate your {brand} account"),
            (Kind::PasswordReset { .. }, Lang::Id) => format!("Atur Ulang Password {brand}"),
            (Kind::PasswordReset { .. }, Lang::En) => format!("Reset your {brand} password"),
        }
    }
}

pub fn render(kind: &Kind<'_>, lang: Lang, brand: &str, to: &str) -> anyhow::Result<OutgoingMail> {
    let (name, link, hours) = match kind {
        Kind::Activation { name, link, hours } | Kind::PasswordReset { name, link, hours } => (name, link, hours),
    };
    let ctx = context! {
        lang => lang.code(),
        brand => brand,
        name => name,
        link => link,
        hours => hours,
        year => chrono::Utc::now().year(),
    };
    let base = format!("{}.{}", kind.template(), lang.code());
    let html = env().get_template(&format!("{base}.html"))?.render(&ctx)?;
    let text = env().get_template(&format!("{base}.txt"))?.render(&ctx)?;
    Ok(OutgoingMail { to: to.to_owned(), subject: kind.subject(lang, brand), html, text })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_mail_renders_in_both_languages_and_escapes_names() {
        for lang in [Lang::Id, Lang::En] {
            for kind in [
                Kind::Activation { name: "<b>Andika</b>", link: "http://x/aktivasi?token=abc", hours: 24 },
                Kind::PasswordReset { name: "<b>Andika</b>", link: "http://x/reset?token=abc", hours: 1 },
            ] {
                let m = render(&kind, lang, "KIOS", "a@b.c").unwrap();
                assert!(m.html.contains("&lt;b&gt;Andika"), "{}", m.html);
                assert!(m.html.contains("token=abc") && m.text.contains("token=abc"));
                assert!(m.text.contains("<b>Andika</b>"));
                assert!(m.subject.contains("KIOS"));
            }
        }
        let m = render(&Kind::Activation { name: "ANDIKA", link: "l", hours: 24 }, Lang::Id, "K", "a@b.c").unwrap();
        assert!(m.html.contains("Halo, <strong>ANDIKA</strong>") && m.html.contains("Aktivasi Akun"));
    }
}
