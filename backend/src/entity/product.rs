use sea_orm::entity::prelude::*;

/// A product of the catalog, with its fees in whole Rupiah.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "products")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub code: String,
    pub name: String,
    pub category: String,
    /// Which biller serves it (`pln`, `pdam`, `pulsa`, …).
    pub biller: String,
    /// `dual` (Inquiry then Payment) or `single` (SinglePayment).
    pub flow: domain::finance::ProductFlow,
    /// Selling price of a single-flow product (0 for bills).
    pub price: i64,
    pub admin_fee: i64,
    pub partner_fee: i64,
    pub buy_price: i64,
    /// Pulsa operator prefix for getPulsa-Prabayar (`21` Telkomsel, …).
    pub operator_prefix: Option<String>,
    /// `aktif`, `maintenance` or `nonaktif`.
    pub status: domain::finance::ProductStatus,
    pub updated_at: DateTimeUtc,
    /// Its `getHargaByProductID` sub-family (`AAE.AAAB`, `AAB.AAAA`, …).
    pub family: Option<String>,
    /// Its code at the biller (the pulsa provider's "kode produk"); ours when empty.
    pub biller_code: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
