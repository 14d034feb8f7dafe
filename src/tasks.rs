//! Work spread over tasks of its own, so that no single task blocks the main thread for long
//! (issue 11: Lighthouse's total blocking time on a phone; a tap or a key waits for at most one
//! step).

use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;

/// Sets `signal` to `next(value)`, one task after another, until `next` returns `None` or the
/// signal's owner is gone (the page was left).
pub fn advance_in_tasks<T>(signal: RwSignal<T>, next: impl Fn(T) -> Option<T> + 'static)
where
    T: Clone + Send + Sync + 'static,
{
    step(signal, Rc::new(next));
}

fn step<T>(signal: RwSignal<T>, next: Rc<dyn Fn(T) -> Option<T>>)
where
    T: Clone + Send + Sync + 'static,
{
    set_timeout(
        move || {
            if let Some(value) = signal.try_get_untracked().and_then(|now| next(now)) {
                signal.set(value);
                step(signal, next);
            }
        },
        Duration::ZERO,
    );
}
