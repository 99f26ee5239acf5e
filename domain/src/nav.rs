//! Where a `next=` parameter may send a user after signing in: a path on
//! this site, never another site however it is spelled.

/// `next` when it is a same-site path (`/…`, not `//…`), with no control
/// characters or backslashes (browsers read `/\t/x` and `/\x` as `//x`).
pub fn local_path(next: &str) -> Option<&str> {
    let plain = next.chars().all(|c| !c.is_control() && !c.is_whitespace() && c != '\\');
    (plain && next.starts_with('/') && !next.starts_with("//")).then_some(next)
}

#[cfg(test)]
mod tests {
    use super::local_path;

    #[test]
    fn only_paths_on_this_site_pass() {
        assert_eq!(local_path("/dashboard"), Some("/dashboard"));
        assert_eq!(local_path("/koneksi?page=2"), Some("/koneksi?page=2"));
        assert_eq!(local_path("/laporan?page=2"), Some("/laporan?page=2"));
        for evil in [
            "//evil.example",
            "/\t/evil.example",
            "/\\evil.example",
            "\\\\evil",
            "https://evil.example",
            "/\n/x",
            "",
            "evil",
            "/ /x",
            "\\/evil.example",
            "javascript:alert(1)",
        ] {
            assert_eq!(local_path(evil), None, "{evil:?}");
        }
    }
}
