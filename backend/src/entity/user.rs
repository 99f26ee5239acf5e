use sea_orm::entity::prelude::*;

/// A partner user: the owner who registered, or a sub-user they added.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "users")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub name: String,
    pub company: String,
    #[sea_orm(unique)]
    pub email: String,
    pub website: Option<String>,
    /// Canonical `628…` form.
    #[sea_orm(unique)]
    pub phone: String,
    pub password_hash: String,
    pub lang: String,
    pub email_verified_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    /// The company's owner, for a sub-user (`None`: this is the owner).
    pub owner_id: Option<Uuid>,
    /// Set by the system (`sampurnajaya.02`); shown, never typed to sign in.
    #[sea_orm(unique)]
    pub username: Option<String>,
    /// A sub-user's rights (`domain::rights::encode`); the owner has all.
    pub rights: Option<String>,
    /// On the owner's row: the company is suspended since then, and why.
    pub suspended_at: Option<DateTimeUtc>,
    pub suspension_reason: Option<String>,
    /// The second factor (base32), once confirmed by a code.
    pub totp_secret: Option<String>,
    /// The time step of the last code used (a code works once).
    pub totp_last_step: Option<i64>,
    /// SHA-256 hashes of the unused recovery codes, as a JSON array.
    pub recovery_codes: Option<String>,
    /// On the owner's row: every user of the company needs a second factor.
    pub require_totp: bool,
}

impl Model {
    /// The company (partner account) this user works in.
    pub fn company_id(&self) -> Uuid {
        self.owner_id.unwrap_or(self.id)
    }

    /// The company's owner row: this one for an owner, else its owner's
    /// (`None` when that row is gone). Suspension, the second-factor rule
    /// and the company name live there.
    pub async fn company_owner(&self, db: &impl ConnectionTrait) -> Result<Option<Model>, DbErr> {
        match self.owner_id {
            Some(owner) => Entity::find_by_id(owner).one(db).await,
            None => Ok(Some(self.clone())),
        }
    }
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}
