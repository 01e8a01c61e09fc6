//! Typed ids: a name of the rule set resolved once to the place of its declaration in the
//! compiled plan, so later stages index instead of searching by name and an id of one kind
//! cannot stand for another.

/// A rule of the compiled plan: its index in `Plan::rules`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RuleId(pub u32);

/// A declared actor: its index in the rule set's actors, as values of type `actor` hold it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ActorId(pub u32);

/// A record type: its index in `Plan::records` (the rule set's records, in declaration order).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RecordId(pub u32);

/// A field of one record type: its position among the record's fields, as rows hold values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FieldId(pub u16);

/// An evaluation of the compiled plan: its index in `Plan::evaluations`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EvaluationId(pub u32);

/// A declared document: its index in the rule set's documents (`Symbols::documents`, in
/// declaration order).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DocumentId(pub u32);

impl RuleId {
    /// The index in `Plan::rules`.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

impl RecordId {
    /// The index in `Plan::records`.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

impl FieldId {
    /// The position among the record's fields.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

impl EvaluationId {
    /// The index in `Plan::evaluations`.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

impl DocumentId {
    /// The index in `Symbols::documents`.
    pub fn index(self) -> usize {
        self.0 as usize
    }
}
