//! The back office's "Biller" page (issue 13): configured billers, their
//! state, balance, routed products and latest calls.

texts! {
    Billers {
        menu: "Biller"
            | "Billers",
        title: "Biller"
            | "Billers",
        intro: "Biller hulu yang dikonfigurasi: alamat, status koneksi, saldo kita di biller, produk yang diarahkan ke biller ini beserta kodenya di sana, dan panggilan terakhir (rahasia disamarkan). Pengaturan alamat dan kredensial ada di konfigurasi server, bukan di sini."
            | "The configured upstream billers: address, connection state, our balance there, the products routed to each with their code there, and the latest calls (secrets masked). Addresses and credentials live in the server configuration, not here.",
        empty: "Belum ada biller yang dikonfigurasi. Produksi menjawab rc 18 sampai biller diatur (lihat README, bagian Biller)."
            | "No biller is configured. Production answers rc 18 until one is (see the README, section Billers).",
        kind_pulsa: "Provider pulsa & paket data (H2H, spesifikasi kiosAMPM v1.3)"
            | "Pulsa & data provider (H2H, kiosAMPM spec v1.3)",
        kind_pdam: "Tagihan air PDAM (API JWT)"
            | "PDAM water billing (JWT API)",
        simulator: "Simulator"
            | "Simulator",
        simulator_hint: "Biller ini adalah simulator di mesin ini, bukan provider sungguhan."
            | "This biller is a simulator on this machine, not a real provider.",
        url: "Alamat produksi"
            | "Production address",
        development_url: "Alamat development"
            | "Development address",
        development_sandbox: "Sandbox (tanpa biller)"
            | "Sandbox (no biller)",
        connection: "Koneksi"
            | "Connection",
        connected: "Normal"
            | "Normal",
        cut: "Terputus (Maintenance, rc 38)"
            | "Cut off (Maintenance, rc 38)",
        probing: "Sedang diuji"
            | "Being probed",
        balance: "Saldo di biller"
            | "Balance at the biller",
        balance_unknown: "Belum diketahui"
            | "Not known yet",
        balance_low: "di bawah batas peringatan"
            | "below the alert threshold",
        check_balance: "Cek Saldo"
            | "Check balance",
        last_alert: "Peringatan terakhir"
            | "Last alert",
        products: "Produk yang diarahkan"
            | "Routed products",
        no_products: "Belum ada produk yang diarahkan ke biller ini."
            | "No product is routed to this biller yet.",
        col_product: "Produk"
            | "Product",
        col_biller_code: "Kode di biller"
            | "Code at the biller",
        biller_code_hint: "Kosong: kode produk kita"
            | "Empty: our product code",
        route_title: "Arahkan produk ke biller ini"
            | "Route a product to this biller",
        route_code: "Kode produk"
            | "Product code",
        route_button: "Arahkan"
            | "Route",
        routed: "Rute produk disimpan."
            | "The product's route is saved.",
        calls: "Panggilan terakhir"
            | "Latest calls",
        no_calls: "Belum ada panggilan ke biller ini."
            | "No call to this biller yet.",
        col_time: "Waktu (WIB)"
            | "Time (WIB)",
        col_operation: "Operasi"
            | "Operation",
        col_request: "Permintaan"
            | "Request",
        col_reply: "Balasan"
            | "Reply",
        col_outcome: "Hasil"
            | "Outcome",
        col_latency: "Latensi"
            | "Latency",
    }
}
