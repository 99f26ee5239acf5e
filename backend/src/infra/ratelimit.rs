//! Fixed-window counters kept in the database, so every process shares them.

use crate::entity::rate_limit::{self, Entity as RateLimit};
use sea_orm::sea_query::{Expr, ExprTrait, OnConflict};
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

/// A limit of `max` hits per `window_secs` for one key.
#[derive(Debug, Clone, Copy)]
pub struct Limit {
    pub max: i32,
    pub window_secs: i64,
}

impl Limit {
    pub const fn new(max: i32, window_secs: i64) -> Self {
        Limit { max, window_secs }
    }

    /// Seconds until `key` may be hit again, if it is used up now.
    pub async fn blocked(&self, db: &impl ConnectionTrait, key: &str) -> Result<Option<u64>, sea_orm::DbErr> {
        let row = RateLimit::find_by_id(key.to_owned()).one(db).await?;
        Ok(row.and_then(|r| self.wait(&r, now())))
    }

    fn wait(&self, r: &rate_limit::Model, now: i64) -> Option<u64> {
        let ends = r.window_start + self.window_secs;
        (ends > now && r.hits >= self.max).then(|| Ord::max(ends - now, 1) as u64)
    }

    /// Counts one hit. `Err(secs)` when the window is used up (nothing counted).
    pub async fn hit(&self, db: &impl ConnectionTrait, key: &str) -> Result<Result<(), u64>, sea_orm::DbErr> {
        let now = now();
        for _ in 0..3 {
            // The common case in one atomic statement: a live window with room.
            let bumped = RateLimit::update_many()
                .col_expr(rate_limit::Column::Hits, Expr::col(rate_limit::Column::Hits).add(1))
                .filter(rate_limit::Column::Key.eq(key))
                .filter(rate_limit::Column::WindowStart.gt(now - self.window_secs))
                .filter(rate_limit::Column::Hits.lt(self.max))
                .exec(db)
                .await?;
            if bumped.rows_affected == 1 {
                return Ok(Ok(()));
            }
            if let Some(row) = RateLimit::find_by_id(key.to_owned()).one(db).await? {
                if let Some(wait) = self.wait(&row, now) {
                    return Ok(Err(wait));
                }
                // The window ended: start a new one (only one racer wins).
                RateLimit::delete_many()
                    .filter(rate_limit::Column::Key.eq(key))
                    .filter(rate_limit::Column::WindowStart.lte(now - self.window_secs))
                    .exec(db)
                    .await?;
            }
            let inserted = RateLimit::insert(rate_limit::ActiveModel {
                key: Set(key.to_owned()),
                window_start: Set(now),
                hits: Set(1),
            })
            .on_conflict(OnConflict::column(rate_limit::Column::Key).do_nothing().to_owned())
            .exec_without_returning(db)
            .await?;
            if inserted == 1 {
                return Ok(Ok(()));
            }
        }
        Ok(Err(1))
    }

    /// Counts one attempt against every `(limit, key)` before the attempt is
    /// tried, so a parallel burst cannot pass a check that is only counted
    /// afterwards. `Err(secs)` when any of them is used up.
    pub async fn attempt(
        db: &impl ConnectionTrait,
        checks: &[(Limit, &str)],
    ) -> Result<Result<(), u64>, sea_orm::DbErr> {
        for (limit, key) in checks {
            if let Err(secs) = limit.hit(db, key).await? {
                return Ok(Err(secs));
            }
        }
        Ok(Ok(()))
    }

    /// Takes back one counted attempt (one that turned out to be good).
    pub async fn refund(db: &impl ConnectionTrait, key: &str) -> Result<(), sea_orm::DbErr> {
        RateLimit::update_many()
            .col_expr(rate_limit::Column::Hits, Expr::col(rate_limit::Column::Hits).sub(1))
            .filter(rate_limit::Column::Key.eq(key))
            .filter(rate_limit::Column::Hits.gt(0))
            .exec(db)
            .await?;
        Ok(())
    }

    /// Forgets a key (e.g. failed logins after a successful one).
    pub async fn clear(db: &impl ConnectionTrait, key: &str) -> Result<(), sea_orm::DbErr> {
        RateLimit::delete_by_id(key.to_owned()).exec(db).await?;
        Ok(())
    }
}

/// Password attempts, the same for partners and staff: per account and
/// address (the guesser is stopped), per address, and — looser — per
/// account across addresses (a guesser elsewhere does not lock the owner
/// out), each counted before the password is tried.
const LOGIN_PER_ACCOUNT_IP: Limit = Limit::new(5, 900);
const LOGIN_PER_IP: Limit = Limit::new(30, 900);
const LOGIN_PER_ACCOUNT: Limit = Limit::new(50, 900);

/// One counted password attempt.
pub struct LoginAttempt {
    account: String,
    account_ip: String,
    ip: String,
}

impl LoginAttempt {
    /// Counts an attempt of `realm` (`login`, `staff-login`) for `account`
    /// from `ip` before it is tried: a parallel burst cannot slip past a
    /// check that counts afterwards. `Err(secs)` when it is refused.
    pub async fn begin(
        db: &impl ConnectionTrait,
        realm: &str,
        account: &str,
        ip: std::net::IpAddr,
    ) -> Result<Result<LoginAttempt, u64>, sea_orm::DbErr> {
        let a = LoginAttempt {
            account: format!("{realm}:{account}"),
            account_ip: format!("{realm}:{account}:{ip}"),
            ip: format!("{realm}-ip:{ip}"),
        };
        let checks = [
            (LOGIN_PER_ACCOUNT_IP, a.account_ip.as_str()),
            (LOGIN_PER_IP, a.ip.as_str()),
            (LOGIN_PER_ACCOUNT, a.account.as_str()),
        ];
        Ok(Limit::attempt(db, &checks).await?.map(|()| a))
    }

    /// The password was right: the account's count is forgotten and the
    /// address's hit taken back.
    pub async fn succeeded(self, db: &impl ConnectionTrait) -> Result<(), sea_orm::DbErr> {
        Limit::clear(db, &self.account_ip).await?;
        Limit::clear(db, &self.account).await?;
        Limit::refund(db, &self.ip).await
    }
}
