//! The recipe's check: every operation of the spec has a sandbox handler, an
//! entry in the table, a check for every error status it documents, and,
//! when the SDK wraps it (`Operation::sdk`), an SDK call in its entry (which
//! [`crate::sdk_calls`] runs).

use std::collections::{BTreeMap, BTreeSet};

use crate::Operation;
use crate::runner::{Documented, checked};
use crate::table::Entry;
use ruut_sandbox::handles;

/// What is missing, one line per gap, naming the operation and the piece.
pub fn gaps(
    table: &[Entry],
    spec: &BTreeMap<String, Documented>,
    handled: impl Fn(Operation) -> bool,
) -> Vec<String> {
    let mut gaps = Vec::new();
    let known: BTreeSet<&str> = Operation::ALL.iter().map(|op| op.id()).collect();
    for id in spec.keys().filter(|id| !known.contains(id.as_str())) {
        gaps.push(format!(
            "{id}: in openapi/ruut.yaml but not an `Operation` (run `cargo xtask generate`)"
        ));
    }
    for &op in Operation::ALL {
        let Some(documented) = spec.get(op.id()) else {
            gaps.push(format!("{op}: an `Operation` the spec does not have"));
            continue;
        };
        if !handled(op) {
            gaps.push(format!(
                "{op}: no sandbox handler (`ruut_sandbox::handles` is false)"
            ));
        }
        let entries: Vec<&Entry> = table.iter().filter(|e| e.op == op).collect();
        let [entry] = entries[..] else {
            gaps.push(format!(
                "{op}: {} entries in the every-operation table (tests/tests/operations/), \
                 not one",
                entries.len()
            ));
            continue;
        };
        match (op.sdk(), entry.sdk.is_some()) {
            (Some(helper), false) => gaps.push(format!(
                "{op}: the SDK sends it ({helper}), but its entry has no SDK call (`.sdk(..)`)"
            )),
            (None, true) => gaps.push(format!(
                "{op}: its entry has an SDK call, but the spec names no SDK helper (x-ruut-sdk)"
            )),
            _ => {}
        }
        let tested = checked(entry, documented);
        for status in documented.difference(&tested) {
            gaps.push(format!(
                "{op}: documents {status}, which no check provokes (add a refusal, or the call \
                 of the common 401/404 checks)"
            ));
        }
        for status in tested.difference(documented) {
            gaps.push(format!(
                "{op}: the table checks {status}, which the spec does not document"
            ));
        }
    }
    gaps
}

#[test]
fn every_operation_has_a_handler_an_entry_its_sdk_call_and_a_check_for_each_documented_error() {
    let gaps = gaps(&crate::table(), &crate::spec::documented_errors(), handles);
    assert!(
        gaps.is_empty(),
        "{} gaps in the recipe (ARCHITECTURE.md, \"adding an operation\"):\n  - {}",
        gaps.len(),
        gaps.join("\n  - ")
    );
}
