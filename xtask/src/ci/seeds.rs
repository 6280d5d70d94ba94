//! The seeds that make `cargo xtask ci` reproducible: the same commit gives
//! the same property-test inputs and the same Schemathesis requests on every
//! run, so a red run can be replayed.
//!
//! - Property tests (proptest 1.12): `ProptestConfig::default()` reads
//!   `PROPTEST_RNG_SEED` (a `u64`; unset means a fresh random seed per run)
//!   and `PROPTEST_RNG_ALGORITHM` (`cc`, ChaCha, is the default today; a
//!   seed only means the same inputs under the same algorithm, so it is
//!   pinned too). The test step of `cargo xtask ci`, and the test runs of
//!   `cargo xtask reliability-report`, set both unless the caller's
//!   environment already does, and log the values.
//! - Schemathesis: `--seed` ([`SCHEMATHESIS`]), which covers every phase
//!   (examples, coverage, fuzzing, stateful); its example database is off
//!   (`--generation-database none`), so nothing from an earlier run is
//!   replayed first. (`--generation-deterministic` adds nothing: an explicit
//!   seed takes precedence over it, and it refuses `--generation-database`.)
//!
//! Random inputs stay one command away: `cargo test --workspace` (or one
//! test target) outside ci draws a new seed each run, and
//! `PROPTEST_RNG_SEED=<n> cargo xtask ci` runs ci's property tests with
//! another seed.

use crate::ci::step::{EnvChange, EnvMode};

/// The proptest variables and the values `cargo xtask ci` uses when the
/// caller has not set them.
pub const PROPTEST: [(&str, &str); 2] =
    [("PROPTEST_RNG_SEED", "1"), ("PROPTEST_RNG_ALGORITHM", "cc")];

/// Schemathesis' `--seed`.
pub const SCHEMATHESIS: &str = "1";

/// [`PROPTEST`] as environment changes that keep the caller's values.
pub fn proptest() -> Vec<EnvChange> {
    PROPTEST
        .iter()
        .map(|(name, value)| EnvChange::new(name, value, EnvMode::Default))
        .collect()
}
