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
        why_title: "Mengapa ditolak?"
            | "Why was it refused?",
        why_no_header: "Ini normal untuk permintaan pertama: gateway menjawab 401 dengan challenge (WWW-Authenticate) dan klien Anda mengulang permintaan dengan header Authorization. Bila tidak ada permintaan berikutnya yang berhasil, klien Anda tidak menjawab challenge: aktifkan digest auth (curl --digest, CURLAUTH_DIGEST, HTTPDigestAuth)."
            | "This is normal for a first request: the gateway answers 401 with a challenge (WWW-Authenticate) and your client repeats the request with an Authorization header. If no later request succeeded, your client does not answer the challenge: switch on digest auth (curl --digest, CURLAUTH_DIGEST, HTTPDigestAuth).",
        why_malformed: "Header Authorization bukan Digest yang lengkap: username, realm, nonce, uri dan response wajib ada; dengan qop=auth juga nc (8 digit heksadesimal) dan cnonce."
            | "The Authorization header is not a complete Digest header: username, realm, nonce, uri and response are required; with qop=auth also nc (8 hex digits) and cnonce.",
        why_wrong_realm: "realm di header tidak sama dengan realm dari challenge. Pakai realm persis seperti di header WWW-Authenticate (huruf besar-kecil dan spasi sama)."
            | "The header's realm is not the challenge's. Use the realm exactly as the WWW-Authenticate header gives it (same case and spaces).",
        why_wrong_uri: "uri di header bukan path permintaan ini. uri harus path yang dipanggil (mis. /Services/Inquiry), dan HA2 = MD5(POST:uri) memakai uri yang sama."
            | "The header's uri is not this request's path. The uri must be the path called (e.g. /Services/Inquiry), and HA2 = MD5(POST:uri) uses that same uri.",
        why_stale_nonce: "nonce tidak dikeluarkan gateway ini atau sudah lebih dari 5 menit. Minta challenge baru (kirim tanpa Authorization) dan tanda tangani dengan nonce yang baru."
            | "The nonce was not issued by this gateway or is older than 5 minutes. Ask for a new challenge (send without Authorization) and sign with the new nonce.",
        why_replayed: "nonce dengan nc ini sudah pernah dipakai. Naikkan nc (00000001, 00000002, …) pada setiap permintaan dengan nonce yang sama, atau minta challenge baru."
            | "This nonce was already used with this nc. Count nc up (00000001, 00000002, …) on each request with the same nonce, or ask for a new challenge.",
        why_unknown_user: "username tidak dikenal di lingkungan ini. Username development dan production berbeda: pakai yang tertulis di email kredensial untuk lingkungan yang Anda panggil."
            | "The username is unknown in this environment. Development and production usernames differ: use the one the credentials e-mail gives for the environment you call.",
        why_wrong_password: "response tidak cocok: password salah, atau method/uri/nonce/nc/cnonce yang di-hash berbeda dari yang dikirim. HA1 = MD5(username:realm:password), HA2 = MD5(POST:uri), response = MD5(HA1:nonce:nc:cnonce:qop:HA2)."
            | "The response does not match: a wrong password, or a method/uri/nonce/nc/cnonce hashed otherwise than sent. HA1 = MD5(username:realm:password), HA2 = MD5(POST:uri), response = MD5(HA1:nonce:nc:cnonce:qop:HA2).",
        why_address_refused: "Alamat IP pemanggil belum disetujui untuk lingkungan ini. Daftarkan di Pengaturan Koneksi → IP Whitelist dan tunggu persetujuan operator."
            | "The calling IP address is not approved for this environment. Register it under Pengaturan Koneksi → IP Whitelist and wait for the operator's approval.",
        why_rate_limited: "Terlalu banyak permintaan dalam satu menit. Tunggu selama Retry-After (detik) lalu kirim lagi."
            | "Too many requests within a minute. Wait for Retry-After (seconds), then send again.",
        why_suspended: "Akun Anda ditangguhkan operator: transaksi ditolak dengan rc 10. Hubungi operator."
            | "The operator suspended your account: transactions are refused with rc 10. Contact the operator.",
        check_title: "Periksa header Authorization"
            | "Check an Authorization header",
        check_intro: "Tempel header Authorization yang dikirim klien Anda. Setiap bagian diperiksa seperti gateway memeriksanya; tidak ada yang dicatat, dan response yang benar tidak pernah ditampilkan."
            | "Paste the Authorization header your client sent. Each part is checked as the gateway checks it; nothing is recorded, and the right response is never shown.",
        check_header: "Header Authorization"
            | "Authorization header",
        check_path: "Path yang dipanggil"
            | "Path called",
        check_send: "Periksa"
            | "Check",
        check_part: "Bagian"
            | "Part",
        check_value: "Nilai"
            | "Value",
        check_finding: "Hasil"
            | "Finding",
        check_verdict: "Gateway akan menjawab"
            | "The gateway would answer",
        note_not_digest: "Bukan header Digest (harus diawali \"Digest \")"
            | "Not a Digest header (must start with \"Digest \")",
        note_missing: "Tidak ada atau kosong"
            | "Missing or empty",
        note_matches: "Sesuai"
            | "Right",
        note_differs: "Berbeda; seharusnya {}"
            | "Differs; should be {}",
        note_your_user: "Username Anda (lingkungan {})"
            | "Your username (environment {})",
        note_not_your_user: "Bukan username Anda"
            | "Not one of your usernames",
        note_nonce_fresh: "Dikeluarkan gateway ini {} detik lalu"
            | "Issued by this gateway {} seconds ago",
        note_nonce_expired: "Kedaluwarsa: dikeluarkan {} detik lalu (batas 300 detik)"
            | "Expired: issued {} seconds ago (the limit is 300 seconds)",
        note_nonce_foreign: "Tidak dikeluarkan gateway ini (terpotong, dikarang, atau dari tempat lain)"
            | "Not issued by this gateway (cut, made up, or from elsewhere)",
        note_nonce_other_env: "Nonce dari gateway lingkungan {}"
            | "A nonce of the {} gateway",
        note_nonce_used: "Sudah dipakai dengan nc ini (replay)"
            | "Already used with this nc (a replay)",
        note_nc_invalid: "nc harus 8 digit heksadesimal, mis. 00000001"
            | "nc must be 8 hex digits, e.g. 00000001",
        note_qop_missing: "Tanpa qop (RFC 2069): satu nonce hanya untuk satu permintaan"
            | "No qop (RFC 2069): one nonce serves one request",
        note_qop_other: "Harus {}"
            | "Must be {}",
        note_algorithm_other: "Hanya MD5 yang didukung"
            | "Only MD5 is supported",
        note_response_ok: "Benar: password dan bagian yang di-hash cocok"
            | "Right: the password and the hashed parts match",
        note_response_wrong: "Salah: password salah, atau method/uri/nonce/nc/cnonce di-hash berbeda dari yang dikirim"
            | "Wrong: a wrong password, or method/uri/nonce/nc/cnonce hashed otherwise than sent",
        note_response_other_method: "Di-hash dengan method {}, seharusnya POST"
            | "Hashed with method {}, should be POST",
        note_not_checked: "Tidak diperiksa: username bukan milik Anda"
            | "Not checked: the username is not yours",
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
