//! The append-only audit log: every state change by staff or partner.

use crate::entity::audit_log::{self, Entity as AuditLog};
use domain::moderation::ActorKind;
use sea_orm::ActiveModelBehavior;
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

#[derive(Debug, Clone)]
pub enum Actor {
    Partner { id: Uuid, name: String },
    Staff { id: Uuid, name: String },
}

impl Actor {
    pub fn id(&self) -> Uuid {
        self.parts().1
    }

    pub fn name(&self) -> &str {
        self.parts().2
    }

    pub fn kind(&self) -> ActorKind {
        self.parts().0
    }

    fn parts(&self) -> (ActorKind, Uuid, &str) {
        match self {
            Actor::Partner { id, name } => (ActorKind::Partner, *id, name),
            Actor::Staff { id, name } => (ActorKind::Staff, *id, name),
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
        actor_kind: Set(kind),
        actor_id: Set(Some(id)),
        actor_name: Set(name.to_owned()),
        action: Set(action.to_owned()),
        entity: Set(entity.to_owned()),
        entity_id: Set(entity_id.to_owned()),
        before: Set(before.map(|v| v.to_string())),
        after: Set(after.map(|v| v.to_string())),
        ..audit_log::ActiveModel::new()
    }
    .insert(db)
    .await?;
    Ok(())
}

/// An entry as staff see it.
pub fn out(e: audit_log::Model) -> domain::moderation::AuditOut {
    domain::moderation::AuditOut {
        at: crate::infra::wib::format(e.at),
        actor_kind: e.actor_kind,
        actor_name: e.actor_name,
        action: e.action,
        entity: e.entity,
        entity_id: e.entity_id,
        before: e.before,
        after: e.after,
    }
}

/// The newest entry with one of `actions` for each of `entity_ids`.
pub async fn latest_each(
    db: &impl ConnectionTrait,
    entity: &str,
    entity_ids: &[String],
    actions: &[&str],
) -> Result<std::collections::HashMap<String, audit_log::Model>, sea_orm::DbErr> {
    if entity_ids.is_empty() {
        return Ok(Default::default());
    }
    let rows = AuditLog::find()
        .filter(audit_log::Column::Entity.eq(entity))
        .filter(audit_log::Column::EntityId.is_in(entity_ids.iter().cloned()))
        .filter(audit_log::Column::Action.is_in(actions.iter().copied()))
        .order_by_asc(audit_log::Column::At)
        .all(db)
        .await?;
    // Oldest first: a later decision overwrites an earlier one.
    Ok(rows.into_iter().map(|e| (e.entity_id.clone(), e)).collect())
}

/// Entries whose actor, action or entity id contains `q`, newest first.
pub async fn search(
    db: &impl ConnectionTrait,
    list: &domain::ListQuery,
) -> Result<domain::Page<domain::moderation::AuditOut>, sea_orm::DbErr> {
    use sea_orm::Condition;
    let mut query = AuditLog::find().order_by_desc(audit_log::Column::At);
    let q = list.search();
    if !q.is_empty() {
        query = query.filter(
            Condition::any()
                .add(audit_log::Column::ActorName.contains(q))
                .add(audit_log::Column::Action.contains(q))
                .add(audit_log::Column::EntityId.contains(q)),
        );
    }
    crate::infra::db::fetch_page(db, query, list, out).await
}
