//! The sentence for each problem code, Indonesian then English.

use domain::Problem;

pub(super) fn problem_text(p: Problem) -> (&'static str, &'static str) {
    match p {
        Problem::Required => ("Wajib diisi", "Required"),
        Problem::TooLong => ("Terlalu panjang", "Too long"),
        Problem::EmailInvalid => ("Format email tidak valid", "Not a valid e-mail address"),
        Problem::PhoneInvalid => {
            ("Nomor handphone tidak valid, contoh: 08123456789", "Not a valid mobile number, e.g. 08123456789")
        }
        Problem::UrlInvalid => {
            ("Alamat website tidak valid, contoh: www.perusahaan.co.id", "Not a valid website, e.g. www.company.co.id")
        }
        Problem::UrlNotPublic => (
            "Alamat harus dapat dijangkau dari internet (bukan alamat lokal, privat, atau milik kami)",
            "The address must be reachable from the internet (not a local, private or our own address)",
        ),
        Problem::PasswordWeak => (
            "Password minimal 8 karakter dan mengandung huruf dan angka",
            "At least 8 characters with letters and digits",
        ),
        Problem::PasswordMismatch => ("Konfirmasi password tidak sama", "The passwords do not match"),
        Problem::EmailTaken => ("Email sudah terdaftar", "This e-mail is already registered"),
        Problem::PhoneTaken => ("Nomor handphone sudah terdaftar", "This mobile number is already registered"),
        Problem::InvalidCredentials => ("Nomor handphone atau password salah", "Wrong mobile number or password"),
        Problem::WrongEmailOrPassword => ("Email atau password salah", "Wrong e-mail or password"),
        Problem::NotVerified => ("Akun belum diaktivasi", "The account is not activated yet"),
        Problem::AlreadyVerified => ("Akun sudah aktif", "The account is already active"),
        Problem::TooManyAttempts => {
            ("Terlalu banyak percobaan. Silakan coba lagi nanti.", "Too many attempts. Please try again later.")
        }
        Problem::ResendTooSoon => ("Mohon tunggu sebelum mengirim ulang", "Please wait before sending again"),
        Problem::TokenInvalid => ("Tautan tidak valid", "This link is not valid"),
        Problem::TokenExpired => ("Tautan sudah kedaluwarsa", "This link has expired"),
        Problem::TokenUsed => ("Tautan sudah digunakan", "This link was already used"),
        Problem::WrongCurrentPassword => ("Password saat ini salah", "The current password is wrong"),
        Problem::NotLoggedIn => {
            ("Sesi Anda telah berakhir. Silakan login kembali.", "Your session has ended. Please log in again.")
        }
        Problem::Forbidden => ("Anda tidak memiliki akses ke halaman ini", "You have no access to this page"),
        Problem::Unavailable => {
            ("Terjadi gangguan. Silakan coba beberapa saat lagi.", "Something went wrong. Please try again shortly.")
        }
        Problem::NotFound => ("Data tidak ditemukan", "Not found"),
        Problem::FileEmpty => ("Berkas kosong", "The file is empty"),
        Problem::FileTooLarge => ("Ukuran berkas melebihi batas", "The file is larger than allowed"),
        Problem::FileTypeNotAllowed => ("Berkas harus berupa JPG, PNG atau PDF", "The file must be a JPG, PNG or PDF"),
        Problem::UnknownDocument => ("Jenis dokumen tidak dikenal", "Unknown document type"),
        Problem::ProfileLocked => (
            "Profil sedang dalam proses verifikasi dan belum dapat diubah",
            "Your profile is being verified and cannot be changed now",
        ),
        Problem::DocumentMissing => ("Dokumen wajib diunggah", "This document is required"),
        Problem::RegionInvalid => ("Pilihan wilayah tidak sesuai", "The chosen areas do not belong together"),
        Problem::NotInReview => {
            ("Profil ini tidak sedang menunggu verifikasi", "This profile is not waiting for review")
        }
        Problem::CodeInvalid => ("Kode terdiri dari 6 angka", "The code is 6 digits"),
        Problem::WrongCode => (
            "Kode salah atau sudah dipakai. Tunggu kode berikutnya.",
            "Wrong or already used code. Wait for the next one.",
        ),
        Problem::StaffInactive => ("Akun staf ini dinonaktifkan", "This staff account is deactivated"),
        Problem::SecondFactorOn => ("Verifikasi dua langkah sudah aktif", "Two-step verification is already on"),
        Problem::NothingChanged => ("Tidak ada data atau dokumen yang diubah", "No field or document was changed"),
        Problem::NoteRequired => {
            ("Catatan perubahan wajib diisi untuk data yang diubah", "A changed field needs its change note")
        }
        Problem::RevisionPending => {
            ("Revisi sebelumnya masih menunggu verifikasi", "An earlier revision is still being reviewed")
        }
        Problem::InsufficientDeposit => ("Saldo deposit tidak mencukupi", "The deposit is too low"),
        Problem::DuplicateReference => ("Kode referensi sudah digunakan", "This reference was already used"),
        Problem::SessionInvalid => ("Sesi API tidak berlaku", "The API session is not valid"),
        Problem::AmountInvalid => {
            ("Nominal harus berupa angka Rupiah lebih dari 0", "The amount must be whole Rupiah above 0")
        }
        Problem::IpInvalid => ("Alamat IP tidak valid (IPv4 atau IPv6)", "Not a valid IP address (IPv4 or IPv6)"),
        Problem::IpTaken => (
            "IP ini sudah terdaftar untuk tipe koneksi tersebut",
            "This address is already registered for that connection type",
        ),
        Problem::IpLimit => (
            "Batas jumlah IP untuk tipe koneksi ini tercapai",
            "The limit of addresses for this connection type is reached",
        ),
        Problem::AlreadyChosen => ("Produk ini sudah Anda pilih", "You have already chosen this product"),
        Problem::CodeTaken => ("Kode ini sudah dipakai", "This code is already in use"),
        Problem::WrongStep => (
            "Langkah ini tidak dapat dilakukan pada status produk saat ini",
            "This step is not possible in the product's current status",
        ),
        Problem::TooSoon => ("Belum waktunya: hari tersebut belum berakhir", "Too soon: that day is not over yet"),
        Problem::Suspended => {
            ("Akun mitra Anda ditangguhkan oleh operator", "Your partner account is suspended by the operator")
        }
        Problem::OwnerProtected => (
            "Pemilik akun tidak dapat diubah atau dihapus di sini",
            "The account owner cannot be edited or deleted here",
        ),
        Problem::AmountOutOfRange => {
            ("Nominal di luar batas minimum dan maksimum", "The amount is outside the minimum and maximum")
        }
        Problem::MethodUnavailable => {
            ("Metode pembayaran ini sedang tidak tersedia", "This payment method is not available at the moment")
        }
        Problem::PaymentServiceDown => (
            "Layanan pembayaran sedang tidak dapat dihubungi, silakan coba beberapa saat lagi",
            "The payment service cannot be reached, please try again shortly",
        ),
        Problem::PaymentRefused => {
            ("Layanan pembayaran menolak permintaan ini", "The payment service refused this request")
        }
        Problem::NoCredentials => (
            "Kredensial development belum ada: Coba API dapat dipakai setelah profil Anda disetujui",
            "No development credentials yet: Coba API can be used once your profile is approved",
        ),
        Problem::WrongWebreportLogin => {
            ("Merchant ID, kode petugas atau password salah", "Wrong Merchant ID, officer code or password")
        }
        Problem::AlreadySettled => (
            "Transaksi ini sudah final dengan keputusan lain; sukses dan refund tidak pernah keduanya",
            "This payment is already final the other way; success and refund never both",
        ),
        Problem::InFlight => (
            "Transaksi sedang diproses biller; coba lagi beberapa saat lagi",
            "The biller is processing this payment; try again shortly",
        ),
    }
}
