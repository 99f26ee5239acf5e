//! The partner portal: dashboard, connections, callbacks, development numbers.

texts! {
    Portal {
        see_reports: "Lihat Laporan"
            | "See reports",
        chart_title: "Pembayaran berhasil 30 hari terakhir — Produksi"
            | "Successful payments, last 30 days — Production",
        chart_as_table: "Tampilkan sebagai tabel"
            | "Show as a table",
        chart_day: "Tanggal"
            | "Date",
        chart_count: "Jumlah transaksi"
            | "Transactions",
        chart_total: "Nilai"
            | "Amount",
        chart_empty: "Belum ada pembayaran berhasil dalam 30 hari terakhir."
            | "No successful payment in the last 30 days.",
        runway: "Cukup untuk ± {n} hari"
            | "Lasts about {n} days",
        runway_none: "Belum ada pemakaian 7 hari terakhir"
            | "No spending in the last 7 days",
        runway_hint: "perkiraan dari rata-rata pemakaian 7 hari terakhir"
            | "estimated from the last 7 days' average spend",
        low_balance_label: "Peringatan saldo rendah (Rp)"
            | "Low-balance warning (Rp)",
        low_balance_hint: "Kami kirim e-mail bila saldo production di bawah angka ini, paling banyak sekali sehari. Kosongkan untuk mematikan."
            | "We e-mail you when the production balance falls under this amount, at most once a day. Leave empty to switch it off.",
        low_balance_saved: "Batas peringatan disimpan."
            | "Warning level saved.",
        low_balance_below: "Saldo di bawah batas peringatan"
            | "Balance under the warning level",
        set_connection: "Atur Koneksi"
            | "Set up the connection",
        change_password_title: "Ubah Password"
            | "Change password",
        current_password_label: "Password Saat Ini"
            | "Current password",
        change_done: "Password berhasil diubah."
            | "Your password was changed.",
        complete_body: "Silakan lengkapi data profil pribadi atau perusahaan Anda beserta dokumen pendukung agar akun dapat diverifikasi."
            | "Please complete your personal or company profile and supporting documents so your account can be verified.",
        welcome: "Selamat datang"
            | "Welcome",
        dev_numbers_title: "Nomor Development"
            | "Development numbers",
        dev_numbers_intro: "Nomor pelanggan untuk mencoba API di environment development. Hasilnya sama untuk setiap produk kecuali disebut lain; nomor lain selalu berhasil. Deposit development dimulai Rp 10.000.000."
            | "Customer numbers to try the API in the development environment. Outcomes apply to every product unless stated; other numbers always succeed. The development deposit starts at Rp 10.000.000.",
        col_product_family: "Produk"
            | "Product",
        col_customer_id: "ID Pelanggan"
            | "Customer ID",
        col_outcome: "Hasil"
            | "Outcome",
        today_title: "Transaksi hari ini — Produksi"
            | "Today's transactions — production",
        today_development_title: "Transaksi hari ini — Development"
            | "Today's transactions — development",
        count_pending: "Pending"
            | "Pending",
        count_refund: "Refund"
            | "Refunds",
        connections_title: "Pengaturan Koneksi"
            | "Connection settings",
        ip_add_title: "Tambah IP"
            | "Add an IP address",
        ip_hint: "IPv4 atau IPv6 server Anda yang memanggil API, mis. 203.0.113.7"
            | "IPv4 or IPv6 of your server calling the API, e.g. 203.0.113.7",
        ip_pending: "Menunggu persetujuan"
            | "Waiting for approval",
        ip_approved: "Disetujui"
            | "Approved",
        ip_rejected: "Ditolak"
            | "Rejected",
        ip_empty: "Belum ada IP terdaftar."
            | "No addresses yet.",
        add: "Tambah"
            | "Add",
        callback_title: "Callback"
            | "Callback",
        callback_url_label: "URL Callback"
            | "Callback URL",
        callback_url_hint: "Hasil transaksi pending dikirim ke URL ini (POST JSON) sampai dijawab HTTP 200."
            | "Results of pending transactions are POSTed (JSON) here until it answers HTTP 200.",
        callback_secret_label: "Kunci tanda tangan"
            | "Signing key",
        callback_signature_doc: "Setiap callback membawa header X-Callback-Timestamp dan X-Callback-Signature = \"sha256=\" + HMAC-SHA256(kunci, timestamp + \".\" + body) dalam hex."
            | "Every callback carries X-Callback-Timestamp and X-Callback-Signature = \"sha256=\" + hex HMAC-SHA256(key, timestamp + \".\" + body).",
        callback_empty: "Belum ada callback terkirim."
            | "No callbacks yet.",
        resend_callback: "Kirim ulang"
            | "Send again",
        sandbox_reset: "Reset deposit development"
            | "Reset the development deposit",
        sandbox_reset_confirm: "Kembalikan deposit development ke Rp 10.000.000?"
            | "Put the development deposit back to Rp 10.000.000?",
        outage_title_sandbox: "Gangguan Simulasi"
            | "Simulated outages",
        outage_hint_sandbox: "Nomor berakhiran 38 mensimulasikan biller terputus. Setelah 5 kali berturut-turut, produk biller tersebut menjawab rc 38 untuk akun Anda sampai diuji ulang atau ditandai pulih."
            | "Numbers ending in 38 simulate a biller that is down. After 5 in a row, that biller's products answer rc 38 for your account until retested or marked recovered.",
        outage_empty_sandbox: "Tidak ada gangguan simulasi."
            | "No simulated outage.",
        delivery_pending: "Menunggu kirim"
            | "Waiting",
        delivery_delivered: "Terkirim"
            | "Delivered",
        delivery_failed: "Gagal"
            | "Failed",
        menu_products: "Produk"
            | "Products",
        products_title: "Produk"
            | "Products",
        tab_add: "Tambah Produk"
            | "Add products",
        tab_yours: "Produk Anda"
            | "Your products",
        col_choose: "Pilih"
            | "Choose",
        col_product_code: "Kode Produk"
            | "Product code",
        col_product_name: "Nama Produk"
            | "Product name",
        col_admin_fee: "Biaya Admin"
            | "Admin fee",
        col_fee: "Fee"
            | "Fee",
        col_product_status: "Status Produk"
            | "Product status",
        choose_category: "Pilih Kategori Produk"
            | "Product category",
        choose_status: "Pilih Status Produk"
            | "Product status",
        products_add_hint: "Centang produk yang ingin Anda jual, lalu Simpan. Produk yang tidak dipilih tidak disimpan ke sistem."
            | "Tick the products you want to sell, then Save. Products not ticked are not saved.",
        products_none_left: "Tidak ada produk lain untuk dipilih di kategori ini."
            | "No other products to choose in this category.",
        products_none_yours: "Belum ada produk. Pilih produk di tab Tambah Produk."
            | "No products yet. Choose some in the Add products tab.",
        state_selected: "Dipilih"
            | "Chosen",
        state_uat_requested: "UAT Diajukan"
            | "UAT requested",
        state_uat_approved: "UAT Disetujui"
            | "UAT approved",
        state_uat_rejected: "UAT Ditolak"
            | "UAT rejected",
        state_live_requested: "Live Diajukan"
            | "Live requested",
        state_active: "Aktif"
            | "Active",
        state_maintenance: "Maintenance"
            | "Maintenance",
        state_inactive: "Nonaktif"
            | "Inactive",
    }
}
