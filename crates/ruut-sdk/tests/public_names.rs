//! No public type of the SDK shares a name with a generated one.
//!
//! `ruut_sdk::types` re-exports the generated data types, and users import both
//! crates side by side: an SDK `MessageList` beside the generated
//! `types::MessageList` (it was so once) reads as the same thing and is not. The
//! names are read from the sources: the generated `types`, `types::builder` and
//! `builder` modules of `crates/ruut-api/src/generated.rs`, and every `pub struct`,
//! `pub enum`, `pub type` and `pub trait` under this crate's `src/`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The generated modules whose names the SDK must not reuse.
const GENERATED_MODULES: [&str; 3] = ["types", "types::builder", "builder"];

/// `(module path, name)` of every public type item in `source`, where a module
/// is a `pub mod name {` block (generated code is formatted, four spaces a level).
fn items_by_module(source: &str) -> Vec<(String, String)> {
    let mut modules: Vec<(usize, String)> = Vec::new();
    let mut items = Vec::new();
    for line in source.lines() {
        let indent = line.len() - line.trim_start().len();
        let text = line.trim();
        if text == "}" && modules.last().is_some_and(|(at, _)| *at == indent) {
            modules.pop();
            continue;
        }
        if let Some(name) = text
            .strip_prefix("pub mod ")
            .and_then(|rest| rest.strip_suffix(" {"))
        {
            modules.push((indent, name.to_owned()));
            continue;
        }
        let Some(name) = type_name(text) else {
            continue;
        };
        // Only items directly in the innermost module, not in a function or impl.
        let depth_ok = match modules.last() {
            Some((at, _)) => indent == at + 4,
            None => indent == 0,
        };
        if depth_ok {
            let path: Vec<&str> = modules.iter().map(|(_, m)| m.as_str()).collect();
            items.push((path.join("::"), name));
        }
    }
    items
}

/// The name a `pub struct|enum|type|trait` line declares (not `pub(crate)`).
fn type_name(line: &str) -> Option<String> {
    let rest = line.strip_prefix("pub ")?;
    let rest = ["struct ", "enum ", "type ", "trait "]
        .iter()
        .find_map(|kind| rest.strip_prefix(kind))?;
    let name: String = rest
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    (!name.is_empty()).then_some(name)
}

fn rust_files(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}

/// Every generated name that the SDK must not reuse, with the modules it is in.
fn generated_names() -> BTreeMap<String, BTreeSet<String>> {
    let generated = Path::new(env!("CARGO_MANIFEST_DIR")).join("../ruut-api/src/generated.rs");
    let source = std::fs::read_to_string(&generated).unwrap();
    let mut names: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (module, name) in items_by_module(&source) {
        if GENERATED_MODULES.contains(&module.as_str()) {
            names.entry(name).or_default().insert(module);
        }
    }
    names
}

/// Every public type the SDK declares, with the file it is in.
fn sdk_names() -> BTreeMap<String, PathBuf> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut names = BTreeMap::new();
    for file in files {
        let source = std::fs::read_to_string(&file).unwrap();
        for line in source.lines() {
            if let Some(name) = type_name(line.trim()) {
                names.insert(name, file.strip_prefix(&src).unwrap().to_owned());
            }
        }
    }
    names
}

#[test]
fn no_public_sdk_type_shares_a_name_with_a_generated_type() {
    let generated = generated_names();
    let sdk = sdk_names();
    let clashes: Vec<String> = sdk
        .iter()
        .filter_map(|(name, file)| {
            let modules = generated.get(name)?;
            let paths: Vec<String> = modules
                .iter()
                .map(|module| format!("ruut_api::{module}::{name}"))
                .collect();
            Some(format!(
                "{name} (src/{}) is also {}",
                file.display(),
                paths.join(", ")
            ))
        })
        .collect();
    assert!(clashes.is_empty(), "rename these:\n{}", clashes.join("\n"));
}

/// The readers above find what they must, so that the test above cannot pass by
/// reading nothing.
#[test]
fn the_name_readers_find_both_sides() {
    let generated = generated_names();
    for (name, module) in [
        ("MessageList", "types"),
        ("MessageList", "types::builder"),
        ("ContactList", "types"),
        ("CreateContact", "builder"),
    ] {
        assert!(
            generated.get(name).is_some_and(|m| m.contains(module)),
            "{module}::{name}"
        );
    }
    let modules: BTreeSet<&str> = generated.values().flatten().map(String::as_str).collect();
    assert_eq!(modules, BTreeSet::from(GENERATED_MODULES));
    // `ruut_api::Client` is in no checked module: the SDK's `Client` may wrap it.
    assert!(!generated.contains_key("Client"));

    let sdk = sdk_names();
    for name in [
        "Client",
        "ConversationQuery",
        "MessagePage",
        "ContactSearchQuery",
        "ErrorKind",
        "Result",
    ] {
        assert!(sdk.contains_key(name), "{name} not found under src/");
    }
    assert!(
        !sdk.contains_key("Settings"),
        "pub(crate) items are not public"
    );
}

#[test]
fn module_paths_follow_nesting() {
    let source = "pub struct Top;\npub mod types {\n    pub struct A {\n        pub struct NotAnItem;\n    }\n    pub mod builder {\n        pub struct B;\n    }\n    pub enum C {}\n}\npub mod builder {\n    pub type D = u8;\n}\n";
    let items = items_by_module(source);
    let expected: Vec<(String, String)> = [
        ("", "Top"),
        ("types", "A"),
        ("types::builder", "B"),
        ("types", "C"),
        ("builder", "D"),
    ]
    .iter()
    .map(|(m, n)| ((*m).to_owned(), (*n).to_owned()))
    .collect();
    assert_eq!(items, expected);
}
