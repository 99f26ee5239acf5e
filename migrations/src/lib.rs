//! Schema migrations, run at start-up by the server (and by tests).

pub use sea_orm_migration::prelude::*;

mod m20261123_000001_create_accounts;
mod m20261123_000002_create_platform;
mod m20261123_000003_load_regions;
mod m20261123_000004_create_profiles;
mod m20261123_000005_create_moderation;
mod m20261123_000006_staff_and_revisions;
mod m20261123_000007_gateway;
mod m20261123_000008_catalog_and_transactions;
mod m20261123_000009_connections;
mod m20261123_000010_callbacks;
mod m20261123_000011_polling_and_breakers;
mod m20261201_000012_hardening;
mod m20261201_000013_product_lifecycle;
mod m20261201_000014_product_families;
mod m20261201_000015_going_live;
mod m20261201_000016_manual_catalog;
mod m20261201_000017_team;
mod m20261201_000018_billers;
mod m20261202_000019_topup;
mod m20261202_000020_topup_orders;
mod m20261202_000021_report_indexes;
mod m20261202_000022_reports;
mod m20261202_000023_ledger_days;
mod m20261205_000024_payment_days;
mod m20261206_000025_payment_day_slots;
mod m20261206_000026_gateway_version;
mod m20261206_000027_drop_status_index;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261123_000001_create_accounts::Migration),
            Box::new(m20261123_000002_create_platform::Migration),
            Box::new(m20261123_000003_load_regions::Migration),
            Box::new(m20261123_000004_create_profiles::Migration),
            Box::new(m20261123_000005_create_moderation::Migration),
            Box::new(m20261123_000006_staff_and_revisions::Migration),
            Box::new(m20261123_000007_gateway::Migration),
            Box::new(m20261123_000008_catalog_and_transactions::Migration),
            Box::new(m20261123_000009_connections::Migration),
            Box::new(m20261123_000010_callbacks::Migration),
            Box::new(m20261123_000011_polling_and_breakers::Migration),
            Box::new(m20261201_000012_hardening::Migration),
            Box::new(m20261201_000013_product_lifecycle::Migration),
            Box::new(m20261201_000014_product_families::Migration),
            Box::new(m20261201_000015_going_live::Migration),
            Box::new(m20261201_000016_manual_catalog::Migration),
            Box::new(m20261201_000017_team::Migration),
            Box::new(m20261201_000018_billers::Migration),
            Box::new(m20261202_000019_topup::Migration),
            Box::new(m20261202_000020_topup_orders::Migration),
            Box::new(m20261202_000021_report_indexes::Migration),
            Box::new(m20261202_000022_reports::Migration),
            Box::new(m20261202_000023_ledger_days::Migration),
            Box::new(m20261205_000024_payment_days::Migration),
            Box::new(m20261206_000025_payment_day_slots::Migration),
            Box::new(m20261206_000026_gateway_version::Migration),
            Box::new(m20261206_000027_drop_status_index::Migration),
        ]
    }
}

/// A `ON DELETE CASCADE` foreign key from `table.column` to `users.id`:
/// the row belongs to a partner user and goes with it.
fn owned_by_user(table: impl IntoIden, column: impl IntoIden) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(table, column)
        .to(Alias::new("users"), Alias::new("id"))
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

/// Creates the index `name` over `columns` of `table`.
async fn index<C: IntoIden>(
    manager: &SchemaManager<'_>,
    name: &str,
    table: impl IntoIden,
    columns: impl IntoIterator<Item = C>,
    unique: bool,
) -> Result<(), DbErr> {
    let mut index = Index::create();
    index.name(name).table(table);
    for c in columns {
        index.col(c);
    }
    if unique {
        index.unique();
    }
    manager.create_index(index.to_owned()).await
}
