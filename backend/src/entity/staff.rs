use sea_orm::entity::prelude::*;

/// An operator staff member (back office).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "staff")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    #[sea_orm(unique)]
    pub email: String,
    pub name: String,
    pub password_hash: String,
    /// `admin`, `moderator` or `finance`.
    pub role: domain::staff::Role,
    pub created_at: DateTimeUtc,
    /// Base32 TOTP secret once the second factor is set up.
    pub totp_secret: Option<String>,
    /// The last accepted TOTP time step: a code is good once.
    pub totp_last_step: Option<i64>,
    /// Deactivated staff cannot sign in.
    pub active: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}
