//! Unified diffs for drift reports.

use similar::TextDiff;

/// Lines of context around each change.
pub const CONTEXT: usize = 3;

/// A unified diff from `old` to `new` with `---`/`+++` file headers, or an
/// empty string if they are equal.
pub fn unified(old: &str, new: &str, old_name: &str, new_name: &str) -> String {
    if old == new {
        return String::new();
    }
    TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(CONTEXT)
        .header(old_name, new_name)
        .to_string()
}
