//! Publishing the spec for non-Rust teams (issue 5): the bundle that
//! `cargo xtask spec` writes ([`bundle`]), the checks that other tools and
//! languages can use it ([`linters`], [`polyglot`], [`contract`] through Prism, [`browser`]),
//! and `cargo xtask spec-diff` ([`spec_diff`]), which says whether a change
//! of the spec breaks its users.

use std::path::Path;

use crate::Error;

pub mod browser;
pub mod bundle;
pub mod contract;
pub mod linters;
pub mod polyglot;
pub mod spec_diff;

/// A check of the published spec: it gets the workspace root and returns a
/// one-line note on success.
pub type Check = fn(&Path) -> Result<String, Error>;

/// The checks of publishing the spec, in order, by name: the bundle, three
/// linters, TypeScript and Python clients, the Prism contract check, and the
/// reference page in Chromium. `cargo xtask spec-check` runs just these;
/// `cargo xtask ci` runs them after the Rust checks.
pub const CHECKS: [(&str, Check); 8] = [
    ("cargo xtask spec", |root| {
        bundle::run(root).map(|p| p.to_string())
    }),
    ("openapi-spec-validator", linters::spec_validator),
    ("redocly lint", linters::redocly),
    ("spectral lint", linters::spectral),
    ("polyglot: TypeScript", polyglot::typescript),
    ("polyglot: Python", polyglot::python),
    ("contract: Prism proxy", contract::check),
    ("reference page in Chromium", browser::check),
];
