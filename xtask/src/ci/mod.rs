//! `cargo xtask ci`: every check CI runs, in order, as data.
//!
//! [`steps`] returns the list; [`run()`] executes it, stops at the first
//! failure, says which step failed, and prints a summary table with the time
//! of each step. To add a check (installing pinned npm/pip tools into
//! `./.tools`, spectral or redocly lint, schemathesis against the sandbox),
//! add a [`Step`] to [`steps`]: [`Step::cargo`] or [`Step::command`] for a
//! program, [`Step::internal`] for a function of this crate.
//!
//! The run is the same on a laptop as in CI: nothing depends on the `CI`
//! variable. Every step inherits the caller's environment, except that
//! `INSTA_FORCE_PASS` is removed and `INSTA_UPDATE=no` is set, so snapshot
//! mismatches always fail and never write `.snap.new` files, and that the
//! random parts are seeded ([`seeds`]): property tests and Schemathesis get a
//! fixed seed, so a red run can be replayed exactly.

use crate::codegen::generate;
use crate::publish;
use crate::release::{deny, features, package};

pub mod examples;
pub mod run;
pub mod schemathesis;
pub mod seeds;
pub mod step;

pub use run::{Outcome, run, summary};
pub use step::{Action, EnvChange, EnvMode, Step};

/// The CI steps, in order.
pub fn steps() -> Vec<Step> {
    vec![
        Step::cargo(&["fmt", "--all", "--check"]),
        Step::cargo(&[
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ]),
        Step::internal("cargo xtask generate --check", |root| {
            generate::run(root, true).map(|report| report.to_string())
        }),
        // Property tests with a fixed seed (xtask/src/ci/seeds.rs).
        Step::cargo(&["test", "--workspace"]).with_env(seeds::proptest()),
        // The README's first command and the other examples (xtask/src/ci/examples.rs).
        Step::internal(examples::STEP, examples::run),
        Step::cargo(&["doc", "--workspace", "--no-deps"]).append_env("RUSTDOCFLAGS", "-D warnings"),
        // What crates.io would get (xtask/src/release/): the tarballs, built
        // alone, offline (the steps above fetched every dependency).
        Step::internal(package::STEP, |root| package::run(root, true, true)),
        Step::internal(features::STEP, features::run),
        Step::internal(deny::STEP, deny::run),
        // The sandbox against the spec (xtask/src/ci/schemathesis.rs).
        Step::internal(schemathesis::STEP, schemathesis::run),
        // Invalid input only: 4xx in documented shapes, never a 5xx or a hang.
        Step::internal(schemathesis::NEGATIVE_STEP, schemathesis::run_negative),
    ]
    .into_iter()
    // Publishing the spec for non-Rust teams (xtask/src/publish/).
    .chain(publish_steps())
    .collect()
}

/// The checks of publishing the spec ([`publish::CHECKS`]) as steps: what
/// `cargo xtask spec-check` runs.
pub fn publish_steps() -> Vec<Step> {
    publish::CHECKS
        .iter()
        .map(|(name, check)| Step::internal(*name, *check))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_test_step_fixes_the_proptest_seed_and_logs_it() {
        let steps = steps();
        let test = steps
            .iter()
            .find(|s| s.name == "cargo test --workspace")
            .expect("a test step");
        let Action::Command { env, .. } = &test.action else {
            panic!("the test step runs cargo");
        };
        assert_eq!(env, &seeds::proptest());
        for (name, value) in seeds::PROPTEST {
            assert!(
                env.contains(&EnvChange::new(name, value, EnvMode::Default)),
                "{name}"
            );
        }
        assert!(seeds::SCHEMATHESIS.parse::<u64>().is_ok());
    }
}
