//! What the operator's moderators see.

use crate::profile::{DocTypeOut, DocumentOut, ProfileIn, ProfileStatus};
use serde::{Deserialize, Serialize};

/// One profile waiting in (or passed through) the moderation queue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueItemOut {
    pub user_id: String,
    pub business_name: String,
    pub email: String,
    pub category: String,
    pub status: ProfileStatus,
    pub submitted_at: String,
    /// Hours since submission, against the 1x24 promise.
    pub age_hours: i64,
    pub merchant_id: Option<String>,
}

/// Everything a moderator needs to decide on one profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewOut {
    pub user_id: String,
    pub status: ProfileStatus,
    pub fields: ProfileIn,
    /// Province, regency, district and village names.
    pub region_names: Vec<String>,
    pub doc_types: Vec<DocTypeOut>,
    pub required: Vec<String>,
    pub documents: Vec<DocumentOut>,
    pub submitted_at: Option<String>,
    pub merchant_id: Option<String>,
}

/// Hours within which the operator promises a decision.
pub const SLA_HOURS: i64 = 24;

/// One audit log entry as staff see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditOut {
    /// `DD/MM/YYYY HH:MM:SS` WIB.
    pub at: String,
    pub actor_kind: String,
    pub actor_name: String,
    pub action: String,
    pub entity: String,
    pub entity_id: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

/// A page of audit entries, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditPage {
    pub entries: Vec<AuditOut>,
    pub page: u64,
    pub pages: u64,
    pub total: u64,
}

pub const AUDIT_PAGE_SIZE: u64 = 20;
