//! The pinned Python tools (`tools/requirements.txt`), installed on first
//! use into the virtual environment `.tools/venv`.
//!
//! The venv is shared by every step that needs Python (openapi-spec-validator,
//! openapi-python-client and its ruff, schemathesis). [`ensure`] creates it
//! only if it is missing, and runs `pip install -r tools/requirements.txt`
//! when the requirements differ from the ones it was last installed from (a
//! copy is kept in the venv as a stamp). Only `python3` must be on the
//! machine.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use crate::Error;
use crate::tools::exec::{self, io};

/// The venv, relative to the workspace root.
pub const VENV_DIR: &str = ".tools/venv";

/// The requirements file, relative to the workspace root.
pub const REQUIREMENTS: &str = "tools/requirements.txt";

const STAMP: &str = ".ruut-installed-requirements.txt";

/// The installed venv.
#[derive(Clone, Debug)]
pub struct PythonTools {
    root: PathBuf,
    venv: PathBuf,
}

impl PythonTools {
    /// The venv's `bin` directory.
    pub fn bin_dir(&self) -> PathBuf {
        self.venv.join("bin")
    }

    /// The venv's `python`.
    pub fn python(&self) -> PathBuf {
        self.bin_dir().join("python")
    }

    /// A command for the program `name` from the venv's `bin`, run in the
    /// workspace root with the venv's `bin` first on `PATH` (tools such as
    /// openapi-python-client look up `ruff` there).
    pub fn command(&self, name: &str) -> Command {
        let mut cmd = Command::new(self.bin_dir().join(name));
        cmd.current_dir(&self.root)
            .env("PATH", self.path_env())
            .env("VIRTUAL_ENV", &self.venv)
            .env("PYTHONDONTWRITEBYTECODE", "1")
            .env("PIP_DISABLE_PIP_VERSION_CHECK", "1");
        cmd
    }

    /// `PATH` with the venv's `bin` in front.
    pub fn path_env(&self) -> OsString {
        let mut dirs = vec![self.bin_dir()];
        if let Some(path) = std::env::var_os("PATH") {
            dirs.extend(std::env::split_paths(&path));
        }
        std::env::join_paths(dirs).unwrap_or_else(|_| self.bin_dir().into_os_string())
    }
}

/// Creates the venv if it is missing, installs the requirements if they
/// changed, and returns it.
pub fn ensure(root: &Path) -> Result<PythonTools, Error> {
    const STEP: &str = "python tools";
    let venv = root.join(VENV_DIR);
    let tools = PythonTools {
        root: root.to_path_buf(),
        venv: venv.clone(),
    };
    let req_path = root.join(REQUIREMENTS);
    let requirements = std::fs::read(&req_path).map_err(|e| io("read", &req_path, e))?;
    if !tools.python().exists() {
        eprintln!(
            "creating the Python venv {VENV_DIR} ({})",
            exec::version(root, Path::new("python3"), &["--version"])
        );
        exec::run(
            STEP,
            root,
            Command::new("python3").args(["-m", "venv", VENV_DIR]),
        )?;
    }
    let stamp_path = venv.join(STAMP);
    if std::fs::read(&stamp_path).ok().as_deref() == Some(requirements.as_slice()) {
        return Ok(tools);
    }
    eprintln!("installing the Python tools pinned in {REQUIREMENTS} into {VENV_DIR}");
    let start = Instant::now();
    exec::run(
        STEP,
        root,
        tools
            .command("python")
            .args(["-m", "pip", "install", "--quiet", "-r", REQUIREMENTS]),
    )?;
    std::fs::write(&stamp_path, &requirements).map_err(|e| io("write", &stamp_path, e))?;
    eprintln!(
        "installed the Python tools in {:.1} s",
        start.elapsed().as_secs_f64()
    );
    Ok(tools)
}
