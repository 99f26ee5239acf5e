//! A partner company's users as tables show them, for the partner's
//! "Manajemen User" and the staff's partner page alike.

use crate::components::list::Column;
use crate::i18n::Texts;
use domain::rights::Right;

/// Username, Nama, Email, Nomor Telepon, Akses akun, Tgl Buat.
pub fn user_columns(t: &Texts) -> Vec<Column> {
    [
        t.team.username,
        t.common.name_label,
        t.common.email_label,
        t.team.col_phone,
        t.team.col_rights,
        t.team.col_created,
    ]
    .map(Column::new)
    .to_vec()
}

/// "Akses akun": all for the owner, else how many of the rights.
pub fn rights_summary(t: &Texts, owner: bool, held: usize) -> String {
    if owner {
        format!("{} ({})", t.team.all_rights, t.team.owner)
    } else {
        format!("{held}/{}", Right::ALL.len())
    }
}
