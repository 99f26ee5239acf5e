//! The Open API gateway: digest nonces shared by every instance, Sign-On
//! sessions and their daily counter, and the deposit ledger.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

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
    Nonce,
    Nc,
    UsedAt,
}

#[derive(DeriveIden)]
enum GatewaySessions {
    Table,
    SessionId,
    UserId,
    Environment,
    CreatedAt,
    ExpiresAt,
}

#[derive(DeriveIden)]
enum SignonDays {
    Table,
    UserId,
    Environment,
    Day,
    Count,
    ResetAt,
}

#[derive(DeriveIden)]
enum Deposits {
    Table,
    UserId,
    Environment,
    Balance,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum LedgerEntries {
    Table,
    Id,
    UserId,
    Environment,
    Kind,
    Amount,
    BalanceAfter,
    Reference,
    Note,
    ActorName,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
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
        manager
            .create_table(
                Table::create()
                    .table(DigestNonceUses::Table)
                    .col(string_len(DigestNonceUses::Nonce, 32))
                    .col(string_len(DigestNonceUses::Nc, 16))
                    .col(timestamp_with_time_zone(DigestNonceUses::UsedAt))
                    .primary_key(Index::create().col(DigestNonceUses::Nonce).col(DigestNonceUses::Nc))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(GatewaySessions::Table)
                    .col(string_len(GatewaySessions::SessionId, 32).primary_key())
                    .col(uuid(GatewaySessions::UserId))
                    .col(string_len(GatewaySessions::Environment, 12))
                    .col(timestamp_with_time_zone(GatewaySessions::CreatedAt))
                    .col(timestamp_with_time_zone(GatewaySessions::ExpiresAt))
                    .foreign_key(&mut crate::owned_by_user(GatewaySessions::Table, GatewaySessions::UserId))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(SignonDays::Table)
                    .col(uuid(SignonDays::UserId))
                    .col(string_len(SignonDays::Environment, 12))
                    .col(string_len(SignonDays::Day, 10))
                    .col(integer(SignonDays::Count))
                    .col(timestamp_with_time_zone_null(SignonDays::ResetAt))
                    .primary_key(
                        Index::create().col(SignonDays::UserId).col(SignonDays::Environment).col(SignonDays::Day),
                    )
                    .foreign_key(&mut crate::owned_by_user(SignonDays::Table, SignonDays::UserId))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Deposits::Table)
                    .col(uuid(Deposits::UserId))
                    .col(string_len(Deposits::Environment, 12))
                    .col(big_integer(Deposits::Balance))
                    .col(timestamp_with_time_zone(Deposits::UpdatedAt))
                    .primary_key(Index::create().col(Deposits::UserId).col(Deposits::Environment))
                    .check(Expr::col(Deposits::Balance).gte(0))
                    .foreign_key(&mut crate::owned_by_user(Deposits::Table, Deposits::UserId))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(LedgerEntries::Table)
                    .col(uuid(LedgerEntries::Id).primary_key())
                    .col(uuid(LedgerEntries::UserId))
                    .col(string_len(LedgerEntries::Environment, 12))
                    .col(string_len(LedgerEntries::Kind, 12))
                    .col(big_integer(LedgerEntries::Amount))
                    .col(big_integer(LedgerEntries::BalanceAfter))
                    .col(string_len(LedgerEntries::Reference, 100))
                    .col(string_len_null(LedgerEntries::Note, 300))
                    .col(string_len(LedgerEntries::ActorName, 100))
                    .col(timestamp_with_time_zone(LedgerEntries::CreatedAt))
                    .foreign_key(&mut crate::owned_by_user(LedgerEntries::Table, LedgerEntries::UserId))
                    .to_owned(),
            )
            .await?;
        crate::index(
            manager,
            "idx_ledger_user_env_time",
            LedgerEntries::Table,
            [LedgerEntries::UserId, LedgerEntries::Environment, LedgerEntries::CreatedAt],
            false,
        )
        .await?;
        // One entry per reference and account: a retried movement is not doubled.
        crate::index(
            manager,
            "uq_ledger_reference",
            LedgerEntries::Table,
            [LedgerEntries::UserId, LedgerEntries::Environment, LedgerEntries::Reference],
            true,
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            LedgerEntries::Table.into_iden(),
            Deposits::Table.into_iden(),
            SignonDays::Table.into_iden(),
            GatewaySessions::Table.into_iden(),
            DigestNonceUses::Table.into_iden(),
            DigestNonces::Table.into_iden(),
        ] {
            manager.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}
