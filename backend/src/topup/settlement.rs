//! A settlement webhook, applied: verified over the raw bytes, then the
//! order it names is credited to the partner's production deposit exactly
//! once — the order's state change and the ledger entry in one database
//! transaction, the entry unique by order — with the amount of our own
//! record. A different amount is kept as "Selisih" (mismatch) for finance,
//! an unknown order as unmatched; neither credits anything. A replay
//! changes nothing and is answered as a success.

use super::webhook::{self, Notification};
use crate::entity::topup_notification::{self, Entity as TopupNotification};
use crate::entity::topup_order::{self, Entity as TopupOrder};
use crate::error::Result;
use crate::ledger::{self, Env, Kind, Movement};
use crate::mail::templates::{render, Kind as MailKind};
use crate::AppState;
use chrono::Utc;
use domain::finance::rupiah;
use domain::Lang;
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use secrecy::ExposeSecret;
use uuid::Uuid;

/// What a notification did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// The signature is not the service's (or no key is configured).
    NotVerified,
    /// The order was credited now.
    Credited,
    /// The order was settled before: nothing changed.
    Replay,
    /// Paid with another amount than the order's: kept for finance.
    Mismatch,
    /// No order of ours by that id (or no readable body).
    Unmatched,
    /// The service says the payment failed: the order keeps waiting.
    Failed,
}

impl Verdict {
    fn code(self) -> &'static str {
        match self {
            Verdict::NotVerified => "not_verified",
            Verdict::Credited => "credited",
            Verdict::Replay => "replay",
            Verdict::Mismatch => "mismatch",
            Verdict::Unmatched => "unmatched",
            Verdict::Failed => "failed",
        }
    }
}

/// Receives one webhook: `body` exactly as received, `signature` the
/// `x-servicepayment` header.
pub async fn receive(state: &AppState, body: &[u8], signature: Option<&str>) -> Result<Verdict> {
    let key = state.config.payment_service_pid.as_ref().map(|k| k.expose_secret().as_bytes().to_vec());
    let verified = key.as_deref().zip(signature).is_some_and(|(k, s)| webhook::verify(k, body, s));
    let parsed = webhook::parse(body);
    let (order_id, service_id) =
        parsed.as_ref().map_or((String::new(), String::new()), |n| (n.order_id.clone(), n.service_id.clone()));
    let Some(n) = parsed.filter(|_| verified) else {
        let verdict = if verified { Verdict::Unmatched } else { Verdict::NotVerified };
        if !verified {
            tracing::warn!("payment service webhook not verified");
        }
        note(&state.db, (&order_id, &service_id), verified, verdict, body).await?;
        return Ok(verdict);
    };
    let verdict = settle(state, &n, body).await?;
    tracing::info!(order = %n.order_id, verdict = verdict.code(), "payment service webhook");
    Ok(verdict)
}

/// Applies a verified notification and notes it, in one transaction.
async fn settle(state: &AppState, n: &Notification, body: &[u8]) -> Result<Verdict> {
    let txn = crate::infra::db::begin(&state.db).await?;
    let verdict = apply(&txn, n, &state.config.brand).await?;
    note(&txn, (&n.order_id, &n.service_id), true, verdict, body).await?;
    txn.commit().await?;
    Ok(verdict)
}

/// A payment we learnt of ourselves (a K-Wallet sweep), settled like a
/// webhook; its note says where it came from.
pub(super) async fn apply_one(state: &AppState, n: &Notification) -> Result<Verdict> {
    let body = serde_json::json!({ "source": n.channel, "order_id": n.order_id, "amount": n.paid }).to_string();
    settle(state, n, body.as_bytes()).await
}

async fn apply(db: &impl ConnectionTrait, n: &Notification, brand: &str) -> Result<Verdict> {
    let Some(order) = TopupOrder::find().filter(topup_order::Column::OrderId.eq(n.order_id.clone())).one(db).await?
    else {
        return Ok(Verdict::Unmatched);
    };
    if !n.succeeded() {
        return Ok(Verdict::Failed);
    }
    let mismatch = n.paid.is_some_and(|paid| paid != order.amount);
    let status = if mismatch { "mismatch" } else { "paid" };
    let changed = TopupOrder::update_many()
        .col_expr(topup_order::Column::Status, Expr::value(status))
        .col_expr(topup_order::Column::ServiceId, Expr::value(Some(n.service_id.clone())))
        .col_expr(topup_order::Column::PaidAmount, Expr::value(n.paid))
        .col_expr(topup_order::Column::SettledAt, Expr::value(Some(Utc::now())))
        .filter(topup_order::Column::Id.eq(order.id))
        // An order paid after its time is still the partner's money.
        .filter(topup_order::Column::Status.is_in(["waiting", "expired"]))
        .exec(db)
        .await?
        .rows_affected
        == 1;
    if !changed {
        return Ok(Verdict::Replay);
    }
    if mismatch {
        return Ok(Verdict::Mismatch);
    }
    let credit = Movement {
        user_id: order.user_id,
        env: Env::Production,
        kind: Kind::Credit,
        // Our record of the order decides the amount, never the message.
        amount: order.amount,
        reference: &format!("topup:{}", order.order_id),
        note: Some(&format!("Top up {}", domain::topup::method_label(&order.method))),
        actor_name: "payment-service",
    };
    let entry = ledger::apply(db, &credit).await?;
    tell_partner(db, &order, entry.balance_after, brand).await?;
    let rise = (order.amount, entry.balance_after);
    crate::callbacks::enqueue_deposit(db, order.user_id, order.id, &order.order_id, rise).await?;
    Ok(Verdict::Credited)
}

/// The partner's owner is e-mailed, and the partner's callback URL called
/// (both queued in the same transaction: they go out only if the credit
/// stands).
async fn tell_partner(db: &impl ConnectionTrait, order: &topup_order::Model, balance: i64, brand: &str) -> Result<()> {
    let Some(owner) = crate::entity::user::Entity::find_by_id(order.user_id).one(db).await? else { return Ok(()) };
    let (amount, balance) = (rupiah(order.amount), rupiah(balance));
    let kind = MailKind::TopUpCredited {
        company: &owner.company,
        amount: &amount,
        order_id: &order.order_id,
        balance: &balance,
    };
    let mail = render(&kind, Lang::from_code(&owner.lang), brand, &owner.email).map_err(crate::Error::Unexpected)?;
    crate::mail::enqueue(db, mail).await?;
    Ok(())
}

async fn note(
    db: &impl ConnectionTrait,
    (order_id, service_id): (&str, &str),
    verified: bool,
    verdict: Verdict,
    body: &[u8],
) -> Result<()> {
    let row = topup_notification::ActiveModel {
        id: Set(Uuid::now_v7()),
        order_id: Set(order_id.chars().take(80).collect()),
        service_id: Set(service_id.chars().take(80).collect()),
        verified: Set(verified),
        outcome: Set(verdict.code().to_owned()),
        body: Set(String::from_utf8_lossy(body).chars().take(4_000).collect()),
        received_at: Set(Utc::now()),
        ..Default::default()
    };
    TopupNotification::insert(row).exec_without_returning(db).await?;
    Ok(())
}
