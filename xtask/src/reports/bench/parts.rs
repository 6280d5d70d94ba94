//! The parts of `cargo xtask bench`, and how a run of some of them
//! (`--only`) keeps the other sections of the existing `BENCHMARKS.md`.
//!
//! A part is one run of ruut-bench and writes one or more numbered sections
//! (`## N. …`). A partial run rewrites its own sections and keeps every other
//! one as it was, stamped with the date and source of the run that measured
//! it, and keeps that section's targets (read back from its `- met:` and
//! `- **MISSED**:` lines) in the targets table.

use crate::reports::bench::header::Target;

/// One run of ruut-bench.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// Sections 1 to 3: client overhead, pagination, decoding.
    InProcess,
    /// Section 4: sandbox throughput under wrk, beside Prism.
    Throughput,
    /// Section 5: codegen and build, with the growth against a baseline.
    BuildTimes,
    /// Section 6: over a throttled link.
    Wire,
    /// Section 7: client-side rate limiting.
    RateLimit,
}

impl Part {
    /// Every part, in the document's order.
    pub const ALL: [Part; 5] = [
        Part::InProcess,
        Part::Throughput,
        Part::BuildTimes,
        Part::Wire,
        Part::RateLimit,
    ];

    /// The name `--only` takes.
    pub fn name(self) -> &'static str {
        match self {
            Part::InProcess => "in-process",
            Part::Throughput => "throughput",
            Part::BuildTimes => "build-times",
            Part::Wire => "wire",
            Part::RateLimit => "rate-limit",
        }
    }

    /// The numbers of the sections the part writes.
    pub fn sections(self) -> &'static [u32] {
        match self {
            Part::InProcess => &[1, 2, 3],
            Part::Throughput => &[4],
            Part::BuildTimes => &[5],
            Part::Wire => &[6],
            Part::RateLimit => &[7],
        }
    }

    /// Reads `--only`'s comma-separated list.
    pub fn parse_list(text: &str) -> Result<Vec<Part>, String> {
        let mut parts = Vec::new();
        for name in text.split(',').map(str::trim).filter(|n| !n.is_empty()) {
            let part = Part::ALL
                .into_iter()
                .find(|p| p.name() == name)
                .ok_or_else(|| {
                    let names: Vec<&str> = Part::ALL.iter().map(|p| p.name()).collect();
                    format!("unknown bench part `{name}`: one of {}", names.join(", "))
                })?;
            if !parts.contains(&part) {
                parts.push(part);
            }
        }
        if parts.is_empty() {
            return Err("--only needs at least one part".into());
        }
        Ok(parts)
    }
}

/// A section kept from the existing document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Kept {
    /// Its number.
    pub number: u32,
    /// Its Markdown, from `## N.` to the next section, stamped.
    pub markdown: String,
    /// Its targets.
    pub targets: Vec<Target>,
}

/// The sections of `document` that none of `rerun` writes, stamped with the
/// run that measured them (a section already stamped keeps its stamp; the
/// others get the document's own `date` and `source` rows).
pub fn kept(document: &str, rerun: &[Part]) -> Vec<Kept> {
    let row = |name: &str| {
        document
            .lines()
            .find_map(|l| l.strip_prefix(&format!("| {name} | ")))
            .map(|rest| rest.trim_end_matches(" |").to_owned())
            .unwrap_or_else(|| "unknown".to_owned())
    };
    let stamp = format!(
        "_Kept from the run of {} at {}: not measured again by the run this page's header describes._\n\n",
        row("date"),
        row("source")
    );
    let rerun: Vec<u32> = rerun.iter().flat_map(|p| p.sections()).copied().collect();
    numbered_sections(document)
        .into_iter()
        .filter(|(number, _)| !rerun.contains(number))
        .map(|(number, text)| {
            let markdown = if text.contains("\n_Kept from the run of ") {
                text
            } else {
                format!("{}\n\n{stamp}", text.trim_end())
            };
            Kept {
                number,
                targets: targets_of(&markdown),
                markdown,
            }
        })
        .collect()
}

/// `(N, text)` for every `## N. …` section of `document`, in order.
fn numbered_sections(document: &str) -> Vec<(u32, String)> {
    let mut sections: Vec<(u32, String)> = Vec::new();
    let mut current: Option<(u32, String)> = None;
    for line in document.split_inclusive('\n') {
        if let Some(title) = line.strip_prefix("## ") {
            sections.extend(current.take());
            current = title
                .split('.')
                .next()
                .and_then(|n| n.trim().parse().ok())
                .map(|n| (n, String::new()));
        }
        if let Some((_, text)) = current.as_mut() {
            text.push_str(line);
        }
    }
    sections.extend(current);
    sections
}

/// The targets listed in a section: `- met: <name>: <figure>` and
/// `- **MISSED**: <name>: <figure>` (the figure follows the last `: `).
pub fn targets_of(markdown: &str) -> Vec<Target> {
    markdown
        .lines()
        .filter_map(|line| {
            let (met, rest) = if let Some(rest) = line.strip_prefix("- met: ") {
                (true, rest)
            } else {
                (false, line.strip_prefix("- **MISSED**: ")?)
            };
            let (name, value) = rest.rsplit_once(": ")?;
            Some(Target {
                name: name.to_owned(),
                met,
                value: value.to_owned(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "# Benchmarks\n\n| | |\n| --- | --- |\n| date | 2026-12-02 01:27 UTC |\n\
        | source | git a9420bfb72f8 |\n\n## Targets\n\n| met | x | 1× |\n\n\
        ## 1. Client overhead\n\nrows\n- met: getConversation, sequential: p50 within 5%: 1.03×\n\n\
        ## 2. Pagination\n\n- **MISSED**: memory flat: 1.2×\n\n## 5. Codegen and build\n\nbuild rows\n";

    #[test]
    fn a_partial_run_keeps_the_other_sections_stamped_with_their_targets() {
        let build = kept(DOC, &[Part::InProcess]);
        assert_eq!(build.len(), 1);
        assert_eq!(build[0].number, 5);
        assert!(
            build[0]
                .markdown
                .starts_with("## 5. Codegen and build\n\nbuild rows\n")
        );
        assert!(
            build[0]
                .markdown
                .contains("_Kept from the run of 2026-12-02 01:27 UTC at git a9420bfb72f8:")
        );

        let in_process = kept(DOC, &[Part::BuildTimes]);
        let numbers: Vec<u32> = in_process.iter().map(|k| k.number).collect();
        assert_eq!(numbers, [1, 2]);
        assert_eq!(
            in_process[0].targets,
            [Target {
                name: "getConversation, sequential: p50 within 5%".into(),
                met: true,
                value: "1.03×".into()
            }]
        );
        assert!(!in_process[1].targets[0].met);
    }

    #[test]
    fn a_stamp_is_kept_not_doubled() {
        let once = kept(DOC, &[Part::InProcess]).remove(0).markdown;
        let doc = format!("| date | 2027-01-01 |\n{once}");
        let twice = kept(&doc, &[Part::InProcess]).remove(0).markdown;
        assert_eq!(once, twice);
    }

    #[test]
    fn only_takes_known_part_names() {
        assert_eq!(
            Part::parse_list("wire,rate-limit,wire").unwrap(),
            [Part::Wire, Part::RateLimit]
        );
        assert!(
            Part::parse_list("wires")
                .unwrap_err()
                .contains("build-times")
        );
        assert!(Part::parse_list("").is_err());
    }
}
