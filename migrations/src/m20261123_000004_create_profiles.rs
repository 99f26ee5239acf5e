//! Partner profiles (KYB), their documents, and which documents each
//! business category requires (data, not code).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Profiles {
    Table,
    UserId,
    Service,
    Category,
    PersonalName,
    PersonalPhone,
    PersonalEmail,
    BusinessName,
    BusinessPhone,
    ProvinceCode,
    RegencyCode,
    DistrictCode,
    VillageCode,
    Address,
    Status,
    SubmittedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum ProfileDocuments {
    Table,
    Id,
    UserId,
    DocType,
    StorageKey,
    OriginalName,
    ContentType,
    SizeBytes,
    Status,
    Reason,
    UploadedAt,
}

#[derive(DeriveIden)]
enum DocumentTypes {
    Table,
    Code,
    NameId,
    NameEn,
    Sort,
}

#[derive(DeriveIden)]
enum RequiredDocuments {
    Table,
    Category,
    DocType,
}

/// The manual's documents, in its order (code, Indonesian, English).
const DOCUMENT_TYPES: [(&str, &str, &str); 8] = [
    ("akte_pendirian", "Akte Pendirian & SK Kemenkumham", "Deed of establishment & ministry decree"),
    ("akte_perubahan", "Akte Perubahan Terakhir & SK Kemenkumham", "Latest amendment deed & ministry decree"),
    ("ektp", "E-KTP Penanggung Jawab", "ID card (E-KTP) of the person in charge"),
    ("izin_lokasi", "Izin Lokasi", "Location permit"),
    ("izin_usaha", "Izin Usaha", "Business licence"),
    ("nib", "NIB", "Business identification number (NIB)"),
    ("npwp", "NPWP", "Tax number (NPWP)"),
    ("surat_kuasa", "Surat Kuasa", "Power of attorney"),
];

const ALL_EIGHT: [&str; 8] =
    ["akte_pendirian", "akte_perubahan", "ektp", "izin_lokasi", "izin_usaha", "nib", "npwp", "surat_kuasa"];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Profiles::Table)
                    .col(uuid(Profiles::UserId).primary_key())
                    .col(string_len(Profiles::Service, 20))
                    .col(string_len_null(Profiles::Category, 20))
                    .col(string_len(Profiles::PersonalName, 100))
                    .col(string_len(Profiles::PersonalPhone, 20))
                    .col(string_len(Profiles::PersonalEmail, 254))
                    .col(string_len(Profiles::BusinessName, 150))
                    .col(string_len(Profiles::BusinessPhone, 20))
                    .col(string_len_null(Profiles::ProvinceCode, 13))
                    .col(string_len_null(Profiles::RegencyCode, 13))
                    .col(string_len_null(Profiles::DistrictCode, 13))
                    .col(string_len_null(Profiles::VillageCode, 13))
                    .col(string_len(Profiles::Address, 500))
                    .col(string_len(Profiles::Status, 20))
                    .col(timestamp_with_time_zone_null(Profiles::SubmittedAt))
                    .col(timestamp_with_time_zone(Profiles::UpdatedAt))
                    .foreign_key(&mut crate::owned_by_user(Profiles::Table, Profiles::UserId))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ProfileDocuments::Table)
                    .col(uuid(ProfileDocuments::Id).primary_key())
                    .col(uuid(ProfileDocuments::UserId))
                    .col(string_len(ProfileDocuments::DocType, 32))
                    .col(string_len(ProfileDocuments::StorageKey, 100))
                    .col(string_len(ProfileDocuments::OriginalName, 150))
                    .col(string_len(ProfileDocuments::ContentType, 50))
                    .col(big_integer(ProfileDocuments::SizeBytes))
                    .col(string_len(ProfileDocuments::Status, 20))
                    .col(string_len_null(ProfileDocuments::Reason, 500))
                    .col(timestamp_with_time_zone(ProfileDocuments::UploadedAt))
                    .foreign_key(&mut crate::owned_by_user(ProfileDocuments::Table, ProfileDocuments::UserId))
                    .to_owned(),
            )
            .await?;
        crate::index(
            manager,
            "uq_profile_documents_user_type",
            ProfileDocuments::Table,
            [ProfileDocuments::UserId, ProfileDocuments::DocType],
            true,
        )
        .await?;
        manager
            .create_table(
                Table::create()
                    .table(DocumentTypes::Table)
                    .col(string_len(DocumentTypes::Code, 32).primary_key())
                    .col(string_len(DocumentTypes::NameId, 100))
                    .col(string_len(DocumentTypes::NameEn, 100))
                    .col(integer(DocumentTypes::Sort))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(RequiredDocuments::Table)
                    .col(string_len(RequiredDocuments::Category, 20))
                    .col(string_len(RequiredDocuments::DocType, 32))
                    .primary_key(Index::create().col(RequiredDocuments::Category).col(RequiredDocuments::DocType))
                    .to_owned(),
            )
            .await?;
        seed(manager).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for t in [
            RequiredDocuments::Table.into_iden(),
            DocumentTypes::Table.into_iden(),
            ProfileDocuments::Table.into_iden(),
            Profiles::Table.into_iden(),
        ] {
            manager.drop_table(Table::drop().table(t).to_owned()).await?;
        }
        Ok(())
    }
}

async fn seed(manager: &SchemaManager<'_>) -> Result<(), DbErr> {
    let mut types = Query::insert();
    types.into_table(DocumentTypes::Table).columns([
        DocumentTypes::Code,
        DocumentTypes::NameId,
        DocumentTypes::NameEn,
        DocumentTypes::Sort,
    ]);
    for (i, (code, id, en)) in DOCUMENT_TYPES.iter().enumerate() {
        types.values_panic([(*code).into(), (*id).into(), (*en).into(), (i as i32).into()]);
    }
    manager.exec_stmt(types.to_owned()).await?;
    // Perusahaan and Koperasi: the manual's eight; Pribadi: E-KTP and NPWP.
    let mut required = Query::insert();
    required.into_table(RequiredDocuments::Table).columns([RequiredDocuments::Category, RequiredDocuments::DocType]);
    for category in ["perusahaan", "koperasi"] {
        for doc in ALL_EIGHT {
            required.values_panic([category.into(), doc.into()]);
        }
    }
    for doc in ["ektp", "npwp"] {
        required.values_panic(["pribadi".into(), doc.into()]);
    }
    manager.exec_stmt(required.to_owned()).await
}
