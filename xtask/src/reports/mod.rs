//! The commands outside `cargo xtask ci` that measure the project and write
//! a report at the workspace root: [`mod@bench`] writes BENCHMARKS.md;
//! [`reliability`] writes RELIABILITY.md, including the last run of its
//! [`reliability::load`] command.

pub mod bench;
pub mod reliability;
