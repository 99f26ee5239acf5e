use sea_orm::entity::prelude::*;

/// A partner's deposit top-up through the payment service.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "topup_orders")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub user_id: Uuid,
    /// Our order id at the payment service (unique).
    pub order_id: String,
    /// What must be paid, unique code included: what is credited.
    pub amount: i64,
    /// `va:014`, `gopay`, `permanent_va`, …
    pub method: String,
    /// `waiting`, `paid`, `expired`, `mismatch`, or `failed` (the service
    /// refused to create it).
    pub status: String,
    /// The service's id of the payment that settled it.
    pub service_id: Option<String>,
    /// What the service said was paid, when it said.
    pub paid_amount: Option<i64>,
    pub expires_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    pub settled_at: Option<DateTimeUtc>,
    /// What the partner asked to top up (before the unique code).
    pub nominal: Option<i64>,
    /// The VA number or payment code to pay to.
    pub pay_code: Option<String>,
    /// GoPay's deeplink (what our QR encodes) or a card payment page.
    pub pay_link: Option<String>,
    /// Finance's hand on a Selisih/unmatched case: `credited` or `refunded`.
    pub resolution: Option<String>,
    pub resolution_note: Option<String>,
    pub resolved_by: Option<String>,
    pub resolved_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
