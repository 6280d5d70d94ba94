//! What benchmark 4 needs before ruut-bench can measure it: wrk, Prism (the
//! pinned npm tools), and the two servers it loads, the release
//! `ruut-sandbox` binary and `prism mock` of the spec, each on a free port.
//! Both servers are killed by pid when [`Servers`] is dropped, also when the
//! measurement fails.

use std::path::{Path, PathBuf};

use crate::Error;
use crate::tools::prism::{self, Prism};
use crate::tools::sandbox::{self, RunningSandbox};
use crate::tools::{exec, node, wrk};

const STEP: &str = "bench";

/// The running servers, and the tools benchmark 4 uses.
pub struct Servers {
    /// The wrk binary.
    pub wrk: PathBuf,
    /// The release sandbox.
    pub sandbox: RunningSandbox,
    /// `prism mock` of the spec.
    pub prism: Prism,
    /// (tool, version) for the header: wrk, Prism, node.
    pub versions: Vec<(String, String)>,
}

/// Installs wrk and Prism when missing, and starts both servers.
pub fn start(root: &Path, target: &Path) -> Result<Servers, Error> {
    let wrk = wrk::ensure(STEP, root)?;
    let tools = node::ensure(root)?;
    let sandbox = sandbox::start_binary(STEP, root, &target.join("release/ruut-sandbox"))?;
    let prism = prism::start(STEP, root, &tools, &["mock"], None)?;
    let versions = vec![
        ("wrk".to_string(), wrk::version(root, &wrk)),
        ("Prism".to_string(), prism.version.clone()),
        (
            "node".to_string(),
            exec::version(root, Path::new("node"), &["--version"]),
        ),
    ];
    Ok(Servers {
        wrk,
        sandbox,
        prism,
        versions,
    })
}

impl Servers {
    /// Stops both servers, and warns if one of them still listens.
    pub fn stop(self) {
        let Servers { sandbox, prism, .. } = self;
        let urls = [
            ("prism", prism.url.clone()),
            ("sandbox", sandbox.base_url.clone()),
        ];
        drop(prism);
        drop(sandbox);
        for (name, url) in urls {
            if let Some(port) = url.rsplit(':').next().and_then(|p| p.parse::<u16>().ok())
                && std::net::TcpStream::connect(("127.0.0.1", port)).is_ok()
            {
                eprintln!("warning: {name} still listens on port {port} after it was stopped");
            }
        }
    }
}
