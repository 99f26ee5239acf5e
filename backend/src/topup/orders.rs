//! A partner's top-up orders: the methods offered now (live from the
//! payment service, unavailable ones kept and greyed), creating an order
//! (recorded first, so a settlement always finds it; then asked of the
//! service, whose exact amount — unique code included — is what the
//! partner pays and what is credited), and the page's view of them.

use super::service::{PayIn, ServiceError};
use crate::authz::PartnerActor;
use crate::entity::topup_order::{self, Entity as TopupOrder};
use crate::error::{Error, Result};
use crate::ledger::{self, Env};
use crate::AppState;
use chrono::{Duration, Utc};
use domain::topup::{self as dt, TopupMethodOut, TopupOrderOut, TopupPageOut, TopupStatus};
use domain::Problem;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
};
use uuid::Uuid;

/// Orders a partner may have waiting at once (a cap on order spam).
const MAX_WAITING: u64 = 5;
/// Orders the page lists.
const HISTORY: u64 = 20;

/// The service's failure as the partner is told it; ours is logged.
pub(super) fn refused(e: ServiceError) -> Error {
    match e {
        ServiceError::Refused(m) | ServiceError::AlreadyRefunded(m) => {
            tracing::info!(message = %m, "payment service refused");
            Error::Refused(Problem::PaymentRefused)
        }
        ServiceError::LoginRefused => {
            tracing::error!("payment service refused our e-mail/password: check APP_PAYMENT_SERVICE_*");
            Error::Refused(Problem::PaymentServiceDown)
        }
        ServiceError::Unreachable | ServiceError::Unreadable => Error::Refused(Problem::PaymentServiceDown),
    }
}

fn service(state: &AppState) -> Result<&super::service::PaymentService> {
    state.payments.as_deref().ok_or(Error::Refused(Problem::Unavailable))
}

/// The methods offered now: every VA bank of `list_bank` and GoPay of
/// `list_bank_midtrans`, inactive ones kept (greyed on the page).
pub async fn methods(state: &AppState, nominal: i64) -> Result<Vec<TopupMethodOut>> {
    Ok(offered(state, nominal).await?.into_iter().map(|(m, _)| m).collect())
}

/// The methods offered now, each with the service's product code for it.
async fn offered(state: &AppState, nominal: i64) -> Result<Vec<(TopupMethodOut, String)>> {
    let service = service(state)?;
    let (va, gopay) = tokio::join!(service.list_bank(), service.list_bank_midtrans(nominal));
    let va = va.map_err(refused)?;
    // GoPay down does not take the banks down with it.
    let gopay = gopay.unwrap_or_default();
    let method = |code: String, b: &super::service::Bank| {
        let m = TopupMethodOut { label: dt::method_label(&code), code, admin_fee: b.admin_fee, available: b.active };
        (m, b.product_code.clone())
    };
    let mut all: Vec<(TopupMethodOut, String)> = va
        .iter()
        .filter(|b| !b.code.is_empty() && b.code.chars().all(|c| c.is_ascii_digit()))
        .map(|b| method(format!("va:{}", b.code), b))
        .collect();
    all.extend(gopay.iter().filter(|b| b.code.eq_ignore_ascii_case("gopay")).map(|b| method("gopay".into(), b)));
    Ok(all)
}

/// The Top Up Deposit page.
pub async fn page(state: &AppState, me: &PartnerActor) -> Result<TopupPageOut> {
    let user_id = me.partner_id();
    expire_due(&state.db, user_id).await?;
    let (methods, service_down) = match state.payments.is_some() {
        true => match methods(state, state.config.topup_min).await {
            Ok(m) => (m, false),
            Err(_) => (Vec::new(), true),
        },
        false => (Vec::new(), false),
    };
    Ok(TopupPageOut {
        offered: state.payments.is_some(),
        min: state.config.topup_min,
        max: state.config.topup_max,
        methods,
        service_down,
        accounts: super::accounts::of(&state.db, user_id).await?,
        orders: history(&state.db, user_id).await?,
        balance: ledger::balance(&state.db, user_id, Env::Production).await?,
    })
}

async fn history(db: &impl ConnectionTrait, user_id: Uuid) -> Result<Vec<TopupOrderOut>> {
    let rows = TopupOrder::find()
        .filter(topup_order::Column::UserId.eq(user_id))
        .order_by_desc(topup_order::Column::CreatedAt)
        .limit(HISTORY)
        .all(db)
        .await?;
    Ok(rows.iter().map(out).collect())
}

/// One order of the partner's, for the page's live status.
pub async fn one(state: &AppState, me: &PartnerActor, order_id: &str) -> Result<TopupOrderOut> {
    expire_due(&state.db, me.partner_id()).await?;
    let order = TopupOrder::find()
        .filter(topup_order::Column::UserId.eq(me.partner_id()))
        .filter(topup_order::Column::OrderId.eq(order_id))
        .one(&state.db)
        .await?
        .ok_or(Error::Refused(Problem::NotFound))?;
    Ok(out(&order))
}

/// Orders past their time are Kedaluwarsa. (A payment that still lands
/// is credited: the service took the money.)
async fn expire_due(db: &impl ConnectionTrait, user_id: Uuid) -> Result<()> {
    TopupOrder::update_many()
        .col_expr(topup_order::Column::Status, Expr::value(TopupStatus::Expired.code()))
        .filter(topup_order::Column::UserId.eq(user_id))
        .filter(topup_order::Column::Status.eq(TopupStatus::Waiting.code()))
        .filter(topup_order::Column::ExpiresAt.lt(Utc::now()))
        .exec(db)
        .await?;
    Ok(())
}

/// A new order id: `TU-YYMMDD-` and seven random letters/digits.
fn new_order_id() -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let random = Uuid::new_v4();
    let tail: String = random.as_bytes().iter().take(7).map(|b| char::from(ALPHABET[usize::from(*b) % 32])).collect();
    let day = Utc::now().with_timezone(&crate::infra::wib::offset()).format("%y%m%d");
    format!("TU-{day}-{tail}")
}

/// Creates an order of `amount` (as typed) by `method` (`va:<bank>` or `gopay`).
pub async fn create(state: &AppState, me: &PartnerActor, amount: &str, method: &str) -> Result<TopupOrderOut> {
    let service = service(state)?;
    let nominal = dt::parse_amount(amount).ok_or(Error::field("amount", Problem::AmountInvalid))?;
    if !(state.config.topup_min..=state.config.topup_max).contains(&nominal) {
        return Err(Error::field("amount", Problem::AmountOutOfRange));
    }
    if !dt::is_method_code(method) {
        return Err(Error::field("method", Problem::Required));
    }
    let owner = owner(&state.db, me).await?;
    let waiting = TopupOrder::find()
        .filter(topup_order::Column::UserId.eq(me.partner_id()))
        .filter(topup_order::Column::Status.eq(TopupStatus::Waiting.code()))
        .filter(topup_order::Column::ExpiresAt.gt(Utc::now()))
        .count(&state.db)
        .await?;
    if waiting >= MAX_WAITING {
        return Err(Error::Refused(Problem::TooManyAttempts));
    }
    let offered = offered(state, nominal).await?;
    let (_, product_code) = offered
        .iter()
        .find(|(m, _)| m.code == method && m.available)
        .ok_or(Error::Refused(Problem::MethodUnavailable))?;
    let order = record(state, me, nominal, method).await?;
    let pay = PayIn {
        order_id: &order.order_id,
        no_hp: &owner.phone,
        fullname: &owner.name,
        email: &owner.email,
        bank_code: method.strip_prefix("va:").unwrap_or("gopay"),
        product_code: if method == "gopay" { "e_wallets" } else { product_code },
        nominal,
    };
    let instructions = if method == "gopay" { gopay(service, &pay).await } else { va(service, &pay).await };
    let (amount, pay_code, pay_link) = match instructions {
        Ok(i) => i,
        Err(e) => {
            set_status(&state.db, order.id, TopupStatus::Failed).await?;
            return Err(refused(e));
        }
    };
    let updated = topup_order::ActiveModel {
        id: Set(order.id),
        amount: Set(amount),
        pay_code: Set(Some(pay_code)),
        pay_link: Set(pay_link),
        ..Default::default()
    };
    TopupOrder::update(updated).exec(&state.db).await?;
    one(state, me, &order.order_id).await
}

async fn owner(db: &impl ConnectionTrait, me: &PartnerActor) -> Result<crate::entity::user::Model> {
    let owner = crate::entity::user::Entity::find_by_id(me.partner_id()).one(db).await?;
    let owner = owner.ok_or(Error::Refused(Problem::NotFound))?;
    let approved =
        crate::entity::profile::Entity::find_by_id(owner.id).one(db).await?.is_some_and(|p| p.merchant_id.is_some());
    if !approved {
        // The production deposit is for partners whose profile is approved.
        return Err(Error::Refused(Problem::WrongStep));
    }
    Ok(owner)
}

/// Writes the order before the service hears of it, with its audit line.
async fn record(state: &AppState, me: &PartnerActor, nominal: i64, method: &str) -> Result<topup_order::Model> {
    let expires = Utc::now() + Duration::minutes(state.config.topup_expiry_minutes);
    let row = waiting(me.partner_id(), new_order_id(), method, nominal, Some(expires));
    let after = serde_json::json!({ "order_id": row.order_id, "nominal": nominal, "method": method });
    crate::audit::record(&state.db, &me.audit(), "topup.ordered", "topup", &row.order_id, None, Some(after)).await?;
    TopupOrder::insert(topup_order::ActiveModel::from(row.clone())).exec_without_returning(&state.db).await?;
    Ok(row)
}

/// A new order waiting for its payment.
pub(super) fn waiting(
    user_id: Uuid,
    order_id: String,
    method: &str,
    amount: i64,
    expires_at: Option<chrono::DateTime<Utc>>,
) -> topup_order::Model {
    topup_order::Model {
        id: Uuid::now_v7(),
        user_id,
        order_id,
        amount,
        method: method.to_owned(),
        status: TopupStatus::Waiting.code().to_owned(),
        service_id: None,
        paid_amount: None,
        expires_at,
        created_at: Utc::now(),
        settled_at: None,
        nominal: Some(amount),
        pay_code: None,
        pay_link: None,
        resolution: None,
        resolution_note: None,
        resolved_by: None,
        resolved_at: None,
    }
}

async fn set_status(db: &impl ConnectionTrait, id: Uuid, status: TopupStatus) -> Result<()> {
    let row = topup_order::ActiveModel { id: Set(id), status: Set(status.code().to_owned()), ..Default::default() };
    TopupOrder::update(row).exec(db).await?;
    Ok(())
}

type Instructions = (i64, String, Option<String>);

async fn va(
    service: &super::service::PaymentService,
    pay: &PayIn<'_>,
) -> std::result::Result<Instructions, ServiceError> {
    let i = service.pay_service(pay).await?;
    match (i.total_bayar, i.kd_pay.is_empty(), &i.url_pay) {
        (total, false, _) if total > 0 => Ok((total, i.kd_pay, i.url_pay)),
        // A card: only the page where the card is entered; the amount is ours.
        (total, true, Some(_)) => Ok((if total > 0 { total } else { pay.nominal }, i.kd_pay, i.url_pay)),
        _ => Err(ServiceError::Unreadable),
    }
}

async fn gopay(
    service: &super::service::PaymentService,
    pay: &PayIn<'_>,
) -> std::result::Result<Instructions, ServiceError> {
    let g = service.pay_service_midtrans(pay).await?;
    let link = g.deeplink.or(g.qr_url).ok_or(ServiceError::Unreadable)?;
    let amount = if g.gross_amount > 0 { g.gross_amount } else { pay.nominal };
    Ok((amount, g.transaction_id, Some(link)))
}

/// A QR code of `text` as an SVG drawing (no image is fetched from anyone).
fn qr_svg(text: &str) -> Option<String> {
    let code = qrcode::QrCode::new(text.as_bytes()).ok()?;
    Some(code.render::<qrcode::render::svg::Color>().min_dimensions(220, 220).quiet_zone(true).build())
}

/// The order as the page shows it.
pub fn out(o: &topup_order::Model) -> TopupOrderOut {
    let status = TopupStatus::from_code(&o.status).unwrap_or(TopupStatus::Failed);
    let gopay = o.method == "gopay";
    let waiting = status == TopupStatus::Waiting;
    TopupOrderOut {
        order_id: o.order_id.clone(),
        method: o.method.clone(),
        method_label: dt::method_label(&o.method),
        nominal: o.nominal.unwrap_or(o.amount),
        amount: o.amount,
        status,
        pay_code: if gopay { String::new() } else { o.pay_code.clone().unwrap_or_default() },
        qr_svg: o.pay_link.as_deref().filter(|_| gopay && waiting).and_then(qr_svg),
        pay_link: o.pay_link.clone(),
        expires_wib: o.expires_at.map(crate::infra::wib::format).unwrap_or_default(),
        expires_in_secs: o.expires_at.map_or(0, |t| (t - Utc::now()).num_seconds().max(0)),
        created_wib: crate::infra::wib::format(o.created_at),
        settled_wib: o.settled_at.map(crate::infra::wib::format),
    }
}
