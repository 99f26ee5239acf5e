//! The daily top-up reconciliation: our orders of a WIB day against the
//! payment service's finance report of that day, and each partner's
//! K-Wallet money in against what our sweeps credited. Lists what
//! differs; changes nothing (finance decides, on the Top Up page).

use super::orders::refused;
use crate::entity::topup_order::{self, Entity as TopupOrder};
use crate::error::{Error, Result};
use crate::AppState;
use chrono::NaiveDate;
use domain::finance::rupiah;
use domain::topup::{TopupDifferenceOut, TopupReconcileOut, TopupStatus};
use domain::{FieldError, Problem};
use sea_orm::{ActiveValue::Set, ColumnTrait, EntityTrait, QueryFilter};
use std::collections::BTreeMap;

fn parse_day(day: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(day.trim(), "%Y-%m-%d")
        .map_err(|_| Error::Invalid(vec![FieldError::new("day", Problem::Required)]))
}

/// Reconciles one WIB day (`YYYY-MM-DD`).
pub async fn day(state: &AppState, day: &str) -> Result<TopupReconcileOut> {
    let service = state.payments.as_deref().ok_or(Error::Refused(Problem::Unavailable))?;
    let date = parse_day(day)?;
    let (from, to) = (crate::infra::wib::start_of(date), crate::infra::wib::start_of(date + chrono::Duration::days(1)));
    let ours = TopupOrder::find()
        .filter(topup_order::Column::CreatedAt.gte(from))
        .filter(topup_order::Column::CreatedAt.lt(to))
        .all(&state.db)
        .await?;
    let stamp = |d: NaiveDate, t: &str| format!("{} {t}", d.format("%Y-%m-%d"));
    let report = service.finance_report(&stamp(date, "00:00:00"), &stamp(date, "23:59:59")).await.map_err(refused)?;
    let mut differences = orders_against_report(&ours, &report);
    differences.extend(kwallet_against_sweeps(state, &ours, date).await?);
    Ok(TopupReconcileOut { day: date.format("%Y-%m-%d").to_string(), checked: ours.len() as u64, differences })
}

fn difference(order_id: &str, ours: String, theirs: String, what: &str) -> TopupDifferenceOut {
    TopupDifferenceOut { order_id: order_id.to_owned(), ours, theirs, what: what.to_owned() }
}

/// Orders (VA, GoPay) against the report's rows, by order id.
fn orders_against_report(ours: &[topup_order::Model], report: &[super::service::ReportRow]) -> Vec<TopupDifferenceOut> {
    let theirs: BTreeMap<&str, &super::service::ReportRow> = report.iter().map(|r| (r.order_id.as_str(), r)).collect();
    let mut out = Vec::new();
    for o in ours.iter().filter(|o| o.method != super::accounts::SWEEP_METHOD) {
        let paid_here = o.status == TopupStatus::Paid.code() || o.resolution.as_deref() == Some("credited");
        let mine = format!("{} {}", o.status, rupiah(o.amount));
        match theirs.get(o.order_id.as_str()) {
            None if paid_here => {
                out.push(difference(&o.order_id, mine, "-".into(), "dikreditkan, tidak ada di laporan layanan"))
            }
            None => {}
            Some(r) => {
                let line = format!("{} {}", r.status_code, rupiah(r.gross_amount));
                let paid_there = r.status_code == "200";
                if paid_there && !paid_here && o.status != TopupStatus::Mismatch.code() {
                    out.push(difference(&o.order_id, mine, line, "dibayar di layanan, belum dikreditkan"));
                } else if paid_here && !paid_there {
                    out.push(difference(&o.order_id, mine, line, "dikreditkan, belum lunas di layanan"));
                } else if paid_there && r.gross_amount != o.amount && o.resolution.is_none() {
                    out.push(difference(&o.order_id, mine, line, "jumlah berbeda"));
                }
            }
        }
    }
    let known: Vec<&str> = ours.iter().map(|o| o.order_id.as_str()).collect();
    for r in report.iter().filter(|r| r.status_code == "200" && !known.contains(&r.order_id.as_str())) {
        let line = format!("{} {}", r.status_code, rupiah(r.gross_amount));
        out.push(difference(&r.order_id, "-".into(), line, "dibayar di layanan, order tidak dikenal"));
    }
    out
}

/// Each partner's K-Wallet money in that day against its sweeps credited.
async fn kwallet_against_sweeps(
    state: &AppState,
    ours: &[topup_order::Model],
    date: NaiveDate,
) -> Result<Vec<TopupDifferenceOut>> {
    let Some(service) = state.payments.as_deref() else { return Ok(Vec::new()) };
    let day = date.format("%Y-%m-%d").to_string();
    let mut out = Vec::new();
    for user_id in super::accounts::holders(&state.db).await? {
        let profile = crate::entity::profile::Entity::find_by_id(user_id).one(&state.db).await?;
        let Some(member) = profile.and_then(|p| p.merchant_id) else { continue };
        let lines = service.history_transaction(&member, &day, &day).await.map_err(refused)?;
        // The service's books: "debit" is money into the wallet.
        let came_in: i64 = lines.iter().map(|l| l.debit).sum();
        let swept: i64 = ours
            .iter()
            .filter(|o| o.user_id == user_id && o.method == super::accounts::SWEEP_METHOD)
            .filter(|o| o.status == TopupStatus::Paid.code())
            .map(|o| o.amount)
            .sum();
        if came_in != swept {
            let what = "K-Wallet: dana masuk berbeda dengan yang dikreditkan";
            out.push(difference(&format!("K-Wallet {member}"), rupiah(swept), rupiah(came_in), what));
        }
    }
    Ok(out)
}

/// Keeps a day's result (a run again replaces it).
async fn keep(state: &AppState, result: &TopupReconcileOut) -> Result<()> {
    use crate::entity::topup_reconciliation::{self as rec, Entity as Reconciliation};
    let row = rec::ActiveModel {
        day: Set(result.day.clone()),
        checked: Set(i64::try_from(result.checked).unwrap_or(i64::MAX)),
        differences: Set(serde_json::to_string(&result.differences).map_err(|e| Error::Unexpected(e.into()))?),
        run_at: Set(chrono::Utc::now()),
    };
    Reconciliation::insert(row)
        .on_conflict(
            sea_orm::sea_query::OnConflict::column(rec::Column::Day)
                .update_columns([rec::Column::Checked, rec::Column::Differences, rec::Column::RunAt])
                .to_owned(),
        )
        .exec_without_returning(&state.db)
        .await?;
    Ok(())
}

/// Reconciles a day and keeps the result (the back office's button).
pub async fn run(state: &AppState, day: &str) -> Result<TopupReconcileOut> {
    let result = self::day(state, day).await?;
    keep(state, &result).await?;
    Ok(result)
}

/// Yesterday's reconciliation, once a day (when none is kept for it yet);
/// differences go to staff as an alert.
pub async fn yesterday(state: &AppState) -> Result<()> {
    if state.payments.is_none() {
        return Ok(());
    }
    let day = crate::infra::wib::day(chrono::Utc::now() - chrono::Duration::days(1));
    let kept = crate::entity::topup_reconciliation::Entity::find_by_id(day.clone()).one(&state.db).await?;
    if kept.is_some() {
        return Ok(());
    }
    let result = run(state, &day).await?;
    if !result.differences.is_empty() {
        let log = crate::billers::calls::CallLog {
            db: state.db.clone(),
            biller: "payment-service".into(),
            env: crate::ledger::Env::Production,
            alert_to: state.config.biller_alert_email.clone().unwrap_or_else(|| state.config.operator_email.clone()),
            brand: state.config.brand.clone(),
        };
        let problem = format!(
            "Rekonsiliasi top-up {day}: {} selisih dengan layanan pembayaran. Periksa di Back office › Top Up.",
            result.differences.len()
        );
        log.alert(&problem).await;
    }
    Ok(())
}

/// The days reconciled lately, newest first.
pub async fn recent(state: &AppState) -> Result<Vec<TopupReconcileOut>> {
    use crate::entity::topup_reconciliation::{self as rec, Entity as Reconciliation};
    use sea_orm::{QueryOrder, QuerySelect};
    let rows = Reconciliation::find().order_by_desc(rec::Column::Day).limit(7).all(&state.db).await?;
    Ok(rows
        .into_iter()
        .map(|r| TopupReconcileOut {
            day: r.day,
            checked: u64::try_from(r.checked).unwrap_or(0),
            differences: serde_json::from_str(&r.differences).unwrap_or_default(),
        })
        .collect())
}
