//! What the gateway remembers between requests (issue 17): a caller's
//! credential and standing, a partner's product, a biller's breaker.
//!
//! Each thing remembered carries the count of `gateway_version` it was read
//! with, in the same statement (so the count and the rows come from one
//! snapshot). Triggers count that number up with every change to the tables
//! these are read from (migration 26), on every instance's database alike.
//! Every authenticated request reads the count in the statement that
//! records its nonce's use — no extra round trip — and from then on trusts
//! only what was read at that same count:
//!
//! - the caller, read before the count (its HA1 checks the digest), is read
//!   again when its count is not the request's;
//! - a product or a breaker is used only when its count is the newest this
//!   process has seen, which is at least the request's own.
//!
//! So a request sees every change committed before its nonce's use was
//! recorded — a revoked address, a rotated credential, a suspension, a
//! product switched off — exactly as when it read the tables itself: the
//! staleness bound is zero, on every instance. What a change costs is that
//! every instance reads its callers, products and breakers again once.

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::{Mutex, MutexGuard, PoisonError};

/// A count of `gateway_version`.
pub type Version = i64;

/// The SQL of the count, as a column of another statement.
pub const VERSION_SQL: &str = "(SELECT version FROM gateway_version WHERE id = 1)";

/// Beyond this many things of one kind, the shelf starts empty again: a
/// bound on memory, not a policy (a request reads what it misses).
const SHELF_MAX: usize = 10_000;

/// Things of one kind, each with the count it was read at.
struct Shelf<K, V> {
    items: HashMap<K, (Version, V)>,
}

impl<K: Hash + Eq, V: Clone> Shelf<K, V> {
    fn new() -> Shelf<K, V> {
        Shelf { items: HashMap::new() }
    }

    fn get<Q: Hash + Eq + ?Sized>(&self, key: &Q) -> Option<(Version, V)>
    where
        K: std::borrow::Borrow<Q>,
    {
        self.items.get(key).cloned()
    }

    /// The thing, if it was read at `latest`.
    fn current<Q: Hash + Eq + ?Sized>(&self, key: &Q, latest: Version) -> Option<V>
    where
        K: std::borrow::Borrow<Q>,
    {
        self.get(key).filter(|(at, _)| *at == latest).map(|(_, v)| v)
    }

    /// Keeps a thing read at `at`, unless a newer count has been seen since.
    fn keep(&mut self, key: K, at: Version, latest: Version, value: V) {
        if at != latest {
            return;
        }
        if self.items.len() >= SHELF_MAX {
            self.items.clear();
        }
        self.items.insert(key, (at, value));
    }
}

/// Who a request says it is: the caller's standing differs by address and
/// by the session it names.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CallerKey {
    pub env: super::Env,
    pub username: String,
    pub ip: Option<std::net::IpAddr>,
    pub session_id: Option<String>,
}

struct Inner {
    /// The newest count a request of this process has read.
    latest: Version,
    callers: Shelf<CallerKey, super::auth::Known>,
    products: Shelf<(uuid::Uuid, String), super::services::MerchantProduct>,
    breakers: Shelf<String, Option<crate::entity::biller_breaker::Model>>,
}

/// The gateway's memory, shared by its requests.
pub struct Memo {
    inner: Mutex<Inner>,
}

impl Default for Memo {
    fn default() -> Memo {
        let inner = Inner { latest: 0, callers: Shelf::new(), products: Shelf::new(), breakers: Shelf::new() };
        Memo { inner: Mutex::new(inner) }
    }
}

impl Memo {
    fn lock(&self) -> MutexGuard<'_, Inner> {
        // A panic while holding the lock leaves maps, never a half-written
        // entry: what is there is still good.
        self.inner.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// A request read the count `v`: whatever was read before a newer
    /// change is forgotten.
    pub fn saw(&self, v: Version) {
        let mut inner = self.lock();
        if v > inner.latest {
            inner.latest = v;
            inner.callers.items.clear();
            inner.products.items.clear();
            inner.breakers.items.clear();
        }
    }

    /// The caller as last read, and the count it was read at (which the
    /// request compares with its own).
    pub(crate) fn caller(&self, key: &CallerKey) -> Option<(Version, super::auth::Known)> {
        self.lock().callers.get(key)
    }

    pub(crate) fn keep_caller(&self, key: CallerKey, at: Version, known: super::auth::Known) {
        let inner = &mut *self.lock();
        inner.callers.keep(key, at, inner.latest, known);
    }

    /// A partner's product, if it was read at the newest count seen.
    pub(crate) fn product(&self, key: &(uuid::Uuid, String)) -> Option<super::services::MerchantProduct> {
        let inner = self.lock();
        inner.products.current(key, inner.latest)
    }

    pub(crate) fn keep_product(&self, key: (uuid::Uuid, String), at: Version, p: super::services::MerchantProduct) {
        let inner = &mut *self.lock();
        inner.products.keep(key, at, inner.latest, p);
    }

    /// A breaker's row (`None`: it has none, so it is closed), if it was read
    /// at the newest count seen.
    pub(crate) fn breaker(&self, scope: &str) -> Option<Option<crate::entity::biller_breaker::Model>> {
        let inner = self.lock();
        inner.breakers.current(scope, inner.latest)
    }

    pub(crate) fn keep_breaker(&self, scope: String, at: Version, row: Option<crate::entity::biller_breaker::Model>) {
        let inner = &mut *self.lock();
        inner.breakers.keep(scope, at, inner.latest, row);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(name: &str) -> CallerKey {
        CallerKey { env: super::super::Env::Development, username: name.into(), ip: None, session_id: None }
    }

    fn closed() -> Option<crate::entity::biller_breaker::Model> {
        None
    }

    #[test]
    fn only_what_was_read_at_the_newest_count_is_trusted() {
        let memo = Memo::default();
        memo.saw(3);
        memo.keep_breaker("a".into(), 2, closed());
        assert!(memo.breaker("a").is_none(), "read before a change that a request already saw");
        memo.keep_breaker("a".into(), 3, closed());
        assert_eq!(memo.breaker("a"), Some(None));
        memo.saw(2);
        assert_eq!(memo.breaker("a"), Some(None), "an older count read late forgets nothing");
        memo.saw(4);
        assert!(memo.breaker("a").is_none(), "a newer count forgets everything");
        assert!(memo.caller(&key("x")).is_none());
    }

    #[test]
    fn a_full_shelf_starts_again() {
        let mut shelf: Shelf<usize, ()> = Shelf::new();
        for i in 0..=SHELF_MAX {
            shelf.keep(i, 0, 0, ());
        }
        assert_eq!(shelf.items.len(), 1);
    }
}
