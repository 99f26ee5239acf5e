//! `gateway_version` (issue 17): one number every change to what the
//! gateway remembers between requests counts up — credentials, merchant
//! IDs, suspensions, addresses, Sign-On sessions and their day's count,
//! products, partners' products and billers' breakers. The gateway reads
//! it in the statement that records a nonce's use, so every request knows
//! whether what it remembered is still what the database holds
//! (`backend::gateway::memo`).
//!
//! Triggers count, so nothing that changes those tables can forget to —
//! the portal, the back office, a worker or an operator's `psql`. On
//! PostgreSQL they are deferred to the commit: the count and the change
//! become visible together, and the row's lock is taken last in a
//! transaction and held only through its commit, so it cannot close a
//! cycle of lock waits with another transaction's rows. SQLite has one
//! writer at a time, so it counts at once.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DatabaseBackend;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Each watched table and the events that count: a partner's row in
/// `users` and `profiles` changes for many reasons, only these matter.
const WATCHED: &[(&str, &str)] = &[
    ("api_credentials", "INSERT OR UPDATE OR DELETE"),
    ("profiles", "INSERT OR UPDATE OF merchant_id OR DELETE"),
    ("users", "UPDATE OF suspended_at OR DELETE"),
    ("ip_whitelist", "INSERT OR UPDATE OR DELETE"),
    ("gateway_sessions", "INSERT OR UPDATE OR DELETE"),
    ("signon_days", "INSERT OR UPDATE OR DELETE"),
    ("products", "INSERT OR UPDATE OR DELETE"),
    ("partner_products", "INSERT OR UPDATE OR DELETE"),
    ("biller_breakers", "INSERT OR UPDATE OR DELETE"),
];

const BUMP: &str = "UPDATE gateway_version SET version = version + 1 WHERE id = 1";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        db.execute_unprepared("CREATE TABLE gateway_version (id INTEGER PRIMARY KEY, version BIGINT NOT NULL)").await?;
        db.execute_unprepared("INSERT INTO gateway_version (id, version) VALUES (1, 0)").await?;
        if manager.get_database_backend() == DatabaseBackend::Postgres {
            db.execute_unprepared(&format!(
                "CREATE FUNCTION gateway_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN {BUMP}; RETURN NULL; END $$"
            ))
            .await?;
            for (table, events) in WATCHED {
                db.execute_unprepared(&format!(
                    "CREATE CONSTRAINT TRIGGER gateway_version_{table} AFTER {events} ON {table} \
                     DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION gateway_version_bump()"
                ))
                .await?;
            }
        } else {
            for (table, events) in WATCHED {
                for (i, event) in events.split(" OR ").enumerate() {
                    db.execute_unprepared(&format!(
                        "CREATE TRIGGER gateway_version_{table}_{i} AFTER {event} ON {table} BEGIN {BUMP}; END"
                    ))
                    .await?;
                }
            }
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        if manager.get_database_backend() == DatabaseBackend::Postgres {
            for (table, _) in WATCHED {
                db.execute_unprepared(&format!("DROP TRIGGER gateway_version_{table} ON {table}")).await?;
            }
            db.execute_unprepared("DROP FUNCTION gateway_version_bump()").await?;
        } else {
            for (table, events) in WATCHED {
                for i in 0..events.split(" OR ").count() {
                    db.execute_unprepared(&format!("DROP TRIGGER gateway_version_{table}_{i}")).await?;
                }
            }
        }
        db.execute_unprepared("DROP TABLE gateway_version").await.map(drop)
    }
}
