//! Progress of a check, told to the page's function while the data is read.

use std::cell::RefCell;
use wasm_bindgen::JsValue;

thread_local! {
    /// The function the page gave for the check that is running.
    static LISTENER: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
}

/// Calls `listener(read, total)` while `work` runs.
pub(crate) fn while_telling<T>(listener: Option<js_sys::Function>, work: impl FnOnce() -> T) -> T {
    LISTENER.with(|l| *l.borrow_mut() = listener);
    let out = work();
    LISTENER.with(|l| *l.borrow_mut() = None);
    out
}

/// Tells the listener, if there is one, how many bytes of how many have been read.
pub(crate) fn tell(read: u64, total: u64) {
    LISTENER.with(|l| {
        if let Some(f) = &*l.borrow() {
            // A listener that throws does not stop the check.
            let _ = f.call2(
                &JsValue::NULL,
                &(read as f64).into(),
                &(total as f64).into(),
            );
        }
    });
}
