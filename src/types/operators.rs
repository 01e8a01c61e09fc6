//! The types of binary operators' operands and results: logic, comparisons, `in`, `within`
//! and arithmetic.

use super::{Scope, comparable, orderable};
use crate::ast::{self, BinOp, Expr, ExprKind, Type};
use crate::diagnostic::Diagnostic;

impl Scope<'_> {
    /// The type of `l op r` (the expression `e`), with its operands checked.
    pub(super) fn binary(
        &mut self,
        e: &Expr,
        op: BinOp,
        l: &Expr,
        r: &Expr,
        diags: &mut Vec<Diagnostic>,
    ) -> Type {
        match op {
            BinOp::And | BinOp::Or => {
                self.check_bool(l, diags);
                self.check_bool(r, diags);
                Type::Bool
            }
            BinOp::Cmp(cmp) => self.comparison(e, cmp, l, r, diags),
            BinOp::In => self.membership(l, r, diags),
            BinOp::Within => self.within(l, r, diags),
            BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::Div => {
                self.arithmetic(e, op, l, r, diags)
            }
        }
    }

    /// `l == r`, `l < r`, …: operands of types that can be compared (or ordered).
    fn comparison(
        &mut self,
        e: &Expr,
        cmp: ast::Cmp,
        l: &Expr,
        r: &Expr,
        diags: &mut Vec<Diagnostic>,
    ) -> Type {
        let lt = self.ty(l, diags);
        let rt = self.enum_operand(lt, r, diags);
        let ok = if matches!(cmp, ast::Cmp::Eq | ast::Cmp::Ne) {
            comparable(lt, rt)
        } else {
            orderable(lt, rt)
        };
        if !ok {
            let help = match (lt, rt) {
                (Type::MONEY, Type::NUMBER) | (Type::NUMBER, Type::MONEY) => {
                    Some(crate::tr!("types-write-amount-with-unit-e"))
                }
                _ if comparable(lt, rt) => Some(format!(
                    "{} can only be compared with `==` or `!=`",
                    lt.describe()
                )),
                _ => None,
            };
            return self.mismatch(
                e,
                crate::tr!(
                    "types-cannot-compare-lt-with-rt",
                    lt = lt.describe(),
                    rt = rt.describe()
                ),
                help,
                diags,
            );
        }
        Type::Bool
    }

    /// `l in [a, b]`: a list whose items compare with `l`.
    fn membership(&mut self, l: &Expr, r: &Expr, diags: &mut Vec<Diagnostic>) -> Type {
        let lt = self.ty(l, diags);
        match &r.kind {
            ExprKind::List(items) => {
                for item in items {
                    let it = self.enum_operand(lt, item, diags);
                    if !comparable(lt, it) {
                        self.mismatch(
                            item,
                            format!(
                                "{} in a list compared with {}",
                                it.describe(),
                                lt.describe()
                            ),
                            None,
                            diags,
                        );
                    }
                }
            }
            _ => {
                let rt = self.ty(r, diags);
                if rt != Type::Unknown {
                    self.mismatch(
                        r,
                        crate::tr!("types-needs-list-like-b-found", rt = rt.describe()),
                        None,
                        diags,
                    );
                }
            }
        }
        Type::Bool
    }

    /// `a within b`: two actors.
    fn within(&mut self, l: &Expr, r: &Expr, diags: &mut Vec<Diagnostic>) -> Type {
        for side in [l, r] {
            let t = self.ty(side, diags);
            if !matches!(t, Type::Actor | Type::Unknown) {
                self.mismatch(
                    side,
                    crate::tr!("types-within-relates-actors-found-t", t = t.describe()),
                    None,
                    diags,
                );
            }
        }
        Type::Bool
    }

    /// `+ - * /`: numbers, money with money or a number, years with numbers.
    fn arithmetic(
        &mut self,
        e: &Expr,
        op: BinOp,
        l: &Expr,
        r: &Expr,
        diags: &mut Vec<Diagnostic>,
    ) -> Type {
        let (lt, rt) = (self.ty(l, diags), self.ty(r, diags));
        if lt == Type::Unknown || rt == Type::Unknown {
            return Type::Unknown;
        }
        let result = match (op, lt, rt) {
            (_, Type::NUMBER, Type::NUMBER) => Some(Type::NUMBER),
            (BinOp::Add | BinOp::Sub, Type::MONEY, Type::MONEY) => Some(Type::MONEY),
            (BinOp::Add | BinOp::Sub, Type::Year, Type::NUMBER) => Some(Type::Year),
            (BinOp::Sub, Type::Year, Type::Year) => Some(Type::NUMBER),
            (BinOp::Mul, Type::MONEY, Type::NUMBER) | (BinOp::Mul, Type::NUMBER, Type::MONEY) => {
                Some(Type::MONEY)
            }
            (BinOp::Div, Type::MONEY, Type::NUMBER) => Some(Type::MONEY),
            (BinOp::Div, Type::MONEY, Type::MONEY) => Some(Type::NUMBER),
            _ => None,
        };
        result.unwrap_or_else(|| {
            let verb = match op {
                BinOp::Add => "add",
                BinOp::Sub => "subtract",
                BinOp::Mul => "multiply",
                _ => "divide",
            };
            let help = match (lt, rt) {
                (Type::MONEY, Type::NUMBER) | (Type::NUMBER, Type::MONEY) => {
                    Some(crate::tr!("types-money-adds-to-money"))
                }
                _ => None,
            };
            self.mismatch(
                e,
                crate::tr!(
                    "types-cannot-verb-lt-rt",
                    verb = verb,
                    lt = lt.describe(),
                    rt = rt.describe()
                ),
                help,
                diags,
            )
        })
    }
}
