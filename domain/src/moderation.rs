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
