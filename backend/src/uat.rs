//! Request UAT and Request Live (manual §10, Gambar 41–49) and the
//! operator's two queues. A partner proves a product with two files and —
//! beyond the original — with a checklist graded from their own calls to
//! the development gateway (`apilog`); the operator approves or rejects
//! each request with a reason, and the partner is e-mailed either way.
//! Every state change goes through `products::step`.

use crate::audit;
use crate::authz::{PartnerActor, StaffActor};
use crate::entity::api_log::{self, Entity as ApiLog};
use crate::entity::partner_product::{self, Entity as PartnerProduct};
use crate::entity::product::{self, Entity as Product};
use crate::entity::profile::Entity as Profile;
use crate::entity::uat_check::{self, Entity as UatCheck};
use crate::entity::uat_request::{self, Entity as UatRequest};
use crate::entity::user::Entity as User;
use crate::entity::OfPartner;
use crate::error::{Error, Result};
use crate::infra::{storage, wib};
use crate::mail::templates::Kind;
use crate::products;
use crate::AppState;
use chrono::Utc;
use domain::products::{ProductEvent, ProductState};
use domain::uat::{LiveProductOut, UatCheckOut, UatFileKind, UatItem, UatRequestOut, UatStatus};
use domain::{ApiLogId, Env, Problem, UatRequestId, UserId};
use sea_orm::{
    ActiveModelBehavior, ActiveModelTrait, ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, EntityTrait,
    QueryFilter, QueryOrder,
};
use std::collections::HashMap;
use uuid::Uuid;

/// Answers that say a payment did not go through at the biller (not the
/// gateway's own refusals: format, session, rights, duplicates, pending).
const NOT_A_BILLER_FAILURE: &[&str] = &["00", "02", "10", "34", "40", "41", "71", "86"];
const PAYMENT_PATHS: &[&str] = &["/Services/Payment", "/Services/SinglePayment"];
const CHECK_STATUS: &str = "/Services/Check-Status";

/// The checklist of `code` for this partner, graded from their development
/// log: each item the product's flow needs (`uat_checks`), with the log
/// entry that proves it or none yet.
pub async fn checklist(state: &AppState, user_id: Uuid, code: &str) -> Result<Vec<UatCheckOut>> {
    state.api_log.flush().await;
    let p = Product::find_by_id(code.to_owned()).one(&state.db).await?.ok_or(Error::Refused(Problem::NotFound))?;
    let items = UatCheck::find()
        .filter(uat_check::Column::Flow.eq(p.flow))
        .order_by_asc(uat_check::Column::Position)
        .all(&state.db)
        .await?;
    let mut out = Vec::with_capacity(items.len());
    for i in items {
        let proof = proof_of(&state.db, user_id, code, i.item).await?;
        out.push(UatCheckOut { item: i.item, proof: proof.map(ApiLogId) });
    }
    Ok(out)
}

/// The partner's successful development calls, as the checklist reads them.
fn dev_calls(user_id: Uuid) -> sea_orm::Select<ApiLog> {
    ApiLog::of_partner(user_id)
        .filter(api_log::Column::Environment.eq(Env::Development))
        .filter(api_log::Column::Auth.eq(domain::apilog::AuthOutcome::Ok))
        .order_by_asc(api_log::Column::At)
}

/// The first log entry that shows `item` for `code`, if any.
async fn proof_of(db: &impl ConnectionTrait, user_id: Uuid, code: &str, item: UatItem) -> Result<Option<Uuid>> {
    let of_product = || dev_calls(user_id).filter(api_log::Column::ProductCode.eq(code));
    let answered =
        |path: &str, rc: &str| of_product().filter(api_log::Column::Path.eq(path)).filter(api_log::Column::Rc.eq(rc));
    let row = match item {
        UatItem::SignOn => {
            dev_calls(user_id)
                .filter(api_log::Column::Path.eq("/auth/Sign-On"))
                .filter(api_log::Column::HttpStatus.eq(200))
                .filter(api_log::Column::Rc.is_null())
                .one(db)
                .await?
        }
        UatItem::InquiryOk => answered("/Services/Inquiry", "00").one(db).await?,
        UatItem::PaymentOk => answered("/Services/Payment", "00").one(db).await?,
        UatItem::SinglePaymentOk => answered("/Services/SinglePayment", "00").one(db).await?,
        UatItem::DuplicateReference => of_product().filter(api_log::Column::Rc.eq("86")).one(db).await?,
        // Refused at once, or found failed by Check-Status (rc 17).
        UatItem::FailureSeen => {
            let refused = Condition::all()
                .add(api_log::Column::Path.is_in(PAYMENT_PATHS.iter().copied()))
                .add(api_log::Column::Rc.is_not_null())
                .add(api_log::Column::Rc.is_not_in(NOT_A_BILLER_FAILURE.iter().copied()));
            let found_failed =
                Condition::all().add(api_log::Column::Path.eq(CHECK_STATUS)).add(api_log::Column::Rc.eq("17"));
            of_product().filter(Condition::any().add(refused).add(found_failed)).one(db).await?
        }
        UatItem::PendingFollowed => return followed_pending(db, user_id, code).await,
    };
    Ok(row.map(|r| r.id))
}

/// A Check-Status that brought a pending payment (rc 71) of `code` to its
/// final answer (00 paid, 17 failed), after the payment.
async fn followed_pending(db: &impl ConnectionTrait, user_id: Uuid, code: &str) -> Result<Option<Uuid>> {
    let of_product = || dev_calls(user_id).filter(api_log::Column::ProductCode.eq(code));
    let pending = of_product()
        .filter(api_log::Column::Path.is_in(PAYMENT_PATHS.iter().copied()))
        .filter(api_log::Column::Rc.eq("71"))
        .all(db)
        .await?;
    for p in pending {
        let Some(reference) = p.reference_id else { continue };
        let ended = of_product()
            .filter(api_log::Column::Path.eq(CHECK_STATUS))
            .filter(api_log::Column::ReferenceId.eq(reference))
            .filter(api_log::Column::Rc.is_in(["00", "17"]))
            .filter(api_log::Column::At.gte(p.at))
            .one(db)
            .await?;
        if let Some(e) = ended {
            return Ok(Some(e.id));
        }
    }
    Ok(None)
}

/// One uploaded file of a request, checked by content.
pub struct Evidence {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// PDF, PNG, JPEG (as profile documents) or DOCX (a ZIP holding `word/`).
fn evidence_type(bytes: &[u8]) -> Option<&'static str> {
    if let Some(kind) = domain::profile::FileKind::sniff(bytes) {
        return Some(kind.content_type());
    }
    let docx = bytes.starts_with(b"PK\x03\x04") && bytes.windows(5).any(|w| w == b"word/");
    docx.then_some("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
}

/// "Tambah Data" → "Simpan": asks UAT for one of the partner's chosen (or
/// UAT-rejected) products with its two files. Both files are checked before
/// either is stored. Sent twice, the second finds the product already
/// requested and stores nothing.
pub async fn request(
    state: &AppState,
    partner: &PartnerActor,
    code: &str,
    inquiry: Evidence,
    struk: Evidence,
) -> Result<UatRequestOut> {
    let inquiry_type = checked(state, "inquiry", &inquiry)?;
    let struk_type = checked(state, "struk", &struk)?;
    let inquiry = store(state, inquiry, inquiry_type).await?;
    let struk = match store(state, struk, struk_type).await {
        Ok(file) => file,
        Err(e) => {
            forget(state, &[inquiry.key]).await;
            return Err(e);
        }
    };
    match record_request(state, partner, code, &inquiry, &struk).await {
        Ok(id) => mine_one(state, partner.partner_id(), id).await,
        Err(e) => {
            // Nothing half-saved: the files go when the request was refused.
            forget(state, &[inquiry.key, struk.key]).await;
            Err(e)
        }
    }
}

/// The file's content type, or why it is refused (under the form field).
fn checked(state: &AppState, field: &'static str, file: &Evidence) -> Result<&'static str> {
    let refuse = |p| Err(Error::field(field, p));
    if file.bytes.is_empty() {
        return refuse(Problem::FileEmpty);
    }
    if file.bytes.len() > state.config.max_upload_bytes {
        return refuse(Problem::FileTooLarge);
    }
    match evidence_type(&file.bytes) {
        Some(t) => Ok(t),
        None => refuse(Problem::FileTypeNotAllowed),
    }
}

/// A checked file, in storage.
struct StoredFile {
    key: String,
    name: String,
    content_type: &'static str,
}

async fn store(state: &AppState, file: Evidence, content_type: &'static str) -> Result<StoredFile> {
    let key = storage::new_key("uat");
    state.storage.put(&key, file.bytes, content_type).await?;
    Ok(StoredFile { key, name: domain::profile::clean_file_name(&file.name), content_type })
}

async fn forget(state: &AppState, keys: &[String]) {
    for key in keys {
        if let Err(e) = state.storage.delete(key).await {
            tracing::warn!(error = %e, "UAT file not removed");
        }
    }
}

async fn record_request(
    state: &AppState,
    partner: &PartnerActor,
    code: &str,
    inquiry: &StoredFile,
    struk: &StoredFile,
) -> Result<Uuid> {
    let user_id = partner.partner_id();
    let checks = checklist(state, user_id, code).await?;
    let txn = crate::infra::db::begin(&state.db).await?;
    products::step(&txn, &partner.audit(), user_id, code, ProductEvent::RequestUat, None).await?;
    let row = uat_request::ActiveModel {
        user_id: Set(user_id),
        product_code: Set(code.to_owned()),
        status: Set(UatStatus::Waiting),
        reason: Set(None),
        inquiry_key: Set(inquiry.key.clone()),
        inquiry_name: Set(inquiry.name.clone()),
        inquiry_type: Set(inquiry.content_type.to_owned()),
        struk_key: Set(struk.key.clone()),
        struk_name: Set(struk.name.clone()),
        struk_type: Set(struk.content_type.to_owned()),
        checks: Set(serde_json::to_string(&checks).unwrap_or_else(|_| "[]".into())),
        decided_at: Set(None),
        decided_by: Set(None),
        ..uat_request::ActiveModel::new()
    }
    .insert(&txn)
    .await?;
    let after = serde_json::json!({ "product": code, "request": row.id });
    audit::record(&txn, &partner.audit(), "uat.requested", "user", &user_id.to_string(), None, Some(after)).await?;
    txn.commit().await?;
    Ok(row.id)
}

/// "Hapus": withdraws a request still waiting; the product is chosen again.
pub async fn withdraw(state: &AppState, partner: &PartnerActor, id: UatRequestId) -> Result<()> {
    let user_id = partner.partner_id();
    let txn = crate::infra::db::begin(&state.db).await?;
    let row = UatRequest::of_partner(user_id).filter(uat_request::Column::Id.eq(id.0)).one(&txn).await?;
    let row = row.ok_or(Error::Refused(Problem::NotFound))?;
    if row.status != UatStatus::Waiting {
        return Err(Error::Refused(Problem::WrongStep));
    }
    products::step(&txn, &partner.audit(), user_id, &row.product_code, ProductEvent::WithdrawUat, None).await?;
    UatRequest::delete_by_id(row.id).exec(&txn).await?;
    let before = serde_json::json!({ "product": row.product_code, "request": row.id });
    audit::record(&txn, &partner.audit(), "uat.withdrawn", "user", &user_id.to_string(), Some(before), None).await?;
    txn.commit().await?;
    forget(state, &[row.inquiry_key, row.struk_key]).await;
    Ok(())
}

/// The partner's requests, newest first.
pub async fn mine(state: &AppState, partner: &PartnerActor) -> Result<Vec<UatRequestOut>> {
    let rows = UatRequest::of_partner(partner.partner_id())
        .order_by_desc(uat_request::Column::CreatedAt)
        .all(&state.db)
        .await?;
    outs(&state.db, rows).await
}

async fn mine_one(state: &AppState, user_id: Uuid, id: Uuid) -> Result<UatRequestOut> {
    let row = UatRequest::of_partner(user_id).filter(uat_request::Column::Id.eq(id)).one(&state.db).await?;
    let row = row.ok_or(Error::Refused(Problem::NotFound))?;
    outs(&state.db, vec![row]).await?.pop().ok_or(Error::Refused(Problem::NotFound))
}

/// The operator's UAT queue: requests waiting, oldest first.
pub async fn queue(state: &AppState, _by: &StaffActor) -> Result<Vec<UatRequestOut>> {
    let rows = UatRequest::find()
        .filter(uat_request::Column::Status.eq(UatStatus::Waiting))
        .order_by_asc(uat_request::Column::CreatedAt)
        .all(&state.db)
        .await?;
    outs(&state.db, rows).await
}

/// One request, for staff.
pub async fn one(state: &AppState, _by: &StaffActor, id: UatRequestId) -> Result<UatRequestOut> {
    let row = UatRequest::find_by_id(id.0).one(&state.db).await?.ok_or(Error::Refused(Problem::NotFound))?;
    outs(&state.db, vec![row]).await?.pop().ok_or(Error::Refused(Problem::NotFound))
}

/// "APPROVE UAT" or a rejection with its reason; e-mails the partner.
pub async fn decide(state: &AppState, staff: &StaffActor, id: UatRequestId, approve: bool, reason: &str) -> Result<()> {
    let reason = required_reason(approve, reason)?;
    let txn = crate::infra::db::begin(&state.db).await?;
    let row = UatRequest::find_by_id(id.0).one(&txn).await?.ok_or(Error::Refused(Problem::NotFound))?;
    if row.status != UatStatus::Waiting {
        return Err(Error::Refused(Problem::WrongStep));
    }
    let (user_id, code) = (row.user_id, row.product_code.clone());
    let mut row: uat_request::ActiveModel = row.into();
    row.status = Set(if approve { UatStatus::Approved } else { UatStatus::Rejected });
    row.reason = Set(reason.clone());
    row.decided_at = Set(Some(Utc::now()));
    row.decided_by = Set(Some(staff.id()));
    row.update(&txn).await?;
    decided(state, &txn, staff, user_id, &code, Stage::Uat, reason).await?;
    txn.commit().await?;
    Ok(())
}

/// A rejection needs its reason; an approval has none.
fn required_reason(approve: bool, reason: &str) -> Result<Option<String>> {
    if approve {
        Ok(None)
    } else {
        products::reason_given(reason).map(Some)
    }
}

/// "Request Live" → "Ya": a UAT-approved product goes to the Live queue.
pub async fn request_live(state: &AppState, partner: &PartnerActor, code: &str) -> Result<()> {
    let user_id = partner.partner_id();
    let txn = crate::infra::db::begin(&state.db).await?;
    products::step(&txn, &partner.audit(), user_id, code, ProductEvent::RequestLive, None).await?;
    let after = serde_json::json!({ "product": code });
    audit::record(&txn, &partner.audit(), "live.requested", "user", &user_id.to_string(), None, Some(after)).await?;
    txn.commit().await?;
    Ok(())
}

/// "Request Live": the partner's products approved in UAT or further on.
pub async fn live_products(state: &AppState, partner: &PartnerActor) -> Result<Vec<LiveProductOut>> {
    let on_the_way =
        [ProductState::UatApproved, ProductState::LiveRequested, ProductState::Active, ProductState::Maintenance];
    let rows = PartnerProduct::of_partner(partner.partner_id())
        .filter(partner_product::Column::State.is_in(on_the_way))
        .order_by_asc(partner_product::Column::ProductCode)
        .all(&state.db)
        .await?;
    live_outs(&state.db, rows).await
}

/// The operator's Live queue: products waiting for production, oldest first.
pub async fn live_queue(state: &AppState, _by: &StaffActor) -> Result<Vec<LiveProductOut>> {
    let rows = PartnerProduct::find()
        .filter(partner_product::Column::State.eq(ProductState::LiveRequested))
        .order_by_asc(partner_product::Column::UpdatedAt)
        .all(&state.db)
        .await?;
    live_outs(&state.db, rows).await
}

/// Approves a Live request (the product is Aktif in production for that
/// partner) or rejects it with a reason (back to UAT-approved).
pub async fn decide_live(
    state: &AppState,
    staff: &StaffActor,
    user_id: UserId,
    code: &str,
    approve: bool,
    reason: &str,
) -> Result<()> {
    let reason = required_reason(approve, reason)?;
    let txn = crate::infra::db::begin(&state.db).await?;
    decided(state, &txn, staff, user_id.0, code, Stage::Live, reason).await?;
    txn.commit().await?;
    Ok(())
}

#[derive(Clone, Copy)]
enum Stage {
    Uat,
    Live,
}

impl Stage {
    /// The product's event and the audit action of a decision.
    fn outcome(self, approve: bool) -> (ProductEvent, &'static str) {
        match (self, approve) {
            (Stage::Uat, true) => (ProductEvent::ApproveUat, "uat.approved"),
            (Stage::Uat, false) => (ProductEvent::RejectUat, "uat.rejected"),
            (Stage::Live, true) => (ProductEvent::ApproveLive, "live.approved"),
            (Stage::Live, false) => (ProductEvent::RejectLive, "live.rejected"),
        }
    }
}

/// A staff decision of `stage` (approved when there is no reason): the
/// product's step, the audit entry and the e-mail, in the caller's transaction.
async fn decided(
    state: &AppState,
    txn: &impl ConnectionTrait,
    staff: &StaffActor,
    user_id: Uuid,
    code: &str,
    stage: Stage,
    reason: Option<String>,
) -> Result<()> {
    let (event, action) = stage.outcome(reason.is_none());
    products::step(txn, &staff.audit(), user_id, code, event, reason.clone()).await?;
    let after = serde_json::json!({ "product": code, "reason": reason });
    audit::record(txn, &staff.audit(), action, "user", &user_id.to_string(), None, Some(after)).await?;
    tell_partner(state, txn, user_id, code, stage, reason.as_deref()).await
}

/// Queues the decision e-mail in the decision's transaction.
async fn tell_partner(
    state: &AppState,
    db: &impl ConnectionTrait,
    user_id: Uuid,
    code: &str,
    stage: Stage,
    reason: Option<&str>,
) -> Result<()> {
    let user = User::find_by_id(user_id).one(db).await?.ok_or(Error::Refused(Problem::NotFound))?;
    let company = Profile::find_by_id(user_id).one(db).await?.map(|p| p.business_name).unwrap_or_default();
    let product = Product::find_by_id(code.to_owned()).one(db).await?.map(|p| p.name).unwrap_or_default();
    let (stage_name, path) = match stage {
        Stage::Uat => ("UAT", "/integrasi/uat"),
        Stage::Live => ("Live", "/integrasi/live"),
    };
    let link = state.config.link(path);
    let kind = Kind::ProductDecided {
        name: &user.name,
        company: &company,
        product: &format!("{code} {product}"),
        stage: stage_name,
        approved: reason.is_none(),
        reason: reason.unwrap_or_default(),
        link: &link,
    };
    let lang = domain::Lang::from_code(&user.lang);
    crate::mail::enqueue(db, crate::mail::templates::render(&kind, lang, &state.config.brand, &user.email)?).await?;
    Ok(())
}

/// The stored file of a request, for its owner or staff; `None` for
/// anyone else, so a stranger cannot tell it exists.
pub async fn file(
    state: &AppState,
    viewer: &crate::onboarding::Viewer,
    id: UatRequestId,
    kind: UatFileKind,
) -> Result<(String, String, Vec<u8>)> {
    let row = UatRequest::find_by_id(id.0).one(&state.db).await?;
    let row = row.filter(|r| viewer.may_see(r.user_id)).ok_or(Error::Refused(Problem::NotFound))?;
    let (key, name, content_type) = match kind {
        UatFileKind::Inquiry => (row.inquiry_key, row.inquiry_name, row.inquiry_type),
        UatFileKind::Struk => (row.struk_key, row.struk_name, row.struk_type),
    };
    let bytes = state.storage.get(&key).await?.ok_or(Error::Refused(Problem::NotFound))?;
    Ok((name, content_type, bytes))
}

/// Company names of these partners, by user id.
async fn companies(db: &impl ConnectionTrait, users: impl Iterator<Item = Uuid>) -> Result<HashMap<Uuid, String>> {
    let ids: Vec<Uuid> = users.collect();
    let rows = Profile::find().filter(crate::entity::profile::Column::UserId.is_in(ids)).all(db).await?;
    Ok(rows.into_iter().map(|p| (p.user_id, p.business_name)).collect())
}

/// Catalog rows of these codes, by code.
async fn catalog_of(
    db: &impl ConnectionTrait,
    codes: impl Iterator<Item = String>,
) -> Result<HashMap<String, product::Model>> {
    let codes: Vec<String> = codes.collect();
    let rows = Product::find().filter(product::Column::Code.is_in(codes)).all(db).await?;
    Ok(rows.into_iter().map(|p| (p.code.clone(), p)).collect())
}

async fn outs(db: &impl ConnectionTrait, rows: Vec<uat_request::Model>) -> Result<Vec<UatRequestOut>> {
    let names = companies(db, rows.iter().map(|r| r.user_id)).await?;
    let catalog = catalog_of(db, rows.iter().map(|r| r.product_code.clone())).await?;
    let now = Utc::now();
    Ok(rows
        .into_iter()
        .map(|r| {
            let p = catalog.get(&r.product_code);
            UatRequestOut {
                id: r.id.into(),
                user_id: r.user_id.into(),
                company: names.get(&r.user_id).cloned().unwrap_or_default(),
                product_name: p.map(|p| p.name.clone()).unwrap_or_default(),
                category: p.map(|p| p.category.clone()).unwrap_or_default(),
                product_code: r.product_code,
                status: r.status,
                reason: r.reason,
                created_at: wib::format(r.created_at),
                age_hours: (now - r.created_at).num_hours(),
                inquiry_file: r.inquiry_name,
                struk_file: r.struk_name,
                checks: serde_json::from_str(&r.checks).unwrap_or_default(),
            }
        })
        .collect())
}

async fn live_outs(db: &impl ConnectionTrait, rows: Vec<partner_product::Model>) -> Result<Vec<LiveProductOut>> {
    let names = companies(db, rows.iter().map(|r| r.user_id)).await?;
    let catalog = catalog_of(db, rows.iter().map(|r| r.product_code.clone())).await?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let p = catalog.get(&r.product_code);
            LiveProductOut {
                user_id: r.user_id.into(),
                company: names.get(&r.user_id).cloned().unwrap_or_default(),
                product_name: p.map(|p| p.name.clone()).unwrap_or_default(),
                category: p.map(|p| p.category.clone()).unwrap_or_default(),
                product_code: r.product_code,
                state: r.state,
                since: wib::format(r.updated_at.unwrap_or(r.activated_at)),
            }
        })
        .collect())
}

/// "Download contoh Inquiry dan Payment": a workbook office suites open,
/// one sheet per step, each with a request and the answer to expect, and
/// what the operator looks for in the partner's files.
pub fn examples_workbook() -> Result<Vec<u8>> {
    use rust_xlsxwriter::{Format, Workbook};
    /// (step, request, response)
    type Example = (&'static str, &'static str, &'static str);
    const SHEETS: &[(&str, &[Example])] = &[
        (
            "Inquiry",
            &[
                (
                    "Sign-On",
                    r#"POST /auth/Sign-On {"mitra":"DJI","accountID":"081234567890","merchantID":"DJI100087","merchantName":"PT.Testing","counterID":"1"}"#,
                    r#"{"SessionID":"<32 hex>"}"#,
                ),
                (
                    "Inquiry",
                    r#"POST /Services/Inquiry {"sessionID":"<SessionID>","merchantID":"DJI100087","productID":"100301","customerID":"110100019766","referenceID":"000000000001"}"#,
                    r#"{"rc":"00","description":"Transaksi berhasil","productID":"100301","customerID":"110100019766","referenceID":"000000000001","data":{"idPelanggan":"110100019766","nama":"…","tagihan":"000000150000","admin":"000000002500","total":"000000152500","periode":"NOV26"}}"#,
                ),
                (
                    "referenceID diulang",
                    r#"POST /Services/Inquiry (referenceID yang sama)"#,
                    r#"{"rc":"86","description":"Kode referensi sudah digunakan",…}"#,
                ),
            ],
        ),
        (
            "Payment",
            &[
                (
                    "Payment",
                    r#"POST /Services/Payment {"sessionID":"<SessionID>","merchantID":"DJI100087","productID":"100301","customerID":"110100019766","referenceID":"000000000001","tagihan":"000000150000","admin":"000000002500","total":"000000152500"}"#,
                    r#"{"rc":"00","description":"Transaksi berhasil",…,"data":{"noReferensi":"…","status":"SUKSES",…}}"#,
                ),
                (
                    "Pending lalu Check-Status",
                    r#"POST /Services/Check-Status (productID, customerID, referenceID, tagihan, admin, total dari Payment)"#,
                    r#"rc 00 berhasil, rc 17 gagal, rc lain masih diproses"#,
                ),
                ("Struk", "Cetakan/screenshot struk dari aplikasi Anda untuk transaksi di atas", "—"),
            ],
        ),
    ];
    let bold = Format::new().set_bold();
    let wrap = Format::new().set_text_wrap();
    let mut book = Workbook::new();
    for (name, rows) in SHEETS {
        let sheet = book.add_worksheet();
        let failed = |e: rust_xlsxwriter::XlsxError| Error::Unexpected(anyhow::anyhow!("examples workbook: {e}"));
        sheet.set_name(*name).map_err(failed)?;
        for (col, (title, width)) in
            [("Langkah", 24), ("Request (contoh)", 70), ("Response (contoh)", 70)].iter().enumerate()
        {
            let col = col as u16;
            sheet.write_string_with_format(0, col, *title, &bold).map_err(failed)?;
            sheet.set_column_width(col, *width).map_err(failed)?;
        }
        for (i, (step, request, response)) in rows.iter().enumerate() {
            let row = i as u32 + 1;
            for (col, text) in [step, request, response].iter().enumerate() {
                sheet.write_string_with_format(row, col as u16, **text, &wrap).map_err(failed)?;
            }
        }
    }
    book.save_to_buffer().map_err(|e| Error::Unexpected(anyhow::anyhow!("examples workbook: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn evidence_is_known_by_its_content_not_its_name() {
        assert_eq!(evidence_type(b"%PDF-1.4 ..."), Some("application/pdf"));
        assert_eq!(evidence_type(b"\x89PNG\r\n\x1a\n...."), Some("image/png"));
        let docx = b"PK\x03\x04....[Content_Types].xml....word/document.xml";
        assert!(evidence_type(docx).is_some_and(|t| t.contains("wordprocessingml")));
        assert_eq!(evidence_type(b"PK\x03\x04 a plain zip"), None, "a zip that is not a Word file");
        assert_eq!(evidence_type(b"MZ\x90\x00 an exe named struk.pdf"), None);
    }

    #[test]
    fn a_rejection_needs_a_reason_and_an_approval_keeps_none() {
        assert!(matches!(required_reason(true, "ignored"), Ok(None)));
        assert!(matches!(required_reason(false, "  "), Err(Error::Invalid(_))));
        assert!(matches!(required_reason(false, " tidak lengkap "), Ok(Some(r)) if r == "tidak lengkap"));
    }
}
