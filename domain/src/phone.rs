use crate::Problem;
use serde::{Deserialize, Serialize};
use std::fmt;

/// An Indonesian mobile number in canonical international form (`628…`).
/// `08…`, `628…` and `+628…` (with spaces or dashes) are the same number.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Msisdn(String);

impl Msisdn {
    pub fn parse(raw: &str) -> Result<Msisdn, Problem> {
        let compact: String = raw.trim().chars().filter(|c| !matches!(c, ' ' | '-' | '.' | '(' | ')')).collect();
        let rest = compact
            .strip_prefix("+62")
            .or_else(|| compact.strip_prefix("62"))
            .or_else(|| compact.strip_prefix('0'))
            .ok_or(Problem::PhoneInvalid)?;
        // Mobile numbers start with 8 and have 9–12 digits after the country code.
        let valid = rest.starts_with('8') && (9..=12).contains(&rest.len()) && rest.chars().all(|c| c.is_ascii_digit());
        if valid {
            Ok(Msisdn(format!("62{rest}")))
        } else {
            Err(Problem::PhoneInvalid)
        }
    }

    /// The stored form, e.g. `628123456789`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The form Indonesians write, e.g. `08123456789`.
    pub fn local(&self) -> String {
        format!("0{}", &self.0[2..])
    }
}

impl fmt::Display for Msisdn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.local())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_international_and_plus_forms_are_the_same_number() {
        let a = Msisdn::parse("08123456789").unwrap();
        let b = Msisdn::parse("628123456789").unwrap();
        let c = Msisdn::parse("+62 812-3456-789").unwrap();
        assert_eq!(a, b);
        assert_eq!(b, c);
        assert_eq!(a.as_str(), "628123456789");
        assert_eq!(a.local(), "08123456789");
    }

    #[test]
    fn rejects_landlines_letters_and_wrong_lengths() {
        for bad in ["", "0212345678", "08abc45678", "0812", "081234567890123", "+1 555 0100"] {
            assert_eq!(Msisdn::parse(bad), Err(Problem::PhoneInvalid), "{bad}");
        }
    }
}
