//! Finding and reading rule files: directories are searched recursively for `*.dk`.

use crate::diagnostic::{Code, Diagnostic};
use crate::source::{SourceFile, SourceMap};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// The lowercase hex SHA-256 of `bytes`, prefixed `sha256:`.
pub fn sha256(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut s = String::with_capacity(71);
    s.push_str("sha256:");
    for b in digest {
        s.push_str(&format!("{b:02x}"));
    }
    s
}

/// Every `.dk` file under the given paths, sorted by path and each once: the same files give
/// the same declaration order, and so the same output byte for byte, however they are listed.
pub fn collect_files(paths: &[PathBuf], diags: &mut Vec<Diagnostic>) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for path in paths {
        let shown = path.to_string_lossy().replace('\\', "/");
        match std::fs::metadata(path) {
            Err(e) => diags.push(
                Diagnostic::at_path(
                    Code::IoUnreadable,
                    &shown,
                    crate::tr!(
                        "syntax-cannot-read-shown-io-reason",
                        shown = shown,
                        io_reason = io_reason(&e)
                    ),
                )
                .help(if shown == "rules" {
                    crate::tr!("syntax-with-no-path-given-duikou")
                } else {
                    crate::tr!("syntax-check-path-rule-files-are")
                }),
            ),
            Ok(m) if m.is_dir() => {
                let before = out.len();
                walk(path, &mut out, diags);
                if out.len() == before {
                    diags.push(
                        Diagnostic::at_path(
                            Code::IoNoRules,
                            &shown,
                            crate::tr!("syntax-no-dk-rule-files-under", shown = shown),
                        )
                        .help(crate::tr!("syntax-rule-files-end-dk-give")),
                    );
                }
            }
            Ok(_) => out.push(path.clone()),
        }
    }
    out.sort();
    out.dedup();
    out
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>, diags: &mut Vec<Diagnostic>) {
    let shown = dir.to_string_lossy().replace('\\', "/");
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            diags.push(Diagnostic::at_path(
                Code::IoUnreadable,
                &shown,
                crate::tr!(
                    "syntax-cannot-read-directory-shown-io",
                    shown = shown,
                    io_reason = io_reason(&e)
                ),
            ));
            return;
        }
    };
    let mut entries: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            walk(&p, out, diags);
        } else if p.extension().is_some_and(|e| e == "dk") {
            out.push(p);
        }
    }
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => crate::tr!("syntax-no-such-file-directory"),
        std::io::ErrorKind::PermissionDenied => crate::tr!("load-permission-denied"),
        _ => e.to_string().to_lowercase(),
    }
}

/// Reads one file into the source map; a file that is not UTF-8 is kept with empty text.
/// Returns whether the text can be parsed.
pub fn read_file(
    path: &Path,
    sources: &mut SourceMap,
    diags: &mut Vec<Diagnostic>,
) -> Option<crate::source::FileId> {
    let shown = path.to_string_lossy().replace('\\', "/");
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            diags.push(Diagnostic::at_path(
                Code::IoUnreadable,
                &shown,
                crate::tr!(
                    "syntax-cannot-read-shown-io-reason",
                    shown = shown,
                    io_reason = io_reason(&e)
                ),
            ));
            return None;
        }
    };
    add_bytes(path.to_path_buf(), &bytes, sources, diags)
}

/// How to convert a rule file that is not UTF-8: UTF-16 (a byte order mark, or a zero byte
/// beside most ASCII characters, as Windows Notepad saves "Unicode"), else GBK.
fn encoding_help(bytes: &[u8]) -> String {
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return crate::tr!("syntax-file-is-utf16", what = "UTF-16", from = "UTF-16");
    }
    let head = &bytes[..bytes.len().min(4096) & !1];
    let zeros_at = |parity: usize| {
        head.iter()
            .enumerate()
            .filter(|&(i, &b)| i % 2 == parity && b == 0)
            .count()
    };
    let (even, odd) = (zeros_at(0), zeros_at(1));
    let half = head.len() / 2;
    if head.len() >= 4 && odd * 2 >= half && odd > even {
        crate::tr!(
            "syntax-file-is-utf16",
            what = "UTF-16 (little-endian)",
            from = "UTF-16LE"
        )
    } else if head.len() >= 4 && even * 2 >= half && even > odd {
        crate::tr!(
            "syntax-file-is-utf16",
            what = "UTF-16 (big-endian)",
            from = "UTF-16BE"
        )
    } else {
        crate::tr!("syntax-save-file-as-utf-gbk")
    }
}

/// Adds a file's bytes to the source map, checking the encoding.
pub fn add_bytes(
    path: PathBuf,
    bytes: &[u8],
    sources: &mut SourceMap,
    diags: &mut Vec<Diagnostic>,
) -> Option<crate::source::FileId> {
    let hash = sha256(bytes);
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(body) {
        Ok(text) => Some(sources.add(SourceFile::new(path, text.to_string(), hash))),
        Err(e) => {
            let at = e.valid_up_to();
            let line = body[..at].iter().filter(|&&b| b == b'\n').count() + 1;
            let shown = path.to_string_lossy().replace('\\', "/");
            diags.push(
                Diagnostic::at_path(
                    Code::ParseEncoding,
                    &shown,
                    crate::tr!(
                        "syntax-shown-not-utf-invalid-byte",
                        shown = shown,
                        line = line,
                        at = at
                    ),
                )
                .help(encoding_help(bytes)),
            );
            sources.add(SourceFile::new(path, String::new(), hash));
            None
        }
    }
}
