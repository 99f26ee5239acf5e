use sea_orm::entity::prelude::*;

/// One settlement webhook received, and what it did.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "topup_notifications")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub order_id: String,
    pub service_id: String,
    pub verified: bool,
    /// `credited`, `replay`, `mismatch`, `unmatched`, `failed`, `not_verified`.
    pub outcome: String,
    /// The body as received (cut).
    pub body: String,
    pub received_at: DateTimeUtc,
    /// Finance's hand on an unmatched one: `credited` or `refunded`.
    pub resolution: Option<String>,
    pub resolution_note: Option<String>,
    pub resolved_by: Option<String>,
    pub resolved_at: Option<DateTimeUtc>,
    /// Whom it was credited to, and how much.
    pub credited_user_id: Option<Uuid>,
    pub credited_amount: Option<i64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
