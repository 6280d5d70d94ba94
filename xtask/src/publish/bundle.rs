//! `cargo xtask spec`: the published bundle for non-Rust teams, in
//! `target/spec/`.
//!
//! - `ruut.yaml`: the spec as written (byte copy of `openapi/ruut.yaml`,
//!   comments included);
//! - `ruut.json`: the same document as JSON. Keys are sorted at every level
//!   and the text is pretty-printed with a final newline, so the bytes depend
//!   only on the content of the spec, never on the YAML layout or on crate
//!   features;
//! - `index.html`: a self-contained API reference page, rendered by Redocly
//!   `build-docs --inlineBundle` (no CDN needed to view it).

use std::fmt;
use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use crate::spec::Spec;
use crate::tools::exec::{self, io};
use crate::tools::node;
use crate::{Error, SPEC_PATH};

/// Where the bundle goes, relative to the workspace root.
pub const OUT_DIR: &str = "target/spec";

const STEP: &str = "spec";

/// One written file.
#[derive(Clone, Debug)]
pub struct Written {
    /// The file, relative to the workspace root.
    pub path: String,
    /// Its size.
    pub bytes: u64,
    /// What it is.
    pub what: &'static str,
}

/// What `cargo xtask spec` wrote.
#[derive(Clone, Debug)]
pub struct Published {
    /// The files, in the order written.
    pub files: Vec<Written>,
}

impl fmt::Display for Published {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, file) in self.files.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(
                f,
                "wrote {:<22} {:>9} bytes  {}",
                file.path, file.bytes, file.what
            )?;
        }
        Ok(())
    }
}

/// Writes `ruut.yaml`, `ruut.json` and `index.html` to [`OUT_DIR`].
pub fn run(root: &Path) -> Result<Published, Error> {
    let out = root.join(OUT_DIR);
    std::fs::create_dir_all(&out).map_err(|e| io("create", &out, e))?;
    let source = root.join(SPEC_PATH);
    let text = std::fs::read_to_string(&source).map_err(|e| io("read the spec", &source, e))?;
    let spec = Spec::parse(SPEC_PATH, &text)?;
    let mut files = Vec::new();

    let yaml = out.join("ruut.yaml");
    write(&yaml, text.as_bytes())?;
    files.push(written(root, &yaml, "the spec as written")?);

    let json_text = to_json(&spec.raw);
    // The JSON must say exactly what the YAML says.
    let reparsed: Value = serde_json::from_str(&json_text)
        .map_err(|e| exec::fail(STEP, format!("the JSON bundle does not parse: {e}")))?;
    if reparsed != spec.raw {
        return Err(exec::fail(
            STEP,
            "the JSON bundle differs from the YAML spec",
        ));
    }
    let json = out.join("ruut.json");
    write(&json, json_text.as_bytes())?;
    files.push(written(
        root,
        &json,
        "the same document as JSON, keys sorted",
    )?);

    let html = out.join("index.html");
    let tools = node::ensure(root)?;
    let output = exec::capture(
        STEP,
        root,
        tools.command("redocly").args([
            "build-docs",
            SPEC_PATH,
            "--inlineBundle",
            "--output",
            &format!("{OUT_DIR}/index.html"),
        ]),
    )?;
    // Redocly boxes a Node 20 deprecation notice and a Redoc 3 notice on
    // every run; keep the log to what it did.
    for stream in [&output.stdout, &output.stderr] {
        for line in String::from_utf8_lossy(stream).lines() {
            let boxed = line.trim_start().starts_with(['╔', '║', '╚']);
            if !boxed && !line.trim().is_empty() {
                eprintln!("{line}");
            }
        }
    }
    if !output.status.success() {
        return Err(exec::fail(
            STEP,
            format!("redocly build-docs {}", exec::describe_exit(output.status)),
        ));
    }
    files.push(written(
        root,
        &html,
        "self-contained API reference (Redocly)",
    )?);
    Ok(Published { files })
}

/// The path of the reference page.
pub fn index_html(root: &Path) -> PathBuf {
    root.join(OUT_DIR).join("index.html")
}

/// `value` as pretty JSON with keys sorted at every level and a final newline.
pub fn to_json(value: &Value) -> String {
    let mut text = serde_json::to_string_pretty(&sorted(value))
        .expect("a serde_json::Value always serializes");
    text.push('\n');
    text
}

/// A copy of `value` whose objects list their keys in sorted order (whether
/// or not serde_json's `preserve_order` feature is on).
fn sorted(value: &Value) -> Value {
    match value {
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            let mut out = Map::new();
            for key in keys {
                out.insert(key.clone(), sorted(&map[key]));
            }
            Value::Object(out)
        }
        Value::Array(items) => Value::Array(items.iter().map(sorted).collect()),
        other => other.clone(),
    }
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    std::fs::write(path, bytes).map_err(|e| io("write", path, e))
}

fn written(root: &Path, path: &Path, what: &'static str) -> Result<Written, Error> {
    let meta = std::fs::metadata(path).map_err(|e| io("read", path, e))?;
    let shown = path
        .strip_prefix(root)
        .unwrap_or(path)
        .display()
        .to_string();
    Ok(Written {
        path: shown,
        bytes: meta.len(),
        what,
    })
}
