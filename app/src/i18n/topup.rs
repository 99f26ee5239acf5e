//! "Top Up Deposit" (issue 14) for the partner, and finance's view of
//! top-ups in the back office.

texts! {
    Topup {
        menu: "Top Up Deposit"
            | "Top up deposit",
        title: "Top Up Deposit"
            | "Top up deposit",
        intro: "Isi deposit produksi Anda sendiri melalui Virtual Account bank atau GoPay. Deposit bertambah otomatis begitu pembayaran diterima."
            | "Top up your production deposit yourself by bank virtual account or GoPay. The deposit rises by itself once the payment is received.",
        deposit_now: "Deposit Produksi saat ini"
            | "Production deposit now",
        not_offered: "Top up mandiri belum tersedia di sini: layanan pembayaran belum dikonfigurasi. Hubungi operator untuk pengisian deposit melalui transfer bank."
            | "Self-service top-up is not available here: the payment service is not configured. Contact the operator to top up by bank transfer.",
        service_down: "Layanan pembayaran sedang tidak dapat dihubungi. Coba muat ulang halaman ini beberapa saat lagi."
            | "The payment service cannot be reached just now. Try reloading this page in a moment.",
        form_title: "Buat Tagihan Top Up"
            | "Create a top-up bill",
        amount: "Nominal Top Up"
            | "Top-up amount",
        method: "Metode Pembayaran"
            | "Payment method",
        method_off: "sedang tidak tersedia"
            | "not available now",
        admin_fee: "biaya admin"
            | "admin fee",
        create: "Buat Tagihan"
            | "Create bill",
        creating: "Membuat tagihan…"
            | "Creating the bill…",
        instructions: "Instruksi Pembayaran"
            | "Payment instructions",
        va_number: "Nomor Virtual Account"
            | "Virtual account number",
        copy: "Salin"
            | "Copy",
        copied: "Tersalin"
            | "Copied",
        pay_exactly: "Jumlah yang harus dibayar"
            | "Amount to pay",
        pay_exactly_hint: "Transfer tepat sejumlah ini agar deposit bertambah otomatis."
            | "Transfer exactly this amount for the deposit to rise by itself.",
        unique_code: "termasuk kode unik"
            | "unique code included",
        pay_before: "Bayar sebelum"
            | "Pay before",
        time_left: "Sisa waktu"
            | "Time left",
        gopay_scan: "Pindai kode QR ini dengan aplikasi Gojek atau GoPay."
            | "Scan this QR code with the Gojek or GoPay app.",
        gopay_open: "Buka aplikasi GoPay"
            | "Open the GoPay app",
        card_open: "Lanjutkan ke halaman pembayaran"
            | "Continue to the payment page",
        status: "Status"
            | "Status",
        waiting_hint: "Halaman ini diperbarui sendiri begitu pembayaran diterima."
            | "This page updates by itself once the payment is received.",
        paid_note: "Pembayaran diterima, deposit produksi telah bertambah."
            | "Payment received, the production deposit has risen.",
        mismatch_note: "Jumlah yang dibayar berbeda dari tagihan. Tim keuangan akan memeriksanya dan menghubungi Anda."
            | "The amount paid differs from the bill. Finance will check it and contact you.",
        expired_note: "Tagihan ini kedaluwarsa. Buat tagihan baru untuk top up."
            | "This bill has expired. Create a new one to top up.",
        accounts_title: "Virtual Account Permanen"
            | "Permanent virtual accounts",
        accounts_intro: "Transfer berapa pun ke nomor ini menambah deposit Anda tanpa membuat tagihan terlebih dahulu."
            | "Any transfer to these numbers tops up your deposit without creating a bill first.",
        accounts_empty: "Anda belum memiliki Virtual Account permanen."
            | "You have no permanent virtual account yet.",
        accounts_create: "Buat Virtual Account Permanen"
            | "Create permanent virtual accounts",
        col_bank: "Bank"
            | "Bank",
        col_fee: "Biaya per transfer"
            | "Fee per transfer",
        history: "Riwayat Top Up"
            | "Top-up history",
        history_empty: "Belum ada top up."
            | "No top-up yet.",
        col_time: "Waktu"
            | "Time",
        col_order: "Order ID"
            | "Order ID",
        col_method: "Metode"
            | "Method",
        col_amount: "Jumlah"
            | "Amount",
        show: "Lihat"
            | "Show",
    }
}

texts! {
    TopupFinance {
        menu: "Top Up"
            | "Top-ups",
        title: "Top Up Deposit Mitra"
            | "Partner deposit top-ups",
        intro: "Setiap top up melalui layanan pembayaran beserta webhook yang diterima. Kasus Selisih diselesaikan di sini; transfer bank biasa tetap dikreditkan manual di halaman mitra."
            | "Every top-up through the payment service with the webhooks received. Selisih cases are resolved here; plain bank transfers are still credited by hand on the partner's page.",
        filter: "Status"
            | "Status",
        all: "Semua"
            | "All",
        col_partner: "Mitra"
            | "Partner",
        col_paid: "Dibayar"
            | "Paid",
        col_webhooks: "Webhook"
            | "Webhooks",
        resolve_note: "Alasan"
            | "Reason",
        resolve_credit: "Kreditkan"
            | "Credit",
        resolve_refunded: "Tandai dikembalikan"
            | "Mark refunded",
        resolve_confirm: "Keputusan ini dicatat di audit dan tidak dapat diubah. Lanjutkan?"
            | "This decision is audited and cannot be changed. Continue?",
        resolved: "Diselesaikan"
            | "Resolved",
        unmatched: "Webhook tanpa order"
            | "Webhooks matching no order",
        unmatched_empty: "Tidak ada webhook tanpa order."
            | "No webhook without an order.",
        unmatched_hint: "Dana yang masuk tanpa order (webhook terverifikasi) dikreditkan ke mitra setelah pengirimnya diketahui, atau ditandai dikembalikan. Webhook yang tidak terverifikasi hanya dicatat."
            | "Money that came without an order (verified webhook) is credited to a partner once its sender is known, or marked refunded. Unverified webhooks are only recorded.",
        verified: "Terverifikasi"
            | "Verified",
        not_verified: "Tidak terverifikasi"
            | "Not verified",
        reconcile_title: "Rekonsiliasi Harian"
            | "Daily reconciliation",
        reconcile_intro: "Top up satu hari (WIB) dibandingkan dengan laporan keuangan layanan pembayaran dan riwayat K-Wallet tiap mitra. Hari kemarin dijalankan otomatis; selisih dikirim sebagai peringatan ke staf."
            | "One WIB day's top-ups against the payment service's finance report and each partner's K-Wallet history. Yesterday runs by itself; differences are sent to staff as an alert.",
        reconcile_day: "Tanggal"
            | "Date",
        reconcile_button: "Rekonsiliasi"
            | "Reconcile",
        reconcile_clean: "Tidak ada selisih"
            | "No differences",
        col_checked: "Order diperiksa"
            | "Orders checked",
        col_ours: "Catatan kita"
            | "Our record",
        col_theirs: "Catatan layanan"
            | "The service's record",
        col_what: "Selisih"
            | "Difference",
    }
}
