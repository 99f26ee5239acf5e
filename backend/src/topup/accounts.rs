//! A partner's permanent virtual accounts (K-Wallet `register_va`, the
//! merchant ID as `id_member`): one per bank, shown on the Top Up page.

use crate::entity::topup_account::{self, Entity as TopupAccount};
use crate::error::Result;
use domain::topup::{bank_name, PermanentVaOut};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use uuid::Uuid;

/// The partner's permanent VAs, by bank code.
pub async fn of(db: &impl ConnectionTrait, user_id: Uuid) -> Result<Vec<PermanentVaOut>> {
    let rows = TopupAccount::find()
        .filter(topup_account::Column::UserId.eq(user_id))
        .order_by_asc(topup_account::Column::BankCode)
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|a| PermanentVaOut {
            bank_name: bank_name(&a.bank_code),
            bank_code: a.bank_code,
            va_number: a.va_number,
            fee: a.fee,
        })
        .collect())
}
