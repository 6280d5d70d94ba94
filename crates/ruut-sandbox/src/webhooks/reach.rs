//! Which URLs the sandbox POSTs to.
//!
//! A URL that came in through the API (a registered webhook, an agent bot's
//! `outgoing_url`, an automation rule's or macro's `send_webhook_event`) is
//! delivered to only on a loopback host (`localhost`, `127.0.0.0/8`, `::1`),
//! so that no test or fuzzer run makes the sandbox reach out of the machine;
//! the records are kept and listed all the same.
//! [`SandboxBuilder::webhooks_beyond_loopback`] lifts the rule. The URL given
//! to [`SandboxBuilder::webhook`] is the operator's own and always delivered to.
//!
//! [`SandboxBuilder::webhooks_beyond_loopback`]: crate::SandboxBuilder::webhooks_beyond_loopback
//! [`SandboxBuilder::webhook`]: crate::SandboxBuilder::webhook

use std::net::{Ipv4Addr, Ipv6Addr};

use reqwest::Url;

/// Whether `url` is an http(s) URL on a loopback host.
pub(crate) fn loopback(url: &str) -> bool {
    let Ok(url) = Url::parse(url) else {
        return false;
    };
    if !matches!(url.scheme(), "http" | "https") {
        return false;
    }
    // The parser has normalised the host: IPv4 dotted, IPv6 in brackets.
    let Some(host) = url.host_str() else {
        return false;
    };
    if let Some(v6) = host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
        return v6.parse::<Ipv6Addr>().is_ok_and(|ip| ip.is_loopback());
    }
    match host.parse::<Ipv4Addr>() {
        Ok(ip) => ip.is_loopback(),
        Err(_) => host.eq_ignore_ascii_case("localhost"),
    }
}

#[cfg(test)]
mod tests {
    use super::loopback;

    #[test]
    fn only_loopback_hosts_are_reached() {
        for near in [
            "http://127.0.0.1:9/x",
            "http://127.8.0.1/",
            "https://localhost/hooks",
            "http://LOCALHOST:8080",
            "http://[::1]:3000/a",
        ] {
            assert!(loopback(near), "{near}");
        }
        for far in [
            "https://example.com/hooks",
            "http://10.0.0.1/",
            "http://localhost.example.com/",
            "http://[2001:db8::1]/",
            "ftp://127.0.0.1/",
            "not a url",
            "",
        ] {
            assert!(!loopback(far), "{far}");
        }
    }
}
