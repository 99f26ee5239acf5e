//! Sign-On (open-api.md §3): a `SessionID` valid until 23:59 WIB, at most
//! 99 per merchant per WIB day; the 100th blocks every call of that merchant
//! (rc 34) until staff reset the counter.

use super::body::{field, required};
use super::Merchant;
use crate::audit::{self, Actor};
use crate::entity::gateway_session::{self, Entity as GatewaySession};
use crate::entity::signon_day::{self, Entity as SignonDay};
use crate::entity::OfPartner;
use crate::error::{Error, Result};
use crate::AppState;
use chrono::{DateTime, Utc};
use domain::Problem;
use rand::RngCore;
use sea_orm::sea_query::{Expr, ExprTrait, OnConflict};
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::Value;
use uuid::Uuid;

pub const DAILY_LIMIT: i32 = 99;

/// Whether the merchant went over the daily limit and waits for staff.
pub async fn is_blocked(db: &impl ConnectionTrait, user_id: Uuid, env: super::Env) -> Result<bool> {
    Ok(SignonDay::of_partner(user_id)
        .filter(signon_day::Column::Environment.eq(env))
        .filter(signon_day::Column::Count.gt(DAILY_LIMIT))
        .count(db)
        .await?
        > 0)
}

/// Counts one sign-on of today (WIB) and returns the day's count.
async fn count_today(db: &impl ConnectionTrait, m: &Merchant, now: DateTime<Utc>) -> Result<i32> {
    let day = crate::infra::wib::day(now);
    SignonDay::insert(signon_day::ActiveModel {
        user_id: Set(m.user_id),
        environment: Set(m.env),
        day: Set(day.clone()),
        count: Set(1),
        reset_at: Set(None),
    })
    .on_conflict(
        OnConflict::columns([signon_day::Column::UserId, signon_day::Column::Environment, signon_day::Column::Day])
            .value(signon_day::Column::Count, Expr::col((signon_day::Entity, signon_day::Column::Count)).add(1))
            .to_owned(),
    )
    .exec(db)
    .await?;
    let row = SignonDay::find_by_id((m.user_id, m.env, day)).one(db).await?;
    Ok(row.map(|r| r.count).unwrap_or(1))
}

/// Signs a merchant on; the body carries the five values of the
/// credentials e-mail. Returns the new `SessionID`.
#[tracing::instrument(skip_all, fields(merchant = %m.merchant_id))]
pub async fn sign_on(state: &AppState, m: &Merchant, body: &Value) -> Result<String> {
    let [merchant_id, ..] =
        <[String; 4]>::try_from(required(body, &["merchantID", "mitra", "accountID", "counterID"], usize::MAX)?)
            .map_err(|_| Error::Refused(Problem::Required))?;
    if !merchant_id.eq_ignore_ascii_case(&m.merchant_id) || is_blocked(&state.db, m.user_id, m.env).await? {
        return Err(Error::Refused(Problem::SessionInvalid));
    }
    let now = Utc::now();
    if count_today(&state.db, m, now).await? > DAILY_LIMIT {
        tracing::warn!("sign-on limit reached: merchant blocked until staff reset");
        return Err(Error::Refused(Problem::SessionInvalid));
    }
    let mut bytes = [0u8; 16];
    rand::thread_rng().fill_bytes(&mut bytes);
    let session_id = hex::encode(bytes);
    GatewaySession::insert(gateway_session::ActiveModel {
        session_id: Set(session_id.clone()),
        user_id: Set(m.user_id),
        environment: Set(m.env),
        created_at: Set(now),
        expires_at: Set(crate::infra::wib::end_of_day(now)),
    })
    .exec(&state.db)
    .await?;
    Ok(session_id)
}

/// The `sessionID` a service request carries (either spelling), as stored.
pub fn session_id(body: &Value) -> String {
    field(body, "sessionID").or_else(|| field(body, "SessionID")).unwrap_or_default().to_ascii_lowercase()
}

/// When `session_id` ends for the partner whose id is in the column `user`
/// (NULL: it is not this partner's, not of `env`, or the partner is over
/// the day's sign-ons, when every session of it is refused — rc 34). Open
/// while that time is ahead. The end, not whether it is open now, so that
/// the gateway may remember it (`memo`); an expression, so the caller's
/// one query (`auth::authenticate`) reads it with the credentials.
pub fn session_end(
    user: (impl sea_orm::Iden + 'static, impl sea_orm::Iden + 'static),
    env: super::Env,
    session_id: &str,
) -> sea_orm::sea_query::SimpleExpr {
    use sea_orm::sea_query::Query;
    let session = GatewaySession;
    let blocked = Query::select()
        .expr(Expr::val(1))
        .from(SignonDay)
        .and_where(
            Expr::col((SignonDay, signon_day::Column::UserId)).equals((session, gateway_session::Column::UserId)),
        )
        .and_where(Expr::col((SignonDay, signon_day::Column::Environment)).eq(env.code()))
        .and_where(Expr::col((SignonDay, signon_day::Column::Count)).gt(DAILY_LIMIT))
        .to_owned();
    let end = Query::select()
        .column((session, gateway_session::Column::ExpiresAt))
        .from(session)
        .and_where(Expr::col((session, gateway_session::Column::SessionId)).eq(session_id))
        .and_where(Expr::col((session, gateway_session::Column::UserId)).equals(user))
        .and_where(Expr::col((session, gateway_session::Column::Environment)).eq(env.code()))
        .and_where(Expr::exists(blocked).not())
        .limit(1)
        .to_owned();
    end.into()
}

/// Staff lift the block: the counters over the limit start again from zero.
pub async fn reset(state: &AppState, staff: &Actor, user_id: Uuid) -> Result<u64> {
    let n = SignonDay::update_many()
        .col_expr(signon_day::Column::Count, Expr::value(0))
        .col_expr(signon_day::Column::ResetAt, Expr::value(Some(Utc::now())))
        .filter(signon_day::Column::UserId.eq(user_id))
        .filter(signon_day::Column::Count.gt(DAILY_LIMIT))
        .exec(&state.db)
        .await?
        .rows_affected;
    audit::record(&state.db, staff, "gateway.signon_reset", "user", &user_id.to_string(), None, None).await?;
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_come_as_strings_or_numbers() {
        let body = serde_json::json!({"counterID": 1, "mitra": " DJI ", "x": null});
        assert_eq!(field(&body, "counterID").as_deref(), Some("1"));
        assert_eq!(field(&body, "mitra").as_deref(), Some("DJI"));
        assert_eq!(field(&body, "x"), None);
    }
}
