//! `idx_transactions_status` goes (issue 17): `idx_transactions_status_time`
//! (migration 23) starts with the same column, so every query by status
//! alone is served by it, and a payment's insert and its settlement each
//! wrote one index entry that nothing read.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Transactions {
    Table,
    Status,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let drop = Index::drop().name("idx_transactions_status").table(Transactions::Table).to_owned();
        manager.drop_index(drop).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        crate::index(manager, "idx_transactions_status", Transactions::Table, [Transactions::Status], false).await
    }
}
