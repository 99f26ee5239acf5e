use sea_orm::entity::prelude::*;

/// One address a partner may call a gateway environment from, once approved.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "ip_whitelist")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub user_id: Uuid,
    pub environment: domain::Env,
    /// Canonical text form (`IpAddr::to_string`).
    pub ip: String,
    /// `pending`, `approved` or `rejected`.
    pub status: domain::finance::IpStatus,
    pub reason: Option<String>,
    pub created_at: DateTimeUtc,
    pub decided_by: Option<Uuid>,
    pub decided_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}
