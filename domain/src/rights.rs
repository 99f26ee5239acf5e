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
}

impl Right {
    pub const ALL: [Right; 13] = [
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
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Right;

    #[test]
    fn the_thirteen_rights_of_the_manual() {
        let labels: std::collections::HashSet<_> = Right::ALL.iter().map(|r| r.label()).collect();
        assert_eq!(labels.len(), 13);
        assert!(labels.contains("Request LIVE") && labels.contains("Admin Manajemen User"));
    }
}
