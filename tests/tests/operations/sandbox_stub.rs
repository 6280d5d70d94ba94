//! STAND-IN for `ruut_sandbox::handles` (the sandbox branch's contract)
//! until it is merged. Deleted at the merge.

use ruut_api::operations::Operation;

/// Whether the sandbox serves `op`.
pub fn handles(op: Operation) -> bool {
    ruut_sandbox::OPERATIONS
        .iter()
        .any(|(id, _)| *id == op.id())
}
