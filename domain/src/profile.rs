//! The partner's company profile (KYB) and its documents.

use crate::account::{check_required, normalize_email};
use crate::{FieldError, Msisdn, Problem};
use serde::{Deserialize, Serialize};

/// "Kategori Usaha".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Category {
    Pribadi,
    Koperasi,
    Perusahaan,
}

impl Category {
    pub const ALL: [Category; 3] = [Category::Pribadi, Category::Koperasi, Category::Perusahaan];

    pub fn code(self) -> &'static str {
        match self {
            Category::Pribadi => "pribadi",
            Category::Koperasi => "koperasi",
            Category::Perusahaan => "perusahaan",
        }
    }

    pub fn from_code(code: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.code() == code)
    }
}

stored_enum! {
    /// Which file of a document type a row is.
    pub enum DocSlot {
        /// The file moderation decides (or decided) on.
        Current = "current",
        /// A replacement proposed with a revision of an approved profile.
        Revision = "revision",
    }
}

stored_enum! {
    pub enum ProfileStatus {
        /// Being filled in; nothing sent yet.
        Draft = "draft",
        /// Sent; waiting for the operator (1x24 working hours).
        Submitted = "submitted",
        /// The operator rejected at least one document.
        Rejected = "rejected",
        Approved = "approved",
    }
}

impl ProfileStatus {
    /// The partner may change the form (a submitted one waits for moderation).
    pub fn editable(self) -> bool {
        matches!(self, ProfileStatus::Draft | ProfileStatus::Rejected)
    }
}

stored_enum! {
    pub enum DocStatus {
        Pending = "pending",
        Accepted = "accepted",
        Rejected = "rejected",
    }
}

/// The form's fields, as typed (a missing field is an empty one).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProfileIn {
    pub category: String,
    pub personal_name: String,
    pub personal_phone: String,
    pub personal_email: String,
    pub business_name: String,
    pub business_phone: String,
    pub province: String,
    pub regency: String,
    pub district: String,
    pub village: String,
    pub address: String,
}

/// One kind of document and whether the chosen category needs it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocTypeOut {
    pub code: String,
    pub name_id: String,
    pub name_en: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentOut {
    pub id: crate::DocumentId,
    pub doc_type: String,
    pub original_name: String,
    pub content_type: String,
    pub size_bytes: i64,
    pub status: DocStatus,
    pub reason: Option<String>,
    /// Who decided, read from the audit log.
    pub moderated: Option<Moderation>,
}

/// "Dimoderasi oleh NAME pada DD/MM/YYYY HH:MM:SS".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Moderation {
    pub by: String,
    /// `DD/MM/YYYY HH:MM:SS` WIB.
    pub at: String,
}

stored_enum! {
    pub enum RevisionStatus {
        Submitted = "submitted",
        Approved = "approved",
        Rejected = "rejected",
    }
}

/// One changed field of a revision: before, after and the partner's note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldChange {
    pub field: String,
    pub old: String,
    pub new: String,
    pub note: String,
}

/// A proposed change to an approved profile ("Revisi Data Profil").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RevisionOut {
    pub id: crate::RevisionId,
    pub status: RevisionStatus,
    pub changes: Vec<FieldChange>,
    /// Replacement documents proposed with it.
    pub documents: Vec<DocumentOut>,
    pub submitted_at: String,
    pub reason: Option<String>,
    pub decided: Option<Moderation>,
}

/// The fields a revision may change (the category stays: it decides which
/// documents were verified).
pub const REVISABLE_FIELDS: [&str; 10] = [
    "personal_name",
    "personal_phone",
    "personal_email",
    "business_name",
    "business_phone",
    "province",
    "regency",
    "district",
    "village",
    "address",
];

/// Everything the profile pages show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileOut {
    pub status: ProfileStatus,
    pub fields: ProfileIn,
    pub doc_types: Vec<DocTypeOut>,
    /// Document codes each category requires.
    pub required: Vec<(Category, Vec<String>)>,
    pub documents: Vec<DocumentOut>,
    pub submitted_at: Option<String>,
    pub max_upload_bytes: usize,
    /// The moderation clock while the profile waits.
    pub sla: Option<crate::sla::SlaClock>,
    /// The latest revision, if the partner ever asked for one.
    pub revision: Option<RevisionOut>,
    /// Replacement files uploaded for a revision not yet sent.
    pub revision_uploads: Vec<DocumentOut>,
}

impl ProfileOut {
    pub fn required_for(&self, category: &str) -> Vec<String> {
        Category::from_code(category)
            .and_then(|c| self.required.iter().find(|(k, _)| *k == c))
            .map(|(_, docs)| docs.clone())
            .unwrap_or_default()
    }
}

/// The accepted file kinds, recognised by their first bytes (never by name).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum FileKind {
    Jpeg,
    Png,
    Pdf,
}

impl FileKind {
    pub fn sniff(bytes: &[u8]) -> Option<FileKind> {
        if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Some(FileKind::Jpeg)
        } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            Some(FileKind::Png)
        } else if bytes.starts_with(b"%PDF-") {
            Some(FileKind::Pdf)
        } else {
            None
        }
    }

    pub fn content_type(self) -> &'static str {
        match self {
            FileKind::Jpeg => "image/jpeg",
            FileKind::Png => "image/png",
            FileKind::Pdf => "application/pdf",
        }
    }
}

/// A file name fit for display and `Content-Disposition`: the last path
/// part, printable characters only, at most 150 characters.
pub fn clean_file_name(raw: &str) -> String {
    let base = raw.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String =
        base.chars().filter(|c| !c.is_control() && !matches!(c, '"' | '<' | '>' | '|' | '*' | '?')).take(150).collect();
    let cleaned = cleaned.trim().trim_start_matches('.').trim().to_owned();
    if cleaned.is_empty() {
        "dokumen".into()
    } else {
        cleaned
    }
}

fn optional<T>(v: &str, parse: impl FnOnce(&str) -> Result<T, Problem>) -> Result<(), Problem> {
    if v.trim().is_empty() {
        Ok(())
    } else {
        parse(v).map(|_| ())
    }
}

impl ProfileIn {
    /// A field's value by its form name (empty for an unknown name).
    pub fn get(&self, field: &str) -> &str {
        match field {
            "category" => &self.category,
            "personal_name" => &self.personal_name,
            "personal_phone" => &self.personal_phone,
            "personal_email" => &self.personal_email,
            "business_name" => &self.business_name,
            "business_phone" => &self.business_phone,
            "province" => &self.province,
            "regency" => &self.regency,
            "district" => &self.district,
            "village" => &self.village,
            "address" => &self.address,
            _ => "",
        }
    }

    /// Sets a revisable field by its form name (others are ignored).
    pub fn set(&mut self, field: &str, value: &str) {
        let slot = match field {
            "personal_name" => &mut self.personal_name,
            "personal_phone" => &mut self.personal_phone,
            "personal_email" => &mut self.personal_email,
            "business_name" => &mut self.business_name,
            "business_phone" => &mut self.business_phone,
            "province" => &mut self.province,
            "regency" => &mut self.regency,
            "district" => &mut self.district,
            "village" => &mut self.village,
            "address" => &mut self.address,
            _ => return,
        };
        value.clone_into(slot);
    }

    /// The revisable fields whose trimmed values differ from `approved`.
    pub fn changed_from(&self, approved: &ProfileIn) -> Vec<&'static str> {
        REVISABLE_FIELDS.into_iter().filter(|f| self.get(f).trim() != approved.get(f).trim()).collect()
    }

    /// Problems of the form. A draft only needs well-formed values; a
    /// submission needs every field.
    pub fn problems(&self, submit: bool) -> Vec<FieldError> {
        let mut errs = Vec::new();
        let mut check = |field: &str, r: Result<(), Problem>| {
            if let Err(p) = r {
                errs.push(FieldError::new(field, p));
            }
        };
        let required = |v: &str, max: usize| -> Result<(), Problem> {
            match check_required(v, max) {
                Err(Problem::Required) if !submit => Ok(()),
                r => r,
            }
        };
        check(
            "category",
            if submit { Category::from_code(&self.category).map(|_| ()).ok_or(Problem::Required) } else { Ok(()) },
        );
        check("personal_name", required(&self.personal_name, 100));
        check(
            "personal_phone",
            required(&self.personal_phone, 20).and_then(|_| optional(&self.personal_phone, Msisdn::parse)),
        );
        check(
            "personal_email",
            required(&self.personal_email, 254).and_then(|_| optional(&self.personal_email, normalize_email)),
        );
        check("business_name", required(&self.business_name, 150));
        check(
            "business_phone",
            required(&self.business_phone, 20).and_then(|_| optional(&self.business_phone, phone_any)),
        );
        for field in ["province", "regency", "district", "village"] {
            check(field, required(self.get(field), 13));
        }
        check("address", required(&self.address, 500));
        errs
    }
}

/// A business phone may be a landline: digits, 8–15 of them, optional `+`.
fn phone_any(v: &str) -> Result<(), Problem> {
    let digits: String = v.chars().filter(|c| !matches!(c, ' ' | '-' | '(' | ')')).collect();
    let d = digits.strip_prefix('+').unwrap_or(&digits);
    if (8..=15).contains(&d.len()) && d.chars().all(|c| c.is_ascii_digit()) {
        Ok(())
    } else {
        Err(Problem::PhoneInvalid)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_recognised_by_content_not_name() {
        assert_eq!(FileKind::sniff(b"%PDF-1.7 ..."), Some(FileKind::Pdf));
        assert_eq!(FileKind::sniff(&[0xFF, 0xD8, 0xFF, 0xE0]), Some(FileKind::Jpeg));
        assert_eq!(FileKind::sniff(b"\x89PNG\r\n\x1a\n...."), Some(FileKind::Png));
        assert_eq!(FileKind::sniff(b"hello, I am text pretending to be a jpg"), None);
        assert_eq!(FileKind::sniff(b""), None);
    }

    #[test]
    fn file_names_lose_paths_and_control_characters() {
        assert_eq!(clean_file_name("../../etc/passwd"), "passwd");
        assert_eq!(clean_file_name("C:\\Users\\a\\NPWP kantor.pdf"), "NPWP kantor.pdf");
        assert_eq!(clean_file_name("a\u{0}b\"c.pdf"), "abc.pdf");
        assert_eq!(clean_file_name(".."), "dokumen");
    }

    #[test]
    fn a_draft_may_be_partial_but_a_submission_may_not() {
        let mut p = ProfileIn { personal_phone: "0812".into(), ..Default::default() };
        assert_eq!(p.problems(false), vec![FieldError::new("personal_phone", Problem::PhoneInvalid)]);
        p.personal_phone.clear();
        assert!(p.problems(false).is_empty());
        let fields: Vec<_> = p.problems(true).into_iter().map(|e| e.field).collect();
        assert_eq!(fields.len(), 11, "{fields:?}");
    }

    #[test]
    fn a_revision_knows_what_changed() {
        let approved = ProfileIn { business_name: "PT A".into(), address: "Jl. 1".into(), ..Default::default() };
        let mut next = approved.clone();
        assert!(next.changed_from(&approved).is_empty());
        next.business_name = " PT A ".into();
        assert!(next.changed_from(&approved).is_empty(), "spaces are not a change");
        next.address = "Jl. 2".into();
        next.category = "koperasi".into();
        assert_eq!(next.changed_from(&approved), vec!["address"], "the category is not revisable");
    }
}
