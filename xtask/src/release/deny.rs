//! `cargo deny check licenses bans`, offline: the licences of every
//! dependency against `deny.toml`'s list, and no crate in two versions but
//! those `deny.toml` explains. Then each allowed licence is taken out in turn
//! and the licence check must fail: so the list is exactly what the tree
//! needs, not a superset that grew while dependencies went.

use std::path::Path;
use std::process::Command;

use super::install::CargoTool;
use crate::Error;
use crate::tools::exec::{self, fail};

/// The pinned release.
pub const TOOL: CargoTool = CargoTool {
    krate: "cargo-deny",
    version: "0.20.2",
};

/// The CI step's name.
pub const STEP: &str = "cargo deny check licenses bans";

/// The flags of every run: no network (it needs nothing but `Cargo.lock` and
/// the sources cargo already fetched; no advisory database), and every
/// feature, so that what an optional feature brings in counts too.
const FLAGS: [&str; 4] = ["deny", "--offline", "--locked", "--all-features"];

/// Runs the check, then the "exactly" test of the licence list.
pub fn run(root: &Path) -> Result<String, Error> {
    let program = TOOL.ensure(STEP, root)?;
    // cargo-deny reads `cargo metadata` offline, which needs the sources of
    // every package in Cargo.lock, those of other platforms (Windows, Android)
    // too; the builds before this step fetched only this platform's. A fresh
    // machine fails here without this fetch (it is a no-op when all are there).
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    exec::run(STEP, root, Command::new(cargo).args(["fetch", "--locked"]))?;
    exec::run(
        STEP,
        root,
        Command::new(&program)
            .args(FLAGS)
            .args(["check", "licenses", "bans"]),
    )?;
    let config_path = root.join("deny.toml");
    let config =
        std::fs::read_to_string(&config_path).map_err(|e| exec::io("read", &config_path, e))?;
    let allowed = allowed_licenses(&config);
    if allowed.is_empty() {
        return Err(fail(STEP, "deny.toml: no `allow = [...]` list found"));
    }
    let scratch = std::env::temp_dir().join(format!("ruut-deny-{}.toml", std::process::id()));
    let mut unneeded = Vec::new();
    for license in &allowed {
        eprintln!("without {license} in the allow list, the licence check must fail:");
        std::fs::write(&scratch, without(&config, license))
            .map_err(|e| exec::io("write", &scratch, e))?;
        let output = exec::capture(
            STEP,
            root,
            Command::new(&program)
                .args(FLAGS)
                .arg("--config")
                .arg(&scratch)
                .args(["check", "licenses"]),
        );
        match output {
            Ok(output) if output.status.success() => unneeded.push(license.clone()),
            Ok(_) => {}
            Err(e) => {
                let _ = std::fs::remove_file(&scratch);
                return Err(e);
            }
        }
    }
    let _ = std::fs::remove_file(&scratch);
    if !unneeded.is_empty() {
        return Err(fail(
            STEP,
            format!(
                "deny.toml allows {} but no crate needs it (each crate offering it has another allowed \
                 choice): remove it",
                unneeded.join(", ")
            ),
        ));
    }
    Ok(format!(
        "licences allowed, no unexplained duplicates; each of the {} allowed licences is needed",
        allowed.len()
    ))
}

/// The licences of `[licenses] allow = [...]`, one `"NAME",` a line.
pub fn allowed_licenses(config: &str) -> Vec<String> {
    let mut table = "";
    let mut in_list = false;
    let mut names = Vec::new();
    for line in config.lines().map(str::trim) {
        if line.starts_with('[') && !in_list {
            table = line;
        } else if table == "[licenses]" && line.starts_with("allow") && line.ends_with('[') {
            in_list = true;
        } else if in_list && line.starts_with(']') {
            in_list = false;
        } else if in_list
            && let Some(rest) = line.strip_prefix('"')
            && let Some((name, _)) = rest.split_once('"')
        {
            names.push(name.to_string());
        }
    }
    names
}

/// `config` without the allow-list line of `license`.
fn without(config: &str, license: &str) -> String {
    let quoted = format!("\"{license}\"");
    config
        .lines()
        .filter(|line| !line.trim_start().starts_with(&quoted))
        .map(|line| format!("{line}\n"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const CONFIG: &str = "[graph]\nall-features = true\n\n[licenses]\nallow = [\n    \
                          \"MIT\",        # most\n    \"Apache-2.0\", # some\n]\n\
                          confidence-threshold = 0.9\n\n[bans]\nallow = [\n    \"x\",\n]\n";

    #[test]
    fn the_allow_list_of_the_licenses_table_only() {
        assert_eq!(allowed_licenses(CONFIG), ["MIT", "Apache-2.0"]);
    }

    #[test]
    fn one_licence_is_taken_out() {
        let edited = without(CONFIG, "MIT");
        assert_eq!(allowed_licenses(&edited), ["Apache-2.0"]);
        assert!(edited.contains("[bans]\nallow = [\n    \"x\",\n]"));
    }

    #[test]
    fn the_projects_list_is_read() {
        let path = crate::workspace_root().join("deny.toml");
        let allowed = allowed_licenses(&std::fs::read_to_string(path).unwrap());
        assert!(allowed.iter().any(|l| l == "MIT"), "{allowed:?}");
        assert!(allowed.iter().any(|l| l == "Apache-2.0"), "{allowed:?}");
    }
}
