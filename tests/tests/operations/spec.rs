//! What `openapi/ruut.yaml` says, read from its text: the operations under
//! `paths` and the error statuses each documents.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

/// Documented statuses that no single request provokes, and where they are
/// tested instead.
const NOT_PER_REQUEST: &[(u16, &str)] = &[(
    429,
    "rate limiting, the same on every operation: tests/tests/reliability_faults.rs",
)];

const METHODS: &[&str] = &[
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// Every operationId under `paths` (the webhooks under `x-webhooks` are not
/// requests a client sends), with the 4xx statuses its `responses` list but
/// those of [`NOT_PER_REQUEST`].
pub fn documented_errors() -> BTreeMap<String, BTreeSet<u16>> {
    let text = include_str!("../../../openapi/ruut.yaml");
    let spec: Value = yaml_serde::from_str(text).expect("openapi/ruut.yaml parses");
    let paths = spec["paths"].as_object().expect("a paths section");
    let mut operations = BTreeMap::new();
    for item in paths.values() {
        for method in METHODS {
            let Some(operation) = item.get(method) else {
                continue;
            };
            let id = operation["operationId"].as_str().expect("an operationId");
            let errors = operation["responses"]
                .as_object()
                .into_iter()
                .flat_map(|responses| responses.keys())
                .filter_map(|status| status.parse::<u16>().ok())
                .filter(|status| (400..500).contains(status))
                .filter(|status| NOT_PER_REQUEST.iter().all(|(other, _)| other != status))
                .collect();
            operations.insert(id.to_owned(), errors);
        }
    }
    operations
}
