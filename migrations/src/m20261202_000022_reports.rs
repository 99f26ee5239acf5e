//! What the finished reports need:
//!
//! - `transactions.partner_fee`: the partner's fee in a payment's admin, as
//!   the catalog said at the time (Rekap Pelunasan sums it; the catalog's
//!   fee may change later).
//! - `partner_settings.low_balance` and `low_balance_told_on`: the deposit
//!   level under which the partner is told by e-mail, and the WIB day it
//!   last was (at most once a day).
//! - `reconciliation_files`: the daily reconciliation file of a partner's
//!   WIB day — its rows, checksum and text, fixed once made, and when the
//!   partner's callback URL was told it is ready.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Transactions {
    Table,
    PartnerFee,
}

#[derive(DeriveIden)]
enum PartnerSettings {
    Table,
    LowBalance,
    LowBalanceToldOn,
}

#[derive(DeriveIden)]
enum ReconciliationFiles {
    Table,
    UserId,
    Day,
    Rows,
    Checksum,
    Body,
    CreatedAt,
    AnnouncedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let mut fee = big_integer(Transactions::PartnerFee).default(0).to_owned();
        manager.alter_table(Table::alter().table(Transactions::Table).add_column(&mut fee).to_owned()).await?;
        // One column a statement: SQLite adds no more at once.
        for mut column in
            [big_integer_null(PartnerSettings::LowBalance), string_len_null(PartnerSettings::LowBalanceToldOn, 10)]
        {
            manager
                .alter_table(Table::alter().table(PartnerSettings::Table).add_column(&mut column).to_owned())
                .await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(ReconciliationFiles::Table)
                    .col(uuid(ReconciliationFiles::UserId))
                    .col(string_len(ReconciliationFiles::Day, 10))
                    .col(big_integer(ReconciliationFiles::Rows))
                    .col(string_len(ReconciliationFiles::Checksum, 64))
                    .col(text(ReconciliationFiles::Body))
                    .col(timestamp_with_time_zone(ReconciliationFiles::CreatedAt))
                    .col(timestamp_with_time_zone_null(ReconciliationFiles::AnnouncedAt))
                    .primary_key(Index::create().col(ReconciliationFiles::UserId).col(ReconciliationFiles::Day))
                    .foreign_key(&mut crate::owned_by_user(ReconciliationFiles::Table, ReconciliationFiles::UserId))
                    .to_owned(),
            )
            .await
    }
}
