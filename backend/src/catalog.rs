//! The product catalog for staff (R-BO-5): prices, fees and status, edited
//! in the back office, audited, in effect at once (the gateway reads the
//! table on every request).

use crate::audit;
use crate::authz::StaffActor;
use crate::entity::product::{self, Entity as Product};
use crate::entity::product_category::{self, Entity as ProductCategory};
use crate::entity::product_family::Entity as ProductFamily;
use crate::error::{Error, Result};
use crate::AppState;
use chrono::Utc;
use domain::finance::ProductFlow;
use domain::finance::ProductStatus;
use domain::finance::{CategoryIn, NewProductIn, PriceCheckOut, PriceRowOut, PriceVerdict, ProductIn, ProductOut};
use domain::{FieldError, Problem};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};
use std::collections::HashMap;

pub(crate) fn out(p: product::Model) -> ProductOut {
    ProductOut {
        code: p.code,
        name: p.name,
        category: p.category,
        biller: p.biller,
        flow: p.flow,
        price: p.price,
        admin_fee: p.admin_fee,
        partner_fee: p.partner_fee,
        buy_price: p.buy_price,
        status: p.status,
    }
}

/// A product as a partner may see it: what the operator pays the biller
/// and which biller serves it are the operator's business.
pub(crate) fn partner_view(p: product::Model) -> ProductOut {
    ProductOut { buy_price: 0, biller: String::new(), ..out(p) }
}

pub async fn list(db: &impl ConnectionTrait) -> Result<Vec<ProductOut>> {
    Ok(Product::find()
        .order_by_asc(product::Column::Category)
        .order_by_asc(product::Column::Code)
        .all(db)
        .await?
        .into_iter()
        .map(out)
        .collect())
}

/// Changes one product's name, money and status.
#[tracing::instrument(skip_all, fields(staff_id = %staff.id(), code))]
pub async fn update(state: &AppState, staff: &StaffActor, code: &str, input: &ProductIn) -> Result<ProductOut> {
    let errs: Vec<FieldError> = input.problems();
    if !errs.is_empty() {
        return Err(Error::Invalid(errs));
    }
    let actor = staff.audit();
    if !input.biller.is_empty() && !crate::billers::back_office::is_known(state, &input.biller) {
        return Err(Error::field("biller", Problem::NotFound));
    }
    let p = Product::find_by_id(code.to_owned()).one(&state.db).await?.ok_or(Error::Refused(Problem::NotFound))?;
    let before = serde_json::to_value(out(p.clone())).ok();
    let mut row: product::ActiveModel = p.into();
    row.name = Set(input.name.trim().to_owned());
    if !input.biller.is_empty() {
        row.biller = Set(input.biller.clone());
    }
    row.price = Set(input.price);
    row.admin_fee = Set(input.admin_fee);
    row.partner_fee = Set(input.partner_fee);
    row.buy_price = Set(input.buy_price);
    row.status = Set(ProductStatus::from_code(&input.status).ok_or(Error::field("status", Problem::Required))?);
    row.updated_at = Set(Utc::now());
    let saved = out(row.update(&state.db).await?);
    let after = serde_json::to_value(&saved).ok();
    audit::record(&state.db, &actor, "product.updated", "product", code, before, after).await?;
    Ok(saved)
}

/// "Tambah Produk" of the back office: a new product, on sale at once in
/// its category (development serves it as soon as a partner chooses it).
#[tracing::instrument(skip_all, fields(staff_id = %staff.id()))]
pub async fn create(state: &AppState, staff: &StaffActor, input: &NewProductIn) -> Result<ProductOut> {
    let errs = input.problems();
    if !errs.is_empty() {
        return Err(Error::Invalid(errs));
    }
    if !crate::billers::back_office::is_known(state, &input.details.biller) {
        return Err(Error::field("biller", Problem::NotFound));
    }
    let code = input.code.trim();
    let category = input.category.trim();
    if ProductCategory::find_by_id(category.to_owned()).one(&state.db).await?.is_none() {
        return Err(Error::field("category", Problem::NotFound));
    }
    let family = Some(input.family.trim().to_owned()).filter(|f| !f.is_empty());
    if let Some(f) = &family {
        if ProductFamily::find_by_id(f.clone()).one(&state.db).await?.is_none() {
            return Err(Error::field("family", Problem::NotFound));
        }
    }
    let d = &input.details;
    let row = product::ActiveModel {
        code: Set(code.to_owned()),
        name: Set(d.name.trim().to_owned()),
        category: Set(category.to_owned()),
        biller: Set(d.biller.clone()),
        flow: Set(ProductFlow::from_code(&input.flow).unwrap_or(ProductFlow::Dual)),
        price: Set(d.price),
        admin_fee: Set(d.admin_fee),
        partner_fee: Set(d.partner_fee),
        buy_price: Set(d.buy_price),
        operator_prefix: Set(Some(input.operator_prefix.trim().to_owned()).filter(|p| !p.is_empty())),
        status: Set(ProductStatus::from_code(&d.status).unwrap_or(ProductStatus::Aktif)),
        updated_at: Set(Utc::now()),
        family: Set(family),
        biller_code: Set(None),
    };
    let saved = Product::insert(row).exec_with_returning(&state.db).await.map_err(code_taken)?;
    let saved = out(saved);
    audit::record(
        &state.db,
        &staff.audit(),
        "product.created",
        "product",
        code,
        None,
        serde_json::to_value(&saved).ok(),
    )
    .await?;
    Ok(saved)
}

/// A second row with the same code is the user's mistake, said under "code".
fn code_taken(e: sea_orm::DbErr) -> Error {
    if crate::error::is_unique_violation(&e) {
        Error::field("code", Problem::CodeTaken)
    } else {
        e.into()
    }
}

/// The categories, in the manual's order.
pub async fn categories(db: &impl ConnectionTrait) -> Result<Vec<CategoryIn>> {
    let rows = ProductCategory::find().order_by_asc(product_category::Column::Sort).all(db).await?;
    Ok(rows.into_iter().map(|c| CategoryIn { code: c.code, name: c.name }).collect())
}

/// A new category, last in the list.
pub async fn create_category(state: &AppState, staff: &StaffActor, input: &CategoryIn) -> Result<CategoryIn> {
    let errs = input.problems();
    if !errs.is_empty() {
        return Err(Error::Invalid(errs));
    }
    let saved = CategoryIn { code: input.code.trim().to_owned(), name: input.name.trim().to_owned() };
    let last = ProductCategory::find().order_by_desc(product_category::Column::Sort).one(&state.db).await?;
    let row = product_category::ActiveModel {
        code: Set(saved.code.clone()),
        name: Set(saved.name.clone()),
        sort: Set(last.map_or(0, |c| c.sort + 1)),
    };
    ProductCategory::insert(row).exec_without_returning(&state.db).await.map_err(code_taken)?;
    let after = serde_json::to_value(&saved).ok();
    audit::record(&state.db, &staff.audit(), "category.created", "category", &saved.code, None, after).await?;
    Ok(saved)
}

/// Every biller's price sheet against the catalog's fixed-price products:
/// what moved, what would sell at a loss, what is out of stock.
pub async fn check_prices(state: &AppState, _by: &StaffActor) -> Result<Vec<PriceCheckOut>> {
    let products = Product::find()
        .filter(product::Column::Flow.eq(ProductFlow::Single))
        .order_by_asc(product::Column::Category)
        .order_by_asc(product::Column::Code)
        .all(&state.db)
        .await?;
    let mut out = Vec::new();
    for (env, name, biller) in crate::billers::price_sources() {
        let sheet = tokio::time::timeout(crate::billers::BILLER_TIMEOUT, biller.price_list())
            .await
            .unwrap_or(Err(crate::billers::BillerError::Timeout));
        let (error, sheet) = match sheet {
            Ok(items) => (None, items.into_iter().map(|i| (i.product_code, (i.buy_price, i.available))).collect()),
            Err(e) => (Some(e.to_string()), HashMap::new()),
        };
        let rows = products
            .iter()
            .map(|p| {
                let listed = sheet.get(&p.code).copied();
                PriceRowOut {
                    code: p.code.clone(),
                    name: p.name.clone(),
                    price: p.price,
                    catalog_buy: p.buy_price,
                    biller_buy: listed.map(|(b, _)| b),
                    verdict: PriceVerdict::of(p.price, p.buy_price, listed),
                }
            })
            .collect();
        out.push(PriceCheckOut { environment: env, biller: name.into(), error, rows });
    }
    Ok(out)
}
