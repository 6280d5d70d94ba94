//! The cases: the `/// Case` and `/// Expect` lines on the reliability tests,
//! read from the files in [`SOURCES`].

use std::collections::BTreeMap;
use std::path::Path;

use crate::Error;
use crate::tools::exec;

/// Where the annotated tests live: (directory, file-name prefix), relative to
/// the workspace root; plus single files.
pub const SOURCES: &[(&str, &str)] = &[
    ("tests/tests", "reliability_"),
    ("crates/ruut-sdk/tests", "proptest_"),
    ("crates/ruut-sdk/src/error/retry_after", "proptests"),
];

/// One case: a test and what it checks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Case {
    /// `fault.hang`: the section, a dot, a name.
    pub id: String,
    /// What the test does to the SDK.
    pub what: String,
    /// What must happen.
    pub expect: String,
    /// The file, relative to the workspace root, with `/` separators.
    pub file: String,
    /// The test function's name.
    pub test: String,
}

impl Case {
    /// The section the case belongs to: its id up to the first dot.
    pub fn section(&self) -> &str {
        self.id.split('.').next().unwrap_or("")
    }

    /// The report's row for this case, up to the outcome cell.
    pub fn row_head(&self) -> String {
        format!(
            "| `{}` | {} | {} | ",
            self.id,
            cell(&self.what),
            cell(&self.expect)
        )
    }

    /// The report's row for this case, from after the outcome cell.
    pub fn row_tail(&self) -> String {
        format!(" | `{}::{}` |", self.file, self.test)
    }
}

/// Text fit for a table cell: pipes escaped.
pub fn cell(text: &str) -> String {
    text.replace('|', "\\|")
}

/// Reads the cases of one file's text; `file` names it in errors and cases.
pub fn parse(file: &str, text: &str) -> Result<Vec<Case>, String> {
    let mut cases = Vec::new();
    let mut pending: Vec<(String, String, Option<String>)> = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let at = || format!("{file}:{}", number + 1);
        let trimmed = line.trim();
        if let Some(rest) = trimmed.strip_prefix("/// Case ") {
            let (id, what) = rest
                .split_once(": ")
                .ok_or_else(|| format!("{}: expected `/// Case <id>: <what>`", at()))?;
            let valid = id.contains('.')
                && id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "._-".contains(c));
            if !valid {
                return Err(format!(
                    "{}: case id `{id}` is not `<section>.<name>` in lowercase",
                    at()
                ));
            }
            if let Some((id, _, None)) = pending.last() {
                return Err(format!("{}: case `{id}` has no `/// Expect:` line", at()));
            }
            pending.push((id.to_owned(), what.trim().to_owned(), None));
        } else if let Some(expect) = trimmed.strip_prefix("/// Expect: ") {
            match pending.last_mut() {
                Some((_, _, slot @ None)) => *slot = Some(expect.trim().to_owned()),
                _ => {
                    return Err(format!(
                        "{}: `/// Expect:` without a `/// Case` line above it",
                        at()
                    ));
                }
            }
        } else if let Some(name) = fn_name(trimmed) {
            for (id, what, expect) in pending.drain(..) {
                let expect =
                    expect.ok_or_else(|| format!("{}: case `{id}` has no `/// Expect:`", at()))?;
                cases.push(Case {
                    id,
                    what,
                    expect,
                    file: file.to_owned(),
                    test: name.to_owned(),
                });
            }
        }
    }
    match pending.first() {
        Some((id, ..)) => Err(format!("{file}: case `{id}` is not followed by a test fn")),
        None => Ok(cases),
    }
}

/// The name of the function a line declares, if it declares one.
fn fn_name(line: &str) -> Option<&str> {
    let mut rest = line;
    for prefix in ["pub ", "async ", "fn "] {
        if let Some(after) = rest.strip_prefix(prefix) {
            rest = after;
            if prefix == "fn " {
                let end = rest.find(|c: char| !(c.is_alphanumeric() || c == '_'))?;
                return Some(&rest[..end]).filter(|n| !n.is_empty());
            }
        }
    }
    None
}

/// Every case of every file in [`SOURCES`], by file then line.
pub fn scan(root: &Path) -> Result<Vec<Case>, Error> {
    let mut cases = Vec::new();
    for file in source_files(root)? {
        let path = root.join(&file);
        let text = std::fs::read_to_string(&path).map_err(|e| exec::io("read", &path, e))?;
        cases.extend(parse(&file, &text).map_err(|e| exec::fail("reliability", e))?);
    }
    let mut seen = BTreeMap::new();
    for case in &cases {
        if let Some(other) = seen.insert(case.id.clone(), case) {
            return Err(exec::fail(
                "reliability",
                format!(
                    "case `{}` is claimed by {}::{} and {}::{}",
                    case.id, other.file, other.test, case.file, case.test
                ),
            ));
        }
    }
    Ok(cases)
}

/// The files of [`SOURCES`], relative to the root, sorted.
pub fn source_files(root: &Path) -> Result<Vec<String>, Error> {
    let mut files = Vec::new();
    for (dir, prefix) in SOURCES {
        let path = root.join(dir);
        let entries = std::fs::read_dir(&path).map_err(|e| exec::io("list", &path, e))?;
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with(prefix) && name.ends_with(".rs") {
                files.push(format!("{dir}/{name}"));
            }
        }
    }
    files.sort();
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cases_attach_to_the_next_fn() {
        let text = "\
/// Case a.one: First.
/// Expect: `Timeout`.
/// Case a.two: Second | piped.
/// Expect: ok.
#[tokio::test(flavor = \"current_thread\")]
async fn both() {}

/// Plain docs.
fn helper() {}
";
        let cases = parse("f.rs", text).unwrap();
        assert_eq!(cases.len(), 2);
        assert_eq!(cases[0].test, "both");
        assert_eq!(cases[1].id, "a.two");
        assert_eq!(
            cases[1].row_head(),
            "| `a.two` | Second \\| piped. | ok. | "
        );
        assert_eq!(cases[1].row_tail(), " | `f.rs::both` |");
    }

    #[test]
    fn broken_annotations_are_errors() {
        assert!(parse("f.rs", "/// Case a.b: x\nfn t() {}").is_err());
        assert!(parse("f.rs", "/// Expect: y\nfn t() {}").is_err());
        assert!(parse("f.rs", "/// Case a.b: x\n/// Expect: y\n").is_err());
        assert!(parse("f.rs", "/// Case Nope: x\n/// Expect: y\nfn t() {}").is_err());
    }
}
