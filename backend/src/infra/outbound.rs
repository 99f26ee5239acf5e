//! Where the server may send a request on a partner's behalf (callbacks):
//! public addresses only. A partner's URL must not make us reach our own
//! machine, the private network behind it or a cloud metadata service
//! (SSRF). Checked when the URL is saved and again, on the addresses the
//! name resolves to *then*, right before each delivery — DNS can change in
//! between — and the request goes to exactly the address that was checked.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};

/// Why a target is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// Not an http(s) URL with a host.
    NotHttp,
    /// The name does not resolve.
    Unresolved,
    /// It resolves to an address that is not public (or is our own).
    NotPublic,
}

/// Whether `ip` is an address on the public internet.
pub fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => is_public_v4(v4),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => is_public_v4(v4),
            None => is_public_v6(v6),
        },
    }
}

fn is_public_v4(ip: Ipv4Addr) -> bool {
    let [a, b, ..] = ip.octets();
    !(ip.is_unspecified()
        || ip.is_loopback()
        || ip.is_private()
        || ip.is_link_local()
        || ip.is_broadcast()
        || ip.is_multicast()
        || ip.is_documentation()
        || a == 0
        || (a == 100 && (64..128).contains(&b)) // carrier-grade NAT
        || (a == 192 && b == 0 && ip.octets()[2] == 0) // IETF protocol assignments
        || (a == 198 && (18..20).contains(&b)) // benchmarking
        || a >= 240)
}

fn is_public_v6(ip: Ipv6Addr) -> bool {
    let first = ip.segments()[0];
    !(ip.is_unspecified()
        || ip.is_loopback()
        || ip.is_multicast()
        || (first & 0xfe00) == 0xfc00 // unique local
        || (first & 0xffc0) == 0xfe80 // link-local
        || first == 0x2001 && ip.segments()[1] == 0x0db8 // documentation
        || ip.to_ipv4().is_some_and(|v4| !is_public_v4(v4)))
}

/// The addresses `url` reaches, all public; refused if any is not (a name
/// with one private address among public ones is refused whole). With
/// `allow_private` (tests, closed networks) every address is allowed.
pub async fn resolve(url: &url::Url, allow_private: bool) -> Result<Vec<SocketAddr>, Refusal> {
    if !matches!(url.scheme(), "http" | "https") {
        return Err(Refusal::NotHttp);
    }
    let host = url.host().ok_or(Refusal::NotHttp)?;
    let port = url.port_or_known_default().ok_or(Refusal::NotHttp)?;
    let addrs: Vec<SocketAddr> = match host {
        url::Host::Ipv4(ip) => vec![SocketAddr::new(IpAddr::V4(ip), port)],
        url::Host::Ipv6(ip) => vec![SocketAddr::new(IpAddr::V6(ip), port)],
        url::Host::Domain(name) => {
            let found = tokio::net::lookup_host((name, port)).await.map_err(|_| Refusal::Unresolved)?;
            found.collect()
        }
    };
    if addrs.is_empty() {
        return Err(Refusal::Unresolved);
    }
    if !allow_private && addrs.iter().any(|a| !is_public(a.ip())) {
        return Err(Refusal::NotPublic);
    }
    Ok(addrs)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap_or_else(|_| panic!("{s}"))
    }

    #[test]
    fn only_public_addresses_are_public() {
        for private in [
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "0.0.0.0",
            "255.255.255.255",
            "224.0.0.1",
            "::1",
            "::",
            "fe80::1",
            "fd00::1",
            "::ffff:127.0.0.1",
            "::ffff:10.0.0.1",
        ] {
            assert!(!is_public(ip(private)), "{private}");
        }
        for public in ["8.8.8.8", "1.1.1.1", "203.130.193.5", "2606:4700:4700::1111"] {
            assert!(is_public(ip(public)), "{public}");
        }
    }

    #[tokio::test]
    async fn urls_are_resolved_and_checked() {
        let u = |s: &str| url::Url::parse(s).unwrap();
        assert_eq!(resolve(&u("http://127.0.0.1:3000/cb"), false).await, Err(Refusal::NotPublic));
        assert_eq!(resolve(&u("http://[::1]/cb"), false).await, Err(Refusal::NotPublic));
        assert_eq!(resolve(&u("http://localhost/cb"), false).await, Err(Refusal::NotPublic));
        assert_eq!(resolve(&u("http://169.254.169.254/latest/meta-data"), false).await, Err(Refusal::NotPublic));
        assert_eq!(resolve(&u("ftp://example.com/"), false).await, Err(Refusal::NotHttp));
        assert_eq!(resolve(&u("https://8.8.8.8/cb"), false).await.unwrap(), vec!["8.8.8.8:443".parse().unwrap()]);
        assert!(resolve(&u("http://127.0.0.1:3000/cb"), true).await.is_ok());
    }
}
