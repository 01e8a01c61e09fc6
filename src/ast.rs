//! The syntax tree of rule files, as lowered from the grammar.

use crate::source::Span;
use chrono::NaiveDate;
use educe::Educe;
use rust_decimal::Decimal;

/// A name as written, with where it was written.
#[derive(Debug, Clone, Educe)]
#[educe(PartialEq, Eq, Hash)]
pub struct Name {
    pub text: String,
    #[educe(PartialEq(ignore), Hash(ignore))]
    pub span: Span,
}

/// One parsed `.dk` file.
#[derive(Debug, Clone, PartialEq)]
pub struct Module {
    pub items: Vec<Item>,
}

// Items are built once per declaration and moved into the symbol table: boxing buys nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    Actor(Actor),
    Program(Program),
    Function(Function),
    Record(Record),
    Document(Document),
    Norm(Norm),
    Test(Test),
}

/// A normative item: it may stand in an article (sourced) or at top level (unsourced).
#[derive(Debug, Clone, PartialEq)]
pub enum Norm {
    Pair(Pair),
    Duty(Duty),
    Rule(Rule),
    Evaluation(Evaluation),
}

macro_rules! keyword_enum {
    ($(#[$doc:meta])* $name:ident { $($variant:ident = $text:literal $(| $alt:literal)*),* $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant,)* }

        // Not every enum of the macro uses each of these.
        #[allow(dead_code)]
        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text,)* }
            }

            /// The value written in English or in Chinese.
            pub fn parse(s: &str) -> Option<Self> {
                match s { $($text $(| $alt)* => Some($name::$variant),)* _ => None }
            }

            /// The English names, for lists in help texts.
            pub fn names() -> impl Iterator<Item = &'static str> {
                Self::ALL.iter().map(|v| v.as_str())
            }

            /// Every accepted spelling, English and Chinese, for suggestions.
            pub fn spellings() -> &'static [&'static str] {
                &[$($text, $($alt,)*)*]
            }
        }
    };
}

keyword_enum! {
    /// What kind of body an actor is.
    ActorKind {
        Government = "government" | "政府", Department = "department" | "部门",
        Office = "office" | "办事机构" | "机构", Enterprise = "enterprise" | "企业",
        Organization = "organization" | "组织" | "社会组织", ThirdParty = "third_party" | "第三方",
        Party = "party" | "党的机关" | "党委", Legislature = "legislature" | "人大" | "人大常委会",
        Agency = "agency" | "派出机关",
    }
}

keyword_enum! {
    /// Administrative level.
    Level {
        Central = "central" | "中央", Province = "province" | "省级" | "省",
        Prefecture = "prefecture" | "地级" | "地市级", County = "county" | "县级" | "县",
        Township = "township" | "乡级" | "乡镇",
    }
}

keyword_enum! {
    /// A document's place in the hierarchy of norms, highest first.
    DocLevel {
        Constitution = "constitution" | "宪法", Law = "law" | "法律",
        AdministrativeRegulation = "administrative_regulation" | "行政法规",
        LocalRegulation = "local_regulation" | "地方性法规",
        AutonomousRegulation = "autonomous_regulation" | "自治条例",
        SeparateRegulation = "separate_regulation" | "单行条例",
        SezRegulation = "sez_regulation" | "经济特区法规",
        DepartmentRule = "department_rule" | "部门规章",
        LocalRule = "local_rule" | "地方政府规章", PartyRegulation = "party_regulation" | "党内法规",
        NormativeDocument = "normative_document" | "规范性文件",
        Agreement = "agreement" | "协议书" | "协议", Minutes = "minutes" | "会议纪要" | "纪要",
    }
}

impl DocLevel {
    /// Whether a document of this level gives legal (not only political) basis.
    pub fn is_legal(self) -> bool {
        self <= DocLevel::LocalRule
    }
}

keyword_enum! {
    /// Whether a function is held per program or per pair.
    FunctionScope { Program = "program", Pair = "pair" }
}

keyword_enum! {
    /// Which side must hold a function.
    Side {
        Central = "central" | "中央", Supporter = "supporter" | "支援方",
        Recipient = "recipient" | "受援方", Both = "both" | "双方",
    }
}

keyword_enum! {
    /// How bad a rule's failure is.
    RuleSeverity { Error = "error" | "错误", Warning = "warning" | "警告", Info = "info" | "提示" }
}

keyword_enum! {
    /// What an indicator measures.
    IndicatorKind { Social = "social" | "社会", Economic = "economic" | "经济" }
}

keyword_enum! {
    /// The unit money is written in.
    MoneyUnit { Yuan = "元", TenThousand = "万元", HundredMillion = "亿元" }
}

impl MoneyUnit {
    /// How many 元 one unit is.
    pub fn factor(self) -> Decimal {
        match self {
            MoneyUnit::Yuan => Decimal::ONE,
            MoneyUnit::TenThousand => Decimal::from(10_000),
            MoneyUnit::HundredMillion => Decimal::from(100_000_000),
        }
    }
}

#[derive(Debug, Clone, Educe)]
#[educe(PartialEq)]
pub struct Actor {
    pub name: Name,
    pub kind: Option<ActorKind>,
    pub level: Option<Level>,
    pub title: Option<String>,
    pub region: Option<Name>,
    pub of: Option<Name>,
    pub until: Option<NaiveDate>,
    pub aliases: Vec<String>,
    /// An autonomous area's organ (自治区, 自治州, 自治县): it may make autonomous and separate
    /// regulations.
    pub autonomous: bool,
    #[educe(PartialEq(ignore))]
    pub span: Span,
}

#[derive(Debug, Clone, Educe)]
#[educe(PartialEq)]
pub struct Program {
    pub name: Name,
    pub title: Option<String>,
    pub since: Option<i32>,
    pub until: Option<i32>,
    #[educe(PartialEq(ignore))]
    pub span: Span,
}

#[derive(Debug, Clone, Educe)]
#[educe(PartialEq)]
pub struct Function {
    pub name: Name,
    pub title: Option<String>,
    pub scope: Option<FunctionScope>,
    pub side: Option<Side>,
    pub holder: Option<ActorKind>,
    #[educe(PartialEq(ignore))]
    pub span: Span,
}

/// A type, the one enum of the language: of a record field as declared (`money(万元)`), of an
/// expression as the checker infers it, and of a value as it prints (`71.3%`, `1,250.00万元`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Type {
    Bool,
    Int,
    Decimal,
    Percent,
    Money(MoneyUnit),
    Text,
    Date,
    Year,
    Actor,
    Program,
    /// An expression's type only: an actor kind (`government`).
    ActorKind,
    /// An expression's type only: an administrative level (`province`).
    Level,
    /// An expression's type only: a list of values.
    List,
    /// A type name that is not one of these (already reported), or an expression's type after
    /// an error; it accepts anything, so one mistake gives one error.
    Unknown,
}

impl Type {
    /// The names a field's type may be written with.
    pub const NAMES: &'static [&'static str] = &[
        "bool", "int", "decimal", "percent", "money", "text", "date", "year", "actor", "program",
    ];

    /// The checker's class of every number: integers, decimals and percents mix freely.
    pub const NUMBER: Type = Type::Decimal;

    /// The checker's class of every amount of money, whatever its unit.
    pub const MONEY: Type = Type::Money(MoneyUnit::Yuan);

    /// The class the checker reasons with: [`Type::NUMBER`] for every number and
    /// [`Type::MONEY`] for every amount; other types are their own class.
    pub fn class(self) -> Type {
        match self {
            Type::Int | Type::Decimal | Type::Percent => Type::NUMBER,
            Type::Money(_) => Type::MONEY,
            other => other,
        }
    }

    /// The type as a field declares it: `int`, `money`, `money(万元)`; an expression's own
    /// types by their names (`actorkind`, `level`, `list`, `unknown`).
    pub fn written(self) -> String {
        let name = match self {
            Type::Bool => "bool",
            Type::Int => "int",
            Type::Decimal => "decimal",
            Type::Percent => "percent",
            Type::Money(MoneyUnit::Yuan) => "money",
            Type::Money(unit) => return format!("money({})", unit.as_str()),
            Type::Text => "text",
            Type::Date => "date",
            Type::Year => "year",
            Type::Actor => "actor",
            Type::Program => "program",
            Type::ActorKind => "actorkind",
            Type::Level => "level",
            Type::List => "list",
            Type::Unknown => "unknown",
        };
        name.to_string()
    }

    /// The type in words, as messages name it: `a number`, `money`, `an actor`.
    pub fn describe(self) -> String {
        match self {
            Type::Bool => crate::tr!("types-condition-true-false"),
            Type::Int | Type::Decimal | Type::Percent => crate::tr!("words-a-number"),
            Type::Money(_) => crate::tr!("words-money"),
            Type::Text => crate::tr!("words-text"),
            Type::Date => crate::tr!("words-a-date"),
            Type::Year => crate::tr!("words-a-year"),
            Type::Actor => crate::tr!("words-an-actor"),
            Type::Program => crate::tr!("words-a-program"),
            Type::ActorKind => crate::tr!("types-actor-kind"),
            Type::Level => crate::tr!("words-a-level"),
            Type::List => crate::tr!("words-a-list"),
            Type::Unknown => crate::tr!("words-unknown"),
        }
    }
}

#[derive(Debug, Clone, Educe)]
#[educe(PartialEq)]
pub struct Field {
    pub name: Name,
    pub ty: Type,
    pub optional: bool,
    pub key: bool,
    pub time: bool,
    /// The column headers the field is read from besides its name (`from "项目编号"`).
    pub labels: Vec<String>,
    #[educe(PartialEq(ignore))]
    pub span: Span,
}

#[derive(Debug, Clone, Educe)]
#[educe(PartialEq)]
pub struct Record {
    pub name: Name,
    pub fields: Vec<Field>,
    #[educe(PartialEq(ignore))]
    pub span: Span,
}

#[derive(Debug, Clone, Educe)]
#[educe(PartialEq)]
pub struct Document {
    pub name: Name,
    pub title: Option<String>,
    pub level: Option<DocLevel>,
    /// The issuing organ; several for a joint document (it ranks as its highest issuer).
    pub issuer: Vec<Name>,
    /// The territory the document binds (default: the issuer's).
    pub region: Option<Name>,
    pub effective: Option<NaiveDate>,
    #[educe(PartialEq(method(crate::source::same_spanned)))]
    pub expires: Option<(NaiveDate, Span)>,
    pub replaces: Vec<Name>,
    /// The organ whose approval it needed (a 设区的市's regulation, a 单行条例).
    pub approved_by: Option<Name>,
    /// The higher documents it lawfully varies (autonomous, separate and SEZ regulations).
    pub varies: Vec<Name>,
    /// Made specifically for autonomous areas: no variation may change it (立法法 art 85 ¶2).
    pub for_autonomous_areas: bool,
    pub articles: Vec<Article>,
    #[educe(PartialEq(ignore))]
    pub span: Span,
}

#[derive(Debug, Clone, Educe)]
#[educe(PartialEq)]
pub struct Article {
    /// As written: `12`, `12.1`, `12-1`.
    pub number: String,
    pub text: Option<String>,
    pub items: Vec<Norm>,
    /// Made specifically for autonomous areas: no variation may change it (立法法 art 85 ¶2).
    pub for_autonomous_areas: bool,
    #[educe(PartialEq(ignore))]
    pub span: Span,
}

#[derive(Debug, Clone, Educe)]
#[educe(PartialEq)]
pub struct Pair {
    pub supporter: Name,
    pub recipient: Name,
    pub program: Name,
    #[educe(PartialEq(method(crate::source::same_spanned)))]
    pub from: Option<(i32, Span)>,
    #[educe(PartialEq(method(crate::source::same_spanned)))]
    pub to: Option<(i32, Span)>,
    pub scope: Vec<String>,
    pub goal: Option<String>,
    pub tasks: Vec<String>,
    pub mode: Option<String>,
    pub responsible: Option<Name>,
    #[educe(PartialEq(ignore))]
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Lead,
    Support,
}

#[derive(Debug, Clone, PartialEq)]
pub enum DutyTarget {
    Program(Name),
    Pair {
        supporter: Name,
        recipient: Name,
        program: Option<Name>,
    },
}

#[derive(Debug, Clone, Educe)]
#[educe(PartialEq)]
pub struct Duty {
    pub actor: Name,
    pub function: Name,
    pub target: DutyTarget,
    /// The first year it is held (`from YEAR`), when it starts later than its basis.
    pub from: Option<i32>,
    /// The last year it is held (`until YEAR`), when it ends before its basis.
    pub until: Option<i32>,
    pub role: Role,
    #[educe(PartialEq(ignore))]
    pub span: Span,
}

impl Duty {
    /// The years the duty names, as written in English: ` from 2016`, ` until 2015`,
    /// ` from 2012 until 2020`, or nothing.
    pub fn years_text(&self) -> String {
        let from = self.from.map(|y| format!(" from {y}")).unwrap_or_default();
        let until = self
            .until
            .map(|y| format!(" until {y}"))
            .unwrap_or_default();
        format!("{from}{until}")
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RuleKind {
    Require,
    Forbid,
    Permit,
}

impl RuleKind {
    /// The keyword a rule of this kind is written with: `require`, `forbid`, `permit`.
    pub fn keyword(self) -> &'static str {
        match self {
            RuleKind::Require => "require",
            RuleKind::Forbid => "forbid",
            RuleKind::Permit => "permit",
        }
    }
}

/// `over R [where C]`.
#[derive(Debug, Clone, PartialEq)]
pub struct Over {
    pub record: Name,
    pub filter: Option<Expr>,
}

#[derive(Debug, Clone, Educe)]
#[educe(PartialEq)]
pub struct Rule {
    pub name: Name,
    pub title: Option<String>,
    pub over: Option<Over>,
    /// The group keys; a period key stands here by its field's name.
    pub per: Vec<Name>,
    /// `period(year, 2011..2015, …)` in `per`: the time key grouped into plan periods.
    pub periods: Option<Box<Periods>>,
    pub kind: RuleKind,
    pub condition: Option<Expr>,
    pub unless: Option<Expr>,
    pub severity: RuleSeverity,
    #[educe(PartialEq(method(crate::source::same_spanned)))]
    pub message: Option<(String, Span)>,
    #[educe(PartialEq(ignore))]
    pub span: Span,
}

#[derive(Debug, Clone, Educe)]
#[educe(PartialEq)]
pub struct Indicator {
    pub name: Name,
    pub kind: Option<IndicatorKind>,
    #[educe(PartialEq(method(crate::source::same_spanned)))]
    pub weight: Option<(Decimal, Span)>,
    pub target: Option<(Cmp, Expr)>,
    pub value: Option<Expr>,
    #[educe(PartialEq(ignore))]
    pub span: Span,
}

#[derive(Debug, Clone, Educe)]
#[educe(PartialEq)]
pub struct Evaluation {
    pub name: Name,
    pub title: Option<String>,
    pub over: Option<Over>,
    pub per: Vec<Name>,
    pub evaluators: Vec<(Name, Decimal)>,
    #[educe(PartialEq(ignore))]
    pub evaluators_span: Option<Span>,
    pub indicators: Vec<Indicator>,
    pub grades: Vec<(Name, Decimal)>,
    /// `rank within year`: the group keys whose values each get their own ranking (empty: one
    /// ranking over every group).
    pub rank_within: Vec<Name>,
    #[educe(PartialEq(ignore))]
    pub span: Span,
}

#[derive(Debug, Clone, Educe)]
#[educe(PartialEq)]
pub struct Test {
    pub name: String,
    pub data: Vec<TestData>,
    pub expects: Vec<Expect>,
    #[educe(PartialEq(ignore))]
    pub span: Span,
}

/// `key: value` in a data row or a group selector.
#[derive(Debug, Clone, PartialEq)]
pub struct Binding {
    pub key: Name,
    pub value: Expr,
}

#[derive(Debug, Clone, Educe)]
#[educe(PartialEq)]
pub struct TestData {
    pub record: Name,
    #[educe(PartialEq(method(crate::source::same_rows)))]
    pub rows: Vec<(Vec<Binding>, Span)>,
}

#[derive(Debug, Clone, Educe)]
#[educe(PartialEq)]
pub enum Expect {
    Violation {
        negated: bool,
        rule: Name,
        group: Vec<Binding>,
    },
    Score {
        evaluation: Name,
        group: Vec<Binding>,
        cmp: Cmp,
        value: Expr,
    },
    Gap {
        negated: bool,
        code: Name,
    },
    Conflict {
        negated: bool,
        code: Name,
        /// The provisions (rules, or the actors of duties and pairs) the conflict must involve.
        involving: Vec<Name>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Cmp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

impl Cmp {
    pub fn as_str(self) -> &'static str {
        match self {
            Cmp::Eq => "==",
            Cmp::Ne => "!=",
            Cmp::Lt => "<",
            Cmp::Le => "<=",
            Cmp::Gt => ">",
            Cmp::Ge => ">=",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BinOp {
    Or,
    And,
    Cmp(Cmp),
    In,
    Within,
    Add,
    Sub,
    Mul,
    Div,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UnOp {
    Neg,
    Not,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Literal {
    /// An integer or decimal number as written.
    Number(Decimal),
    /// `74%` is 0.74.
    Percent(Decimal),
    /// Exactly in 元.
    Money(Decimal),
    Date(NaiveDate),
    Text(String),
    Bool(bool),
}

#[derive(Debug, Clone, Educe)]
#[educe(PartialEq)]
pub struct Expr {
    pub kind: ExprKind,
    #[educe(PartialEq(ignore))]
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ExprKind {
    Literal(Literal),
    /// A field, an actor, a program or an enumerated value; which one is decided by resolution.
    Name(Name),
    List(Vec<Expr>),
    Member(Box<Expr>, Name),
    Unary(UnOp, Box<Expr>),
    Binary(BinOp, Box<Expr>, Box<Expr>),
    If(Box<Expr>, Box<Expr>, Box<Expr>),
    Call {
        function: Name,
        args: Vec<Expr>,
        filter: Option<Box<Expr>>,
        /// `at year - 1` / `上年`: the aggregate over an earlier period.
        at: Option<Box<Offset>>,
        /// `cumulative sum(x)` / `累计 sum(x)`: over the plan period up to the year checked.
        cumulative: bool,
    },
}

/// Plan periods of a rule's time key: `period(year, 2011..2015, 2016..2020)`.
#[derive(Debug, Clone, Educe)]
#[educe(PartialEq)]
pub struct Periods {
    /// The time key, also in the rule's `per` at the same place.
    pub key: Name,
    /// First and last year of each period, as written.
    #[educe(PartialEq(method(crate::source::same_rows)))]
    pub spans: Vec<((i32, i32), Span)>,
    #[educe(PartialEq(ignore))]
    pub span: Span,
}

impl Rule {
    /// The `per` keys as written in canonical form: a name, or `period(year, 2011..2015, …)`.
    pub fn per_texts(&self) -> Vec<String> {
        self.per
            .iter()
            .map(|k| match &self.periods {
                Some(p) if p.key.text == k.text => p.text(),
                _ => k.text.clone(),
            })
            .collect()
    }
}

impl Periods {
    /// `period(year, 2011..2015, 2016..2020)`.
    pub fn text(&self) -> String {
        let spans: Vec<String> = self
            .spans
            .iter()
            .map(|((a, b), _)| format!("{a}..{b}"))
            .collect();
        format!("period({}, {})", self.key.text, spans.join(", "))
    }

    /// The first and last year of each period.
    pub fn ranges(&self) -> Vec<(i32, i32)> {
        self.spans.iter().map(|(r, _)| *r).collect()
    }
}

/// An earlier period of a group's time key: `at year - 1`, or `上年` (`key` is then `None`:
/// the rule's time key).
#[derive(Debug, Clone, Educe)]
#[educe(PartialEq)]
pub struct Offset {
    pub key: Option<Name>,
    /// Periods back, at least 1.
    pub back: u32,
    #[educe(PartialEq(ignore))]
    pub span: Span,
}

impl Expr {
    /// Takes the expression apart (an `Expr` cannot be destructured: it implements `Drop`).
    pub fn into_kind(mut self) -> ExprKind {
        std::mem::replace(&mut self.kind, ExprKind::Literal(Literal::Bool(false)))
    }
}

/// Dropping a long chain (`a + b + c + …`) would recurse once per operator; the tree is
/// taken apart with an explicit stack instead.
impl Drop for Expr {
    fn drop(&mut self) {
        let leaf = || ExprKind::Literal(Literal::Bool(false));
        let mut stack = vec![std::mem::replace(&mut self.kind, leaf())];
        let take = |e: &mut Expr, stack: &mut Vec<ExprKind>| {
            stack.push(std::mem::replace(&mut e.kind, leaf()))
        };
        while let Some(kind) = stack.pop() {
            match kind {
                ExprKind::Literal(_) | ExprKind::Name(_) => {}
                ExprKind::List(mut xs) => xs.iter_mut().for_each(|x| take(x, &mut stack)),
                ExprKind::Member(mut x, _) | ExprKind::Unary(_, mut x) => take(&mut x, &mut stack),
                ExprKind::Binary(_, mut l, mut r) => {
                    take(&mut l, &mut stack);
                    take(&mut r, &mut stack);
                }
                ExprKind::If(mut c, mut t, mut f) => {
                    take(&mut c, &mut stack);
                    take(&mut t, &mut stack);
                    take(&mut f, &mut stack);
                }
                ExprKind::Call {
                    mut args, filter, ..
                } => {
                    args.iter_mut().for_each(|x| take(x, &mut stack));
                    if let Some(mut f) = filter {
                        take(&mut f, &mut stack);
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Module;
    use crate::source::{FileId, Span};

    fn parse(text: &str) -> Module {
        crate::syntax::parse_file(FileId(0), text, &mut Vec::new()).expect("parses")
    }

    #[test]
    fn a_duty_keeps_its_years_in_both_dialects() {
        let head = "actor a { kind: government, level: province }\nfunction f { scope: program, side: central }\nprogram p { since: 2010 }\n";
        let duty = |m: &Module| match m.items.last() {
            Some(super::Item::Norm(super::Norm::Duty(d))) => d.clone(),
            other => panic!("not a duty: {other:?}"),
        };
        let en = parse(&format!(
            "{head}duty a holds f for program p from 2012 until 2015 as lead"
        ));
        let zh = parse(&format!(
            "{head}职责 a 承担 f 针对 支援类型 p 自 2012 至 2015 作为 牵头"
        ));
        assert_eq!(duty(&en), duty(&zh));
        assert_eq!((duty(&en).from, duty(&en).until), (Some(2012), Some(2015)));
        assert_eq!(duty(&en).years_text(), " from 2012 until 2015");
        let open = parse(&format!("{head}duty a holds f for program p to 2015"));
        assert_eq!(duty(&open).years_text(), " until 2015");
    }

    #[test]
    fn layout_is_left_out_of_equality_field_by_field() {
        let one = parse("record p { a: int }\nrule r { over p require a >= 1 message \"m\" }\n");
        let other = parse(
            "record p {\n  a: int\n}\n\nrule r {\n  over p\n  require a>=1\n  message \"m\"\n}\n",
        );
        assert_eq!(one, other);
        let changed =
            parse("record p { a: int }\nrule r { over p require a >= 2 message \"m\" }\n");
        assert_ne!(one, changed);
        let message =
            parse("record p { a: int }\nrule r { over p require a >= 1 message \"n\" }\n");
        assert_ne!(one, message, "a spanned value still counts");
    }

    #[test]
    fn spans_are_equal_only_when_they_are_the_same_range() {
        assert_eq!(Span::new(FileId(0), 1, 4), Span::new(FileId(0), 1, 4));
        assert_ne!(Span::new(FileId(0), 1, 4), Span::new(FileId(0), 2, 4));
        assert_ne!(Span::new(FileId(0), 1, 4), Span::new(FileId(1), 1, 4));
    }
}
