//! The executable form of an expression: names resolved to field slots, constants interned.

use crate::ast::Cmp;
use crate::ast::Type;
use crate::data::value::Value;
use crate::source::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arith {
    Add,
    Sub,
    Mul,
    Div,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Prop {
    Kind,
    Level,
    Region,
    Of,
    ActorTitle,
    ProgramTitle,
    Since,
    Until,
}

/// A compiled expression. Evaluated by [`super::eval`]. Two nodes are equal when they compute
/// the same thing: where they were written does not count.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    Const(Value),
    /// A field of the current row, by index in its record.
    Field(u16),
    /// A group key of the current group, by position in `per`.
    Key(u16),
    /// The value of the rule's aggregate number `n`.
    Agg(u16),
    Not(Box<Node>),
    Neg(Box<Node>),
    And(Box<Node>, Box<Node>),
    Or(Box<Node>, Box<Node>),
    Cmp(Box<Compare>),
    In(Box<Node>, Vec<Node>),
    Within(Box<Node>, Box<Node>),
    Arith(Box<Arithmetic>),
    If(Box<(Node, Node, Node)>),
    Prop(Prop, Box<Node>),
    /// `paired(s, r[, p])`.
    Paired(Box<(Node, Node, Option<Node>)>),
}

/// A comparison, with what explains it.
#[derive(Debug, Clone)]
pub struct Compare {
    pub op: Cmp,
    pub left: Node,
    pub right: Node,
    /// How the left side prints (`{value}`).
    pub shape: Type,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct Arithmetic {
    pub op: Arith,
    pub left: Node,
    pub right: Node,
    /// The expression as written, for "division by zero in `…`".
    pub text: Box<str>,
}

impl PartialEq for Compare {
    fn eq(&self, other: &Self) -> bool {
        self.op == other.op && self.left == other.left && self.right == other.right
    }
}

impl PartialEq for Arithmetic {
    fn eq(&self, other: &Self) -> bool {
        self.op == other.op && self.left == other.left && self.right == other.right
    }
}

/// A compiled expression with its source, for explanations.
#[derive(Debug, Clone)]
pub struct Expr {
    pub node: Node,
    pub shape: Type,
    pub span: Span,
}
