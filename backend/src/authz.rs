//! Who is acting, and may they. Every server function starts by asking
//! here (through the web layer's guards); what it gets back — a
//! [`StaffActor`] or a [`PartnerActor`] — can be made nowhere else (private
//! fields, one constructor each), and use cases take it instead of a raw
//! id, so a use case cannot run without an authorization having happened.

use crate::audit::Actor;
use crate::entity::staff::Entity as Staff;
use crate::entity::user::Entity as User;
use crate::error::{Error, Result};
use domain::rights::Right;
use domain::staff::{Permission, Role, StaffOut};
use domain::Problem;
use sea_orm::{ConnectionTrait, EntityTrait};
use uuid::Uuid;

/// An active staff member whose role was checked for what they do.
#[derive(Debug, Clone)]
pub struct StaffActor {
    id: Uuid,
    name: String,
    email: String,
    role: Role,
    totp_enabled: bool,
}

impl StaffActor {
    pub fn id(&self) -> Uuid {
        self.id
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn role(&self) -> Role {
        self.role
    }

    pub fn may(&self, p: Permission) -> bool {
        self.role.may(p)
    }

    /// As the audit log names them.
    pub fn audit(&self) -> Actor {
        Actor::Staff { id: self.id, name: self.name.clone() }
    }

    pub fn out(&self) -> StaffOut {
        StaffOut {
            id: self.id.into(),
            name: self.name.clone(),
            email: self.email.clone(),
            role: self.role,
            totp_enabled: self.totp_enabled,
        }
    }
}

/// The active staff member `id` (signed in), whatever their role.
pub async fn any_staff(db: &impl ConnectionTrait, id: Uuid) -> Result<StaffActor> {
    let s = Staff::find_by_id(id).one(db).await?.filter(|s| s.active).ok_or(Error::Refused(Problem::NotLoggedIn))?;
    Ok(StaffActor { id: s.id, role: s.role, totp_enabled: s.totp_secret.is_some(), name: s.name, email: s.email })
}

/// The active staff member `id` if their role grants `p` (else `Forbidden`).
pub async fn staff(db: &impl ConnectionTrait, id: Uuid, p: Permission) -> Result<StaffActor> {
    let s = any_staff(db, id).await?;
    if s.may(p) {
        Ok(s)
    } else {
        Err(Error::Refused(Problem::Forbidden))
    }
}

/// A partner's user, acting for the partner account (the tenant): the
/// owner, or a sub-user with the rights the owner gave.
#[derive(Debug, Clone)]
pub struct PartnerActor {
    user_id: Uuid,
    partner_id: Uuid,
    name: String,
    /// `None`: the owner, who has every right.
    rights: Option<Vec<Right>>,
}

impl PartnerActor {
    /// The partner account everything belongs to (its owner's id).
    pub fn partner_id(&self) -> Uuid {
        self.partner_id
    }

    /// The person signed in (the owner or a sub-user).
    pub fn user_id(&self) -> Uuid {
        self.user_id
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn is_owner(&self) -> bool {
        self.rights.is_none()
    }

    pub fn may(&self, right: Right) -> bool {
        self.rights.as_ref().is_none_or(|rs| rs.contains(&right))
    }

    /// What this user holds, in the matrix order.
    pub fn rights(&self) -> Vec<Right> {
        Right::ALL.into_iter().filter(|r| self.may(*r)).collect()
    }

    /// As the audit log names them: the person, not the company.
    pub fn audit(&self) -> Actor {
        Actor::Partner { id: self.user_id, name: self.name.clone() }
    }
}

/// The partner user `user_id` (signed in), if they hold `right` (`None`:
/// any signed-in partner user, e.g. for their own dashboard). A deleted
/// user is signed out; a suspended company's users are refused. Rights are
/// read on every call, so what the owner takes away is gone at once.
pub async fn partner(db: &impl ConnectionTrait, user_id: Uuid, right: Option<Right>) -> Result<PartnerActor> {
    let u = User::find_by_id(user_id).one(db).await?.ok_or(Error::Refused(Problem::NotLoggedIn))?;
    let owner = u.company_owner(db).await?.ok_or(Error::Refused(Problem::NotLoggedIn))?;
    if owner.suspended_at.is_some() {
        return Err(Error::Refused(Problem::Suspended));
    }
    let rights = u.owner_id.map(|_| domain::rights::decode(u.rights.as_deref().unwrap_or_default()));
    let actor = PartnerActor { user_id: u.id, partner_id: owner.id, name: u.name, rights };
    match right {
        Some(r) if !actor.may(r) => Err(Error::Refused(Problem::Forbidden)),
        _ => Ok(actor),
    }
}
