//! The base URL: what people type, and what the client uses.
//!
//! People paste the dashboard's address, an address with a trailing slash, or the
//! API's address with `/api/v1` on the end (the Python SDK doubles the prefix in
//! that case). All of these mean the same server, so all are accepted and reduced to
//! `scheme://host[:port][/prefix]`, with no trailing slash, ready for the generated
//! client to append `/api/v1/...`. A path prefix other than the API's own is kept,
//! for servers mounted under one behind a proxy.
//!
//! Plain `http://` would send the access token in clear text, so it is refused
//! except to loopback addresses (a local sandbox or tunnel), unless the caller opts
//! in with [`ClientBuilder::allow_insecure_http`](crate::ClientBuilder::allow_insecure_http).

use std::net::IpAddr;

use reqwest::Url;

use crate::error::Error;

/// The API prefixes people paste by accident, longest first.
const API_SUFFIXES: [&str; 3] = ["/api/v1", "/api/v2", "/api"];

/// Checks and normalises a base URL.
pub(crate) fn normalize_base_url(input: &str, allow_insecure_http: bool) -> Result<String, Error> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Err(Error::config("the base URL is empty"));
    }
    let url = Url::parse(trimmed).map_err(|e| {
        Error::config(format!(
            "the base URL {trimmed:?} is not a valid URL ({e}); expected something like {}",
            crate::client::config::DEFAULT_BASE_URL
        ))
    })?;
    match url.scheme() {
        "https" => {}
        "http" if allow_insecure_http || is_loopback(&url) => {}
        "http" => {
            return Err(Error::config(
                "the base URL uses plain http:// to a host that is not loopback, which would \
                 send the access token unencrypted; use https://, or opt in with \
                 .allow_insecure_http(true)",
            ));
        }
        other => {
            return Err(Error::config(format!(
                "the base URL has the scheme {other:?}; expected https:// (or http:// to loopback)"
            )));
        }
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(Error::config("the base URL has no host"));
    }
    if !url.username().is_empty() || url.password().is_some() {
        // Credentials in the URL would be sent to the server and printed with it.
        return Err(Error::config(
            "the base URL contains a user name or password; pass the access token with \
             .api_token(..) instead",
        ));
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(Error::config(
            "the base URL has a query or fragment; give only scheme, host, port and path",
        ));
    }

    let mut path = url.path().trim_end_matches('/');
    for suffix in API_SUFFIXES {
        if let Some(prefix) = strip_suffix_ignore_case(path, suffix) {
            path = prefix.trim_end_matches('/');
            break;
        }
    }
    let origin = url.origin().ascii_serialization();
    Ok(format!("{origin}{path}"))
}

fn strip_suffix_ignore_case<'a>(path: &'a str, suffix: &str) -> Option<&'a str> {
    let cut = path.len().checked_sub(suffix.len())?;
    let tail = path.get(cut..)?;
    tail.eq_ignore_ascii_case(suffix).then(|| &path[..cut])
}

fn is_loopback(url: &Url) -> bool {
    let Some(host) = url.host_str() else {
        return false;
    };
    let host = host.trim_start_matches('[').trim_end_matches(']');
    match host.parse::<IpAddr>() {
        Ok(ip) => ip.is_loopback(),
        Err(_) => {
            let name = host.trim_end_matches('.').to_ascii_lowercase();
            name == "localhost" || name.ends_with(".localhost")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;

    fn normalized(input: &str) -> String {
        normalize_base_url(input, false).unwrap_or_else(|e| panic!("{input}: {e}"))
    }

    fn refused(input: &str) -> String {
        let error = normalize_base_url(input, false).unwrap_err();
        assert_eq!(error.kind(), ErrorKind::Config);
        error.message().to_owned()
    }

    #[test]
    fn equivalent_spellings_of_one_server_normalise_alike() {
        for input in [
            "https://app.ruut.chat",
            "https://app.ruut.chat/",
            "https://app.ruut.chat//",
            "  https://app.ruut.chat  ",
            "https://app.ruut.chat/api",
            "https://app.ruut.chat/api/",
            "https://app.ruut.chat/api/v1",
            "https://app.ruut.chat/api/v1/",
            "https://APP.ruut.chat/API/V1",
            "https://app.ruut.chat:443/api/v1",
        ] {
            assert_eq!(normalized(input), "https://app.ruut.chat", "{input}");
        }
    }

    #[test]
    fn ports_and_path_prefixes_are_kept() {
        assert_eq!(
            normalized("https://chat.example:8443/"),
            "https://chat.example:8443"
        );
        assert_eq!(
            normalized("https://example.com/support/"),
            "https://example.com/support"
        );
        assert_eq!(
            normalized("https://example.com/support/api/v1"),
            "https://example.com/support"
        );
        assert_eq!(
            normalized("https://example.com/apiary"),
            "https://example.com/apiary"
        );
    }

    #[test]
    fn plain_http_is_for_loopback_only() {
        assert_eq!(
            normalized("http://127.0.0.1:3000/"),
            "http://127.0.0.1:3000"
        );
        assert_eq!(
            normalized("http://localhost:3000/api/v1"),
            "http://localhost:3000"
        );
        assert_eq!(normalized("http://[::1]:3000"), "http://[::1]:3000");
        assert_eq!(normalized("http://ruut.localhost"), "http://ruut.localhost");

        assert!(refused("http://app.ruut.chat").contains("allow_insecure_http"));
        assert!(refused("http://10.0.0.5:3000").contains("unencrypted"));
        assert_eq!(
            normalize_base_url("http://chat.internal/", true).unwrap(),
            "http://chat.internal"
        );
    }

    #[test]
    fn malformed_urls_are_config_errors() {
        assert!(refused("").contains("empty"));
        assert!(refused("app.ruut.chat").contains("not a valid URL"));
        assert!(refused("ftp://app.ruut.chat").contains("scheme"));
        assert!(refused("https://user:pw@app.ruut.chat").contains("password"));
        assert!(refused("https://app.ruut.chat/?api_access_token=x").contains("query"));
        assert!(refused("https://app.ruut.chat/#top").contains("fragment"));
        assert!(refused("https://exa mple.com").contains("not a valid URL"));
    }
}
