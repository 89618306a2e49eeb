// lang/parser_targets.cpp — assignment and deletion targets (parser.hpp).
//
// Models the target rules of Grammar/python.gram (3.11) and their error wording
// (_PyPegen_get_expr_name, _PyPegen_get_invalid_target): a target is a Name, Attribute,
// Subscript, or a Tuple/List of targets with at most one Starred (Store only); anything else
// is "cannot assign to <what>" (or "cannot delete <what>") at the first offending node.
#include <functional>

#include "lang/parser.hpp"

namespace refscope::lang {

const char* Parser::expr_name(const Expr& e) {
    switch (e.kind) {
        case ExprKind::Attribute: return "attribute";
        case ExprKind::Subscript: return "subscript";
        case ExprKind::Starred: return "starred";
        case ExprKind::Name: return "name";
        case ExprKind::List: return "list";
        case ExprKind::Tuple: return "tuple";
        case ExprKind::Lambda: return "lambda";
        case ExprKind::Call: return "function call";
        case ExprKind::BoolOp: case ExprKind::BinOp: case ExprKind::UnaryOp: return "expression";
        case ExprKind::GeneratorExp: return "generator expression";
        case ExprKind::Yield: case ExprKind::YieldFrom: return "yield expression";
        case ExprKind::Await: return "await expression";
        case ExprKind::ListComp: return "list comprehension";
        case ExprKind::SetComp: return "set comprehension";
        case ExprKind::DictComp: return "dict comprehension";
        case ExprKind::Dict: return "dict literal";
        case ExprKind::Set: return "set display";
        case ExprKind::JoinedStr: case ExprKind::FormattedValue: return "f-string expression";
        case ExprKind::Constant:
            if (e.value.kind == Const::Kind::none) return "None";
            if (e.value.kind == Const::Kind::boolean) return e.value.boolean ? "True" : "False";
            if (e.value.kind == Const::Kind::ellipsis) return "ellipsis";
            return "literal";
        case ExprKind::Compare: return "comparison";
        case ExprKind::IfExp: return "conditional expression";
        case ExprKind::NamedExpr: return "named expression";
        case ExprKind::Slice: return "slice";
    }
    return "expression";
}

namespace {

// The first node of `e` that cannot be a target, or null.
const Expr* invalid_node(const Expr& e, Ctx ctx) {
    switch (e.kind) {
        case ExprKind::Name: case ExprKind::Attribute: case ExprKind::Subscript:
            return nullptr;
        case ExprKind::Starred:
            if (ctx == Ctx::Del) return &e;
            return invalid_node(*e.left, ctx);
        case ExprKind::Tuple: case ExprKind::List:
            for (const auto& x : e.elts)
                if (const Expr* bad = invalid_node(*x, ctx)) return bad;
            return nullptr;
        case ExprKind::Compare:
            // `for x in y` parsed as a comparison: CPython points at the left operand chain
            if (ctx == Ctx::Store && e.ops[0] == CmpOpKind::In) return invalid_node(*e.left, ctx);
            return &e;
        default:
            return &e;
    }
}

}  // namespace

void Parser::invalid_target(const ExprPtr& e, Ctx ctx, bool here_hint) {
    const Expr* bad = invalid_node(*e, ctx);
    if (!bad) bad = e.get();
    std::string what = expr_name(*bad);
    std::string msg = (ctx == Ctx::Del ? "cannot delete " : "cannot assign to ") + what;
    if (here_hint) msg += " here. Maybe you meant '==' instead of '='?";
    error_loc(msg, bad->loc, bad->loc);
}

void Parser::set_store(const ExprPtr& e, Ctx ctx) {
    if (invalid_node(*e, ctx)) invalid_target(e, ctx, false);
    if (ctx == Ctx::Store && e->kind == ExprKind::Starred)
        error_loc("starred assignment target must be in a list or tuple", e->loc, e->loc);
    std::function<void(const ExprPtr&)> mark = [&](const ExprPtr& x) {
        x->ctx = ctx;
        if (x->kind == ExprKind::Tuple || x->kind == ExprKind::List) {
            int starred = 0;
            for (const auto& y : x->elts) {
                if (y->kind == ExprKind::Starred) ++starred;
                mark(y);
            }
            if (starred > 1)
                error_loc("multiple starred expressions in assignment", x->loc, x->loc);
        } else if (x->kind == ExprKind::Starred) {
            mark(x->left);
        }
    };
    mark(e);
}

}  // namespace refscope::lang
