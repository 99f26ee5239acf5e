//! Staff second factor and deactivation, queue assignment, and profile
//! revisions: a partner's proposed changes to an approved profile, with the
//! replacement documents kept beside the approved ones until decided.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Staff {
    Table,
    TotpSecret,
    TotpLastStep,
    Active,
}

#[derive(DeriveIden)]
enum Profiles {
    Table,
    AssignedTo,
}

#[derive(DeriveIden)]
enum ProfileDocuments {
    Table,
    UserId,
    DocType,
    Slot,
}

#[derive(DeriveIden)]
enum ProfileRevisions {
    Table,
    Id,
    UserId,
    Status,
    Fields,
    Notes,
    SubmittedAt,
    DecidedBy,
    DecidedAt,
    Reason,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite adds one column per ALTER TABLE.
        for col in [
            string_len_null(Staff::TotpSecret, 64),
            big_integer_null(Staff::TotpLastStep),
            boolean(Staff::Active).default(true).to_owned(),
        ] {
            manager.alter_table(Table::alter().table(Staff::Table).add_column(col).to_owned()).await?;
        }
        manager
            .alter_table(Table::alter().table(Profiles::Table).add_column(uuid_null(Profiles::AssignedTo)).to_owned())
            .await?;
        // `current` is the file moderation accepted (or is deciding on);
        // `revision` a replacement proposed for an approved profile.
        manager
            .alter_table(
                Table::alter()
                    .table(ProfileDocuments::Table)
                    .add_column(string_len(ProfileDocuments::Slot, 10).default("current"))
                    .to_owned(),
            )
            .await?;
        manager
            .drop_index(Index::drop().name("uq_profile_documents_user_type").table(ProfileDocuments::Table).to_owned())
            .await?;
        crate::index(
            manager,
            "uq_profile_documents_user_type_slot",
            ProfileDocuments::Table,
            [ProfileDocuments::UserId, ProfileDocuments::DocType, ProfileDocuments::Slot],
            true,
        )
        .await?;
        manager
            .create_table(
                Table::create()
                    .table(ProfileRevisions::Table)
                    .col(uuid(ProfileRevisions::Id).primary_key())
                    .col(uuid(ProfileRevisions::UserId))
                    .col(string_len(ProfileRevisions::Status, 20))
                    .col(text(ProfileRevisions::Fields))
                    .col(text(ProfileRevisions::Notes))
                    .col(timestamp_with_time_zone(ProfileRevisions::SubmittedAt))
                    .col(uuid_null(ProfileRevisions::DecidedBy))
                    .col(timestamp_with_time_zone_null(ProfileRevisions::DecidedAt))
                    .col(string_len_null(ProfileRevisions::Reason, 500))
                    .foreign_key(&mut crate::owned_by_user(ProfileRevisions::Table, ProfileRevisions::UserId))
                    .to_owned(),
            )
            .await?;
        crate::index(
            manager,
            "idx_profile_revisions_user",
            ProfileRevisions::Table,
            [ProfileRevisions::UserId, ProfileRevisions::Status],
            false,
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(ProfileRevisions::Table).to_owned()).await
    }
}
