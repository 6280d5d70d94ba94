//! The top of BENCHMARKS.md: how it was made, on what, from which source,
//! and the targets met and missed.

use std::fmt::Write as _;
use std::path::Path;
use std::time::Duration;

use crate::reports::bench::machine;
use crate::tools::exec;

/// A target of the issue, met or missed, with its figure, as ruut-bench
/// reports it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Target {
    /// What is promised.
    pub name: String,
    /// Whether the figure meets it.
    pub met: bool,
    /// The figure.
    pub value: String,
}

/// Reads ruut-bench's `--targets` file: `met|MISSED<TAB>name<TAB>figure`.
pub fn parse_targets(tsv: &str) -> Vec<Target> {
    tsv.lines()
        .filter_map(|line| {
            let mut parts = line.splitn(3, '\t');
            let met = parts.next()? == "met";
            Some(Target {
                name: parts.next()?.to_string(),
                met,
                value: parts.next().unwrap_or("").to_string(),
            })
        })
        .collect()
}

/// What the header says of the run.
#[derive(Clone, Debug)]
pub struct Run {
    /// The command line, e.g. `cargo xtask bench --only wire`.
    pub command: String,
    /// How long it took.
    pub elapsed: Duration,
    /// The load average when it started.
    pub load_before: String,
    /// The outside tools it used, with their versions.
    pub tools: Vec<(String, String)>,
    /// The numbers of the sections kept from earlier runs (`--only`).
    pub kept: Vec<u32>,
}

/// The header: the command, the machine, versions, and the targets table.
pub fn header(root: &Path, run: &Run, targets: &[Target]) -> String {
    let mut md = String::new();
    let command = &run.command;
    let _ = write!(
        md,
        "# Benchmarks\n\n\
         Written by `cargo xtask bench` (this time `{command}`); do not edit by hand, run it \
         again. Every figure is the median of several repetitions with the range (min–max) in \
         brackets where they differ, unless it says it is a single run. Nothing here is \
         asserted by a test.\n\n"
    );
    if !run.kept.is_empty() {
        let kept: Vec<String> = run.kept.iter().map(u32::to_string).collect();
        let _ = write!(
            md,
            "Sections {} were not run again: each says which run measured it; the table below \
             describes this run.\n\n",
            kept.join(", ")
        );
    }
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let _ = writeln!(md, "| | |\n| --- | --- |");
    let _ = writeln!(md, "| date | {} |", machine::utc_now());
    let _ = writeln!(
        md,
        "| command | `{command}` ({:.0} s) |",
        run.elapsed.as_secs_f64()
    );
    let _ = writeln!(
        md,
        "| machine | {cores} cores (`nproc`), {}, {} of memory, Linux {} |",
        machine::cpu_model(),
        machine::memory(),
        machine::first_line_of("/proc/sys/kernel/osrelease")
    );
    let _ = writeln!(
        md,
        "| load average (1, 5, 15 min) | {} at the start, {} at the end: the \
         machine is shared, so expect noise |",
        run.load_before,
        machine::load_average()
    );
    let _ = writeln!(
        md,
        "| toolchain | {}; {} |",
        exec::version(root, Path::new("rustc"), &["-V"]),
        exec::version(root, Path::new("cargo"), &["-V"])
    );
    let _ = writeln!(md, "| source | {} |", machine::git_describe(root));
    let _ = writeln!(md, "| crates | {} |", machine::crate_versions(root));
    if !run.tools.is_empty() {
        let list: Vec<String> = run.tools.iter().map(|(n, v)| format!("{n} {v}")).collect();
        let _ = writeln!(md, "| tools | {} |", list.join(", "));
    }
    md.push('\n');

    let missed = targets.iter().filter(|t| !t.met).count();
    let _ = write!(
        md,
        "## Targets\n\n{} of {} targets met. \"Floor\" is a hand-written `reqwest` call \
         with serde types.\n\n| | target | figure |\n| --- | --- | ---: |\n",
        targets.len() - missed,
        targets.len()
    );
    for t in targets {
        let _ = writeln!(
            md,
            "| {} | {} | {} |",
            if t.met { "met" } else { "**MISSED**" },
            t.name,
            t.value
        );
    }
    md.push('\n');
    md
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_are_read_from_ruut_benchs_lines() {
        let targets = parse_targets("met\ta: b\t1.01×\nMISSED\tc\t2×\nnonsense\n");
        assert_eq!(targets.len(), 2);
        assert!(targets[0].met && !targets[1].met);
        assert_eq!(
            (targets[0].name.as_str(), targets[0].value.as_str()),
            ("a: b", "1.01×")
        );
        assert!(parse_targets("").is_empty());
    }
}
