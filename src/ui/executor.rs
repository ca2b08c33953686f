//! The executor Leptos runs its effects and tasks on: a queue drained in a microtask, as
//! wasm-bindgen's is, that can also be drained at once ([`drain`]).
//!
//! Layer: ui. The print listeners need the second: what printing shows (every part of the page
//! built, the charts as vector figures, the figure numbers) is built by effects, and Firefox lays
//! the page out for print as soon as `beforeprint`'s listeners return, before any microtask runs
//! (Chromium and WebKit run them first). A listener that drains the queue has the page built
//! before it returns, in every engine.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Wake, Waker};

use any_spawner::{CustomExecutor, Executor, PinnedFuture, PinnedLocalFuture};

/// One spawned future, and whether it waits in the queue.
struct Task {
    future: RefCell<Option<Pin<Box<dyn Future<Output = ()>>>>>,
    queued: Cell<bool>,
}

// SAFETY: the page's module runs on the browser's main thread alone (no threads, no workers
// sharing its memory): a task is created, woken and polled on that one thread. `Waker` asks for
// Send + Sync only because other programs have threads.
unsafe impl Send for Task {}
unsafe impl Sync for Task {}

thread_local! {
    static QUEUE: RefCell<VecDeque<Arc<Task>>> = const { RefCell::new(VecDeque::new()) };
    static SCHEDULED: Cell<bool> = const { Cell::new(false) };
    static DRAINING: Cell<bool> = const { Cell::new(false) };
}

impl Wake for Task {
    fn wake(self: Arc<Self>) {
        enqueue(self);
    }
    fn wake_by_ref(self: &Arc<Self>) {
        enqueue(self.clone());
    }
}

/// Queue `task` (once) and make sure a microtask will drain the queue.
fn enqueue(task: Arc<Task>) {
    if task.queued.replace(true) {
        return;
    }
    QUEUE.with(|q| q.borrow_mut().push_back(task));
    if !SCHEDULED.with(|s| s.replace(true)) {
        wasm_bindgen_futures::spawn_local(async { drain() });
    }
}

/// Poll every queued task, and those they wake, until the queue is empty. Does nothing when
/// called from a task (the drain under way goes on).
pub fn drain() {
    if DRAINING.with(|d| d.replace(true)) {
        return;
    }
    SCHEDULED.with(|s| s.set(false));
    while let Some(task) = QUEUE.with(|q| q.borrow_mut().pop_front()) {
        task.queued.set(false);
        let waker = Waker::from(task.clone());
        let mut cx = Context::from_waker(&waker);
        let mut slot = task.future.borrow_mut();
        if slot.as_mut().is_some_and(|f| f.as_mut().poll(&mut cx).is_ready()) {
            *slot = None;
        }
    }
    DRAINING.with(|d| d.set(false));
}

struct Queue;

impl CustomExecutor for Queue {
    fn spawn(&self, future: PinnedFuture<()>) {
        self.spawn_local(future);
    }
    fn spawn_local(&self, future: PinnedLocalFuture<()>) {
        enqueue(Arc::new(Task { future: RefCell::new(Some(future)), queued: Cell::new(false) }));
    }
    fn poll_local(&self) {
        drain();
    }
}

/// Make this the executor of the page's tasks; before Leptos mounts (which would otherwise set
/// wasm-bindgen's).
pub fn install() {
    let _ = Executor::init_local_custom_executor(Queue);
}
