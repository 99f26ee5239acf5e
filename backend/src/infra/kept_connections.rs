//! Connections the gateway's hot path keeps for its own statements
//! (issue 17, PostgreSQL).
//!
//! sqlx's pool sends a round trip (a `Sync` and its `ReadyForQuery`) every
//! time a connection goes back to it, to catch one that a cancelled
//! statement left mid-conversation. On the gateway's path that is one more
//! round trip for every statement: three a payment, a third of what the
//! gateway sends. A connection here goes back without it, because what it
//! guards against cannot happen: the connection lives in the statement's
//! future, so a statement that did not run to its end (its request went
//! away) takes its connection with it — closed, never reused.
//!
//! A connection that sat idle for `PING_AFTER_IDLE` is pinged first, as the
//! pool's are (`infra::db`): one that a server restart or a firewall
//! dropped is then replaced instead of failing a payment. When all
//! `KEPT_MAX` are busy, the statement goes to the pool; on SQLite every
//! statement does.

use sea_orm::sqlx::postgres::{PgConnectOptions, PgConnection};
use sea_orm::sqlx::{self, Connection};
use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, DbErr, QueryResult, RuntimeErr, Statement};
use sea_query_sqlx::SqlxValues;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};
use tokio::sync::Semaphore;

/// At most this many connections per process, besides the pool's.
const KEPT_MAX: usize = 12;
/// As `infra::db`'s pool.
const PING_AFTER_IDLE: Duration = Duration::from_secs(30);

pub struct KeptConnections {
    db: DatabaseConnection,
    /// `None` off PostgreSQL: every statement goes to the pool.
    options: Option<PgConnectOptions>,
    idle: Mutex<Vec<(PgConnection, Instant)>>,
    open: Semaphore,
    /// Connections opened so far (each is kept until it fails or is cut off).
    opened: AtomicUsize,
}

impl KeptConnections {
    pub fn new(db: &DatabaseConnection) -> KeptConnections {
        let options = (db.get_database_backend() == DbBackend::Postgres)
            .then(|| db.get_postgres_connection_pool().connect_options().as_ref().clone());
        KeptConnections {
            db: db.clone(),
            options,
            idle: Mutex::default(),
            open: Semaphore::new(KEPT_MAX),
            opened: AtomicUsize::new(0),
        }
    }

    /// The pool, for what does not go through these connections.
    pub fn db(&self) -> &DatabaseConnection {
        &self.db
    }

    /// How many connections were opened so far.
    pub fn opened(&self) -> usize {
        self.opened.load(Ordering::Relaxed)
    }

    /// Runs `stmt` and returns its first row, as `query_one_raw` does.
    pub async fn query_one(&self, stmt: Statement) -> Result<Option<QueryResult>, DbErr> {
        let Some(options) = &self.options else { return self.db.query_one_raw(stmt).await };
        let Ok(_permit) = self.open.try_acquire() else { return self.db.query_one_raw(stmt).await };
        let mut conn = self.checkout(options).await.map_err(|e| DbErr::Conn(RuntimeErr::SqlxError(Arc::new(e))))?;
        let values = stmt.values.unwrap_or(sea_orm::Values(Vec::new()));
        let query = sqlx::query_with(sqlx::AssertSqlSafe(stmt.sql.as_str()), SqlxValues(values));
        let row = query.fetch_optional(&mut conn).await;
        // A refusal by the server (a unique key, say) leaves the
        // conversation whole; any other error may not.
        if matches!(row, Ok(_) | Err(sqlx::Error::Database(_))) {
            self.lock().push((conn, Instant::now()));
        }
        row.map(|r| r.map(QueryResult::from)).map_err(|e| DbErr::Query(RuntimeErr::SqlxError(Arc::new(e))))
    }

    async fn checkout(&self, options: &PgConnectOptions) -> Result<PgConnection, sqlx::Error> {
        let idle = self.lock().pop();
        if let Some((mut conn, since)) = idle {
            if since.elapsed() < PING_AFTER_IDLE || conn.ping().await.is_ok() {
                return Ok(conn);
            }
        }
        self.opened.fetch_add(1, Ordering::Relaxed);
        PgConnection::connect_with(options).await
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<(PgConnection, Instant)>> {
        self.idle.lock().unwrap_or_else(PoisonError::into_inner)
    }
}
