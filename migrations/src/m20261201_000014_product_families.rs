//! Sub-family codes of `getHargaByProductID` (open-api.md §4): partners'
//! clients ask for a price list by codes such as `AAE.AAAB` (pulsa of one
//! operator), not by our category names. Each code is catalog data: a
//! category, and for pulsa the operator prefix of `getPulsa-Prabayar`.
//! Streaming, pay TV and voucher families are listed for the catalog work
//! that adds their products.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum ProductFamilies {
    Table,
    Code,
    Name,
    Category,
    OperatorPrefix,
}

/// (code, name, category, operator prefix)
const FAMILIES: &[(&str, &str, &str, Option<&str>)] = &[
    ("AAE.AAAA", "Pulsa Indosat", "PULSA", Some("11")),
    ("AAE.AAAB", "Pulsa Telkomsel", "PULSA", Some("21")),
    ("AAE.AAAC", "Pulsa XL", "PULSA", Some("31")),
    ("AAE.AAAD", "Pulsa Tri", "PULSA", Some("41")),
    ("AAE.AAAE", "Pulsa Axis", "PULSA", Some("51")),
    ("AAE.AAAF", "Pulsa Smartfren", "PULSA", Some("81")),
    ("AAE.AAAG", "Pulsa By.U", "PULSA", Some("61")),
    ("AAE.AAAH", "Pulsa Ceria", "PULSA", Some("71")),
    ("AAB.AAAA", "Netflix", "STREAMING", None),
    ("AAB.AAAB", "Vidio", "STREAMING", None),
    ("AAB.AABA", "Spotify", "STREAMING", None),
    ("AAH.AAAL", "TV Berbayar", "TV BERBAYAR", None),
    ("AAN.AAAA", "Voucher Belanja", "VOUCHER", None),
    ("AAN.AAAB", "Voucher Makanan", "VOUCHER", None),
    ("AAN.AAAC", "Voucher Hiburan", "VOUCHER", None),
    ("AAO.AAAA", "Voucher Game Mobile Legends", "VOUCHER GAME", None),
    ("AAO.AAAB", "Voucher Game Free Fire", "VOUCHER GAME", None),
    ("AAO.AABA", "Voucher Game Steam", "VOUCHER GAME", None),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(ProductFamilies::Table)
                    .col(string_len(ProductFamilies::Code, 12).primary_key())
                    .col(string_len(ProductFamilies::Name, 80))
                    .col(string_len(ProductFamilies::Category, 20))
                    .col(string_len_null(ProductFamilies::OperatorPrefix, 4))
                    .to_owned(),
            )
            .await?;
        let mut insert = Query::insert();
        insert.into_table(ProductFamilies::Table).columns([
            ProductFamilies::Code,
            ProductFamilies::Name,
            ProductFamilies::Category,
            ProductFamilies::OperatorPrefix,
        ]);
        for (code, name, category, prefix) in FAMILIES {
            insert.values_panic([(*code).into(), (*name).into(), (*category).into(), prefix.map(str::to_owned).into()]);
        }
        manager.exec_stmt(insert).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(Table::drop().table(ProductFamilies::Table).to_owned()).await
    }
}
