//! The partner's company profile: the form (manual Gambar 8–9) and its
//! state after submission (Gambar 10, with a moderation timeline).

pub mod documents;
pub mod form;
pub mod regions;
pub mod revision;
pub mod status;

use crate::i18n::Texts;
use domain::profile::{DocStatus, DocTypeOut};
use domain::Lang;

/// A document type's name in the page's language.
pub fn doc_name(t: &Texts, d: &DocTypeOut) -> String {
    match t.lang {
        Lang::Id => d.name_id.clone(),
        Lang::En => d.name_en.clone(),
    }
}

pub fn doc_status_text(t: &Texts, s: Option<DocStatus>) -> &'static str {
    match s {
        None => t.doc_none,
        Some(DocStatus::Pending) => t.doc_pending,
        Some(DocStatus::Accepted) => t.doc_accepted,
        Some(DocStatus::Rejected) => t.doc_rejected,
    }
}

pub fn doc_status_class(s: Option<DocStatus>) -> &'static str {
    match s {
        None => "status status-none",
        Some(DocStatus::Pending) => "status status-pending",
        Some(DocStatus::Accepted) => "status status-ok",
        Some(DocStatus::Rejected) => "status status-bad",
    }
}

/// "1,2 MB" style sizes for the upload limit.
pub fn megabytes(bytes: usize) -> String {
    format!("{} MB", (bytes as f64 / 1_048_576.0 * 10.0).round() / 10.0)
}
