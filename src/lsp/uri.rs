//! `file:` URIs to paths and back, percent-encoding non-ASCII names (`援疆.dk`).

use lsp_types::Uri;
use std::path::{Path, PathBuf};
use std::str::FromStr;

/// The path of a URI: a `file:` URI's decoded path, or any other URI (`untitled:1`) kept whole
/// as a pseudo-path, so unsaved documents are checked too.
pub fn to_path(uri: &Uri) -> PathBuf {
    let s = uri.as_str();
    match s.strip_prefix("file://") {
        Some(rest) => {
            let path = rest.find('/').map_or(rest, |i| &rest[i..]);
            PathBuf::from(percent_decode(path))
        }
        None => PathBuf::from(s),
    }
}

/// The URI of a path: `file://` and the percent-encoded absolute path, or the pseudo-path of a
/// non-file URI as it was.
pub fn from_path(path: &Path) -> Uri {
    let s = path.to_string_lossy().replace('\\', "/");
    let text = if s.starts_with('/') {
        format!("file://{}", percent_encode(&s))
    } else {
        s
    };
    Uri::from_str(&text)
        .or_else(|_| Uri::from_str(&format!("file:///{}", percent_encode(&text))))
        .unwrap_or_else(|_| unreachable!("a percent-encoded path is a URI"))
}

fn percent_encode(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_paths_round_trip() {
        let p = PathBuf::from("/tmp/规则 集/援疆.dk");
        let uri = from_path(&p);
        assert_eq!(
            uri.as_str(),
            "file:///tmp/%E8%A7%84%E5%88%99%20%E9%9B%86/%E6%8F%B4%E7%96%86.dk"
        );
        assert_eq!(to_path(&uri), p);
    }

    #[test]
    fn other_schemes_are_kept() {
        let uri = Uri::from_str("untitled:Untitled-1").unwrap();
        assert_eq!(from_path(&to_path(&uri)).as_str(), "untitled:Untitled-1");
    }
}
