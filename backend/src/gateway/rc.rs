//! Response codes (open-api.md §6): every outcome a partner's client sees
//! is an `rc` with its text; `backend::Error` maps to one here, once.

use crate::error::Error;
use domain::docs::Meaning;
use domain::Problem;

/// Declares the response codes once: variant, code, documented text.
macro_rules! response_codes {
    ($($name:ident = $code:literal, $text:literal;)*) => {
        /// Every documented response code (open-api.md §6).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Rc {
            $($name),*
        }

        impl Rc {
            pub const ALL: &'static [Rc] = &[$(Rc::$name),*];

            /// The two digits partners see in `rc`.
            pub fn code(self) -> &'static str {
                match self {
                    $(Rc::$name => $code),*
                }
            }

            /// The documented text, the `description` beside `rc`.
            pub fn text(self) -> &'static str {
                match self {
                    $(Rc::$name => $text),*
                }
            }
        }
    };
}

response_codes! {
    Success = "00", "Transaksi berhasil";
    Undefined = "01", "Error tidak terdefinisi";
    Format = "02", "Format message salah";
    NotAnsweredByBiller = "03", "Tidak diresponse oleh biller";
    NoResponseFromBiller = "04", "No response from biller";
    NoResponseFromHost = "05", "No response from host";
    NotAllowed = "10", "Transaksi tidak dapat dilakukan";
    InsufficientDeposit = "12", "Saldo tidak mencukupi";
    StorageProblem = "14", "Kendala media penyimpanan";
    UnknownProduct = "15", "Produk tidak dikenal";
    Failed = "17", "Transaksi gagal";
    UpstreamNotRegistered = "18", "Switching hulu belum registrasi";
    NotFound = "19", "Data tidak ditemukan";
    CannotTransact = "27", "Transaksi tidak dapat dilakukan";
    SessionExpired = "34", "Session expired";
    AdminBankSetting = "37", "Error setting admin bank";
    BillerLinkDown = "38", "Link ke biller terputus";
    BillerTimeout = "39", "Timeout from biller";
    UnknownMessage = "40", "Jenis message tidak dikenal";
    ProductNotAllowed = "41", "Tidak diperbolehkan transaksi produk ini";
    InvalidPrice = "42", "Harga jual tidak valid";
    Expired = "46", "Transaksi sudah kadaluwarsa";
    PayAtPdamOffice = "60", "Bayar di kantor PDAM";
    InquiryFirst = "61", "Harus inquiry terlebih dahulu";
    NewBillNotYet = "62", "Tagihan baru belum tersedia";
    AlreadyPaid = "64", "Tagihan sudah terbayar";
    WrongCustomerNumber = "65", "Nomor pelanggan salah";
    ProcessFailure = "67", "Kegagalan saat proses transaksi";
    DailyLimit = "68", "Limit transaksi per hari tercapai";
    NumberNotAllowed = "69", "Nomor tidak diperbolehkan transaksi";
    WrongAmount = "70", "Nominal pembayaran salah";
    Pending = "71", "Transaksi sedang diproses";
    OverMaximum = "72", "Pembayaran melebihi batas maksimal";
    RoutingFailure = "73", "Kegagalan routing transaksi";
    AlreadySettled = "74", "Transaksi sudah lunas";
    SameAmountTooSoon = "75", "Jeda minimal 10 menit untuk nominal sama";
    NumberExpired = "78", "Nomor sudah kadaluwarsa";
    ArrearsOverMaximum = "79", "Tunggakan melebihi maksimal";
    NoDataOrPaid = "80", "Data tidak tersedia atau sudah lunas";
    NumberBlocked = "83", "Nomor sedang diblokir";
    CutOff = "85", "Sedang dalam masa cut off";
    ReferenceUsed = "86", "Kode referensi sudah digunakan";
}

impl Rc {
    /// The code as stored (a transaction's `rc` column); unknown: 01.
    pub fn from_code(code: &str) -> Rc {
        Rc::ALL.iter().copied().find(|rc| rc.code() == code).unwrap_or(Rc::Undefined)
    }

    /// The one mapping from the use cases' error to a partner's rc.
    pub fn of(e: &Error) -> Rc {
        match e {
            Error::Invalid(_) => Rc::Format,
            Error::Refused(p) | Error::TooSoon { problem: p, .. } => match p {
                Problem::SessionInvalid | Problem::NotLoggedIn => Rc::SessionExpired,
                Problem::InsufficientDeposit => Rc::InsufficientDeposit,
                Problem::DuplicateReference => Rc::ReferenceUsed,
                Problem::NotFound => Rc::NotFound,
                Problem::Forbidden => Rc::ProductNotAllowed,
                Problem::AmountInvalid => Rc::WrongAmount,
                Problem::Required | Problem::TooLong => Rc::Format,
                Problem::Suspended => Rc::NotAllowed,
                _ => Rc::NotAllowed,
            },
            Error::Unexpected(_) => Rc::NoResponseFromHost,
        }
    }
}

/// The codes a partner reads as "still pending" in the first answer of a
/// payment (open-api.md §6, "Penting!!"): ask Check-Status, never pay again.
pub const PAYMENT_PENDING: &[Rc] = &[
    Rc::Undefined,
    Rc::NotAnsweredByBiller,
    Rc::NoResponseFromBiller,
    Rc::NoResponseFromHost,
    Rc::StorageProblem,
    Rc::NotFound,
    Rc::BillerLinkDown,
    Rc::BillerTimeout,
    Rc::ProcessFailure,
    Rc::Pending,
];

impl Rc {
    /// How a partner reads this code at each step: inquiry (00 or failed),
    /// a payment's first answer (00, pending per [`PAYMENT_PENDING`], or
    /// failed), Check-Status and callbacks (00, 17 failed, else pending).
    pub fn meaning(self) -> (Meaning, Meaning, Meaning) {
        let success = self == Rc::Success;
        let inquiry = if success { Meaning::Success } else { Meaning::Failed };
        let payment = match self {
            Rc::Success => Meaning::Success,
            rc if PAYMENT_PENDING.contains(&rc) => Meaning::Pending,
            _ => Meaning::Failed,
        };
        let status = match self {
            Rc::Success => Meaning::Success,
            Rc::Failed => Meaning::Failed,
            _ => Meaning::Pending,
        };
        (inquiry, payment, status)
    }
}

/// "Daftar Kode Response": every code of the gateway's table with its text
/// and how it reads at each step.
pub fn table() -> Vec<domain::docs::RcRowOut> {
    Rc::ALL
        .iter()
        .map(|rc| {
            let (inquiry, payment, status) = rc.meaning();
            domain::docs::RcRowOut { code: rc.code().into(), text: rc.text().into(), inquiry, payment, status }
        })
        .collect()
}

impl serde::Serialize for Rc {
    /// As partners see it: the two digits.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

/// The documented text of a stored code (open-api.md §6).
pub fn text_of(code: &str) -> &'static str {
    Rc::from_code(code).text()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_map_to_the_documented_codes() {
        assert_eq!(Rc::of(&Error::Refused(Problem::SessionInvalid)).code(), "34");
        assert_eq!(Rc::of(&Error::Refused(Problem::InsufficientDeposit)).text(), "Saldo tidak mencukupi");
        assert_eq!(Rc::of(&Error::field("merchantID", Problem::Required)).code(), "02");
        assert_eq!(Rc::of(&Error::Unexpected(anyhow::anyhow!("db down"))).code(), "05");
        assert_eq!(text_of("86"), "Kode referensi sudah digunakan");
        assert_eq!(text_of("99"), "Error tidak terdefinisi");
    }

    #[test]
    fn the_pending_rule_reads_as_the_documentation_says() {
        let pending: Vec<&str> =
            Rc::ALL.iter().filter(|rc| rc.meaning().1 == Meaning::Pending).map(|rc| rc.code()).collect();
        assert_eq!(pending, ["01", "03", "04", "05", "14", "19", "38", "39", "67", "71"]);
        assert_eq!(Rc::Failed.meaning(), (Meaning::Failed, Meaning::Failed, Meaning::Failed));
        assert_eq!(Rc::Pending.meaning(), (Meaning::Failed, Meaning::Pending, Meaning::Pending));
        assert_eq!(table().len(), Rc::ALL.len());
    }

    #[test]
    fn every_code_is_two_digits_and_listed_once() {
        let codes: std::collections::HashSet<_> = Rc::ALL.iter().map(|rc| rc.code()).collect();
        assert_eq!(codes.len(), Rc::ALL.len());
        assert!(Rc::ALL.iter().all(|rc| rc.code().len() == 2 && Rc::from_code(rc.code()) == *rc));
    }
}
