//! The per-merchant request rate (R-Q-3), shared by every instance through
//! the database and counted in memory in between (issue 17).
//!
//! Before, every request wrote its merchant's counter row (an autocommit
//! UPDATE): one WAL flush per request, and on a busy merchant every request
//! queued on that one row's lock. The row stays the same — one per
//! merchant and environment, its window starting at the window's first hit
//! — but an instance writes it only:
//! - at its first hit of a window (it learns the window's start and what
//!   the others counted);
//! - when its own view — the count the database last returned plus its
//!   unwritten hits — comes within a tenth of the limit: from there on each
//!   hit is counted in the database before it is let through, as before;
//! - every [`FLUSH`] otherwise, all unwritten hits in one statement per key.
//!
//! The bound: an instance that last saw the count far from the limit learns
//! the shared count at its next write, within one [`FLUSH`]; near the limit
//! every hit is exact. A merchant can pass the limit by at most what each
//! other instance lets through in one [`FLUSH`] (tested:
//! `two_instances_share_one_request_rate`).

use crate::entity::rate_limit::{self, Entity as RateLimit};
use sea_orm::sea_query::{Expr, ExprTrait, OnConflict};
use sea_orm::{ActiveValue::Set, DatabaseConnection, EntityTrait};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// How often unwritten hits are written.
pub const FLUSH: std::time::Duration = std::time::Duration::from_millis(100);
const WINDOW_SECS: i64 = 60;

#[derive(Debug, Default, Clone, Copy)]
struct Slot {
    /// When the window began (the database's), unix seconds.
    window: i64,
    /// The window's count as the database last returned it.
    shared: i64,
    /// Hits let through here and not yet written.
    pending: i64,
}

/// The counters of one process; see the module's text.
#[derive(Clone)]
pub struct Throttle {
    db: DatabaseConnection,
    slots: Arc<Mutex<HashMap<String, Slot>>>,
}

impl Throttle {
    /// The counters, and the task that writes them every [`FLUSH`].
    pub fn start(db: DatabaseConnection) -> Throttle {
        let t = Throttle { db, slots: Arc::default() };
        let flusher = t.clone();
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(FLUSH);
            loop {
                tick.tick().await;
                if let Err(e) = flusher.flush().await {
                    tracing::warn!(error = %e, "request counters not written");
                }
            }
        });
        t
    }

    /// Counts one request of `key` against `max` a minute; `Err(secs)` when
    /// the minute is used up.
    pub async fn hit(&self, key: &str, max: i64, now: i64) -> Result<Result<(), u64>, sea_orm::DbErr> {
        let wait = |window: i64| Err(Ord::max(u64::try_from(window + WINDOW_SECS - now).unwrap_or(1), 1));
        let pending = {
            let mut slots = self.slots.lock().unwrap_or_else(|e| e.into_inner());
            let slot = slots.entry(key.to_owned()).or_default();
            let live = slot.window + WINDOW_SECS > now;
            if live && slot.shared + slot.pending >= max {
                return Ok(wait(slot.window));
            }
            if live && slot.shared + slot.pending + 1 < max - max / 10 {
                // Far from the limit, in a window whose count is known.
                slot.pending += 1;
                return Ok(Ok(()));
            }
            // A new window here, or near the limit: counted in the database
            // first, together with what is still unwritten.
            std::mem::take(&mut slot.pending)
        };
        let (window, total) = self.add(key, pending + 1, now).await?;
        self.learn(key, window, total);
        if total > max {
            return Ok(wait(window));
        }
        Ok(Ok(()))
    }

    fn learn(&self, key: &str, window: i64, total: i64) {
        let mut slots = self.slots.lock().unwrap_or_else(|e| e.into_inner());
        let slot = slots.entry(key.to_owned()).or_default();
        if slot.window != window {
            // Another window began: what was counted before it is over.
            *slot = Slot { window, shared: total, pending: 0 };
        } else {
            slot.shared = Ord::max(slot.shared, total);
        }
    }

    /// Adds `n` hits to the key's row, starting a new window there when
    /// the last one is over; the window's start and count after.
    async fn add(&self, key: &str, n: i64, now: i64) -> Result<(i64, i64), sea_orm::DbErr> {
        let hits = i32::try_from(n).unwrap_or(i32::MAX);
        let over = Expr::col((RateLimit, rate_limit::Column::WindowStart)).lte(now - WINDOW_SECS);
        let row = RateLimit::insert(rate_limit::ActiveModel {
            key: Set(key.to_owned()),
            window_start: Set(now),
            hits: Set(hits),
        })
        .on_conflict(
            OnConflict::column(rate_limit::Column::Key)
                .value(
                    rate_limit::Column::Hits,
                    Expr::case(over.clone(), hits).finally(Expr::col((RateLimit, rate_limit::Column::Hits)).add(hits)),
                )
                .value(
                    rate_limit::Column::WindowStart,
                    Expr::case(over, now).finally(Expr::col((RateLimit, rate_limit::Column::WindowStart))),
                )
                .to_owned(),
        )
        .exec_with_returning(&self.db)
        .await?;
        Ok((row.window_start, i64::from(row.hits)))
    }

    /// Writes every unwritten hit and forgets windows long over.
    pub async fn flush(&self) -> Result<(), sea_orm::DbErr> {
        let now = chrono::Utc::now().timestamp();
        let due: Vec<(String, i64)> = {
            let mut slots = self.slots.lock().unwrap_or_else(|e| e.into_inner());
            slots.retain(|_, s| s.window + 2 * WINDOW_SECS > now || s.pending > 0);
            slots
                .iter_mut()
                .filter(|(_, s)| s.pending > 0)
                .map(|(k, s)| (k.clone(), std::mem::take(&mut s.pending)))
                .collect()
        };
        for (key, n) in due {
            let (window, total) = self.add(&key, n, now).await?;
            self.learn(&key, window, total);
        }
        Ok(())
    }
}
