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
    }
}
