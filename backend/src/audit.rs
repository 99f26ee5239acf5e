//! The append-only audit log: every state change by staff or partner.

use crate::entity::audit_log::{self, Entity as AuditLog};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

#[derive(Debug, Clone)]
pub enum Actor {
    Partner { id: Uuid, name: String },
    Staff { id: Uuid, name: String },
}

impl Actor {
    fn parts(&self) -> (&'static str, Uuid, &str) {
        match self {
            Actor::Partner { id, name } => ("partner", *id, name),
            Actor::Staff { id, name } => ("staff", *id, name),
        }
    }
}

/// Writes one entry in the caller's transaction.
pub async fn record(
    db: &impl ConnectionTrait,
    actor: &Actor,
    action: &str,
    entity: &str,
    entity_id: &str,
    before: Option<serde_json::Value>,
    after: Option<serde_json::Value>,
) -> Result<(), sea_orm::DbErr> {
    let (kind, id, name) = actor.parts();
    audit_log::ActiveModel {
        id: Set(Uuid::now_v7()),
        at: Set(chrono::Utc::now()),
        actor_kind: Set(kind.into()),
        actor_id: Set(Some(id)),
        actor_name: Set(name.to_owned()),
        action: Set(action.to_owned()),
        entity: Set(entity.to_owned()),
        entity_id: Set(entity_id.to_owned()),
        before: Set(before.map(|v| v.to_string())),
        after: Set(after.map(|v| v.to_string())),
    }
    .insert(db)
    .await?;
    Ok(())
}

/// The newest entry for an entity with one of `actions`.
pub async fn latest(
    db: &impl ConnectionTrait,
    entity: &str,
    entity_id: &str,
    actions: &[&str],
) -> Result<Option<audit_log::Model>, sea_orm::DbErr> {
    AuditLog::find()
        .filter(audit_log::Column::Entity.eq(entity))
        .filter(audit_log::Column::EntityId.eq(entity_id))
        .filter(audit_log::Column::Action.is_in(actions.iter().copied()))
        .order_by_desc(audit_log::Column::At)
        .one(db)
        .await
}
