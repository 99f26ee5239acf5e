//! Which address a request came from, trusting proxies only when told to.

use std::net::IpAddr;

pub fn resolve(peer: IpAddr, forwarded_for: Option<&str>, trusted: &[IpAddr]) -> IpAddr {
    if !trusted.contains(&peer) {
        return peer;
    }
    // Walk right to left past our own proxies; the first other hop is the
    // client. An entry that does not parse ends the walk: what stands left
    // of it was written by someone we cannot vouch for, so the client is
    // the last trusted hop.
    let mut last_trusted = peer;
    for entry in forwarded_for.into_iter().flat_map(|h| h.rsplit(',')) {
        match entry.trim().parse::<IpAddr>() {
            Ok(ip) if trusted.contains(&ip) => last_trusted = ip,
            Ok(ip) => return ip,
            Err(_) => return last_trusted,
        }
    }
    last_trusted
}

#[cfg(test)]
mod tests {
    use super::resolve;
    use std::net::IpAddr;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn forwarded_for_is_ignored_from_untrusted_peers() {
        assert_eq!(resolve(ip("203.0.113.9"), Some("1.2.3.4"), &[]), ip("203.0.113.9"));
    }

    #[test]
    fn forwarded_for_is_used_from_a_trusted_proxy() {
        let proxy = ip("127.0.0.1");
        assert_eq!(resolve(proxy, Some("1.2.3.4, 198.51.100.7"), &[proxy]), ip("198.51.100.7"));
        assert_eq!(resolve(proxy, Some("garbage"), &[proxy]), proxy);
    }

    #[test]
    fn an_entry_that_does_not_parse_stops_the_walk() {
        let (proxy, inner) = (ip("127.0.0.1"), ip("10.0.0.2"));
        // A forged address left of garbage is not believed.
        assert_eq!(resolve(proxy, Some("1.2.3.4, garbage"), &[proxy]), proxy);
        assert_eq!(resolve(proxy, Some("1.2.3.4, garbage, 10.0.0.2"), &[proxy, inner]), inner);
        assert_eq!(resolve(proxy, Some("1.2.3.4,"), &[proxy]), proxy);
    }
}
