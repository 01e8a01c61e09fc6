//! The output language: Chinese or English, chosen per process and overridable per thread.

use std::cell::Cell;
use std::sync::atomic::{AtomicU8, Ordering};

/// A language duikou speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// English, the default of the library.
    #[default]
    En,
    /// Simplified Chinese (zh-CN).
    Zh,
}

impl Lang {
    /// Both languages.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Zh];

    /// The short name: `en` or `zh`.
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }

    /// The BCP 47 tag of the catalogue: `en` or `zh-CN`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh-CN",
        }
    }

    /// A language named by the user: `en`, `zh`, `zh-CN`, `zh_CN`, `chinese`, `中文`…
    pub fn parse(name: &str) -> Option<Lang> {
        let n = name.trim().to_ascii_lowercase();
        let base = n.split(['-', '_', '.', '@']).next().unwrap_or("");
        match base {
            "en" | "english" | "c" | "posix" => Some(Lang::En),
            "zh" | "chinese" | "中文" => Some(Lang::Zh),
            _ => None,
        }
    }

    /// The language a POSIX locale name asks for: `zh_*` gives Chinese, anything else English.
    pub fn of_locale(locale: &str) -> Lang {
        if locale.trim().to_ascii_lowercase().starts_with("zh") {
            Lang::Zh
        } else {
            Lang::En
        }
    }

    /// The language the environment asks for, from variables read by `var`:
    /// `DUIKOU_LANG` (which must name a language), else the first set of `LC_ALL`,
    /// `LC_MESSAGES` and `LANG`, else English.
    pub fn from_env_with(var: impl Fn(&str) -> Option<String>) -> Result<Lang, String> {
        let set = |name: &str| var(name).filter(|v| !v.trim().is_empty());
        if let Some(v) = set("DUIKOU_LANG") {
            return Lang::parse(&v).ok_or(v);
        }
        Ok(["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .find_map(|name| set(name))
            .map_or(Lang::En, |v| Lang::of_locale(&v)))
    }

    /// [`Lang::from_env_with`] on this process's environment.
    pub fn from_env() -> Result<Lang, String> {
        Lang::from_env_with(|name| std::env::var(name).ok())
    }
}

static DEFAULT: AtomicU8 = AtomicU8::new(0);

thread_local! {
    static SCOPED: Cell<Option<Lang>> = const { Cell::new(None) };
}

fn code(lang: Lang) -> u8 {
    match lang {
        Lang::En => 0,
        Lang::Zh => 1,
    }
}

/// Sets the language of the whole process (the command line does, once, at start).
pub fn set_default(lang: Lang) {
    DEFAULT.store(code(lang), Ordering::Relaxed);
}

/// The language messages are made in now: this thread's [`with_lang`], else the process's.
pub fn current() -> Lang {
    SCOPED.with(Cell::get).unwrap_or_else(|| {
        if DEFAULT.load(Ordering::Relaxed) == code(Lang::Zh) {
            Lang::Zh
        } else {
            Lang::En
        }
    })
}

/// Runs `f` with messages in `lang` on this thread, then restores the language before.
pub fn with_lang<R>(lang: Lang, f: impl FnOnce() -> R) -> R {
    let _guard = LangGuard::set(lang);
    f()
}

/// Messages in a language on this thread until the guard is dropped.
pub struct LangGuard(Option<Lang>);

impl LangGuard {
    /// Sets `lang` for this thread; dropping the guard restores the language before.
    pub fn set(lang: Lang) -> LangGuard {
        LangGuard(SCOPED.with(|c| c.replace(Some(lang))))
    }
}

impl Drop for LangGuard {
    fn drop(&mut self) {
        SCOPED.with(|c| c.set(self.0));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            vars.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn duikou_lang_wins_then_the_locale_in_posix_order() {
        let pick = |vars: &[(&str, &str)]| Lang::from_env_with(env(vars));
        assert_eq!(pick(&[]), Ok(Lang::En));
        assert_eq!(pick(&[("LANG", "zh_CN.UTF-8")]), Ok(Lang::Zh));
        assert_eq!(
            pick(&[("LANG", "zh_CN.UTF-8"), ("LC_MESSAGES", "en_US.UTF-8")]),
            Ok(Lang::En)
        );
        assert_eq!(
            pick(&[("LC_ALL", "zh_TW.UTF-8"), ("LC_MESSAGES", "en_US")]),
            Ok(Lang::Zh)
        );
        assert_eq!(pick(&[("LC_ALL", ""), ("LANG", "zh_CN")]), Ok(Lang::Zh));
        assert_eq!(
            pick(&[("DUIKOU_LANG", "en"), ("LC_ALL", "zh_CN")]),
            Ok(Lang::En)
        );
        assert_eq!(pick(&[("DUIKOU_LANG", "zh-CN")]), Ok(Lang::Zh));
        assert_eq!(pick(&[("DUIKOU_LANG", "fr")]), Err("fr".to_string()));
    }

    #[test]
    fn a_scoped_language_is_restored_afterwards() {
        assert_eq!(current(), Lang::En);
        let inner = with_lang(Lang::Zh, || {
            (current(), with_lang(Lang::En, current), current())
        });
        assert_eq!(inner, (Lang::Zh, Lang::En, Lang::Zh));
        assert_eq!(current(), Lang::En);
    }
}
