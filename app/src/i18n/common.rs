//! Words every area shares: buttons, column heads, the frame.

texts! {
    Common {
        switch_to: "English"
            | "Bahasa Indonesia",
        show_password: "Tampilkan password"
            | "Show password",
        loading: "Memuat…"
            | "Loading…",
        not_found: "Halaman tidak ditemukan"
            | "Page not found",
        back_to_login: "Kembali ke Login"
            | "Back to login",
        phone_label: "No. Handphone"
            | "Mobile number",
        password_label: "Password"
            | "Password",
        login_button: "Masuk"
            | "Log in",
        name_label: "Nama"
            | "Name",
        email_label: "Email"
            | "E-mail",
        password_hint: "Minimal 8 karakter, mengandung huruf dan angka"
            | "At least 8 characters with letters and digits",
        new_password_label: "Password Baru"
            | "New password",
        confirm_password_label: "Konfirmasi Password"
            | "Confirm password",
        save: "Simpan"
            | "Save",
        menu_label: "Menu utama"
            | "Main menu",
        menu_dashboard: "Dashboard"
            | "Dashboard",
        menu_change_password: "Ubah Password"
            | "Change password",
        logout: "Keluar"
            | "Log out",
        user_menu: "Menu pengguna"
            | "User menu",
        complete_title: "Pengisian Data Profil"
            | "Complete your profile",
        complete_button: "Lengkapi Data"
            | "Complete profile",
        account_status: "Status Akun"
            | "Account status",
        status_incomplete: "Profil belum lengkap"
            | "Profile incomplete",
        menu_profile: "Profil"
            | "Profile",
        category_label: "Kategori Usaha"
            | "Business category",
        category_pribadi: "Pribadi"
            | "Individual",
        category_koperasi: "Koperasi"
            | "Cooperative",
        category_perusahaan: "Perusahaan"
            | "Company",
        documents_section: "Dokumen"
            | "Documents",
        personal_phone_label: "No. Telepon/WA"
            | "Phone / WhatsApp",
        business_name_label: "Nama Usaha"
            | "Business name",
        business_phone_label: "No. Telepon"
            | "Phone",
        province_label: "Provinsi"
            | "Province",
        regency_label: "Kota / Kabupaten"
            | "City / Regency",
        district_label: "Kecamatan"
            | "District",
        village_label: "Kelurahan / Desa"
            | "Village",
        address_label: "Alamat usaha"
            | "Business address",
        doc_none: "Belum diunggah"
            | "Not uploaded",
        thanks_in_review: "Profil Anda saat ini dalam proses verifikasi"
            | "Your profile is being verified",
        thanks_sla: "Proses verifikasi 1x24 jam di hari kerja"
            | "Verification takes 1x24 hours on working days",
        profile_rejected: "Beberapa dokumen ditolak. Perbaiki dokumen yang ditolak lalu kirim ulang."
            | "Some documents were rejected. Fix them and submit again.",
        fix_profile: "Perbaiki Data"
            | "Fix profile",
        status_submitted: "Menunggu verifikasi"
            | "Waiting for verification",
        status_rejected: "Perlu perbaikan"
            | "Needs changes",
        status_approved: "Aktif"
            | "Active",
        merchant_id_label: "ID Merchant"
            | "Merchant ID",
        col_status: "Status"
            | "Status",
        col_time: "Waktu (WIB)"
            | "Time (WIB)",
        col_actor: "Pelaku"
            | "Actor",
        security_title: "Keamanan Akun"
            | "Account security",
        admin_staff: "Manajemen Staf"
            | "Staff",
        staff_you: "(Anda)"
            | "(you)",
        revision_title: "Revisi Data Profil"
            | "Profile revision",
        col_note: "Catatan"
            | "Note",
        menu_integration: "Nomor Development"
            | "Development numbers",
        deposit_production: "Saldo Deposit"
            | "Deposit balance",
        deposit_development: "Deposit Development"
            | "Development deposit",
        count_success: "Berhasil"
            | "Successful",
        count_failed: "Gagal"
            | "Failed",
        menu_connections: "Koneksi"
            | "Connections",
        connection_type: "Tipe Koneksi"
            | "Connection type",
        catalog_title: "Katalog Produk"
            | "Product catalog",
        prev_page: "Sebelumnya"
            | "Previous",
        next_page: "Selanjutnya"
            | "Next",
        search_label: "Search:"
            | "Search:",
        search_button: "Cari"
            | "Search",
        no_data: "Tidak ada data yang tersedia"
            | "No data available",
        show_entries: "Tampilkan"
            | "Show",
        entries_word: "data"
            | "entries",
        pages_label: "Halaman"
            | "Pages",
        confirm_delete_title: "Konfirmasi hapus"
            | "Confirm delete",
        confirm_delete_body: "Yakin ingin menghapus data ini?"
            | "Are you sure you want to delete this data?",
        success: "Sukses!"
            | "Success!",
        data_saved: "Data berhasil disimpan!"
            | "Data saved successfully!",
        yes: "Ya"
            | "Yes",
        no: "Tidak"
            | "No",
        col_actions: "Aksi"
            | "Actions",
        delete: "Hapus"
            | "Delete",
        confirm_title: "Konfirmasi"
            | "Confirm",
        all: "Semua"
            | "All",
    }
}
