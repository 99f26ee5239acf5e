//! The reports' page cursor: the (created_at, id) of the last row shown,
//! to the nanosecond as times are stored (a coarser cursor would repeat
//! rows); rows after it are found by the index, never by OFFSET.

use chrono::{DateTime, Utc};
use uuid::Uuid;

pub fn encode(at: DateTime<Utc>, id: Uuid) -> String {
    format!("{}_{}", at.timestamp_nanos_opt().unwrap_or_default(), id.simple())
}

pub fn decode(s: &str) -> Option<(DateTime<Utc>, Uuid)> {
    let (nanos, id) = s.split_once('_')?;
    Some((DateTime::from_timestamp_nanos(nanos.parse().ok()?), Uuid::parse_str(id).ok()?))
}
