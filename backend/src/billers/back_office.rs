//! The billers for staff: each configured biller with its breaker, its
//! balance at the provider, the last alert, the products routed to it and
//! its latest calls; asking a provider for its balance; routing a product
//! to a biller with its code there (catalog data, audited).

use super::calls;
use super::settings::BillerKind;
use crate::audit;
use crate::authz::StaffActor;
use crate::entity::biller_breaker::Entity as BillerBreaker;
use crate::entity::product::{self, Entity as Product};
use crate::error::{Error, Result};
use crate::infra::wib;
use crate::ledger::Env;
use crate::AppState;
use chrono::Utc;
use domain::billers::{is_biller_code, BillerCallOut, BillerOut, RoutedProductOut};
use domain::finance::BreakerState;
use domain::Problem;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};

/// How many recent calls staff see per biller.
const RECENT: u64 = 20;

/// Every configured biller, by name.
pub async fn overview(state: &AppState, _by: &StaffActor) -> Result<Vec<BillerOut>> {
    let mut out = Vec::new();
    for d in state.billers.describe() {
        let breaker = BillerBreaker::find_by_id(format!("production:{}", d.name))
            .one(&state.db)
            .await?
            .map_or(BreakerState::Closed, |b| b.state);
        let known = calls::state_of(&state.db, &d.name).await?;
        let products = Product::find()
            .filter(product::Column::Biller.eq(d.name.clone()))
            .order_by_asc(product::Column::Code)
            .all(&state.db)
            .await?
            .into_iter()
            .map(|p| RoutedProductOut { code: p.code, name: p.name, biller_code: p.biller_code.unwrap_or_default() })
            .collect();
        let recent = calls::recent(&state.db, &d.name, RECENT).await?;
        out.push(BillerOut {
            kind: match d.kind {
                BillerKind::Pulsa => "pulsa".into(),
                BillerKind::Pdam => "pdam".into(),
            },
            url: d.url,
            development_url: d.development_url,
            simulator: d.simulator,
            breaker,
            balance: known.as_ref().and_then(|k| k.balance),
            balance_at: known.as_ref().and_then(|k| k.balance_at).map(wib::format),
            low_balance: d.low_balance,
            last_alert: known.as_ref().and_then(|k| k.last_alert.clone()),
            alerted_at: known.as_ref().and_then(|k| k.alerted_at).map(wib::format),
            products,
            calls: recent
                .into_iter()
                .map(|c| BillerCallOut {
                    at: wib::format(c.created_at),
                    environment: c.environment,
                    operation: c.operation,
                    request: c.request,
                    reply: c.reply,
                    outcome: c.outcome,
                    latency_ms: c.latency_ms,
                })
                .collect(),
            name: d.name,
        });
    }
    Ok(out)
}

/// Asks the biller (production) for our balance there.
pub async fn check_balance(state: &AppState, staff: &StaffActor, biller: &str) -> Result<i64> {
    let adapter = state.billers.get(biller, Env::Production).ok_or(Error::Refused(Problem::NotFound))?;
    let balance = match adapter.balance().await {
        Some(Ok(b)) => b,
        Some(Err(_)) => return Err(Error::Refused(Problem::Unavailable)),
        None => return Err(Error::Refused(Problem::WrongStep)),
    };
    let detail = serde_json::json!({ "balance": balance });
    audit::record(&state.db, &staff.audit(), "biller.balance_checked", "biller", biller, None, Some(detail)).await?;
    Ok(balance)
}

/// Asks every production biller that tells its balance for it (the
/// adapter keeps it and alerts staff below the threshold). A biller that
/// does not answer is left for the next round.
pub async fn refresh_balances(state: &AppState) {
    for name in state.billers.names() {
        let Some(adapter) = state.billers.get(name, Env::Production) else { continue };
        if let Some(Err(e)) = adapter.balance().await {
            tracing::warn!(biller = name, error = %e, "provider balance not read");
        }
    }
}

/// Whether `name` may be a product's biller: a known family or configured.
pub fn is_known(state: &AppState, name: &str) -> bool {
    domain::finance::BILLERS.contains(&name) || state.billers.names().any(|n| n == name)
}

/// Routes product `code` to `biller` with its code there (empty: ours).
pub async fn route_product(
    state: &AppState,
    staff: &StaffActor,
    code: &str,
    biller: &str,
    biller_code: &str,
) -> Result<RoutedProductOut> {
    let biller_code = biller_code.trim();
    if !is_known(state, biller) {
        return Err(Error::field("biller", Problem::NotFound));
    }
    if !is_biller_code(biller_code) {
        return Err(Error::field("biller_code", Problem::CodeInvalid));
    }
    let p = Product::find_by_id(code.to_owned()).one(&state.db).await?.ok_or(Error::Refused(Problem::NotFound))?;
    let before = serde_json::json!({ "biller": p.biller, "biller_code": p.biller_code });
    let stored = Some(biller_code.to_owned()).filter(|c| !c.is_empty());
    Product::update_many()
        .col_expr(product::Column::Biller, Expr::value(biller))
        .col_expr(product::Column::BillerCode, Expr::value(stored.clone()))
        .col_expr(product::Column::UpdatedAt, Expr::value(Utc::now()))
        .filter(product::Column::Code.eq(code))
        .exec(&state.db)
        .await?;
    let after = serde_json::json!({ "biller": biller, "biller_code": stored });
    audit::record(&state.db, &staff.audit(), "product.routed", "product", code, Some(before), Some(after)).await?;
    Ok(RoutedProductOut { code: p.code, name: p.name, biller_code: biller_code.to_owned() })
}
