//! The partner's company profile: the form (manual Gambar 8–9) and its
//! state after submission (Gambar 10, with a moderation timeline).

pub mod documents;
pub mod form;
pub mod regions;
pub mod revision;
pub mod status;

/// "1,2 MB" style sizes for the upload limit.
pub fn megabytes(bytes: usize) -> String {
    format!("{} MB", (bytes as f64 / 1_048_576.0 * 10.0).round() / 10.0)
}
