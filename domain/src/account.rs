//! Partner account DTOs and the rules both the browser and the server check.

use crate::{FieldError, Msisdn, Problem};
use serde::{Deserialize, Serialize};

pub const PASSWORD_MIN: usize = 8;
pub const PASSWORD_MAX: usize = 128;
/// How long the "Kirim Ulang" button stays disabled after an e-mail is sent.
pub const RESEND_COOLDOWN_SECS: u64 = 120;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegisterIn {
    pub name: String,
    pub company: String,
    pub email: String,
    pub website: String,
    pub phone: String,
    pub password: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct LoginIn {
    pub phone: String,
    pub password: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct ResetPasswordIn {
    pub token: String,
    pub password: String,
    pub password_confirm: String,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct ChangePasswordIn {
    pub current_password: String,
    pub password: String,
    pub password_confirm: String,
}

/// What the portal shows about the signed-in partner user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserOut {
    pub name: String,
    pub company: String,
    pub email: String,
    pub phone: String,
    pub username: String,
    /// The company's owner (every right, manages everything).
    pub owner: bool,
    /// What this user may open (the owner: every right).
    pub rights: Vec<crate::rights::Right>,
    pub profile_status: crate::profile::ProfileStatus,
    /// Set once the operator approved the profile.
    pub merchant_id: Option<String>,
}

impl UserOut {
    pub fn may(&self, right: crate::rights::Right) -> bool {
        self.rights.contains(&right)
    }
}

/// What an activation link turned out to be; the page explains each case
/// and offers a new link where that helps.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ActivationOut {
    Activated,
    AlreadyActive,
    Expired { email: String },
    Invalid,
}

/// A correct password for an account whose e-mail is not verified yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum LoginOut {
    LoggedIn,
    Unverified {
        email: String,
    },
    /// The company is suspended: why, and whom to contact.
    Suspended {
        reason: String,
        contact: String,
    },
    /// Right password; the 6-digit code (or a recovery code) must follow.
    Code,
    /// The owner requires a second factor and this user has none yet.
    Enroll(crate::staff::TotpSetup),
}

/// A registration that passed every rule: the server stores exactly this.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewPartner {
    pub name: String,
    pub company: String,
    pub email: String,
    pub website: Option<String>,
    pub phone: Msisdn,
    pub password: String,
}

pub fn check_required(value: &str, max: usize) -> Result<(), Problem> {
    let v = value.trim();
    if v.is_empty() {
        Err(Problem::Required)
    } else if v.chars().count() > max {
        Err(Problem::TooLong)
    } else {
        Ok(())
    }
}

pub fn normalize_email(raw: &str) -> Result<String, Problem> {
    let email = raw.trim().to_lowercase();
    if email.is_empty() {
        Err(Problem::Required)
    } else if email.len() > 254 {
        Err(Problem::TooLong)
    } else if !crate::email::is_valid(&email) {
        Err(Problem::EmailInvalid)
    } else {
        Ok(email)
    }
}

/// Partners write websites without a scheme ("www.sampurna-jaya.com").
pub fn normalize_website(raw: &str) -> Result<Option<String>, Problem> {
    let w = raw.trim();
    if w.is_empty() {
        return Ok(None);
    }
    let with_scheme =
        if w.starts_with("http://") || w.starts_with("https://") { w.to_owned() } else { format!("https://{w}") };
    let host = with_scheme.split("://").nth(1).and_then(|r| r.split(['/', '?', '#']).next()).unwrap_or_default();
    if with_scheme.len() > 200 || !crate::idn::url_parses(&with_scheme) || !host.contains('.') {
        return Err(Problem::UrlInvalid);
    }
    Ok(Some(with_scheme))
}

/// At least eight characters with a letter and a digit.
pub fn check_password(pw: &str) -> Result<(), Problem> {
    if pw.is_empty() {
        return Err(Problem::Required);
    }
    let len = pw.chars().count();
    let has_letter = pw.chars().any(char::is_alphabetic);
    let has_digit = pw.chars().any(|c| c.is_ascii_digit());
    if len > PASSWORD_MAX {
        Err(Problem::TooLong)
    } else if len < PASSWORD_MIN || !has_letter || !has_digit {
        Err(Problem::PasswordWeak)
    } else {
        Ok(())
    }
}

fn check_confirm(pw: &str, confirm: &str) -> Result<(), Problem> {
    if confirm.is_empty() {
        Err(Problem::Required)
    } else if pw != confirm {
        Err(Problem::PasswordMismatch)
    } else {
        Ok(())
    }
}

/// Collects the problems of a form, one per field, in field order.
#[derive(Default)]
pub(crate) struct Collector(pub(crate) Vec<FieldError>);

impl Collector {
    pub(crate) fn check<T>(&mut self, field: &str, result: Result<T, Problem>) -> Option<T> {
        result.map_err(|p| self.0.push(FieldError::new(field, p))).ok()
    }
}

impl RegisterIn {
    /// The problem of one field, for feedback while the user types.
    pub fn field_problem(&self, field: &str) -> Option<Problem> {
        match field {
            "name" => check_required(&self.name, 100).err(),
            "company" => check_required(&self.company, 150).err(),
            "email" => normalize_email(&self.email).err(),
            "website" => normalize_website(&self.website).err(),
            "phone" => Msisdn::parse(&self.phone).err(),
            "password" => check_password(&self.password).err(),
            _ => None,
        }
    }

    pub fn parse(&self) -> Result<NewPartner, Vec<FieldError>> {
        let mut c = Collector::default();
        let name = c.check("name", check_required(&self.name, 100));
        let company = c.check("company", check_required(&self.company, 150));
        let email = c.check("email", normalize_email(&self.email));
        let website = c.check("website", normalize_website(&self.website));
        let phone = c.check("phone", Msisdn::parse(&self.phone));
        let password = c.check("password", check_password(&self.password));
        match (name, company, email, website, phone, password) {
            (Some(()), Some(()), Some(email), Some(website), Some(phone), Some(())) => Ok(NewPartner {
                name: self.name.trim().to_owned(),
                company: self.company.trim().to_owned(),
                email,
                website,
                phone,
                password: self.password.clone(),
            }),
            _ => Err(c.0),
        }
    }
}

impl LoginIn {
    pub fn parse(&self) -> Result<Msisdn, Vec<FieldError>> {
        let mut c = Collector::default();
        let phone = c.check("phone", Msisdn::parse(&self.phone));
        c.check("password", check_required(&self.password, PASSWORD_MAX));
        match phone {
            Some(p) if c.0.is_empty() => Ok(p),
            _ => Err(c.0),
        }
    }
}

/// Checks a new password and its confirmation (reset and change forms).
pub fn check_new_password(pw: &str, confirm: &str) -> Vec<FieldError> {
    let mut c = Collector::default();
    c.check("password", check_password(pw));
    c.check("password_confirm", check_confirm(pw, confirm));
    c.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn valid() -> RegisterIn {
        RegisterIn {
            name: "ANDIKA SAMPURNA".into(),
            company: "PT. SAMPURNA JAYA".into(),
            email: " Sampurna.Jaya@Gmail.com ".into(),
            website: "www.sampurna-jaya.com".into(),
            phone: "08123456789".into(),
            password: "rahasia123".into(),
        }
    }

    #[test]
    fn the_manuals_example_registration_is_accepted_and_normalised() {
        let p = valid().parse().unwrap();
        assert_eq!(p.email, "sampurna.jaya@gmail.com");
        assert_eq!(p.website.as_deref(), Some("https://www.sampurna-jaya.com"));
        assert_eq!(p.phone.as_str(), "628123456789");
    }

    #[test]
    fn every_bad_field_is_reported_once_by_name() {
        let bad = RegisterIn {
            name: " ".into(),
            company: "".into(),
            email: "bukan-email".into(),
            website: "ftp:/x".into(),
            phone: "12345".into(),
            password: "pendek".into(),
        };
        let errs = bad.parse().unwrap_err();
        let fields: Vec<_> = errs.iter().map(|e| (e.field.as_str(), e.problem)).collect();
        assert_eq!(
            fields,
            vec![
                ("name", Problem::Required),
                ("company", Problem::Required),
                ("email", Problem::EmailInvalid),
                ("website", Problem::UrlInvalid),
                ("phone", Problem::PhoneInvalid),
                ("password", Problem::PasswordWeak),
            ]
        );
    }

    #[test]
    fn website_is_optional() {
        let mut r = valid();
        r.website = "  ".into();
        assert_eq!(r.parse().unwrap().website, None);
    }

    #[test]
    fn password_needs_letters_and_digits() {
        assert_eq!(check_password("abcdefgh"), Err(Problem::PasswordWeak));
        assert_eq!(check_password("12345678"), Err(Problem::PasswordWeak));
        assert_eq!(check_password("abcd1234"), Ok(()));
        assert_eq!(check_new_password("abcd1234", "abcd1235")[0].problem, Problem::PasswordMismatch);
    }
}
