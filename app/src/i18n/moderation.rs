//! Back office: the review queue, a profile's review, partners, audit.

texts! {
    Moderation {
        admin_welcome: "Selamat datang di Back Office"
            | "Welcome to the back office",
        admin_role: "Peran"
            | "Role",
        admin_next: "Antrean moderasi, persetujuan IP, UAT dan Live akan tampil di sini."
            | "Moderation, IP, UAT and Live queues will appear here.",
        admin_home: "Beranda"
            | "Home",
        admin_queue: "Antrean Moderasi"
            | "Moderation queue",
        admin_review: "Verifikasi Profil"
            | "Profile review",
        filter_status: "Status"
            | "Status",
        col_business: "Nama Usaha"
            | "Business",
        col_category: "Kategori"
            | "Category",
        col_submitted: "Dikirim"
            | "Submitted",
        col_age: "Umur"
            | "Age",
        over_sla: "lewat 1x24 jam"
            | "past 1x24 hours",
        open_review: "Periksa"
            | "Review",
        queue_empty: "Tidak ada profil pada status ini."
            | "No profiles in this state.",
        accept: "Terima"
            | "Accept",
        reject: "Tolak"
            | "Reject",
        reject_reason: "Alasan penolakan"
            | "Reason for rejection",
        back_to_queue: "Kembali ke antrean"
            | "Back to the queue",
        region_label: "Wilayah"
            | "Area",
        admin_audit: "Log Audit"
            | "Audit log",
        search_hint: "Nama pelaku, aksi atau ID data"
            | "Actor name, action or record ID",
        col_action: "Aksi"
            | "Action",
        col_entity: "Data"
            | "Record",
        col_change: "Perubahan"
            | "Change",
        admin_partners: "Mitra"
            | "Partners",
        role_admin: "Admin"
            | "Admin",
        role_moderator: "Moderator"
            | "Moderator",
        role_finance: "Keuangan"
            | "Finance",
        filter_waiting: "Menunggu (semua)"
            | "Waiting (all)",
        filter_revision: "Revisi"
            | "Revisions",
        filter_mine: "Ditugaskan ke saya"
            | "Assigned to me",
        assign_to_me: "Ambil"
            | "Assign to me",
        assigned_to: "Ditangani"
            | "Assigned to",
        unassigned: "Belum ada"
            | "Nobody",
        kind_revision: "Revisi data"
            | "Data revision",
        col_field: "Data"
            | "Field",
        col_old: "Nilai lama"
            | "Old value",
        col_new: "Nilai baru"
            | "New value",
        approve_revision: "Setujui Revisi"
            | "Approve revision",
        reject_revision: "Tolak Revisi"
            | "Reject revision",
        revision_docs: "Dokumen pengganti"
            | "Replacement documents",
        partners_empty: "Tidak ada mitra yang cocok."
            | "No matching partners.",
        partners_hint: "Nama, perusahaan, merchant ID, no. handphone atau email"
            | "Name, company, merchant ID, mobile or e-mail",
        col_registered: "Terdaftar"
            | "Registered",
        col_merchant: "Merchant ID"
            | "Merchant ID",
        open_partner: "Lihat"
            | "Open",
        partner_timeline: "Riwayat"
            | "History",
        email_verified_label: "Email terverifikasi"
            | "E-mail verified",
        back_to_partners: "Kembali ke daftar mitra"
            | "Back to partners",
        profile_not_started: "Mitra belum mengisi profil."
            | "The partner has not started the profile.",
        ip_queue_title: "Persetujuan IP"
            | "IP approvals",
        ip_queue_empty: "Tidak ada IP yang menunggu persetujuan."
            | "No addresses waiting.",
        approve: "Setujui"
            | "Approve",
        reconcile_title: "Rekonsiliasi H+1"
            | "H+1 reconciliation",
        reconcile_hint: "Pembayaran yang masih pending pada hari tersebut ditanyakan ke biller; yang belum final ditutup gagal dan deposit dikembalikan. Aman dijalankan ulang."
            | "Payments of that day still pending are asked of their biller; what is not final is closed as failed and refunded. Safe to re-run.",
        reconcile_day: "Tanggal (WIB)"
            | "Day (WIB)",
        reconcile_button: "Jalankan"
            | "Run",
        actor_partner: "Mitra"
            | "Partner",
        actor_staff: "Staf"
            | "Staff",
    }
}
