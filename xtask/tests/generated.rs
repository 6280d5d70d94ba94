//! The real spec: the checked-in client is fresh, generation is
//! deterministic, and the API surface snapshot shows what users see.
//!
//! These run in plain `cargo test --workspace`, so a spec edit without
//! `cargo xtask generate` fails the build with a readable diff.

use xtask::codegen::Rendered;
use xtask::{GENERATED_PATH, generate, surface, workspace_root};

fn render() -> Rendered {
    // No skipping: a missing or broken spec is a failure.
    generate::render_workspace(&workspace_root()).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn generated_file_is_fresh() {
    let rendered = render();
    match generate::drift(&workspace_root(), &rendered.code) {
        Ok(None) => {}
        Ok(Some(diff)) => panic!(
            "{GENERATED_PATH} is stale; run `cargo xtask generate` and commit the result.\n\n{diff}"
        ),
        Err(e) => panic!("{e}"),
    }
}

#[test]
fn generation_is_deterministic() {
    let first = render().code;
    let second = render().code;
    assert!(
        first == second,
        "two renderings of openapi/ruut.yaml differ"
    );
}

#[test]
fn api_surface() {
    let surface = surface::describe(&render()).unwrap_or_else(|e| panic!("{e}"));
    insta::assert_snapshot!(surface);
}
