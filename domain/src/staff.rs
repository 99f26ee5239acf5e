//! The operator's staff: roles, what each role may do, and the two-step
//! sign-in with a TOTP second factor.

use crate::account::{check_required, normalize_email};
use crate::{FieldError, Problem};
use serde::{Deserialize, Serialize};

stored_enum! {
    pub enum Role {
        /// Everything, including staff accounts and the audit log.
        Admin = "admin",
        /// The moderation queue and partners.
        Moderator = "moderator",
        /// Deposits and reconciliation; partners read-only.
        Finance = "finance",
    }
}

/// Something staff can do; each server function asks for one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Permission {
    Moderate,
    ViewPartners,
    ManageStaff,
    ReadAudit,
    Finance,
    /// Switch a partner's product on or off in production outside its
    /// UAT/Live path (with a reason): admins only.
    OverrideProducts,
}

impl Permission {
    pub const ALL: [Permission; 6] = [
        Permission::Moderate,
        Permission::ViewPartners,
        Permission::ManageStaff,
        Permission::ReadAudit,
        Permission::Finance,
        Permission::OverrideProducts,
    ];
}

impl Role {
    pub fn may(self, p: Permission) -> bool {
        match self {
            Role::Admin => true,
            Role::Moderator => matches!(p, Permission::Moderate | Permission::ViewPartners),
            Role::Finance => matches!(p, Permission::Finance | Permission::ViewPartners),
        }
    }

    /// Admins cannot sign in without a second factor.
    pub fn needs_totp(self) -> bool {
        self == Role::Admin
    }
}

/// The signed-in staff member.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffOut {
    pub id: crate::StaffId,
    pub name: String,
    pub email: String,
    pub role: Role,
    pub totp_enabled: bool,
}

impl StaffOut {
    pub fn may(&self, p: Permission) -> bool {
        self.role.may(p)
    }
}

/// One row of the staff list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffRowOut {
    pub id: crate::StaffId,
    pub name: String,
    pub email: String,
    pub role: Role,
    pub active: bool,
    pub totp_enabled: bool,
    pub created_at: String,
}

/// What the password step of the staff login asks next.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum LoginStep {
    /// Signed in (no second factor set up, and none required).
    SignedIn,
    /// Enter the 6-digit code of the authenticator app.
    Code,
    /// The second factor must be set up first: scan, then enter a code.
    Enroll(TotpSetup),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TotpSetup {
    /// Base32, for typing into an app by hand.
    pub secret: String,
    pub otpauth_uri: String,
    /// The URI as a QR code (SVG markup made on the server).
    pub qr_svg: String,
}

/// A new staff account, created by an admin.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct NewStaffIn {
    pub name: String,
    pub email: String,
    pub role: String,
}

impl NewStaffIn {
    pub fn problems(&self) -> Vec<FieldError> {
        let mut errs = Vec::new();
        if let Err(p) = check_required(&self.name, 100) {
            errs.push(FieldError::new("name", p));
        }
        if let Err(p) = normalize_email(&self.email) {
            errs.push(FieldError::new("email", p));
        }
        if Role::from_code(&self.role).is_none() {
            errs.push(FieldError::new("role", Problem::Required));
        }
        errs
    }
}

/// A 6-digit code as typed: spaces are dropped.
pub fn clean_code(raw: &str) -> Result<String, Problem> {
    let code: String = raw.chars().filter(|c| !c.is_whitespace()).collect();
    if code.is_empty() {
        Err(Problem::Required)
    } else if code.len() == 6 && code.chars().all(|c| c.is_ascii_digit()) {
        Ok(code)
    } else {
        Err(Problem::CodeInvalid)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_have_only_their_rights() {
        assert!(Role::Admin.may(Permission::ManageStaff) && Role::Admin.may(Permission::ReadAudit));
        assert!(Role::Moderator.may(Permission::Moderate));
        assert!(!Role::Moderator.may(Permission::ManageStaff) && !Role::Moderator.may(Permission::ReadAudit));
        assert!(!Role::Finance.may(Permission::Moderate) && Role::Finance.may(Permission::Finance));
        assert!(Role::Admin.may(Permission::OverrideProducts));
        assert!(!Role::Moderator.may(Permission::OverrideProducts) && !Role::Finance.may(Permission::OverrideProducts));
        assert!(Role::Admin.needs_totp() && !Role::Moderator.needs_totp());
    }

    #[test]
    fn codes_are_six_digits() {
        assert_eq!(clean_code(" 123 456 "), Ok("123456".into()));
        assert_eq!(clean_code("12345"), Err(Problem::CodeInvalid));
        assert_eq!(clean_code("12a456"), Err(Problem::CodeInvalid));
        assert_eq!(clean_code(""), Err(Problem::Required));
    }
}
