use sea_orm::entity::prelude::*;

/// A partner's permanent virtual account at one bank (K-Wallet `register_va`).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "topup_accounts")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub user_id: Uuid,
    pub bank_code: String,
    pub va_number: String,
    /// The bank's fee per transfer, whole Rupiah.
    pub fee: i64,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
