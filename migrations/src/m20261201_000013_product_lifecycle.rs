//! A partner's products carry their place on the way to production
//! (`domain::products::ProductState`): chosen, UAT requested/approved/
//! rejected, Live requested, active, maintenance, inactive. Rows that
//! existed were switched on in production by staff: they are active.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum PartnerProducts {
    Table,
    State,
    Reason,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite alters one at a time.
        let columns = [
            string_len(PartnerProducts::State, 20).default("active").to_owned(),
            text_null(PartnerProducts::Reason),
            timestamp_with_time_zone_null(PartnerProducts::UpdatedAt),
        ];
        for mut column in columns {
            manager
                .alter_table(Table::alter().table(PartnerProducts::Table).add_column(&mut column).to_owned())
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in [PartnerProducts::UpdatedAt, PartnerProducts::Reason, PartnerProducts::State] {
            manager.alter_table(Table::alter().table(PartnerProducts::Table).drop_column(column).to_owned()).await?;
        }
        Ok(())
    }
}
