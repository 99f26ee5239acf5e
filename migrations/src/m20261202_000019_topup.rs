//! Deposit top-up through the payment service (seed 003).
//!
//! - `topup_orders`: what a partner asked to pay (our `order_id`, the exact
//!   amount with any unique code) and where it stands: `waiting`, `paid`,
//!   `expired`, or `mismatch` (paid with another amount: kept for finance,
//!   never credited silently).
//! - `topup_notifications`: every settlement webhook received, verified or
//!   not, with what it did — for finance and for replays.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum TopupOrders {
    Table,
    Id,
    UserId,
    OrderId,
    Amount,
    Method,
    Status,
    ServiceId,
    PaidAmount,
    ExpiresAt,
    CreatedAt,
    SettledAt,
}

#[derive(DeriveIden)]
enum TopupNotifications {
    Table,
    Id,
    OrderId,
    ServiceId,
    Verified,
    Outcome,
    Body,
    ReceivedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(TopupOrders::Table)
                    .col(uuid(TopupOrders::Id).primary_key())
                    .col(uuid(TopupOrders::UserId))
                    .col(string_len(TopupOrders::OrderId, 40))
                    .col(big_integer(TopupOrders::Amount))
                    .col(string_len(TopupOrders::Method, 40))
                    .col(string_len(TopupOrders::Status, 12))
                    .col(string_len_null(TopupOrders::ServiceId, 80))
                    .col(big_integer_null(TopupOrders::PaidAmount))
                    .col(timestamp_with_time_zone_null(TopupOrders::ExpiresAt))
                    .col(timestamp_with_time_zone(TopupOrders::CreatedAt))
                    .col(timestamp_with_time_zone_null(TopupOrders::SettledAt))
                    .to_owned(),
            )
            .await?;
        crate::index(manager, "idx_topup_orders_order", TopupOrders::Table, [TopupOrders::OrderId], true).await?;
        crate::index(manager, "idx_topup_orders_user", TopupOrders::Table, [TopupOrders::UserId], false).await?;
        manager
            .create_table(
                Table::create()
                    .table(TopupNotifications::Table)
                    .col(uuid(TopupNotifications::Id).primary_key())
                    .col(string_len(TopupNotifications::OrderId, 80))
                    .col(string_len(TopupNotifications::ServiceId, 80))
                    .col(boolean(TopupNotifications::Verified))
                    .col(string_len(TopupNotifications::Outcome, 20))
                    .col(text(TopupNotifications::Body))
                    .col(timestamp_with_time_zone(TopupNotifications::ReceivedAt))
                    .to_owned(),
            )
            .await?;
        crate::index(
            manager,
            "idx_topup_notifications_order",
            TopupNotifications::Table,
            [TopupNotifications::OrderId],
            false,
        )
        .await
    }
}
