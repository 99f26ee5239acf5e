use sea_orm::entity::prelude::*;

/// A partner's company profile (one per partner owner).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "profiles")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub user_id: Uuid,
    pub service: String,
    pub category: Option<String>,
    pub personal_name: String,
    pub personal_phone: String,
    pub personal_email: String,
    pub business_name: String,
    pub business_phone: String,
    pub province_code: Option<String>,
    pub regency_code: Option<String>,
    pub district_code: Option<String>,
    pub village_code: Option<String>,
    pub address: String,
    pub status: domain::profile::ProfileStatus,
    pub submitted_at: Option<DateTimeUtc>,
    pub updated_at: DateTimeUtc,
    /// Allocated at approval, e.g. `DJI100087`.
    #[sea_orm(unique)]
    pub merchant_id: Option<String>,
    pub approved_at: Option<DateTimeUtc>,
    /// The moderator who took this profile from the queue.
    pub assigned_to: Option<Uuid>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
