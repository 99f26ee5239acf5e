//! The sentence for each problem code, Indonesian then English.

use super::Texts;
use domain::Problem;

texts! {
    Problems {
        required: "Wajib diisi"
            | "Required",
        too_long: "Terlalu panjang"
            | "Too long",
        email_invalid: "Format email tidak valid"
            | "Not a valid e-mail address",
        phone_invalid: "Nomor handphone tidak valid, contoh: 08123456789"
            | "Not a valid mobile number, e.g. 08123456789",
        url_invalid: "Alamat website tidak valid, contoh: www.perusahaan.co.id"
            | "Not a valid website, e.g. www.company.co.id",
        url_not_public: "Alamat harus dapat dijangkau dari internet (bukan alamat lokal, privat, atau milik kami)"
            | "The address must be reachable from the internet (not a local, private or our own address)",
        password_weak: "Password minimal 8 karakter dan mengandung huruf dan angka"
            | "At least 8 characters with letters and digits",
        password_mismatch: "Konfirmasi password tidak sama"
            | "The passwords do not match",
        email_taken: "Email sudah terdaftar"
            | "This e-mail is already registered",
        phone_taken: "Nomor handphone sudah terdaftar"
            | "This mobile number is already registered",
        invalid_credentials: "Nomor handphone atau password salah"
            | "Wrong mobile number or password",
        wrong_email_or_password: "Email atau password salah"
            | "Wrong e-mail or password",
        not_verified: "Akun belum diaktivasi"
            | "The account is not activated yet",
        already_verified: "Akun sudah aktif"
            | "The account is already active",
        too_many_attempts: "Terlalu banyak percobaan. Silakan coba lagi nanti."
            | "Too many attempts. Please try again later.",
        resend_too_soon: "Mohon tunggu sebelum mengirim ulang"
            | "Please wait before sending again",
        token_invalid: "Tautan tidak valid"
            | "This link is not valid",
        token_expired: "Tautan sudah kedaluwarsa"
            | "This link has expired",
        token_used: "Tautan sudah digunakan"
            | "This link was already used",
        wrong_current_password: "Password saat ini salah"
            | "The current password is wrong",
        not_logged_in: "Sesi Anda telah berakhir. Silakan login kembali."
            | "Your session has ended. Please log in again.",
        forbidden: "Anda tidak memiliki akses ke halaman ini"
            | "You have no access to this page",
        unavailable: "Terjadi gangguan. Silakan coba beberapa saat lagi."
            | "Something went wrong. Please try again shortly.",
        not_found: "Data tidak ditemukan"
            | "Not found",
        file_empty: "Berkas kosong"
            | "The file is empty",
        file_too_large: "Ukuran berkas melebihi batas"
            | "The file is larger than allowed",
        file_type_not_allowed: "Berkas harus berupa JPG, PNG atau PDF"
            | "The file must be a JPG, PNG or PDF",
        unknown_document: "Jenis dokumen tidak dikenal"
            | "Unknown document type",
        profile_locked: "Profil sedang dalam proses verifikasi dan belum dapat diubah"
            | "Your profile is being verified and cannot be changed now",
        document_missing: "Dokumen wajib diunggah"
            | "This document is required",
        region_invalid: "Pilihan wilayah tidak sesuai"
            | "The chosen areas do not belong together",
        not_in_review: "Profil ini tidak sedang menunggu verifikasi"
            | "This profile is not waiting for review",
        code_invalid: "Kode terdiri dari 6 angka"
            | "The code is 6 digits",
        wrong_code: "Kode salah atau sudah dipakai. Tunggu kode berikutnya."
            | "Wrong or already used code. Wait for the next one.",
        staff_inactive: "Akun staf ini dinonaktifkan"
            | "This staff account is deactivated",
        second_factor_on: "Verifikasi dua langkah sudah aktif"
            | "Two-step verification is already on",
        nothing_changed: "Tidak ada data atau dokumen yang diubah"
            | "No field or document was changed",
        note_required: "Catatan perubahan wajib diisi untuk data yang diubah"
            | "A changed field needs its change note",
        revision_pending: "Revisi sebelumnya masih menunggu verifikasi"
            | "An earlier revision is still being reviewed",
        insufficient_deposit: "Saldo deposit tidak mencukupi"
            | "The deposit is too low",
        duplicate_reference: "Kode referensi sudah digunakan"
            | "This reference was already used",
        session_invalid: "Sesi API tidak berlaku"
            | "The API session is not valid",
        amount_invalid: "Nominal harus berupa angka Rupiah lebih dari 0"
            | "The amount must be whole Rupiah above 0",
        ip_invalid: "Alamat IP tidak valid (IPv4 atau IPv6)"
            | "Not a valid IP address (IPv4 or IPv6)",
        ip_taken: "IP ini sudah terdaftar untuk tipe koneksi tersebut"
            | "This address is already registered for that connection type",
        ip_limit: "Batas jumlah IP untuk tipe koneksi ini tercapai"
            | "The limit of addresses for this connection type is reached",
        already_chosen: "Produk ini sudah Anda pilih"
            | "You have already chosen this product",
        code_taken: "Kode ini sudah dipakai"
            | "This code is already in use",
        wrong_step: "Langkah ini tidak dapat dilakukan pada status produk saat ini"
            | "This step is not possible in the product's current status",
        too_soon: "Belum waktunya: hari tersebut belum berakhir"
            | "Too soon: that day is not over yet",
        suspended: "Akun mitra Anda ditangguhkan oleh operator"
            | "Your partner account is suspended by the operator",
        owner_protected: "Pemilik akun tidak dapat diubah atau dihapus di sini"
            | "The account owner cannot be edited or deleted here",
        amount_out_of_range: "Nominal di luar batas minimum dan maksimum"
            | "The amount is outside the minimum and maximum",
        method_unavailable: "Metode pembayaran ini sedang tidak tersedia"
            | "This payment method is not available at the moment",
        payment_service_down: "Layanan pembayaran sedang tidak dapat dihubungi, silakan coba beberapa saat lagi"
            | "The payment service cannot be reached, please try again shortly",
        payment_refused: "Layanan pembayaran menolak permintaan ini"
            | "The payment service refused this request",
        no_credentials: "Kredensial development belum ada: Coba API dapat dipakai setelah profil Anda disetujui"
            | "No development credentials yet: Coba API can be used once your profile is approved",
        wrong_webreport_login: "Merchant ID, kode petugas atau password salah"
            | "Wrong Merchant ID, officer code or password",
        already_settled: "Transaksi ini sudah final dengan keputusan lain; sukses dan refund tidak pernah keduanya"
            | "This payment is already final the other way; success and refund never both",
        in_flight: "Transaksi sedang diproses biller; coba lagi beberapa saat lagi"
            | "The biller is processing this payment; try again shortly",
    }
}

impl Texts {
    /// The sentence shown for a problem code.
    pub fn problem(&self, p: Problem) -> &'static str {
        match p {
            Problem::Required => self.problems.required,
            Problem::TooLong => self.problems.too_long,
            Problem::EmailInvalid => self.problems.email_invalid,
            Problem::PhoneInvalid => self.problems.phone_invalid,
            Problem::UrlInvalid => self.problems.url_invalid,
            Problem::UrlNotPublic => self.problems.url_not_public,
            Problem::PasswordWeak => self.problems.password_weak,
            Problem::PasswordMismatch => self.problems.password_mismatch,
            Problem::EmailTaken => self.problems.email_taken,
            Problem::PhoneTaken => self.problems.phone_taken,
            Problem::InvalidCredentials => self.problems.invalid_credentials,
            Problem::WrongEmailOrPassword => self.problems.wrong_email_or_password,
            Problem::NotVerified => self.problems.not_verified,
            Problem::AlreadyVerified => self.problems.already_verified,
            Problem::TooManyAttempts => self.problems.too_many_attempts,
            Problem::ResendTooSoon => self.problems.resend_too_soon,
            Problem::TokenInvalid => self.problems.token_invalid,
            Problem::TokenExpired => self.problems.token_expired,
            Problem::TokenUsed => self.problems.token_used,
            Problem::WrongCurrentPassword => self.problems.wrong_current_password,
            Problem::NotLoggedIn => self.problems.not_logged_in,
            Problem::Forbidden => self.problems.forbidden,
            Problem::Unavailable => self.problems.unavailable,
            Problem::NotFound => self.problems.not_found,
            Problem::FileEmpty => self.problems.file_empty,
            Problem::FileTooLarge => self.problems.file_too_large,
            Problem::FileTypeNotAllowed => self.problems.file_type_not_allowed,
            Problem::UnknownDocument => self.problems.unknown_document,
            Problem::ProfileLocked => self.problems.profile_locked,
            Problem::DocumentMissing => self.problems.document_missing,
            Problem::RegionInvalid => self.problems.region_invalid,
            Problem::NotInReview => self.problems.not_in_review,
            Problem::CodeInvalid => self.problems.code_invalid,
            Problem::WrongCode => self.problems.wrong_code,
            Problem::StaffInactive => self.problems.staff_inactive,
            Problem::SecondFactorOn => self.problems.second_factor_on,
            Problem::NothingChanged => self.problems.nothing_changed,
            Problem::NoteRequired => self.problems.note_required,
            Problem::RevisionPending => self.problems.revision_pending,
            Problem::InsufficientDeposit => self.problems.insufficient_deposit,
            Problem::DuplicateReference => self.problems.duplicate_reference,
            Problem::SessionInvalid => self.problems.session_invalid,
            Problem::AmountInvalid => self.problems.amount_invalid,
            Problem::IpInvalid => self.problems.ip_invalid,
            Problem::IpTaken => self.problems.ip_taken,
            Problem::IpLimit => self.problems.ip_limit,
            Problem::AlreadyChosen => self.problems.already_chosen,
            Problem::CodeTaken => self.problems.code_taken,
            Problem::WrongStep => self.problems.wrong_step,
            Problem::TooSoon => self.problems.too_soon,
            Problem::Suspended => self.problems.suspended,
            Problem::OwnerProtected => self.problems.owner_protected,
            Problem::AmountOutOfRange => self.problems.amount_out_of_range,
            Problem::MethodUnavailable => self.problems.method_unavailable,
            Problem::PaymentServiceDown => self.problems.payment_service_down,
            Problem::PaymentRefused => self.problems.payment_refused,
            Problem::NoCredentials => self.problems.no_credentials,
            Problem::WrongWebreportLogin => self.problems.wrong_webreport_login,
            Problem::AlreadySettled => self.problems.already_settled,
            Problem::InFlight => self.problems.in_flight,
        }
    }
}
