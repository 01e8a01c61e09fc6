//! The message catalogue: Fluent files of each language, embedded in the binary.

use super::{Arg, Lang, current};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use std::sync::OnceLock;

macro_rules! catalogue_files {
    ($($area:literal),* $(,)?) => {
        /// The English catalogue: `(area, Fluent text)` for each file of `locales/en/`.
        pub const FILES_EN: &[(&str, &str)] =
            &[$(($area, include_str!(concat!("locales/en/", $area, ".ftl")))),*];
        /// The Chinese catalogue: `(area, Fluent text)` for each file of `locales/zh-CN/`.
        pub const FILES_ZH: &[(&str, &str)] =
            &[$(($area, include_str!(concat!("locales/zh-CN/", $area, ".ftl")))),*];
    };
}

catalogue_files!(
    "cli",
    "codes",
    "report",
    "syntax",
    "names",
    "decl",
    "types",
    "data",
    "engine",
    "gaps",
    "conflicts",
    "explain",
    "score",
    "testing",
    "tools",
    "help",
);

type Bundle = FluentBundle<&'static FluentResource>;

/// The catalogue files of `lang`, each parsed once: the bundle and the plain messages read them.
fn resources(lang: Lang) -> &'static [(&'static str, FluentResource)] {
    static EN: OnceLock<Vec<(&str, FluentResource)>> = OnceLock::new();
    static ZH: OnceLock<Vec<(&str, FluentResource)>> = OnceLock::new();
    let (cell, files) = match lang {
        Lang::En => (&EN, FILES_EN),
        Lang::Zh => (&ZH, FILES_ZH),
    };
    cell.get_or_init(|| {
        let parse = |(area, text): &(&'static str, &str)| {
            let resource =
                FluentResource::try_new((*text).to_string()).unwrap_or_else(|(_, errors)| {
                    panic!("catalogue {area} ({}): {errors:?}", lang.tag())
                });
            (*area, resource)
        };
        files.iter().map(parse).collect()
    })
}

fn build(lang: Lang) -> Bundle {
    let tag = lang.tag().parse().expect("the catalogue's tags are valid");
    let mut bundle = FluentBundle::new_concurrent(vec![tag]);
    // Values are shown as they are: no Unicode isolation marks around them.
    bundle.set_use_isolating(false);
    for (area, resource) in resources(lang) {
        bundle
            .add_resource(resource)
            .unwrap_or_else(|errors| panic!("catalogue {area} ({}): {errors:?}", lang.tag()));
    }
    bundle
}

/// The messages of `lang` made only of text and values.
pub(super) fn plain(lang: Lang) -> &'static super::plain::Plain {
    static EN: OnceLock<super::plain::Plain> = OnceLock::new();
    static ZH: OnceLock<super::plain::Plain> = OnceLock::new();
    let cell = match lang {
        Lang::En => &EN,
        Lang::Zh => &ZH,
    };
    cell.get_or_init(|| {
        // The bundle first: a message given twice stops there, whole.
        bundle(lang);
        super::plain::parse(resources(lang).iter().map(|(_, r)| r))
    })
}

fn bundle(lang: Lang) -> &'static Bundle {
    static EN: OnceLock<Bundle> = OnceLock::new();
    static ZH: OnceLock<Bundle> = OnceLock::new();
    match lang {
        Lang::En => EN.get_or_init(|| build(Lang::En)),
        Lang::Zh => ZH.get_or_init(|| build(Lang::Zh)),
    }
}

/// The message `key` in the current language with `args` filled in (what `tr!` calls).
///
/// A key missing from the catalogue (which the catalogue test rules out) shows as itself.
pub fn text(key: &str, args: &[(&str, Arg)]) -> String {
    text_in(current(), key, args)
}

/// The message `key` in `lang` with `args` filled in.
pub fn text_in(lang: Lang, key: &str, args: &[(&str, Arg)]) -> String {
    match super::plain::fill(plain(lang), key, args) {
        Some(text) => text,
        None => resolved(lang, key, args),
    }
}

/// The message `key` in `lang` with `args` filled in by Fluent's resolver.
pub(super) fn resolved(lang: Lang, key: &str, args: &[(&str, Arg)]) -> String {
    let bundle = bundle(lang);
    let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) else {
        return key.to_string();
    };
    let mut fluent_args = FluentArgs::with_capacity(args.len());
    for (name, value) in args {
        fluent_args.set(*name, value.to_fluent());
    }
    let mut errors = Vec::new();
    bundle
        .format_pattern(pattern, Some(&fluent_args), &mut errors)
        .into_owned()
}
