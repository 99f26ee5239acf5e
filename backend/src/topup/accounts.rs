//! A partner's permanent virtual accounts (K-Wallet `register_va`, the
//! merchant ID as `id_member`): one per bank, shown on the Top Up page.
//! A transfer to one lands in the partner's K-Wallet at the service; the
//! sweep moves it to our deposit: `check_saldo`, then an order recorded
//! *before* `pay` takes the wallet's balance (id_order unique), then the
//! same credit as a settlement. An answer lost on the way is settled by
//! asking `reconcile` about the order on the next sweep — never by paying
//! twice.

use super::orders::refused;
use super::service::ServiceError;
use super::webhook::Notification;
use crate::authz::PartnerActor;
use crate::entity::topup_account::{self, Entity as TopupAccount};
use crate::entity::topup_order::{self, Entity as TopupOrder};
use crate::error::{Error, Result};
use crate::AppState;
use chrono::Utc;
use domain::topup::{bank_name, PermanentVaOut, TopupStatus};
use domain::Problem;
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;

/// The method of orders made by a sweep.
pub const SWEEP_METHOD: &str = "permanent_va";

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

async fn merchant_id(db: &impl ConnectionTrait, user_id: Uuid) -> Result<Option<String>> {
    Ok(crate::entity::profile::Entity::find_by_id(user_id).one(db).await?.and_then(|p| p.merchant_id))
}

/// Asks the service for the partner's permanent VAs (again: the service
/// keeps one set per member) and keeps those it created.
pub async fn register(state: &AppState, me: &PartnerActor) -> Result<Vec<PermanentVaOut>> {
    let service = state.payments.as_deref().ok_or(Error::Refused(Problem::Unavailable))?;
    let user_id = me.partner_id();
    let owner = crate::entity::user::Entity::find_by_id(user_id).one(&state.db).await?;
    let owner = owner.ok_or(Error::Refused(Problem::NotFound))?;
    let member = merchant_id(&state.db, user_id).await?.ok_or(Error::Refused(Problem::WrongStep))?;
    let vas = service.register_va(&member, &owner.company, &owner.phone, &owner.email).await.map_err(refused)?;
    let known: Vec<String> = of(&state.db, user_id).await?.into_iter().map(|a| a.va_number).collect();
    let txn = crate::infra::db::begin(&state.db).await?;
    for va in vas.iter().filter(|v| v.ok && !known.contains(&v.va_number)) {
        let row = topup_account::ActiveModel {
            id: Set(Uuid::now_v7()),
            user_id: Set(user_id),
            bank_code: Set(va.bank_code.chars().take(8).collect()),
            va_number: Set(va.va_number.chars().take(40).collect()),
            fee: Set(va.fee),
            created_at: Set(Utc::now()),
        };
        TopupAccount::insert(row).exec_without_returning(&txn).await?;
    }
    let after =
        serde_json::json!({ "banks": vas.iter().filter(|v| v.ok).map(|v| v.bank_code.clone()).collect::<Vec<_>>() });
    crate::audit::record(&txn, &me.audit(), "topup.va_registered", "user", &user_id.to_string(), None, Some(after))
        .await?;
    txn.commit().await?;
    of(&state.db, user_id).await
}

/// The partners who have permanent VAs.
pub async fn holders(db: &impl ConnectionTrait) -> Result<Vec<Uuid>> {
    let owners = TopupAccount::find().select_only().column(topup_account::Column::UserId).distinct().into_tuple();
    Ok(owners.all(db).await?)
}

/// Sweeps every partner with permanent VAs; how many were credited.
pub async fn sweep_all(state: &AppState) -> Result<u32> {
    if state.payments.is_none() {
        return Ok(0);
    }
    let mut credited = 0;
    for user_id in holders(&state.db).await? {
        match sweep(state, user_id).await {
            Ok(n) => credited += n,
            Err(e) => tracing::warn!(%user_id, error = %e, "K-Wallet sweep"),
        }
    }
    Ok(credited)
}

/// Settles the partner's sweeps whose answer was lost, then moves its
/// K-Wallet balance to the deposit.
pub async fn sweep(state: &AppState, user_id: Uuid) -> Result<u32> {
    let service = state.payments.as_deref().ok_or(Error::Refused(Problem::Unavailable))?;
    let Some(member) = merchant_id(&state.db, user_id).await? else { return Ok(0) };
    let mut credited = 0;
    let open = TopupOrder::find()
        .filter(topup_order::Column::UserId.eq(user_id))
        .filter(topup_order::Column::Method.eq(SWEEP_METHOD))
        .filter(topup_order::Column::Status.eq(TopupStatus::Waiting.code()))
        .all(&state.db)
        .await?;
    for order in open {
        match service.reconcile(&order.order_id).await {
            Ok(_) => credited += u32::from(settle(state, &order).await?),
            Err(ServiceError::Refused(_)) => fail(state, &order).await?,
            // Not known yet: asked again on the next sweep.
            Err(_) => return Ok(credited),
        }
    }
    let saldo = service.check_saldo(&member).await.map_err(refused)?;
    if saldo <= 0 {
        return Ok(credited);
    }
    let order = record(state, user_id, &member, saldo).await?;
    match service.pay(&member, saldo, &order.order_id, "Top up deposit").await {
        Ok(_) => credited += u32::from(settle(state, &order).await?),
        Err(ServiceError::Refused(_)) => fail(state, &order).await?,
        Err(_) => {} // the next sweep asks `reconcile`
    }
    Ok(credited)
}

async fn record(state: &AppState, user_id: Uuid, member: &str, saldo: i64) -> Result<topup_order::Model> {
    let short = Uuid::new_v4().simple().to_string();
    let order_id = format!("KW-{}-{}", member.chars().take(20).collect::<String>(), &short[..10]);
    let row = super::orders::waiting(user_id, order_id, SWEEP_METHOD, saldo, None);
    TopupOrder::insert(topup_order::ActiveModel::from(row.clone())).exec_without_returning(&state.db).await?;
    Ok(row)
}

/// Credits a sweep's order once (the settlement's own path).
async fn settle(state: &AppState, order: &topup_order::Model) -> Result<bool> {
    let n = Notification {
        status: "success".into(),
        order_id: order.order_id.clone(),
        service_id: order.order_id.clone(),
        paid: Some(order.amount),
        channel: "kwallet".into(),
    };
    Ok(super::settlement::apply_one(state, &n).await? == super::settlement::Verdict::Credited)
}

async fn fail(state: &AppState, order: &topup_order::Model) -> Result<()> {
    let row = topup_order::ActiveModel {
        id: Set(order.id),
        status: Set(TopupStatus::Failed.code().into()),
        ..Default::default()
    };
    TopupOrder::update(row).exec(&state.db).await?;
    Ok(())
}
