//! Exit codes by kind of failure, and the one-line error a person reads.

use std::fmt;

use ruut_sdk::ErrorKind;

/// The exit codes, as `ruut --help` lists them.
pub const EXIT_CODES_HELP: &str = "\
Exit codes:
  0  success
  1  any other failure (an unexpected answer, a local I/O error)
  2  usage: bad arguments or settings (no token, a malformed URL)
  3  auth: the token is missing, refused or may not do this
  4  not found: no such conversation/contact, or the server lacks the route
  5  rate limited: wait and try again
  6  server: the server failed or answered something unreadable
  7  network: no connection, or it timed out
  8  rejected: the server refused the request as invalid";

/// A failure's exit code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Code {
    /// Any other failure.
    Other = 1,
    /// Bad arguments or settings.
    Usage = 2,
    /// Token missing, refused or not allowed.
    Auth = 3,
    /// No such record or route.
    NotFound = 4,
    /// Too many requests.
    RateLimited = 5,
    /// The server failed.
    Server = 6,
    /// No connection, or a timeout.
    Network = 7,
    /// The server refused the request as invalid.
    Rejected = 8,
}

impl Code {
    /// The code for an SDK error kind.
    pub fn of(kind: ErrorKind) -> Self {
        match kind {
            ErrorKind::Unauthorized | ErrorKind::Forbidden => Self::Auth,
            ErrorKind::NotFound | ErrorKind::RouteNotFound => Self::NotFound,
            ErrorKind::RateLimited => Self::RateLimited,
            ErrorKind::Server
            | ErrorKind::UnexpectedResponse
            | ErrorKind::ResponseTooLarge
            | ErrorKind::Redirect => Self::Server,
            ErrorKind::Timeout | ErrorKind::Connection => Self::Network,
            ErrorKind::Validation | ErrorKind::StatusChangeForbidden => Self::Rejected,
            ErrorKind::Config | ErrorKind::InvalidRequest => Self::Usage,
            _ => Self::Other,
        }
    }
}

/// What a command failed with: a code and one line for a person.
#[derive(Debug)]
pub struct Failure {
    /// The exit code.
    pub code: Code,
    /// The line, hint included (never the token: SDK errors never hold it).
    pub message: String,
}

impl Failure {
    /// A bad argument or setting.
    pub fn usage(message: impl Into<String>) -> Self {
        Self {
            code: Code::Usage,
            message: message.into(),
        }
    }

    /// Any other failure.
    pub fn other(message: impl Into<String>) -> Self {
        Self {
            code: Code::Other,
            message: message.into(),
        }
    }
}

impl From<ruut_sdk::Error> for Failure {
    fn from(error: ruut_sdk::Error) -> Self {
        // The SDK's Display already ends with "; <hint>" when there is one.
        Self {
            code: Code::of(error.kind()),
            message: error.to_string(),
        }
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // One line, whatever the server put in its message.
        let line: String = self
            .message
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        f.write_str(line.trim())
    }
}

/// A command's result.
pub type Outcome<T = ()> = Result<T, Failure>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_map_to_documented_codes() {
        assert_eq!(Code::of(ErrorKind::Unauthorized) as u8, 3);
        assert_eq!(Code::of(ErrorKind::RouteNotFound) as u8, 4);
        assert_eq!(Code::of(ErrorKind::RateLimited) as u8, 5);
        assert_eq!(Code::of(ErrorKind::Server) as u8, 6);
        assert_eq!(Code::of(ErrorKind::Connection) as u8, 7);
        assert_eq!(Code::of(ErrorKind::Validation) as u8, 8);
        assert_eq!(Code::of(ErrorKind::Config) as u8, 2);
    }

    #[test]
    fn a_failure_prints_on_one_line() {
        let failure = Failure::other("first\nsecond\r\n");
        assert_eq!(failure.to_string(), "first second");
    }
}
