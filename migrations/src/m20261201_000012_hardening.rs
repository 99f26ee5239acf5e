//! Hardening found in review.
//!
//! - Sessions name whose they are (`subject`), so a password change,
//!   reset, deactivation or second-factor reset can end the others.
//! - Outbox rows say whether their body holds a secret (credentials,
//!   activation and reset links): such bodies are scrubbed once delivered.
//! - Digest nonces are signed instead of stored (no row per 401): the key
//!   lives in `server_secrets` unless configuration gives one, so every
//!   instance on one database shares it. Only a nonce's uses are recorded.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Sessions {
    Table,
    Subject,
}

#[derive(DeriveIden)]
enum MailOutbox {
    Table,
    CarriesSecret,
}

#[derive(DeriveIden)]
enum ServerSecrets {
    Table,
    Name,
    Value,
    CreatedAt,
}

#[derive(DeriveIden)]
enum DigestNonces {
    Table,
    Nonce,
    Environment,
    ExpiresAt,
}

#[derive(DeriveIden)]
enum DigestNonceUses {
    Table,
    UsedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let mut subject = string_len_null(Sessions::Subject, 80);
        manager.alter_table(Table::alter().table(Sessions::Table).add_column(&mut subject).to_owned()).await?;
        crate::index(manager, "idx_sessions_subject", Sessions::Table, [Sessions::Subject], false).await?;
        let mut secret = boolean(MailOutbox::CarriesSecret).default(false).to_owned();
        manager.alter_table(Table::alter().table(MailOutbox::Table).add_column(&mut secret).to_owned()).await?;
        manager
            .create_table(
                Table::create()
                    .table(ServerSecrets::Table)
                    .col(string_len(ServerSecrets::Name, 40).primary_key())
                    .col(string_len(ServerSecrets::Value, 128))
                    .col(timestamp_with_time_zone(ServerSecrets::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager.drop_table(Table::drop().table(DigestNonces::Table).to_owned()).await?;
        crate::index(manager, "idx_digest_nonce_uses_used_at", DigestNonceUses::Table, [DigestNonceUses::UsedAt], false)
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_index(Index::drop().name("idx_digest_nonce_uses_used_at").to_owned()).await?;
        manager
            .create_table(
                Table::create()
                    .table(DigestNonces::Table)
                    .col(string_len(DigestNonces::Nonce, 32).primary_key())
                    .col(string_len(DigestNonces::Environment, 12))
                    .col(timestamp_with_time_zone(DigestNonces::ExpiresAt))
                    .to_owned(),
            )
            .await?;
        manager.drop_table(Table::drop().table(ServerSecrets::Table).to_owned()).await?;
        let drop = Table::alter().table(MailOutbox::Table).drop_column(MailOutbox::CarriesSecret).to_owned();
        manager.alter_table(drop).await?;
        manager.drop_index(Index::drop().name("idx_sessions_subject").to_owned()).await?;
        manager.alter_table(Table::alter().table(Sessions::Table).drop_column(Sessions::Subject).to_owned()).await
    }
}
