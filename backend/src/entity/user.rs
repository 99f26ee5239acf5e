use sea_orm::entity::prelude::*;

/// A partner user: the owner who registered (sub-users come later).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "users")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub name: String,
    pub company: String,
    #[sea_orm(unique)]
    pub email: String,
    pub website: Option<String>,
    /// Canonical `628…` form.
    #[sea_orm(unique)]
    pub phone: String,
    pub password_hash: String,
    pub lang: String,
    pub email_verified_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}
