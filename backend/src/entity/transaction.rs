use sea_orm::entity::prelude::*;

/// One inquiry or payment through the gateway.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "transactions")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub user_id: Uuid,
    pub environment: domain::Env,
    /// `inquiry` or `payment`.
    pub kind: domain::transaction::TxKind,
    pub product_code: String,
    pub customer_id: String,
    pub reference_id: String,
    /// `inquired`, `pending`, `success` or `failed`.
    pub status: domain::transaction::TxStatus,
    pub rc: String,
    pub tagihan: i64,
    pub admin: i64,
    pub total: i64,
    /// The partner's fee within `admin` (or within the price of a single
    /// product), as the catalog said when the row was made.
    pub partner_fee: i64,
    /// The answer's `data` object (JSON).
    pub data: String,
    pub biller_ref: Option<String>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub final_at: Option<DateTimeUtc>,
    /// How often the status worker asked the biller.
    pub poll_attempts: i32,
    /// When a pending payment is next asked of its biller (`None`: not by
    /// the worker any more; the H+1 reconciliation closes it).
    pub next_poll_at: Option<DateTimeUtc>,
    /// Until when the biller said asking is worth it (`None`: until H+1).
    pub poll_until: Option<DateTimeUtc>,
    /// A worker's lease on the payment's status job.
    pub locked_until: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}
