//! Running code that may panic (progenitor) without the panic reaching the user.
//!
//! Progenitor 0.15.1 panics (`assert!`, `todo!`, `unwrap`) on several valid
//! OpenAPI constructs. [`catch`] runs a closure under
//! [`std::panic::catch_unwind`] with the panic hook silenced for the calling
//! thread, so no "thread 'main' panicked at ..." text and no backtrace is
//! printed, and returns the panic message instead.
//!
//! The hook is process-global. While it is swapped, panics on *other*
//! threads (for example other tests) are forwarded to the previous hook, and
//! the previous hook is restored afterwards.

use std::panic::{self, AssertUnwindSafe};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread;

/// Serialises hook swaps between threads that call [`catch`] concurrently.
static HOOK_LOCK: Mutex<()> = Mutex::new(());

/// Runs `f`; a panic inside it becomes `Err(message)`.
pub fn catch<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    let _guard = HOOK_LOCK.lock().unwrap_or_else(PoisonError::into_inner);
    let me = thread::current().id();
    let previous = Arc::new(panic::take_hook());
    let forward = Arc::clone(&previous);
    panic::set_hook(Box::new(move |info| {
        if thread::current().id() != me {
            forward(info);
        }
    }));

    let result = panic::catch_unwind(AssertUnwindSafe(f));

    // Dropping our hook drops its clone of `previous`, so we hold the only one.
    drop(panic::take_hook());
    match Arc::try_unwrap(previous) {
        Ok(hook) => panic::set_hook(hook),
        Err(shared) => panic::set_hook(Box::new(move |info| shared(info))),
    }

    result.map_err(|payload| payload_message(payload.as_ref()))
}

/// The text of a panic payload (`panic!` with a literal or a format string).
pub fn payload_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&'static str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "(panic payload is not a string)".to_string()
    }
}
