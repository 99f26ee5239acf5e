//! "Manajemen User" (manual §11): the owner and the users with "Admin
//! Manajemen User" add, edit and delete their company's sub-users. A
//! sub-user works in the owner's company with the rights ticked for them;
//! nobody grants a right they do not hold, and the owner is never edited
//! or deleted here.

use crate::accounts::{contact_taken, send_link, Invited, LinkMail};
use crate::audit;
use crate::authz::PartnerActor;
use crate::entity::user::{self, Entity as User};
use crate::error::{is_unique_violation, Error, Result};
use crate::infra::session_store::{end_sessions, Subject};
use crate::infra::{password, wib};
use crate::AppState;
use chrono::Utc;
use domain::rights::{self, Right};
use domain::team::{TeamOut, TeamUser, TeamUserIn, TeamUserOut};
use domain::{ListQuery, Msisdn, Page, Problem, UserId};
use sea_orm::sea_query::Condition;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder,
};
use uuid::Uuid;

/// The first free username `<company>.NN` from `from` on.
pub async fn free_username(db: &impl ConnectionTrait, company: &str, from: u32) -> Result<String> {
    let mut n = from.max(1);
    loop {
        let name = domain::team::username(company, n);
        if User::find().filter(user::Column::Username.eq(&name)).count(db).await? == 0 {
            return Ok(name);
        }
        n += 1;
    }
}

/// Refused unless `me` manages users (the server fns' guard says so too:
/// a use case is never the only check, nor skipped).
fn manager(me: &PartnerActor) -> Result<()> {
    match me.may(Right::AdminManajemenUser) {
        true => Ok(()),
        false => Err(Error::Refused(Problem::Forbidden)),
    }
}

async fn owner_of(db: &impl ConnectionTrait, me: &PartnerActor) -> Result<user::Model> {
    User::find_by_id(me.partner_id()).one(db).await?.ok_or(Error::Refused(Problem::NotLoggedIn))
}

fn out(u: user::Model, me: &PartnerActor) -> TeamUserOut {
    let rights = match u.owner_id {
        None => Right::ALL.to_vec(),
        Some(_) => rights::decode(u.rights.as_deref().unwrap_or_default()),
    };
    TeamUserOut {
        id: u.id.into(),
        username: u.username.unwrap_or_default(),
        phone: Msisdn::parse(&u.phone).map(|m| m.local()).unwrap_or(u.phone),
        owner: u.owner_id.is_none(),
        me: u.id == me.user_id(),
        name: u.name,
        email: u.email,
        rights,
        created_at: wib::format(u.created_at),
        updated_at: wib::format(u.updated_at),
    }
}

/// The company's users (owner first, then by creation), searched by name,
/// username, e-mail or phone; with the username the next one will get.
pub async fn list(state: &AppState, me: &PartnerActor, q: &ListQuery) -> Result<TeamOut> {
    manager(me)?;
    let owner = owner_of(&state.db, me).await?;
    let mut find = User::find()
        .filter(Condition::any().add(user::Column::Id.eq(owner.id)).add(user::Column::OwnerId.eq(owner.id)));
    let needle = q.search();
    if !needle.is_empty() {
        let mut any = Condition::any();
        for col in [user::Column::Name, user::Column::Username, user::Column::Email, user::Column::Phone] {
            any = any.add(col.contains(needle));
        }
        find = find.filter(any);
    }
    let total = find.clone().count(&state.db).await?;
    let per = q.per_page();
    let page = q.page.min(total.saturating_sub(1) / per);
    let rows = find
        .order_by_asc(user::Column::OwnerId.is_not_null())
        .order_by_asc(user::Column::CreatedAt)
        .paginate(&state.db, per)
        .fetch_page(page)
        .await?;
    let users = Page { items: rows.into_iter().map(|u| out(u, me)).collect(), page, per_page: per, total };
    Ok(TeamOut { users, next_username: next_username(&state.db, &owner).await?, grantable: me.rights() })
}

/// The username the company's next user gets: the owner is `.01`, so the
/// n-th sub-user is `.(n+1)`, or the next free one.
async fn next_username(db: &impl ConnectionTrait, owner: &user::Model) -> Result<String> {
    let subs = User::find().filter(user::Column::OwnerId.eq(owner.id)).count(db).await?;
    free_username(db, &owner.company, u32::try_from(subs + 2).unwrap_or(u32::MAX)).await
}

/// Refused when `wanted` holds a right `me` lacks.
fn grantable(me: &PartnerActor, wanted: &[Right]) -> Result<()> {
    match wanted.iter().all(|r| me.may(*r)) {
        true => Ok(()),
        false => Err(Error::Refused(Problem::Forbidden)),
    }
}

/// Adds a sub-user and e-mails them a link to confirm their address and
/// set their own password (the one given here works once confirmed).
pub async fn add(state: &AppState, me: &PartnerActor, input: &TeamUserIn) -> Result<TeamUserOut> {
    manager(me)?;
    let new = input.parse(true).map_err(Error::Invalid)?;
    grantable(me, &new.rights)?;
    unique(&state.db, &new, None).await?;
    let owner = owner_of(&state.db, me).await?;
    let hash = password::hash(new.password.clone().unwrap_or_default()).await?;
    let txn = crate::infra::db::begin(&state.db).await?;
    let username = next_username(&txn, &owner).await?;
    let now = Utc::now();
    let row = user::ActiveModel {
        id: Set(Uuid::now_v7()),
        name: Set(new.name.clone()),
        company: Set(owner.company.clone()),
        email: Set(new.email.clone()),
        website: Set(None),
        phone: Set(new.phone.as_str().to_owned()),
        password_hash: Set(hash),
        lang: Set(owner.lang.clone()),
        email_verified_at: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        owner_id: Set(Some(owner.id)),
        username: Set(Some(username.clone())),
        rights: Set(Some(rights::encode(&new.rights))),
        // Not suspended, no second factor: the columns' defaults.
        ..Default::default()
    };
    let u = match row.insert(&txn).await {
        Ok(u) => u,
        Err(e) if is_unique_violation(&e) => {
            txn.rollback().await?;
            return Err(unique(&state.db, &new, None).await.err().unwrap_or(Error::from(e)));
        }
        Err(e) => return Err(e.into()),
    };
    let invited = Invited { company: &owner.company, inviter: me.name(), username: &username };
    send_link(state, &txn, LinkMail::invitation(&u, invited)).await?;
    let after = snapshot(&u);
    audit::record(&txn, &me.audit(), "team.user_added", "user", &u.id.to_string(), None, Some(after)).await?;
    txn.commit().await?;
    Ok(out(u, me))
}

async fn unique(db: &impl ConnectionTrait, new: &TeamUser, except: Option<Uuid>) -> Result<()> {
    match contact_taken(db, &new.email, &new.phone, except).await? {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

/// What the audit log keeps of a user (never the password).
fn snapshot(u: &user::Model) -> serde_json::Value {
    serde_json::json!({
        "username": u.username, "name": u.name, "email": u.email, "phone": u.phone,
        "rights": u.rights.as_deref().map(rights::decode).map(|rs| rs.iter().map(|r| r.label()).collect::<Vec<_>>()),
    })
}

/// One of `me`'s company's sub-users: another company's user is "not
/// found" (nothing tells it exists), the owner is protected.
async fn sub_user(db: &impl ConnectionTrait, me: &PartnerActor, id: UserId) -> Result<user::Model> {
    let u = User::find_by_id(id.0).one(db).await?.ok_or(Error::Refused(Problem::NotFound))?;
    if u.company_id() != me.partner_id() {
        return Err(Error::Refused(Problem::NotFound));
    }
    if u.owner_id.is_none() {
        return Err(Error::Refused(Problem::OwnerProtected));
    }
    Ok(u)
}

/// Edits a sub-user: name, e-mail, phone, rights and (when given) a new
/// password. A new password or e-mail ends the user's sessions; a changed
/// e-mail must be confirmed again. Rights apply at the user's next request.
pub async fn change(state: &AppState, me: &PartnerActor, id: UserId, input: &TeamUserIn) -> Result<TeamUserOut> {
    manager(me)?;
    let new = input.parse(false).map_err(Error::Invalid)?;
    let u = sub_user(&state.db, me, id).await?;
    // Rights the user holds and `me` lacks stay as they are: `me` can
    // neither grant them nor see them to take them away.
    let held = rights::decode(u.rights.as_deref().unwrap_or_default());
    let kept: Vec<Right> = held.iter().copied().filter(|r| !me.may(*r)).collect();
    grantable(me, &new.rights)?;
    unique(&state.db, &new, Some(u.id)).await?;
    let hash = match &new.password {
        Some(pw) => Some(password::hash(pw.clone()).await?),
        None => None,
    };
    let email_changed = new.email != u.email;
    let before = snapshot(&u);
    let mut row: user::ActiveModel = u.into();
    row.name = Set(new.name.clone());
    row.email = Set(new.email.clone());
    row.phone = Set(new.phone.as_str().to_owned());
    row.rights = Set(Some(rights::encode(&[new.rights.clone(), kept].concat())));
    row.updated_at = Set(Utc::now());
    if let Some(hash) = hash.clone() {
        row.password_hash = Set(hash);
    }
    if email_changed {
        row.email_verified_at = Set(None);
    }
    let txn = crate::infra::db::begin(&state.db).await?;
    let u = row.update(&txn).await.map_err(|e| match is_unique_violation(&e) {
        true => Error::field("email", Problem::EmailTaken),
        false => e.into(),
    })?;
    if hash.is_some() || email_changed {
        end_sessions(&txn, Subject::Partner(u.id), None).await?;
    }
    if email_changed {
        send_link(state, &txn, LinkMail::activation(u.id, &u.name, &u.email, domain::Lang::from_code(&u.lang))).await?;
    }
    let mut after = snapshot(&u);
    after["password_changed"] = serde_json::Value::Bool(hash.is_some());
    audit::record(&txn, &me.audit(), "team.user_changed", "user", &u.id.to_string(), Some(before), Some(after)).await?;
    txn.commit().await?;
    Ok(out(u, me))
}

/// Deletes a sub-user; their open sessions end at once. Nobody deletes
/// themself (another manager, or the owner, must).
pub async fn delete(state: &AppState, me: &PartnerActor, id: UserId) -> Result<()> {
    manager(me)?;
    let u = sub_user(&state.db, me, id).await?;
    if u.id == me.user_id() {
        return Err(Error::Refused(Problem::Forbidden));
    }
    let txn = crate::infra::db::begin(&state.db).await?;
    end_sessions(&txn, Subject::Partner(u.id), None).await?;
    User::delete_by_id(u.id).exec(&txn).await?;
    audit::record(&txn, &me.audit(), "team.user_deleted", "user", &u.id.to_string(), Some(snapshot(&u)), None).await?;
    txn.commit().await?;
    Ok(())
}

/// A company's users as staff see them (read-only, on the partner page).
pub async fn of_partner(db: &impl ConnectionTrait, partner: Uuid) -> Result<Vec<domain::team::StaffTeamRow>> {
    let rows = User::find()
        .filter(Condition::any().add(user::Column::Id.eq(partner)).add(user::Column::OwnerId.eq(partner)))
        .order_by_asc(user::Column::OwnerId.is_not_null())
        .order_by_asc(user::Column::CreatedAt)
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|u| domain::team::StaffTeamRow {
            username: u.username.clone().unwrap_or_default(),
            name: u.name.clone(),
            email: u.email.clone(),
            phone: Msisdn::parse(&u.phone).map(|m| m.local()).unwrap_or(u.phone.clone()),
            owner: u.owner_id.is_none(),
            rights: match u.owner_id {
                None => Right::ALL.len(),
                Some(_) => rights::decode(u.rights.as_deref().unwrap_or_default()).len(),
            },
            verified: u.email_verified_at.is_some(),
            created_at: wib::format(u.created_at),
        })
        .collect())
}
