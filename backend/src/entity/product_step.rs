use sea_orm::entity::prelude::*;

/// One step of one partner's product (its history for staff).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "product_steps")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub user_id: Uuid,
    pub product_code: String,
    pub state: domain::products::ProductState,
    pub reason: Option<String>,
    pub actor_kind: domain::moderation::ActorKind,
    pub actor_name: String,
    pub at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}
