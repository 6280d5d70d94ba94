//! `cargo xtask`: project automation. Run `cargo xtask help` for the commands.

use std::path::Path;
use std::process::ExitCode;

use xtask::ci::seeds;
use xtask::codegen::{self, generate, lint, surface};
use xtask::reports::{bench, reliability};
use xtask::spec::Spec;
use xtask::violation::Rule;
use xtask::{Error, SPEC_PATH, ci, publish, release};

const HELP: &str = "\
Usage: cargo xtask <command> [options]

Commands:
  generate [--check]   Regenerate from openapi/ruut.yaml: crates/ruut-api/src/generated.rs (the
                       client), crates/ruut-api/src/operations.rs (the operation table),
                       crates/ruut-sdk/src/coverage.md (the SDK's coverage table) and
                       crates/ruut-cli/src/generated_cli.rs (the `ruut api` commands).
                       With --check, write nothing; show a diff and fail if any is stale.
  lint [SPEC]          Check a spec against the progenitor rules (default: openapi/ruut.yaml).
  render [SPEC]        Print the code a spec generates, without writing anything.
  surface [SPEC]       Print the API surface listing (what the api_surface snapshot holds).
  rules                List the lint rules and their ids.
  spec                 Write the published spec to target/spec/: ruut.yaml, ruut.json and
                       index.html (a self-contained API reference page).
  spec-diff <REV>      Compare openapi/ruut.yaml at git revision REV with the working tree;
                       list breaking and additive changes, fail if any is breaking.
  release-check <REV>  Package the published crates and build each from its tarball alone;
                       cargo semver-checks of ruut-api and ruut-sdk and spec-diff against git
                       revision REV. Fails on a breaking change unless the version's major
                       (before 1.0: minor) went up. Installs the pinned cargo-semver-checks
                       on first use into ~/.cache/ruut-rs/cargo-tools ($RUUT_TOOLS_CACHE),
                       a build of about 25 minutes on 2 cores, reused afterwards.
  spec-check           Run only the spec-publishing CI steps (bundle, linters, TypeScript and
                       Python clients, Prism contract check, reference page in Chromium).
  ci                   Run every CI step in order; stop at the first failure. Reproducible:
                       property tests run with {PROPTEST_SEED} {PROPTEST_ALGORITHM}
                       unless you set them (PROPTEST_RNG_SEED=<n> cargo xtask ci: another
                       seed), Schemathesis with --seed {SCHEMATHESIS_SEED}. Random seeds: cargo test --workspace.
                       --only TEXT: run only the steps whose name contains TEXT
                       (`cargo xtask ci --only schemathesis`).
  reliability-report   Run the reliability tests and the Schemathesis negative-mode step, and
                       write RELIABILITY.md from the tests' Case/Expect lines and outcomes
                       (with ci's seeds).
  load                 The long load run (not in ci): 64 SDK tasks for 10 s against the sandbox
                       with 1% injected 503s, then the sandbox under wrk for 30 s.
  bench [--quick] [--only PART,…] [--baseline REV]
                       Build in release mode, run every benchmark (client overhead, pagination,
                       decoding, sandbox vs Prism, codegen and build, throttled link, rate
                       limiting) and write BENCHMARKS.md. Not part of ci: it takes minutes.
                       --quick: fewer, shorter repetitions. --only in-process,throughput,
                       build-times,wire,rate-limit: run those, keep BENCHMARKS.md's other
                       sections. --baseline REV: the revision the build cost is compared with
                       (default 13a8b32, the 18-operation foundation).
  help                 Show this text.

Exit codes: 0 success, 1 failure (lint, drift, CI step, I/O), 2 bad command line.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(e.exit_code())
        }
    }
}

fn run(args: &[String]) -> Result<(), Error> {
    let root = xtask::workspace_root();
    let (command, rest) = match args.split_first() {
        Some((command, rest)) => (command.as_str(), rest),
        None => ("help", &[][..]),
    };
    match command {
        "generate" => {
            let check = flags(rest, &["--check"])?.contains(&"--check");
            let report = generate::run(&root, check)?;
            say(format_args!("{report}\n"));
        }
        "lint" => {
            let spec = spec_argument(&root, rest)?;
            let violations = lint::check(&spec);
            if !violations.is_empty() {
                return Err(Error::Lint {
                    spec: spec.name,
                    violations,
                });
            }
            say(format_args!("{}: no problems found\n", spec.name));
        }
        "render" => {
            let spec = spec_argument(&root, rest)?;
            say(codegen::render(&spec)?.code);
        }
        "surface" => {
            let spec = spec_argument(&root, rest)?;
            let rendered = codegen::render(&spec)?;
            say(surface::describe(&rendered)?);
        }
        "rules" => {
            flags(rest, &[])?;
            for rule in Rule::ALL {
                say(format_args!("{:<32} {}\n", rule.id(), rule.description()));
            }
        }
        "spec" => {
            flags(rest, &[])?;
            println!("{}", publish::bundle::run(&root)?);
        }
        "spec-diff" => match rest {
            [rev] if !rev.starts_with('-') => {
                publish::spec_diff::run(&root, rev)?;
            }
            _ => {
                return Err(Error::Usage(
                    "usage: cargo xtask spec-diff <git-rev>".into(),
                ));
            }
        },
        "release-check" => match rest {
            [rev] if !rev.starts_with('-') => {
                say(format_args!("{}\n", release::check(&root, rev)?));
            }
            _ => {
                return Err(Error::Usage(
                    "usage: cargo xtask release-check <git-rev>".into(),
                ));
            }
        },
        "spec-check" => {
            flags(rest, &[])?;
            ci::run(&root, &ci::publish_steps())?;
        }
        "ci" => match rest {
            [] => ci::run(&root, &ci::steps())?,
            [only, text] if only == "--only" => {
                let steps: Vec<_> = ci::steps()
                    .into_iter()
                    .filter(|step| step.name.contains(text.as_str()))
                    .collect();
                if steps.is_empty() {
                    return Err(Error::Usage(format!("no CI step's name contains `{text}`")));
                }
                ci::run(&root, &steps)?;
            }
            _ => {
                return Err(Error::Usage(
                    "usage: cargo xtask ci [--only <part of a step name>]".into(),
                ));
            }
        },
        "reliability-report" => {
            flags(rest, &[])?;
            say(format_args!("{}\n", reliability::run(&root)?));
        }
        "load" => {
            flags(rest, &[])?;
            say(format_args!("{}\n", reliability::load::run(&root)?));
        }
        "bench" => bench::run(&root, &bench_options(rest)?)?,
        "help" | "--help" | "-h" => say(help()),
        other => return Err(Error::Usage(format!("unknown command `{other}`"))),
    }
    Ok(())
}

/// `cargo xtask bench [--quick] [--only PART,…] [--baseline REV]`.
fn bench_options(args: &[String]) -> Result<bench::Options, Error> {
    let mut options = bench::Options {
        quick: false,
        only: None,
        baseline: bench::BASELINE.to_owned(),
    };
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let mut value = || {
            args.next()
                .cloned()
                .ok_or_else(|| Error::Usage(format!("{arg} needs a value")))
        };
        match arg.as_str() {
            "--quick" => options.quick = true,
            "--only" => {
                options.only = Some(bench::Part::parse_list(&value()?).map_err(Error::Usage)?)
            }
            "--baseline" => options.baseline = value()?,
            other => {
                return Err(Error::Usage(format!(
                    "unexpected argument `{other}`: cargo xtask bench [--quick] [--only PART,…] [--baseline REV]"
                )));
            }
        }
    }
    Ok(options)
}

/// [`HELP`] with the seeds `cargo xtask ci` uses filled in.
fn help() -> String {
    let [(seed, seed_value), (algorithm, algorithm_value)] = seeds::PROPTEST;
    format!("{HELP}\n")
        .replace("{PROPTEST_SEED}", &format!("{seed}={seed_value}"))
        .replace(
            "{PROPTEST_ALGORITHM}",
            &format!("{algorithm}={algorithm_value}"),
        )
        .replace("{SCHEMATHESIS_SEED}", seeds::SCHEMATHESIS)
}

/// Writes to stdout. A closed pipe (`cargo xtask rules | head`) is not worth
/// a panic, so write errors are ignored.
fn say(text: impl std::fmt::Display) {
    use std::io::Write as _;
    let _ = write!(std::io::stdout().lock(), "{text}");
}

/// Checks that `args` only holds flags from `allowed`.
fn flags<'a>(args: &'a [String], allowed: &[&str]) -> Result<Vec<&'a str>, Error> {
    args.iter()
        .map(|arg| {
            if allowed.contains(&arg.as_str()) {
                Ok(arg.as_str())
            } else {
                Err(Error::Usage(format!("unexpected argument `{arg}`")))
            }
        })
        .collect()
}

/// The spec named by the optional single argument of `lint`, `render` and
/// `surface` (relative to the current directory), or the workspace spec.
fn spec_argument(root: &Path, args: &[String]) -> Result<Spec, Error> {
    match args {
        [] => Spec::load(root, SPEC_PATH),
        [path] if !path.starts_with('-') => {
            let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
                action: "read the spec",
                path: path.into(),
                source,
            })?;
            Spec::parse(path.as_str(), &text)
        }
        [arg, ..] => Err(Error::Usage(format!("unexpected argument `{arg}`"))),
    }
}
