//! Connecting to the database and bringing its schema up to date.

use migrations::{Migrator, MigratorTrait};
use sea_orm::{ConnectOptions, Database, DatabaseConnection};
use std::time::Duration;

pub async fn connect(url: &str) -> anyhow::Result<DatabaseConnection> {
    let mut opts = ConnectOptions::new(url.to_owned());
    // SQLite allows one writer, and a deferred transaction that reads before
    // it writes fails outright (SQLITE_BUSY_SNAPSHOT) when another writer got
    // in between; one connection makes every transaction run in turn.
    opts.max_connections(if url.starts_with("sqlite:") { 1 } else { 20 })
        .acquire_timeout(Duration::from_secs(10))
        // sqlx pings a pooled connection on every checkout by default: a
        // round trip before each statement outside a transaction, six per
        // payment (issue 17). A connection that sat idle long enough to have
        // been dropped (server restart, proxy, firewall) is still pinged.
        .test_before_acquire_if_idle_for(Duration::from_secs(30))
        .sqlx_logging(false);
    if url.starts_with("sqlite:") {
        // One file shared by many tasks: wait for the writer instead of failing.
        opts.map_sqlx_sqlite_opts(|o| {
            o.busy_timeout(Duration::from_secs(10))
                .journal_mode(sea_orm::sqlx::sqlite::SqliteJournalMode::Wal)
                .foreign_keys(true)
        });
    }
    let db = Database::connect(opts).await?;
    Migrator::up(&db, None).await?;
    Ok(db)
}

/// A write transaction. On SQLite it takes the write lock at once (`BEGIN
/// IMMEDIATE`): a deferred transaction that reads before it writes fails
/// outright (SQLITE_BUSY_SNAPSHOT, which no busy timeout waits out) when
/// another connection to the file wrote in between — a second process, or
/// a second instance in the tests; an immediate one waits for the lock.
pub async fn begin(db: &DatabaseConnection) -> Result<sea_orm::DatabaseTransaction, sea_orm::DbErr> {
    use sea_orm::{DbBackend, SqliteTransactionMode, TransactionOptions, TransactionTrait};
    let sqlite_transaction_mode =
        (db.get_database_backend() == DbBackend::Sqlite).then_some(SqliteTransactionMode::Immediate);
    db.begin_with_options(TransactionOptions { sqlite_transaction_mode, ..TransactionOptions::default() }).await
}

/// `/readyz`: can we talk to the database right now?
pub async fn ping(db: &DatabaseConnection) -> bool {
    db.ping().await.is_ok()
}

/// Runs a write transaction again when SQLite reports the database busy
/// (another process writing the same file); PostgreSQL waits on row locks.
pub async fn retry_busy<T, F, Fut>(mut op: F) -> crate::Result<T>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = crate::Result<T>>,
{
    let mut attempt = 0u64;
    loop {
        match op().await {
            Err(crate::Error::Unexpected(e)) if attempt < 60 && is_busy(&e) => {
                attempt += 1;
                // Jittered so that retrying writers do not collide again in step.
                let jitter = rand::random::<u64>() % 50;
                tokio::time::sleep(Duration::from_millis((10 * attempt).min(200) + jitter)).await;
            }
            other => return other,
        }
    }
}

fn is_busy(e: &anyhow::Error) -> bool {
    let msg = format!("{e:#}");
    msg.contains("database is locked") || msg.contains("database is busy") || msg.contains("(code: 5)")
}

/// The page of `select` a list query asks for (a page past the end gives
/// the last one), converted with `out`.
pub async fn fetch_page<'db, C, S, T>(
    db: &'db C,
    select: S,
    query: &domain::ListQuery,
    out: impl FnMut(<S::Selector as sea_orm::SelectorTrait>::Item) -> T,
) -> Result<domain::Page<T>, sea_orm::DbErr>
where
    C: sea_orm::ConnectionTrait,
    S: sea_orm::PaginatorTrait<'db, C>,
{
    let per_page = query.per_page();
    let paginator = select.paginate(db, per_page);
    let totals = paginator.num_items_and_pages().await?;
    let page = query.page.min(totals.number_of_pages.saturating_sub(1));
    let items = paginator.fetch_page(page).await?.into_iter().map(out).collect();
    Ok(domain::Page { items, page, per_page, total: totals.number_of_items })
}
