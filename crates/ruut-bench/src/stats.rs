//! Medians, percentiles and the way figures are printed.

/// The median and the range of several repetitions of one figure.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Summary {
    /// The median.
    pub median: f64,
    /// The smallest repetition.
    pub min: f64,
    /// The largest repetition.
    pub max: f64,
}

impl Summary {
    /// Summarises `values` (at least one).
    pub fn of(values: &[f64]) -> Summary {
        let mut sorted = values.to_vec();
        sorted.sort_by(f64::total_cmp);
        Summary {
            median: median_sorted(&sorted),
            min: sorted.first().copied().unwrap_or(f64::NAN),
            max: sorted.last().copied().unwrap_or(f64::NAN),
        }
    }

    /// `median (min–max)` with `decimals` decimals; just the median when
    /// every repetition gave the same figure.
    pub fn show(&self, decimals: usize) -> String {
        if self.min == self.max {
            format!("{:.d$}", self.median, d = decimals)
        } else {
            format!(
                "{:.d$} ({:.d$}–{:.d$})",
                self.median,
                self.min,
                self.max,
                d = decimals
            )
        }
    }
}

fn median_sorted(sorted: &[f64]) -> f64 {
    match sorted.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => sorted[n / 2],
        n => (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0,
    }
}

/// The `p`-th percentile (0..=100) of `sorted`, nearest-rank.
pub fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let rank = (p / 100.0 * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

/// "1 repetition", "3 repetitions each".
pub fn repetitions(n: usize) -> String {
    if n == 1 {
        "1 repetition".into()
    } else {
        format!("{n} repetitions each")
    }
}

/// A ratio as `1.03×`.
pub fn ratio(value: f64) -> String {
    format!("{value:.3}×")
}

/// A byte count as `12.3 KiB` or `4.56 MiB`.
pub fn bytes(value: f64) -> String {
    if value.abs() >= 1024.0 * 1024.0 {
        format!("{:.2} MiB", value / (1024.0 * 1024.0))
    } else {
        format!("{:.1} KiB", value / 1024.0)
    }
}

/// An integer with thousands separators: `10,000`.
pub fn thousands(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0 { format!("-{out}") } else { out }
}

/// The CPU time the thread named `name` of this process has run, in
/// nanoseconds (`/proc/self/task/*/schedstat`).
pub fn named_thread_cpu_ns(name: &str) -> Option<u64> {
    for task in std::fs::read_dir("/proc/self/task").ok()?.flatten() {
        let comm = std::fs::read_to_string(task.path().join("comm")).unwrap_or_default();
        if comm.trim() == name {
            let text = std::fs::read_to_string(task.path().join("schedstat")).ok()?;
            return text.split_whitespace().next()?.parse().ok();
        }
    }
    None
}

/// The CPU time the calling thread has run, in nanoseconds, from
/// `/proc/thread-self/schedstat` (`None` where the kernel does not offer it).
pub fn thread_cpu_ns() -> Option<u64> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    text.split_whitespace().next()?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn medians_ranges_and_percentiles() {
        let s = Summary::of(&[3.0, 1.0, 2.0, 10.0]);
        assert_eq!((s.median, s.min, s.max), (2.5, 1.0, 10.0));
        assert_eq!(Summary::of(&[4.0, 1.0, 9.0]).median, 4.0);
        let sorted: Vec<f64> = (1..=100).map(f64::from).collect();
        assert_eq!(percentile(&sorted, 50.0), 50.0);
        assert_eq!(percentile(&sorted, 99.0), 99.0);
        assert_eq!(percentile(&sorted, 100.0), 100.0);
        assert_eq!(s.show(1), "2.5 (1.0–10.0)");
        assert_eq!(Summary::of(&[5.0, 5.0]).show(1), "5.0");
        assert_eq!(repetitions(1), "1 repetition");
        assert_eq!(repetitions(3), "3 repetitions each");
        assert_eq!(thousands(10_000), "10,000");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }
}
