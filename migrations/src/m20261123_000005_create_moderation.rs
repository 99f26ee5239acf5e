//! Moderation results: who decided each document, the merchant ID and the
//! transaction credentials that approval creates, and the audit log.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Profiles {
    Table,
    MerchantId,
    ApprovedAt,
}

#[derive(DeriveIden)]
enum ProfileDocuments {
    Table,
    DecidedBy,
    DecidedAt,
}

#[derive(DeriveIden)]
enum Counters {
    Table,
    Name,
    Value,
}

#[derive(DeriveIden)]
enum ApiCredentials {
    Table,
    Id,
    UserId,
    Environment,
    Username,
    Ha1,
    CreatedAt,
}

#[derive(DeriveIden)]
enum WebreportAccounts {
    Table,
    UserId,
    OfficerCode,
    PasswordHash,
    MustChangePassword,
}

#[derive(DeriveIden)]
enum AuditLog {
    Table,
    Id,
    At,
    ActorKind,
    ActorId,
    ActorName,
    Action,
    Entity,
    EntityId,
    Before,
    After,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite adds one column per ALTER TABLE.
        for col in [string_len_null(Profiles::MerchantId, 20), timestamp_with_time_zone_null(Profiles::ApprovedAt)] {
            manager.alter_table(Table::alter().table(Profiles::Table).add_column(col).to_owned()).await?;
        }
        crate::index(manager, "uq_profiles_merchant_id", Profiles::Table, [Profiles::MerchantId], true).await?;
        for col in [uuid_null(ProfileDocuments::DecidedBy), timestamp_with_time_zone_null(ProfileDocuments::DecidedAt)]
        {
            manager.alter_table(Table::alter().table(ProfileDocuments::Table).add_column(col).to_owned()).await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(Counters::Table)
                    .col(string_len(Counters::Name, 40).primary_key())
                    .col(big_integer(Counters::Value))
                    .to_owned(),
            )
            .await?;
        manager
            .exec_stmt(
                Query::insert()
                    .into_table(Counters::Table)
                    .columns([Counters::Name, Counters::Value])
                    .values_panic(["merchant_id".into(), 100_000i64.into()])
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ApiCredentials::Table)
                    .col(uuid(ApiCredentials::Id).primary_key())
                    .col(uuid(ApiCredentials::UserId))
                    .col(string_len(ApiCredentials::Environment, 12))
                    .col(string_len_uniq(ApiCredentials::Username, 40))
                    .col(string_len(ApiCredentials::Ha1, 32))
                    .col(timestamp_with_time_zone(ApiCredentials::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(WebreportAccounts::Table)
                    .col(uuid(WebreportAccounts::UserId).primary_key())
                    .col(string_len(WebreportAccounts::OfficerCode, 20))
                    .col(string(WebreportAccounts::PasswordHash))
                    .col(boolean(WebreportAccounts::MustChangePassword))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(AuditLog::Table)
                    .col(uuid(AuditLog::Id).primary_key())
                    .col(timestamp_with_time_zone(AuditLog::At))
                    .col(string_len(AuditLog::ActorKind, 10))
                    .col(uuid_null(AuditLog::ActorId))
                    .col(string_len(AuditLog::ActorName, 100))
                    .col(string_len(AuditLog::Action, 60))
                    .col(string_len(AuditLog::Entity, 40))
                    .col(string_len(AuditLog::EntityId, 60))
                    .col(text_null(AuditLog::Before))
                    .col(text_null(AuditLog::After))
                    .to_owned(),
            )
            .await?;
        crate::index(manager, "idx_audit_log_entity", AuditLog::Table, [AuditLog::Entity, AuditLog::EntityId], false)
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            AuditLog::Table.into_iden(),
            WebreportAccounts::Table.into_iden(),
            ApiCredentials::Table.into_iden(),
            Counters::Table.into_iden(),
        ] {
            manager.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}
