//! The generated `ruut-api` client, as the tests build it.

use std::time::Duration;

/// How long one request of a raw client may take: far above anything the
/// sandbox or Prism needs, so that only a hang reaches it.
pub const RAW_TIMEOUT: Duration = Duration::from_secs(30);

/// A generated client of `base_url` that sends `token` (when there is one) as
/// `api_access_token`, marked sensitive so that it never shows in `Debug`.
pub fn raw_client(base_url: &str, token: Option<&str>) -> ruut_api::Client {
    let mut headers = reqwest::header::HeaderMap::new();
    if let Some(token) = token {
        let mut value =
            reqwest::header::HeaderValue::from_str(token).expect("a valid token header");
        value.set_sensitive(true);
        headers.insert("api_access_token", value);
    }
    let http = reqwest::Client::builder()
        .default_headers(headers)
        .timeout(RAW_TIMEOUT)
        .build()
        .expect("a reqwest client");
    ruut_api::Client::new_with_client(base_url, http, Default::default())
}
