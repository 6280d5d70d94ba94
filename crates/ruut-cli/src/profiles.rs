//! Named profiles: `config.toml` in the platform's config directory
//! (`~/.config/ruut` on Linux, `~/Library/Application Support/chat.ruut.ruut`
//! on macOS, `%APPDATA%\ruut\ruut\config` on Windows), or in `RUUT_CONFIG_DIR`.
//!
//! ```toml
//! [profiles.default]
//! base_url = "https://app.ruut.chat"
//! account_id = 1
//! api_token = "..."
//! ```
//!
//! The file holds tokens, so it is written readable by its owner only.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::exit::{Failure, Outcome};

/// The environment variable that moves the config directory (tests, scripts).
pub const ENV_CONFIG_DIR: &str = "RUUT_CONFIG_DIR";
/// The profile used when none is named.
pub const DEFAULT_PROFILE: &str = "default";

/// One profile's settings; each is optional.
#[derive(Clone, Default, Deserialize, Serialize, PartialEq, Eq)]
pub struct Profile {
    /// The server's address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base_url: Option<String>,
    /// The account id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account_id: Option<i64>,
    /// The access token.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api_token: Option<String>,
}

impl fmt::Debug for Profile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Profile")
            .field("base_url", &self.base_url)
            .field("account_id", &self.account_id)
            .field("api_token", &self.api_token.as_ref().map(|_| "<redacted>"))
            .finish()
    }
}

/// The whole file.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
pub struct ConfigFile {
    /// Profiles by name.
    #[serde(default)]
    pub profiles: BTreeMap<String, Profile>,
}

/// Where the file is.
pub fn config_path() -> Outcome<PathBuf> {
    let dir = match std::env::var_os(ENV_CONFIG_DIR).filter(|v| !v.is_empty()) {
        Some(dir) => PathBuf::from(dir),
        None => directories::ProjectDirs::from("chat", "ruut", "ruut")
            .map(|dirs| dirs.config_dir().to_path_buf())
            .ok_or_else(|| {
                Failure::usage(format!(
                    "cannot find a config directory (no home directory); set {ENV_CONFIG_DIR}"
                ))
            })?,
    };
    Ok(dir.join("config.toml"))
}

impl ConfigFile {
    /// Reads the file at `path`; a missing file is an empty one.
    pub fn load(path: &Path) -> Outcome<Self> {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Self::default()),
            Err(e) => {
                return Err(Failure::other(format!(
                    "cannot read {}: {e}",
                    path.display()
                )));
            }
        };
        toml::from_str(&text).map_err(|e| {
            // toml's message quotes the offending line, which may hold a token.
            let line = e
                .span()
                .map(|span| text[..span.start].lines().count().max(1));
            Failure::usage(format!(
                "{} is not a valid profile file (line {}); fix or remove it",
                path.display(),
                line.map_or_else(|| "?".to_owned(), |l| l.to_string())
            ))
        })
    }

    /// Writes the file at `path`, readable and writable by its owner only.
    pub fn save(&self, path: &Path) -> Outcome {
        let text = toml::to_string(self)
            .map_err(|e| Failure::other(format!("cannot write the profile file: {e}")))?;
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)
                .map_err(|e| Failure::other(format!("cannot create {}: {e}", dir.display())))?;
        }
        let tmp = path.with_extension("toml.tmp");
        write_private(&tmp, text.as_bytes())
            .and_then(|()| std::fs::rename(&tmp, path))
            .map_err(|e| Failure::other(format!("cannot write {}: {e}", path.display())))
    }
}

/// Writes `bytes` to a new file at `path` that only its owner may read.
#[cfg(unix)]
pub fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(path)?;
    // `mode` only applies to a new file; an old one keeps its bits otherwise.
    file.set_permissions(std::fs::Permissions::from_mode(0o600))?;
    file.write_all(bytes)?;
    file.sync_all()
}

/// Writes `bytes` to `path` (the per-user directories are private on Windows).
#[cfg(not(unix))]
pub fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    // The per-user config directory is private to its user on Windows.
    std::fs::write(path, bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_never_shows_the_token() {
        let profile = Profile {
            api_token: Some("secret-token".into()),
            ..Profile::default()
        };
        assert!(!format!("{profile:?}").contains("secret-token"));
    }

    #[test]
    fn a_broken_file_is_named_without_its_content() {
        let dir = std::env::temp_dir().join(format!("ruut-cli-profiles-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("config.toml");
        std::fs::write(&path, "[profiles.default]\napi_token = secret-token\n").unwrap();
        let error = ConfigFile::load(&path).unwrap_err();
        assert!(error.message.contains("line 2"), "{}", error.message);
        assert!(!error.message.contains("secret-token"));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
