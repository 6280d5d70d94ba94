//! The feature powerset that matters: each published crate with no default
//! features, with each feature alone, and with all of them, checked as a
//! library (exactly that feature set) and tested (its tests pass).

use std::path::Path;
use std::process::Command;

use crate::Error;
use crate::tools::exec;

/// The CI step's name.
pub const STEP: &str = "feature combinations";

/// The published crates' optional features, as their manifests declare them
/// (a test checks the lists against the manifests). `ruut-sandbox` has none.
pub const FEATURES: [(&str, &[&str]); 3] = [
    ("ruut-api", &["rustls", "native-tls", "gzip", "brotli"]),
    (
        "ruut-sdk",
        &["rustls", "native-tls", "gzip", "brotli", "axum"],
    ),
    ("ruut-sandbox", &[]),
];

/// The cargo arguments selecting each combination of `features`: none, each
/// alone, all. Without features there is one: the crate as it is.
pub fn combinations(features: &[&str]) -> Vec<Vec<String>> {
    let none = || vec!["--no-default-features".to_string()];
    if features.is_empty() {
        return vec![Vec::new()];
    }
    let mut all = vec![none()];
    for feature in features {
        all.push([none(), vec!["--features".into(), (*feature).into()]].concat());
    }
    all.push(vec!["--all-features".into()]);
    all
}

/// Checks and tests every combination of every crate; stops at the first failure.
pub fn run(root: &Path) -> Result<String, Error> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut count = 0;
    for (krate, features) in FEATURES {
        for args in combinations(features) {
            for action in [&["check"][..], &["test", "--quiet"][..]] {
                exec::run(
                    STEP,
                    root,
                    Command::new(&cargo)
                        .args(action)
                        .args(["--locked", "-p", krate])
                        .args(&args),
                )?;
            }
            count += 1;
        }
    }
    Ok(format!("{count} combinations checked and tested"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lists_are_the_manifests_optional_features() {
        let root = crate::workspace_root();
        for (krate, features) in FEATURES {
            let path = root.join("crates").join(krate).join("Cargo.toml");
            let manifest = std::fs::read_to_string(&path).unwrap();
            let declared = declared_features(&manifest);
            let mut listed: Vec<&str> = features.to_vec();
            listed.sort_unstable();
            assert_eq!(
                declared,
                listed,
                "{krate}: the features of {}",
                path.display()
            );
        }
    }

    /// The names in `[features]`, without `default`, sorted.
    fn declared_features(manifest: &str) -> Vec<&str> {
        let mut in_table = false;
        let mut names = Vec::new();
        for line in manifest.lines().map(str::trim) {
            if line.starts_with('[') {
                in_table = line == "[features]";
            } else if in_table
                && !line.starts_with('#')
                && let Some((name, _)) = line.split_once('=')
            {
                names.push(name.trim());
            }
        }
        names.retain(|name| *name != "default");
        names.sort_unstable();
        names
    }

    #[test]
    fn each_feature_alone_none_and_all() {
        let combos = combinations(&["a", "b"]);
        let lines: Vec<String> = combos.iter().map(|c| c.join(" ")).collect();
        assert_eq!(
            lines,
            [
                "--no-default-features",
                "--no-default-features --features a",
                "--no-default-features --features b",
                "--all-features"
            ]
        );
        assert_eq!(combinations(&[]), vec![Vec::<String>::new()]);
    }
}
