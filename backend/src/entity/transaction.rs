use sea_orm::entity::prelude::*;

/// One inquiry or payment through the gateway.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "transactions")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub user_id: Uuid,
    pub environment: String,
    /// `inquiry` or `payment`.
    pub kind: String,
    pub product_code: String,
    pub customer_id: String,
    pub reference_id: String,
    /// `inquired`, `pending`, `success` or `failed`.
    pub status: String,
    pub rc: String,
    pub tagihan: i64,
    pub admin: i64,
    pub total: i64,
    /// The answer's `data` object (JSON).
    pub data: String,
    pub biller_ref: Option<String>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub final_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
