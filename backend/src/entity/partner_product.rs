use sea_orm::entity::prelude::*;

/// One product of one partner, on its way to production (or there).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "partner_products")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub user_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub product_code: String,
    /// When the partner chose it (or staff switched it on).
    pub activated_at: DateTimeUtc,
    pub state: domain::products::ProductState,
    /// The operator's reason of the last refusal (UAT or Live).
    pub reason: Option<String>,
    pub updated_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
