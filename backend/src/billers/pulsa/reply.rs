//! The pulsa provider's reply line (seed 002, "Format Balasan", rows 1–16)
//! read into a typed answer, and the one table that says what each answer
//! means for us (our rc, failed or not).
//!
//! The reader is forgiving about what providers vary in (spaces before the
//! closing `#`, upper/lower case, `Rp.1,234,567` or `Rp. 1.234.567`) and
//! strict about meaning: a line it cannot place is [`Reply::Unknown`], which
//! is pending, never a failure — money may have moved at the provider.

use crate::gateway::rc::Rc;

/// Why the provider refused (rows 4–11 and 13–16).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure {
    /// 4: "Transaksi tidak dapat diproses".
    NotProcessed,
    /// 5: "Dibatalkan provider".
    Cancelled,
    /// 6: the number is blocked after 5 failures in a row.
    NumberBlocked,
    /// 8: the operator's side is disturbed (checked before 7).
    OperatorDisturbed,
    /// 7: the product is disturbed at the provider.
    ProductDisturbed,
    /// 9: wrong or inactive product code (our catalog's mapping).
    WrongProduct,
    /// 10: wrong destination number.
    WrongNumber,
    /// 11: our balance at the provider is too low.
    InsufficientBalance,
    /// 13: the data package is already active.
    PackageActive,
    /// 14: the number has expired.
    NumberExpired,
    /// 15: the number is not (or no longer) active.
    NumberInactive,
    /// 16: time-out at the provider or its 23:30–00:30 cut-off.
    CutOffOrTimeout,
}

/// One row of the table: how the seed words it (lower case, a part of the
/// text after `GAGAL;`), and our rc for it.
struct Row {
    failure: Failure,
    words: &'static [&'static str],
    rc: Rc,
}

/// Seed 002 rows 4–16 → our rc (open-api.md §6). The order matters where
/// one wording contains another (8 before 7).
const FAILURES: &[Row] = &[
    Row { failure: Failure::NotProcessed, words: &["tidak dapat diproses"], rc: Rc::Failed },
    Row { failure: Failure::Cancelled, words: &["dibatalkan provider"], rc: Rc::Failed },
    Row { failure: Failure::NumberBlocked, words: &["berturut-turut", "berturut turut"], rc: Rc::NumberBlocked },
    Row { failure: Failure::OperatorDisturbed, words: &["gangguan pada operator"], rc: Rc::BillerLinkDown },
    Row { failure: Failure::ProductDisturbed, words: &["sedang gangguan"], rc: Rc::BillerLinkDown },
    Row { failure: Failure::WrongProduct, words: &["kode produk salah"], rc: Rc::RoutingFailure },
    Row { failure: Failure::WrongNumber, words: &["nomor tujuan salah"], rc: Rc::WrongCustomerNumber },
    Row { failure: Failure::InsufficientBalance, words: &["saldo tidak cukup"], rc: Rc::ProcessFailure },
    Row { failure: Failure::PackageActive, words: &["paket data sudah terisi"], rc: Rc::AlreadyPaid },
    Row { failure: Failure::NumberExpired, words: &["kadaluarsa", "kadaluwarsa"], rc: Rc::NumberExpired },
    Row { failure: Failure::NumberInactive, words: &["tidak aktif"], rc: Rc::NumberNotAllowed },
    Row { failure: Failure::CutOffOrTimeout, words: &["cutoff", "cut off", "timeout"], rc: Rc::CutOff },
];

impl Failure {
    fn of(text: &str) -> Option<Failure> {
        let t = text.to_lowercase();
        FAILURES.iter().find(|r| r.words.iter().any(|w| t.contains(w))).map(|r| r.failure)
    }

    /// The rc a partner is told.
    pub fn rc(self) -> Rc {
        FAILURES.iter().find(|r| r.failure == self).map_or(Rc::Failed, |r| r.rc)
    }

    /// Not the partner's doing but ours (mapping, balance): staff are told.
    pub fn needs_staff(self) -> bool {
        matches!(self, Failure::WrongProduct | Failure::InsufficientBalance)
    }
}

/// How a "double" reply (row 12) says the original went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Earlier {
    Success,
    Failed,
    /// Still in process (or a wording we do not know): pending.
    Pending,
}

/// The fields every row starts with.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Head {
    pub trxid: String,
    pub product: String,
    pub dest: String,
    pub refid: String,
}

/// A reply line, typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reply {
    /// Row 1.
    Success { head: Head, sn: String, price: Option<i64>, balance_after: Option<i64> },
    /// Rows 2 and 3.
    Pending { head: Head },
    /// Rows 4–11, 13–16.
    Failed { head: Head, failure: Failure },
    /// Row 12: the same refid (and product and destination) was sent
    /// before; the original's status, time and SN/Ref.
    Double { head: Head, earlier: Earlier, sn: String },
    /// Anything else: pending (see the module's note).
    Unknown,
}

impl Reply {
    pub fn head(&self) -> Option<&Head> {
        match self {
            Reply::Success { head, .. }
            | Reply::Pending { head }
            | Reply::Failed { head, .. }
            | Reply::Double { head, .. } => Some(head),
            Reply::Unknown => None,
        }
    }

    /// A short name of the answer for the call log.
    pub fn label(&self) -> String {
        match self {
            Reply::Success { .. } => "sukses".into(),
            Reply::Pending { .. } => "pending".into(),
            Reply::Failed { failure, .. } => format!("gagal: {failure:?}"),
            Reply::Double { earlier, .. } => format!("double: {earlier:?}"),
            Reply::Unknown => "tidak dikenal (pending)".into(),
        }
    }
}

/// `Rp.1,234,567`, `Rp. 123,000`, `Rp 1.234.567` → 1234567; digits only
/// between the separators (a trailing `,00`/`.00` is cents and dropped).
pub fn rupiah(s: &str) -> Option<i64> {
    let s = s.trim();
    let s = s.strip_prefix("Rp").or_else(|| s.strip_prefix("RP")).or_else(|| s.strip_prefix("rp")).unwrap_or(s);
    let s = s.trim_start_matches(['.', ' ']).trim();
    let s = match s.len().checked_sub(3).and_then(|i| s.get(i..)) {
        Some(tail) if (tail == ",00" || tail == ".00") && s.len() > 3 => s.get(..s.len() - 3)?,
        _ => s,
    };
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit() || b == b',' || b == b'.') {
        return None;
    }
    let digits: String = s.chars().filter(char::is_ascii_digit).collect();
    if digits.is_empty() || digits.len() > 15 {
        return None;
    }
    digits.parse().ok()
}

/// The text after `label` (case-insensitive) in `part`, trimmed.
fn after<'a>(part: &'a str, label: &str) -> Option<&'a str> {
    let lower = part.to_ascii_lowercase();
    let at = lower.find(&label.to_ascii_lowercase())?;
    part.get(at + label.len()..).map(str::trim)
}

/// ` Sisa saldo Rp.[before]-Rp. [price]=Rp. [after]` → (price, after).
fn remaining(part: &str) -> (Option<i64>, Option<i64>) {
    let Some(rest) = after(part, "saldo") else { return (None, None) };
    let Some((before_and_price, after_part)) = rest.split_once('=') else { return (None, None) };
    // The price follows the last "-" (the amounts themselves have none).
    let price = before_and_price.rsplit_once('-').and_then(|(_, p)| rupiah(p));
    (price, rupiah(after_part))
}

/// Reads one reply line.
pub fn parse(line: &str) -> Reply {
    let line = line.trim();
    let Some(body) = line.strip_prefix('#') else { return Reply::Unknown };
    let body = body.trim_end().strip_suffix('#').unwrap_or(body);
    let parts: Vec<&str> = body.split('#').map(str::trim).collect();
    let [trxid, product, dest, status, rest @ ..] = parts.as_slice() else { return Reply::Unknown };
    let Some(dest) = after(dest, "ke:") else { return Reply::Unknown };
    let Some(refid) = rest.iter().find_map(|p| after(p, "reffid:").or_else(|| after(p, "refid:"))) else {
        return Reply::Unknown;
    };
    if trxid.is_empty() || refid.is_empty() {
        return Reply::Unknown;
    }
    let head = Head { trxid: (*trxid).into(), product: (*product).into(), dest: dest.into(), refid: refid.into() };
    let lower = status.to_lowercase();
    if lower == "sukses" {
        let sn = rest.iter().find_map(|p| after(p, "sn:")).unwrap_or_default().to_owned();
        let (price, balance_after) =
            rest.iter().find(|p| p.to_lowercase().contains("saldo")).map_or((None, None), |p| remaining(p));
        return Reply::Success { head, sn, price, balance_after };
    }
    if lower.contains("sudah pernah") {
        let (earlier, detail) = status.split_once(';').unwrap_or((status, ""));
        let earlier = match earlier.trim().to_lowercase().as_str() {
            "sukses" => Earlier::Success,
            "gagal" => Earlier::Failed,
            _ => Earlier::Pending,
        };
        let sn = after(detail, "sn/ref:").unwrap_or_default().trim_end_matches('.').trim().to_owned();
        return Reply::Double { head, earlier, sn };
    }
    if lower.starts_with("akan diproses") || lower.starts_with("masih dalam proses") {
        return Reply::Pending { head };
    }
    if let Some(reason) = lower.strip_prefix("gagal") {
        if let Some(failure) = Failure::of(reason) {
            return Reply::Failed { head, failure };
        }
    }
    Reply::Unknown
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = "#T0001#S10#ke:081234567890#";
    const TAIL: &str = "#Saldo Rp.1,234,567#Reffid:abc123 #";

    fn head() -> Head {
        Head { trxid: "T0001".into(), product: "S10".into(), dest: "081234567890".into(), refid: "abc123".into() }
    }

    fn failed(text: &str) -> Reply {
        parse(&format!("{HEAD}GAGAL; {text}{TAIL}"))
    }

    #[test]
    fn row_1_success_with_sn_price_and_balance() {
        let line =
            "#T0001#S10#ke:081234567890#SUKSES#SN:0412345678901234# Sisa saldo Rp.1,234,567-Rp. 10,150=Rp. 1,224,417#Reffid:abc123#";
        assert_eq!(
            parse(line),
            Reply::Success {
                head: head(),
                sn: "0412345678901234".into(),
                price: Some(10_150),
                balance_after: Some(1_224_417)
            }
        );
    }

    #[test]
    fn rows_2_and_3_are_pending() {
        assert_eq!(parse(&format!("{HEAD}akan diproses 12:00:01.{TAIL}")), Reply::Pending { head: head() });
        let row3 =
            format!("{HEAD}masih dalam proses 12:01:00. Mohon ditunggu, lebih dari 15mnt Silahkan hubungi CS.{TAIL}");
        assert_eq!(parse(&row3), Reply::Pending { head: head() });
    }

    #[test]
    fn rows_4_to_16_map_to_their_failure_and_rc() {
        let rows: &[(&str, Failure, &str)] = &[
            ("Transaksi tidak dapat diproses.", Failure::NotProcessed, "17"),
            ("Dibatalkan provider.", Failure::Cancelled, "17"),
            (
                "Nomor tujuan tdk dpt di proses krn trx gagal berturut-turut (max 5x), Silahkan Hubungi CS.",
                Failure::NumberBlocked,
                "83",
            ),
            ("Produk Sedang Gangguan.", Failure::ProductDisturbed, "38"),
            ("Produk Sedang Gangguan Pada Operator.", Failure::OperatorDisturbed, "38"),
            ("Kode Produk Salah. Silahkan Hubungi CS, ketik PRODUK.", Failure::WrongProduct, "73"),
            ("Nomor tujuan salah, periksa kembali nomor anda.", Failure::WrongNumber, "65"),
            ("Saldo Tidak Cukup.", Failure::InsufficientBalance, "67"),
            ("Paket Data Sudah terisi.", Failure::PackageActive, "64"),
            ("Nomor Kadaluarsa.", Failure::NumberExpired, "78"),
            ("Nomor belum/ tidak aktif/ sudah tidak aktif.", Failure::NumberInactive, "69"),
            ("CutOff/ Timeout, silahkan ulangi beberapa saat kemudian.", Failure::CutOffOrTimeout, "85"),
        ];
        for (text, failure, rc) in rows {
            assert_eq!(failed(text), Reply::Failed { head: head(), failure: *failure }, "{text}");
            assert_eq!(failure.rc().code(), *rc, "{text}");
        }
    }

    #[test]
    fn row_12_double_carries_the_originals_status() {
        let ok = parse(&format!("{HEAD}SUKSES; sudah pernah jam 10:11:12 SN/Ref: 0412345.{TAIL}"));
        assert_eq!(ok, Reply::Double { head: head(), earlier: Earlier::Success, sn: "0412345".into() });
        let no = parse(&format!("{HEAD}GAGAL; sudah pernah jam 10:11:12 SN/Ref: .{TAIL}"));
        assert!(matches!(no, Reply::Double { earlier: Earlier::Failed, .. }));
        let wait = parse(&format!("{HEAD}PENDING; sudah pernah jam 10:11:12 SN/Ref: .{TAIL}"));
        assert!(matches!(wait, Reply::Double { earlier: Earlier::Pending, .. }));
    }

    #[test]
    fn stray_spaces_case_and_line_ends_are_tolerated() {
        let line = "  #T0001#S10#ke:081234567890#sukses#SN:1# Sisa saldo Rp.10-Rp. 5=Rp. 5#Reffid:abc123   #\r\n";
        assert!(matches!(parse(line), Reply::Success { .. }));
        let no_hash_end = "#T0001#S10#ke:081234567890#akan diproses 1.#Saldo Rp.1#Reffid:abc123";
        assert_eq!(parse(no_hash_end), Reply::Pending { head: head() });
    }

    #[test]
    fn anything_else_is_unknown_never_failed() {
        for line in [
            "",
            "#",
            "OK",
            "<html>502 Bad Gateway</html>",
            "#T1#S10#ke:0812#GAGAL; sesuatu yang baru.#Saldo Rp.1#Reffid:abc123#",
            "#T1#S10#0812#SUKSES#SN:1#Reffid:abc123#",
            "#T1#S10#ke:0812#SUKSES#SN:1#",
        ] {
            assert_eq!(parse(line), Reply::Unknown, "{line}");
        }
    }

    #[test]
    fn amounts_in_the_providers_styles() {
        assert_eq!(rupiah("Rp.1,234,567"), Some(1_234_567));
        assert_eq!(rupiah("Rp. 10,150"), Some(10_150));
        assert_eq!(rupiah("Rp 1.234.567"), Some(1_234_567));
        assert_eq!(rupiah("Rp.10,150,00"), Some(10_150));
        assert_eq!(rupiah("Rp.-5"), None);
        assert_eq!(rupiah("Rp."), None);
        assert_eq!(rupiah("Rp.9999999999999999999"), None);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(
            std::env::var("PULSA_FUZZ_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(20_000)
        ))]

        #[test]
        fn no_line_panics(line in ".{0,200}") {
            let _ = parse(&line);
        }

        #[test]
        fn no_line_shaped_like_a_reply_panics(
            parts in proptest::collection::vec("[#:;.,a-zA-Z0-9 éRp=-]{0,30}", 0..12)
        ) {
            let _ = parse(&parts.join("#"));
            let _ = rupiah(&parts.concat());
        }
    }
}
