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
        saved: "Sukses! Data berhasil disimpan!"
            | "Success! The data is saved!",
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
    }
}
