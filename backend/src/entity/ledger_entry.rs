use sea_orm::entity::prelude::*;

/// One money movement (append-only): signed amount and the balance after.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "ledger_entries")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub user_id: Uuid,
    pub environment: domain::Env,
    pub kind: domain::finance::LedgerKind,
    pub amount: i64,
    pub balance_after: i64,
    /// Unique per account: the idempotency key of the movement.
    pub reference: String,
    pub note: Option<String>,
    pub actor_name: String,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}
