//! The canonical text of an expression: the same in either dialect and whatever the spacing, so
//! that two documents' conditions on the same measure are recognised as the same.

use crate::ast::{BinOp, Cmp, Expr, ExprKind, Literal, UnOp};

/// `sum(planned where livelihood) / sum(planned)`.
pub fn canon(e: &Expr) -> String {
    let mut s = String::new();
    write(e, &mut s);
    s
}

/// How tightly an expression binds; parentheses are written only around looser children.
fn precedence(e: &Expr) -> u8 {
    match &e.kind {
        ExprKind::Binary(BinOp::Or, ..) => 1,
        ExprKind::Binary(BinOp::And, ..) => 2,
        ExprKind::Unary(UnOp::Not, _) => 3,
        ExprKind::Binary(BinOp::Cmp(_) | BinOp::In | BinOp::Within, ..) => 4,
        ExprKind::Binary(BinOp::Add | BinOp::Sub, ..) => 5,
        ExprKind::Binary(BinOp::Mul | BinOp::Div, ..) => 6,
        ExprKind::If(..) => 0,
        // `sum(x) at year - 1` is bracketed inside arithmetic, as it must be written.
        ExprKind::Call { at: Some(_), .. } => 4,
        _ => 8,
    }
}

fn child(e: &Expr, parent: u8, right: bool, out: &mut String) {
    let p = precedence(e);
    // Left-associative: a right child of equal precedence needs parentheses.
    if p < parent || (right && p == parent && parent >= 4) {
        out.push('(');
        write(e, out);
        out.push(')');
    } else {
        write(e, out);
    }
}

fn op(o: BinOp) -> &'static str {
    match o {
        BinOp::Or => " or ",
        BinOp::And => " and ",
        BinOp::Cmp(c) => match c {
            Cmp::Eq => " == ",
            Cmp::Ne => " != ",
            Cmp::Lt => " < ",
            Cmp::Le => " <= ",
            Cmp::Gt => " > ",
            Cmp::Ge => " >= ",
        },
        BinOp::In => " in ",
        BinOp::Within => " within ",
        BinOp::Add => " + ",
        BinOp::Sub => " - ",
        BinOp::Mul => " * ",
        BinOp::Div => " / ",
    }
}

fn literal(l: &Literal, out: &mut String) {
    match l {
        Literal::Number(d) => out.push_str(&d.normalize().to_string()),
        Literal::Percent(d) => {
            // Moving the decimal point cannot overflow as multiplying by 100 can.
            out.push_str(&crate::exact::percent_text(*d));
            out.push('%');
        }
        Literal::Money(d) => {
            out.push_str(&d.normalize().to_string());
            out.push('元');
        }
        Literal::Date(d) => out.push_str(&d.to_string()),
        Literal::Text(t) => {
            out.push('"');
            out.push_str(t);
            out.push('"');
        }
        Literal::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
    }
}

fn write(e: &Expr, out: &mut String) {
    match &e.kind {
        ExprKind::Literal(l) => literal(l, out),
        ExprKind::Name(n) => out.push_str(&n.text),
        ExprKind::List(xs) => {
            out.push('[');
            for (i, x) in xs.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write(x, out);
            }
            out.push(']');
        }
        ExprKind::Member(b, p) => {
            write(b, out);
            out.push('.');
            out.push_str(&p.text);
        }
        ExprKind::Unary(UnOp::Not, x) => {
            out.push_str("not ");
            child(x, 4, false, out);
        }
        ExprKind::Unary(UnOp::Neg, x) => {
            out.push('-');
            child(x, 7, false, out);
        }
        ExprKind::Binary(o, l, r) => {
            let p = precedence(e);
            child(l, p, false, out);
            out.push_str(op(*o));
            child(r, p, true, out);
        }
        ExprKind::If(c, t, f) => {
            out.push_str("if ");
            write(c, out);
            out.push_str(" then ");
            write(t, out);
            out.push_str(" else ");
            write(f, out);
        }
        ExprKind::Call {
            function,
            args,
            filter,
            at,
            cumulative,
        } => {
            if *cumulative {
                out.push_str("cumulative ");
            }
            out.push_str(&function.text);
            out.push('(');
            for (i, x) in args.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write(x, out);
            }
            if let Some(w) = filter {
                if !args.is_empty() {
                    out.push(' ');
                }
                out.push_str("where ");
                write(w, out);
            }
            out.push(')');
            // Only the time key can be offset, so the count of periods back is the measure;
            // `上年` is written as the usual key name.
            if let Some(o) = at {
                let key = o.key.as_ref().map_or("year", |k| k.text.as_str());
                out.push_str(&format!(" at {key} - {}", o.back));
            }
        }
    }
}
