//! The real spec: the checked-in generated files are fresh, generation is
//! deterministic, and the API surface snapshot shows what users see.
//!
//! These run in plain `cargo test --workspace`, so a spec edit without
//! `cargo xtask generate` fails the build with a readable diff.

use generate::Output;
use xtask::codegen::{Rendered, generate, surface};
use xtask::workspace_root;

fn render() -> Rendered {
    // No skipping: a missing or broken spec is a failure.
    generate::render_workspace(&workspace_root()).unwrap_or_else(|e| panic!("{e}"))
}

fn outputs() -> Vec<Output> {
    generate::outputs(&render()).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn generated_files_are_fresh() {
    match generate::drift_all(&workspace_root(), &outputs()) {
        Ok(None) => {}
        Ok(Some(drift)) => panic!("{drift}"),
        Err(e) => panic!("{e}"),
    }
}

#[test]
fn generation_is_deterministic() {
    let first = outputs();
    let second = outputs();
    assert_eq!(first.len(), second.len());
    for (a, b) in first.iter().zip(&second) {
        assert!(
            a == b,
            "two renderings of {} from openapi/ruut.yaml differ",
            a.path
        );
    }
}

#[test]
fn api_surface() {
    let surface = surface::describe(&render()).unwrap_or_else(|e| panic!("{e}"));
    insta::assert_snapshot!(surface);
}
