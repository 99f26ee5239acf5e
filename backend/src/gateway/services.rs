//! The gateway's services (open-api.md §4): Inquiry, Payment,
//! SinglePayment, Check-Status, the price lists and the active products.
//! Money moves in the same database transaction that records the payment;
//! a payment that fails at the biller is refunded exactly once.

use super::body::{field, required};
use super::rc::Rc;
use super::settlement::{first_poll, poll, settle};
use super::single_statement::{self, PendingPayment};
use super::Merchant;
use crate::billers::{self, Bill, BillRequest, PayRequest};
use crate::entity::partner_product::{self, Entity as PartnerProduct};
use crate::entity::product::{self, Entity as Product};
use crate::entity::product_family::Entity as ProductFamily;
use crate::entity::transaction::{self, Entity as Transaction};
use crate::entity::OfPartner;
use crate::error::{is_unique_violation, Error, Result};
use crate::ledger;
use crate::AppState;
use chrono::Utc;
use domain::finance::ProductFlow;
use domain::finance::ProductStatus;
use domain::products::ProductState;
use domain::transaction::{TxKind, TxStatus};
use domain::{FieldError, Problem};
use sea_orm::sea_query::{Alias, Asterisk, Expr, ExprTrait, JoinType, Query};
use sea_orm::{ActiveModelBehavior, FromQueryResult, IntoActiveModel};
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use serde_json::{json, Value};
use uuid::Uuid;

/// An amount as clients send it: `"000000003000"`, `"3000"` or `3000`.
pub fn amount(v: Option<&Value>) -> Option<i64> {
    match v? {
        Value::Number(n) => n.as_i64().filter(|n| *n >= 0),
        Value::String(s) => {
            let s = s.trim();
            (!s.is_empty() && s.len() <= 15 && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok())?
        }
        _ => None,
    }
}

/// Amounts always go out as 12-digit zero-padded strings.
pub fn padded(n: i64) -> String {
    format!("{n:012}")
}

/// The common answer: rc, its text, the echoes, and `data`.
pub fn envelope(rc: Rc, body: &Value, data: Value) -> Value {
    let mut v = json!({ "rc": rc.code(), "description": rc.text() });
    for key in ["productID", "customerID", "referenceID"] {
        if let Some(x) = body.get(key) {
            v[key] = x.clone();
        }
    }
    v["data"] = data;
    v
}

/// "Link ke biller terputus": the product's biller is down (its breaker is
/// open), so the product is in Maintenance.
const MAINTENANCE: Rc = Rc::BillerLinkDown;

/// The longest product, customer or reference id a request may carry.
const ID_MAX: usize = 40;

/// A product and this merchant's state of it, as one query reads them.
#[derive(Debug, Clone)]
pub(crate) struct MerchantProduct {
    product: product::Model,
    state: Option<ProductState>,
}

/// The product and this merchant's state of it: as remembered (`memo`),
/// else read now — one query (issue 17).
async fn merchant_product(state: &AppState, m: &Merchant, code: &str) -> Result<Option<MerchantProduct>> {
    let key = (m.user_id, code.to_owned());
    if let Some(hit) = state.memo.product(&key) {
        return Ok(Some(hit));
    }
    let mine = Expr::col((PartnerProduct, partner_product::Column::UserId)).eq(m.user_id).and(
        Expr::col((PartnerProduct, partner_product::Column::ProductCode)).equals((Product, product::Column::Code)),
    );
    let select = Query::select()
        .column((Product, Asterisk))
        .expr_as(Expr::col((PartnerProduct, partner_product::Column::State)), Alias::new("partner_state"))
        .expr_as(Expr::cust(super::memo::VERSION_SQL), Alias::new("memo_version"))
        .from(Product)
        .join(JoinType::LeftJoin, PartnerProduct, mine)
        .and_where(Expr::col((Product, product::Column::Code)).eq(code))
        .to_owned();
    let Some(row) = state.db.query_one(&select).await? else { return Ok(None) };
    let found = MerchantProduct {
        product: product::Model::from_query_result(&row, "")?,
        state: row.try_get::<Option<String>>("", "partner_state")?.as_deref().and_then(ProductState::from_code),
    };
    state.memo.keep_product(key, row.try_get("", "memo_version")?, found.clone());
    Ok(Some(found))
}

/// The product if this merchant may use it here, else the rc to answer.
async fn usable_product(
    state: &AppState,
    m: &Merchant,
    code: &str,
    flow: ProductFlow,
) -> Result<std::result::Result<product::Model, Rc>> {
    let Some(MerchantProduct { product: p, state: partner_state }) = merchant_product(state, m, code).await? else {
        return Ok(Err(Rc::UnknownProduct));
    };
    match p.status {
        ProductStatus::Aktif => {}
        ProductStatus::Maintenance => return Ok(Err(MAINTENANCE)),
        ProductStatus::Nonaktif => return Ok(Err(Rc::UnknownProduct)),
    }
    if p.flow != flow {
        return Ok(Err(Rc::ProductNotAllowed));
    }
    // The partner's product lifecycle decides (`ProductState::usable_in`):
    // chosen for development, Aktif for production.
    match partner_state {
        Some(s) if s.usable_in(m.env) => Ok(Ok(p)),
        Some(ProductState::Maintenance) => Ok(Err(MAINTENANCE)),
        _ => Ok(Err(Rc::ProductNotAllowed)),
    }
}

/// This merchant's transactions of this environment with `reference`.
fn by_reference(m: &Merchant, reference: &str) -> sea_orm::Select<Transaction> {
    Transaction::of_partner(m.user_id)
        .filter(transaction::Column::Environment.eq(m.env))
        .filter(transaction::Column::ReferenceId.eq(reference))
}

async fn find_trx(
    db: &impl ConnectionTrait,
    m: &Merchant,
    reference: &str,
    kind: TxKind,
) -> Result<Option<transaction::Model>> {
    Ok(by_reference(m, reference).filter(transaction::Column::Kind.eq(kind)).one(db).await?)
}

async fn reference_used(db: &impl ConnectionTrait, m: &Merchant, reference: &str) -> Result<bool> {
    Ok(by_reference(m, reference).one(db).await?.is_some())
}

fn bill_data(customer: &str, bill: &Bill, admin: i64, biller: &str) -> Value {
    let mut data = json!({
        "idPelanggan": customer,
        "nama": bill.name,
        "tagihan": padded(bill.tagihan),
        "admin": padded(admin),
        "total": padded(bill.tagihan + admin),
        "periode": bill.periode,
    });
    // PLN's own keys (open-api.md §4: NM name, AB admin, TG bill, TT total)
    // beside the common ones, for clients written to either.
    if let (true, Some(obj)) = (biller == "pln", data.as_object_mut()) {
        obj.insert("NM".into(), json!(bill.name));
        obj.insert("AB".into(), json!(padded(admin)));
        obj.insert("TG".into(), json!(padded(bill.tagihan)));
        obj.insert("TT".into(), json!(padded(bill.tagihan + admin)));
    }
    // The biller's details (PDAM: address, months) beside the bill, never
    // over the fields above.
    if let (Some(obj), Some(extra)) = (data.as_object_mut(), bill.details.as_object()) {
        for (k, v) in extra {
            obj.entry(k.clone()).or_insert(v.clone());
        }
    }
    data
}

/// `POST /Services/Inquiry`.
pub async fn inquiry(state: &AppState, m: &Merchant, body: &Value) -> Result<Value> {
    let [product_code, customer, reference] =
        three(required(body, &["productID", "customerID", "referenceID"], ID_MAX)?)?;
    let p = match usable_product(state, m, &product_code, ProductFlow::Dual).await? {
        Ok(p) => p,
        Err(rc) => return Ok(envelope(rc, body, json!({}))),
    };
    if reference_used(&state.db, m, &reference).await? {
        return Err(Error::Refused(Problem::DuplicateReference));
    }
    let Some(route) = billers::route(&state.billers, m.env, m.user_id, &p) else {
        return Ok(envelope(Rc::UpstreamNotRegistered, body, json!({})));
    };
    if let Some(rc) = route.biller.closed_now() {
        return Ok(envelope(rc, body, json!({})));
    }
    let gate = route.gate_remembered(state).await?;
    if gate.is_open() {
        return Ok(envelope(MAINTENANCE, body, json!({})));
    }
    let req = BillRequest {
        product_code: billers::biller_code(&p),
        customer_id: customer.clone(),
        periode: field(body, "periode"),
    };
    let bill = match route.ask(&state.db, gate, route.biller.inquiry(&req)).await {
        Ok(bill) => bill,
        Err(e) => return Ok(envelope(e.rc(), body, json!({}))),
    };
    let admin = p.admin_fee + p.partner_fee;
    let data = bill_data(&customer, &bill, admin, &p.biller);
    let now = Utc::now();
    let row = transaction::ActiveModel {
        user_id: Set(m.user_id),
        environment: Set(m.env),
        kind: Set(TxKind::Inquiry),
        product_code: Set(p.code.clone()),
        customer_id: Set(customer),
        reference_id: Set(reference),
        status: Set(TxStatus::Inquired),
        rc: Set(Rc::Success.code().into()),
        tagihan: Set(bill.tagihan),
        admin: Set(admin),
        total: Set(bill.tagihan + admin),
        partner_fee: Set(p.partner_fee),
        data: Set(data.to_string()),
        biller_ref: Set(None),
        updated_at: Set(now),
        final_at: Set(None),
        poll_attempts: Set(0),
        next_poll_at: Set(None),
        poll_until: Set(None),
        locked_until: Set(None),
        ..transaction::ActiveModel::new()
    };
    Transaction::insert(row).exec(&state.db).await.map_err(|e| {
        if is_unique_violation(&e) {
            Error::Refused(Problem::DuplicateReference)
        } else {
            e.into()
        }
    })?;
    Ok(envelope(Rc::Success, body, data))
}

fn three(v: Vec<String>) -> Result<[String; 3]> {
    <[String; 3]>::try_from(v).map_err(|_| Error::Refused(Problem::Required))
}

/// The amounts of a payment request (rc 02 when missing or not numbers).
fn amounts(body: &Value) -> Result<(i64, i64, i64)> {
    let get = |k: &str| amount(body.get(k)).ok_or_else(|| FieldError::new(k, Problem::AmountInvalid));
    match (get("tagihan"), get("admin"), get("total")) {
        (Ok(t), Ok(a), Ok(s)) => Ok((t, a, s)),
        (t, a, s) => Err(Error::Invalid([t.err(), a.err(), s.err()].into_iter().flatten().collect())),
    }
}

/// `POST /Services/Payment`: pays what an inquiry with the same
/// referenceID found, for exactly its amounts.
pub async fn payment(state: &AppState, m: &Merchant, body: &Value) -> Result<Value> {
    let [product_code, customer, reference] =
        three(required(body, &["productID", "customerID", "referenceID"], ID_MAX)?)?;
    let (tagihan, admin, total) = amounts(body)?;
    let p = match usable_product(state, m, &product_code, ProductFlow::Dual).await? {
        Ok(p) => p,
        Err(rc) => return Ok(envelope(rc, body, json!({}))),
    };
    let Some(inq) = find_trx(&state.db, m, &reference, TxKind::Inquiry).await? else {
        return Ok(envelope(Rc::InquiryFirst, body, json!({})));
    };
    if inq.product_code != p.code || inq.customer_id != customer {
        return Ok(envelope(Rc::InquiryFirst, body, json!({})));
    }
    if (inq.tagihan, inq.admin, inq.total) != (tagihan, admin, total) || tagihan + admin != total {
        return Ok(envelope(Rc::WrongAmount, body, json!({})));
    }
    // The period the inquiry asked the biller about (PDAM pays by it).
    let inquired: Value = serde_json::from_str(&inq.data).unwrap_or_default();
    let periode = inquired.get("periode").and_then(Value::as_str).map(str::to_owned);
    let order =
        Order { product: &p, customer: &customer, reference: &reference, amounts: (tagihan, admin, total), periode };
    pay(state, m, body, order).await
}

/// What a payment request asks to pay.
struct Order<'a> {
    product: &'a product::Model,
    customer: &'a str,
    reference: &'a str,
    /// tagihan, admin, total.
    amounts: (i64, i64, i64),
    periode: Option<String>,
}

/// `POST /Services/SinglePayment`: pulsa, data, e-wallet and vouchers at
/// the catalog price, no inquiry.
pub async fn single_payment(state: &AppState, m: &Merchant, body: &Value) -> Result<Value> {
    let [product_code, customer, reference] =
        three(required(body, &["productID", "customerID", "referenceID"], ID_MAX)?)?;
    let (tagihan, admin, total) = amounts(body)?;
    let p = match usable_product(state, m, &product_code, ProductFlow::Single).await? {
        Ok(p) => p,
        Err(rc) => return Ok(envelope(rc, body, json!({}))),
    };
    if tagihan != p.price + p.partner_fee {
        return Ok(envelope(Rc::InvalidPrice, body, json!({})));
    }
    if admin != 0 || total != tagihan {
        return Ok(envelope(Rc::WrongAmount, body, json!({})));
    }
    let order = Order {
        product: &p,
        customer: &customer,
        reference: &reference,
        amounts: (tagihan, admin, total),
        periode: None,
    };
    pay(state, m, body, order).await
}

/// Records the payment and debits the deposit in one transaction, asks the
/// biller, and settles what it said.
async fn pay(state: &AppState, m: &Merchant, body: &Value, order: Order<'_>) -> Result<Value> {
    let Order { product: p, customer, reference, amounts: (tagihan, admin, total), periode } = order;
    // A reference already paid is refused by the unique index when the
    // payment row is written (rc 86, nothing debited): no read before.
    let Some(route) = billers::route(&state.billers, m.env, m.user_id, p) else {
        return Ok(envelope(Rc::UpstreamNotRegistered, body, json!({})));
    };
    // Closed (cut-off): answered before any money moves.
    if let Some(rc) = route.biller.closed_now() {
        return Ok(envelope(rc, body, json!({})));
    }
    let gate = route.gate_remembered(state).await?;
    if gate.is_open() {
        return Ok(envelope(MAINTENANCE, body, json!({})));
    }
    let id = Uuid::now_v7();
    let now = Utc::now();
    // Recorded as pending first: if this process dies while the biller
    // works, the status worker still finds it.
    let (next_poll_at, poll_until) = first_poll(&route.biller.polling(), now);
    let row = transaction::Model {
        id,
        user_id: m.user_id,
        environment: m.env,
        kind: TxKind::Payment,
        product_code: p.code.clone(),
        customer_id: customer.to_owned(),
        reference_id: reference.to_owned(),
        status: TxStatus::Pending,
        rc: Rc::Pending.code().into(),
        tagihan,
        admin,
        total,
        partner_fee: p.partner_fee,
        // The period travels with the payment: its status is asked by it.
        data: periode.as_ref().map_or_else(|| "{}".into(), |p| json!({ "periode": p }).to_string()),
        biller_ref: None,
        created_at: now,
        updated_at: now,
        final_at: None,
        poll_attempts: 0,
        next_poll_at: Some(next_poll_at),
        poll_until,
        // Held by this request for the whole biller call: no status worker,
        // Check-Status or reconciliation asks about it (and settles it under
        // us) until the call returns or the lease runs out.
        locked_until: Some(now + chrono::Duration::seconds(super::settlement::CALL_LEASE_SECS)),
    };
    let payment = PendingPayment {
        row,
        reference: format!("trx:{id}"),
        note: Some(format!("{} {customer}", p.code)),
        actor_name: m.merchant_id.clone(),
    };
    record_payment(state, m, payment).await?;
    let req = PayRequest {
        id,
        product_code: billers::biller_code(p),
        customer_id: customer.to_owned(),
        reference_id: reference.to_owned(),
        tagihan,
        amount: total,
        periode,
        buy_price: p.buy_price,
    };
    let outcome = route.ask(&state.db, gate, route.biller.pay(&req)).await;
    // The partner gets this answer now: no callback for it.
    let settled = settle(state, id, outcome, false).await?;
    Ok(answer(&settled, body))
}

/// Writes the pending payment and its debit at once: nothing of it when the
/// deposit is short or the reference was paid before (that refusal first).
async fn record_payment(state: &AppState, m: &Merchant, payment: PendingPayment) -> Result<()> {
    ledger::checked(&payment.debit())?;
    if single_statement::available(&state.db) {
        let reference = payment.row.reference_id.clone();
        if state.payment_batches.record(&state.kept, payment).await? {
            return Ok(());
        }
        // Nothing written: a repeated reference is told as such even when
        // the deposit is short too (as the SQLite order below does).
        return Err(Error::Refused(match find_trx(&state.db, m, &reference, TxKind::Payment).await? {
            Some(_) => Problem::DuplicateReference,
            None => Problem::InsufficientDeposit,
        }));
    }
    let txn = crate::infra::db::begin(&state.db).await?;
    if let Err(e) = Transaction::insert(payment.row.clone().into_active_model()).exec(&txn).await {
        return Err(if is_unique_violation(&e) { Error::Refused(Problem::DuplicateReference) } else { e.into() });
    }
    // Short deposit: nothing is written (the transaction rolls back). The
    // reference names the payment made just above: new, not looked up.
    ledger::apply_new(&txn, &payment.debit()).await?;
    txn.commit().await?;
    Ok(())
}

/// The partner's view of a payment: rc 00 success, the failure rc, or
/// pending (71, or the biller's pending rc).
fn answer(t: &transaction::Model, body: &Value) -> Value {
    let stored: Value = serde_json::from_str(&t.data).unwrap_or_else(|_| json!({}));
    let status_text = t.status.api_text();
    let mut data = json!({
        "idPelanggan": t.customer_id,
        "noReferensi": t.reference_id,
        "tagihan": padded(t.tagihan),
        "admin": padded(t.admin),
        "total": padded(t.total),
        "harga": padded(t.total),
        "status": status_text,
    });
    if let (Some(obj), Some(extra)) = (data.as_object_mut(), stored.as_object()) {
        for (k, v) in extra {
            obj.entry(k.clone()).or_insert(v.clone());
        }
    }
    envelope(Rc::from_code(&t.rc), body, data)
}

/// `POST /Services/Check-Status`: the payment as it stands; a pending one
/// is asked of the biller first. rc 00 success, 17 failed, else pending.
pub async fn check_status(state: &AppState, m: &Merchant, body: &Value) -> Result<Value> {
    let reference = required(body, &["referenceID"], ID_MAX)?.remove(0);
    let Some(t) = find_trx(&state.db, m, &reference, TxKind::Payment).await? else {
        return Ok(envelope(Rc::NotFound, body, json!({})));
    };
    // A pending one is asked of the biller now, unless a worker is at it.
    let t = match t.status {
        TxStatus::Pending => match poll(state, t.clone()).await? {
            Some(t) => t,
            None => Transaction::find_by_id(t.id).one(&state.db).await?.unwrap_or(t),
        },
        _ => t,
    };
    let mut out = answer(&t, body);
    if t.status == TxStatus::Failed {
        out["rc"] = json!(Rc::Failed.code());
        out["description"] = json!(Rc::Failed.text());
    }
    Ok(out)
}

/// `POST /Services/getPulsa-Prabayar`: the pulsa of one operator prefix.
pub async fn pulsa_prices(state: &AppState, m: &Merchant, body: &Value) -> Result<Value> {
    let prefix = required(body, &["prefixID"], ID_MAX)?.remove(0);
    let down = billers::breaker::down_billers(&state.db, m.env, m.user_id).await?;
    let rows = Product::find()
        .filter(product::Column::OperatorPrefix.eq(prefix))
        .filter(product::Column::Category.eq("PULSA"))
        .filter(product::Column::Status.eq(ProductStatus::Aktif))
        .order_by_asc(product::Column::Price)
        .all(&state.db)
        .await?;
    let record: Vec<Value> = rows
        .iter()
        .filter(|p| !down.contains(&p.biller))
        .map(|p| json!({ "code": p.code, "name": p.name, "price": (p.price + p.partner_fee).to_string() }))
        .collect();
    Ok(json!({ "rc": Rc::Success.code(), "record": record }))
}

/// `POST /Services/getHargaByProductID`: the prices of one sub-family
/// (`AAE.AAAB`: Telkomsel pulsa, …, as clients send) or of one of our
/// category names. A product whose biller is down shows as Maintenance.
pub async fn category_prices(state: &AppState, m: &Merchant, body: &Value) -> Result<Value> {
    let asked = required(body, &["prefixID"], ID_MAX)?.remove(0).to_uppercase();
    let down = billers::breaker::down_billers(&state.db, m.env, m.user_id).await?;
    let rows = family_products(&state.db, &asked).await?;
    let record: Vec<Value> = rows
        .iter()
        .map(|p| {
            json!({
                "code": p.code,
                "name": p.name,
                "price": (p.price + p.partner_fee).to_string(),
                "status": if p.status == ProductStatus::Aktif && down.contains(&p.biller) {
                    "MAINTENANCE".to_owned()
                } else {
                    p.status.code().to_uppercase()
                },
            })
        })
        .collect();
    Ok(json!({ "rc": Rc::Success.code(), "record": record }))
}

/// The products of a sub-family code: those tagged with it, else (an alias
/// such as `PLN`, or a family that is a whole category) its category; a code
/// that is no family is read as a category name.
async fn family_products(db: &impl ConnectionTrait, asked: &str) -> Result<Vec<product::Model>> {
    let by_code = |q: sea_orm::Select<Product>| q.order_by_asc(product::Column::Code);
    let category = match ProductFamily::find_by_id(asked.to_owned()).one(db).await? {
        Some(f) => {
            let tagged = by_code(Product::find().filter(product::Column::Family.eq(asked))).all(db).await?;
            if !tagged.is_empty() {
                return Ok(tagged);
            }
            f.category
        }
        None => asked.to_owned(),
    };
    Ok(by_code(Product::find().filter(product::Column::Category.eq(category))).all(db).await?)
}

/// `POST /Services/get-Active-Product`: one comma-separated string.
pub async fn active_products(state: &AppState, m: &Merchant) -> Result<Value> {
    let on_sale: std::collections::HashSet<String> = Product::find()
        .filter(product::Column::Status.eq(ProductStatus::Aktif))
        .all(&state.db)
        .await?
        .into_iter()
        .map(|p| p.code)
        .collect();
    let codes: Vec<String> = PartnerProduct::of_partner(m.user_id)
        .order_by_asc(partner_product::Column::ProductCode)
        .all(&state.db)
        .await?
        .into_iter()
        .filter(|p| p.state.usable_in(m.env) && on_sale.contains(&p.product_code))
        .map(|p| p.product_code)
        .collect();
    Ok(json!({ "rc": Rc::Success.code(), "active": codes.join(",") }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_come_padded_unpadded_or_as_integers() {
        assert_eq!(amount(Some(&json!("000000003000"))), Some(3000));
        assert_eq!(amount(Some(&json!("3000"))), Some(3000));
        assert_eq!(amount(Some(&json!(3000))), Some(3000));
        assert_eq!(amount(Some(&json!("-3"))), None);
        assert_eq!(amount(Some(&json!("3.000"))), None);
        assert_eq!(amount(Some(&json!(-1))), None);
        assert_eq!(amount(None), None);
        assert_eq!(padded(3000), "000000003000");
    }
}
