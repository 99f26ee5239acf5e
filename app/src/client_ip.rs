//! Which address a request came from, trusting proxies only when told to.

use std::net::IpAddr;

pub fn resolve(peer: IpAddr, forwarded_for: Option<&str>, trusted: &[IpAddr]) -> IpAddr {
    if !trusted.contains(&peer) {
        return peer;
    }
    // Walk right to left past our own proxies; the first other hop is the client.
    forwarded_for
        .into_iter()
        .flat_map(|h| h.rsplit(','))
        .filter_map(|s| s.trim().parse::<IpAddr>().ok())
        .find(|ip| !trusted.contains(ip))
        .unwrap_or(peer)
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
}
