//! The catalog as the manual shows it (§9, "Pilih Kategori Produk"): its
//! fourteen categories (plus PAKET DATA, which the seeded data packages
//! need), the seeded products moved into them, a realistic set of products
//! for the categories that had none, and each product's sub-family code
//! (`products.family`) so `getHargaByProductID` answers exactly the family a
//! partner's client asks for. Our earlier category names stay as family
//! aliases, so clients that learned them keep working.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DatabaseBackend;

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
    Flow,
    Price,
    AdminFee,
    PartnerFee,
    BuyPrice,
    OperatorPrefix,
    Status,
    UpdatedAt,
    Family,
}

#[derive(DeriveIden)]
enum ProductFamilies {
    Table,
    Code,
    Name,
    Category,
    OperatorPrefix,
}

/// The manual's categories, in its order, then what seeded products need.
const CATEGORIES: &[(&str, &str)] = &[
    ("ASURANSI", "Asuransi"),
    ("LISTRIK", "Listrik"),
    ("MULTIFINANCE", "Multifinance"),
    ("PAJAK", "Pajak"),
    ("PDAM", "PDAM"),
    ("PULSA", "Pulsa"),
    ("REMITTANCE", "Remittance"),
    ("STREAMING", "Streaming"),
    ("TELEKOMUNIKASI", "Telekomunikasi"),
    ("TRANSFER DANA", "Transfer Dana"),
    ("TV BERBAYAR", "TV Berbayar"),
    ("UANG ELEKTRONIK", "Uang Elektronik"),
    ("VOUCHER GAME", "Voucher Game"),
    ("ZAKAT", "Zakat"),
    ("PAKET DATA", "Paket Data"),
    ("VOUCHER", "Voucher"),
];

/// Our first category names → the manual's (also kept as family aliases).
const RENAMED: &[(&str, &str, &str)] = &[
    ("PLN", "LISTRIK", "Listrik PLN"),
    ("BPJS", "ASURANSI", "BPJS"),
    ("TELKOM", "TELEKOMUNIKASI", "Telepon & Internet Pascabayar"),
    ("EWALLET", "UANG ELEKTRONIK", "Dompet Elektronik"),
    ("PBB", "PAJAK", "Pajak Bumi dan Bangunan"),
    ("DATA", "PAKET DATA", "Paket Data"),
];

/// (code, name, category, biller, flow, price, admin fee, buy price, family)
type Seed = (&'static str, &'static str, &'static str, &'static str, &'static str, i64, i64, i64, Option<&'static str>);

const NEW_PRODUCTS: &[Seed] = &[
    ("900002", "BPJS Ketenagakerjaan", "ASURANSI", "bpjs", "dual", 0, 2_500, 0, None),
    ("200011", "Adira Finance", "MULTIFINANCE", "multifinance", "dual", 0, 3_500, 0, None),
    ("200021", "FIF Group", "MULTIFINANCE", "multifinance", "dual", 0, 3_500, 0, None),
    ("200031", "BAF (Bussan Auto Finance)", "MULTIFINANCE", "multifinance", "dual", 0, 3_500, 0, None),
    ("200041", "WOM Finance", "MULTIFINANCE", "multifinance", "dual", 0, 3_500, 0, None),
    ("741031", "PBB Kota Surabaya", "PAJAK", "pbb", "dual", 0, 5_000, 0, None),
    ("743011", "Samsat Jawa Barat (PKB)", "PAJAK", "pbb", "dual", 0, 5_500, 0, None),
    ("610011", "Western Union (Terima Uang)", "REMITTANCE", "remittance", "dual", 0, 5_000, 0, None),
    ("610021", "MoneyGram (Terima Uang)", "REMITTANCE", "remittance", "dual", 0, 5_000, 0, None),
    ("620014", "Transfer ke BCA", "TRANSFER DANA", "transfer", "dual", 0, 6_500, 0, None),
    ("620008", "Transfer ke Mandiri", "TRANSFER DANA", "transfer", "dual", 0, 6_500, 0, None),
    ("620002", "Transfer ke BRI", "TRANSFER DANA", "transfer", "dual", 0, 6_500, 0, None),
    ("620009", "Transfer ke BNI", "TRANSFER DANA", "transfer", "dual", 0, 6_500, 0, None),
    ("NFX054", "Netflix Mobile 1 Bulan", "STREAMING", "streaming", "single", 54_000, 0, 53_000, Some("AAB.AAAA")),
    ("NFX186", "Netflix Premium 1 Bulan", "STREAMING", "streaming", "single", 186_000, 0, 183_000, Some("AAB.AAAA")),
    ("VID039", "Vidio Platinum 1 Bulan", "STREAMING", "streaming", "single", 39_000, 0, 37_500, Some("AAB.AAAB")),
    ("SPT055", "Spotify Premium 1 Bulan", "STREAMING", "streaming", "single", 55_000, 0, 53_900, Some("AAB.AABA")),
    ("520031", "MNC Vision", "TV BERBAYAR", "paytv", "dual", 0, 2_500, 0, Some("AAH.AAAL")),
    ("550031", "K-Vision Paket Bulanan", "TV BERBAYAR", "paytv", "dual", 0, 2_500, 0, Some("AAH.AAAL")),
    ("520041", "Transvision", "TV BERBAYAR", "paytv", "dual", 0, 2_500, 0, Some("AAH.AAAL")),
    ("753021", "Mandiri e-Money 20.000", "UANG ELEKTRONIK", "ewallet", "single", 21_500, 0, 21_000, None),
    ("755021", "LinkAja 20.000", "UANG ELEKTRONIK", "ewallet", "single", 21_000, 0, 20_700, None),
    ("756021", "ShopeePay 20.000", "UANG ELEKTRONIK", "ewallet", "single", 21_000, 0, 20_650, None),
    ("MLB086", "Mobile Legends 86 Diamond", "VOUCHER GAME", "voucher", "single", 24_500, 0, 23_800, Some("AAO.AAAA")),
    ("FFR140", "Free Fire 140 Diamond", "VOUCHER GAME", "voucher", "single", 20_000, 0, 19_400, Some("AAO.AAAB")),
    ("STM060", "Steam Wallet IDR 60.000", "VOUCHER GAME", "voucher", "single", 66_000, 0, 64_500, Some("AAO.AABA")),
    ("ALF050", "Voucher Alfamart 50.000", "VOUCHER", "voucher", "single", 50_500, 0, 50_000, Some("AAN.AAAA")),
    ("GRF050", "Voucher GrabFood 50.000", "VOUCHER", "voucher", "single", 50_500, 0, 49_800, Some("AAN.AAAB")),
    ("CGV050", "Voucher CGV 50.000", "VOUCHER", "voucher", "single", 50_500, 0, 49_500, Some("AAN.AAAC")),
    ("800011", "Zakat BAZNAS", "ZAKAT", "zakat", "dual", 0, 0, 0, None),
    ("800021", "Infaq Dompet Dhuafa", "ZAKAT", "zakat", "dual", 0, 0, 0, None),
];

/// Pulsa sub-families by operator prefix (`AAE.AAAA` … in migration 14).
const PULSA_FAMILIES: &[(&str, &str)] = &[
    ("11", "AAE.AAAA"),
    ("21", "AAE.AAAB"),
    ("31", "AAE.AAAC"),
    ("41", "AAE.AAAD"),
    ("51", "AAE.AAAE"),
    ("81", "AAE.AAAF"),
    ("61", "AAE.AAAG"),
    ("71", "AAE.AAAH"),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        widen_category_columns(manager).await?;
        let mut family = ColumnDef::new(Products::Family);
        family.string_len(12).null();
        manager.alter_table(Table::alter().table(Products::Table).add_column(&mut family).to_owned()).await?;

        for (sort, (code, name)) in CATEGORIES.iter().enumerate() {
            let mut row = Query::insert();
            row.into_table(ProductCategories::Table)
                .columns([ProductCategories::Code, ProductCategories::Name, ProductCategories::Sort])
                .values_panic([(*code).into(), (*name).into(), (sort as i32).into()])
                // PDAM and PULSA are there already: they take their place.
                .on_conflict(
                    OnConflict::column(ProductCategories::Code)
                        .update_columns([ProductCategories::Name, ProductCategories::Sort])
                        .to_owned(),
                );
            manager.exec_stmt(row).await?;
        }
        for (old, new, name) in RENAMED {
            let mv = Query::update()
                .table(Products::Table)
                .value(Products::Category, *new)
                .and_where(Expr::col(Products::Category).eq(*old))
                .to_owned();
            manager.exec_stmt(mv).await?;
            let gone = Query::delete()
                .from_table(ProductCategories::Table)
                .and_where(Expr::col(ProductCategories::Code).eq(*old))
                .to_owned();
            manager.exec_stmt(gone).await?;
            let mut alias = Query::insert();
            alias
                .into_table(ProductFamilies::Table)
                .columns([
                    ProductFamilies::Code,
                    ProductFamilies::Name,
                    ProductFamilies::Category,
                    ProductFamilies::OperatorPrefix,
                ])
                .values_panic([(*old).into(), (*name).into(), (*new).into(), Option::<String>::None.into()]);
            manager.exec_stmt(alias).await?;
        }
        for (prefix, code) in PULSA_FAMILIES {
            let tag = Query::update()
                .table(Products::Table)
                .value(Products::Family, *code)
                .and_where(Expr::col(Products::Category).eq("PULSA"))
                .and_where(Expr::col(Products::OperatorPrefix).eq(*prefix))
                .to_owned();
            manager.exec_stmt(tag).await?;
        }
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
            Products::Family,
        ]);
        for (code, name, cat, biller, flow, price, admin, buy, family) in NEW_PRODUCTS {
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
                Option::<String>::None.into(),
                "aktif".into(),
                Expr::current_timestamp(),
                family.map(str::to_owned).into(),
            ]);
        }
        manager.exec_stmt(products).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let codes: Vec<&str> = NEW_PRODUCTS.iter().map(|p| p.0).collect();
        manager
            .exec_stmt(
                Query::delete()
                    .from_table(Products::Table)
                    .and_where(Expr::col(Products::Code).is_in(codes))
                    .to_owned(),
            )
            .await?;
        for (old, new, name) in RENAMED {
            let back = Query::update()
                .table(Products::Table)
                .value(Products::Category, *old)
                .and_where(Expr::col(Products::Category).eq(*new))
                .to_owned();
            manager.exec_stmt(back).await?;
            let mut row = Query::insert();
            row.into_table(ProductCategories::Table)
                .columns([ProductCategories::Code, ProductCategories::Name, ProductCategories::Sort])
                .values_panic([(*old).into(), (*name).into(), 0.into()]);
            manager.exec_stmt(row).await?;
            manager
                .exec_stmt(
                    Query::delete()
                        .from_table(ProductFamilies::Table)
                        .and_where(Expr::col(ProductFamilies::Code).eq(*old))
                        .to_owned(),
                )
                .await?;
        }
        let manual: Vec<&str> = CATEGORIES.iter().map(|c| c.0).collect();
        manager
            .exec_stmt(
                Query::delete()
                    .from_table(ProductCategories::Table)
                    .and_where(Expr::col(ProductCategories::Code).is_in(manual))
                    .to_owned(),
            )
            .await?;
        manager.alter_table(Table::alter().table(Products::Table).drop_column(Products::Family).to_owned()).await
    }
}

/// The manual's category names are longer than the 12 characters the first
/// catalog allowed. SQLite does not enforce a VARCHAR length (nor can it
/// change one); PostgreSQL does, so there the columns are widened.
async fn widen_category_columns(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    if manager.get_database_backend() != DatabaseBackend::Postgres {
        return Ok(());
    }
    for (table, column) in [("product_categories", "code"), ("products", "category"), ("product_families", "category")]
    {
        let sql = format!("ALTER TABLE {table} ALTER COLUMN {column} TYPE VARCHAR(40)");
        manager.get_connection().execute_unprepared(&sql).await?;
    }
    Ok(())
}
