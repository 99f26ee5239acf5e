use sea_orm::entity::prelude::*;

/// One Request UAT of one product: two files and the graded checklist.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "uat_requests")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub user_id: Uuid,
    pub product_code: String,
    pub status: domain::uat::UatStatus,
    pub reason: Option<String>,
    pub inquiry_key: String,
    pub inquiry_name: String,
    pub inquiry_type: String,
    pub struk_key: String,
    pub struk_name: String,
    pub struk_type: String,
    /// `Vec<UatCheckOut>` as JSON, graded when the request was sent.
    pub checks: String,
    pub created_at: DateTimeUtc,
    pub decided_at: Option<DateTimeUtc>,
    pub decided_by: Option<Uuid>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}
