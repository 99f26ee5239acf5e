//! Response codes (open-api.md §6): every outcome a partner's client sees
//! is an `rc` with its text; `backend::Error` maps to one here, once.

use crate::error::Error;
use domain::Problem;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rc(pub &'static str);

impl Rc {
    pub const OK: Rc = Rc("00");
    pub const FORMAT: Rc = Rc("02");
    pub const NO_RESPONSE_HOST: Rc = Rc("05");
    pub const INSUFFICIENT: Rc = Rc("12");
    pub const UNKNOWN_PRODUCT: Rc = Rc("15");
    pub const SESSION: Rc = Rc("34");
    pub const DUPLICATE_REFERENCE: Rc = Rc("86");

    pub fn text(self) -> &'static str {
        text_of(self.0)
    }

    /// The one mapping from the use cases' error to a partner's rc.
    pub fn of(e: &Error) -> Rc {
        match e {
            Error::Invalid(_) => Rc::FORMAT,
            Error::Refused(p) | Error::TooSoon { problem: p, .. } => match p {
                Problem::SessionInvalid | Problem::NotLoggedIn => Rc::SESSION,
                Problem::InsufficientDeposit => Rc::INSUFFICIENT,
                Problem::DuplicateReference => Rc::DUPLICATE_REFERENCE,
                Problem::NotFound => Rc("19"),
                Problem::Forbidden => Rc("41"),
                Problem::AmountInvalid => Rc("70"),
                Problem::Required | Problem::TooLong => Rc::FORMAT,
                _ => Rc("10"),
            },
            Error::Unexpected(_) => Rc::NO_RESPONSE_HOST,
        }
    }
}

/// The documented text of an rc (open-api.md §6).
pub fn text_of(rc: &str) -> &'static str {
    match rc {
        "00" => "Transaksi berhasil",
        "01" => "Error tidak terdefinisi",
        "02" => "Format message salah",
        "03" => "Tidak diresponse oleh biller",
        "04" => "No response from biller",
        "05" => "No response from host",
        "10" | "27" => "Transaksi tidak dapat dilakukan",
        "12" => "Saldo tidak mencukupi",
        "14" => "Kendala media penyimpanan",
        "15" => "Produk tidak dikenal",
        "17" => "Transaksi gagal",
        "18" => "Switching hulu belum registrasi",
        "19" => "Data tidak ditemukan",
        "34" => "Session expired",
        "37" => "Error setting admin bank",
        "38" => "Link ke biller terputus",
        "39" => "Timeout from biller",
        "40" => "Jenis message tidak dikenal",
        "41" => "Tidak diperbolehkan transaksi produk ini",
        "42" => "Harga jual tidak valid",
        "46" => "Transaksi sudah kadaluwarsa",
        "60" => "Bayar di kantor PDAM",
        "61" => "Harus inquiry terlebih dahulu",
        "62" => "Tagihan baru belum tersedia",
        "64" => "Tagihan sudah terbayar",
        "65" => "Nomor pelanggan salah",
        "67" => "Kegagalan saat proses transaksi",
        "68" => "Limit transaksi per hari tercapai",
        "69" => "Nomor tidak diperbolehkan transaksi",
        "70" => "Nominal pembayaran salah",
        "71" => "Transaksi sedang diproses",
        "72" => "Pembayaran melebihi batas maksimal",
        "73" => "Kegagalan routing transaksi",
        "74" => "Transaksi sudah lunas",
        "75" => "Jeda minimal 10 menit untuk nominal sama",
        "78" => "Nomor sudah kadaluwarsa",
        "79" => "Tunggakan melebihi maksimal",
        "80" => "Data tidak tersedia atau sudah lunas",
        "83" => "Nomor sedang diblokir",
        "85" => "Sedang dalam masa cut off",
        "86" => "Kode referensi sudah digunakan",
        _ => "Error tidak terdefinisi",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_map_to_the_documented_codes() {
        assert_eq!(Rc::of(&Error::Refused(Problem::SessionInvalid)), Rc("34"));
        assert_eq!(Rc::of(&Error::Refused(Problem::InsufficientDeposit)).text(), "Saldo tidak mencukupi");
        assert_eq!(Rc::of(&Error::field("merchantID", Problem::Required)), Rc("02"));
        assert_eq!(Rc::of(&Error::Unexpected(anyhow::anyhow!("db down"))), Rc("05"));
        assert_eq!(Rc("86").text(), "Kode referensi sudah digunakan");
    }
}
