//! The outside programs the CI steps and reports run, and how xtask gets
//! them: [`exec`] runs a program (and keeps background servers on a leash);
//! [`sandbox`] builds and starts the `ruut-sandbox` binary; [`node`] and
//! [`python`] install the pinned npm and pip tools on first use; [`prism`]
//! starts one of them, Prism; [`wrk`] installs Debian's wrk.

pub mod exec;
pub mod node;
pub mod prism;
pub mod python;
pub mod sandbox;
pub mod wrk;
