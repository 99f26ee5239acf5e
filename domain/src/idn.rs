//! International domain names, the same answer on the server and in the
//! browser. The server maps them with `idna` (ICU4X tables); the browser's
//! copy of `idna` has no tables (vendor/idna_adapter: every non-ASCII label
//! is an error there), so in the browser the browser's own URL parser —
//! WHATWG's, the one `url` implements — does the mapping.

/// The ASCII (Punycode) form of a host name, `None` when it is not a valid
/// international domain name.
pub fn to_ascii(host: &str) -> Option<String> {
    if host.is_ascii() {
        return Some(host.to_ascii_lowercase());
    }
    imp::to_ascii(host)
}

/// Whether `url` parses as an absolute URL.
pub fn url_parses(url: &str) -> bool {
    imp::url_parses(url)
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    pub fn to_ascii(host: &str) -> Option<String> {
        idna::domain_to_ascii(host).ok()
    }

    pub fn url_parses(url: &str) -> bool {
        url::Url::parse(url).is_ok()
    }
}

#[cfg(target_arch = "wasm32")]
mod imp {
    /// What would end the host inside a URL (a port, a path, user info) or
    /// be decoded by the URL parser: never part of a host name, so such a
    /// name is refused here, as `idna` refuses it.
    const NOT_IN_HOST: [char; 7] = [':', '/', '?', '#', '@', '\\', '%'];

    pub fn to_ascii(host: &str) -> Option<String> {
        if host.is_empty() || host.contains(NOT_IN_HOST) || host.contains(char::is_whitespace) {
            return None;
        }
        web_sys::Url::new(&format!("http://{host}/")).ok().map(|u| u.hostname())
    }

    pub fn url_parses(url: &str) -> bool {
        web_sys::Url::new(url).is_ok()
    }
}

#[cfg(test)]
mod tests {
    use super::to_ascii;

    #[test]
    fn international_names_become_punycode_and_bad_ones_are_refused() {
        assert_eq!(to_ascii("bücher.de").as_deref(), Some("xn--bcher-kva.de"));
        assert_eq!(to_ascii("Contoh.CO.id").as_deref(), Some("contoh.co.id"));
        assert_eq!(to_ascii("bü\u{200d}cher.de"), None);
        assert_eq!(to_ascii("xn--ü.de"), None);
    }

    /// The answers the browser's URL parser gives in the e2e test
    /// (onboarding.spec.ts): the server's must be the same. Where Chromium
    /// is more lenient — it takes a space in a host name, percent-encoded,
    /// and its e-mail input maps a zero-width joiner away — the server's
    /// answer comes after sending, as for any rule the browser cannot see.
    #[test]
    fn the_server_answers_as_the_browser_does() {
        use crate::account::normalize_website;
        use crate::email::is_valid;
        assert!(is_valid("budi@bücher.de"));
        assert!(!is_valid("budi@\u{301}bücher.de"));
        assert!(normalize_website("toko-bücher.co.id").is_ok());
        assert!(normalize_website("\u{301}toko.co.id").is_err());
        assert!(normalize_website("toko bücher.co.id").is_err());
    }
}
