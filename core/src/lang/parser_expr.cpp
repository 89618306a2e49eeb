// lang/parser_expr.cpp — the expression half of the parser (parser.hpp).
//
// One function per rule of Grammar/python.gram's expression section (3.11), from
// star_expressions down to atom; precedence climbs through the call chain exactly as the
// grammar's rule chain does, so the trees (and their locations) are CPython's.
#include <cstdlib>
#include <cstring>

#include "lang/number_literal.hpp"
#include "lang/parser.hpp"
#include "lang/string_literal.hpp"

namespace refscope::lang {

namespace {

ExprPtr make_binop(const ExprPtr& l, BinOpKind op, const ExprPtr& r) {
    auto e = make_expr(ExprKind::BinOp, Loc{l->loc.line, l->loc.col, r->loc.end_line, r->loc.end_col});
    e->left = l;
    e->right = r;
    e->op = static_cast<std::uint8_t>(op);
    return e;
}

}  // namespace

bool Parser::starts_expression(const Token& t) const {
    switch (t.kind) {
        case TokenKind::Name:
            if (!is_keyword(t.text)) return true;
            return t.text == "None" || t.text == "True" || t.text == "False" ||
                   t.text == "not" || t.text == "lambda" || t.text == "await";
        case TokenKind::Number:
        case TokenKind::String:
            return true;
        case TokenKind::Op:
            return t.text == "(" || t.text == "[" || t.text == "{" || t.text == "-" ||
                   t.text == "+" || t.text == "~" || t.text == "...";
        default:
            return false;
    }
}

// invalid_expression (3.11): inside brackets, `a b` where both are expressions is reported
// as a forgotten comma, spanning from a to b.
void Parser::forgot_comma_check(const ExprPtr& element) {
    if (bracket_depth_ == 0 || !element) return;
    const Token& t = cur();
    if (!starts_expression(t)) return;
    if (t.kind == TokenKind::Name && (t.text == "not")) return;
    if (element->kind == ExprKind::Name && t.kind == TokenKind::String) return;  // NAME STRING
    if (element->kind == ExprKind::Name && (element->id == "print" || element->id == "exec"))
        return;
    switch (element->kind) {
        case ExprKind::IfExp: case ExprKind::Lambda: case ExprKind::Starred:
        case ExprKind::NamedExpr: case ExprKind::Yield: case ExprKind::YieldFrom:
        case ExprKind::GeneratorExp:
            return;
        default:
            break;
    }
    std::size_t save = pos_;
    ExprPtr b;
    try {
        b = expression();
    } catch (const GenericFailure&) {
        pos_ = save;
        return;
    }
    error_loc("invalid syntax. Perhaps you forgot a comma?", element->loc, b->loc);
}

ExprPtr Parser::star_expressions() {
    ExprPtr first = star_expression();
    if (!at_op(",")) return first;
    auto t = make_expr(ExprKind::Tuple, first->loc);
    t->elts.push_back(first);
    while (at_op(",")) {
        Loc comma = loc_of(cur());
        ++pos_;
        t->loc.end_line = comma.end_line;
        t->loc.end_col = comma.end_col;
        if (!starts_expression(cur()) && !at_op("*")) break;
        ExprPtr e = star_expression();
        t->elts.push_back(e);
        t->loc.end_line = e->loc.end_line;
        t->loc.end_col = e->loc.end_col;
    }
    return t;
}

ExprPtr Parser::star_expression() {
    if (at_op("*")) {
        Token star = take();
        ExprPtr v = bitwise_or();
        auto e = make_expr(ExprKind::Starred, span(loc_of(star), v->loc));
        e->left = v;
        return e;
    }
    return expression();
}

ExprPtr Parser::star_named_expression() {
    if (at_op("*")) {
        Token star = take();
        ExprPtr v = bitwise_or();
        auto e = make_expr(ExprKind::Starred, span(loc_of(star), v->loc));
        e->left = v;
        return e;
    }
    return named_expression();
}

ExprPtr Parser::named_expression() {
    if (cur().kind == TokenKind::Name && !is_keyword(cur().text) && next_tok().is_op(":=")) {
        Token name = take();
        ++pos_;
        ExprPtr value = expression();
        auto target = make_expr(ExprKind::Name, loc_of(name));
        target->id = name.text;
        target->ctx = Ctx::Store;
        auto e = make_expr(ExprKind::NamedExpr, span(target->loc, value->loc));
        e->left = target;
        e->right = value;
        return e;
    }
    ExprPtr e = expression();
    if (at_op(":=")) {
        error_loc(std::string("cannot use assignment expressions with ") + expr_name(*e), e->loc,
                  e->loc);
    }
    return e;
}

ExprPtr Parser::expression() {
    if (at_kw("lambda")) return lambdef();
    ExprPtr body = disjunction();
    if (!at_kw("if")) return body;
    std::size_t save = pos_;
    ++pos_;
    ExprPtr test = disjunction();
    if (!at_kw("else")) {
        if (cur().kind == TokenKind::Newline || at_op(")") || at_op("]") || at_op("}") ||
            at_op(",")) {
            error_loc("expected 'else' after 'if' expression", body->loc, test->loc);
        }
        (void)save;
        fail();
    }
    ++pos_;
    ExprPtr orelse = expression();
    auto e = make_expr(ExprKind::IfExp, span(body->loc, orelse->loc));
    e->left = test;
    e->right = body;
    e->third = orelse;
    return e;
}

ExprPtr Parser::lambdef() {
    Token kw = take();
    auto args = parameters(true, ":");
    expect_op(":");
    ExprPtr body = expression();
    auto e = make_expr(ExprKind::Lambda, span(loc_of(kw), body->loc));
    e->args = args;
    e->left = body;
    return e;
}

ExprPtr Parser::disjunction() {
    ExprPtr first = conjunction();
    if (!at_kw("or")) return first;
    auto e = make_expr(ExprKind::BoolOp, first->loc);
    e->op = static_cast<std::uint8_t>(BoolOpKind::Or);
    e->elts.push_back(first);
    while (at_kw("or")) {
        ++pos_;
        e->elts.push_back(conjunction());
    }
    e->loc = span(first->loc, e->elts.back()->loc);
    return e;
}

ExprPtr Parser::conjunction() {
    ExprPtr first = inversion();
    if (!at_kw("and")) return first;
    auto e = make_expr(ExprKind::BoolOp, first->loc);
    e->op = static_cast<std::uint8_t>(BoolOpKind::And);
    e->elts.push_back(first);
    while (at_kw("and")) {
        ++pos_;
        e->elts.push_back(inversion());
    }
    e->loc = span(first->loc, e->elts.back()->loc);
    return e;
}

ExprPtr Parser::inversion() {
    if (at_kw("not")) {
        Token kw = take();
        ExprPtr operand = inversion();
        auto e = make_expr(ExprKind::UnaryOp, span(loc_of(kw), operand->loc));
        e->op = static_cast<std::uint8_t>(UnaryOpKind::Not);
        e->left = operand;
        return e;
    }
    return comparison();
}

ExprPtr Parser::comparison() {
    ExprPtr first = bitwise_or();
    ExprPtr cmp;
    while (true) {
        CmpOpKind op;
        const Token& t = cur();
        if (t.is_op("<")) op = CmpOpKind::Lt;
        else if (t.is_op("<=")) op = CmpOpKind::LtE;
        else if (t.is_op("==")) op = CmpOpKind::Eq;
        else if (t.is_op("!=")) op = CmpOpKind::NotEq;
        else if (t.is_op(">")) op = CmpOpKind::Gt;
        else if (t.is_op(">=")) op = CmpOpKind::GtE;
        else if (t.is_name("in")) op = CmpOpKind::In;
        else if (t.is_name("not") && next_tok().is_name("in")) { op = CmpOpKind::NotIn; ++pos_; }
        else if (t.is_name("is")) {
            op = CmpOpKind::Is;
            if (next_tok().is_name("not")) { op = CmpOpKind::IsNot; ++pos_; }
        } else break;
        ++pos_;
        ExprPtr right = bitwise_or();
        if (!cmp) {
            cmp = make_expr(ExprKind::Compare, first->loc);
            cmp->left = first;
        }
        cmp->ops.push_back(op);
        cmp->elts.push_back(right);
        cmp->loc = span(first->loc, right->loc);
    }
    return cmp ? cmp : first;
}

ExprPtr Parser::bitwise_or() {
    ExprPtr e = bitwise_xor();
    while (at_op("|")) {
        ++pos_;
        e = make_binop(e, BinOpKind::BitOr, bitwise_xor());
    }
    return e;
}

ExprPtr Parser::bitwise_xor() {
    ExprPtr e = bitwise_and();
    while (at_op("^")) {
        ++pos_;
        e = make_binop(e, BinOpKind::BitXor, bitwise_and());
    }
    return e;
}

ExprPtr Parser::bitwise_and() {
    ExprPtr e = shift_expr();
    while (at_op("&")) {
        ++pos_;
        e = make_binop(e, BinOpKind::BitAnd, shift_expr());
    }
    return e;
}

ExprPtr Parser::shift_expr() {
    ExprPtr e = sum();
    while (at_op("<<") || at_op(">>")) {
        BinOpKind op = at_op("<<") ? BinOpKind::LShift : BinOpKind::RShift;
        ++pos_;
        e = make_binop(e, op, sum());
    }
    return e;
}

ExprPtr Parser::sum() {
    ExprPtr e = term();
    while (at_op("+") || at_op("-")) {
        BinOpKind op = at_op("+") ? BinOpKind::Add : BinOpKind::Sub;
        ++pos_;
        e = make_binop(e, op, term());
    }
    return e;
}

ExprPtr Parser::term() {
    ExprPtr e = factor();
    while (true) {
        BinOpKind op;
        if (at_op("*")) op = BinOpKind::Mult;
        else if (at_op("/")) op = BinOpKind::Div;
        else if (at_op("//")) op = BinOpKind::FloorDiv;
        else if (at_op("%")) op = BinOpKind::Mod;
        else if (at_op("@")) op = BinOpKind::MatMult;
        else break;
        ++pos_;
        e = make_binop(e, op, factor());
    }
    return e;
}

ExprPtr Parser::factor() {
    UnaryOpKind op;
    if (at_op("+")) op = UnaryOpKind::UAdd;
    else if (at_op("-")) op = UnaryOpKind::USub;
    else if (at_op("~")) op = UnaryOpKind::Invert;
    else return power();
    Token t = take();
    ExprPtr operand = factor();
    auto e = make_expr(ExprKind::UnaryOp, span(loc_of(t), operand->loc));
    e->op = static_cast<std::uint8_t>(op);
    e->left = operand;
    return e;
}

ExprPtr Parser::power() {
    if (at_kw("await")) unsupported("'await' expressions", cur().line);
    ExprPtr base = primary();
    if (!at_op("**")) return base;
    ++pos_;
    return make_binop(base, BinOpKind::Pow, factor());
}

ExprPtr Parser::primary() {
    ExprPtr e = atom();
    while (true) {
        if (at_op(".")) {
            ++pos_;
            Token name = cur();
            std::string attr = identifier();
            auto a = make_expr(ExprKind::Attribute, span(e->loc, loc_of(name)));
            a->left = e;
            a->id = attr;
            e = a;
        } else if (at_op("(")) {
            Loc open_loc = loc_of(cur());
            ++pos_;
            ++bracket_depth_;
            auto call = make_expr(ExprKind::Call, e->loc);
            call->left = e;
            call_arguments(*call);
            Token close = cur();
            expect_op(")");
            --bracket_depth_;
            call->loc = span(e->loc, loc_of(close));
            if (call->elts.size() == 1 && call->elts[0]->kind == ExprKind::GeneratorExp &&
                call->elts[0]->loc.line == 0)
                call->elts[0]->loc = span(open_loc, loc_of(close));
            e = call;
        } else if (at_op("[")) {
            ++pos_;
            ++bracket_depth_;
            auto sub = make_expr(ExprKind::Subscript, e->loc);
            sub->left = e;
            sub->right = slices();
            Token close = cur();
            expect_op("]");
            --bracket_depth_;
            sub->loc = span(e->loc, loc_of(close));
            e = sub;
        } else {
            return e;
        }
    }
}

void Parser::call_arguments(Expr& call) {
    bool seen_keyword = false, seen_kwunpack = false;
    while (!at_op(")")) {
        Token start = cur();
        if (at_op("*")) {
            ++pos_;
            ExprPtr v = expression();
            auto s = make_expr(ExprKind::Starred, span(loc_of(start), v->loc));
            s->left = v;
            if (seen_kwunpack)
                error_tok("iterable argument unpacking follows keyword argument unpacking", start);
            call.elts.push_back(s);
        } else if (at_op("**")) {
            ++pos_;
            ExprPtr v = expression();
            Keyword k;
            k.value = v;
            k.loc = span(loc_of(start), v->loc);
            call.keywords.push_back(k);
            seen_kwunpack = true;
        } else if (cur().kind == TokenKind::Name && !is_keyword(cur().text) &&
                   next_tok().is_op("=")) {
            Token name = take();
            ++pos_;
            ExprPtr v = expression();
            Keyword k;
            k.arg = name.text;
            k.value = v;
            k.loc = span(loc_of(name), v->loc);
            call.keywords.push_back(k);
            seen_keyword = true;
        } else {
            ExprPtr v = named_expression();
            if (at_kw("for") || at_kw("async")) {
                auto g = make_expr(ExprKind::GeneratorExp, v->loc);
                g->left = v;
                g->generators = for_if_clauses();
                // CPython: a sole generator argument spans the call's parentheses (set by
                // primary() once the closing one is known; line 0 marks it)
                g->loc = Loc{};
                call.elts.push_back(g);
                Loc whole = span(v->loc, loc_of(tokens_[pos_ - 1]));
                if (!call.elts.empty() && (call.elts.size() > 1 || !call.keywords.empty()))
                    error_loc("Generator expression must be parenthesized", whole, whole);
                if (at_op(",") && !next_tok().is_op(")"))
                    error_loc("Generator expression must be parenthesized", whole, whole);
                if (at_op(",")) ++pos_;
                continue;
            }
            if (at_op("=")) {
                error_loc("expression cannot contain assignment, perhaps you meant \"==\"?",
                          v->loc, v->loc);
            }
            // 3.11 points at the token after the offending argument
            if (seen_kwunpack)
                error_tok("positional argument follows keyword argument unpacking", cur());
            if (seen_keyword) error_tok("positional argument follows keyword argument", cur());
            call.elts.push_back(v);
            forgot_comma_check(v);
        }
        if (!at_op(",")) break;
        ++pos_;
    }
}

ExprPtr Parser::slices() {
    ExprPtr first = slice();
    if (!at_op(",")) return first;
    auto t = make_expr(ExprKind::Tuple, first->loc);
    t->elts.push_back(first);
    while (at_op(",")) {
        ++pos_;
        if (at_op("]")) break;
        t->elts.push_back(slice());
    }
    t->loc = span(first->loc, t->elts.back()->loc);
    return t;
}

ExprPtr Parser::slice() {
    Token start = cur();
    ExprPtr lower;
    if (at_op("*")) return star_named_expression();
    if (!at_op(":")) {
        lower = named_expression();
        if (!at_op(":")) {
            forgot_comma_check(lower);
            return lower;
        }
    }
    auto s = make_expr(ExprKind::Slice, loc_of(start));
    s->left = lower;
    Loc end = loc_of(cur());
    ++pos_;  // ':'
    if (!at_op(":") && !at_op("]") && !at_op(",")) {
        s->right = expression();
        end = s->right->loc;
    }
    if (at_op(":")) {
        end = loc_of(cur());
        ++pos_;
        if (!at_op("]") && !at_op(",")) {
            s->third = expression();
            end = s->third->loc;
        }
    }
    s->loc = span(loc_of(start), end);
    return s;
}

std::vector<Comprehension> Parser::for_if_clauses() {
    std::vector<Comprehension> out;
    while (at_kw("for") || at_kw("async")) {
        if (at_kw("async")) unsupported("asynchronous comprehensions", cur().line);
        ++pos_;
        Comprehension c;
        c.target = star_targets();
        set_store(c.target, Ctx::Store);
        expect_kw("in");
        c.iter = disjunction();
        while (at_kw("if")) {
            ++pos_;
            c.ifs.push_back(disjunction());
        }
        out.push_back(std::move(c));
    }
    return out;
}

ExprPtr Parser::star_targets() {
    auto one = [&]() -> ExprPtr {
        if (at_op("*")) {
            Token star = take();
            ExprPtr v = bitwise_or();
            auto e = make_expr(ExprKind::Starred, span(loc_of(star), v->loc));
            e->left = v;
            return e;
        }
        return bitwise_or();
    };
    ExprPtr first = one();
    if (!at_op(",")) return first;
    auto t = make_expr(ExprKind::Tuple, first->loc);
    t->elts.push_back(first);
    while (at_op(",")) {
        Loc comma = loc_of(cur());
        ++pos_;
        t->loc.end_line = comma.end_line;
        t->loc.end_col = comma.end_col;
        if (!starts_expression(cur()) && !at_op("*")) break;
        if (at_kw("not") || at_kw("lambda")) break;
        ExprPtr e = one();
        t->elts.push_back(e);
        t->loc.end_line = e->loc.end_line;
        t->loc.end_col = e->loc.end_col;
    }
    return t;
}

ExprPtr Parser::yield_expr() {
    Token kw = take();
    if (at_kw("from")) {
        ++pos_;
        ExprPtr v = expression();
        auto e = make_expr(ExprKind::YieldFrom, span(loc_of(kw), v->loc));
        e->left = v;
        return e;
    }
    auto e = make_expr(ExprKind::Yield, loc_of(kw));
    if (starts_expression(cur()) || at_op("*")) {
        e->left = star_expressions();
        e->loc = span(loc_of(kw), e->left->loc);
    }
    return e;
}

ExprPtr Parser::atom() {
    const Token& t = cur();
    switch (t.kind) {
        case TokenKind::Name: {
            if (t.text == "None" || t.text == "True" || t.text == "False") {
                auto e = make_expr(ExprKind::Constant, loc_of(t));
                if (t.text == "None") e->value.kind = Const::Kind::none;
                else {
                    e->value.kind = Const::Kind::boolean;
                    e->value.boolean = t.text == "True";
                }
                ++pos_;
                return e;
            }
            if (is_keyword(t.text)) fail();
            auto e = make_expr(ExprKind::Name, loc_of(t));
            e->id = t.text;
            ++pos_;
            return e;
        }
        case TokenKind::Number: {
            auto e = make_expr(ExprKind::Constant, loc_of(t));
            e->value = parse_number_literal(t.text);
            ++pos_;
            return e;
        }
        case TokenKind::String:
            return strings();
        case TokenKind::Op:
            if (t.text == "(") return paren_atom();
            if (t.text == "[") return list_atom();
            if (t.text == "{") return brace_atom();
            if (t.text == "...") {
                auto e = make_expr(ExprKind::Constant, loc_of(t));
                e->value.kind = Const::Kind::ellipsis;
                ++pos_;
                return e;
            }
            fail();
        default:
            fail();
    }
}

ExprPtr Parser::paren_atom() {
    Token open = take();
    ++bracket_depth_;
    if (at_op(")")) {
        Token close = take();
        --bracket_depth_;
        auto e = make_expr(ExprKind::Tuple, span(loc_of(open), loc_of(close)));
        return e;
    }
    if (at_kw("yield")) {
        ExprPtr y = yield_expr();
        expect_op(")");
        --bracket_depth_;
        return y;
    }
    ExprPtr first = star_named_expression();
    if (at_kw("for") || at_kw("async")) {
        auto g = make_expr(ExprKind::GeneratorExp, first->loc);
        g->left = first;
        g->generators = for_if_clauses();
        Token close = cur();
        expect_op(")");
        --bracket_depth_;
        g->loc = span(loc_of(open), loc_of(close));
        return g;
    }
    if (at_op(")")) {
        ++pos_;
        --bracket_depth_;
        if (first->kind == ExprKind::Starred) fail();
        return first;
    }
    if (!at_op(",")) {
        forgot_comma_check(first);
        fail();
    }
    auto t = make_expr(ExprKind::Tuple, loc_of(open));
    t->elts.push_back(first);
    while (at_op(",")) {
        ++pos_;
        if (at_op(")")) break;
        ExprPtr e = star_named_expression();
        t->elts.push_back(e);
        if (!at_op(",") && !at_op(")")) forgot_comma_check(e);
    }
    Token close = cur();
    expect_op(")");
    --bracket_depth_;
    t->loc = span(loc_of(open), loc_of(close));
    return t;
}

ExprPtr Parser::list_atom() {
    Token open = take();
    ++bracket_depth_;
    auto l = make_expr(ExprKind::List, loc_of(open));
    if (!at_op("]")) {
        ExprPtr first = star_named_expression();
        if (at_kw("for") || at_kw("async")) {
            auto c = make_expr(ExprKind::ListComp, loc_of(open));
            c->left = first;
            c->generators = for_if_clauses();
            Token close = cur();
            expect_op("]");
            --bracket_depth_;
            c->loc = span(loc_of(open), loc_of(close));
            return c;
        }
        l->elts.push_back(first);
        if (!at_op(",") && !at_op("]")) forgot_comma_check(first);
        while (at_op(",")) {
            ++pos_;
            if (at_op("]")) break;
            ExprPtr e = star_named_expression();
            l->elts.push_back(e);
            if (!at_op(",") && !at_op("]")) forgot_comma_check(e);
        }
    }
    Token close = cur();
    expect_op("]");
    --bracket_depth_;
    l->loc = span(loc_of(open), loc_of(close));
    return l;
}

ExprPtr Parser::brace_atom() {
    Token open = take();
    ++bracket_depth_;
    auto finish = [&](ExprPtr e) {
        Token close = cur();
        expect_op("}");
        --bracket_depth_;
        e->loc = span(loc_of(open), loc_of(close));
        return e;
    };
    if (at_op("}")) return finish(make_expr(ExprKind::Dict, loc_of(open)));
    // first element decides: dict (k: v or **m) or set
    if (at_op("**")) {
        auto d = make_expr(ExprKind::Dict, loc_of(open));
        while (true) {
            if (at_op("**")) {
                ++pos_;
                d->keys.push_back(nullptr);
                d->elts.push_back(bitwise_or());
            } else {
                d->keys.push_back(expression());
                expect_op(":");
                d->elts.push_back(expression());
            }
            if (!at_op(",")) break;
            ++pos_;
            if (at_op("}")) break;
        }
        return finish(d);
    }
    ExprPtr first = star_named_expression();
    if (at_op(":") && first->kind != ExprKind::Starred) {
        ++pos_;
        ExprPtr value = expression();
        if (at_kw("for") || at_kw("async")) {
            auto c = make_expr(ExprKind::DictComp, loc_of(open));
            c->left = first;
            c->right = value;
            c->generators = for_if_clauses();
            return finish(c);
        }
        auto d = make_expr(ExprKind::Dict, loc_of(open));
        d->keys.push_back(first);
        d->elts.push_back(value);
        if (!at_op(",") && !at_op("}")) forgot_comma_check(value);
        while (at_op(",")) {
            ++pos_;
            if (at_op("}")) break;
            if (at_op("**")) {
                ++pos_;
                d->keys.push_back(nullptr);
                d->elts.push_back(bitwise_or());
                continue;
            }
            d->keys.push_back(expression());
            expect_op(":");
            ExprPtr v = expression();
            d->elts.push_back(v);
            if (!at_op(",") && !at_op("}")) forgot_comma_check(v);
        }
        return finish(d);
    }
    if (at_kw("for") || at_kw("async")) {
        auto c = make_expr(ExprKind::SetComp, loc_of(open));
        c->left = first;
        c->generators = for_if_clauses();
        return finish(c);
    }
    auto s = make_expr(ExprKind::Set, loc_of(open));
    s->elts.push_back(first);
    if (!at_op(",") && !at_op("}")) forgot_comma_check(first);
    while (at_op(",")) {
        ++pos_;
        if (at_op("}")) break;
        ExprPtr e = star_named_expression();
        s->elts.push_back(e);
        if (!at_op(",") && !at_op("}")) forgot_comma_check(e);
    }
    return finish(s);
}

ExprPtr Parser::strings() {
    std::vector<Token> parts;
    while (cur().kind == TokenKind::String) parts.push_back(take());
    // CPython reports f-string errors at the token after the strings
    const Token& after = cur();
    return parse_string_tokens(*this, parts, after);
}

}  // namespace refscope::lang
