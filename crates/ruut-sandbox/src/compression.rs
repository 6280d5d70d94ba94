//! Compressed answers, as nginx in front of Chatwoot sends them.
//!
//! Chatwoot itself (Puma, no `Rack::Deflater` in its middleware) never
//! compresses; the nginx in front of a self-hosted installation may. Chatwoot's
//! `deployment/nginx_chatwoot.conf` sets no gzip directive of its own; Debian's
//! `nginx.conf` has `gzip on`, which covers JSON once `gzip_types` names
//! `application/json`, and some installations add the brotli or zstd modules.
//! The sandbox does the same when asked, with tower-http's compression layer in
//! front of every route: an answer
//! is compressed when the request's `Accept-Encoding` names an encoding the
//! sandbox is set to use and the body is more than 32 bytes (tower-http's
//! default predicate; nginx's `gzip_min_length` is 20), and it then goes out
//! with `Content-Encoding`, `Vary: accept-encoding` and no `Content-Length`
//! (chunked), as nginx sends it. Each algorithm runs at tower-http's default
//! quality (gzip 6, brotli 4, zstd 3); nginx's defaults are gzip 1, brotli 6,
//! zstd 1.

use std::fmt;
use std::str::FromStr;

use axum::Router;
use tower_http::compression::CompressionLayer;

/// Which encodings the sandbox compresses its answers with, when the client
/// accepts them ([`SandboxBuilder::compression`](crate::SandboxBuilder::compression)).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Compression {
    /// Answers go out as they are (the default), as Puma sends them without a proxy.
    #[default]
    Off,
    /// gzip only, as a stock nginx with `gzip on`.
    Gzip,
    /// brotli only (nginx with `ngx_brotli`, `gzip off`).
    Brotli,
    /// zstd only (nginx with the zstd module, `gzip off`).
    Zstd,
    /// Whichever of gzip, brotli and zstd the client prefers (by its q-values;
    /// on a tie zstd, then brotli, then gzip).
    All,
}

impl Compression {
    /// The name the command line takes: `off`, `gzip`, `br`, `zstd`, `all`.
    pub fn name(self) -> &'static str {
        match self {
            Compression::Off => "off",
            Compression::Gzip => "gzip",
            Compression::Brotli => "br",
            Compression::Zstd => "zstd",
            Compression::All => "all",
        }
    }

    /// `router` with this compression in front of it.
    pub(crate) fn apply(self, router: Router) -> Router {
        let (gzip, br, zstd) = match self {
            Compression::Off => return router,
            Compression::Gzip => (true, false, false),
            Compression::Brotli => (false, true, false),
            Compression::Zstd => (false, false, true),
            Compression::All => (true, true, true),
        };
        router.layer(CompressionLayer::new().gzip(gzip).br(br).zstd(zstd))
    }
}

impl fmt::Display for Compression {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Not one of `off`, `gzip`, `br`, `zstd`, `all`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownCompression(pub String);

impl fmt::Display for UnknownCompression {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown compression `{}`: expected off, gzip, br, zstd or all",
            self.0
        )
    }
}

impl std::error::Error for UnknownCompression {}

impl FromStr for Compression {
    type Err = UnknownCompression;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        [
            Compression::Off,
            Compression::Gzip,
            Compression::Brotli,
            Compression::Zstd,
            Compression::All,
        ]
        .into_iter()
        .find(|c| c.name() == s)
        .ok_or_else(|| UnknownCompression(s.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_others_are_refused() {
        for c in [
            Compression::Off,
            Compression::Gzip,
            Compression::Brotli,
            Compression::Zstd,
            Compression::All,
        ] {
            assert_eq!(c.name().parse::<Compression>(), Ok(c));
            assert_eq!(c.to_string(), c.name());
        }
        let error = "deflate".parse::<Compression>().unwrap_err();
        assert!(error.to_string().contains("`deflate`"), "{error}");
    }
}
