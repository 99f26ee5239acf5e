use sea_orm::entity::prelude::*;

/// A partner's proposed change to an approved profile.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "profile_revisions")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub user_id: Uuid,
    /// `submitted`, `approved` or `rejected`.
    pub status: domain::profile::RevisionStatus,
    /// The proposed form (`ProfileIn` as JSON).
    pub fields: String,
    /// Change notes by field name (JSON object).
    pub notes: String,
    pub submitted_at: DateTimeUtc,
    pub decided_by: Option<Uuid>,
    pub decided_at: Option<DateTimeUtc>,
    pub reason: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
