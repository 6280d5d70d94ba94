//! The reference page in a real browser: headless Chromium opens
//! `target/spec/index.html`, every operation's summary from the spec must be
//! on the rendered page, and a screenshot is saved as
//! `target/spec/index.png`.
//!
//! Chromium is Debian's `chromium` package. When `/usr/bin/chromium` is
//! missing the step installs it with `apt-get update && apt-get install -y
//! chromium` (as root, which CI is); nothing is pinned, the version is
//! logged. Chromium runs with the flags this machine needs offline (no
//! sandbox as root, no GPU, no background networking) and a fresh profile.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::publish::bundle;
use crate::spec::Spec;
use crate::tools::exec::{self, fail, io};
use crate::{Error, SPEC_PATH};

const STEP: &str = "reference page in Chromium";

/// Where Debian puts Chromium.
pub const CHROMIUM: &str = "/usr/bin/chromium";

/// The flags for every run (see the env notes on Chromium offline). The
/// host resolver rule keeps Chromium's own update, time and account checks
/// (and the page's Redocly logo, which has an offline fallback) from even
/// looking up a name: the page is a local file and needs no network.
const FLAGS: [&str; 10] = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--host-resolver-rules=MAP * ~NOTFOUND",
];

/// CI step: check the page and take the screenshot.
pub fn check(root: &Path) -> Result<String, Error> {
    let chromium = ensure_chromium(root)?;
    let page = bundle::index_html(root);
    if !page.exists() {
        eprintln!(
            "{} is missing; running `cargo xtask spec` first",
            page.display()
        );
        bundle::run(root)?;
    }
    let spec = Spec::load(root, SPEC_PATH)?;
    let summaries = operation_summaries(&spec.raw);
    if summaries.is_empty() {
        return Err(fail(
            STEP,
            format!("{SPEC_PATH} has no operation summaries"),
        ));
    }
    let url = format!("file://{}", page.display());
    let work = root.join(bundle::OUT_DIR).join("chromium");
    std::fs::create_dir_all(&work).map_err(|e| io("create", &work, e))?;

    // Redoc 3 renders one tag's operations at a time, when the URL names the
    // tag (`#tag/<name>`): open the page once per tag and read what the
    // browser rendered. `--virtual-time-budget` lets the page finish its
    // lazy rendering before the DOM is dumped.
    let mut tags: Vec<&str> = Vec::new();
    for summary in &summaries {
        if !tags.contains(&summary.tag.as_str()) {
            tags.push(&summary.tag);
        }
    }
    let mut missing = Vec::new();
    for tag in &tags {
        // Redoc's anchor is the tag's slug: spaces become hyphens ("Agent bots"
        // is `#tag/Agent-bots`; `%20` finds no section and renders none).
        let tag_url = format!(
            "{url}#tag/{}",
            tag.split_whitespace().collect::<Vec<_>>().join("-")
        );
        let dom = run_chromium(
            root,
            &chromium,
            &work,
            &format!(
                "dump-dom-{}",
                tag.replace(|c: char| !c.is_ascii_alphanumeric(), "_")
            ),
            &["--virtual-time-budget=5000", "--dump-dom", &tag_url],
        )?;
        let text = visible_text(&String::from_utf8_lossy(&dom));
        let mut found = 0;
        for op in summaries.iter().filter(|op| op.tag == *tag) {
            if text.contains(&normalize_space(&op.summary)) {
                found += 1;
            } else {
                missing.push(format!("\"{}\" ({})", op.summary, op.label));
            }
        }
        eprintln!("#tag/{tag}: {found} operation summaries on the rendered page");
    }
    if !missing.is_empty() {
        return Err(fail(
            STEP,
            format!(
                "{} of {} operation summaries are not on the rendered page: {}",
                missing.len(),
                summaries.len(),
                missing.join(", ")
            ),
        ));
    }

    let png = root.join(bundle::OUT_DIR).join("index.png");
    let _ = std::fs::remove_file(&png);
    let screenshot_flag = format!("--screenshot={}", png.display());
    run_chromium(
        root,
        &chromium,
        &work,
        "screenshot",
        &[
            "--virtual-time-budget=5000",
            &screenshot_flag,
            "--window-size=1280,2000",
            &url,
        ],
    )?;
    let bytes = std::fs::read(&png).map_err(|e| io("read the screenshot", &png, e))?;
    if !bytes.starts_with(b"\x89PNG") || bytes.len() < 10_000 {
        return Err(fail(
            STEP,
            format!(
                "{} is not a plausible screenshot ({} bytes)",
                png.display(),
                bytes.len()
            ),
        ));
    }
    let _ = std::fs::remove_dir_all(&work);
    Ok(format!(
        "all {} operation summaries are on the rendered page ({} tags); screenshot {}/index.png ({} bytes)",
        summaries.len(),
        tags.len(),
        bundle::OUT_DIR,
        bytes.len()
    ))
}

/// Returns Chromium's path, installing Debian's package if it is missing.
pub fn ensure_chromium(root: &Path) -> Result<PathBuf, Error> {
    let path = PathBuf::from(CHROMIUM);
    if !path.exists() {
        eprintln!("{CHROMIUM} is missing; installing Debian's chromium package");
        let start = Instant::now();
        let apt = |args: &[&str]| {
            let mut cmd = Command::new("apt-get");
            cmd.args(args).env("DEBIAN_FRONTEND", "noninteractive");
            cmd
        };
        exec::run(STEP, root, &mut apt(&["update", "-q"]))?;
        exec::run(
            STEP,
            root,
            &mut apt(&["install", "-y", "-q", "--no-install-recommends", "chromium"]),
        )
        .map_err(|e| {
            fail(
                STEP,
                format!("{e}. Chromium is needed to check the reference page; install it with `apt-get install chromium` (as root)"),
            )
        })?;
        eprintln!(
            "installed chromium in {:.1} s",
            start.elapsed().as_secs_f64()
        );
        if !path.exists() {
            return Err(fail(
                STEP,
                format!("apt-get installed chromium but {CHROMIUM} is missing"),
            ));
        }
    }
    eprintln!("using {}", exec::version(root, &path, &["--version"]));
    Ok(path)
}

fn run_chromium(
    root: &Path,
    chromium: &Path,
    work: &Path,
    what: &str,
    args: &[&str],
) -> Result<Vec<u8>, Error> {
    let profile = work.join(format!("profile-{what}"));
    let _ = std::fs::remove_dir_all(&profile);
    let mut cmd = Command::new(chromium);
    cmd.args(FLAGS)
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args);
    let output = exec::capture_with_timeout(
        STEP,
        root,
        &mut cmd,
        Duration::from_secs(120),
        &work.join(what),
    )?;
    if !output.status.success() {
        eprintln!("{}", String::from_utf8_lossy(&output.stderr));
        return Err(fail(
            STEP,
            format!("chromium ({what}) {}", exec::describe_exit(output.status)),
        ));
    }
    Ok(output.stdout)
}

/// An operation as the reference page should show it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OperationSummary {
    /// The summary (or a placeholder naming the operation if it has none).
    pub summary: String,
    /// The first tag, which is where Redoc lists the operation.
    pub tag: String,
    /// `operationId, METHOD path`, for messages.
    pub label: String,
}

/// Every operation's summary and tag, in document order.
pub fn operation_summaries(spec: &Value) -> Vec<OperationSummary> {
    let mut out = Vec::new();
    let Some(paths) = spec.get("paths").and_then(Value::as_object) else {
        return out;
    };
    for (path, item) in paths {
        for method in [
            "get", "put", "post", "delete", "options", "head", "patch", "trace",
        ] {
            let Some(op) = item.get(method) else { continue };
            let id = op.get("operationId").and_then(Value::as_str).unwrap_or("?");
            let summary = op
                .get("summary")
                .and_then(Value::as_str)
                .unwrap_or("")
                .trim()
                .to_string();
            let tag = op
                .pointer("/tags/0")
                .and_then(Value::as_str)
                .unwrap_or("default")
                .to_string();
            out.push(OperationSummary {
                summary: if summary.is_empty() {
                    format!("(no summary for {id})")
                } else {
                    summary
                },
                tag,
                label: format!("{id}, {} {path}", method.to_ascii_uppercase()),
            });
        }
    }
    out
}

/// The text a reader sees: the DOM without scripts, styles and tags, with
/// entities decoded and whitespace collapsed. (The inline bundle also holds
/// the whole spec as JSON in a script; that must not count.)
pub fn visible_text(html: &str) -> String {
    let mut text = String::with_capacity(html.len() / 4);
    let lower = html.to_ascii_lowercase();
    let mut i = 0;
    while i < html.len() {
        if lower[i..].starts_with("<script") || lower[i..].starts_with("<style") {
            let close = if lower[i..].starts_with("<script") {
                "</script>"
            } else {
                "</style>"
            };
            match lower[i..].find(close) {
                Some(end) => i += end + close.len(),
                None => break,
            }
            continue;
        }
        if html[i..].starts_with('<') {
            match html[i..].find('>') {
                Some(end) => {
                    i += end + 1;
                    text.push(' ');
                }
                None => break,
            }
            continue;
        }
        let next = html[i..].find('<').map_or(html.len(), |n| i + n);
        text.push_str(&html[i..next]);
        i = next;
    }
    normalize_space(&decode_entities(&text))
}

fn decode_entities(text: &str) -> String {
    text.replace("&nbsp;", " ")
        .replace("&#160;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

fn normalize_space(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_text_does_not_count_as_visible() {
        let html = "<html><head><script>var s = {\"summary\": \"Hidden op\"};</script>\
                    <style>.a{}</style></head><body><h2>Change a conversation&#x27;s \
                    status</h2><p>A &amp; B</p></body></html>";
        let text = visible_text(html);
        assert!(text.contains("Change a conversation's status"), "{text}");
        assert!(text.contains("A & B"), "{text}");
        assert!(!text.contains("Hidden op"), "{text}");
    }
}
