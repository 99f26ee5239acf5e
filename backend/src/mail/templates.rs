//! Rendering of the e-mails (HTML + plain text, Indonesian or English).

use super::OutgoingMail;
use chrono::Datelike;
use domain::Lang;
use minijinja::{context, Environment, Value};
use serde::Serialize;
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
    "approval.id.html",
    "approval.id.txt",
    "approval.en.html",
    "approval.en.txt",
    "credentials.id.html",
    "credentials.id.txt",
    "credentials.en.html",
    "credentials.en.txt",
    "rejection.id.html",
    "rejection.id.txt",
    "rejection.en.html",
    "rejection.en.txt",
    "revision.id.html",
    "revision.id.txt",
    "revision.en.html",
    "revision.en.txt",
    "product.id.html",
    "product.id.txt",
    "product.en.html",
    "product.en.txt",
    "invitation.id.html",
    "invitation.id.txt",
    "invitation.en.html",
    "invitation.en.txt",
    "suspension.id.html",
    "suspension.id.txt",
    "suspension.en.html",
    "suspension.en.txt",
    "biller_alert.id.html",
    "biller_alert.id.txt",
    "biller_alert.en.html",
    "biller_alert.en.txt",
    "topup.id.html",
    "topup.id.txt",
    "topup.en.html",
    "topup.en.txt",
    "low_balance.id.html",
    "low_balance.id.txt",
    "low_balance.en.html",
    "low_balance.en.txt",
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

/// One environment's transaction credentials, as e-mailed once.
#[derive(Debug, Clone, Serialize)]
pub struct CredentialSet {
    pub label: &'static str,
    pub url: String,
    pub user: String,
    pub password: String,
}

/// A rejected document and the moderator's reason.
#[derive(Debug, Clone, Serialize)]
pub struct RejectedItem {
    pub document: String,
    pub reason: String,
}

/// Which e-mail, with what it needs.
pub enum Kind<'a> {
    Activation {
        name: &'a str,
        link: &'a str,
        hours: i64,
    },
    PasswordReset {
        name: &'a str,
        link: &'a str,
        hours: i64,
    },
    /// Manual Gambar 11.
    Approval {
        company: &'a str,
        merchant_id: &'a str,
    },
    /// Manual Gambar 12.
    Credentials {
        company: &'a str,
        merchant_id: &'a str,
        webreport_url: &'a str,
        officer_code: &'a str,
        webreport_password: &'a str,
        counter_id: &'a str,
        account_id: &'a str,
        mitra: &'a str,
        environments: Vec<CredentialSet>,
    },
    Rejection {
        name: &'a str,
        company: &'a str,
        items: Vec<RejectedItem>,
    },
    /// A profile revision was approved, or rejected with `reason`.
    RevisionDecided {
        name: &'a str,
        company: &'a str,
        approved: bool,
        reason: &'a str,
        link: &'a str,
    },
    /// A Request UAT or Request Live of `product` was approved, or
    /// rejected with `reason`.
    ProductDecided {
        name: &'a str,
        company: &'a str,
        product: &'a str,
        /// "UAT" or "Live".
        stage: &'a str,
        approved: bool,
        reason: &'a str,
        link: &'a str,
    },
    /// A sub-user was added (manual §11): confirm the address, set a
    /// password. No password travels in the mail.
    Invitation {
        name: &'a str,
        company: &'a str,
        inviter: &'a str,
        username: &'a str,
        link: &'a str,
        hours: i64,
    },
    /// The operator suspended the partner account (with `reason`), or
    /// reactivated it.
    Suspension {
        company: &'a str,
        suspended: bool,
        reason: &'a str,
        contact: &'a str,
    },
    /// The payment service settled a top-up: the production deposit rose.
    TopUpCredited {
        company: &'a str,
        amount: &'a str,
        order_id: &'a str,
        balance: &'a str,
    },
    /// The production deposit fell under the level the partner set.
    LowBalance {
        company: &'a str,
        balance: &'a str,
        level: &'a str,
    },
    /// To staff: a biller is misconfigured (wrong credentials or key) or
    /// its balance with us runs low.
    BillerAlert {
        biller: &'a str,
        problem: &'a str,
    },
}

impl Kind<'_> {
    /// Whether the body holds something that opens an account: a live
    /// link or a password. Such bodies do not stay in the outbox.
    pub fn carries_secret(&self) -> bool {
        matches!(
            self,
            Kind::Activation { .. } | Kind::PasswordReset { .. } | Kind::Credentials { .. } | Kind::Invitation { .. }
        )
    }

    fn template(&self) -> &'static str {
        match self {
            Kind::Activation { .. } => "activation",
            Kind::PasswordReset { .. } => "reset",
            Kind::Approval { .. } => "approval",
            Kind::Credentials { .. } => "credentials",
            Kind::Rejection { .. } => "rejection",
            Kind::RevisionDecided { .. } => "revision",
            Kind::ProductDecided { .. } => "product",
            Kind::Invitation { .. } => "invitation",
            Kind::Suspension { .. } => "suspension",
            Kind::BillerAlert { .. } => "biller_alert",
            Kind::TopUpCredited { .. } => "topup",
            Kind::LowBalance { .. } => "low_balance",
        }
    }

    fn subject(&self, lang: Lang, brand: &str) -> String {
        match (self, lang) {
            (Kind::Activation { .. }, Lang::Id) => format!("Aktivasi Akun {brand}"),
            (Kind::Activation { .. }, Lang::En) => format!("Activate your {brand} account"),
            (Kind::PasswordReset { .. }, Lang::Id) => format!("Atur Ulang Password {brand}"),
            (Kind::PasswordReset { .. }, Lang::En) => format!("Reset your {brand} password"),
            (Kind::Approval { .. }, Lang::Id) => format!("Profil Anda disetujui — {brand}"),
            (Kind::Approval { .. }, Lang::En) => format!("Your profile is approved — {brand}"),
            (Kind::Credentials { .. }, Lang::Id) => format!("Credential Production dan Development — {brand}"),
            (Kind::Credentials { .. }, Lang::En) => format!("Production and development credentials — {brand}"),
            (Kind::Rejection { .. }, Lang::Id) => format!("Dokumen perlu diperbaiki — {brand}"),
            (Kind::Rejection { .. }, Lang::En) => format!("Documents need changes — {brand}"),
            (Kind::RevisionDecided { approved: true, .. }, Lang::Id) => format!("Revisi data disetujui — {brand}"),
            (Kind::RevisionDecided { approved: true, .. }, Lang::En) => format!("Profile revision approved — {brand}"),
            (Kind::RevisionDecided { .. }, Lang::Id) => format!("Revisi data ditolak — {brand}"),
            (Kind::RevisionDecided { .. }, Lang::En) => format!("Profile revision rejected — {brand}"),
            (Kind::Invitation { company, .. }, Lang::Id) => {
                format!("Anda ditambahkan sebagai pengguna {company} — {brand}")
            }
            (Kind::Invitation { company, .. }, Lang::En) => format!("You were added as a user of {company} — {brand}"),
            (Kind::Suspension { suspended: true, .. }, Lang::Id) => format!("Akun mitra ditangguhkan — {brand}"),
            (Kind::Suspension { suspended: true, .. }, Lang::En) => format!("Partner account suspended — {brand}"),
            (Kind::Suspension { .. }, Lang::Id) => format!("Akun mitra diaktifkan kembali — {brand}"),
            (Kind::Suspension { .. }, Lang::En) => format!("Partner account reactivated — {brand}"),
            (Kind::ProductDecided { stage, approved: true, .. }, Lang::Id) => {
                format!("Request {stage} disetujui — {brand}")
            }
            (Kind::ProductDecided { stage, approved: true, .. }, Lang::En) => {
                format!("{stage} request approved — {brand}")
            }
            (Kind::TopUpCredited { amount, .. }, Lang::Id) => format!("Top up deposit {amount} berhasil — {brand}"),
            (Kind::TopUpCredited { amount, .. }, Lang::En) => format!("Deposit top-up of {amount} received — {brand}"),
            (Kind::LowBalance { balance, .. }, Lang::Id) => format!("Saldo deposit tinggal {balance} — {brand}"),
            (Kind::LowBalance { balance, .. }, Lang::En) => format!("Deposit down to {balance} — {brand}"),
            (Kind::BillerAlert { biller, .. }, Lang::Id) => format!("Peringatan biller {biller} — {brand}"),
            (Kind::BillerAlert { biller, .. }, Lang::En) => format!("Biller {biller} needs attention — {brand}"),
            (Kind::ProductDecided { stage, .. }, Lang::Id) => format!("Request {stage} ditolak — {brand}"),
            (Kind::ProductDecided { stage, .. }, Lang::En) => format!("{stage} request rejected — {brand}"),
        }
    }

    fn context(&self) -> Value {
        match self {
            Kind::Activation { name, link, hours } | Kind::PasswordReset { name, link, hours } => {
                context! { name, link, hours }
            }
            Kind::Approval { company, merchant_id } => context! { company, merchant_id },
            Kind::Credentials {
                company,
                merchant_id,
                webreport_url,
                officer_code,
                webreport_password,
                counter_id,
                account_id,
                mitra,
                environments,
            } => context! {
                company, merchant_id, webreport_url, officer_code, webreport_password,
                counter_id, account_id, mitra, environments,
            },
            Kind::Rejection { name, company, items } => context! { name, company, items },
            Kind::RevisionDecided { name, company, approved, reason, link } => {
                context! { name, company, approved, reason, link }
            }
            Kind::ProductDecided { name, company, product, stage, approved, reason, link } => {
                context! { name, company, product, stage, approved, reason, link }
            }
            Kind::Invitation { name, company, inviter, username, link, hours } => {
                context! { name, company, inviter, username, link, hours }
            }
            Kind::Suspension { company, suspended, reason, contact } => {
                context! { company, suspended, reason, contact }
            }
            Kind::BillerAlert { biller, problem } => context! { biller, problem },
            Kind::LowBalance { company, balance, level } => context! { company, balance, level },
            Kind::TopUpCredited { company, amount, order_id, balance } => {
                context! { company, amount, order_id, balance }
            }
        }
    }
}

pub fn render(kind: &Kind<'_>, lang: Lang, brand: &str, to: &str) -> anyhow::Result<OutgoingMail> {
    let ctx = context! { lang => lang.code(), brand, year => chrono::Utc::now().year(), ..kind.context() };
    let base = format!("{}.{}", kind.template(), lang.code());
    let html = env().get_template(&format!("{base}.html"))?.render(&ctx)?;
    let text = env().get_template(&format!("{base}.txt"))?.render(&ctx)?;
    let secret = kind.carries_secret();
    Ok(OutgoingMail { to: to.to_owned(), subject: kind.subject(lang, brand), html, text, secret })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all_kinds() -> Vec<Kind<'static>> {
        vec![
            Kind::Activation { name: "<b>Andika</b>", link: "http://x/aktivasi?token=abc", hours: 24 },
            Kind::PasswordReset { name: "<b>Andika</b>", link: "http://x/reset?token=abc", hours: 1 },
            Kind::Approval { company: "<b>Andika</b> token=abc", merchant_id: "DJI100087" },
            Kind::Credentials {
                company: "<b>Andika</b> token=abc",
                merchant_id: "DJI100087",
                webreport_url: "http://x/",
                officer_code: "08123456789",
                webreport_password: "17109690",
                counter_id: "1",
                account_id: "08123456789",
                mitra: "DJI",
                environments: vec![CredentialSet {
                    label: "Development",
                    url: "http://dev".into(),
                    user: "slxhizmknrtg".into(),
                    password: "355FDD696D1249A243C1F20A5722E747".into(),
                }],
            },
            Kind::Rejection {
                name: "<b>Andika</b> token=abc",
                company: "PT",
                items: vec![RejectedItem { document: "NPWP".into(), reason: "buram".into() }],
            },
            Kind::RevisionDecided {
                name: "<b>Andika</b> token=abc",
                company: "PT",
                approved: false,
                reason: "<i>akta</i> tidak terbaca",
                link: "http://x/profil",
            },
            Kind::ProductDecided {
                name: "<b>Andika</b> token=abc",
                company: "PT",
                product: "100301 PLN Pascabayar",
                stage: "UAT",
                approved: false,
                reason: "struk tidak terbaca",
                link: "http://x/integrasi/uat",
            },
            Kind::Invitation {
                name: "<b>Andika</b>",
                company: "PT",
                inviter: "Budi",
                username: "pt.02",
                link: "http://x/atur-password?token=abc",
                hours: 72,
            },
            Kind::Suspension {
                company: "<b>Andika</b> token=abc",
                suspended: true,
                reason: "dokumen palsu",
                contact: "cs@x",
            },
            Kind::BillerAlert { biller: "<b>Andika</b> token=abc", problem: "kunci salah" },
            Kind::TopUpCredited {
                company: "<b>Andika</b> token=abc",
                amount: "Rp 474.765",
                order_id: "KLNU00252",
                balance: "Rp 1.474.765",
            },
            Kind::LowBalance { company: "<b>Andika</b> token=abc", balance: "Rp 90.000", level: "Rp 100.000" },
        ]
    }

    #[test]
    fn every_mail_renders_in_both_languages_and_escapes_names() {
        for lang in [Lang::Id, Lang::En] {
            for kind in all_kinds() {
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

    #[test]
    fn the_credentials_mail_carries_every_field_of_the_manual() {
        let m = render(&all_kinds().remove(3), Lang::Id, "K", "a@b.c").unwrap();
        for needle in [
            "DJI100087",
            "08123456789",
            "17109690",
            "Mohon segera diganti",
            "slxhizmknrtg",
            "355FDD696D1249A243C1F20A5722E747",
            "counterID",
            "mitra",
        ] {
            assert!(m.text.contains(needle), "{needle}: {}", m.text);
        }
    }
}
