//! tower-sessions store on the application's own database, so sessions are
//! shared by every process and need no second connection pool.

use crate::entity::session::{self, Entity as Session};
use async_trait::async_trait;
use sea_orm::sea_query::OnConflict;
use sea_orm::{ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};
use tower_sessions::session::{Id, Record};
use tower_sessions::session_store::{self, SessionStore};

/// Session keys that say who is signed in (set by the web layer's sign-in).
pub const PARTNER_KEY: &str = "partner_id";
pub const STAFF_KEY: &str = "staff_id";

/// Whose sessions: a partner user or a staff member.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    Partner(uuid::Uuid),
    Staff(uuid::Uuid),
}

impl Subject {
    fn column_value(self) -> String {
        match self {
            Subject::Partner(id) => format!("partner:{id}"),
            Subject::Staff(id) => format!("staff:{id}"),
        }
    }

    /// Who a session's data says is signed in, if anyone.
    fn of(data: &std::collections::HashMap<String, serde_json::Value>) -> Option<Subject> {
        let id = |key: &str| data.get(key).and_then(|v| v.as_str()).and_then(|v| uuid::Uuid::parse_str(v).ok());
        id(PARTNER_KEY).map(Subject::Partner).or_else(|| id(STAFF_KEY).map(Subject::Staff))
    }
}

/// Ends every session of `who` except `keep` (the caller's own, if any):
/// after a password change, a reset, a deactivation or a second-factor
/// reset nobody stays signed in with what was true before.
pub async fn end_sessions(
    db: &impl sea_orm::ConnectionTrait,
    who: Subject,
    keep: Option<&str>,
) -> Result<u64, sea_orm::DbErr> {
    let mut q = Session::delete_many().filter(session::Column::Subject.eq(who.column_value()));
    if let Some(keep) = keep {
        q = q.filter(session::Column::Id.ne(keep));
    }
    Ok(q.exec(db).await?.rows_affected)
}

/// A live session of someone, with what its data says.
pub struct LiveSession {
    pub id: String,
    pub data: std::collections::HashMap<String, serde_json::Value>,
}

/// The unexpired sessions of `who`.
pub async fn sessions_of(db: &impl sea_orm::ConnectionTrait, who: Subject) -> Result<Vec<LiveSession>, sea_orm::DbErr> {
    let rows = Session::find()
        .filter(session::Column::Subject.eq(who.column_value()))
        .filter(session::Column::ExpiresAt.gt(chrono::Utc::now()))
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|r| LiveSession { data: serde_json::from_str(&r.data).unwrap_or_default(), id: r.id })
        .collect())
}

/// Ends the session `id`.
pub async fn end_one(db: &impl sea_orm::ConnectionTrait, id: &str) -> Result<(), sea_orm::DbErr> {
    Session::delete_by_id(id.to_owned()).exec(db).await?;
    Ok(())
}

#[derive(Debug, Clone)]
pub struct DbSessionStore {
    db: DatabaseConnection,
}

impl DbSessionStore {
    pub fn new(db: DatabaseConnection) -> Self {
        DbSessionStore { db }
    }

    /// Removes expired sessions; run periodically by the server.
    pub async fn delete_expired(&self) -> Result<u64, sea_orm::DbErr> {
        let res =
            Session::delete_many().filter(session::Column::ExpiresAt.lt(chrono::Utc::now())).exec(&self.db).await?;
        Ok(res.rows_affected)
    }
}

fn backend(e: impl std::fmt::Display) -> session_store::Error {
    session_store::Error::Backend(e.to_string())
}

fn to_row(record: &Record) -> session_store::Result<session::ActiveModel> {
    let data = serde_json::to_string(&record.data).map_err(|e| session_store::Error::Encode(e.to_string()))?;
    let expires = chrono::DateTime::from_timestamp(record.expiry_date.unix_timestamp(), 0)
        .ok_or_else(|| session_store::Error::Encode("expiry out of range".into()))?;
    let subject = Subject::of(&record.data).map(Subject::column_value);
    Ok(session::ActiveModel {
        id: Set(record.id.to_string()),
        data: Set(data),
        expires_at: Set(expires),
        subject: Set(subject),
    })
}

#[async_trait]
impl SessionStore for DbSessionStore {
    async fn create(&self, record: &mut Record) -> session_store::Result<()> {
        // A fresh id that collides with a live one gets a new id, never the other's data.
        loop {
            let inserted = Session::insert(to_row(record)?)
                .on_conflict(OnConflict::column(session::Column::Id).do_nothing().to_owned())
                .exec_without_returning(&self.db)
                .await
                .map_err(backend)?;
            if inserted == 1 {
                return Ok(());
            }
            record.id = Id::default();
        }
    }

    /// Updates a live session only: one that was ended meanwhile (sign-out
    /// elsewhere, password change) is not brought back by a late save.
    async fn save(&self, record: &Record) -> session_store::Result<()> {
        let row = to_row(record)?;
        Session::update_many()
            .set(row)
            .filter(session::Column::Id.eq(record.id.to_string()))
            .exec(&self.db)
            .await
            .map_err(backend)?;
        Ok(())
    }

    async fn load(&self, id: &Id) -> session_store::Result<Option<Record>> {
        let row = Session::find_by_id(id.to_string())
            .filter(session::Column::ExpiresAt.gt(chrono::Utc::now()))
            .one(&self.db)
            .await
            .map_err(backend)?;
        let Some(row) = row else { return Ok(None) };
        let data = serde_json::from_str(&row.data).map_err(|e| session_store::Error::Decode(e.to_string()))?;
        let expiry_date = time::OffsetDateTime::from_unix_timestamp(row.expires_at.timestamp())
            .map_err(|e| session_store::Error::Decode(e.to_string()))?;
        Ok(Some(Record { id: *id, data, expiry_date }))
    }

    async fn delete(&self, id: &Id) -> session_store::Result<()> {
        Session::delete_by_id(id.to_string()).exec(&self.db).await.map_err(backend)?;
        Ok(())
    }
}
