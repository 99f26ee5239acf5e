//! E-mail through a transactional outbox: use cases write a row in their own
//! transaction (`enqueue`), the worker (`outbox::deliver_due`) sends it.

pub mod outbox;
pub mod templates;

use crate::config::Config;
use crate::entity::mail_outbox;
use anyhow::Context;
use lettre::message::{Mailbox, MultiPart};
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use sea_orm::ActiveModelBehavior;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ConnectionTrait};
use secrecy::ExposeSecret;

/// A rendered message waiting to be written to the outbox.
#[derive(Debug, Clone)]
pub struct OutgoingMail {
    pub to: String,
    pub subject: String,
    pub html: String,
    pub text: String,
    /// The body holds a secret: scrubbed from the outbox once final.
    pub secret: bool,
}

/// Writes the message into the outbox inside the caller's transaction.
pub async fn enqueue(db: &impl ConnectionTrait, mail: OutgoingMail) -> Result<(), sea_orm::DbErr> {
    let now = chrono::Utc::now();
    mail_outbox::ActiveModel {
        recipient: Set(mail.to),
        subject: Set(mail.subject),
        html: Set(mail.html),
        body_text: Set(mail.text),
        status: Set(outbox::MailStatus::Pending),
        attempts: Set(0),
        next_attempt_at: Set(now),
        locked_until: Set(None),
        last_error: Set(None),
        sent_at: Set(None),
        carries_secret: Set(mail.secret),
        ..mail_outbox::ActiveModel::new()
    }
    .insert(db)
    .await?;
    Ok(())
}

enum Transport {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    File(AsyncFileTransport<Tokio1Executor>),
}

/// Sends finished messages over SMTP or into `.eml` files.
pub struct Mailer {
    transport: Transport,
    from: Mailbox,
}

impl Mailer {
    pub fn from_config(config: &Config) -> anyhow::Result<Mailer> {
        let from: Mailbox = config.mail_from.parse().context("APP_MAIL_FROM")?;
        let transport = match &config.smtp_url {
            Some(url) => Transport::Smtp(
                AsyncSmtpTransport::<Tokio1Executor>::from_url(url.expose_secret()).context("SMTP_URL")?.build(),
            ),
            None => {
                let dir = config.mail_dir();
                std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
                Transport::File(AsyncFileTransport::new(dir))
            }
        };
        Ok(Mailer { transport, from })
    }

    pub async fn send(&self, row: &mail_outbox::Model) -> anyhow::Result<()> {
        let message = Message::builder()
            .from(self.from.clone())
            .to(row.recipient.parse().context("recipient")?)
            .subject(&row.subject)
            .multipart(MultiPart::alternative_plain_html(row.body_text.clone(), row.html.clone()))?;
        match &self.transport {
            Transport::Smtp(t) => {
                t.send(message).await?;
            }
            Transport::File(t) => {
                t.send(message).await?;
            }
        }
        Ok(())
    }
}
