//! The partner's company profile: the form (manual Gambar 8–9) and its
//! state after submission (Gambar 10, with a moderation timeline).

pub mod form;
pub mod revision;
pub mod status;
