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
//! dropped is then replaced instead of failing a payment. No request waits
//! for a connection to open, except the very first: when none is idle the
//! statement goes to the pool (warm, as the rest of the gateway uses it),
//! and another connection (up to `KEPT_MAX`) is opened in the background.
//! On SQLite every statement goes to the pool.

use sea_orm::sqlx::postgres::{PgConnectOptions, PgConnection};
use sea_orm::sqlx::{self, Connection};
use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, DbErr, QueryResult, RuntimeErr, Statement};
use sea_query_sqlx::SqlxValues;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

/// At most this many connections per process, besides the pool's.
const KEPT_MAX: usize = 12;
/// As `infra::db`'s pool.
const PING_AFTER_IDLE: Duration = Duration::from_secs(30);

pub struct KeptConnections {
    db: DatabaseConnection,
    /// `None` off PostgreSQL: every statement goes to the pool.
    options: Option<PgConnectOptions>,
    shared: Arc<Shared>,
}

#[derive(Default)]
struct Shared {
    idle: Mutex<Vec<(PgConnection, Instant)>>,
    /// Connections that exist (idle, in use or being opened): at most
    /// `KEPT_MAX`.
    alive: AtomicUsize,
    /// Connections opened so far.
    opened: AtomicUsize,
}

impl KeptConnections {
    pub fn new(db: &DatabaseConnection) -> KeptConnections {
        let options = (db.get_database_backend() == DbBackend::Postgres)
            .then(|| db.get_postgres_connection_pool().connect_options().as_ref().clone());
        KeptConnections { db: db.clone(), options, shared: Arc::default() }
    }

    /// The pool, for what does not go through these connections.
    pub fn db(&self) -> &DatabaseConnection {
        &self.db
    }

    /// How many connections were opened so far.
    pub fn opened(&self) -> usize {
        self.shared.opened.load(Ordering::Relaxed)
    }

    /// Runs `stmt` and returns its first row, as `query_one_raw` does.
    pub async fn query_one(&self, stmt: Statement) -> Result<Option<QueryResult>, DbErr> {
        let Some(options) = &self.options else { return self.db.query_one_raw(stmt).await };
        let Some(mut lease) = self.lease(options).await else { return self.db.query_one_raw(stmt).await };
        let Some(conn) = lease.conn.as_mut() else { return self.db.query_one_raw(stmt).await };
        let values = stmt.values.unwrap_or(sea_orm::Values(Vec::new()));
        let query = sqlx::query_with(sqlx::AssertSqlSafe(stmt.sql.as_str()), SqlxValues(values));
        let row = query.fetch_optional(conn).await;
        // A refusal by the server (a unique key, say) leaves the
        // conversation whole; any other error may not.
        if matches!(row, Ok(_) | Err(sqlx::Error::Database(_))) {
            lease.give_back();
        }
        row.map(|r| r.map(QueryResult::from)).map_err(|e| DbErr::Query(RuntimeErr::SqlxError(Arc::new(e))))
    }

    /// An idle connection, or the first one opened now; `None` (and one
    /// more opening in the background) when all that exist are busy.
    async fn lease(&self, options: &PgConnectOptions) -> Option<Lease> {
        let idle = self.shared.lock().pop();
        if let Some((mut conn, since)) = idle {
            if since.elapsed() < PING_AFTER_IDLE || conn.ping().await.is_ok() {
                return Some(Lease::new(conn, &self.shared));
            }
            self.shared.alive.fetch_sub(1, Ordering::Relaxed);
        }
        if self.shared.reserve(|alive| alive == 0) {
            return self.shared.open(options).await.map(|conn| Lease::new(conn, &self.shared));
        }
        if self.shared.reserve(|alive| alive < KEPT_MAX) {
            let (shared, options) = (Arc::clone(&self.shared), options.clone());
            tokio::spawn(async move {
                if let Some(conn) = shared.open(&options).await {
                    shared.lock().push((conn, Instant::now()));
                }
            });
        }
        None
    }
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, Vec<(PgConnection, Instant)>> {
        self.idle.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Counts one more connection if `room` allows it at the current count.
    fn reserve(&self, room: impl Fn(usize) -> bool) -> bool {
        self.alive.fetch_update(Ordering::Relaxed, Ordering::Relaxed, |n| room(n).then_some(n + 1)).is_ok()
    }

    /// Opens a reserved connection; `None` (and the reservation given up)
    /// when the server cannot be reached — the pool says why.
    async fn open(&self, options: &PgConnectOptions) -> Option<PgConnection> {
        self.opened.fetch_add(1, Ordering::Relaxed);
        let conn = PgConnection::connect_with(options).await;
        if conn.is_err() {
            self.alive.fetch_sub(1, Ordering::Relaxed);
        }
        conn.ok()
    }
}

/// A connection in use: given back, or closed (and no longer counted) when
/// it is dropped instead — its statement failed or was cut off.
struct Lease {
    conn: Option<PgConnection>,
    shared: Arc<Shared>,
}

impl Lease {
    fn new(conn: PgConnection, shared: &Arc<Shared>) -> Lease {
        Lease { conn: Some(conn), shared: Arc::clone(shared) }
    }

    fn give_back(mut self) {
        if let Some(conn) = self.conn.take() {
            self.shared.lock().push((conn, Instant::now()));
        }
    }
}

impl Drop for Lease {
    fn drop(&mut self) {
        if self.conn.take().is_some() {
            self.shared.alive.fetch_sub(1, Ordering::Relaxed);
        }
    }
}
