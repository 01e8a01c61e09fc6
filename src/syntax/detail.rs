//! Parses that explain a syntax error. pest collects the detail of what it expected only while a
//! process-wide switch is on; a parse reads the switch once, as it starts. Parses that explain
//! an error turn the switch on one at a time, and turn it off again when done; other parses leave
//! the switch alone (the detail it may give them changes nothing but their time), so no thread
//! turns it off under another one's explanation.

use std::sync::Mutex;

/// Held while the switch is on for one parse.
static EXPLAINING: Mutex<()> = Mutex::new(());

/// Runs `parse` with pest's error detail on.
pub fn with_error_detail<T>(parse: impl FnOnce() -> T) -> T {
    /// Turns the switch off when the parse is done, however it ends.
    struct Off;
    impl Drop for Off {
        fn drop(&mut self) {
            pest::set_error_detail(false);
        }
    }
    let _one_at_a_time = EXPLAINING.lock().unwrap_or_else(|e| e.into_inner());
    pest::set_error_detail(true);
    let _off = Off;
    parse()
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::Diagnostic;
    use crate::source::FileId;

    fn messages(text: &str) -> Vec<String> {
        let mut diags: Vec<Diagnostic> = Vec::new();
        crate::syntax::parse_file(FileId(0), text, &mut diags);
        diags.iter().map(|d| format!("{d:?}")).collect()
    }

    #[test]
    fn errors_are_explained_alike_while_other_threads_parse() {
        // Many pieces, each one parsed on its own by recovery and the broken ones explained.
        let broken = (0..40)
            .map(|i| {
                format!("rule r{i} {{ over p forbid x > }}\nactor a{i} {{ kind: government }}\n")
            })
            .collect::<String>();
        let broken = broken.as_str();
        let fine = "actor a { kind: government, level: province }\n".repeat(50);
        let alone = messages(broken);
        assert!(!alone.is_empty());
        std::thread::scope(|scope| {
            let explaining: Vec<_> = (0..4)
                .map(|_| scope.spawn(|| (0..10).map(|_| messages(broken)).collect::<Vec<_>>()))
                .collect();
            for _ in 0..2 {
                scope.spawn(|| (0..60).for_each(|_| assert!(messages(&fine).is_empty())));
            }
            for handle in explaining {
                for got in handle.join().expect("no panic") {
                    assert_eq!(got, alone);
                }
            }
        });
    }
}
