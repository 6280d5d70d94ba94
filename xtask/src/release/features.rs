//! The feature combinations that matter, for every published crate: no
//! default features, each feature alone, and all of them.
//!
//! The features are read from the manifests (`cargo metadata`), so a feature
//! added to a crate is checked without a change here. Each combination is a
//! `cargo check` of the crate's library and binaries, which leaves the
//! dev-dependencies out and so builds exactly that feature set (a dependency
//! a feature forgot to enable, or code a `cfg` forgot to gate, fails it).
//! The tests then run once with all features: what no combination switches on
//! runs in CI's `cargo test --workspace` (default features), and the other
//! combinations have no code of their own that a test reaches (TLS and
//! compression change how reqwest talks to a server, and the tests talk plain
//! HTTP to the sandbox), so running every test under every combination would
//! cost minutes for nothing.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

use super::PUBLISHED;
use crate::Error;
use crate::tools::exec::{self, fail};

/// The CI step's name.
pub const STEP: &str = "feature combinations";

/// A published crate and its optional features (sorted, without `default`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CrateFeatures {
    /// The package name.
    pub name: String,
    /// The features a user can turn on or off.
    pub features: Vec<String>,
    /// What `default` turns on (sorted).
    pub default: Vec<String>,
}

/// The features of every crate in `crates`, from `cargo metadata` JSON.
/// A crate missing from the metadata is an error: the list is out of date.
pub fn from_metadata(json: &str, crates: &[&str]) -> Result<Vec<CrateFeatures>, String> {
    let metadata: Value =
        serde_json::from_str(json).map_err(|e| format!("cargo metadata: bad JSON: {e}"))?;
    let packages = metadata["packages"]
        .as_array()
        .ok_or("cargo metadata: no `packages` array")?;
    crates
        .iter()
        .map(|name| {
            let package = packages
                .iter()
                .find(|p| p["name"] == *name)
                .ok_or_else(|| format!("cargo metadata: no package `{name}`"))?;
            let table = package["features"].as_object();
            let mut features: Vec<String> = table
                .map(|map| map.keys().filter(|k| *k != "default").cloned().collect())
                .unwrap_or_default();
            features.sort_unstable();
            let mut default: Vec<String> = table
                .and_then(|map| map.get("default"))
                .and_then(Value::as_array)
                .map(|list| {
                    list.iter()
                        .filter_map(|f| f.as_str().map(String::from))
                        .collect()
                })
                .unwrap_or_default();
            default.sort_unstable();
            Ok(CrateFeatures {
                name: (*name).to_string(),
                features,
                default,
            })
        })
        .collect()
}

/// The published crates' features, read by `cargo metadata` from the manifests.
pub fn published(root: &Path) -> Result<Vec<CrateFeatures>, Error> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let output = exec::capture(
        STEP,
        root,
        Command::new(cargo).args(["metadata", "--format-version", "1", "--no-deps", "--locked"]),
    )?;
    if !output.status.success() {
        return Err(fail(
            STEP,
            format!(
                "cargo metadata {}: {}",
                exec::describe_exit(output.status),
                String::from_utf8_lossy(&output.stderr).trim()
            ),
        ));
    }
    from_metadata(&String::from_utf8_lossy(&output.stdout), &PUBLISHED).map_err(|e| fail(STEP, e))
}

/// The cargo arguments selecting each combination of `features`: none, each
/// alone, all. Without features there is one: the crate as it is. A feature
/// alone that is exactly `default` is left out: CI's clippy and test steps
/// build the crate with its defaults already.
pub fn combinations(features: &[String], default: &[String]) -> Vec<Vec<String>> {
    let none = || vec!["--no-default-features".to_string()];
    if features.is_empty() {
        return vec![Vec::new()];
    }
    let mut all = vec![none()];
    for feature in features {
        if default == std::slice::from_ref(feature) {
            continue;
        }
        all.push([none(), vec!["--features".into(), feature.clone()]].concat());
    }
    all.push(vec!["--all-features".into()]);
    all
}

/// Checks every combination of every published crate, then runs their tests
/// once with all features; stops at the first failure.
pub fn run(root: &Path) -> Result<String, Error> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let crates = published(root)?;
    let mut count = 0;
    for krate in &crates {
        for args in combinations(&krate.features, &krate.default) {
            exec::run(
                STEP,
                root,
                Command::new(&cargo)
                    .args(["check", "--locked", "--quiet", "-p", &krate.name])
                    .args(&args),
            )?;
            count += 1;
        }
    }
    let mut test = Command::new(&cargo);
    test.args(["test", "--locked", "--quiet", "--all-features"]);
    for krate in &crates {
        test.args(["-p", &krate.name]);
    }
    exec::run(STEP, root, &mut test)?;
    let listed: Vec<String> = crates
        .iter()
        .map(|c| format!("{} [{}]", c.name, c.features.join(", ")))
        .collect();
    Ok(format!(
        "{count} combinations checked, tests passed with all features: {}",
        listed.join("; ")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| (*s).to_string()).collect()
    }

    #[test]
    fn each_feature_alone_none_and_all() {
        let lines = |default: &[&str]| -> Vec<String> {
            combinations(&strings(&["a", "b"]), &strings(default))
                .iter()
                .map(|c| c.join(" "))
                .collect()
        };
        assert_eq!(
            lines(&[]),
            [
                "--no-default-features",
                "--no-default-features --features a",
                "--no-default-features --features b",
                "--all-features"
            ]
        );
        // `a` alone is the default build, which CI builds anyway.
        assert_eq!(
            lines(&["a"]),
            [
                "--no-default-features",
                "--no-default-features --features b",
                "--all-features"
            ]
        );
        assert_eq!(lines(&["a", "b"]).len(), 4);
        assert_eq!(combinations(&[], &[]), vec![Vec::<String>::new()]);
    }

    #[test]
    fn features_come_from_the_metadata_without_default() {
        let json = r#"{"packages": [
            {"name": "one", "features": {"default": ["b"], "b": [], "a": ["dep:x"]}},
            {"name": "two", "features": {}}
        ]}"#;
        assert_eq!(
            from_metadata(json, &["two", "one"]).unwrap(),
            [
                CrateFeatures {
                    name: "two".into(),
                    features: vec![],
                    default: vec![]
                },
                CrateFeatures {
                    name: "one".into(),
                    features: strings(&["a", "b"]),
                    default: strings(&["b"])
                },
            ]
        );
        let missing = from_metadata(json, &["three"]).unwrap_err();
        assert!(missing.contains("no package `three`"), "{missing}");
        assert!(from_metadata("[", &["one"]).is_err());
    }

    /// The real manifests, through cargo: the features a reader of the
    /// READMEs expects are the ones the step checks.
    #[test]
    fn the_published_crates_features_are_read_from_their_manifests() {
        let crates = published(&crate::workspace_root()).unwrap();
        let sdk = crates.iter().find(|c| c.name == "ruut-sdk").unwrap();
        for feature in ["rustls", "native-tls", "gzip", "brotli", "axum"] {
            assert!(sdk.features.iter().any(|f| f == feature), "{feature}");
        }
        assert_eq!(crates.len(), PUBLISHED.len());
    }

    /// Every feature has a row in its crate's README (crates.io's page) and
    /// crate docs (docs.rs's), so a feature added to a manifest is documented
    /// where users look.
    #[test]
    fn every_feature_is_in_the_readme_and_the_crate_docs() {
        let root = crate::workspace_root();
        for krate in published(&root).unwrap() {
            let dir = root.join("crates").join(&krate.name);
            for file in ["README.md", "src/lib.rs"] {
                let text = std::fs::read_to_string(dir.join(file)).unwrap();
                for feature in &krate.features {
                    let row = format!("| `{feature}` |");
                    assert!(
                        text.contains(&row),
                        "{}/{file}: no `{row}` row in its feature table",
                        krate.name
                    );
                }
            }
        }
    }
}
