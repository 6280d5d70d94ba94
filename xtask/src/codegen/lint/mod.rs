//! The "progenitor rules": what the spec must look like for progenitor 0.15.1
//! to generate a good client without panicking.
//!
//! [`check`] runs every rule and returns *all* violations, in a stable order:
//! document-level rules first, then each operation in document order, then
//! schema reachability. Rules about response body types look at the spec
//! after the [response filter](crate::codegen::response_filter), because that is what
//! progenitor sees; everything else looks at the published spec.
//!
//! The same pass checks the operation facts the spec declares in `x-ruut-*`
//! extensions ([`facts`]), which `cargo xtask generate` needs to write the
//! operation table.
//!
//! `cargo xtask rules` lists the rules (see [`Rule`](crate::violation::Rule)).

mod bodies;
mod document;
pub mod facts;
mod operation;
mod parameters;
mod reach;

pub use document::OPEN_ENUM;

use crate::spec::{Spec, operations};
use crate::violation::Violation;

/// Runs every rule on `spec`.
pub fn check(spec: &Spec) -> Vec<Violation> {
    let mut out = Vec::new();
    document::check(spec, &mut out);
    let mut ids = operation::IdRegistry::default();
    for entry in operations(&spec.api) {
        operation::check(&entry, &mut ids, &mut out);
        facts::check(&entry, &mut out);
        parameters::check(&spec.api, &entry, &mut out);
        bodies::check(&spec.api, &entry, &mut out);
    }
    reach::check(spec, &mut out);
    out
}
