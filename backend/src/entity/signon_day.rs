use sea_orm::entity::prelude::*;

/// Sign-ons of one merchant in one environment on one WIB day.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "signon_days")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub user_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub environment: domain::Env,
    /// `YYYY-MM-DD` in WIB.
    #[sea_orm(primary_key, auto_increment = false)]
    pub day: String,
    pub count: i32,
    /// Set when staff lift the block of a merchant over the daily limit.
    pub reset_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
