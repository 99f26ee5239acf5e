//! `payment_days`: each partner's successful payments counted and summed
//! per WIB day (of the payment's creation), kept by the settlement in the
//! transaction that makes a payment successful — success is final, so a
//! day's row only ever grows. The dashboard's 30-day chart reads 30 rows
//! instead of every payment of the month (80 000 for a large partner).
//! Existing payments are summed once at start-up when this table is empty
//! (`backend::payment_days::rebuild_if_empty`).

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
    Count,
    Total,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(PaymentDays::Table)
                    .col(uuid(PaymentDays::UserId))
                    .col(string_len(PaymentDays::Environment, 16))
                    .col(string_len(PaymentDays::Day, 10))
                    .col(big_integer(PaymentDays::Count).default(0))
                    .col(big_integer(PaymentDays::Total).default(0))
                    .primary_key(
                        Index::create().col(PaymentDays::UserId).col(PaymentDays::Environment).col(PaymentDays::Day),
                    )
                    .foreign_key(&mut crate::owned_by_user(PaymentDays::Table, PaymentDays::UserId))
                    .to_owned(),
            )
            .await
    }
}
