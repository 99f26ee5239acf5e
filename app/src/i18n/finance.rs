//! Back office: deposits, the catalog, biller outages and price checks.

texts! {
    Finance {
        finance_title: "Deposit & Produk"
            | "Deposit & products",
        ledger_title: "Mutasi deposit"
            | "Deposit ledger",
        col_kind: "Jenis"
            | "Type",
        col_amount: "Nominal"
            | "Amount",
        col_balance: "Saldo"
            | "Balance",
        col_reference: "Referensi"
            | "Reference",
        adjust_title: "Kredit / debit manual"
            | "Manual credit / debit",
        adjust_amount_label: "Nominal (negatif untuk debit)"
            | "Amount (negative for a debit)",
        adjust_button: "Simpan mutasi"
            | "Record",
        environment_label: "Environment"
            | "Environment",
        products_title: "Produk aktif (production)"
            | "Products (production)",
        new_product_title: "Tambah Produk"
            | "Add product",
        new_category_title: "Tambah Kategori"
            | "Add category",
        category_code: "Kode Kategori"
            | "Category code",
        category_name: "Nama Kategori"
            | "Category name",
        flow_label: "Alur transaksi"
            | "Transaction flow",
        flow_dual: "Inquiry + Payment"
            | "Inquiry + Payment",
        flow_single: "SinglePayment"
            | "SinglePayment",
        biller_label: "Biller"
            | "Biller",
        prefix_label: "Prefix operator (khusus pulsa)"
            | "Operator prefix (pulsa only)",
        family_label: "Kode sub-family (getHargaByProductID)"
            | "Sub-family code (getHargaByProductID)",
        retire_hint: "Untuk memensiunkan produk, ubah statusnya menjadi nonaktif: produk hilang dari Tambah Produk mitra dan gateway menjawab rc 15."
            | "To retire a product, set its status to nonaktif: it leaves the partners' product list and the gateway answers rc 15.",
        override_reason: "Alasan override (wajib)"
            | "Reason for the override (required)",
        override_hint: "Khusus admin: mengaktifkan atau menonaktifkan produk di Production di luar alur UAT/Live. Tercatat di log audit dan riwayat produk."
            | "Admins only: switch a product on or off in production outside the UAT/Live path. Recorded in the audit log and the product history.",
        signon_blocked: "Sign-On diblokir: lebih dari 99 kali hari ini."
            | "Sign-On blocked: more than 99 today.",
        signon_reset: "Reset Sign-On"
            | "Reset Sign-On",
        ledger_empty: "Belum ada mutasi."
            | "No movements yet.",
        note_label: "Keterangan"
            | "Note",
        outage_title_production: "Status Biller (Produksi)"
            | "Biller status (production)",
        outage_hint_production: "Biller yang 5 kali berturut-turut tidak menjawab diputus sementara: produknya menjawab rc 38 (Maintenance) tanpa memanggil biller, lalu satu transaksi menguji lagi setelah jeda (30 detik, berlipat hingga 10 menit)."
            | "A biller that fails to answer 5 times in a row is cut off for a while: its products answer rc 38 (Maintenance) without calling it, then one transaction tests it again after a pause (30 s, doubling up to 10 minutes).",
        outage_empty_production: "Semua biller normal: belum ada gangguan tercatat."
            | "All billers normal: no outage recorded.",
        col_biller: "Biller"
            | "Biller",
        col_failures: "Gagal berturut-turut"
            | "Failures in a row",
        col_opened_at: "Terputus sejak"
            | "Down since",
        col_open_until: "Diuji lagi"
            | "Retried at",
        col_last_error: "Error terakhir"
            | "Last error",
        outage_closed: "Normal"
            | "Normal",
        outage_open: "Terputus (Maintenance)"
            | "Down (Maintenance)",
        outage_probing: "Sedang diuji"
            | "Being tested",
        outage_reset: "Tandai pulih"
            | "Mark recovered",
        outage_reset_confirm: "Tandai biller ini pulih? Produknya langsung dapat dipakai lagi."
            | "Mark this biller recovered? Its products can be used again at once.",
        price_check_title: "Harga Biller"
            | "Biller prices",
        price_check_hint: "Bandingkan daftar harga biller dengan katalog: harga beli yang berubah, harga yang membuat rugi, dan produk yang kosong."
            | "Compare the billers' price sheets with the catalog: buy prices that moved, prices that lose money, and products out of stock.",
        price_check_button: "Periksa harga biller"
            | "Check biller prices",
        verdict_changed: "Harga beli berubah"
            | "Buy price changed",
        verdict_loss: "Rugi: harga beli biller di atas harga jual"
            | "Loss: biller's buy price above the selling price",
        verdict_unavailable: "Kosong / gangguan di biller"
            | "Out of stock / disturbed at the biller",
        verdict_missing: "Tidak ada di daftar harga biller"
            | "Not on the biller's sheet",
        col_catalog_buy: "Harga beli katalog"
            | "Catalog buy price",
        col_biller_buy: "Harga beli biller"
            | "Biller buy price",
        col_code: "Kode"
            | "Code",
        col_price: "Harga jual"
            | "Selling price",
        col_admin_fee: "Biaya admin"
            | "Admin fee",
        col_partner_fee: "Fee mitra"
            | "Partner fee",
        col_buy_price: "Harga beli"
            | "Buying price",
        saved: "Tersimpan"
            | "Saved",
        kind_credit: "Kredit"
            | "Credit",
        kind_debit: "Debit"
            | "Debit",
        kind_refund: "Refund"
            | "Refund",
        kind_adjustment: "Koreksi"
            | "Adjustment",
    }
}
