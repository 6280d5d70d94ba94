//! The model of a network link the throttling proxy imposes: a fixed one-way
//! latency and a bandwidth, each direction on its own.
//!
//! A chunk of `n` bytes that arrives at the proxy at `t` leaves the link's
//! sending end once the chunks before it have (the link is busy until
//! `busy_until`), takes `n * 8 / bits_per_second` to put on the wire, and reaches
//! the far end `latency` later. Nothing is lost or reordered; the proxy buffers
//! what the link has not sent yet (no TCP window is modelled, so a sender is
//! never slowed by the receiver, only by the link).

use std::time::{Duration, Instant};

/// A link's figures.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Link {
    /// One-way latency, each direction.
    pub latency: Duration,
    /// Bandwidth, each direction, in bits per second.
    pub bits_per_second: u64,
}

impl Link {
    /// The link the benchmarks use: 25 ms each way (a 50 ms round trip, about a
    /// client in one European country and the server in another), and 10 Mbit/s
    /// each way (a small office line, or a busy shared uplink).
    pub const BENCH: Link = Link {
        latency: Duration::from_millis(25),
        bits_per_second: 10_000_000,
    };

    /// The round trip: twice the latency.
    pub fn round_trip(&self) -> Duration {
        self.latency * 2
    }

    /// How long `bytes` take to put on the wire.
    pub fn transmission(&self, bytes: usize) -> Duration {
        if self.bits_per_second == 0 {
            return Duration::ZERO;
        }
        let nanos = bytes as u128 * 8 * 1_000_000_000 / u128::from(self.bits_per_second);
        Duration::from_nanos(u64::try_from(nanos).unwrap_or(u64::MAX))
    }

    /// For the report: `25 ms each way (50 ms round trip), 10 Mbit/s each way`.
    pub fn describe(&self) -> String {
        let bandwidth = if self.bits_per_second == 0 {
            "no bandwidth limit".to_owned()
        } else {
            format!("{} Mbit/s each way", self.bits_per_second as f64 / 1e6)
        };
        format!(
            "{} ms each way ({} ms round trip), {bandwidth}",
            self.latency.as_millis(),
            self.round_trip().as_millis(),
        )
    }
}

/// One direction of a link: when each chunk reaches the far end.
#[derive(Debug)]
pub struct Direction {
    link: Link,
    busy_until: Option<Instant>,
}

impl Direction {
    /// A direction of `link` that has sent nothing yet.
    pub fn new(link: Link) -> Direction {
        Direction {
            link,
            busy_until: None,
        }
    }

    /// When `bytes` that reached the proxy at `now` reach the far end.
    /// Never earlier than the previous chunk's delivery.
    pub fn schedule(&mut self, now: Instant, bytes: usize) -> Instant {
        let start = self.busy_until.map_or(now, |busy| busy.max(now));
        let sent = start + self.link.transmission(bytes);
        self.busy_until = Some(sent);
        sent + self.link.latency
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LINK: Link = Link {
        latency: Duration::from_millis(25),
        bits_per_second: 8_000_000, // one byte a microsecond
    };

    #[test]
    fn a_chunk_takes_its_transmission_time_plus_the_latency() {
        assert_eq!(LINK.transmission(1_000), Duration::from_millis(1));
        assert_eq!(LINK.round_trip(), Duration::from_millis(50));
        let t0 = Instant::now();
        let mut d = Direction::new(LINK);
        assert_eq!(d.schedule(t0, 1_000), t0 + Duration::from_millis(26));
    }

    #[test]
    fn back_to_back_chunks_queue_behind_each_other() {
        let t0 = Instant::now();
        let mut d = Direction::new(LINK);
        d.schedule(t0, 10_000); // the link is busy for 10 ms
        let second = d.schedule(t0 + Duration::from_millis(2), 1_000);
        assert_eq!(second, t0 + Duration::from_millis(11 + 25));
        // After an idle gap the link starts afresh.
        let later = t0 + Duration::from_secs(1);
        assert_eq!(d.schedule(later, 1_000), later + Duration::from_millis(26));
    }

    #[test]
    fn an_unlimited_link_only_delays() {
        let link = Link {
            latency: Duration::from_millis(5),
            bits_per_second: 0,
        };
        let t0 = Instant::now();
        let mut d = Direction::new(link);
        assert_eq!(d.schedule(t0, 1 << 30), t0 + Duration::from_millis(5));
        assert_eq!(
            link.describe(),
            "5 ms each way (10 ms round trip), no bandwidth limit"
        );
    }
}
