//! `ledger_days`: each deposit's movements summed per WIB day (credits,
//! debits, how many), kept by the ledger in the transaction of each
//! movement. A statement's totals over a period of whole WIB days read at
//! most 366 rows instead of every entry (a year of a large partner is a
//! million entries). Existing ledgers are summed once at start-up
//! (`backend::ledger_days::rebuild` when this table is empty).
//!
//! And staff's pending list: payments by status and time, so the oldest
//! pending ones are read from the index, not sorted out of every pending row.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum LedgerDays {
    Table,
    UserId,
    Environment,
    Day,
    Credit,
    Debit,
    Entries,
}

#[derive(DeriveIden)]
enum Transactions {
    Table,
    Status,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(LedgerDays::Table)
                    .col(uuid(LedgerDays::UserId))
                    .col(string_len(LedgerDays::Environment, 16))
                    .col(string_len(LedgerDays::Day, 10))
                    .col(big_integer(LedgerDays::Credit).default(0))
                    .col(big_integer(LedgerDays::Debit).default(0))
                    .col(big_integer(LedgerDays::Entries).default(0))
                    .primary_key(
                        Index::create().col(LedgerDays::UserId).col(LedgerDays::Environment).col(LedgerDays::Day),
                    )
                    .foreign_key(&mut crate::owned_by_user(LedgerDays::Table, LedgerDays::UserId))
                    .to_owned(),
            )
            .await?;
        let columns = [Transactions::Status, Transactions::CreatedAt];
        crate::index(manager, "idx_transactions_status_time", Transactions::Table, columns, false).await
    }
}
