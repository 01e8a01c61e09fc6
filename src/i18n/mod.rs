//! Output in the user's language: the message catalogue, the choice of language, and `tr!`.
//!
//! # How to add a message
//!
//! 1. Pick the catalogue file of the area (`locales/en/<area>.ftl`) and add a line
//!    `area-what-it-says = the text, with { $name } for each value`. Keys are stable ids in
//!    lowercase with dashes; the text follows the house style (lowercase, no final period,
//!    user text in backticks). A count that needs a plural is a selector:
//!    `{ $n -> [one] 1 error *[other] { $n } errors }`.
//! 2. Add the same key, with the same `$names`, to `locales/zh-CN/<area>.ftl`, in Chinese.
//! 3. Where the message is made, write `crate::tr!("area-what-it-says", name = value)`
//!    (`duikou::tr!` outside the library). It returns a `String` in the current language.
//!    Integers are passed as numbers (for plurals), everything else as its `Display` text.
//! 4. `cargo test --test i18n_catalogue` fails when a key is missing from one language, when
//!    the Chinese uses a `$name` the English does not give, or when code uses a key that does
//!    not exist.
//!
//! A new catalogue file is listed once in `catalogue.rs` for each language.

mod catalogue;
mod lang;
mod plain;
pub mod snippets;

pub use catalogue::{FILES_EN, FILES_ZH, text, text_in};
pub use lang::{Lang, LangGuard, current, set_default, with_lang};

use fluent_bundle::FluentValue;

/// A value put into a message: a number (which plural rules can select on) or text.
#[derive(Debug, Clone)]
pub enum Arg {
    /// A number, which plural rules can select on.
    Number(i64),
    /// Text, put in as it is.
    Text(String),
}

impl Arg {
    pub(crate) fn to_fluent(&self) -> FluentValue<'_> {
        match self {
            Arg::Number(n) => FluentValue::from(*n),
            Arg::Text(s) => FluentValue::from(s.as_str()),
        }
    }
}

/// A value on its way into a message; see [`NumberArg`] and [`TextArg`].
pub struct ArgOf<'a, T: ?Sized>(pub &'a T);

/// Integers go into a message as numbers, so that plural rules can select on them.
pub trait NumberArg {
    /// The value as a message argument.
    fn to_arg(&self) -> Arg;
}

/// Any other value goes into a message as its `Display` text.
pub trait TextArg {
    /// The value as a message argument.
    fn to_arg(&self) -> Arg;
}

macro_rules! number_args {
    ($($t:ty),*) => {$(
        impl NumberArg for ArgOf<'_, $t> {
            fn to_arg(&self) -> Arg {
                i64::try_from(*self.0).map_or_else(|_| Arg::Text(self.0.to_string()), Arg::Number)
            }
        }
        impl NumberArg for ArgOf<'_, &$t> {
            fn to_arg(&self) -> Arg {
                i64::try_from(**self.0).map_or_else(|_| Arg::Text(self.0.to_string()), Arg::Number)
            }
        }
    )*};
}
number_args!(u8, u16, u32, u64, usize, i8, i16, i32, i64, isize);

impl<T: std::fmt::Display + ?Sized> TextArg for &ArgOf<'_, T> {
    fn to_arg(&self) -> Arg {
        Arg::Text(self.0.to_string())
    }
}

/// A closure that runs `f` with messages in the language of the thread that makes it: for work
/// handed to another thread, whose messages must read as the caller's.
#[macro_export]
#[doc(hidden)]
macro_rules! in_callers_language {
    ($f:expr) => {{
        let lang = $crate::i18n::current();
        let f = $f;
        move || $crate::i18n::with_lang(lang, f)
    }};
}

/// The message `key` in the current language, with its values filled in.
///
/// `tr!("gaps-found", n = 3)`; see the module documentation for how to add a message.
#[macro_export]
macro_rules! tr {
    ($key:literal) => {
        $crate::i18n::text($key, &[])
    };
    ($key:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::text(
            $key,
            &[$((stringify!($name), {
                #[allow(unused_imports)]
                use $crate::i18n::{NumberArg as _, TextArg as _};
                (&$crate::i18n::ArgOf(&$value)).to_arg()
            })),+],
        )
    };
}
