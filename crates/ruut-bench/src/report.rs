//! The Markdown the benchmarks write, and the list of targets met or missed.

/// One target: a row of the "Done when" with its figure.
#[derive(Clone, Debug)]
pub struct Target {
    /// What is promised, e.g. "getConversation, sequential: ruut-sdk p50 within 5% of the floor".
    pub name: String,
    /// Whether the figure meets it.
    pub met: bool,
    /// The figure, e.g. `1.031×`.
    pub value: String,
}

/// Markdown being written, plus the targets seen.
#[derive(Default)]
pub struct Report {
    markdown: String,
    targets: Vec<Target>,
}

impl Report {
    /// `## title`.
    pub fn section(&mut self, title: &str) {
        self.markdown.push_str(&format!("## {title}\n\n"));
    }

    /// `### title`.
    pub fn subsection(&mut self, title: &str) {
        self.markdown.push_str(&format!("### {title}\n\n"));
    }

    /// A paragraph.
    pub fn para(&mut self, text: &str) {
        self.markdown.push_str(text);
        self.markdown.push_str("\n\n");
    }

    /// A table; the first column is left-aligned, the others right-aligned.
    pub fn table(&mut self, headers: &[&str], rows: &[Vec<String>]) {
        let line = |cells: Vec<&str>| format!("| {} |\n", cells.join(" | "));
        self.markdown.push_str(&line(headers.to_vec()));
        let rule: Vec<&str> = (0..headers.len())
            .map(|i| if i == 0 { "---" } else { "---:" })
            .collect();
        self.markdown.push_str(&line(rule));
        for row in rows {
            self.markdown
                .push_str(&line(row.iter().map(String::as_str).collect()));
        }
        self.markdown.push('\n');
    }

    /// Records a target and notes it under the table above.
    pub fn target(&mut self, name: &str, met: bool, value: &str) {
        self.markdown.push_str(&format!(
            "- {} {name}: {value}\n",
            if met { "met:" } else { "**MISSED**:" }
        ));
        self.targets.push(Target {
            name: name.to_owned(),
            met,
            value: value.to_owned(),
        });
    }

    /// Ends a list of targets.
    pub fn end_targets(&mut self) {
        self.markdown.push('\n');
    }

    /// The Markdown.
    pub fn markdown(&self) -> &str {
        &self.markdown
    }

    /// The targets as tab-separated lines: `met|MISSED`, name, value.
    pub fn targets_tsv(&self) -> String {
        self.targets
            .iter()
            .map(|t| {
                format!(
                    "{}\t{}\t{}\n",
                    if t.met { "met" } else { "MISSED" },
                    t.name,
                    t.value
                )
            })
            .collect()
    }
}
