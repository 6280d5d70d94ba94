//! One CI step as data: a name, and a program to run or a function to call.

use std::ffi::OsString;
use std::path::Path;
use std::process::Command;

use crate::Error;

/// What a step does.
pub enum Action {
    /// Runs a program in the workspace root.
    Command {
        /// The program, looked up on `PATH`.
        program: OsString,
        /// Its arguments.
        args: Vec<OsString>,
        /// Variables to change for it.
        env: Vec<EnvChange>,
    },
    /// Calls a function with the workspace root; `Ok` carries a one-line note.
    Internal(fn(&Path) -> Result<String, Error>),
}

/// How an [`EnvChange`] treats the caller's value of its variable.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EnvMode {
    /// Replace it.
    Set,
    /// Append to it, space-separated.
    Append,
    /// Keep it when there is one; set the value only when it is unset.
    Default,
}

/// A change to one environment variable for one command.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EnvChange {
    /// The variable.
    pub name: String,
    /// The value to set, append, or use by default.
    pub value: String,
    /// What happens to the caller's value.
    pub mode: EnvMode,
}

impl EnvChange {
    /// A change of `name` to `value` in `mode`.
    pub fn new(name: &str, value: &str, mode: EnvMode) -> EnvChange {
        EnvChange {
            name: name.to_string(),
            value: value.to_string(),
            mode,
        }
    }

    /// Applies the change to `cmd`, given this process's environment;
    /// returns `NAME=value` with where the value came from, for the log.
    pub fn apply(&self, cmd: &mut Command) -> String {
        let caller = std::env::var(&self.name)
            .ok()
            .filter(|v| !v.trim().is_empty());
        let (value, origin) = match (self.mode, caller) {
            (EnvMode::Set, _) => (self.value.clone(), ""),
            (EnvMode::Append, Some(old)) => (format!("{old} {}", self.value), ""),
            (EnvMode::Append, None) => (self.value.clone(), ""),
            (EnvMode::Default, Some(old)) => (old, " (from your environment)"),
            (EnvMode::Default, None) => (
                self.value.clone(),
                " (the default; set the variable to choose another)",
            ),
        };
        cmd.env(&self.name, &value);
        format!("{}={value}{origin}", self.name)
    }
}

/// One CI step.
pub struct Step {
    /// The name shown in progress lines, errors and the summary.
    pub name: String,
    /// What it does.
    pub action: Action,
}

impl Step {
    /// Runs `program args...`.
    pub fn command(name: impl Into<String>, program: impl Into<OsString>, args: &[&str]) -> Step {
        Step {
            name: name.into(),
            action: Action::Command {
                program: program.into(),
                args: args.iter().map(OsString::from).collect(),
                env: Vec::new(),
            },
        }
    }

    /// Runs `cargo args...` with the cargo that runs this xtask; named after the command line.
    pub fn cargo(args: &[&str]) -> Step {
        let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
        Step::command(format!("cargo {}", args.join(" ")), cargo, args)
    }

    /// Calls `f` with the workspace root.
    pub fn internal(name: impl Into<String>, f: fn(&Path) -> Result<String, Error>) -> Step {
        Step {
            name: name.into(),
            action: Action::Internal(f),
        }
    }

    /// Appends `value` to the variable `name` for this step (space-separated).
    pub fn append_env(self, name: &str, value: &str) -> Step {
        self.with_env([EnvChange::new(name, value, EnvMode::Append)])
    }

    /// Adds `changes` to the environment of this step's command (an
    /// [`Action::Internal`] step sets its own).
    pub fn with_env(mut self, changes: impl IntoIterator<Item = EnvChange>) -> Step {
        if let Action::Command { env, .. } = &mut self.action {
            env.extend(changes);
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value_of(cmd: &Command, name: &str) -> Option<String> {
        cmd.get_envs()
            .find(|(n, _)| *n == name)
            .and_then(|(_, v)| v.map(|v| v.to_string_lossy().into_owned()))
    }

    #[test]
    fn a_default_keeps_the_callers_value_and_fills_in_a_missing_one() {
        // PATH is always set in a test run; this name never is.
        let unset = "XTASK_TEST_SURELY_UNSET_VARIABLE";
        let mut cmd = Command::new("true");
        let log = EnvChange::new(unset, "7", EnvMode::Default).apply(&mut cmd);
        assert_eq!(value_of(&cmd, unset).as_deref(), Some("7"));
        assert!(log.starts_with(&format!("{unset}=7 (the default")), "{log}");

        let path = std::env::var("PATH").unwrap();
        let log = EnvChange::new("PATH", "/nowhere", EnvMode::Default).apply(&mut cmd);
        assert_eq!(value_of(&cmd, "PATH"), Some(path.clone()));
        assert_eq!(log, format!("PATH={path} (from your environment)"));

        EnvChange::new("PATH", "/x", EnvMode::Append).apply(&mut cmd);
        assert_eq!(value_of(&cmd, "PATH"), Some(format!("{path} /x")));
        EnvChange::new("PATH", "/y", EnvMode::Set).apply(&mut cmd);
        assert_eq!(value_of(&cmd, "PATH").as_deref(), Some("/y"));
    }
}
