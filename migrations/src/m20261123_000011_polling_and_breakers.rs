//! Status polling as leased jobs, and the billers' circuit breakers.
//!
//! A pending payment carries when it is next asked of its biller, until
//! when the biller said asking is worth it, how often it was asked and who
//! holds it now (`locked_until`), so two instances never poll one payment.
//! A breaker per biller scope counts consecutive failures and, while open,
//! turns that biller's products to Maintenance.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Transactions {
    Table,
    Kind,
    Status,
    UpdatedAt,
    PollAttempts,
    NextPollAt,
    PollUntil,
    LockedUntil,
}

#[derive(DeriveIden)]
enum BillerBreakers {
    Table,
    Scope,
    Biller,
    State,
    Failures,
    CooldownSecs,
    OpenUntil,
    OpenedAt,
    Trips,
    LastError,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite alters one column per statement.
        let columns = [
            integer(Transactions::PollAttempts).default(0).to_owned(),
            timestamp_with_time_zone_null(Transactions::NextPollAt),
            timestamp_with_time_zone_null(Transactions::PollUntil),
            timestamp_with_time_zone_null(Transactions::LockedUntil),
        ];
        for mut c in columns {
            manager.alter_table(Table::alter().table(Transactions::Table).add_column(&mut c).to_owned()).await?;
        }
        // Payments already pending are due at once.
        let due = Query::update()
            .table(Transactions::Table)
            .value(Transactions::NextPollAt, Expr::col(Transactions::UpdatedAt))
            .and_where(Expr::col(Transactions::Kind).eq("payment"))
            .and_where(Expr::col(Transactions::Status).eq("pending"))
            .to_owned();
        manager.exec_stmt(due).await?;
        crate::index(manager, "idx_transactions_poll_due", Transactions::Table, [Transactions::NextPollAt], false)
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(BillerBreakers::Table)
                    .col(string_len(BillerBreakers::Scope, 120).primary_key())
                    .col(string_len(BillerBreakers::Biller, 40))
                    .col(string_len(BillerBreakers::State, 10))
                    .col(integer(BillerBreakers::Failures))
                    .col(integer(BillerBreakers::CooldownSecs))
                    .col(timestamp_with_time_zone_null(BillerBreakers::OpenUntil))
                    .col(timestamp_with_time_zone_null(BillerBreakers::OpenedAt))
                    .col(integer(BillerBreakers::Trips))
                    .col(string_len_null(BillerBreakers::LastError, 300))
                    .col(timestamp_with_time_zone(BillerBreakers::UpdatedAt))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(BillerBreakers::Table).to_owned()).await?;
        manager.drop_index(Index::drop().name("idx_transactions_poll_due").to_owned()).await?;
        for c in
            [Transactions::PollAttempts, Transactions::NextPollAt, Transactions::PollUntil, Transactions::LockedUntil]
        {
            manager.alter_table(Table::alter().table(Transactions::Table).drop_column(c).to_owned()).await?;
        }
        Ok(())
    }
}
