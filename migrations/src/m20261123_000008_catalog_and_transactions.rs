//! The product catalog (categories, products with fees and status, which
//! products each partner may sell) and the gateway's transactions.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum ProductCategories {
    Table,
    Code,
    Name,
    Sort,
}

#[derive(DeriveIden)]
enum Products {
    Table,
    Code,
    Name,
    Category,
    Biller,
    /// `dual` (inquiry then payment) or `single` (SinglePayment).
    Flow,
    Price,
    AdminFee,
    PartnerFee,
    BuyPrice,
    OperatorPrefix,
    Status,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum PartnerProducts {
    Table,
    UserId,
    ProductCode,
    ActivatedAt,
}

#[derive(DeriveIden)]
enum Transactions {
    Table,
    Id,
    UserId,
    Environment,
    Kind,
    ProductCode,
    CustomerId,
    ReferenceId,
    Status,
    Rc,
    Tagihan,
    Admin,
    Total,
    Data,
    BillerRef,
    CreatedAt,
    UpdatedAt,
    FinalAt,
}

/// (code, name, category, biller, flow, price, admin fee, buy price, operator prefix)
type Seed = (&'static str, &'static str, &'static str, &'static str, &'static str, i64, i64, i64, Option<&'static str>);

const CATEGORIES: [(&str, &str); 8] = [
    ("PLN", "Listrik PLN"),
    ("PDAM", "Air PDAM"),
    ("BPJS", "BPJS Kesehatan"),
    ("TELKOM", "Telepon & Internet Pascabayar"),
    ("PULSA", "Pulsa Prabayar"),
    ("DATA", "Paket Data"),
    ("EWALLET", "Dompet Elektronik"),
    ("PBB", "Pajak Bumi dan Bangunan"),
];

const PRODUCTS: &[Seed] = &[
    ("100301", "PLN Pascabayar", "PLN", "pln", "dual", 0, 2_750, 0, None),
    ("100302", "PLN Prabayar (Token)", "PLN", "pln", "dual", 0, 2_750, 0, None),
    ("100311", "PLN Non Taglis", "PLN", "pln", "dual", 0, 3_000, 0, None),
    ("400461", "PDAM Kota Bandung", "PDAM", "pdam", "dual", 0, 2_500, 0, None),
    ("400011", "PDAM Surya Sembada Kota Surabaya", "PDAM", "pdam", "dual", 0, 2_000, 0, None),
    ("400231", "PDAM Tirta Nadi Medan", "PDAM", "pdam", "dual", 0, 4_300, 0, None),
    ("900001", "BPJS Kesehatan", "BPJS", "bpjs", "dual", 0, 2_500, 0, None),
    ("520011", "Telkom PSTN", "TELKOM", "telkom", "dual", 0, 2_500, 0, None),
    ("520101", "IndiHome", "TELKOM", "telkom", "dual", 0, 2_500, 0, None),
    ("520021", "Telkomsel Halo", "TELKOM", "telkom", "dual", 0, 2_500, 0, None),
    ("741011", "PBB Kota Bandung", "PBB", "pbb", "dual", 0, 5_000, 0, None),
    ("741021", "PBB Kabupaten Bogor", "PBB", "pbb", "dual", 0, 5_500, 0, None),
    ("500511", "Indosat 5.000", "PULSA", "pulsa", "single", 6_150, 0, 5_900, Some("11")),
    ("501011", "Indosat 10.000", "PULSA", "pulsa", "single", 11_100, 0, 10_850, Some("11")),
    ("502511", "Indosat 25.000", "PULSA", "pulsa", "single", 25_600, 0, 25_300, Some("11")),
    ("500521", "Telkomsel 5.000", "PULSA", "pulsa", "single", 6_350, 0, 6_100, Some("21")),
    ("501021", "Telkomsel 10.000", "PULSA", "pulsa", "single", 10_950, 0, 10_700, Some("21")),
    ("502521", "Telkomsel 25.000", "PULSA", "pulsa", "single", 25_400, 0, 25_150, Some("21")),
    ("505021", "Telkomsel 50.000", "PULSA", "pulsa", "single", 50_100, 0, 49_800, Some("21")),
    ("510021", "Telkomsel 100.000", "PULSA", "pulsa", "single", 99_250, 0, 98_900, Some("21")),
    ("501031", "XL 10.000", "PULSA", "pulsa", "single", 11_000, 0, 10_750, Some("31")),
    ("502531", "XL 25.000", "PULSA", "pulsa", "single", 25_250, 0, 24_950, Some("31")),
    ("501041", "Tri 10.000", "PULSA", "pulsa", "single", 10_300, 0, 10_050, Some("41")),
    ("501051", "Axis 10.000", "PULSA", "pulsa", "single", 11_000, 0, 10_750, Some("51")),
    ("501081", "Smartfren 10.000", "PULSA", "pulsa", "single", 10_400, 0, 10_150, Some("81")),
    ("5D0121", "Telkomsel Data 1 GB", "DATA", "pulsa", "single", 15_500, 0, 15_100, Some("21")),
    ("751021", "OVO 20.000", "EWALLET", "ewallet", "single", 21_000, 0, 20_700, None),
    ("752021", "GoPay 20.000", "EWALLET", "ewallet", "single", 21_000, 0, 20_700, None),
    ("754021", "DANA 20.000", "EWALLET", "ewallet", "single", 21_000, 0, 20_650, None),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(ProductCategories::Table)
                    .col(string_len(ProductCategories::Code, 12).primary_key())
                    .col(string_len(ProductCategories::Name, 80))
                    .col(integer(ProductCategories::Sort))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Products::Table)
                    .col(string_len(Products::Code, 12).primary_key())
                    .col(string_len(Products::Name, 100))
                    .col(string_len(Products::Category, 12))
                    .col(string_len(Products::Biller, 20))
                    .col(string_len(Products::Flow, 10))
                    .col(big_integer(Products::Price))
                    .col(big_integer(Products::AdminFee))
                    .col(big_integer(Products::PartnerFee))
                    .col(big_integer(Products::BuyPrice))
                    .col(string_len_null(Products::OperatorPrefix, 4))
                    .col(string_len(Products::Status, 12))
                    .col(timestamp_with_time_zone(Products::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(PartnerProducts::Table)
                    .col(uuid(PartnerProducts::UserId))
                    .col(string_len(PartnerProducts::ProductCode, 12))
                    .col(timestamp_with_time_zone(PartnerProducts::ActivatedAt))
                    .primary_key(Index::create().col(PartnerProducts::UserId).col(PartnerProducts::ProductCode))
                    .foreign_key(&mut crate::owned_by_user(PartnerProducts::Table, PartnerProducts::UserId))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Transactions::Table)
                    .col(uuid(Transactions::Id).primary_key())
                    .col(uuid(Transactions::UserId))
                    .col(string_len(Transactions::Environment, 12))
                    .col(string_len(Transactions::Kind, 10))
                    .col(string_len(Transactions::ProductCode, 12))
                    .col(string_len(Transactions::CustomerId, 40))
                    .col(string_len(Transactions::ReferenceId, 40))
                    .col(string_len(Transactions::Status, 12))
                    .col(string_len(Transactions::Rc, 4))
                    .col(big_integer(Transactions::Tagihan))
                    .col(big_integer(Transactions::Admin))
                    .col(big_integer(Transactions::Total))
                    .col(text(Transactions::Data))
                    .col(string_len_null(Transactions::BillerRef, 60))
                    .col(timestamp_with_time_zone(Transactions::CreatedAt))
                    .col(timestamp_with_time_zone(Transactions::UpdatedAt))
                    .col(timestamp_with_time_zone_null(Transactions::FinalAt))
                    .foreign_key(&mut crate::owned_by_user(Transactions::Table, Transactions::UserId))
                    .to_owned(),
            )
            .await?;
        // A reference serves one inquiry and one payment of a merchant in an
        // environment: a second payment with it cannot be written.
        crate::index(
            manager,
            "uq_transactions_reference",
            Transactions::Table,
            [Transactions::UserId, Transactions::Environment, Transactions::ReferenceId, Transactions::Kind],
            true,
        )
        .await?;
        crate::index(manager, "idx_transactions_status", Transactions::Table, [Transactions::Status], false).await?;
        seed(manager).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            Transactions::Table.into_iden(),
            PartnerProducts::Table.into_iden(),
            Products::Table.into_iden(),
            ProductCategories::Table.into_iden(),
        ] {
            manager.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}

async fn seed(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    let mut cats = Query::insert();
    cats.into_table(ProductCategories::Table).columns([
        ProductCategories::Code,
        ProductCategories::Name,
        ProductCategories::Sort,
    ]);
    for (i, (code, name)) in CATEGORIES.iter().enumerate() {
        cats.values_panic([(*code).into(), (*name).into(), (i as i32).into()]);
    }
    manager.exec_stmt(cats.to_owned()).await?;
    let mut products = Query::insert();
    products.into_table(Products::Table).columns([
        Products::Code,
        Products::Name,
        Products::Category,
        Products::Biller,
        Products::Flow,
        Products::Price,
        Products::AdminFee,
        Products::PartnerFee,
        Products::BuyPrice,
        Products::OperatorPrefix,
        Products::Status,
        Products::UpdatedAt,
    ]);
    for (code, name, cat, biller, flow, price, admin, buy, prefix) in PRODUCTS {
        products.values_panic([
            (*code).into(),
            (*name).into(),
            (*cat).into(),
            (*biller).into(),
            (*flow).into(),
            (*price).into(),
            (*admin).into(),
            0i64.into(),
            (*buy).into(),
            prefix.map(str::to_owned).into(),
            "aktif".into(),
            Expr::current_timestamp(),
        ]);
    }
    manager.exec_stmt(products.to_owned()).await
}
