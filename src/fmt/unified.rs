//! A unified diff of two texts by lines, as `duikou fmt --check` prints it.

/// One line of an edit script.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Op {
    Same(usize, usize),
    Del(usize),
    Add(usize),
}

/// Lines of context around each change.
const CONTEXT: usize = 3;

/// The unified diff from `old` to `new`, headed by the two labels; empty when they are equal.
pub fn diff(old: &str, new: &str, old_label: &str, new_label: &str) -> String {
    let a: Vec<&str> = old.lines().collect();
    let b: Vec<&str> = new.lines().collect();
    let ops = edit_script(&a, &b);
    if ops.iter().all(|o| matches!(o, Op::Same(..))) {
        if old == new {
            return String::new();
        }
        return format!(
            "--- {old_label}\n+++ {new_label}\n@@ only line ends differ (CRLF, or the last line break) @@\n"
        );
    }
    let mut out = format!("--- {old_label}\n+++ {new_label}\n");
    let changed: Vec<usize> = (0..ops.len())
        .filter(|&i| !matches!(ops[i], Op::Same(..)))
        .collect();
    let mut i = 0;
    while i < changed.len() {
        let start = changed[i].saturating_sub(CONTEXT);
        let mut end = changed[i];
        while i < changed.len() && changed[i] <= end + 2 * CONTEXT + 1 {
            end = changed[i];
            i += 1;
        }
        let end = (end + CONTEXT + 1).min(ops.len());
        hunk(&ops[start..end], &a, &b, &mut out);
    }
    out
}

fn hunk(ops: &[Op], a: &[&str], b: &[&str], out: &mut String) {
    let first_a = ops.iter().find_map(|o| match o {
        Op::Same(i, _) | Op::Del(i) => Some(*i),
        Op::Add(_) => None,
    });
    let first_b = ops.iter().find_map(|o| match o {
        Op::Same(_, j) | Op::Add(j) => Some(*j),
        Op::Del(_) => None,
    });
    let len_a = ops.iter().filter(|o| !matches!(o, Op::Add(_))).count();
    let len_b = ops.iter().filter(|o| !matches!(o, Op::Del(_))).count();
    let at =
        |first: Option<usize>, len: usize| first.map_or(0, |f| f + 1).max(usize::from(len > 0));
    out.push_str(&format!(
        "@@ -{},{len_a} +{},{len_b} @@\n",
        at(first_a, len_a),
        at(first_b, len_b)
    ));
    for o in ops {
        match *o {
            Op::Same(i, _) => out.push_str(&format!(" {}\n", a[i])),
            Op::Del(i) => out.push_str(&format!("-{}\n", a[i])),
            Op::Add(j) => out.push_str(&format!("+{}\n", b[j])),
        }
    }
}

/// The longest-common-subsequence edit script, after the common head and tail are taken off.
fn edit_script(a: &[&str], b: &[&str]) -> Vec<Op> {
    let head = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let tail = a[head..]
        .iter()
        .rev()
        .zip(b[head..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (ma, mb) = (&a[head..a.len() - tail], &b[head..b.len() - tail]);
    let mut ops: Vec<Op> = (0..head).map(|i| Op::Same(i, i)).collect();
    if ma.len().saturating_mul(mb.len()) > 25_000_000 {
        ops.extend((0..ma.len()).map(|i| Op::Del(head + i)));
        ops.extend((0..mb.len()).map(|j| Op::Add(head + j)));
    } else {
        ops.extend(lcs(ma, mb, head));
    }
    let (da, db) = (a.len() - tail, b.len() - tail);
    ops.extend((0..tail).map(|k| Op::Same(da + k, db + k)));
    ops
}

fn lcs(a: &[&str], b: &[&str], offset: usize) -> Vec<Op> {
    let (n, m) = (a.len(), b.len());
    let mut table = vec![0u32; (n + 1) * (m + 1)];
    let idx = |i: usize, j: usize| i * (m + 1) + j;
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            table[idx(i, j)] = if a[i] == b[j] {
                table[idx(i + 1, j + 1)] + 1
            } else {
                table[idx(i + 1, j)].max(table[idx(i, j + 1)])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut ops = Vec::new();
    while i < n || j < m {
        if i < n && j < m && a[i] == b[j] {
            ops.push(Op::Same(offset + i, offset + j));
            i += 1;
            j += 1;
        } else if i < n && (j == m || table[idx(i + 1, j)] >= table[idx(i, j + 1)]) {
            ops.push(Op::Del(offset + i));
            i += 1;
        } else {
            ops.push(Op::Add(offset + j));
            j += 1;
        }
    }
    ops
}

#[cfg(test)]
mod tests {
    use super::diff;

    #[test]
    fn equal_texts_have_no_diff() {
        assert_eq!(diff("a\nb\n", "a\nb\n", "x", "y"), "");
    }

    #[test]
    fn a_missing_last_line_break_is_said() {
        assert!(diff("a", "a\n", "x", "y").contains("only line ends differ"));
    }

    #[test]
    fn a_changed_line_is_a_hunk_with_context() {
        let d = diff("a\nb\nc\n", "a\nB\nc\n", "old", "new");
        assert_eq!(d, "--- old\n+++ new\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n");
    }
}
