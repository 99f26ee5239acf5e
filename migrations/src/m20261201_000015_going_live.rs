//! Going live (manual §10): the API log every gateway request is recorded
//! in, the checklist items each product flow needs for UAT (data, not
//! code), the Request UAT rows with their two files and graded evidence,
//! and every step of a partner's product for the staff's history.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum ApiLog {
    Table,
    Id,
    UserId,
    Environment,
    At,
    Method,
    Path,
    ClientIp,
    Auth,
    Username,
    Session,
    ProductCode,
    ReferenceId,
    Rc,
    HttpStatus,
    LatencyMs,
    RequestBody,
    ResponseBody,
}

#[derive(DeriveIden)]
enum UatChecks {
    Table,
    Flow,
    Item,
    Position,
}

#[derive(DeriveIden)]
enum UatRequests {
    Table,
    Id,
    UserId,
    ProductCode,
    Status,
    Reason,
    InquiryKey,
    InquiryName,
    InquiryType,
    StrukKey,
    StrukName,
    StrukType,
    Checks,
    CreatedAt,
    DecidedAt,
    DecidedBy,
}

#[derive(DeriveIden)]
enum ProductSteps {
    Table,
    Id,
    UserId,
    ProductCode,
    State,
    Reason,
    ActorKind,
    ActorName,
    At,
}

/// (flow, item): what a product of each flow must show before UAT.
const CHECKS: &[(&str, &str)] = &[
    ("dual", "sign_on"),
    ("dual", "inquiry_ok"),
    ("dual", "payment_ok"),
    ("dual", "duplicate_reference"),
    ("dual", "pending_followed"),
    ("dual", "failure_seen"),
    ("single", "sign_on"),
    ("single", "single_payment_ok"),
    ("single", "duplicate_reference"),
    ("single", "pending_followed"),
    ("single", "failure_seen"),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(ApiLog::Table)
                    .col(uuid(ApiLog::Id).primary_key())
                    // No foreign key: a request of an unknown user is kept
                    // too, and writing the log must cost as little as can be.
                    .col(uuid_null(ApiLog::UserId))
                    .col(string_len(ApiLog::Environment, 12))
                    .col(timestamp_with_time_zone(ApiLog::At))
                    .col(string_len(ApiLog::Method, 10))
                    .col(string_len(ApiLog::Path, 120))
                    .col(string_len(ApiLog::ClientIp, 45))
                    .col(string_len(ApiLog::Auth, 20))
                    .col(string_len_null(ApiLog::Username, 64))
                    .col(string_len_null(ApiLog::Session, 10))
                    .col(string_len_null(ApiLog::ProductCode, 40))
                    .col(string_len_null(ApiLog::ReferenceId, 40))
                    .col(string_len_null(ApiLog::Rc, 4))
                    .col(integer(ApiLog::HttpStatus))
                    .col(integer(ApiLog::LatencyMs))
                    .col(text_null(ApiLog::RequestBody))
                    .col(text_null(ApiLog::ResponseBody))
                    .to_owned(),
            )
            .await?;
        crate::index(
            manager,
            "idx_api_log_partner",
            ApiLog::Table,
            [ApiLog::UserId, ApiLog::Environment, ApiLog::At],
            false,
        )
        .await?;
        crate::index(manager, "idx_api_log_at", ApiLog::Table, [ApiLog::At], false).await?;

        manager
            .create_table(
                Table::create()
                    .table(UatChecks::Table)
                    .col(string_len(UatChecks::Flow, 10))
                    .col(string_len(UatChecks::Item, 30))
                    .col(integer(UatChecks::Position))
                    .primary_key(Index::create().col(UatChecks::Flow).col(UatChecks::Item))
                    .to_owned(),
            )
            .await?;
        let mut insert = Query::insert();
        insert.into_table(UatChecks::Table).columns([UatChecks::Flow, UatChecks::Item, UatChecks::Position]);
        for (position, (flow, item)) in CHECKS.iter().enumerate() {
            insert.values_panic([(*flow).into(), (*item).into(), (position as i32).into()]);
        }
        manager.exec_stmt(insert).await?;

        manager
            .create_table(
                Table::create()
                    .table(UatRequests::Table)
                    .col(uuid(UatRequests::Id).primary_key())
                    .col(uuid(UatRequests::UserId))
                    .col(string_len(UatRequests::ProductCode, 40))
                    .col(string_len(UatRequests::Status, 12))
                    .col(text_null(UatRequests::Reason))
                    .col(string_len(UatRequests::InquiryKey, 120))
                    .col(string_len(UatRequests::InquiryName, 160))
                    .col(string_len(UatRequests::InquiryType, 100))
                    .col(string_len(UatRequests::StrukKey, 120))
                    .col(string_len(UatRequests::StrukName, 160))
                    .col(string_len(UatRequests::StrukType, 100))
                    .col(text(UatRequests::Checks))
                    .col(timestamp_with_time_zone(UatRequests::CreatedAt))
                    .col(timestamp_with_time_zone_null(UatRequests::DecidedAt))
                    .col(uuid_null(UatRequests::DecidedBy))
                    .foreign_key(&mut crate::owned_by_user(UatRequests::Table, UatRequests::UserId))
                    .to_owned(),
            )
            .await?;
        crate::index(
            manager,
            "idx_uat_requests_status",
            UatRequests::Table,
            [UatRequests::Status, UatRequests::CreatedAt],
            false,
        )
        .await?;

        manager
            .create_table(
                Table::create()
                    .table(ProductSteps::Table)
                    .col(uuid(ProductSteps::Id).primary_key())
                    .col(uuid(ProductSteps::UserId))
                    .col(string_len(ProductSteps::ProductCode, 40))
                    .col(string_len(ProductSteps::State, 20))
                    .col(text_null(ProductSteps::Reason))
                    .col(string_len(ProductSteps::ActorKind, 12))
                    .col(string_len(ProductSteps::ActorName, 120))
                    .col(timestamp_with_time_zone(ProductSteps::At))
                    .foreign_key(&mut crate::owned_by_user(ProductSteps::Table, ProductSteps::UserId))
                    .to_owned(),
            )
            .await?;
        crate::index(
            manager,
            "idx_product_steps_partner",
            ProductSteps::Table,
            [ProductSteps::UserId, ProductSteps::At],
            false,
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            ProductSteps::Table.into_iden(),
            UatRequests::Table.into_iden(),
            UatChecks::Table.into_iden(),
            ApiLog::Table.into_iden(),
        ] {
            manager.drop_table(Table::drop().table(table).to_owned()).await?;
        }
        Ok(())
    }
}
