//! "Produk" for partners (manual §9, Gambar 37–40): the catalog's products
//! not chosen yet, choosing some, the partner's own with their states, and
//! removing one that is not live. Every change of a product's state goes
//! through `step`, which asks `domain::products::after` whether it may.

use crate::audit;
use crate::authz::{PartnerActor, StaffActor};
use crate::catalog;
use crate::entity::partner_product::{self, Entity as PartnerProduct};
use crate::entity::product::{self, Entity as Product};
use crate::entity::product_step::{self, Entity as ProductStep};
use crate::entity::OfPartner;
use crate::error::{Error, Result};
use crate::AppState;
use chrono::Utc;
use domain::finance::{ProductOut, ProductStatus};
use domain::products::{after, MyProductOut, ProductEvent, ProductState};
use domain::uat::ProductStepOut;
use domain::{Problem, UserId};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelBehavior, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder,
};
use std::collections::HashSet;
use uuid::Uuid;

/// "Tambah Produk": the catalog's products of `category` (all when empty)
/// that are on sale and not among the partner's yet.
pub async fn choosable(state: &AppState, partner: &PartnerActor, category: &str) -> Result<Vec<ProductOut>> {
    let mine = chosen_codes(&state.db, partner.partner_id()).await?;
    let mut query = Product::find().filter(product::Column::Status.ne(ProductStatus::Nonaktif));
    if !category.trim().is_empty() {
        query = query.filter(product::Column::Category.eq(category.trim()));
    }
    let rows = query.order_by_asc(product::Column::Category).order_by_asc(product::Column::Code).all(&state.db).await?;
    Ok(rows.into_iter().filter(|p| !mine.contains(&p.code)).map(catalog::partner_view).collect())
}

/// Every product on sale (not Nonaktif), by category then code, as a
/// partner may see it (Dokumentasi → Daftar Produk).
pub async fn on_sale(db: &impl ConnectionTrait) -> Result<Vec<ProductOut>> {
    let query = Product::find().filter(product::Column::Status.ne(ProductStatus::Nonaktif));
    let rows = query.order_by_asc(product::Column::Category).order_by_asc(product::Column::Code).all(db).await?;
    Ok(rows.into_iter().map(catalog::partner_view).collect())
}

/// "Simpan": the checked products become the partner's (state Dipilih).
/// Codes already chosen are left as they are, so sending twice changes
/// nothing; an unknown or retired code refuses the whole choice.
pub async fn choose(state: &AppState, partner: &PartnerActor, codes: &[String]) -> Result<usize> {
    let user_id = partner.partner_id();
    if codes.is_empty() {
        return Err(Error::field("codes", Problem::Required));
    }
    let wanted: HashSet<&str> = codes.iter().map(|c| c.trim()).collect();
    let txn = crate::infra::db::begin(&state.db).await?;
    let on_sale = Product::find()
        .filter(product::Column::Code.is_in(wanted.iter().copied()))
        .filter(product::Column::Status.ne(ProductStatus::Nonaktif))
        .count(&txn)
        .await?;
    if on_sale != wanted.len() as u64 {
        return Err(Error::field("codes", Problem::NotFound));
    }
    let mine = chosen_codes(&txn, user_id).await?;
    let mut added = 0;
    let chosen = after(None, ProductEvent::Select).map_err(Error::Refused)?;
    for code in wanted.into_iter().filter(|c| !mine.contains(*c)) {
        write_state(&txn, &partner.audit(), user_id, code, None, chosen, None).await?;
        added += 1;
    }
    let after_json = serde_json::json!({ "products": codes });
    audit::record(&txn, &partner.audit(), "product.chosen", "user", &user_id.to_string(), None, Some(after_json))
        .await?;
    txn.commit().await?;
    Ok(added)
}

/// "Produk Anda": the partner's products with their states, by code.
pub async fn mine(state: &AppState, partner: &PartnerActor) -> Result<Vec<MyProductOut>> {
    let rows = PartnerProduct::of_partner(partner.partner_id())
        .order_by_asc(partner_product::Column::ProductCode)
        .all(&state.db)
        .await?;
    let codes: Vec<String> = rows.iter().map(|r| r.product_code.clone()).collect();
    let products: std::collections::HashMap<String, product::Model> = Product::find()
        .filter(product::Column::Code.is_in(codes))
        .all(&state.db)
        .await?
        .into_iter()
        .map(|p| (p.code.clone(), p))
        .collect();
    Ok(rows
        .into_iter()
        .filter_map(|mine| {
            let p = products.get(&mine.product_code)?.clone();
            Some(MyProductOut {
                code: p.code,
                name: p.name,
                category: p.category,
                admin_fee: p.admin_fee,
                partner_fee: p.partner_fee,
                state: mine.state,
                reason: mine.reason,
            })
        })
        .collect())
}

/// "Hapus": drops a product that is not (on its way to being) live.
pub async fn remove(state: &AppState, partner: &PartnerActor, code: &str) -> Result<()> {
    let user_id = partner.partner_id();
    let txn = crate::infra::db::begin(&state.db).await?;
    let row = PartnerProduct::find_by_id((user_id, code.to_owned())).one(&txn).await?;
    let row = row.ok_or(Error::Refused(Problem::NotFound))?;
    if !row.state.removable() {
        return Err(Error::Refused(Problem::WrongStep));
    }
    PartnerProduct::delete_by_id((user_id, code.to_owned())).exec(&txn).await?;
    let before = serde_json::json!({ "product": code, "state": row.state });
    audit::record(&txn, &partner.audit(), "product.removed", "user", &user_id.to_string(), Some(before), None).await?;
    txn.commit().await?;
    Ok(())
}

/// Moves one partner's product by `event`, in the caller's transaction, and
/// writes the step into its history; refuses (`WrongStep`) what its
/// lifecycle does not allow from where it is.
pub async fn step(
    db: &impl ConnectionTrait,
    by: &audit::Actor,
    user_id: Uuid,
    code: &str,
    event: ProductEvent,
    reason: Option<String>,
) -> Result<ProductState> {
    let row = PartnerProduct::find_by_id((user_id, code.to_owned())).one(db).await?;
    let row = row.ok_or(Error::Refused(Problem::NotFound))?;
    let next = after(Some(row.state), event).map_err(Error::Refused)?;
    write_state(db, by, user_id, code, Some(row.state), next, reason).await?;
    Ok(next)
}

/// An admin switches a partner's product on (Aktif) or off (Nonaktif) in
/// production outside its UAT/Live path — the old "activate for partner"
/// box, kept as an override that needs a reason and lands in the audit log
/// and the product's history.
#[tracing::instrument(skip_all, fields(staff_id = %staff.id(), code))]
pub async fn override_live(
    state: &AppState,
    staff: &StaffActor,
    user_id: UserId,
    code: &str,
    active: bool,
    reason: &str,
) -> Result<()> {
    let reason = reason_given(reason)?;
    let user_id = user_id.0;
    let txn = crate::infra::db::begin(&state.db).await?;
    Product::find_by_id(code.to_owned()).one(&txn).await?.ok_or(Error::Refused(Problem::NotFound))?;
    let now = PartnerProduct::find_by_id((user_id, code.to_owned())).one(&txn).await?.map(|r| r.state);
    let next = if active { ProductState::Active } else { ProductState::Inactive };
    if now == Some(next) || (now.is_none() && !active) {
        return Ok(());
    }
    write_state(&txn, &staff.audit(), user_id, code, now, next, Some(reason.clone())).await?;
    let action = if active { "product.override_on" } else { "product.override_off" };
    let after = serde_json::json!({ "product": code, "state": next, "reason": reason });
    let before = now.map(|s| serde_json::json!({ "product": code, "state": s }));
    audit::record(&txn, &staff.audit(), action, "user", &user_id.to_string(), before, Some(after)).await?;
    txn.commit().await?;
    Ok(())
}

/// The reason a staff member must give (refusals, overrides): trimmed, at
/// most 500 characters.
pub fn reason_given(reason: &str) -> Result<String> {
    let reason = reason.trim();
    if reason.is_empty() {
        Err(Error::field("reason", Problem::Required))
    } else if reason.chars().count() > 500 {
        Err(Error::field("reason", Problem::TooLong))
    } else {
        Ok(reason.to_owned())
    }
}

/// Writes a product's new state and its history row: a first row when it
/// had none (`from` = `None`), else an update that names the state it
/// read, so of two requests racing for one step only one moves it.
async fn write_state(
    db: &impl ConnectionTrait,
    by: &audit::Actor,
    user_id: Uuid,
    code: &str,
    from: Option<ProductState>,
    next: ProductState,
    reason: Option<String>,
) -> Result<()> {
    let now = Utc::now();
    match from {
        None => {
            PartnerProduct::insert(partner_product::ActiveModel {
                user_id: Set(user_id),
                product_code: Set(code.to_owned()),
                activated_at: Set(now),
                state: Set(next),
                reason: Set(reason.clone()),
                updated_at: Set(Some(now)),
            })
            .exec_without_returning(db)
            .await?;
        }
        Some(from) => {
            let moved = PartnerProduct::update_many()
                .col_expr(partner_product::Column::State, Expr::value(next))
                .col_expr(partner_product::Column::Reason, Expr::value(reason.clone()))
                .col_expr(partner_product::Column::UpdatedAt, Expr::value(Some(now)))
                .filter(partner_product::Column::UserId.eq(user_id))
                .filter(partner_product::Column::ProductCode.eq(code))
                .filter(partner_product::Column::State.eq(from))
                .exec(db)
                .await?;
            if moved.rows_affected != 1 {
                return Err(Error::Refused(Problem::WrongStep));
            }
        }
    }
    ProductStep::insert(product_step::ActiveModel {
        user_id: Set(user_id),
        product_code: Set(code.to_owned()),
        state: Set(next),
        reason: Set(reason),
        actor_kind: Set(by.kind()),
        actor_name: Set(by.name().to_owned()),
        ..product_step::ActiveModel::new()
    })
    .exec_without_returning(db)
    .await?;
    Ok(())
}

/// A partner's product steps, newest first (the staff's history).
pub async fn history(db: &impl ConnectionTrait, user_id: Uuid) -> Result<Vec<ProductStepOut>> {
    let rows = ProductStep::of_partner(user_id)
        .order_by_desc(product_step::Column::At)
        .order_by_desc(product_step::Column::Id)
        .all(db)
        .await?;
    Ok(rows
        .into_iter()
        .map(|r| ProductStepOut {
            product_code: r.product_code,
            state: r.state,
            reason: r.reason,
            by: r.actor_name,
            at: crate::infra::wib::format(r.at),
        })
        .collect())
}

async fn chosen_codes(db: &impl ConnectionTrait, user_id: Uuid) -> Result<HashSet<String>> {
    Ok(PartnerProduct::of_partner(user_id).all(db).await?.into_iter().map(|p| p.product_code).collect())
}
