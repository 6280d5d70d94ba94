//! `panic::catch` swaps the process-wide panic hook, so this test has its own
//! binary, and that binary has this one test: a second test calling `catch`
//! concurrently would swap the hook under it (it once made this test flaky).

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use xtask::codegen::panic;

#[test]
fn catch_silences_its_own_panics_and_restores_the_hook() {
    let original = std::panic::take_hook();
    let seen = Arc::new(AtomicUsize::new(0));
    let counter = Arc::clone(&seen);
    std::panic::set_hook(Box::new(move |_| {
        counter.fetch_add(1, Ordering::SeqCst);
    }));

    // Silenced: the counting hook must not see this panic.
    let caught = panic::catch(|| -> () { panic!("inside") });
    assert_eq!(caught, Err("inside".to_string()));
    assert_eq!(seen.load(Ordering::SeqCst), 0);

    // Restored: a later panic reaches the counting hook again.
    let later = std::thread::spawn(|| panic!("outside")).join();
    assert!(later.is_err());
    assert_eq!(seen.load(Ordering::SeqCst), 1);

    // Values pass through untouched.
    assert_eq!(panic::catch(|| 42), Ok(42));
    assert_eq!(seen.load(Ordering::SeqCst), 1);

    std::panic::set_hook(original);
}
