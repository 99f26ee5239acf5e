use sea_orm::entity::prelude::*;

/// A WIB day's top-ups reconciled against the payment service.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "topup_reconciliations")]
pub struct Model {
    /// `YYYY-MM-DD` (WIB).
    #[sea_orm(primary_key, auto_increment = false)]
    pub day: String,
    pub checked: i64,
    /// The differences found, as JSON (`TopupDifferenceOut` list).
    pub differences: String,
    pub run_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
