use sea_orm::entity::prelude::*;

/// Transaction credentials of one environment; only the digest HA1 is kept.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "api_credentials")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub user_id: Uuid,
    /// `development` or `production`.
    pub environment: domain::Env,
    #[sea_orm(unique)]
    pub username: String,
    /// `MD5(username:realm:password)`, lower-case hex.
    pub ha1: String,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}
