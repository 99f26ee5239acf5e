//! Indonesia's administrative areas, loaded by a migration.

use crate::error::Result;
use domain::region::{RegionLevel, RegionOut};
use sea_orm::sea_query::{Alias, Expr, ExprTrait, Query};
use sea_orm::{ConnectionTrait, FromQueryResult};

#[derive(FromQueryResult)]
struct Row {
    code: String,
    name: String,
}

/// The areas of `level` under `parent` (ignored for provinces), by name.
pub async fn children(db: &impl ConnectionTrait, level: RegionLevel, parent: &str) -> Result<Vec<RegionOut>> {
    let (table, parent_col) = level.table();
    let mut q = Query::select();
    q.columns([Alias::new("code"), Alias::new("name")])
        .from(Alias::new(table))
        .order_by(Alias::new("name"), sea_orm::Order::Asc);
    if let Some(col) = parent_col {
        q.and_where(Expr::col(Alias::new(col)).eq(parent.trim()));
    }
    let rows = Row::find_by_statement(db.get_database_backend().build(&q)).all(db).await?;
    Ok(rows.into_iter().map(|r| RegionOut { code: r.code, name: r.name }).collect())
}

/// True when the four codes name a village inside the district inside the
/// regency inside the province.
pub async fn is_valid_path(db: &impl ConnectionTrait, codes: [&str; 4]) -> Result<bool> {
    let mut parent = "";
    for (level, code) in RegionLevel::ALL.into_iter().zip(codes) {
        let (table, parent_col) = level.table();
        let mut q = Query::select();
        q.column(Alias::new("code"))
            .column(Alias::new("name"))
            .from(Alias::new(table))
            .and_where(Expr::col(Alias::new("code")).eq(code));
        if let Some(col) = parent_col {
            q.and_where(Expr::col(Alias::new(col)).eq(parent));
        }
        if Row::find_by_statement(db.get_database_backend().build(&q)).one(db).await?.is_none() {
            return Ok(false);
        }
        parent = code;
    }
    Ok(true)
}

/// The name of one area, if the code exists.
pub async fn name_of(db: &impl ConnectionTrait, level: RegionLevel, code: &str) -> Result<Option<String>> {
    let (table, _) = level.table();
    let mut q = Query::select();
    q.columns([Alias::new("code"), Alias::new("name")])
        .from(Alias::new(table))
        .and_where(Expr::col(Alias::new("code")).eq(code));
    Ok(Row::find_by_statement(db.get_database_backend().build(&q)).one(db).await?.map(|r| r.name))
}
