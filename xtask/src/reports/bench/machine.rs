//! What the header says about the machine and the checkout: CPU, memory,
//! load, the commit, the crate versions, and the date.

use std::path::Path;
use std::process::Command;
use std::time::SystemTime;

/// The first line of a file, trimmed, or `unknown`.
pub fn first_line_of(path: &str) -> String {
    std::fs::read_to_string(path)
        .ok()
        .and_then(|text| text.lines().next().map(|l| l.trim().to_string()))
        .unwrap_or_else(|| "unknown".into())
}

/// The CPU model from `/proc/cpuinfo`.
pub fn cpu_model() -> String {
    std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|text| {
            text.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split_once(':'))
                .map(|(_, model)| model.trim().to_string())
        })
        .unwrap_or_else(|| "CPU model unknown".into())
}

/// The total memory from `/proc/meminfo`, in GiB.
pub fn memory() -> String {
    std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|text| {
            let line = text.lines().find(|l| l.starts_with("MemTotal:"))?;
            let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
            Some(format!("{:.1} GiB", kib / 1048576.0))
        })
        .unwrap_or_else(|| "unknown amount".into())
}

/// The 1, 5 and 15 minute load averages from `/proc/loadavg`.
pub fn load_average() -> String {
    let text = first_line_of("/proc/loadavg");
    text.split_whitespace()
        .take(3)
        .collect::<Vec<_>>()
        .join(", ")
}

/// The commit checked out, and whether the checkout has changes.
pub fn git_describe(root: &Path) -> String {
    let git = |args: &[&str]| {
        Command::new("git")
            .args(args)
            .current_dir(root)
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
    };
    match git(&["rev-parse", "--short=12", "HEAD"]) {
        Some(head) => {
            let dirty = git(&["status", "--porcelain", "--untracked-files=no"])
                .is_some_and(|s| !s.is_empty());
            format!(
                "git {head}{}",
                if dirty {
                    ", with uncommitted changes in the checkout"
                } else {
                    ""
                }
            )
        }
        None => "not a git checkout".into(),
    }
}

/// The versions of the crates that matter here, from `Cargo.lock`.
pub fn crate_versions(root: &Path) -> String {
    const NAMES: [&str; 9] = [
        "ruut-sdk",
        "ruut-api",
        "ruut-sandbox",
        "progenitor-client",
        "reqwest",
        "hyper",
        "tokio",
        "axum",
        "serde_json",
    ];
    let lock = std::fs::read_to_string(root.join("Cargo.lock")).unwrap_or_default();
    let mut found = Vec::new();
    for block in lock.split("[[package]]") {
        let field = |key: &str| {
            block.lines().find_map(|l| {
                l.strip_prefix(key)
                    .map(|v| v.trim().trim_start_matches('=').trim().trim_matches('"'))
            })
        };
        if let (Some(name), Some(version)) = (field("name "), field("version "))
            && NAMES.contains(&name)
        {
            found.push((name.to_string(), version.to_string()));
        }
    }
    found.sort_by_key(|(name, _)| NAMES.iter().position(|n| n == name));
    found
        .iter()
        .map(|(name, version)| format!("{name} {version}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The current UTC time as `2026-11-25 15:04 UTC`.
pub fn utc_now() -> String {
    let secs = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let days = (secs / 86_400) as i64;
    let (hour, minute) = ((secs % 86_400) / 3_600, (secs % 3_600) / 60);
    // Howard Hinnant's days-to-civil.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02} {hour:02}:{minute:02} UTC")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_date_is_utc() {
        let now = utc_now();
        assert!(now.starts_with("20") && now.ends_with(" UTC"), "{now}");
        assert_eq!(now.len(), "2026-11-25 15:04 UTC".len());
    }
}
