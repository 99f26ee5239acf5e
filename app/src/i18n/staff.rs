//! Back office: staff sign-in, two-step verification, staff accounts.

texts! {
    Staff {
        admin_login_title: "Login Staf Operator"
            | "Operator staff login",
        totp_title: "Verifikasi Dua Langkah"
            | "Two-step verification",
        totp_code_label: "Kode 6 digit dari aplikasi autentikator"
            | "6-digit code from your authenticator app",
        totp_code_hint: "Buka aplikasi autentikator (mis. Google Authenticator) dan masukkan kode yang tampil."
            | "Open your authenticator app (e.g. Google Authenticator) and enter the code it shows.",
        totp_enroll_title: "Aktifkan Verifikasi Dua Langkah"
            | "Set up two-step verification",
        totp_enroll_body: "Akun admin wajib memakai verifikasi dua langkah. Pindai kode QR ini dengan aplikasi autentikator, lalu masukkan kode 6 digit yang tampil."
            | "Admin accounts must use two-step verification. Scan this QR code with an authenticator app, then enter the 6-digit code it shows.",
        totp_secret_label: "Atau ketik kunci ini secara manual"
            | "Or type this key by hand",
        totp_verify_button: "Verifikasi"
            | "Verify",
        totp_enabled: "Verifikasi dua langkah aktif"
            | "Two-step verification on",
        totp_disabled: "Belum aktif"
            | "Not set up",
        security_totp_on: "Verifikasi dua langkah aktif: setiap login meminta kode dari aplikasi autentikator."
            | "Two-step verification is on: every sign-in asks for a code from the authenticator app.",
        security_totp_off: "Verifikasi dua langkah belum aktif. Aktifkan agar akun tidak bisa dipakai hanya dengan password."
            | "Two-step verification is off. Turn it on so that a password alone cannot open this account.",
        security_enable: "Aktifkan verifikasi dua langkah"
            | "Turn on two-step verification",
        security_enabled_done: "Verifikasi dua langkah aktif. Login berikutnya meminta kode."
            | "Two-step verification is on. The next sign-in asks for a code.",
        totp_scan_body: "Pindai kode QR ini dengan aplikasi autentikator (mis. Google Authenticator), lalu masukkan kode 6 digit yang tampil."
            | "Scan this QR code with an authenticator app (e.g. Google Authenticator), then enter the 6-digit code it shows.",
        staff_add_title: "Tambah Staf"
            | "Add staff",
        staff_add_button: "Tambah"
            | "Add",
        staff_created: "Akun staf dibuat. Berikan password awal ini kepada yang bersangkutan; password ini hanya ditampilkan sekali:"
            | "Staff account created. Hand this initial password over; it is shown only once:",
        col_role: "Peran"
            | "Role",
        col_second_factor: "Verifikasi 2 langkah"
            | "Two-step",
        col_active: "Status"
            | "Status",
        staff_active: "Aktif"
            | "Active",
        staff_inactive: "Nonaktif"
            | "Inactive",
        staff_deactivate: "Nonaktifkan"
            | "Deactivate",
        staff_activate: "Aktifkan"
            | "Activate",
        staff_reset_totp: "Reset 2 langkah"
            | "Reset two-step",
        staff_confirm_deactivate: "Nonaktifkan akun staf ini? Staf tersebut tidak dapat login sampai diaktifkan kembali."
            | "Deactivate this staff account? They cannot sign in until it is activated again.",
        staff_confirm_reset: "Reset verifikasi dua langkah staf ini? Login berikutnya akan meminta pendaftaran ulang."
            | "Reset this staff member's two-step verification? Their next sign-in sets it up again.",
        choose_role: "Pilih peran"
            | "Choose a role",
    }
}
