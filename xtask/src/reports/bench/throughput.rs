//! What benchmark 4 needs before ruut-bench can measure it: wrk, Prism (the
//! pinned npm tools), and the two servers it loads, the release
//! `ruut-sandbox` binary and `prism mock` of the spec, each on a free port.
//! Both servers are killed by pid when [`Servers`] is dropped, also when the
//! measurement fails.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use crate::tools::exec::{self, Background};
use crate::tools::{node, sandbox, wrk};
use crate::{Error, SPEC_PATH};

const STEP: &str = "bench";

/// The running servers, and the tools benchmark 4 uses.
pub struct Servers {
    /// The wrk binary.
    pub wrk: PathBuf,
    /// The token both servers accept.
    pub token: &'static str,
    /// The sandbox's base URL.
    pub sandbox_url: String,
    /// Prism's base URL.
    pub prism_url: String,
    /// (tool, version) for the header: wrk, Prism, node.
    pub versions: Vec<(String, String)>,
    prism: Background,
    sandbox: Background,
}

/// Installs wrk and Prism when missing, and starts both servers.
pub fn start(root: &Path, target: &Path) -> Result<Servers, Error> {
    let wrk = wrk::ensure(STEP, root)?;
    let tools = node::ensure(root)?;
    let prism_version = exec::version(root, &tools.path("prism"), &["--version"]);
    let versions = vec![
        ("wrk".to_string(), wrk::version(root, &wrk)),
        ("Prism".to_string(), prism_version.clone()),
        (
            "node".to_string(),
            exec::version(root, Path::new("node"), &["--version"]),
        ),
    ];

    let token = sandbox::USER_TOKEN;
    let mut sandbox = Background::spawn(
        STEP,
        "sandbox",
        root,
        Command::new(target.join("release/ruut-sandbox")).args(["--port", "0", "--token", token]),
    )?;
    let sandbox_url = sandbox.wait_for_line(STEP, Duration::from_secs(60), |line| {
        line.split_whitespace()
            .find(|word| word.starts_with("http://"))
            .map(str::to_string)
    })?;
    sandbox.echo_rest();

    let port = exec::free_port(STEP)?;
    let mut prism = Background::spawn(
        STEP,
        "prism",
        root,
        tools.command("prism").args([
            "mock",
            "-h",
            "127.0.0.1",
            "-p",
            &port.to_string(),
            "-v",
            "warn",
            SPEC_PATH,
        ]),
    )?;
    prism.echo_rest();
    let ready = Instant::now();
    exec::wait_for_port(STEP, &mut prism, port, Duration::from_secs(90))?;
    eprintln!(
        "prism {prism_version} mocks {SPEC_PATH} on http://127.0.0.1:{port} (ready in {:.1} s)",
        ready.elapsed().as_secs_f64()
    );
    Ok(Servers {
        wrk,
        token,
        sandbox_url,
        prism_url: format!("http://127.0.0.1:{port}"),
        versions,
        prism,
        sandbox,
    })
}

impl Servers {
    /// Stops both servers, and warns if one of them still listens.
    pub fn stop(self) {
        let Servers {
            sandbox_url,
            prism_url,
            prism,
            sandbox,
            ..
        } = self;
        drop(prism);
        drop(sandbox);
        for (name, url) in [("sandbox", sandbox_url), ("prism", prism_url)] {
            if let Some(port) = url.rsplit(':').next().and_then(|p| p.parse::<u16>().ok())
                && std::net::TcpStream::connect(("127.0.0.1", port)).is_ok()
            {
                eprintln!("warning: {name} still listens on port {port} after it was stopped");
            }
        }
    }
}
