//! "Manajemen User" (manual §11), the access notice, and the operator's
//! suspension of a partner.

texts! {
    Team {
        menu: "Manajemen User"
            | "User management",
        title: "Manajemen User"
            | "User management",
        intro: "Tambahkan pengguna untuk staf perusahaan Anda dan tentukan halaman yang boleh mereka buka. Pengguna baru menerima email untuk mengonfirmasi alamatnya dan mengatur password sendiri."
            | "Add users for your company's staff and choose which pages they may open. A new user gets an e-mail to confirm the address and set their own password.",
        add: "Tambah Data"
            | "Add user",
        add_title: "Tambah User"
            | "Add user",
        edit_title: "Edit User"
            | "Edit user",
        username: "Username"
            | "Username",
        username_hint: "Diatur otomatis oleh sistem"
            | "Set by the system",
        phone: "No. Telepon"
            | "Phone number",
        password_edit_hint: "Kosongkan bila password tidak diubah"
            | "Leave empty to keep the password",
        rights: "Akses Akun"
            | "Account access",
        rights_hint: "Anda hanya dapat memberikan akses yang Anda miliki."
            | "You can only grant access you hold yourself.",
        col_phone: "Nomor Telepon"
            | "Phone number",
        col_rights: "Akses akun"
            | "Account access",
        col_created: "Tgl Buat"
            | "Created",
        col_modified: "Tgl Modif"
            | "Modified",
        owner: "Pemilik"
            | "Owner",
        all_rights: "Semua akses"
            | "All access",
        save: "Simpan"
            | "Save",
        cancel: "Batal"
            | "Cancel",
        edit: "Edit"
            | "Edit",
        delete: "Hapus"
            | "Delete",
        saved: "Data berhasil disimpan!"
            | "The data is saved!",
        deleted: "Proses Berhasil"
            | "Done",
        empty: "Belum ada pengguna selain pemilik akun. Pilih \"Tambah Data\" untuk menambahkan."
            | "No users besides the owner yet. Choose \"Add user\" to add one.",
        search_hint: "Nama, username, email, telepon"
            | "Name, username, e-mail, phone",
        no_access_title: "Anda tidak memiliki akses"
            | "You have no access",
        no_access_body: "Halaman ini tidak termasuk akses akun Anda. Minta pemilik akun atau admin Manajemen User perusahaan Anda untuk menambahkannya."
            | "This page is not part of your account's access. Ask your company's owner or user administrator to add it.",
        suspended_title: "Akun mitra ditangguhkan"
            | "Partner account suspended",
        suspended_reason: "Alasan:"
            | "Reason:",
        suspended_contact: "Untuk informasi lebih lanjut, hubungi"
            | "For more information, contact",
        staff_users: "Pengguna mitra"
            | "Partner users",
        staff_verified: "Email terkonfirmasi"
            | "E-mail confirmed",
        staff_unverified: "Belum konfirmasi"
            | "Not confirmed",
        suspension_title: "Status akun"
            | "Account status",
        state_active: "Aktif"
            | "Active",
        state_suspended: "Ditangguhkan"
            | "Suspended",
        suspended_since: "Ditangguhkan sejak"
            | "Suspended since",
        suspend: "Tangguhkan Mitra"
            | "Suspend partner",
        suspend_reason: "Alasan penangguhan (dikirim ke mitra)"
            | "Reason for suspension (sent to the partner)",
        suspend_confirm: "Semua pengguna mitra keluar saat ini juga dan transaksi Open API mitra ditolak (rc 10) sampai diaktifkan kembali. Lanjutkan?"
            | "All of the partner's users are signed out now and its Open API transactions are refused (rc 10) until it is reactivated. Continue?",
        reactivate: "Aktifkan Kembali"
            | "Reactivate",
        reactivate_note: "Catatan untuk mitra (opsional)"
            | "Note to the partner (optional)",
        history: "Riwayat status"
            | "Status history",
        history_empty: "Belum pernah ditangguhkan."
            | "Never suspended.",
        code_label: "Kode 6 digit atau kode pemulihan"
            | "6-digit code or recovery code",
        code_hint: "Buka aplikasi autentikator dan masukkan kode yang tampil. Tanpa ponsel? Pakai salah satu kode pemulihan Anda."
            | "Open your authenticator app and enter the code it shows. No phone? Use one of your recovery codes.",
        enroll_required: "Perusahaan Anda mewajibkan verifikasi dua langkah. Pindai kode QR ini dengan aplikasi autentikator, lalu masukkan kode 6 digit yang tampil."
            | "Your company requires two-step verification. Scan this QR code with an authenticator app, then enter the 6-digit code it shows.",
        recovery_title: "Simpan kode pemulihan Anda"
            | "Save your recovery codes",
        recovery_body: "Setiap kode hanya bisa dipakai sekali untuk masuk bila ponsel Anda tidak tersedia. Kode ini hanya ditampilkan sekali ini."
            | "Each code signs you in once when your phone is not at hand. They are shown this one time only.",
        continue_button: "Lanjut"
            | "Continue",
        security_menu: "Keamanan Akun"
            | "Account security",
        security_title: "Perangkat & Sesi"
            | "Devices & sessions",
        totp_section: "Verifikasi Dua Langkah"
            | "Two-step verification",
        totp_on: "Aktif: setiap login meminta kode dari aplikasi autentikator."
            | "On: every sign-in asks for a code from the authenticator app.",
        totp_off: "Belum aktif. Aktifkan agar akun tidak bisa dipakai hanya dengan password."
            | "Off. Turn it on so that a password alone cannot open the account.",
        recovery_left: "Kode pemulihan tersisa:"
            | "Recovery codes left:",
        totp_enable: "Aktifkan"
            | "Turn on",
        totp_disable: "Nonaktifkan"
            | "Turn off",
        totp_disable_hint: "Masukkan kode saat ini untuk menonaktifkan."
            | "Enter a current code to turn it off.",
        totp_required_note: "Diwajibkan oleh pemilik akun perusahaan."
            | "Required by the company's owner.",
        require_label: "Wajibkan verifikasi dua langkah untuk semua user perusahaan"
            | "Require two-step verification of every user of the company",
        sessions_section: "Sesi aktif"
            | "Active sessions",
        col_device: "Perangkat"
            | "Device",
        col_ip: "IP"
            | "IP",
        col_since: "Masuk sejak"
            | "Signed in since",
        col_seen: "Terakhir aktif"
            | "Last seen",
        this_session: "Sesi ini"
            | "This session",
        end_session: "Akhiri"
            | "End",
        end_others: "Akhiri semua sesi lain"
            | "End all other sessions",
        end_confirm: "Perangkat tersebut harus login ulang. Lanjutkan?"
            | "That device will have to sign in again. Continue?",
    }
}
