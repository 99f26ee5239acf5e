//! Callbacks to partners: their callback URL and signing secret, and one
//! delivery row per final transaction, retried with backoff until HTTP 200.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum PartnerSettings {
    Table,
    UserId,
    CallbackUrl,
    CallbackSecret,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum CallbackDeliveries {
    Table,
    Id,
    UserId,
    TransactionId,
    Url,
    Payload,
    Status,
    Attempts,
    NextAttemptAt,
    LockedUntil,
    LastStatus,
    LastError,
    CreatedAt,
    DeliveredAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(PartnerSettings::Table)
                    .col(uuid(PartnerSettings::UserId).primary_key())
                    .col(string_len_null(PartnerSettings::CallbackUrl, 300))
                    .col(string_len(PartnerSettings::CallbackSecret, 64))
                    .col(timestamp_with_time_zone(PartnerSettings::UpdatedAt))
                    .foreign_key(&mut crate::owned_by_user(PartnerSettings::Table, PartnerSettings::UserId))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(CallbackDeliveries::Table)
                    .col(uuid(CallbackDeliveries::Id).primary_key())
                    .col(uuid(CallbackDeliveries::UserId))
                    .col(uuid(CallbackDeliveries::TransactionId))
                    .col(string_len(CallbackDeliveries::Url, 300))
                    .col(text(CallbackDeliveries::Payload))
                    .col(string_len(CallbackDeliveries::Status, 12))
                    .col(integer(CallbackDeliveries::Attempts))
                    .col(timestamp_with_time_zone(CallbackDeliveries::NextAttemptAt))
                    .col(timestamp_with_time_zone_null(CallbackDeliveries::LockedUntil))
                    .col(integer_null(CallbackDeliveries::LastStatus))
                    .col(string_len_null(CallbackDeliveries::LastError, 300))
                    .col(timestamp_with_time_zone(CallbackDeliveries::CreatedAt))
                    .col(timestamp_with_time_zone_null(CallbackDeliveries::DeliveredAt))
                    .foreign_key(&mut crate::owned_by_user(CallbackDeliveries::Table, CallbackDeliveries::UserId))
                    .to_owned(),
            )
            .await?;
        crate::index(
            manager,
            "idx_callback_due",
            CallbackDeliveries::Table,
            [CallbackDeliveries::Status, CallbackDeliveries::NextAttemptAt],
            false,
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for t in [CallbackDeliveries::Table.into_iden(), PartnerSettings::Table.into_iden()] {
            manager.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}
