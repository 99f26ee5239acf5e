//! The staff's view of partners: a searchable list and one partner's page
//! (account, profile, documents and their history).

use crate::entity::audit_log::{self, Entity as AuditLog};
use crate::entity::profile::{self, Entity as Profile};
use crate::entity::profile_document::Entity as ProfileDocument;
use crate::entity::profile_revision::Entity as ProfileRevision;
use crate::entity::user::{self, Entity as User};
use crate::entity::OfPartner;
use crate::error::{Error, Result};
use crate::infra::wib;
use crate::AppState;
use domain::moderation::{AuditOut, PartnerActivityOut, PartnerDetailOut, PartnerRowOut};
use domain::profile::ProfileStatus;
use domain::UserId;
use domain::{ListQuery, Msisdn, Page, Problem};
use sea_orm::sea_query::Query;
use sea_orm::{ColumnTrait, Condition, ConnectionTrait, EntityTrait, Order, PaginatorTrait, QueryFilter, QueryOrder};
use std::collections::HashMap;
use uuid::Uuid;

/// Partners whose name, company, business name, merchant ID, phone or
/// e-mail contains the search, in profile state `status` (`None`: any),
/// newest first unless sorted by company name or registration.
pub async fn list(
    db: &impl ConnectionTrait,
    list: &ListQuery,
    status: Option<ProfileStatus>,
) -> Result<Page<PartnerRowOut>> {
    let column = match list.sort.as_str() {
        "company" => user::Column::Company,
        _ => user::Column::CreatedAt,
    };
    let order = if list.sort.is_empty() || list.desc { Order::Desc } else { Order::Asc };
    // A partner is a company: its owner's row (sub-users are on its page).
    let mut query = User::find().filter(user::Column::OwnerId.is_null()).order_by(column, order);
    let q = list.search();
    if !q.is_empty() {
        let mut any = Condition::any()
            .add(user::Column::Name.contains(q))
            .add(user::Column::Company.contains(q))
            .add(user::Column::Email.contains(q.to_lowercase()))
            .add(user::Column::Phone.contains(q));
        if let Ok(m) = Msisdn::parse(q) {
            any = any.add(user::Column::Phone.eq(m.as_str()));
        }
        let by_profile = Query::select()
            .column(profile::Column::UserId)
            .from(Profile)
            .cond_where(
                Condition::any()
                    .add(profile::Column::BusinessName.contains(q))
                    .add(profile::Column::MerchantId.contains(q.to_uppercase())),
            )
            .to_owned();
        query = query.filter(any.add(user::Column::Id.in_subquery(by_profile)));
    }
    if let Some(s) = status {
        let in_state =
            |cond: Condition| Query::select().column(profile::Column::UserId).from(Profile).cond_where(cond).to_owned();
        // A partner without a profile row has not started it: a draft.
        query = if s == ProfileStatus::Draft {
            let started = Condition::all().add(profile::Column::Status.ne(ProfileStatus::Draft));
            query.filter(user::Column::Id.not_in_subquery(in_state(started)))
        } else {
            query.filter(user::Column::Id.in_subquery(in_state(Condition::all().add(profile::Column::Status.eq(s)))))
        };
    }
    let users = crate::infra::db::fetch_page(db, query, list, |u| u).await?;
    let profiles = profiles_of(db, users.items.iter().map(|u| u.id)).await?;
    Ok(users.map(|u| row(&u, profiles.get(&u.id))))
}

fn row(u: &user::Model, p: Option<&profile::Model>) -> PartnerRowOut {
    PartnerRowOut {
        user_id: u.id.into(),
        name: u.name.clone(),
        company: p.map(|p| p.business_name.clone()).filter(|n| !n.is_empty()).unwrap_or(u.company.clone()),
        email: u.email.clone(),
        phone: Msisdn::parse(&u.phone).map(|m| m.local()).unwrap_or(u.phone.clone()),
        merchant_id: p.and_then(|p| p.merchant_id.clone()),
        status: p.map(|p| p.status).unwrap_or(ProfileStatus::Draft),
        registered_at: wib::format(u.created_at),
    }
}

/// One partner's page; `NotFound` for an unknown id.
pub async fn detail(state: &AppState, user_id: UserId) -> Result<PartnerDetailOut> {
    let id = user_id.0;
    let db = &state.db;
    let u = User::find_by_id(id)
        .filter(user::Column::OwnerId.is_null())
        .one(db)
        .await?
        .ok_or(Error::Refused(Problem::NotFound))?;
    let p = Profile::find_by_id(id).one(db).await?;
    let review = match &p {
        Some(_) => Some(crate::moderation::review(state, user_id).await?),
        None => None,
    };
    Ok(PartnerDetailOut {
        account: row(&u, p.as_ref()),
        email_verified: u.email_verified_at.is_some(),
        review,
        suspension: u.suspended_at.map(|at| domain::moderation::SuspensionOut {
            since: wib::format(at),
            reason: u.suspension_reason.clone().unwrap_or_default(),
        }),
        users: crate::team::of_partner(db, id).await?,
        ips: crate::connections::of_partner(db, id).await?,
        activity: match p.as_ref().and_then(|p| p.merchant_id.clone()) {
            Some(merchant_id) => Some(activity(db, id, merchant_id).await?),
            None => None,
        },
        timeline: timeline(db, id).await?,
    })
}

/// The partner's latest production transactions and this month's statement.
async fn activity(db: &impl ConnectionTrait, id: Uuid, merchant_id: String) -> Result<PartnerActivityOut> {
    use domain::reports::{StaffTxIn, StatementIn, TxSearchIn};
    let production = || "production".to_owned();
    let search = TxSearchIn { environment: production(), ..Default::default() };
    let whose = StaffTxIn { merchant_id: merchant_id.clone(), search };
    let statement = StatementIn { environment: production(), ..Default::default() };
    Ok(PartnerActivityOut {
        transactions: crate::reports::staff::transactions(db, &whose).await?,
        statement: crate::reports::statement::page(db, id, &statement).await?,
        merchant_id,
    })
}

/// Everything the partner did and everything done to their profile, its
/// documents and revisions, newest first (the latest 100).
async fn timeline(db: &impl ConnectionTrait, id: Uuid) -> Result<Vec<AuditOut>> {
    let members: Vec<Uuid> =
        User::find().filter(user::Column::OwnerId.eq(id)).all(db).await?.into_iter().map(|u| u.id).collect();
    let mut entity_ids: Vec<String> = members.iter().map(Uuid::to_string).collect();
    entity_ids.push(id.to_string());
    let docs = ProfileDocument::of_partner(id).all(db).await?;
    entity_ids.extend(docs.iter().map(|d| d.id.to_string()));
    let revisions = ProfileRevision::of_partner(id).all(db).await?;
    entity_ids.extend(revisions.iter().map(|r| r.id.to_string()));
    let rows = AuditLog::find()
        .filter(
            Condition::any()
                .add(audit_log::Column::ActorId.eq(id))
                .add(audit_log::Column::ActorId.is_in(members))
                .add(audit_log::Column::EntityId.is_in(entity_ids)),
        )
        .order_by_desc(audit_log::Column::At)
        .paginate(db, 100)
        .fetch_page(0)
        .await?;
    Ok(rows.into_iter().map(crate::audit::out).collect())
}

/// The profiles of these users, by user id (one query).
pub async fn profiles_of(
    db: &impl ConnectionTrait,
    ids: impl IntoIterator<Item = Uuid>,
) -> Result<HashMap<Uuid, profile::Model>> {
    Ok(Profile::find()
        .filter(profile::Column::UserId.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|p| (p.user_id, p))
        .collect())
}
