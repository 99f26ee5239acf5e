use crate::config::Config;
use crate::infra::storage::{self, Storage};
use crate::mail::Mailer;
use sea_orm::DatabaseConnection;
use secrecy::ExposeSecret;
use std::sync::Arc;

/// Everything a use case may need, built once by the server.
#[derive(Clone)]
pub struct AppState {
    pub db: DatabaseConnection,
    pub config: Arc<Config>,
    pub mailer: Arc<Mailer>,
    pub storage: Arc<dyn Storage>,
    /// Signs digest nonces (see `gateway::auth`); the same on every instance.
    pub nonce_key: Arc<Vec<u8>>,
    /// Where the gateway records each request (`apilog`).
    pub api_log: crate::apilog::LogSink,
    /// The gateway's per-merchant request counters (`gateway::throttle`).
    pub throttle: crate::gateway::throttle::Throttle,
    /// What the gateway remembers between requests (`gateway::memo`).
    pub memo: Arc<crate::gateway::memo::Memo>,
    /// Connections the gateway's hot path keeps (`infra::kept_connections`).
    pub kept: Arc<crate::infra::kept_connections::KeptConnections>,
    /// Payments of one deposit written together (`gateway::payment_batches`).
    pub payment_batches: Arc<crate::gateway::payment_batches::PaymentBatches>,
    /// The configured billers' adapters (`billers::registry`).
    pub billers: Arc<crate::billers::registry::Registry>,
    /// The payment service's client, when it is configured (top-up).
    pub payments: Option<Arc<crate::topup::service::PaymentService>>,
}

impl AppState {
    pub async fn build(config: Config) -> anyhow::Result<AppState> {
        std::fs::create_dir_all(&config.data_dir)?;
        let db = crate::infra::db::connect(&config.database_url()).await?;
        crate::ledger_days::rebuild_if_empty(&db).await?;
        crate::payment_days::rebuild_if_empty(&db).await?;
        let mailer = Mailer::from_config(&config)?;
        let storage = storage::from_config(&config)?;
        let nonce_key = match &config.digest_nonce_key {
            Some(k) => k.expose_secret().as_bytes().to_vec(),
            None => crate::infra::secrets::shared(&db, "digest_nonce_key").await?,
        };
        let billers = crate::billers::registry::Registry::build(&config, &db)?;
        let payments = crate::topup::service::PaymentService::from_config(&config)?.map(Arc::new);
        Ok(AppState {
            billers: Arc::new(billers),
            memo: Arc::default(),
            payment_batches: Arc::default(),
            kept: Arc::new(crate::infra::kept_connections::KeptConnections::new(&db)),
            payments,
            db: db.clone(),
            config: Arc::new(config),
            mailer: Arc::new(mailer),
            storage: Arc::from(storage),
            nonce_key: Arc::new(nonce_key),
            api_log: crate::apilog::LogSink::start(db.clone()),
            throttle: crate::gateway::throttle::Throttle::start(db.clone()),
        })
    }
}
