//! Top-up orders as the partner sees them, and finance's hand on them:
//!
//! - `topup_orders` gains what the service told us to pay (`nominal` asked,
//!   `pay_code` — the VA number or payment code —, `pay_link` — GoPay's
//!   deeplink or a card page —) and finance's resolution of a "Selisih"
//!   or unmatched case (`resolution` credited|refunded, why, who, when).
//! - `topup_notifications` gains the same for a webhook that matched no
//!   order: credited to a partner (who, how much) or refunded.
//! - `topup_accounts`: a partner's permanent virtual accounts (K-Wallet
//!   `register_va`, one per bank), so a transfer tops up without an order.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum TopupOrders {
    Table,
    Nominal,
    PayCode,
    PayLink,
    Resolution,
    ResolutionNote,
    ResolvedBy,
    ResolvedAt,
}

/// Finance's hand on a webhook that matched no order.
#[derive(DeriveIden)]
enum TopupNotifications {
    Table,
    Resolution,
    ResolutionNote,
    ResolvedBy,
    ResolvedAt,
    CreditedUserId,
    CreditedAmount,
}

#[derive(DeriveIden)]
enum TopupAccounts {
    Table,
    Id,
    UserId,
    BankCode,
    VaNumber,
    Fee,
    CreatedAt,
}

#[derive(DeriveIden)]
enum TopupReconciliations {
    Table,
    Day,
    Checked,
    Differences,
    RunAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column a statement: SQLite adds no more at once.
        let columns = [
            big_integer_null(TopupOrders::Nominal),
            string_len_null(TopupOrders::PayCode, 80),
            text_null(TopupOrders::PayLink),
            string_len_null(TopupOrders::Resolution, 12),
            text_null(TopupOrders::ResolutionNote),
            string_len_null(TopupOrders::ResolvedBy, 120),
            timestamp_with_time_zone_null(TopupOrders::ResolvedAt),
        ];
        for mut column in columns {
            manager.alter_table(Table::alter().table(TopupOrders::Table).add_column(&mut column).to_owned()).await?;
        }
        let columns = [
            string_len_null(TopupNotifications::Resolution, 12),
            text_null(TopupNotifications::ResolutionNote),
            string_len_null(TopupNotifications::ResolvedBy, 120),
            timestamp_with_time_zone_null(TopupNotifications::ResolvedAt),
            uuid_null(TopupNotifications::CreditedUserId),
            big_integer_null(TopupNotifications::CreditedAmount),
        ];
        for mut column in columns {
            let alter = Table::alter().table(TopupNotifications::Table).add_column(&mut column).to_owned();
            manager.alter_table(alter).await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(TopupAccounts::Table)
                    .col(uuid(TopupAccounts::Id).primary_key())
                    .col(uuid(TopupAccounts::UserId))
                    .col(string_len(TopupAccounts::BankCode, 8))
                    .col(string_len(TopupAccounts::VaNumber, 40))
                    .col(big_integer(TopupAccounts::Fee))
                    .col(timestamp_with_time_zone(TopupAccounts::CreatedAt))
                    .to_owned(),
            )
            .await?;
        crate::index(manager, "idx_topup_accounts_va", TopupAccounts::Table, [TopupAccounts::VaNumber], true).await?;
        crate::index(manager, "idx_topup_accounts_user", TopupAccounts::Table, [TopupAccounts::UserId], false).await?;
        manager
            .create_table(
                Table::create()
                    .table(TopupReconciliations::Table)
                    .col(string_len(TopupReconciliations::Day, 10).primary_key())
                    .col(big_integer(TopupReconciliations::Checked))
                    .col(text(TopupReconciliations::Differences))
                    .col(timestamp_with_time_zone(TopupReconciliations::RunAt))
                    .to_owned(),
            )
            .await
    }
}
