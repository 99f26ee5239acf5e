//! `payment_days` in slots (issue 17): a day's successes of one partner
//! are spread over several rows (`slot`, from the payment's id) instead of
//! one. Every settlement of a success adds to its day's row and holds that
//! row's lock until its commit reaches the disk; with one row a day, a busy
//! partner's settlements waited on each other's flushes. With slots they
//! commit together; the readers sum a day's slots.
//!
//! The table only holds sums of the payments, so it is made anew and
//! filled again at start-up (`backend::payment_days::rebuild_if_empty`).

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum PaymentDays {
    Table,
    UserId,
    Environment,
    Day,
    Slot,
    Count,
    Total,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(PaymentDays::Table).to_owned()).await?;
        manager
            .create_table(
                Table::create()
                    .table(PaymentDays::Table)
                    .col(uuid(PaymentDays::UserId))
                    .col(string_len(PaymentDays::Environment, 16))
                    .col(string_len(PaymentDays::Day, 10))
                    .col(small_integer(PaymentDays::Slot).default(0))
                    .col(big_integer(PaymentDays::Count).default(0))
                    .col(big_integer(PaymentDays::Total).default(0))
                    .primary_key(
                        Index::create()
                            .col(PaymentDays::UserId)
                            .col(PaymentDays::Environment)
                            .col(PaymentDays::Day)
                            .col(PaymentDays::Slot),
                    )
                    .foreign_key(&mut crate::owned_by_user(PaymentDays::Table, PaymentDays::UserId))
                    .to_owned(),
            )
            .await
    }
}
