//! "Integrasi": Log API, Request UAT, Request Live and the staff queues.

texts! {
    Integration {
        menu_log: "Log API"
            | "API log",
        menu_uat: "Request UAT"
            | "Request UAT",
        menu_live: "Request Live"
            | "Request Live",
        log_title: "Log API"
            | "API log",
        log_intro: "Setiap request Anda ke gateway tercatat di sini: jam, path, IP, hasil autentikasi (dan bila gagal, alasannya), rc dan waktu proses. Di Development isi request dan response ikut disimpan dengan data rahasia disamarkan."
            | "Every request you send to the gateway is recorded here: time, path, IP, the authentication outcome (and when it failed, why), rc and latency. In development the request and response bodies are kept too, with secrets masked.",
        log_empty: "Belum ada request. Panggil gateway Development dengan credential Anda, lalu muat ulang halaman ini."
            | "No requests yet. Call the development gateway with your credentials, then reload this page.",
        col_path: "Path"
            | "Path",
        col_auth: "Autentikasi"
            | "Authentication",
        col_latency: "Waktu proses"
            | "Latency",
        filter_env: "Pilih Environment"
            | "Choose environment",
        filter_auth: "Pilih Hasil Autentikasi"
            | "Choose authentication outcome",
        filter_rc: "rc"
            | "rc",
        detail: "Detail"
            | "Details",
        detail_title: "Detail Request"
            | "Request details",
        request_body: "Request"
            | "Request",
        response_body: "Response"
            | "Response",
        no_body: "Tidak disimpan (Production menyimpan ringkasan tanpa isi)."
            | "Not kept (production keeps a summary without bodies).",
        session_label: "Session"
            | "Session",
        session_valid: "Valid"
            | "Valid",
        session_refused: "Ditolak (rc 34)"
            | "Refused (rc 34)",
        auth_ok: "Berhasil"
            | "Passed",
        auth_no_header: "Tanpa Authorization (challenge)"
            | "No Authorization (challenge)",
        auth_malformed: "Header digest tidak terbaca"
            | "Unreadable digest header",
        auth_wrong_realm: "Realm salah"
            | "Wrong realm",
        auth_wrong_uri: "uri tidak sama dengan path request"
            | "uri differs from the request path",
        auth_stale_nonce: "Nonce kedaluwarsa atau tidak dikenal"
            | "Stale or unknown nonce",
        auth_replayed: "Nonce dan nc sudah dipakai (replay)"
            | "Nonce and nc used before (replay)",
        auth_unknown_user: "User tidak dikenal di environment ini"
            | "Unknown user in this environment",
        auth_wrong_password: "Password salah untuk user ini"
            | "Wrong password for this user",
        auth_address_refused: "Alamat IP belum di-whitelist"
            | "Address not whitelisted",
        auth_rate_limited: "Melebihi batas request per menit"
            | "Over the request rate",
        auth_suspended: "Akun mitra ditangguhkan"
            | "Partner account suspended",
        uat_title: "Request UAT"
            | "Request UAT",
        uat_intro: "Ajukan UAT per produk: lampirkan File Inquiry (log request dan response, screenshot) dan File Struk. Daftar periksa di bawah dinilai otomatis dari panggilan Anda ke gateway Development."
            | "Request UAT per product: attach the inquiry file (request and response logs, screenshots) and the receipt file. The checklist below is graded automatically from your calls to the development gateway.",
        add_data: "Tambah Data"
            | "Add request",
        choose_product: "Pilih Produk"
            | "Choose product",
        file_inquiry: "File Inquiry"
            | "Inquiry file",
        file_struk: "File Struk"
            | "Receipt file",
        file_hint: "PDF, DOCX, PNG atau JPG, maksimal 5 MB."
            | "PDF, DOCX, PNG or JPG, at most 5 MB.",
        download_examples: "Download contoh Inquiry dan Payment"
            | "Download Inquiry and Payment examples",
        checklist_title: "Daftar periksa otomatis"
            | "Automatic checklist",
        checklist_pick: "Pilih produk untuk melihat daftar periksanya."
            | "Choose a product to see its checklist.",
        checklist_missing: "Masih ada yang belum terlihat di log Development. Anda tetap dapat mengajukan; operator melihat daftar yang sama."
            | "Some items are not in your development log yet. You may still submit; the operator sees the same list.",
        check_passed: "Terpenuhi"
            | "Passed",
        check_missing: "Belum"
            | "Not yet",
        see_log: "Lihat log"
            | "See log",
        item_sign_on: "Sign-On berhasil (SessionID diterima)"
            | "A successful Sign-On (SessionID received)",
        item_inquiry_ok: "Inquiry produk ini rc 00"
            | "An Inquiry of this product with rc 00",
        item_payment_ok: "Payment rc 00 dengan nominal dari Inquiry"
            | "A Payment rc 00 with the inquiry's amounts",
        item_single_payment_ok: "SinglePayment rc 00"
            | "A SinglePayment rc 00",
        item_duplicate_reference: "referenceID yang diulang dijawab rc 86 (tidak terdebet dua kali)"
            | "A repeated referenceID answered rc 86 (never debited twice)",
        item_pending_followed: "Transaksi pending (rc 71) diikuti Check-Status sampai final"
            | "A pending payment (rc 71) followed by Check-Status to its end",
        item_failure_seen: "Transaksi gagal terlihat dan ditangani"
            | "A failed payment seen and handled",
        uat_list_title: "Daftar Request UAT"
            | "UAT requests",
        uat_empty: "Belum ada Request UAT."
            | "No UAT requests yet.",
        col_files: "File"
            | "Files",
        status_waiting: "Menunggu"
            | "Waiting",
        status_approved: "Disetujui"
            | "Approved",
        status_rejected: "Ditolak"
            | "Rejected",
        delete_confirm: "Hapus Request UAT ini? Produk kembali berstatus Dipilih."
            | "Delete this UAT request? The product goes back to Chosen.",
        no_products_for_uat: "Belum ada produk yang dapat diajukan UAT. Pilih produk di menu Produk terlebih dahulu."
            | "No product can be sent to UAT yet. Choose products under Products first.",
        live_title: "Request Live"
            | "Request Live",
        live_intro: "Produk yang UAT-nya disetujui dapat diajukan Live. Setelah operator menyetujui, produk Aktif di Production."
            | "Products approved in UAT can be sent to Live. Once the operator approves, the product is active in production.",
        live_empty: "Belum ada produk yang UAT-nya disetujui."
            | "No product is approved in UAT yet.",
        live_button: "Request Live"
            | "Request Live",
        live_confirm_title: "Konfirmasi Request Live"
            | "Confirm Live request",
        live_confirm: "Yakin melakukan Request Live?"
            | "Send this Live request?",
        live_done: "Proses Berhasil"
            | "Done",
        uat_queue_title: "Persetujuan UAT"
            | "UAT approvals",
        uat_queue_empty: "Tidak ada Request UAT yang menunggu."
            | "No UAT request is waiting.",
        live_queue_title: "Persetujuan Live"
            | "Live approvals",
        live_queue_empty: "Tidak ada Request Live yang menunggu."
            | "No Live request is waiting.",
        col_age: "Umur"
            | "Age",
        approve_uat: "APPROVE UAT"
            | "APPROVE UAT",
        approve_live: "APPROVE LIVE"
            | "APPROVE LIVE",
        partner_log: "Log API mitra"
            | "Partner's API log",
        history_title: "Riwayat UAT / Live"
            | "UAT / Live history",
        history_empty: "Belum ada langkah produk."
            | "No product steps yet.",
        col_by: "Oleh"
            | "By",
        col_state: "Status Produk"
            | "Product status",
    }
}
