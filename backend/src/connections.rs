//! "Koneksi → Pengaturan Koneksi" (R-CONN-1) and the operator's IP queue
//! (R-BO-2): partners register the addresses they call each gateway
//! environment from; staff approve them; the gateway admits only approved
//! addresses of the matching environment.

use crate::audit;
use crate::authz::{PartnerActor, StaffActor};
use crate::entity::ip_whitelist::{self, Entity as IpWhitelist};
use crate::entity::profile::{self, Entity as Profile};
use crate::entity::OfPartner;
use crate::error::{is_unique_violation, Error, Result};
use crate::infra::wib;
use crate::ledger::Env;
use crate::AppState;
use chrono::Utc;
use domain::finance::IpStatus;
use domain::finance::{IpEntryOut, IpOverview, IP_LIMIT};
use domain::IpEntryId;
use domain::{FieldError, ListQuery, Problem};
use sea_orm::ActiveModelBehavior;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, Order, PaginatorTrait, QueryFilter,
    QueryOrder,
};
use std::net::IpAddr;
use uuid::Uuid;

fn out(e: ip_whitelist::Model, owner: Option<&profile::Model>) -> IpEntryOut {
    IpEntryOut {
        id: e.id.into(),
        environment: e.environment,
        ip: e.ip,
        status: e.status,
        reason: e.reason,
        created_at: wib::format(e.created_at),
        company: owner.map(|p| p.business_name.clone()),
        merchant_id: owner.and_then(|p| p.merchant_id.clone()),
    }
}

/// An address as typed: IPv4 or IPv6, stored in canonical form.
pub fn parse_ip(raw: &str) -> std::result::Result<IpAddr, Problem> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Err(Problem::Required);
    }
    raw.parse::<IpAddr>().map_err(|_| Problem::IpInvalid)
}

pub(crate) async fn approved_partner(db: &impl ConnectionTrait, user_id: Uuid) -> Result<profile::Model> {
    let p = Profile::find_by_id(user_id).one(db).await?;
    p.filter(|p| p.merchant_id.is_some()).ok_or(Error::Refused(Problem::ProfileLocked))
}

/// The partner's entries whose address contains the search, newest first
/// unless sorted by address or connection type.
pub async fn list(state: &AppState, partner: &PartnerActor, list: &ListQuery) -> Result<IpOverview> {
    let column = match list.sort.as_str() {
        "ip" => ip_whitelist::Column::Ip,
        "environment" => ip_whitelist::Column::Environment,
        _ => ip_whitelist::Column::CreatedAt,
    };
    let order = if list.sort.is_empty() || list.desc { Order::Desc } else { Order::Asc };
    let mut query = IpWhitelist::of_partner(partner.partner_id());
    if !list.search().is_empty() {
        query = query.filter(ip_whitelist::Column::Ip.contains(list.search()));
    }
    let query = query.order_by(column, order).order_by_desc(ip_whitelist::Column::CreatedAt);
    Ok(IpOverview {
        ips: crate::infra::db::fetch_page(&state.db, query, list, |e| out(e, None)).await?,
        development_url: state.config.gateway_dev_url.clone(),
        production_url: state.config.gateway_prod_url.clone(),
    })
}

/// "Tambah": a new address waits for the operator's approval.
#[tracing::instrument(skip_all, fields(user_id = %partner.partner_id()))]
pub async fn add(state: &AppState, partner: &PartnerActor, environment: &str, ip: &str) -> Result<IpEntryOut> {
    let user_id = partner.partner_id();
    let mut errs = Vec::new();
    let env = Env::from_code(environment);
    if env.is_none() {
        errs.push(FieldError::new("environment", Problem::Required));
    }
    let ip = parse_ip(ip).map_err(|p| errs.push(FieldError::new("ip", p))).ok();
    let (Some(env), Some(ip)) = (env, ip) else { return Err(Error::Invalid(errs)) };
    let txn = crate::infra::db::begin(&state.db).await?;
    approved_partner(&txn, user_id).await?;
    let count = IpWhitelist::of_partner(user_id).filter(ip_whitelist::Column::Environment.eq(env)).count(&txn).await?;
    if count >= IP_LIMIT {
        return Err(Error::field("ip", Problem::IpLimit));
    }
    let row = ip_whitelist::ActiveModel {
        user_id: Set(user_id),
        environment: Set(env),
        ip: Set(ip.to_string()),
        status: Set(IpStatus::Pending),
        reason: Set(None),
        decided_by: Set(None),
        decided_at: Set(None),
        ..ip_whitelist::ActiveModel::new()
    };
    let saved = row.insert(&txn).await.map_err(|e| {
        if is_unique_violation(&e) {
            Error::field("ip", Problem::IpTaken)
        } else {
            e.into()
        }
    })?;
    let actor = partner.audit();
    let after = serde_json::json!({ "environment": env.code(), "ip": saved.ip });
    audit::record(&txn, &actor, "ip.added", "ip_whitelist", &saved.id.to_string(), None, Some(after)).await?;
    txn.commit().await?;
    Ok(out(saved, None))
}

/// Removes one of the partner's own entries (another's is `NotFound`).
pub async fn remove(state: &AppState, partner: &PartnerActor, id: IpEntryId) -> Result<()> {
    let user_id = partner.partner_id();
    let id = id.0;
    let txn = crate::infra::db::begin(&state.db).await?;
    let e = IpWhitelist::find_by_id(id)
        .one(&txn)
        .await?
        .filter(|e| e.user_id == user_id)
        .ok_or(Error::Refused(Problem::NotFound))?;
    IpWhitelist::delete_by_id(id).exec(&txn).await?;
    let actor = partner.audit();
    let before = serde_json::json!({ "environment": e.environment, "ip": e.ip, "status": e.status });
    audit::record(&txn, &actor, "ip.removed", "ip_whitelist", &id.to_string(), Some(before), None).await?;
    txn.commit().await?;
    Ok(())
}

/// Staff: every address one partner registered, newest first.
pub async fn of_partner(db: &impl ConnectionTrait, user_id: Uuid) -> Result<Vec<IpEntryOut>> {
    let rows = IpWhitelist::of_partner(user_id).order_by_desc(ip_whitelist::Column::CreatedAt).all(db).await?;
    Ok(rows.into_iter().map(|e| out(e, None)).collect())
}

/// The operator's queue: entries waiting for a decision, oldest first.
pub async fn queue(db: &impl ConnectionTrait) -> Result<Vec<IpEntryOut>> {
    let rows = IpWhitelist::find()
        .filter(ip_whitelist::Column::Status.eq(IpStatus::Pending))
        .order_by_asc(ip_whitelist::Column::CreatedAt)
        .all(db)
        .await?;
    let owners = crate::partners::profiles_of(db, rows.iter().map(|r| r.user_id)).await?;
    Ok(rows
        .into_iter()
        .map(|e| {
            let o = owners.get(&e.user_id);
            out(e, o)
        })
        .collect())
}

/// Approves, or rejects with a reason, one entry.
#[tracing::instrument(skip_all, fields(staff_id = %staff.id(), approve))]
pub async fn decide(state: &AppState, staff: &StaffActor, id: IpEntryId, approve: bool, reason: &str) -> Result<()> {
    let staff_id = staff.id();
    let id = id.0;
    let reason = reason.trim();
    if !approve {
        domain::account::check_required(reason, 300).map_err(|p| Error::field("reason", p))?;
    }
    let txn = crate::infra::db::begin(&state.db).await?;
    let actor = staff.audit();
    let e = IpWhitelist::find_by_id(id).one(&txn).await?.ok_or(Error::Refused(Problem::NotFound))?;
    if e.status != IpStatus::Pending {
        return Err(Error::Refused(Problem::NotInReview));
    }
    let status = if approve { IpStatus::Approved } else { IpStatus::Rejected };
    let mut row: ip_whitelist::ActiveModel = e.clone().into();
    row.status = Set(status);
    row.reason = Set((!approve).then(|| reason.to_owned()));
    row.decided_by = Set(Some(staff_id));
    row.decided_at = Set(Some(Utc::now()));
    row.update(&txn).await?;
    let after = serde_json::json!({ "status": status, "ip": e.ip, "environment": e.environment, "reason": (!approve).then_some(reason) });
    audit::record(&txn, &actor, &format!("ip.{status}"), "ip_whitelist", &id.to_string(), None, Some(after)).await?;
    txn.commit().await?;
    Ok(())
}

/// Whether any partner has `ip` approved for `env` (checked before the
/// request is authenticated; the merchant's own approval is read with its
/// credentials, `gateway::auth`).
pub async fn approved_address(db: &impl ConnectionTrait, env: Env, ip: IpAddr) -> Result<bool> {
    let q = IpWhitelist::find()
        .filter(ip_whitelist::Column::Environment.eq(env))
        .filter(ip_whitelist::Column::Ip.eq(ip.to_string()))
        .filter(ip_whitelist::Column::Status.eq(IpStatus::Approved));
    Ok(q.count(db).await? > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_ipv4_or_ipv6_in_canonical_form() {
        assert_eq!(parse_ip(" 203.0.113.7 ").unwrap().to_string(), "203.0.113.7");
        assert_eq!(parse_ip("2001:DB8:0:0:0:0:0:1").unwrap().to_string(), "2001:db8::1");
        assert_eq!(parse_ip("203.0.113.256"), Err(Problem::IpInvalid));
        assert_eq!(parse_ip("example.com"), Err(Problem::IpInvalid));
        assert_eq!(parse_ip(""), Err(Problem::Required));
    }
}
