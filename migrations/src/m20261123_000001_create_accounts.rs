//! Partner users, staff and the single-use e-mail tokens.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
    Name,
    Company,
    Email,
    Website,
    Phone,
    PasswordHash,
    Lang,
    EmailVerifiedAt,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum EmailTokens {
    Table,
    Id,
    UserId,
    Purpose,
    TokenHash,
    ExpiresAt,
    UsedAt,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Staff {
    Table,
    Id,
    Email,
    Name,
    PasswordHash,
    Role,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Users::Table)
                    .col(uuid(Users::Id).primary_key())
                    .col(string_len(Users::Name, 100))
                    .col(string_len(Users::Company, 150))
                    .col(string_len_uniq(Users::Email, 254))
                    .col(string_len_null(Users::Website, 200))
                    .col(string_len_uniq(Users::Phone, 20))
                    .col(string(Users::PasswordHash))
                    .col(string_len(Users::Lang, 2).default("id"))
                    .col(timestamp_with_time_zone_null(Users::EmailVerifiedAt))
                    .col(timestamp_with_time_zone(Users::CreatedAt))
                    .col(timestamp_with_time_zone(Users::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(EmailTokens::Table)
                    .col(uuid(EmailTokens::Id).primary_key())
                    .col(uuid(EmailTokens::UserId))
                    .col(string_len(EmailTokens::Purpose, 16))
                    .col(string_len_uniq(EmailTokens::TokenHash, 64))
                    .col(timestamp_with_time_zone(EmailTokens::ExpiresAt))
                    .col(timestamp_with_time_zone_null(EmailTokens::UsedAt))
                    .col(timestamp_with_time_zone(EmailTokens::CreatedAt))
                    .foreign_key(&mut crate::owned_by_user(EmailTokens::Table, EmailTokens::UserId))
                    .to_owned(),
            )
            .await?;
        crate::index(
            manager,
            "idx_email_tokens_user_purpose",
            EmailTokens::Table,
            [EmailTokens::UserId, EmailTokens::Purpose],
            false,
        )
        .await?;
        manager
            .create_table(
                Table::create()
                    .table(Staff::Table)
                    .col(uuid(Staff::Id).primary_key())
                    .col(string_len_uniq(Staff::Email, 254))
                    .col(string_len(Staff::Name, 100))
                    .col(string(Staff::PasswordHash))
                    .col(string_len(Staff::Role, 16))
                    .col(timestamp_with_time_zone(Staff::CreatedAt))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for t in [EmailTokens::Table.into_iden(), Staff::Table.into_iden(), Users::Table.into_iden()] {
            manager.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}
