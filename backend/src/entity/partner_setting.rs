use sea_orm::entity::prelude::*;

/// A partner's callback URL and the secret its callbacks are signed with.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "partner_settings")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub user_id: Uuid,
    pub callback_url: Option<String>,
    pub callback_secret: String,
    pub updated_at: DateTimeUtc,
    /// Under this deposit (production) the partner is told by e-mail.
    pub low_balance: Option<i64>,
    /// The WIB day (`YYYY-MM-DD`) the partner was last told.
    pub low_balance_told_on: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
