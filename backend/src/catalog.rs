//! The product catalog for staff (R-BO-5): prices, fees and status, edited
//! in the back office, audited, in effect at once (the gateway reads the
//! table on every request).

use crate::audit;
use crate::authz::StaffActor;
use crate::entity::product::{self, Entity as Product};
use crate::error::{Error, Result};
use crate::AppState;
use chrono::Utc;
use domain::finance::ProductFlow;
use domain::finance::ProductStatus;
use domain::finance::{PriceCheckOut, PriceRowOut, PriceVerdict, ProductIn, ProductOut};
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
    let p = Product::find_by_id(code.to_owned()).one(&state.db).await?.ok_or(Error::Refused(Problem::NotFound))?;
    let before = serde_json::to_value(out(p.clone())).ok();
    let mut row: product::ActiveModel = p.into();
    row.name = Set(input.name.trim().to_owned());
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
