use sea_orm::entity::prelude::*;

/// One deposit's movements of one WIB day, summed (kept by the ledger).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "ledger_days")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub user_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub environment: domain::Env,
    /// `YYYY-MM-DD` (WIB).
    #[sea_orm(primary_key, auto_increment = false)]
    pub day: String,
    /// Money in (positive amounts), summed.
    pub credit: i64,
    /// Money out, as a positive sum.
    pub debit: i64,
    pub entries: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
