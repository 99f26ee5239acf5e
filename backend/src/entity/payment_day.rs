use sea_orm::entity::prelude::*;

/// Part of one partner's successful payments of one WIB day, counted and
/// summed (kept by the settlement that makes a payment successful).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "payment_days")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub user_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub environment: domain::Env,
    /// `YYYY-MM-DD` (WIB) of the payment's creation.
    #[sea_orm(primary_key, auto_increment = false)]
    pub day: String,
    /// One of `payment_days::SLOTS` rows of the day (from the payment's
    /// id): settlements of one partner do not wait on one row's lock.
    #[sea_orm(primary_key, auto_increment = false)]
    pub slot: i16,
    pub count: i64,
    /// The payments' totals (what the deposit paid), summed.
    pub total: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
