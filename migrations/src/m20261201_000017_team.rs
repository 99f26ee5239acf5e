//! Team (manual §11) and suspension.
//!
//! - A partner user may belong to an owner (`owner_id`): a sub-user of the
//!   owner's company with the rights in `rights` (codes joined by commas).
//!   The owner's row has neither: it has every right.
//! - Every user gets a `username`, set by the system; existing owners get
//!   theirs here (`<company>.01`).
//! - A company is suspended on its owner's row (`suspended_at`, and the
//!   reason shown to its users).
//! - Partner users may turn on a second factor (TOTP, with single-use
//!   recovery codes kept as hashes); the owner may require it company-wide
//!   (`require_totp` on the owner's row).

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;
use sea_orm_migration::sea_orm::prelude::Uuid;
use sea_orm_migration::sea_orm::ConnectionTrait;
use std::collections::HashSet;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Users {
    Table,
    Id,
    Company,
    OwnerId,
    Username,
    Rights,
    SuspendedAt,
    SuspensionReason,
    TotpSecret,
    TotpLastStep,
    RecoveryCodes,
    RequireTotp,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite alters one at a time.
        for mut col in [
            uuid_null(Users::OwnerId),
            string_len_null(Users::Username, 40),
            text_null(Users::Rights),
            timestamp_with_time_zone_null(Users::SuspendedAt),
            text_null(Users::SuspensionReason),
            string_len_null(Users::TotpSecret, 64),
            big_integer_null(Users::TotpLastStep),
            text_null(Users::RecoveryCodes),
            boolean(Users::RequireTotp).default(false).to_owned(),
        ] {
            manager.alter_table(Table::alter().table(Users::Table).add_column(&mut col).to_owned()).await?;
        }
        name_existing_owners(manager).await?;
        crate::index(manager, "idx_users_username", Users::Table, [Users::Username], true).await?;
        crate::index(manager, "idx_users_owner", Users::Table, [Users::OwnerId], false).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_index(Index::drop().name("idx_users_owner").table(Users::Table).to_owned()).await?;
        manager.drop_index(Index::drop().name("idx_users_username").table(Users::Table).to_owned()).await?;
        for col in [
            Users::RequireTotp,
            Users::RecoveryCodes,
            Users::TotpLastStep,
            Users::TotpSecret,
            Users::SuspensionReason,
            Users::SuspendedAt,
            Users::Rights,
            Users::Username,
            Users::OwnerId,
        ] {
            manager.alter_table(Table::alter().table(Users::Table).drop_column(col).to_owned()).await?;
        }
        Ok(())
    }
}

/// `<company>.01` for every account registered before usernames existed;
/// a name two companies share gets the next free number.
async fn name_existing_owners(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    let db = manager.get_connection();
    let select = Query::select().columns([Users::Id, Users::Company]).from(Users::Table).to_owned();
    let rows = db.query_all(&select).await?;
    let mut taken = HashSet::new();
    for row in rows {
        let id: Uuid = row.try_get("", "id")?;
        let company: String = row.try_get("", "company")?;
        let name = (1..).map(|n| domain::team::username(&company, n)).find(|u| !taken.contains(u)).unwrap_or_default();
        taken.insert(name.clone());
        let update = Query::update()
            .table(Users::Table)
            .value(Users::Username, name)
            .and_where(Expr::col(Users::Id).eq(id))
            .to_owned();
        db.execute(&update).await?;
    }
    Ok(())
}
