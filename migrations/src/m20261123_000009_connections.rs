//! "Pengaturan Koneksi": the partner's IP whitelist per environment, which
//! the operator approves, and the partner's callback URL.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum IpWhitelist {
    Table,
    Id,
    UserId,
    Environment,
    Ip,
    Status,
    Reason,
    CreatedAt,
    DecidedBy,
    DecidedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(IpWhitelist::Table)
                    .col(uuid(IpWhitelist::Id).primary_key())
                    .col(uuid(IpWhitelist::UserId))
                    .col(string_len(IpWhitelist::Environment, 12))
                    .col(string_len(IpWhitelist::Ip, 45))
                    .col(string_len(IpWhitelist::Status, 12))
                    .col(string_len_null(IpWhitelist::Reason, 300))
                    .col(timestamp_with_time_zone(IpWhitelist::CreatedAt))
                    .col(uuid_null(IpWhitelist::DecidedBy))
                    .col(timestamp_with_time_zone_null(IpWhitelist::DecidedAt))
                    .foreign_key(&mut crate::owned_by_user(IpWhitelist::Table, IpWhitelist::UserId))
                    .to_owned(),
            )
            .await?;
        crate::index(
            manager,
            "uq_ip_whitelist_entry",
            IpWhitelist::Table,
            [IpWhitelist::UserId, IpWhitelist::Environment, IpWhitelist::Ip],
            true,
        )
        .await?;
        // The gateway looks up (environment, ip) before it knows the merchant.
        crate::index(
            manager,
            "idx_ip_whitelist_lookup",
            IpWhitelist::Table,
            [IpWhitelist::Environment, IpWhitelist::Ip],
            false,
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(IpWhitelist::Table).to_owned()).await
    }
}
