//! A compact binary form of a finding, for findings kept in a temporary file: every field is
//! written and read back exactly, so a finding read back equals the one written.

use super::finding::{Cause, DataFinding, FindingKind, KeyValue};
use rust_decimal::Decimal;

/// Appends `f` to `out`.
pub fn encode(f: &DataFinding, out: &mut Vec<u8>) {
    out.push(kind_tag(f.kind));
    put_u64(out, f.rule as u64);
    put_str(out, &f.message);
    match &f.cause {
        None => out.push(0),
        Some(Cause::Undetermined(why)) => {
            out.push(1);
            put_str(out, why);
        }
        Some(Cause::Yields { winner, reason }) => {
            out.push(2);
            put_u64(out, *winner as u64);
            put_str(out, reason);
        }
    }
    put_u64(out, f.group.len() as u64);
    for k in &f.group {
        put_str(out, &k.name);
        put_str(out, &k.json.to_string());
        put_str(out, &k.text);
        put_str(out, &k.exact.to_string());
    }
    put_opt(out, f.record.as_deref());
    match &f.at {
        None => out.push(0),
        Some((file, line)) => {
            out.push(1);
            put_str(out, file);
            put_u64(out, *line);
        }
    }
    put_opt(out, f.value.as_deref());
    put_opt(out, f.value_exact.as_deref());
    out.extend_from_slice(&f.badness.serialize());
    put_u64(out, f.order);
}

/// Reads findings one after another from bytes written by [`encode`].
pub struct Decoder<'b> {
    bytes: &'b [u8],
}

impl<'b> Decoder<'b> {
    /// A decoder of `bytes`.
    pub fn new(bytes: &'b [u8]) -> Self {
        Decoder { bytes }
    }

    /// The next finding, its texts borrowed from the bytes (see [`FindingRef::owned`]):
    /// `None` at the end, `Some(Err(()))` where the bytes are not a finding.
    pub fn next_ref(&mut self) -> Option<Result<FindingRef<'b>, ()>> {
        if self.bytes.is_empty() {
            return None;
        }
        Some(self.finding().ok_or(()))
    }

    fn finding(&mut self) -> Option<FindingRef<'b>> {
        let kind = match self.byte()? {
            0 => FindingKind::Violation,
            1 => FindingKind::Undetermined,
            2 => FindingKind::Overridden,
            _ => return None,
        };
        let rule = usize::try_from(self.u64()?).ok()?;
        let message = self.str()?;
        let cause = match self.byte()? {
            0 => None,
            1 => Some(CauseRef::Undetermined(self.str()?)),
            2 => {
                let winner = usize::try_from(self.u64()?).ok()?;
                Some(CauseRef::Yields {
                    winner,
                    reason: self.str()?,
                })
            }
            _ => return None,
        };
        let keys = self.u64()?;
        let mut group = Vec::new();
        for _ in 0..keys {
            group.push(self.key()?);
        }
        let record = self.opt()?;
        let at = match self.byte()? {
            0 => None,
            1 => Some((self.str()?, self.u64()?)),
            _ => return None,
        };
        Some(FindingRef {
            kind,
            rule,
            message,
            cause,
            group,
            record,
            at,
            value: self.opt()?,
            value_exact: self.opt()?,
            badness: Decimal::deserialize(self.take(16)?.try_into().ok()?),
            order: self.u64()?,
        })
    }

    fn key(&mut self) -> Option<KeyValue> {
        let name = self.string()?;
        let json = serde_json::from_str(&self.string()?).ok()?;
        let text = self.string()?;
        let exact = serde_json::from_str(&self.string()?).ok()?;
        Some(KeyValue {
            name,
            json,
            text,
            exact,
        })
    }

    fn take(&mut self, n: usize) -> Option<&'b [u8]> {
        if self.bytes.len() < n {
            return None;
        }
        let (head, rest) = self.bytes.split_at(n);
        self.bytes = rest;
        Some(head)
    }

    fn byte(&mut self) -> Option<u8> {
        self.take(1).map(|b| b[0])
    }

    fn u64(&mut self) -> Option<u64> {
        self.take(8)?.try_into().ok().map(u64::from_le_bytes)
    }

    fn string(&mut self) -> Option<String> {
        self.str().map(str::to_string)
    }

    fn str(&mut self) -> Option<&'b str> {
        let len = usize::try_from(self.u64()?).ok()?;
        std::str::from_utf8(self.take(len)?).ok()
    }

    fn opt(&mut self) -> Option<Option<&'b str>> {
        match self.byte()? {
            0 => Some(None),
            1 => self.str().map(Some),
            _ => None,
        }
    }
}

/// A finding read back with its texts borrowed from the bytes it was read from: the report
/// renders most findings without copying a text.
#[derive(Debug)]
pub struct FindingRef<'b> {
    pub kind: FindingKind,
    pub rule: usize,
    pub message: &'b str,
    pub cause: Option<CauseRef<'b>>,
    /// A group-level finding's keys (none for a record-level one, which is most).
    pub group: Vec<KeyValue>,
    pub record: Option<&'b str>,
    pub at: Option<(&'b str, u64)>,
    pub value: Option<&'b str>,
    pub value_exact: Option<&'b str>,
    pub badness: Decimal,
    pub order: u64,
}

/// [`Cause`] with its texts borrowed.
#[derive(Debug)]
pub enum CauseRef<'b> {
    Undetermined(&'b str),
    Yields { winner: usize, reason: &'b str },
}

impl FindingRef<'_> {
    /// The finding with texts of its own.
    pub fn owned(&self) -> DataFinding {
        DataFinding {
            kind: self.kind,
            rule: self.rule,
            message: self.message.to_string(),
            cause: self.cause.as_ref().map(|c| match *c {
                CauseRef::Undetermined(why) => Cause::Undetermined(why.to_string()),
                CauseRef::Yields { winner, reason } => Cause::Yields {
                    winner,
                    reason: reason.to_string(),
                },
            }),
            group: self.group.clone(),
            record: self.record.map(str::to_string),
            at: self.at.map(|(file, line)| (file.to_string(), line)),
            value: self.value.map(str::to_string),
            value_exact: self.value_exact.map(str::to_string),
            badness: self.badness,
            order: self.order,
        }
    }
}

fn kind_tag(kind: FindingKind) -> u8 {
    match kind {
        FindingKind::Violation => 0,
        FindingKind::Undetermined => 1,
        FindingKind::Overridden => 2,
    }
}

fn put_u64(out: &mut Vec<u8>, n: u64) {
    out.extend_from_slice(&n.to_le_bytes());
}

fn put_str(out: &mut Vec<u8>, s: &str) {
    put_u64(out, s.len() as u64);
    out.extend_from_slice(s.as_bytes());
}

fn put_opt(out: &mut Vec<u8>, s: Option<&str>) {
    match s {
        None => out.push(0),
        Some(s) => {
            out.push(1);
            put_str(out, s);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(group: Vec<KeyValue>, cause: Option<Cause>) -> DataFinding {
        DataFinding {
            kind: FindingKind::Overridden,
            rule: 7,
            message: "河北省→巴州 2017年民生投入占比 40.0%，低于 74%".into(),
            cause,
            group,
            record: Some("p\"1".into()),
            at: Some(("data/项目.csv".into(), 12)),
            value: Some("40.0%".into()),
            value_exact: None,
            badness: Decimal::new(-123_456, 4),
            order: u64::MAX,
        }
    }

    fn same(a: &DataFinding, b: &DataFinding) -> bool {
        a.kind == b.kind
            && a.rule == b.rule
            && a.message == b.message
            && a.cause == b.cause
            && a.group == b.group
            && a.record == b.record
            && a.at == b.at
            && a.value == b.value
            && a.value_exact == b.value_exact
            && a.badness == b.badness
            && a.order == b.order
    }

    #[test]
    fn findings_read_back_equal_to_those_written() {
        let key = KeyValue {
            name: "年度".into(),
            json: serde_json::json!(2017),
            text: "2017".into(),
            exact: serde_json::from_str("12345678901234567890.123456789").unwrap(),
        };
        let written = [
            finding(vec![key.clone(), key], None),
            finding(
                Vec::new(),
                Some(Cause::Undetermined("`投资` is missing".into())),
            ),
            finding(
                Vec::new(),
                Some(Cause::Yields {
                    winner: 3,
                    reason: "special".into(),
                }),
            ),
        ];
        let mut bytes = Vec::new();
        for f in &written {
            encode(f, &mut bytes);
        }
        let mut d = Decoder::new(&bytes);
        for f in &written {
            let back = d.next_ref().unwrap().unwrap().owned();
            assert!(same(f, &back), "{f:?} came back as {back:?}");
        }
        assert!(d.next_ref().is_none());
    }

    #[test]
    fn cut_or_changed_bytes_are_not_a_finding() {
        let mut bytes = Vec::new();
        encode(&finding(Vec::new(), None), &mut bytes);
        let cut = &bytes[..bytes.len() - 1];
        assert_eq!(Decoder::new(cut).next_ref().unwrap().err(), Some(()));
        bytes[0] = 9;
        assert_eq!(Decoder::new(&bytes).next_ref().unwrap().err(), Some(()));
    }
}
