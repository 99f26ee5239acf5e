//! Finance's view of top-ups: every order with its state and the webhooks
//! about it, the webhooks that matched no order, and the hand resolution
//! of a "Selisih" (paid with another amount): credit what was paid, or
//! mark it refunded to the payer — with a reason, audited, once.

use crate::authz::StaffActor;
use crate::entity::topup_notification::{self, Entity as TopupNotification};
use crate::entity::topup_order::{self, Entity as TopupOrder};
use crate::error::{Error, Result};
use crate::ledger::{self, Env, Kind, Movement};
use crate::AppState;
use chrono::Utc;
use domain::topup::{TopupCaseOut, TopupFinanceOut, TopupNotificationOut, TopupStatus};
use domain::{ListQuery, Problem};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};

/// How much of a webhook body finance sees in the list.
const BODY_SHOWN: usize = 600;

fn notification_out(n: topup_notification::Model) -> TopupNotificationOut {
    TopupNotificationOut {
        id: n.id.to_string(),
        order_id: n.order_id,
        verified: n.verified,
        outcome: n.outcome,
        body: n.body.chars().take(BODY_SHOWN).collect(),
        received_wib: crate::infra::wib::format(n.received_at),
        resolution: n.resolution,
        resolution_note: n.resolution_note,
        resolved_by: n.resolved_by,
    }
}

/// The orders in `status` (a `TopupStatus` code, or empty for all), newest
/// first, and the webhooks no order matched.
pub async fn cases(state: &AppState, status: &str, list: &ListQuery) -> Result<TopupFinanceOut> {
    let db = &state.db;
    let mut orders = TopupOrder::find().order_by_desc(topup_order::Column::CreatedAt);
    if let Some(s) = TopupStatus::from_code(status) {
        orders = orders.filter(topup_order::Column::Status.eq(s.code()));
    }
    let q = list.q.trim();
    if !q.is_empty() {
        orders = orders.filter(topup_order::Column::OrderId.contains(q));
    }
    let pages = orders.paginate(db, list.per_page());
    let total = pages.num_items().await?;
    let mut cases = Vec::new();
    for o in pages.fetch_page(list.page).await? {
        cases.push(case(db, o).await?);
    }
    let unmatched = TopupNotification::find()
        .filter(topup_notification::Column::Outcome.is_in(["unmatched", "not_verified"]))
        .order_by_desc(topup_notification::Column::ReceivedAt)
        .paginate(db, 20)
        .fetch_page(0)
        .await?
        .into_iter()
        .map(notification_out)
        .collect();
    let reconciliations = super::reconcile::recent(state).await?;
    Ok(TopupFinanceOut { cases, unmatched, total, reconciliations })
}

async fn case(db: &impl ConnectionTrait, o: topup_order::Model) -> Result<TopupCaseOut> {
    let owner = crate::entity::user::Entity::find_by_id(o.user_id).one(db).await?;
    let profile = crate::entity::profile::Entity::find_by_id(o.user_id).one(db).await?;
    let notifications = TopupNotification::find()
        .filter(topup_notification::Column::OrderId.eq(o.order_id.clone()))
        .order_by_asc(topup_notification::Column::ReceivedAt)
        .all(db)
        .await?
        .into_iter()
        .map(notification_out)
        .collect();
    Ok(TopupCaseOut {
        order: super::orders::out(&o),
        user_id: domain::UserId(o.user_id),
        company: owner.map(|u| u.company).unwrap_or_default(),
        merchant_id: profile.and_then(|p| p.merchant_id).unwrap_or_default(),
        paid_amount: o.paid_amount,
        resolution: o.resolution,
        resolution_note: o.resolution_note,
        resolved_by: o.resolved_by,
        notifications,
    })
}

/// Resolves a Selisih by hand: `credit` puts what was paid (or, when the
/// service did not say, the order's amount) on the partner's production
/// deposit; `refunded` records that the money went back to the payer.
/// Once: a second resolution of the same order is refused.
pub async fn resolve(state: &AppState, staff: &StaffActor, order_id: &str, action: &str, note: &str) -> Result<()> {
    let note = note.trim();
    if note.is_empty() {
        return Err(Error::field("note", Problem::Required));
    }
    if !matches!(action, "credit" | "refunded") {
        return Err(Error::field("action", Problem::Required));
    }
    let txn = crate::infra::db::begin(&state.db).await?;
    let order = TopupOrder::find()
        .filter(topup_order::Column::OrderId.eq(order_id))
        .one(&txn)
        .await?
        .ok_or(Error::Refused(Problem::NotFound))?;
    let who = staff.audit();
    // Conditional: only a Selisih nobody resolved yet; two clicks, one effect.
    let changed = TopupOrder::update_many()
        .col_expr(topup_order::Column::Resolution, Expr::value(Some(action.to_owned())))
        .col_expr(topup_order::Column::ResolutionNote, Expr::value(Some(note.to_owned())))
        .col_expr(topup_order::Column::ResolvedBy, Expr::value(Some(who.name().to_owned())))
        .col_expr(topup_order::Column::ResolvedAt, Expr::value(Some(Utc::now())))
        .filter(topup_order::Column::Id.eq(order.id))
        .filter(topup_order::Column::Status.eq(TopupStatus::Mismatch.code()))
        .filter(topup_order::Column::Resolution.is_null())
        .exec(&txn)
        .await?
        .rows_affected;
    if changed != 1 {
        return Err(Error::Refused(Problem::WrongStep));
    }
    let amount = order.paid_amount.filter(|p| *p > 0).unwrap_or(order.amount);
    if action == "credit" {
        let m = Movement {
            user_id: order.user_id,
            env: Env::Production,
            kind: Kind::Credit,
            amount,
            reference: &format!("topup:{}", order.order_id),
            note: Some(note),
            actor_name: who.name(),
        };
        ledger::apply(&txn, &m).await?;
    }
    let after = serde_json::json!({ "action": action, "amount": amount, "note": note });
    crate::audit::record(&txn, &who, "topup.resolved", "topup", &order.order_id, None, Some(after)).await?;
    txn.commit().await?;
    Ok(())
}

/// Resolves by hand a *verified* webhook that matched no order: `credit`
/// puts `amount` on the production deposit of the partner with
/// `merchant_id`; `refunded` records that the money went back to the payer.
/// With a reason, audited, once. Unverified ones are never credited.
pub async fn resolve_unmatched(
    state: &AppState,
    staff: &StaffActor,
    notification_id: &str,
    action: &str,
    (merchant_id, amount): (&str, &str),
    note: &str,
) -> Result<()> {
    let note = note.trim();
    if note.is_empty() {
        return Err(Error::field("note", Problem::Required));
    }
    let id = uuid::Uuid::parse_str(notification_id.trim()).map_err(|_| Error::Refused(Problem::NotFound))?;
    let credit = match action {
        "credit" => Some(unmatched_credit(state, merchant_id, amount).await?),
        "refunded" => None,
        _ => return Err(Error::field("action", Problem::Required)),
    };
    let txn = crate::infra::db::begin(&state.db).await?;
    let who = staff.audit();
    let changed = TopupNotification::update_many()
        .col_expr(topup_notification::Column::Resolution, Expr::value(Some(action.to_owned())))
        .col_expr(topup_notification::Column::ResolutionNote, Expr::value(Some(note.to_owned())))
        .col_expr(topup_notification::Column::ResolvedBy, Expr::value(Some(who.name().to_owned())))
        .col_expr(topup_notification::Column::ResolvedAt, Expr::value(Some(Utc::now())))
        .col_expr(topup_notification::Column::CreditedUserId, Expr::value(credit.map(|c| c.0)))
        .col_expr(topup_notification::Column::CreditedAmount, Expr::value(credit.map(|c| c.1)))
        .filter(topup_notification::Column::Id.eq(id))
        .filter(topup_notification::Column::Outcome.eq("unmatched"))
        .filter(topup_notification::Column::Verified.eq(true))
        .filter(topup_notification::Column::Resolution.is_null())
        .exec(&txn)
        .await?
        .rows_affected;
    if changed != 1 {
        return Err(Error::Refused(Problem::WrongStep));
    }
    if let Some((user_id, amount)) = credit {
        let m = Movement {
            user_id,
            env: Env::Production,
            kind: Kind::Credit,
            amount,
            reference: &format!("topup-unmatched:{id}"),
            note: Some(note),
            actor_name: who.name(),
        };
        ledger::apply(&txn, &m).await?;
    }
    let after = serde_json::json!({ "action": action, "credit": credit.map(|c| (c.0.to_string(), c.1)), "note": note });
    crate::audit::record(
        &txn,
        &who,
        "topup.unmatched_resolved",
        "topup_notification",
        &id.to_string(),
        None,
        Some(after),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// The partner (by merchant ID) and the amount an unmatched payment goes to.
async fn unmatched_credit(state: &AppState, merchant_id: &str, amount: &str) -> Result<(uuid::Uuid, i64)> {
    let mut errs = Vec::new();
    let amount = domain::topup::parse_amount(amount).filter(|a| (1..=domain::finance::MAX_MOVEMENT).contains(a));
    if amount.is_none() {
        errs.push(domain::FieldError::new("amount", Problem::AmountInvalid));
    }
    let profile = crate::entity::profile::Entity::find()
        .filter(crate::entity::profile::Column::MerchantId.eq(merchant_id.trim()))
        .one(&state.db)
        .await?;
    if profile.is_none() {
        errs.push(domain::FieldError::new("merchant_id", Problem::NotFound));
    }
    match (profile, amount) {
        (Some(p), Some(a)) if errs.is_empty() => Ok((p.user_id, a)),
        _ => Err(Error::Invalid(errs)),
    }
}
