//! Production billers (seed 002 pulsa provider, seed 004 PDAM).
//!
//! - `products.biller_code`: the product's code at its biller (the pulsa
//!   provider's "kode produk"); ours when empty. Catalog data staff edit.
//! - `biller_calls`: every call to a biller and every report it sent us,
//!   with secrets masked, its reply (cut) and latency, for staff.
//! - `biller_states`: per biller, the last known provider balance and when
//!   staff were last alerted (so an alert goes out at most once an hour).

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Products {
    Table,
    BillerCode,
}

#[derive(DeriveIden)]
enum BillerCalls {
    Table,
    Id,
    Biller,
    Environment,
    Operation,
    TransactionId,
    Request,
    Reply,
    Outcome,
    LatencyMs,
    CreatedAt,
}

#[derive(DeriveIden)]
enum BillerStates {
    Table,
    Biller,
    Balance,
    BalanceAt,
    AlertedAt,
    LastAlert,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter().table(Products::Table).add_column(string_len_null(Products::BillerCode, 40)).to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(BillerCalls::Table)
                    .col(uuid(BillerCalls::Id).primary_key())
                    .col(string_len(BillerCalls::Biller, 40))
                    .col(string_len(BillerCalls::Environment, 12))
                    .col(string_len(BillerCalls::Operation, 20))
                    .col(uuid_null(BillerCalls::TransactionId))
                    .col(text(BillerCalls::Request))
                    .col(text(BillerCalls::Reply))
                    .col(string_len(BillerCalls::Outcome, 120))
                    .col(integer(BillerCalls::LatencyMs))
                    .col(timestamp_with_time_zone(BillerCalls::CreatedAt))
                    .to_owned(),
            )
            .await?;
        crate::index(
            manager,
            "idx_biller_calls_biller",
            BillerCalls::Table,
            [BillerCalls::Biller, BillerCalls::CreatedAt],
            false,
        )
        .await?;
        crate::index(manager, "idx_biller_calls_trx", BillerCalls::Table, [BillerCalls::TransactionId], false).await?;
        manager
            .create_table(
                Table::create()
                    .table(BillerStates::Table)
                    .col(string_len(BillerStates::Biller, 40).primary_key())
                    .col(big_integer_null(BillerStates::Balance))
                    .col(timestamp_with_time_zone_null(BillerStates::BalanceAt))
                    .col(timestamp_with_time_zone_null(BillerStates::AlertedAt))
                    .col(text_null(BillerStates::LastAlert))
                    .to_owned(),
            )
            .await
    }
}
