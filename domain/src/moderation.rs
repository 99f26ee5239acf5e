//! What the operator's moderators see.

use crate::profile::{DocTypeOut, DocumentOut, ProfileIn, ProfileStatus, RevisionOut};
use crate::sla::SlaClock;
use serde::{Deserialize, Serialize};

stored_enum! {
    /// Who did what the audit log records.
    pub enum ActorKind {
        Partner = "partner",
        Staff = "staff",
    }
}

/// One profile waiting in (or passed through) the moderation queue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueItemOut {
    pub user_id: crate::UserId,
    pub business_name: String,
    pub email: String,
    pub category: String,
    pub status: ProfileStatus,
    pub submitted_at: String,
    /// Working hours since submission, against the 1x24 promise.
    pub sla: SlaClock,
    pub merchant_id: Option<String>,
    /// A revision of an approved profile waits (rather than a first submission).
    pub revision: bool,
    /// The moderator who took it ("assign to me").
    pub assignee: Option<String>,
    pub mine: bool,
}

/// Everything a moderator needs to decide on one profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewOut {
    pub user_id: crate::UserId,
    pub status: ProfileStatus,
    pub fields: ProfileIn,
    /// Province, regency, district and village names.
    pub region_names: Vec<String>,
    pub doc_types: Vec<DocTypeOut>,
    pub required: Vec<String>,
    pub documents: Vec<DocumentOut>,
    pub submitted_at: Option<String>,
    pub merchant_id: Option<String>,
    /// A revision waiting for a decision (or the latest one decided).
    pub revision: Option<RevisionOut>,
    /// Region names of the revision's proposed path.
    pub revision_region_names: Vec<String>,
    pub assignee: Option<String>,
}

/// One partner in the staff's partner list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartnerRowOut {
    pub user_id: crate::UserId,
    pub name: String,
    pub company: String,
    pub email: String,
    pub phone: String,
    pub merchant_id: Option<String>,
    pub status: ProfileStatus,
    pub registered_at: String,
}

/// A partner as staff see it: the account, the profile and its history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartnerDetailOut {
    pub account: PartnerRowOut,
    pub email_verified: bool,
    pub review: Option<ReviewOut>,
    /// Set while the operator has the partner suspended.
    pub suspension: Option<SuspensionOut>,
    /// The company's users, owner first (read-only for staff).
    pub users: Vec<crate::team::StaffTeamRow>,
    /// Every address the partner registered, newest first, whatever its state.
    pub ips: Vec<crate::finance::IpEntryOut>,
    /// With a merchant ID: the latest production transactions (first page)
    /// and this month's production statement (first page).
    pub activity: Option<PartnerActivityOut>,
    /// The partner's audit trail, newest first.
    pub timeline: Vec<AuditOut>,
}

/// What a partner did lately, on their page for staff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartnerActivityOut {
    pub merchant_id: String,
    pub transactions: crate::reports::TxPageOut,
    pub statement: crate::reports::StatementOut,
}

/// Since when (WIB) and why a partner is suspended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SuspensionOut {
    pub since: String,
    pub reason: String,
}

/// One audit log entry as staff see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditOut {
    /// `DD/MM/YYYY HH:MM:SS` WIB.
    pub at: String,
    pub actor_kind: ActorKind,
    pub actor_name: String,
    pub action: String,
    pub entity: String,
    pub entity_id: String,
    pub before: Option<String>,
    pub after: Option<String>,
}
