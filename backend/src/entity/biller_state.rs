use sea_orm::entity::prelude::*;

/// What we last learnt of a biller: its balance with us, the last alert.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "biller_states")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub biller: String,
    pub balance: Option<i64>,
    pub balance_at: Option<DateTimeUtc>,
    pub alerted_at: Option<DateTimeUtc>,
    pub last_alert: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
