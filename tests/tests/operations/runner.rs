//! Runs the table: every entry against its own fresh sandbox, its success
//! case, the common 401 and 404 checks that apply to it, and its own
//! refusals; then fails once, naming every operation that failed and why.

use std::collections::{BTreeMap, BTreeSet};

use crate::Operation;
use crate::table::{Entry, How, Job, Refused, World, job, message, refused};

/// The documented error statuses of one operation, from the spec.
pub type Documented = BTreeSet<u16>;

/// The common check with a bad token applies: the spec documents a 401 and
/// the entry has a call to send.
pub fn common_401(entry: &Entry, documented: &Documented) -> bool {
    documented.contains(&401) && entry.call.is_some()
}

/// The common check with an unknown id applies: the spec documents a 404,
/// the path has an id and the entry has a call to send.
pub fn common_404(entry: &Entry, documented: &Documented) -> bool {
    documented.contains(&404) && entry.call.is_some() && entry.op.path().contains('{')
}

/// Every error status the table checks for `entry`.
pub fn checked(entry: &Entry, documented: &Documented) -> BTreeSet<u16> {
    let mut statuses: BTreeSet<u16> = entry.refusals.iter().map(|r| r.status).collect();
    if common_401(entry, documented) {
        statuses.insert(401);
    }
    if common_404(entry, documented) {
        statuses.insert(404);
    }
    statuses
}

/// Runs every entry, each in its own task; panics listing every failure.
pub async fn run(entries: Vec<Entry>, documented: &BTreeMap<Operation, Documented>) {
    let jobs = entries
        .into_iter()
        .map(|entry| {
            let errors = documented.get(&entry.op).cloned().unwrap_or_default();
            (entry.op, job(check(entry, errors)))
        })
        .collect();
    each(jobs, "operations failed their checks").await;
}

/// Runs every job in its own task; panics once, listing every job that
/// panicked by its operation and its panic's message, under `failed`.
pub async fn each(jobs: Vec<(Operation, Job)>, failed: &str) {
    let tasks: Vec<_> = jobs
        .into_iter()
        .map(|(op, job)| (op, tokio::spawn(job)))
        .collect();
    let mut failures = Vec::new();
    for (op, task) in tasks {
        if let Err(error) = task.await {
            let panic = error.into_panic();
            let text = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                .unwrap_or_else(|| "a panic without a message".to_owned());
            failures.push(format!("{op}: {text}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} {failed}:\n  - {}",
        failures.len(),
        failures.join("\n  - ")
    );
}

/// One entry, against a fresh sandbox.
async fn check(entry: Entry, documented: Documented) {
    let world = World::start().await;
    (entry.succeeds)(world.clone()).await;
    let op = entry.op;
    if common_401(&entry, &documented) {
        let call = entry.call.expect("a call");
        let answer = refused(call(world.stranger.clone(), world.ids()).await);
        expect(op, 401, "a token the server does not know", &answer);
        assert_eq!(message(&answer.body), "Invalid Access Token", "{op}");
    }
    if common_404(&entry, &documented) {
        let call = entry.call.expect("a call");
        let ids = world.ids().missing_last(op).expect("an id in the path");
        let answer = refused(call(world.api.clone(), ids).await);
        expect(op, 404, "an unknown id last in the path", &answer);
        assert_eq!(message(&answer.body), "Resource could not be found", "{op}");
    }
    for refusal in &entry.refusals {
        let answer = match &refusal.how {
            How::Ids(ids) => {
                let call = entry.call.expect("a call to send with other ids");
                refused(call(world.api.clone(), ids(world.ids(), &world.seed)).await)
            }
            How::Raw(raw) => {
                let answer = world.raw(op, raw).await;
                assert!(answer.body.error.is_some(), "{op} with {raw}: {answer:?}");
                answer
            }
            How::Provoke(provoke) => provoke(world.clone()).await,
        };
        expect(op, refusal.status, refusal.why, &answer);
        if let Some(says) = refusal.says {
            assert_eq!(message(&answer.body), says, "{op} with {}", refusal.why);
        }
    }
}

fn expect(op: Operation, status: u16, why: &str, answer: &Refused) {
    assert_eq!(
        answer.status, status,
        "{op} with {why}: expected {status}, body {:?}",
        answer.body
    );
}
