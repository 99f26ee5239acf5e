use crate::config::Config;
use crate::mail::Mailer;
use crate::storage::{self, Storage};
use sea_orm::DatabaseConnection;
use std::sync::Arc;

/// Everything a use case may need, built once by the server.
#[derive(Clone)]
pub struct AppState {
    pub db: DatabaseConnection,
    pub config: Arc<Config>,
    pub mailer: Arc<Mailer>,
    pub storage: Arc<dyn Storage>,
}

impl AppState {
    pub async fn build(config: Config) -> anyhow::Result<AppState> {
        std::fs::create_dir_all(&config.data_dir)?;
        let db = crate::db::connect(&config.database_url()).await?;
        let mailer = Mailer::from_config(&config)?;
        let storage = storage::from_config(&config)?;
        Ok(AppState { db, config: Arc::new(config), mailer: Arc::new(mailer), storage: Arc::from(storage) })
    }
}
