//! The e-mail rule of the HTML standard ("valid e-mail address"), as the
//! `validator` crate applies it, written out by hand: validator compiles
//! it into regular expressions, and the `regex` engine was 5 % of the
//! browser bundle (issue 17). A property test holds the two to the same
//! answers.

/// Characters of the part before the `@`.
fn user_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || ".!#$%&'*+/=?^_`{|}~-".contains(c)
}

/// One DNS label: 1–63 letters, digits or hyphens, not starting or ending
/// with a hyphen.
fn label(l: &str) -> bool {
    let b = l.as_bytes();
    match (b.first(), b.last()) {
        (Some(first), Some(last)) => {
            b.len() <= 63
                && first.is_ascii_alphanumeric()
                && last.is_ascii_alphanumeric()
                && b.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'-')
        }
        _ => false,
    }
}

/// A host name, or an address literal ending the part (`[192.0.2.1]`).
fn domain_part(d: &str) -> bool {
    if d.split('.').all(label) {
        return true;
    }
    // As validator's `\[([a-fA-F0-9:\.]+)\]\z`: a literal at the end.
    let Some(inner) = d.strip_suffix(']').and_then(|rest| rest.rsplit_once('[')).map(|(_, inner)| inner) else {
        return false;
    };
    !inner.is_empty()
        && inner.chars().all(|c| c.is_ascii_hexdigit() || c == ':' || c == '.')
        && inner.parse::<std::net::IpAddr>().is_ok()
}

/// Whether `email` is a valid address (the local part at most 64
/// characters, the domain at most 255, an international domain checked in
/// its ASCII form).
pub fn is_valid(email: &str) -> bool {
    let Some((user, domain)) = email.rsplit_once('@') else { return false };
    if user.chars().count() > 64 || domain.chars().count() > 255 {
        return false;
    }
    if user.is_empty() || !user.chars().all(user_char) {
        return false;
    }
    domain_part(domain) || crate::idn::to_ascii(domain).is_some_and(|d| domain_part(&d))
}

#[cfg(test)]
mod tests {
    use super::is_valid;
    use proptest::prelude::*;
    use validator::ValidateEmail;

    #[test]
    fn the_usual_cases() {
        for ok in ["a@b.co", "budi.santoso@sampurna-jaya.co.id", "x+tag@[192.0.2.1]", "a@localhost", "q@bücher.de"] {
            assert!(is_valid(ok), "{ok}");
        }
        for bad in ["", "a", "@b.co", "a@", "a@-b.co", "a@b-.co", "a b@c.co", "a@b..co", "a@[1.2.3]", "a@b_c.co"] {
            assert!(!is_valid(bad), "{bad}");
        }
    }

    proptest! {
        #[test]
        fn answers_as_validator_does(s in "[a-zA-Z0-9.@\\-_+\\[\\]:ü ]{0,24}") {
            prop_assert_eq!(is_valid(&s), s.validate_email(), "{}", s);
        }

        #[test]
        fn answers_as_validator_does_on_address_shapes(
            user in "[a-z0-9.!+_\\-]{0,6}", domain in "[a-z0-9\\-.ü]{0,10}|\\[[0-9a-f:.]{0,12}\\]"
        ) {
            let s = format!("{user}@{domain}");
            prop_assert_eq!(is_valid(&s), s.validate_email(), "{}", s);
        }
    }
}
