use sea_orm::entity::prelude::*;

/// One call to a biller, or one report it sent us (see `billers::calls`).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "biller_calls")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub biller: String,
    pub environment: domain::Env,
    /// `inquiry`, `payment`, `status`, `balance`, `report`, …
    pub operation: String,
    pub transaction_id: Option<Uuid>,
    /// Method and URL or body, secrets masked.
    pub request: String,
    /// The reply as received (cut), or the error.
    pub reply: String,
    /// What we read from it.
    pub outcome: String,
    pub latency_ms: i32,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
