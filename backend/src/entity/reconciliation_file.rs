use sea_orm::entity::prelude::*;

/// A partner's daily reconciliation file: one WIB day's final transactions,
/// fixed once made (rows and checksum), announced to the callback URL.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "reconciliation_files")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub user_id: Uuid,
    /// `YYYY-MM-DD` (WIB).
    #[sea_orm(primary_key, auto_increment = false)]
    pub day: String,
    pub rows: i64,
    /// SHA-256 (hex) of the file's lines before the checksum line.
    pub checksum: String,
    /// The file as made (CSV with its checksum line).
    pub body: String,
    pub created_at: DateTimeUtc,
    pub announced_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
