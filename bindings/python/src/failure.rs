//! Why a call cannot be answered, as plain data: made without the interpreter, raised as
//! `NativeError(kind, message, help)` once it is held again, and never a panic.

use duikou::Error;

/// A call that cannot be answered.
#[derive(Debug, Clone)]
pub struct Failure {
    /// `rules`, `unknown_rule`, `unknown_evaluation`, `unknown_record`, `not_json`,
    /// `cannot_explain`, `bad_argument` or `internal`.
    pub kind: &'static str,
    pub message: String,
    pub help: Option<String>,
}

impl Failure {
    pub fn new(kind: &'static str, message: impl Into<String>) -> Failure {
        Failure {
            kind,
            message: message.into(),
            help: None,
        }
    }

    pub fn help(mut self, help: Option<String>) -> Failure {
        self.help = help;
        self
    }
}

/// The library's error, with a suggestion among `names` for a name it does not know.
pub fn of_error<'a>(e: Error, names: impl IntoIterator<Item = &'a str> + Clone) -> Failure {
    let suggest = |name: &str, what: &str| {
        let list: Vec<&str> = names.clone().into_iter().collect();
        duikou::did_you_mean(name, list.iter().copied())
            .or_else(|| (!list.is_empty()).then(|| format!("{what} are: {}", list.join(", "))))
    };
    let message = e.to_string();
    match e {
        Error::RulesHaveErrors => Failure::new("rules", message),
        Error::UnknownRule(name) => {
            Failure::new("unknown_rule", message).help(suggest(&name, "rules"))
        }
        Error::UnknownEvaluation(name) if name.is_empty() => {
            Failure::new("unknown_evaluation", "the rules declare no evaluation")
        }
        Error::UnknownEvaluation(name) => {
            Failure::new("unknown_evaluation", message).help(suggest(&name, "evaluations"))
        }
        Error::UnknownRecord(name) => {
            Failure::new("unknown_record", message).help(suggest(&name, "record types"))
        }
        Error::NotJson(_) => Failure::new("not_json", message),
        Error::CannotExplain(_) => Failure::new("cannot_explain", message),
    }
}

/// Runs `f`, turning a panic into a failure of kind `internal`.
pub fn guard<T>(f: impl FnOnce() -> Result<T, Failure>) -> Result<T, Failure> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).unwrap_or_else(|panic| {
        let why = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown cause".into());
        Err(
            Failure::new("internal", format!("internal error in duikou: {why}")).help(Some(
                "please report this with the rules and data that caused it".into(),
            )),
        )
    })
}
