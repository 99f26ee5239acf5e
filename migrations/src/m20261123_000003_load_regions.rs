//! Indonesia's administrative areas (province → regency/city → district →
//! village) from `idn-area-data` (ODbL, see `data/idn-area/NOTICE.md`),
//! embedded in the binary so no network is needed at run time.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// One level of the hierarchy: table name, file, and whether it has a parent.
struct Level {
    table: &'static str,
    parent: Option<&'static str>,
    csv: &'static str,
}

const LEVELS: [Level; 4] = [
    Level { table: "provinces", parent: None, csv: include_str!("../data/idn-area/provinces.csv") },
    Level { table: "regencies", parent: Some("province_code"), csv: include_str!("../data/idn-area/regencies.csv") },
    Level { table: "districts", parent: Some("regency_code"), csv: include_str!("../data/idn-area/districts.csv") },
    Level { table: "villages", parent: Some("district_code"), csv: include_str!("../data/idn-area/villages.csv") },
];

/// Rows per INSERT statement (well under SQLite's bound-variable limit).
const BATCH: usize = 500;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for level in &LEVELS {
            create(manager, level).await?;
            load(manager, level).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for level in LEVELS.iter().rev() {
            manager.drop_table(Table::drop().table(Alias::new(level.table)).to_owned()).await?;
        }
        Ok(())
    }
}

async fn create(manager: &SchemaManager<'_>, level: &Level) -> Result<(), DbErr> {
    let mut t = Table::create();
    t.table(Alias::new(level.table)).col(string_len(Alias::new("code"), 13).primary_key());
    if let Some(parent) = level.parent {
        t.col(string_len(Alias::new(parent), 13));
    }
    t.col(string_len(Alias::new("name"), 100));
    manager.create_table(t.to_owned()).await?;
    if let Some(parent) = level.parent {
        crate::index(
            manager,
            &format!("idx_{}_{parent}", level.table),
            Alias::new(level.table),
            [Alias::new(parent)],
            false,
        )
        .await?;
    }
    Ok(())
}

async fn load(manager: &SchemaManager<'_>, level: &Level) -> Result<(), DbErr> {
    let mut columns = vec![Alias::new("code")];
    columns.extend(level.parent.map(Alias::new));
    columns.push(Alias::new("name"));
    let mut reader = csv::Reader::from_reader(level.csv.as_bytes());
    let rows: Vec<csv::StringRecord> =
        reader.records().collect::<Result<_, _>>().map_err(|e| DbErr::Custom(format!("{}: {e}", level.table)))?;
    for chunk in rows.chunks(BATCH) {
        let mut insert = Query::insert();
        insert.into_table(Alias::new(level.table)).columns(columns.clone());
        for record in chunk {
            let values: Vec<SimpleExpr> = record.iter().map(|v| v.trim().into()).collect();
            insert.values(values).map_err(|e| DbErr::Custom(format!("{}: {e}", level.table)))?;
        }
        manager.exec_stmt(insert.to_owned()).await?;
    }
    Ok(())
}
