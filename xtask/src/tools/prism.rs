//! Stoplight Prism, one of the pinned npm tools ([`node`](crate::tools::node)),
//! started on a free port of 127.0.0.1: as a mock of the spec (the
//! benchmarks) or as a validating proxy in front of the sandbox (the
//! contract check).

use std::path::Path;
use std::time::{Duration, Instant};

use crate::tools::exec::{self, Background};
use crate::tools::node::NodeTools;
use crate::{Error, SPEC_PATH};

/// A running Prism; dropping it kills the process.
pub struct Prism {
    /// Its base URL, `http://127.0.0.1:<port>`.
    pub url: String,
    /// `prism --version`.
    pub version: String,
    /// The process guard.
    pub process: Background,
}

/// Starts `prism <command...> -h 127.0.0.1 -p <free port> -v warn
/// openapi/ruut.yaml [upstream]` and waits until it accepts connections.
pub fn start(
    step: &str,
    root: &Path,
    tools: &NodeTools,
    command: &[&str],
    upstream: Option<&str>,
) -> Result<Prism, Error> {
    let version = exec::version(root, &tools.path("prism"), &["--version"]);
    let port = exec::free_port(step)?;
    let port_arg = port.to_string();
    let mut cmd = tools.command("prism");
    cmd.args(command)
        .args(["-h", "127.0.0.1", "-p", &port_arg, "-v", "warn", SPEC_PATH])
        .args(upstream);
    let mut process = Background::spawn(step, "prism", root, &mut cmd)?;
    process.echo_rest();
    let started = Instant::now();
    exec::wait_for_port(step, &mut process, port, Duration::from_secs(90))?;
    let url = format!("http://127.0.0.1:{port}");
    eprintln!(
        "prism {version} ({}) listens on {url} (ready in {:.1} s)",
        command.join(" "),
        started.elapsed().as_secs_f64()
    );
    Ok(Prism {
        url,
        version,
        process,
    })
}
