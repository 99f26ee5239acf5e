//! The company profile (KYB): form, documents, status and revisions.

texts! {
    Profile {
        profile_form_title: "Pengisian Data Profil"
            | "Complete your profile",
        service_label: "Pilih Layanan"
            | "Service",
        service_open_api: "Open API"
            | "Open API",
        personal_section: "Profil Pribadi"
            | "Personal profile",
        company_section: "Profil Perusahaan"
            | "Company profile",
        choose_province: "Pilih provinsi"
            | "Choose a province",
        choose_province_first: "Pilih provinsi dahulu"
            | "Choose a province first",
        choose_regency_first: "Pilih kota / kabupaten dahulu"
            | "Choose a city / regency first",
        choose_district_first: "Pilih kecamatan dahulu"
            | "Choose a district first",
        type_to_search: "Ketik untuk mencari, lalu pilih dari daftar"
            | "Type to search, then pick from the list",
        choose_category_first: "Pilih kategori usaha untuk melihat dokumen yang diperlukan."
            | "Choose a business category to see the documents it needs.",
        upload_hint: "JPG, PNG atau PDF, maksimal"
            | "JPG, PNG or PDF, at most",
        choose_file: "Pilih Berkas"
            | "Choose file",
        uploading: "Mengunggah…"
            | "Uploading…",
        save_draft: "Simpan Draf"
            | "Save draft",
        draft_saved: "Draf tersimpan. Anda dapat melanjutkan nanti."
            | "Draft saved. You can continue later.",
        submit_profile: "Simpan"
            | "Submit",
        doc_pending: "Menunggu verifikasi"
            | "Waiting for review",
        doc_accepted: "Diterima"
            | "Accepted",
        doc_rejected: "Ditolak"
            | "Rejected",
        doc_uploaded: "Terunggah"
            | "Uploaded",
        thanks_title: "Terima kasih telah mengisi profil"
            | "Thank you for completing your profile",
        profile_draft_notice: "Profil Anda belum dikirim."
            | "Your profile has not been submitted yet.",
        sla_clock: "Batas waktu verifikasi"
            | "Verification deadline",
        sla_explain: "1x24 jam kerja (Senin–Jumat WIB)"
            | "1x24 working hours (Monday–Friday WIB)",
        edit_data: "Ubah Data"
            | "Edit data",
        change_note_label: "Catatan perubahan"
            | "Change note",
        change_note_hint: "Jelaskan alasan perubahan data ini"
            | "Explain why this changes",
        change_document: "Ubah dokumen"
            | "Replace document",
        cancel_replacement: "Batalkan"
            | "Cancel",
        send_revision: "Kirim Revisi"
            | "Send revision",
        revision_pending_notice: "Revisi data Anda sedang diverifikasi. Akun tetap aktif dengan data yang sudah disetujui."
            | "Your revision is being reviewed. The account stays active on the approved data.",
        revision_approved_notice: "Revisi data terakhir telah disetujui."
            | "Your latest revision was approved.",
        revision_rejected_notice: "Revisi data terakhir ditolak:"
            | "Your latest revision was rejected:",
        cancel: "Batal"
            | "Cancel",
    }
}
