//! Laporan (issue 15): the partner's reports.

texts! {
    Reports {
        statement_title: "Rekening Koran"
            | "Deposit statement",
        statement_intro: "Setiap mutasi deposit pada periode yang dipilih (WIB) dengan saldo setelah mutasi, saldo awal dan saldo akhir."
            | "Every deposit movement in the chosen period (WIB) with the balance after it, the opening and the closing balance.",
        environment: "Lingkungan"
            | "Environment",
        from: "Dari tanggal"
            | "From",
        to: "Sampai tanggal"
            | "To",
        show: "Tampilkan"
            | "Show",
        download_csv: "Unduh CSV"
            | "Download CSV",
        download_xlsx: "Unduh Excel"
            | "Download Excel",
        opening: "Saldo Awal"
            | "Opening balance",
        closing: "Saldo Akhir"
            | "Closing balance",
        total_credit: "Total Kredit"
            | "Total credit",
        total_debit: "Total Debit"
            | "Total debit",
        entries: "Jumlah mutasi"
            | "Movements",
        col_time: "Waktu (WIB)"
            | "Time (WIB)",
        col_kind: "Jenis"
            | "Kind",
        col_reference: "Referensi"
            | "Reference",
        col_note: "Keterangan"
            | "Note",
        col_debit: "Debit"
            | "Debit",
        col_credit: "Kredit"
            | "Credit",
        col_balance: "Saldo"
            | "Balance",
        empty: "Tidak ada mutasi pada periode ini."
            | "No movement in this period.",
        next: "Halaman berikutnya"
            | "Next page",
        first: "Halaman pertama"
            | "First page",
        tx_title: "Status Transaksi"
            | "Transaction status",
        tx_intro: "Cari transaksi Anda per referenceID, nomor pelanggan, produk, status dan lingkungan (default: 7 hari terakhir, WIB). Pilih satu untuk melihat perjalanannya dari permintaan sampai callback."
            | "Find your transactions by referenceID, customer number, product, status and environment (default: the last 7 days, WIB). Pick one to see its story from request to callback.",
        reference_id: "referenceID"
            | "referenceID",
        customer_id: "Nomor pelanggan"
            | "Customer number",
        product: "Kode produk"
            | "Product code",
        status: "Status"
            | "Status",
        all: "Semua"
            | "All",
        status_inquired: "Inquiry"
            | "Inquiry",
        col_rc: "rc"
            | "rc",
        col_total: "Total"
            | "Total",
        tx_empty: "Tidak ada transaksi yang cocok."
            | "No matching transaction.",
        story: "Perjalanan transaksi"
            | "The transaction's story",
        see: "Lihat"
            | "Show",
        day_title: "Pelunasan Harian"
            | "Daily settlement",
        day_intro: "Pembayaran satu hari (WIB) per produk dan status, dengan saldo deposit awal dan akhir hari itu."
            | "One WIB day's payments per product and status, with the deposit's opening and closing balance of that day.",
        day: "Tanggal"
            | "Date",
        success_count: "Pembayaran berhasil"
            | "Successful payments",
        col_count: "Jumlah"
            | "Count",
        day_empty: "Tidak ada pembayaran pada hari ini."
            | "No payment on this day.",
        reconciliation_file: "Unduh file rekonsiliasi"
            | "Download the reconciliation file",
        day_lines: "Lihat transaksi hari ini"
            | "See this day's transactions",
        recap_title: "Rekap Pelunasan"
            | "Settlement recap",
        recap_intro: "Pembayaran berhasil per kategori dan produk pada periode yang dipilih (WIB), dengan tagihan, biaya admin, fee mitra dan total."
            | "Successful payments per category and product in the chosen period (WIB), with bills, admin fees, the partner fee and totals.",
        period: "Periode"
            | "Period",
        this_week: "Minggu ini"
            | "This week",
        this_month: "Bulan ini"
            | "This month",
        custom: "Pilih tanggal"
            | "Choose dates",
        category: "Kategori"
            | "Category",
        product_name: "Nama produk"
            | "Product name",
        col_tagihan: "Tagihan"
            | "Bills",
        col_admin: "Admin"
            | "Admin",
        col_partner_fee: "Fee mitra"
            | "Partner fee",
        recap_total: "Total"
            | "Total",
        recap_empty: "Belum ada pembayaran berhasil pada periode ini."
            | "No successful payment in this period.",
        pending_failed: "Masih pending / gagal"
            | "Still pending / failed",
        home_title: "Laporan"
            | "Reports",
        home_intro: "Ringkasan bulan ini (WIB) dan jalan pintas ke setiap laporan."
            | "This month's summary (WIB) and a way into each report.",
        month_success: "Pembayaran berhasil bulan ini"
            | "Successful payments this month",
        today_success: "Pembayaran berhasil hari ini"
            | "Successful payments today",
        balance_now: "Saldo deposit saat ini"
            | "Deposit balance now",
        top_products: "Produk terbesar bulan ini"
            | "This month's largest products",
        open_report: "Buka laporan"
            | "Open a report",
        staff_menu: "Transaksi"
            | "Transactions",
        staff_title: "Transaksi Mitra"
            | "Partners' transactions",
        staff_intro: "Transaksi semua mitra atau satu mitra (Merchant ID), dan pembayaran yang masih pending beserta umurnya. Finance dapat menandai pembayaran macet sukses atau refund, dengan alasan."
            | "Every partner's transactions or one partner's (Merchant ID), and the payments still pending with their age. Finance may mark a stuck payment successful or refunded, with a reason.",
        partner_reports: "Laporan mitra"
            | "Partner's reports",
        pick_partner: "Masukkan Merchant ID mitra untuk melihat laporannya."
            | "Enter a partner's Merchant ID to see its reports.",
        partner_ips: "Alamat IP"
            | "IP addresses",
        partner_ips_empty: "Mitra belum mendaftarkan alamat IP."
            | "The partner has not registered an IP address yet.",
        see_all: "Lihat selengkapnya"
            | "See all",
        recent_transactions: "Transaksi terbaru (Production)"
            | "Latest transactions (Production)",
        merchant_id: "Merchant ID"
            | "Merchant ID",
        partner: "Mitra"
            | "Partner",
        pending_title: "Pembayaran pending"
            | "Pending payments",
        pending_empty: "Tidak ada pembayaran pending."
            | "No pending payment.",
        age: "Umur"
            | "Age",
        in_flight: "sedang diproses biller"
            | "biller call in flight",
        resolve_reason: "Alasan"
            | "Reason",
        mark_success: "Tandai sukses"
            | "Mark successful",
        mark_refund: "Refund"
            | "Refund",
        resolve_confirm: "Keputusan ini final dan tercatat di audit: sukses dan refund tidak pernah keduanya. Lanjutkan?"
            | "This decision is final and audited: success and refund never both. Go on?",
        wr_title: "Web Report"
            | "Web Report",
        wr_intro: "Masuk dengan Merchant ID, kode petugas dan password dari e-mail credential untuk melihat transaksi production dan rekening koran (hanya baca)."
            | "Sign in with the Merchant ID, officer code and password of the credentials e-mail to see production transactions and the deposit statement (read only).",
        wr_officer: "Kode petugas"
            | "Officer code",
        wr_password: "Password"
            | "Password",
        wr_login: "Masuk"
            | "Sign in",
        wr_logout: "Keluar"
            | "Sign out",
        wr_change_title: "Ganti password Web Report"
            | "Change the Web Report password",
        wr_change_intro: "Ini pertama kali Anda masuk: ganti password dari e-mail sebelum melihat laporan."
            | "This is your first sign-in: change the e-mailed password before seeing the reports.",
        wr_current: "Password saat ini"
            | "Current password",
        wr_new: "Password baru"
            | "New password",
        wr_confirm: "Ulangi password baru"
            | "Repeat the new password",
        wr_change: "Ganti password"
            | "Change password",
        wr_readonly: "Hanya baca · Production"
            | "Read only · Production",
    }
}
