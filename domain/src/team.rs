//! "Manajemen User" (manual §11): a partner company's own users. The owner
//! who registered has every right; the sub-users they add have the rights
//! ticked in the "Akses Akun" matrix, and work in the owner's company.

use crate::account::{check_new_password, check_password, check_required, normalize_email, Collector};
use crate::rights::Right;
use crate::{FieldError, Msisdn, Page, Problem, UserId};
use serde::{Deserialize, Serialize};

/// The add and edit form (Gambar 51, 56). On edit an empty password keeps
/// the current one.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct TeamUserIn {
    pub name: String,
    pub email: String,
    pub phone: String,
    pub password: String,
    pub password_confirm: String,
    pub rights: Vec<Right>,
}

/// A form that passed every rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeamUser {
    pub name: String,
    pub email: String,
    pub phone: Msisdn,
    /// `None` on an edit that keeps the password.
    pub password: Option<String>,
    pub rights: Vec<Right>,
}

impl TeamUserIn {
    /// Checks the form; `adding` makes the password required.
    pub fn parse(&self, adding: bool) -> Result<TeamUser, Vec<FieldError>> {
        let mut c = Collector::default();
        let name = c.check("name", check_required(&self.name, 100));
        let email = c.check("email", normalize_email(&self.email));
        let phone = c.check("phone", Msisdn::parse(&self.phone));
        let password = if adding || !self.password.is_empty() || !self.password_confirm.is_empty() {
            c.0.extend(check_new_password(&self.password, &self.password_confirm));
            Some(self.password.clone())
        } else {
            None
        };
        match (name, email, phone) {
            (Some(()), Some(email), Some(phone)) if c.0.is_empty() => Ok(TeamUser {
                name: self.name.trim().to_owned(),
                email,
                phone,
                password,
                rights: crate::rights::decode(&crate::rights::encode(&self.rights)),
            }),
            _ => Err(c.0),
        }
    }

    /// The problem of one field, for feedback while the user types.
    pub fn field_problem(&self, field: &str) -> Option<Problem> {
        match field {
            "name" => check_required(&self.name, 100).err(),
            "email" => normalize_email(&self.email).err(),
            "phone" => Msisdn::parse(&self.phone).err(),
            "password" if !self.password.is_empty() => check_password(&self.password).err(),
            _ => None,
        }
    }
}

/// One row of the user list (Gambar 54).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamUserOut {
    pub id: UserId,
    pub username: String,
    pub name: String,
    pub email: String,
    /// Local `08…` form.
    pub phone: String,
    pub rights: Vec<Right>,
    /// The owner: every right, cannot be edited or deleted here.
    pub owner: bool,
    /// Signed in with this account (cannot delete themself).
    pub me: bool,
    pub created_at: String,
    pub updated_at: String,
}

/// The "Manajemen User" page: the list, and the username the next user
/// will get (shown, not editable, in the add form).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamOut {
    pub users: Page<TeamUserOut>,
    pub next_username: String,
    /// What the signed-in user may grant (nobody grants what they lack).
    pub grantable: Vec<Right>,
}

/// A partner's user as staff see it on the partner page (read-only).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffTeamRow {
    pub username: String,
    pub name: String,
    pub email: String,
    pub phone: String,
    pub owner: bool,
    /// How many rights of the matrix the user holds.
    pub rights: usize,
    /// Confirmed their e-mail address.
    pub verified: bool,
    pub created_at: String,
}

/// "Keamanan Akun" of a partner user: their second factor and their
/// signed-in devices.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SecurityOut {
    pub totp_enabled: bool,
    /// Recovery codes not used yet.
    pub recovery_left: usize,
    /// The owner requires a second factor of every user.
    pub required: bool,
    pub owner: bool,
    pub sessions: Vec<SessionOut>,
}

/// One signed-in session ("Perangkat & Sesi").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionOut {
    /// Names the session without being it (a hash of its id).
    pub handle: String,
    /// Browser and system, read from the sign-in's User-Agent.
    pub device: String,
    pub ip: String,
    /// WIB.
    pub since: String,
    pub last_seen: String,
    /// The session of this very request.
    pub current: bool,
}

/// "Chrome · Windows": a User-Agent in words people know.
pub fn device_of(user_agent: &str) -> String {
    let ua = user_agent.to_lowercase();
    let browser =
        [("edg/", "Edge"), ("opr/", "Opera"), ("firefox/", "Firefox"), ("chrome/", "Chrome"), ("safari/", "Safari")]
            .iter()
            .find(|(k, _)| ua.contains(k))
            .map_or("Browser", |(_, v)| v);
    let system = [
        ("android", "Android"),
        ("iphone", "iPhone"),
        ("ipad", "iPad"),
        ("windows", "Windows"),
        ("mac os", "macOS"),
        ("linux", "Linux"),
    ]
    .iter()
    .find(|(k, _)| ua.contains(k))
    .map_or("", |(_, v)| v);
    match system {
        "" => browser.to_owned(),
        s => format!("{browser} · {s}"),
    }
}

/// The username of a company's `n`-th user: the company name's letters and
/// digits (at most 12, lower case) and the number, e.g. `sampurnajaya.02`.
/// Legal forms ("PT", "CV", "Tbk") are left out; they say nothing.
pub fn username(company: &str, n: u32) -> String {
    const FORMS: [&str; 6] = ["pt", "cv", "tbk", "ud", "pd", "koperasi"];
    let base: String = company
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !FORMS.contains(&w.to_lowercase().as_str()))
        .flat_map(|w| w.chars())
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .take(12)
        .collect();
    let base = if base.is_empty() { "mitra".to_owned() } else { base };
    format!("{base}.{n:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> TeamUserIn {
        TeamUserIn {
            name: " Rina Keuangan ".into(),
            email: "Rina@Sampurna.co.id".into(),
            phone: "0812 9999 0001".into(),
            password: "rahasia123".into(),
            password_confirm: "rahasia123".into(),
            rights: vec![Right::SubmitProfil, Right::KoneksiHalamanUtama, Right::KoneksiHalamanUtama],
        }
    }

    #[test]
    fn a_new_user_is_normalised_like_a_registration() {
        let u = form().parse(true).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(
            (u.name.as_str(), u.email.as_str(), u.phone.as_str()),
            ("Rina Keuangan", "rina@sampurna.co.id", "6281299990001")
        );
        assert_eq!(u.rights, vec![Right::KoneksiHalamanUtama, Right::SubmitProfil], "matrix order, no repeats");
        assert_eq!(u.password.as_deref(), Some("rahasia123"));
    }

    #[test]
    fn adding_needs_a_strong_confirmed_password_editing_may_keep_it() {
        let weak = TeamUserIn { password: "abc".into(), password_confirm: "abd".into(), ..form() };
        let errs = weak.parse(true).err().unwrap_or_default();
        assert_eq!(crate::problem_for(&errs, "password"), Some(Problem::PasswordWeak));
        assert_eq!(crate::problem_for(&errs, "password_confirm"), Some(Problem::PasswordMismatch));
        let keep = TeamUserIn { password: String::new(), password_confirm: String::new(), ..form() };
        assert_eq!(
            crate::problem_for(&keep.parse(true).err().unwrap_or_default(), "password"),
            Some(Problem::Required)
        );
        assert_eq!(keep.parse(false).map(|u| u.password), Ok(None));
    }

    #[test]
    fn devices_are_named_as_people_know_them() {
        let chrome = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36";
        assert_eq!(device_of(chrome), "Chrome · Windows");
        let iphone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Mobile/15E148 Safari/604.1";
        assert_eq!(device_of(iphone), "Safari · iPhone");
        assert_eq!(device_of("curl/8.0"), "Browser");
    }

    #[test]
    fn usernames_come_from_the_company_name() {
        assert_eq!(username("PT. Sampurna Jaya", 2), "sampurnajaya.02");
        assert_eq!(username("CV Toko Pulsa Makmur Sentosa Abadi", 12), "tokopulsamak.12");
        assert_eq!(username("PT", 3), "mitra.03");
    }
}
