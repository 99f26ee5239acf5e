//! Money and products as people see them: the partner's dashboard figures,
//! and for staff a partner's ledger, manual credit/debit with a reference
//! (R-BO-6), product activation and the Sign-On reset — each audited.

use crate::audit;
use crate::authz::{PartnerActor, StaffActor};
use crate::entity::ledger_entry::{self, Entity as LedgerEntry};
use crate::entity::partner_product::Entity as PartnerProduct;
use crate::entity::product::{self, Entity as Product};
use crate::entity::transaction::{self, Entity as Transaction};
use crate::entity::OfPartner;
use crate::error::{Error, Result};
use crate::gateway::signon;
use crate::infra::wib;
use crate::ledger::{self, Env, Kind, Movement};
use crate::AppState;
use chrono::Utc;
use domain::finance::{DashboardOut, DayCounts, LedgerEntryOut, PartnerFinanceOut, PartnerProductOut};
use domain::products::ProductState;
use domain::transaction::{TxKind, TxStatus};
use domain::UserId;
use domain::{FieldError, Problem};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;

/// Deposits of both environments and today's production payments.
pub async fn dashboard(db: &impl ConnectionTrait, partner: &PartnerActor) -> Result<DashboardOut> {
    let user_id = partner.partner_id();
    let production_deposit = ledger::balance(db, user_id, Env::Production).await?;
    let chart = crate::reports::recap::day_points(db, user_id, Env::Production, 30).await?;
    // The 7 whole days before today: today is not over.
    let week: Vec<i64> = chart.iter().rev().skip(1).take(7).map(|p| p.total).collect();
    Ok(DashboardOut {
        production_deposit,
        development_deposit: ledger::balance(db, user_id, Env::Development).await?,
        today: today_counts(db, user_id, Env::Production).await?,
        today_development: today_counts(db, user_id, Env::Development).await?,
        runway_days: domain::finance::runway_days(production_deposit, &week),
        low_balance: crate::balance_alert::level(db, user_id).await?,
        chart,
    })
}

/// Today's (WIB) payments of one environment by status, and its refunds.
async fn today_counts(db: &impl ConnectionTrait, user_id: Uuid, env: Env) -> Result<DayCounts> {
    let since = crate::infra::wib::start_of(crate::infra::wib::date_of(Utc::now()));
    let today = Transaction::of_partner(user_id)
        .filter(transaction::Column::Environment.eq(env))
        .filter(transaction::Column::Kind.eq(TxKind::Payment))
        .filter(transaction::Column::CreatedAt.gte(since));
    let count = |status: TxStatus| today.clone().filter(transaction::Column::Status.eq(status)).count(db);
    let refund = LedgerEntry::of_partner(user_id)
        .filter(ledger_entry::Column::Environment.eq(env))
        .filter(ledger_entry::Column::Kind.eq(Kind::Refund))
        .filter(ledger_entry::Column::CreatedAt.gte(since))
        .count(db)
        .await?;
    Ok(DayCounts {
        success: count(TxStatus::Success).await?,
        failed: count(TxStatus::Failed).await?,
        pending: count(TxStatus::Pending).await?,
        refund,
    })
}

fn entry_out(e: ledger_entry::Model) -> LedgerEntryOut {
    LedgerEntryOut {
        at: wib::format(e.created_at),
        environment: e.environment,
        kind: e.kind,
        amount: e.amount,
        balance_after: e.balance_after,
        reference: e.reference,
        note: e.note,
        actor: e.actor_name,
    }
}

/// A partner's deposits, latest 50 ledger entries, products and block.
pub async fn partner_finance(db: &impl ConnectionTrait, user_id: UserId) -> Result<PartnerFinanceOut> {
    let user_id = user_id.0;
    let entries = LedgerEntry::of_partner(user_id)
        .order_by_desc(ledger_entry::Column::CreatedAt)
        .limit(50)
        .all(db)
        .await?
        .into_iter()
        .map(entry_out)
        .collect();
    let states: std::collections::HashMap<String, ProductState> =
        PartnerProduct::of_partner(user_id).all(db).await?.into_iter().map(|p| (p.product_code, p.state)).collect();
    let products = Product::find()
        .order_by_asc(product::Column::Category)
        .order_by_asc(product::Column::Code)
        .all(db)
        .await?
        .into_iter()
        .map(|p| PartnerProductOut {
            active: states.get(&p.code).is_some_and(|s| s.is_live()),
            state: states.get(&p.code).copied(),
            code: p.code,
            name: p.name,
            category: p.category,
            status: p.status,
        })
        .collect();
    Ok(PartnerFinanceOut {
        production_deposit: ledger::balance(db, user_id, Env::Production).await?,
        development_deposit: ledger::balance(db, user_id, Env::Development).await?,
        entries,
        products,
        signon_blocked: signon::is_blocked(db, user_id, Env::Production).await?
            || signon::is_blocked(db, user_id, Env::Development).await?,
    })
}

/// Finance credits (positive) or debits (negative) a deposit by hand, with
/// a reference that makes a repeated submission harmless.
#[tracing::instrument(skip_all, fields(staff_id = %staff.id()))]
pub async fn adjust(
    state: &AppState,
    staff: &StaffActor,
    user_id: UserId,
    env: &str,
    amount: i64,
    reference: &str,
    note: &str,
) -> Result<LedgerEntryOut> {
    let user_id = user_id.0;
    let mut errs = Vec::new();
    let env = Env::from_code(env);
    if env.is_none() {
        errs.push(FieldError::new("environment", Problem::Required));
    }
    if amount == 0 || amount.checked_abs().is_none_or(|a| a > domain::finance::MAX_MOVEMENT) {
        errs.push(FieldError::new("amount", Problem::AmountInvalid));
    }
    let reference = reference.trim();
    if let Err(p) = domain::account::check_required(reference, 60) {
        errs.push(FieldError::new("reference", p));
    }
    let (Some(env), true) = (env, errs.is_empty()) else { return Err(Error::Invalid(errs)) };
    let txn = crate::infra::db::begin(&state.db).await?;
    let who = staff.audit();
    let note = note.trim();
    let reference_key = format!("manual:{reference}");
    // A repeated submission (same reference) changes nothing.
    if let Some(done) = ledger::find(&txn, user_id, env, &reference_key).await? {
        return Ok(entry_out(done));
    }
    let m = Movement {
        user_id,
        env,
        kind: if amount > 0 { Kind::Credit } else { Kind::Adjustment },
        amount,
        reference: &reference_key,
        note: (!note.is_empty()).then_some(note),
        actor_name: who.name(),
    };
    let entry = ledger::apply(&txn, &m).await?;
    let after = serde_json::json!({
        "environment": env.code(), "amount": amount, "reference": reference, "balance_after": entry.balance_after,
    });
    audit::record(&txn, &who, "deposit.adjusted", "user", &user_id.to_string(), None, Some(after)).await?;
    txn.commit().await?;
    Ok(entry_out(entry))
}

/// The partner puts the development deposit back to Rp 10.000.000 (one
/// adjustment entry; production is never touched).
pub async fn reset_sandbox(state: &AppState, partner: &PartnerActor) -> Result<i64> {
    let user_id = partner.partner_id();
    let txn = crate::infra::db::begin(&state.db).await?;
    crate::connections::approved_partner(&txn, user_id).await?;
    let balance = ledger::balance(&txn, user_id, Env::Development).await?;
    let delta = ledger::SANDBOX_DEPOSIT - balance;
    if delta != 0 {
        let actor = partner.audit();
        let m = Movement {
            user_id,
            env: Env::Development,
            kind: Kind::Adjustment,
            amount: delta,
            reference: &format!("sandbox:reset:{}", Uuid::now_v7()),
            note: Some("Reset deposit development"),
            actor_name: actor.name(),
        };
        ledger::apply(&txn, &m).await?;
        let after = serde_json::json!({ "development_deposit": ledger::SANDBOX_DEPOSIT });
        audit::record(&txn, &actor, "deposit.sandbox_reset", "user", &user_id.to_string(), None, Some(after)).await?;
    }
    txn.commit().await?;
    Ok(ledger::SANDBOX_DEPOSIT)
}

/// Lifts a merchant's Sign-On block.
pub async fn reset_signon(state: &AppState, staff: &StaffActor, user_id: UserId) -> Result<u64> {
    let user_id = user_id.0;
    let who = staff.audit();
    signon::reset(state, &who, user_id).await
}
