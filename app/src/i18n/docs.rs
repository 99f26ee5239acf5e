//! Koneksi → Dokumentasi (issue 16): the API documentation's pages.

texts! {
    Docs {
        menu: "Dokumentasi"
            | "Documentation",
        settings_tab: "Pengaturan Koneksi"
            | "Connection settings",
        nav_label: "Halaman dokumentasi"
            | "Documentation pages",
        request: "Contoh Request"
            | "Example request",
        response: "Contoh Response"
            | "Example response",
        example_note: "Contoh ini dikirim apa adanya ke gateway development oleh pengujian otomatis setiap build; jawabannya harus sama persis dengan yang tertulis di sini. Merchant ID Anda sudah dipasang."
            | "Every build's automated tests send this example as it is to the development gateway; its answer must be exactly the one shown. Your merchant ID is filled in.",
        endpoint: "Endpoint"
            | "Endpoint",
        fields: "Parameter"
            | "Parameters",
        field: "Field"
            | "Field",
        meaning: "Keterangan"
            | "Meaning",
        sequence: "Alur"
            | "Flow",
        partner: "Mitra"
            | "Partner",
        biller: "Biller"
            | "Biller",
        step_challenge_request: "POST tanpa Authorization"
            | "POST without Authorization",
        step_challenge: "401 + WWW-Authenticate: Digest (nonce)"
            | "401 + WWW-Authenticate: Digest (nonce)",
        step_signed: "POST + Authorization: Digest (response)"
            | "POST + Authorization: Digest (response)",
        step_biller: "Permintaan ke biller"
            | "Request to the biller",
        step_biller_answer: "Jawaban biller"
            | "Biller's answer",
        step_answer: "200 + JSON (rc)"
            | "200 + JSON (rc)",
        codes_intro: "Kode response gateway, diambil dari tabel yang dipakai gateway itu sendiri, dan cara membacanya di tiap langkah."
            | "The gateway's response codes, read from the table the gateway itself uses, and how to read each at every step.",
        important: "Penting!!"
            | "Important!",
        pending_rule: "Pada Payment dan Single Payment, rc 01, 03, 04, 05, 14, 19, 38, 39, 67 dan 71 berarti transaksi masih diproses (pending): jangan bayar ulang; tanyakan dengan Check Status atau tunggu callback."
            | "On Payment and Single Payment, rc 01, 03, 04, 05, 14, 19, 38, 39, 67 and 71 mean the transaction is still being processed (pending): do not pay again; ask with Check Status or wait for the callback.",
        col_code: "rc"
            | "rc",
        col_text: "Deskripsi"
            | "Description",
        success: "Sukses"
            | "Success",
        pending: "Pending"
            | "Pending",
        failed: "Gagal"
            | "Failed",
        auth_intro: "Setiap request diautentikasi dengan HTTP Digest (MD5, qop=auth). User dan password dikirim melalui email kredensial, berbeda untuk Development dan Production."
            | "Every request is authenticated with HTTP Digest (MD5, qop=auth). The user and password come in the credentials e-mail, different for Development and Production.",
        auth_steps: "Langkah"
            | "Steps",
        auth_step_1: "Kirim request; gateway menjawab 401 dengan header WWW-Authenticate berisi realm, nonce dan opaque."
            | "Send the request; the gateway answers 401 with a WWW-Authenticate header holding realm, nonce and opaque.",
        auth_step_2: "Hitung HA1 = MD5(user:realm:password), HA2 = MD5(method:uri), response = MD5(HA1:nonce:nc:cnonce:qop:HA2), semuanya hex huruf kecil."
            | "Compute HA1 = MD5(user:realm:password), HA2 = MD5(method:uri), response = MD5(HA1:nonce:nc:cnonce:qop:HA2), all lower-case hex.",
        auth_step_3: "Kirim ulang request dengan header Authorization: Digest …; satu nonce berlaku untuk satu nc satu kali, sekitar 5 menit."
            | "Send the request again with the Authorization: Digest … header; a nonce serves each nc once, for about 5 minutes.",
        vector: "Contoh perhitungan (test vector dokumentasi)"
            | "Worked example (the documentation's test vector)",
        vector_note: "Dihitung oleh kode digest gateway saat halaman ini dibuka. nc di-hash persis seperti dikirim: dengan nc 1 hasilnya"
            | "Computed by the gateway's own digest code when this page is opened. nc is hashed exactly as sent: with nc 1 the response is",
        signon_rules: "Aturan Sign On"
            | "Sign On rules",
        signon_rule_1: "SessionID berlaku sampai pukul 23:59 WIB hari itu; lakukan Sign On setelah pukul 00:15 WIB."
            | "The SessionID is valid until 23:59 WIB that day; sign on after 00:15 WIB.",
        signon_rule_2: "Paling banyak 99 kali Sign On per merchant per hari (WIB); lebih dari itu setiap request mendapat rc 34 sampai operator mereset penghitungnya."
            | "At most 99 sign-ons per merchant per (WIB) day; beyond that every request gets rc 34 until the operator resets the counter.",
        signon_rule_3: "rc 34 juga berarti session tidak valid atau kedaluwarsa: lakukan Sign On lagi. Kredensial Development tidak berlaku di Production, dan sebaliknya."
            | "rc 34 also means the session is invalid or expired: sign on again. Development credentials do not work in Production, nor the other way round.",
        products_intro: "Produk yang dijual saat ini, per kategori, dari katalog yang dipakai gateway."
            | "The products on sale now, by category, from the catalog the gateway uses.",
        col_product: "Kode Produk"
            | "Product code",
        col_name: "Nama Produk"
            | "Product name",
        col_flow: "Alur"
            | "Flow",
        col_admin: "Biaya Admin"
            | "Admin fee",
        col_price: "Harga"
            | "Price",
        changelog_intro: "Perubahan API, terbaru di atas."
            | "Changes to the API, newest first.",
        openapi_download: "Unduh OpenAPI 3.1 (JSON)"
            | "Download OpenAPI 3.1 (JSON)",
        postman_download: "Unduh koleksi Postman"
            | "Download the Postman collection",
        samples: "Contoh kode"
            | "Code samples",
        samples_note: "Sign On, Inquiry lalu Payment. Setiap build menjalankan contoh ini persis seperti tertulis terhadap gateway development; ganti USER_DEVELOPMENT dan PASSWORD_DEVELOPMENT dengan isi email kredensial."
            | "Sign On, Inquiry, then Payment. Every build runs these samples exactly as written against the development gateway; replace USER_DEVELOPMENT and PASSWORD_DEVELOPMENT with the credentials e-mail's values.",
        try_title: "Coba API"
            | "Try the API",
        try_intro: "Kirim request ke gateway development sebagai Anda: portal menjawab challenge digest dengan kredensial development Anda dan menampilkan seluruh pertukaran HTTP. Panggilan ini sungguhan — tercatat di Log API dan memakai deposit development."
            | "Send a request to the development gateway as yourself: the portal answers the digest challenge with your development credentials and shows the whole HTTP exchange. The call is real — it is recorded in Log API and uses the development deposit.",
        try_service: "Layanan"
            | "Service",
        try_body: "Body (JSON)"
            | "Body (JSON)",
        try_session_note: "{sessionID} diisi dengan session Sign On terakhir Anda yang masih berlaku; jalankan sign-on lebih dulu. Nomor pelanggan contoh adalah Nomor Development."
            | "{sessionID} is filled with your latest Sign On session still valid; run sign-on first. The example customer numbers are development numbers.",
        try_send: "Kirim"
            | "Send",
        try_result: "Pertukaran HTTP"
            | "HTTP exchange",
        try_sent: "Dikirim (sebagai Anda)"
            | "Sent (as you)",
        try_answer: "Jawaban gateway"
            | "Gateway's answer",
        try_log_link: "Lihat di Log API"
            | "See it in Log API",
        dev_numbers_link: "Nomor pelanggan untuk mencoba setiap hasil ada di halaman Nomor Development."
            | "Customer numbers that produce each outcome are on the Nomor Development page.",
    }
}
