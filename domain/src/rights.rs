//! What a partner's user may do in the portal: the per-page rights of the
//! manual's "Manajemen User" (Gambar 51). The account's owner has every
//! right; sub-users will have the ones the owner ticks.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Right {
    RequestLive,
    RequestUat,
    PelunasanHarian,
    RekapPelunasan,
    RekeningKoran,
    LaporanHalamanUtama,
    StatusTransaksi,
    KoneksiHalamanUtama,
    PengaturanKoneksi,
    DataProduk,
    Produk,
    AdminManajemenUser,
    SubmitProfil,
    TopUpDeposit,
}

impl Right {
    pub const ALL: [Right; 14] = [
        Right::RequestLive,
        Right::RequestUat,
        Right::PelunasanHarian,
        Right::RekapPelunasan,
        Right::RekeningKoran,
        Right::LaporanHalamanUtama,
        Right::StatusTransaksi,
        Right::KoneksiHalamanUtama,
        Right::PengaturanKoneksi,
        Right::DataProduk,
        Right::Produk,
        Right::AdminManajemenUser,
        Right::SubmitProfil,
        Right::TopUpDeposit,
    ];

    /// The manual's label, as the rights table shows it.
    pub fn label(self) -> &'static str {
        match self {
            Right::RequestLive => "Request LIVE",
            Right::RequestUat => "Request UAT",
            Right::PelunasanHarian => "Pelunasan Harian",
            Right::RekapPelunasan => "Rekap Pelunasan",
            Right::RekeningKoran => "Rekening Koran",
            Right::LaporanHalamanUtama => "Laporan Halaman Utama",
            Right::StatusTransaksi => "Status Transaksi",
            Right::KoneksiHalamanUtama => "Koneksi Halaman Utama",
            Right::PengaturanKoneksi => "Pengaturan Koneksi",
            Right::DataProduk => "Data Produk",
            Right::Produk => "Produk",
            Right::AdminManajemenUser => "Admin Manajemen User",
            Right::SubmitProfil => "Submit Profil",
            Right::TopUpDeposit => "Top Up Deposit",
        }
    }
}

/// The manual's five groups of the "Akses Akun" matrix, in its order, and
/// the deposit's own (top-up moves money: a right apart).
pub const GROUPS: [(&str, &[Right]); 6] = [
    ("Integrasi API", &[Right::RequestLive, Right::RequestUat]),
    (
        "Laporan Transaksi",
        &[
            Right::PelunasanHarian,
            Right::RekapPelunasan,
            Right::RekeningKoran,
            Right::LaporanHalamanUtama,
            Right::StatusTransaksi,
        ],
    ),
    ("Koneksi", &[Right::KoneksiHalamanUtama, Right::PengaturanKoneksi]),
    ("Transaksi Produk", &[Right::DataProduk, Right::Produk]),
    ("Manajemen User", &[Right::AdminManajemenUser, Right::SubmitProfil]),
    ("Deposit", &[Right::TopUpDeposit]),
];

impl Right {
    /// The checkbox label of the matrix (Gambar 52).
    pub fn page_label(self) -> &'static str {
        match self {
            Right::RequestLive => "Halaman Request LIVE",
            Right::RequestUat => "Halaman Request UAT",
            Right::PelunasanHarian => "Halaman Pelunasan Harian",
            Right::RekapPelunasan => "Halaman Rekap Pelunasan",
            Right::RekeningKoran => "Halaman Rekening Koran",
            Right::LaporanHalamanUtama => "Halaman Utama",
            Right::StatusTransaksi => "Halaman Status Transaksi",
            Right::KoneksiHalamanUtama => "Halaman Utama Koneksi",
            Right::PengaturanKoneksi => "Halaman Utama Pengaturan Koneksi",
            Right::DataProduk => "Halaman Utama Data Produk",
            Right::Produk => "Halaman Utama Produk",
            Right::AdminManajemenUser => "Admin Manajemen User",
            Right::SubmitProfil => "Halaman Submit Profil",
            Right::TopUpDeposit => "Halaman Top Up Deposit",
        }
    }

    /// The stable name stored in the database (the variant's name).
    pub fn code(self) -> &'static str {
        match self {
            Right::RequestLive => "RequestLive",
            Right::RequestUat => "RequestUat",
            Right::PelunasanHarian => "PelunasanHarian",
            Right::RekapPelunasan => "RekapPelunasan",
            Right::RekeningKoran => "RekeningKoran",
            Right::LaporanHalamanUtama => "LaporanHalamanUtama",
            Right::StatusTransaksi => "StatusTransaksi",
            Right::KoneksiHalamanUtama => "KoneksiHalamanUtama",
            Right::PengaturanKoneksi => "PengaturanKoneksi",
            Right::DataProduk => "DataProduk",
            Right::Produk => "Produk",
            Right::AdminManajemenUser => "AdminManajemenUser",
            Right::SubmitProfil => "SubmitProfil",
            Right::TopUpDeposit => "TopUpDeposit",
        }
    }

    pub fn from_code(code: &str) -> Option<Right> {
        Right::ALL.into_iter().find(|r| r.code() == code)
    }
}

/// Which right opens which page of the portal (and everything under it):
/// the server refuses a page request without it (HTTP 403) and the menu
/// leaves its entry out. Report pages have their rights before they exist.
/// Pages not listed (dashboard, own password) are open to every user.
pub const PAGES: &[(&str, Right)] = &[
    ("/profil", Right::SubmitProfil),
    ("/integrasi/live", Right::RequestLive),
    ("/integrasi", Right::RequestUat),
    ("/koneksi", Right::KoneksiHalamanUtama),
    ("/produk", Right::DataProduk),
    ("/manajemen-user", Right::AdminManajemenUser),
    ("/laporan/pelunasan-harian", Right::PelunasanHarian),
    ("/laporan/rekap-pelunasan", Right::RekapPelunasan),
    ("/laporan/rekening-koran", Right::RekeningKoran),
    ("/laporan/status-transaksi", Right::StatusTransaksi),
    ("/laporan", Right::LaporanHalamanUtama),
    ("/deposit/top-up", Right::TopUpDeposit),
];

/// The right a portal page needs (the most specific entry of `PAGES`).
pub fn for_page(path: &str) -> Option<Right> {
    let under = |prefix: &str| path == prefix || path.strip_prefix(prefix).is_some_and(|rest| rest.starts_with('/'));
    PAGES.iter().filter(|(p, _)| under(p)).max_by_key(|(p, _)| p.len()).map(|(_, r)| *r)
}

/// A set of rights as stored: codes joined by commas, in the matrix order.
pub fn encode(rights: &[Right]) -> String {
    Right::ALL.iter().filter(|r| rights.contains(r)).map(|r| r.code()).collect::<Vec<_>>().join(",")
}

/// The stored set; unknown codes (a right since renamed) are dropped.
pub fn decode(stored: &str) -> Vec<Right> {
    stored.split(',').filter_map(|c| Right::from_code(c.trim())).collect()
}

#[cfg(test)]
mod tests {
    use super::{decode, encode, for_page, Right, GROUPS};

    #[test]
    fn each_page_names_its_right() {
        assert_eq!(for_page("/integrasi/live"), Some(Right::RequestLive));
        assert_eq!(for_page("/integrasi/log/abc"), Some(Right::RequestUat));
        assert_eq!(for_page("/profil/ubah"), Some(Right::SubmitProfil));
        assert_eq!(for_page("/laporan/rekening-koran"), Some(Right::RekeningKoran));
        assert_eq!(for_page("/laporan"), Some(Right::LaporanHalamanUtama));
        assert_eq!(for_page("/dashboard"), None);
        assert_eq!(for_page("/profilx"), None);
    }

    #[test]
    fn the_thirteen_rights_of_the_manual_and_top_up() {
        let labels: std::collections::HashSet<_> = Right::ALL.iter().map(|r| r.label()).collect();
        assert_eq!(labels.len(), 14);
        assert!(labels.contains("Request LIVE") && labels.contains("Admin Manajemen User"));
        assert!(labels.contains("Top Up Deposit"));
        assert_eq!(for_page("/deposit/top-up"), Some(Right::TopUpDeposit));
    }

    #[test]
    fn every_right_is_in_exactly_one_group_and_survives_storage() {
        let grouped: Vec<Right> = GROUPS.iter().flat_map(|(_, rs)| rs.iter().copied()).collect();
        assert_eq!(grouped, Right::ALL.to_vec());
        assert_eq!(decode(&encode(&Right::ALL)), Right::ALL.to_vec());
        assert_eq!(
            decode(&encode(&[Right::SubmitProfil, Right::RequestLive])),
            vec![Right::RequestLive, Right::SubmitProfil]
        );
        assert_eq!(decode("Nope, Produk,"), vec![Right::Produk]);
        assert_eq!(encode(&[]), "");
    }
}
