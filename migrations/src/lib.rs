//! Schema migrations, run at start-up by the server (and by tests).

pub use sea_orm_migration::prelude::*;

mod m20261123_000001_create_accounts;
mod m20261123_000002_create_platform;
mod m20261123_000003_load_regions;
mod m20261123_000004_create_profiles;
mod m20261123_000005_create_moderation;

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
        ]
    }
}
