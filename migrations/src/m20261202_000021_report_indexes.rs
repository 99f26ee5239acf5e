//! Indexes the reports read by: a partner's transactions of one
//! environment by time ("Status Transaksi", newest first, keyset paged).
//! The ledger already has (user, environment, created_at).

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Transactions {
    Table,
    UserId,
    Environment,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let columns = [Transactions::UserId, Transactions::Environment, Transactions::CreatedAt];
        crate::index(manager, "idx_transactions_user_env_time", Transactions::Table, columns, false).await
    }
}
