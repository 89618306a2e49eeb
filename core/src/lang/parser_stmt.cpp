// lang/parser_stmt.cpp — the statement half of the parser (parser.hpp).
//
// Models the statement rules of Grammar/python.gram (3.11) with their error rules: forced
// colons ("expected ':'"), blocks that must be indented ("expected an indented block after
// 'if' statement on line 1"), the legacy print statement, invalid assignment targets with
// the "Maybe you meant '=='" hint, and parameter lists.
#include "lang/parser.hpp"

namespace refscope::lang {

namespace {

bool ends_line_with_colon(const std::vector<Token>& toks, std::size_t i) {
    int depth = 0;
    const Token* last = nullptr;
    for (; i < toks.size(); ++i) {
        const Token& t = toks[i];
        if (t.kind == TokenKind::Newline || t.kind == TokenKind::EndMarker) break;
        if (t.is_op("(") || t.is_op("[") || t.is_op("{")) ++depth;
        if (t.is_op(")") || t.is_op("]") || t.is_op("}")) --depth;
        last = &t;
    }
    return last && last->is_op(":") && depth == 0;
}

}  // namespace

void Parser::statement(Body& out) {
    const Token& t = cur();
    if (t.kind == TokenKind::Indent) fail();
    if (t.kind == TokenKind::Name &&
        (t.text == "def" || t.text == "if" || t.text == "class" || t.text == "with" ||
         t.text == "for" || t.text == "try" || t.text == "while" || t.text == "async")) {
        out.push_back(compound_stmt());
        return;
    }
    if (t.is_op("@")) {
        out.push_back(compound_stmt());
        return;
    }
    if (t.is_name("match") && pos_ + 1 < tokens_.size() && starts_expression(tokens_[pos_ + 1]) &&
        !tokens_[pos_ + 1].is_op("(") && !tokens_[pos_ + 1].is_op("[") &&
        ends_line_with_colon(tokens_, pos_))
        unsupported("the 'match' statement", t.line);
    if (t.is_name("match") && pos_ + 1 < tokens_.size() &&
        (tokens_[pos_ + 1].is_op("(") || tokens_[pos_ + 1].is_op("[")) &&
        ends_line_with_colon(tokens_, pos_))
        unsupported("the 'match' statement", t.line);
    simple_stmts(out);
}

void Parser::simple_stmts(Body& out) {
    while (true) {
        out.push_back(simple_stmt());
        if (at_op(";")) {
            ++pos_;
            if (cur().kind == TokenKind::Newline) break;
            continue;
        }
        break;
    }
    if (cur().kind != TokenKind::Newline) fail();
    ++pos_;
}

void Parser::expect_colon(bool forced) {
    if (at_op(":")) {
        ++pos_;
        return;
    }
    if (forced || cur().kind == TokenKind::Newline) error_tok("expected ':'", cur());
    fail();
}

Body Parser::block(const char* what, std::uint32_t header_line) {
    Body body;
    if (cur().kind != TokenKind::Newline) {
        simple_stmts(body);
        return body;
    }
    Token newline = take();
    if (cur().kind != TokenKind::Indent) {
        std::string msg = std::string("expected an indented block after ") + what + " on line " +
                          std::to_string(header_line);
        std::size_t i = pos_;
        while (i < tokens_.size() && tokens_[i].kind == TokenKind::Dedent) ++i;
        if (i >= tokens_.size() || tokens_[i].kind == TokenKind::EndMarker) {
            SyntaxErrorInfo e;
            e.type = "IndentationError";
            e.message = msg;
            e.line = e.end_line = newline.line;
            std::string text = lexed_.lines[newline.line - 1];
            e.text = text + "\n";
            e.offset = char_column(text, newline.col) + 1;
            e.end_offset = -1;
            throw SyntaxErrorException{e};
        }
        error_tok(msg, tokens_[i], "IndentationError");
    }
    ++pos_;
    while (cur().kind != TokenKind::Dedent) statement(body);
    ++pos_;
    return body;
}

StmtPtr Parser::compound_stmt() {
    const Token& t = cur();
    if (t.is_op("@")) {
        std::vector<ExprPtr> decorators;
        Token first = cur();
        while (at_op("@")) {
            ++pos_;
            decorators.push_back(named_expression());
            if (cur().kind != TokenKind::Newline) fail();
            ++pos_;
        }
        if (at_kw("def")) return function_def(decorators, first);
        if (at_kw("class")) return class_def(decorators, first);
        if (at_kw("async")) unsupported("async functions", cur().line);
        fail();
    }
    if (t.text == "def") return function_def({}, t);
    if (t.text == "class") return class_def({}, t);
    if (t.text == "if") return if_stmt(false);
    if (t.text == "while") return while_stmt();
    if (t.text == "for") return for_stmt();
    if (t.text == "try") return try_stmt();
    if (t.text == "with") return with_stmt();
    // async
    const Token& n = next_tok();
    if (n.is_name("def")) unsupported("async functions", t.line);
    if (n.is_name("for")) unsupported("'async for' loops", t.line);
    if (n.is_name("with")) unsupported("'async with' statements", t.line);
    fail();
}

// A test expression of if/elif/while, with invalid_named_expression's messages for `=`.
static ExprPtr test_expression(Parser& p) {
    ExprPtr test = p.named_expression();
    if (p.at_op("=")) {
        std::size_t save = p.pos_;
        ++p.pos_;
        ExprPtr rhs;
        try {
            rhs = p.bitwise_or();
        } catch (const Parser::GenericFailure&) {
            p.pos_ = save;
            p.fail();
        }
        if (!p.at_op("=") && !p.at_op(":=")) {
            if (test->kind == ExprKind::Name)
                p.error_loc("invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                            test->loc, rhs->loc);
            bool excluded = test->kind == ExprKind::List || test->kind == ExprKind::Tuple ||
                            test->kind == ExprKind::GeneratorExp ||
                            (test->kind == ExprKind::Constant &&
                             (test->value.kind == Const::Kind::none ||
                              test->value.kind == Const::Kind::boolean));
            if (!excluded)
                p.error_loc(std::string("cannot assign to ") + Parser::expr_name(*test) +
                                " here. Maybe you meant '==' instead of '='?",
                            test->loc, test->loc);
        }
        p.pos_ = save;
        p.fail();
    }
    return test;
}

StmtPtr Parser::if_stmt(bool elif) {
    Token kw = take();
    auto s = make_stmt(StmtKind::If, loc_of(kw));
    s->test = test_expression(*this);
    expect_colon(false);
    s->body = block(elif ? "'elif' statement" : "'if' statement", kw.line);
    if (at_kw("elif")) {
        s->orelse.push_back(if_stmt(true));
    } else if (at_kw("else")) {
        Token e = take();
        expect_colon(true);
        s->orelse = block("'else' statement", e.line);
    }
    return s;
}

StmtPtr Parser::while_stmt() {
    Token kw = take();
    auto s = make_stmt(StmtKind::While, loc_of(kw));
    s->test = test_expression(*this);
    expect_colon(false);
    s->body = block("'while' statement", kw.line);
    if (at_kw("else")) {
        Token e = take();
        expect_colon(true);
        s->orelse = block("'else' statement", e.line);
    }
    return s;
}

StmtPtr Parser::for_stmt() {
    Token kw = take();
    auto s = make_stmt(StmtKind::For, loc_of(kw));
    s->target = star_targets();
    if (!at_kw("in")) {
        if (s->target->kind == ExprKind::Compare) set_store(s->target, Ctx::Store);
        fail();
    }
    set_store(s->target, Ctx::Store);
    ++pos_;
    s->iter = star_expressions();
    expect_colon(true);
    s->body = block("'for' statement", kw.line);
    if (at_kw("else")) {
        Token e = take();
        expect_colon(true);
        s->orelse = block("'else' statement", e.line);
    }
    return s;
}

StmtPtr Parser::try_stmt() {
    Token kw = take();
    auto s = make_stmt(StmtKind::Try, loc_of(kw));
    expect_colon(true);
    s->body = block("'try' statement", kw.line);
    while (at_kw("except")) {
        Token ex = take();
        if (at_op("*")) unsupported("'except*' clauses", ex.line);
        ExceptHandler h;
        h.loc = loc_of(ex);
        if (!at_op(":")) {
            if (cur().kind == TokenKind::Newline) error_tok("expected ':'", cur());
            h.type = expression();
            if (at_op(",")) {
                // except A, B:  (3.11: "multiple exception types must be parenthesized")
                error_loc("multiple exception types must be parenthesized", h.type->loc,
                          h.type->loc);
            }
            if (at_kw("as")) {
                ++pos_;
                h.name = identifier();
            }
        }
        expect_colon(false);
        h.body = block("'except' statement", ex.line);
        s->handlers.push_back(std::move(h));
    }
    if (at_kw("else")) {
        if (s->handlers.empty()) fail();
        Token e = take();
        expect_colon(true);
        s->orelse = block("'else' statement", e.line);
    }
    if (at_kw("finally")) {
        Token f = take();
        expect_colon(true);
        s->finalbody = block("'finally' statement", f.line);
    }
    if (s->handlers.empty() && s->finalbody.empty())
        error_tok("expected 'except' or 'finally' block", cur());
    return s;
}

// with_item's target: one star_target (a tuple only when parenthesized)
ExprPtr Parser::with_target() {
    if (at_op("*")) {
        Token star = take();
        ExprPtr v = bitwise_or();
        auto e = make_expr(ExprKind::Starred, span(loc_of(star), v->loc));
        e->left = v;
        return e;
    }
    return bitwise_or();
}

StmtPtr Parser::with_stmt() {
    Token kw = take();
    auto s = make_stmt(StmtKind::With, loc_of(kw));
    bool parens = false;
    if (at_op("(")) {
        // `with (a, b):` is a tuple context manager unless the items have `as`; 3.11 accepts
        // parenthesized items; try that form first.
        std::size_t save = pos_;
        try {
            ++pos_;
            ++bracket_depth_;
            std::vector<WithItem> items;
            while (true) {
                WithItem item;
                item.context_expr = expression();
                if (at_kw("as")) {
                    ++pos_;
                    item.optional_vars = with_target();
                    set_store(item.optional_vars, Ctx::Store);
                }
                items.push_back(item);
                if (!at_op(",")) break;
                ++pos_;
                if (at_op(")")) break;
            }
            expect_op(")");
            --bracket_depth_;
            if (!at_op(":")) throw GenericFailure{};
            s->items = items;
            parens = true;
        } catch (const GenericFailure&) {
            pos_ = save;
            bracket_depth_ = 0;
        }
    }
    if (!parens) {
        while (true) {
            WithItem item;
            item.context_expr = expression();
            if (at_kw("as")) {
                ++pos_;
                item.optional_vars = with_target();
                set_store(item.optional_vars, Ctx::Store);
            }
            s->items.push_back(item);
            if (!at_op(",")) break;
            ++pos_;
        }
    }
    expect_colon(false);
    s->body = block("'with' statement", kw.line);
    return s;
}

std::shared_ptr<Arguments> Parser::parameters(bool lambda, const char* closer) {
    auto a = std::make_shared<Arguments>();
    bool seen_default = false, seen_star = false, seen_slash = false;
    Token star_tok;
    bool bare_star = false;
    auto param = [&]() {
        Arg arg;
        Token name = cur();
        arg.name = identifier();
        arg.loc = loc_of(name);
        if (!lambda && at_op(":")) {
            ++pos_;
            arg.annotation = expression();
            arg.loc = span(arg.loc, arg.annotation->loc);
        }
        return arg;
    };
    while (!at_op(closer)) {
        if (at_op("/")) {
            Token slash = take();
            if (seen_slash) error_tok("/ may appear only once", slash);
            if (seen_star) error_tok("/ must be ahead of *", slash);
            if (a->args.empty()) error_tok("at least one argument must precede /", slash);
            seen_slash = true;
            a->posonlyargs = std::move(a->args);
            a->args.clear();
        } else if (at_op("*")) {
            star_tok = take();
            if (seen_star) error_tok("* argument may appear only once", star_tok);
            seen_star = true;
            if (at_op(",") || at_op(closer)) {
                bare_star = true;
            } else {
                a->vararg = std::make_shared<Arg>(param());
                if (at_op("=")) error_tok("var-positional argument cannot have default value", cur());
            }
        } else if (at_op("**")) {
            Token st = take();
            if (bare_star && a->kwonlyargs.empty())
                error_tok("named arguments must follow bare *", star_tok);
            a->kwarg = std::make_shared<Arg>(param());
            if (at_op("=")) error_tok("var-keyword argument cannot have default value", cur());
            if (at_op(",")) ++pos_;
            if (!at_op(closer)) {
                if (cur().kind == TokenKind::Name)
                    error_tok("arguments cannot follow var-keyword argument", cur());
                fail();
            }
            (void)st;
            break;
        } else {
            Arg arg = param();
            ExprPtr def;
            if (at_op("=")) {
                ++pos_;
                def = expression();
            }
            if (seen_star) {
                a->kwonlyargs.push_back(arg);
                a->kw_defaults.push_back(def);
            } else {
                if (def) {
                    seen_default = true;
                    a->defaults.push_back(def);
                } else if (seen_default) {
                    error_loc("non-default argument follows default argument", arg.loc, arg.loc);
                }
                a->args.push_back(arg);
            }
        }
        if (!at_op(",")) break;
        ++pos_;
    }
    if (bare_star && a->kwonlyargs.empty()) error_tok("named arguments must follow bare *", star_tok);
    return a;
}

StmtPtr Parser::function_def(std::vector<ExprPtr> decorators, const Token& first) {
    Token kw = take();
    auto s = make_stmt(StmtKind::FunctionDef, loc_of(kw));
    (void)first;
    s->decorators = std::move(decorators);
    s->name = identifier();
    if (!at_op("(")) error_tok("expected '('", cur());
    ++pos_;
    ++bracket_depth_;
    s->args = parameters(false, ")");
    expect_op(")");
    --bracket_depth_;
    if (at_op("->")) {
        ++pos_;
        s->returns = expression();
    }
    expect_colon(true);
    s->body = block("function definition", kw.line);
    return s;
}

StmtPtr Parser::class_def(std::vector<ExprPtr> decorators, const Token& first) {
    Token kw = take();
    auto s = make_stmt(StmtKind::ClassDef, loc_of(kw));
    (void)first;
    s->decorators = std::move(decorators);
    s->name = identifier();
    if (at_op("(")) {
        ++pos_;
        ++bracket_depth_;
        Expr call;
        call_arguments(call);
        expect_op(")");
        --bracket_depth_;
        s->bases = call.elts;
        s->keywords = call.keywords;
    }
    expect_colon(false);
    s->body = block("class definition", kw.line);
    return s;
}

StmtPtr Parser::import_stmt() {
    Token kw = take();
    auto s = make_stmt(StmtKind::Import, loc_of(kw));
    while (true) {
        Alias a;
        Token start = cur();
        a.name = identifier();
        Loc end = loc_of(start);
        while (at_op(".")) {
            ++pos_;
            end = loc_of(cur());
            a.name += "." + identifier();
        }
        if (at_kw("as")) {
            ++pos_;
            end = loc_of(cur());
            a.asname = identifier();
        }
        a.loc = span(loc_of(start), end);
        s->names.push_back(a);
        if (!at_op(",")) break;
        ++pos_;
    }
    s->loc = span(s->loc, s->names.back().loc);
    return s;
}

StmtPtr Parser::from_import_stmt() {
    Token kw = take();
    auto s = make_stmt(StmtKind::ImportFrom, loc_of(kw));
    while (at_op(".") || at_op("...")) {
        s->level += at_op(".") ? 1 : 3;
        ++pos_;
    }
    if (!at_kw("import")) {
        s->name = identifier();
        while (at_op(".")) {
            ++pos_;
            s->name += "." + identifier();
        }
    }
    expect_kw("import");
    if (at_op("*")) {
        Token star = take();
        Alias a;
        a.name = "*";
        a.loc = loc_of(star);
        s->names.push_back(a);
        s->loc = span(s->loc, a.loc);
        return s;
    }
    bool parens = at_op("(");
    if (parens) {
        ++pos_;
        ++bracket_depth_;
    }
    while (true) {
        Alias a;
        Token start = cur();
        a.name = identifier();
        Loc end = loc_of(start);
        if (at_kw("as")) {
            ++pos_;
            end = loc_of(cur());
            a.asname = identifier();
        }
        a.loc = span(loc_of(start), end);
        s->names.push_back(a);
        if (!at_op(",")) break;
        ++pos_;
        if (parens && at_op(")")) break;
        if (!parens && cur().kind == TokenKind::Newline)
            error_tok("trailing comma not allowed without surrounding parentheses", tokens_[pos_ - 1]);
    }
    if (parens) {
        Token close = cur();
        expect_op(")");
        --bracket_depth_;
        s->loc = span(s->loc, loc_of(close));
    } else {
        s->loc = span(s->loc, s->names.back().loc);
    }
    return s;
}

StmtPtr Parser::simple_stmt() {
    const Token& t = cur();
    Loc l = loc_of(t);
    if (t.kind == TokenKind::Name) {
        const std::string& w = t.text;
        if (w == "pass" || w == "break" || w == "continue") {
            ++pos_;
            return make_stmt(w == "pass" ? StmtKind::Pass : w == "break" ? StmtKind::Break
                                                                         : StmtKind::Continue,
                             l);
        }
        if (w == "return") {
            ++pos_;
            auto s = make_stmt(StmtKind::Return, l);
            if (starts_expression(cur()) || at_op("*")) {
                s->value = star_expressions();
                s->loc = span(l, s->value->loc);
            }
            return s;
        }
        if (w == "raise") {
            ++pos_;
            auto s = make_stmt(StmtKind::Raise, l);
            if (starts_expression(cur())) {
                s->value = expression();
                s->loc = span(l, s->value->loc);
                if (at_kw("from")) {
                    ++pos_;
                    s->cause = expression();
                    s->loc = span(l, s->cause->loc);
                }
            }
            return s;
        }
        if (w == "global" || w == "nonlocal") {
            ++pos_;
            auto s = make_stmt(w == "global" ? StmtKind::Global : StmtKind::Nonlocal, l);
            while (true) {
                Loc nl = loc_of(cur());
                s->idents.push_back(identifier());
                s->loc = span(l, nl);
                if (!at_op(",")) break;
                ++pos_;
            }
            return s;
        }
        if (w == "del") {
            ++pos_;
            auto s = make_stmt(StmtKind::Delete, l);
            while (true) {
                ExprPtr target = bitwise_or();
                s->targets.push_back(target);
                s->loc = span(l, target->loc);
                if (!at_op(",")) break;
                ++pos_;
                if (at_op(";") || cur().kind == TokenKind::Newline) break;
            }
            if (!at_op(";") && cur().kind != TokenKind::Newline) fail();
            for (auto& target : s->targets) set_store(target, Ctx::Del);
            return s;
        }
        if (w == "assert") {
            ++pos_;
            auto s = make_stmt(StmtKind::Assert, l);
            s->test = expression();
            s->loc = span(l, s->test->loc);
            if (at_op(",")) {
                ++pos_;
                s->msg = expression();
                s->loc = span(l, s->msg->loc);
            }
            return s;
        }
        if (w == "import") return import_stmt();
        if (w == "from") return from_import_stmt();
        if (w == "async" || w == "await") {
            if (w == "await") unsupported("'await' expressions", t.line);
        }
    }
    return expression_stmt();
}

StmtPtr Parser::expression_stmt() {
    Token start_tok = cur();
    ExprPtr first;
    if (at_kw("yield")) first = yield_expr();
    else first = star_expressions();
    // the legacy print statement
    if (first->kind == ExprKind::Name && (first->id == "print" || first->id == "exec") &&
        starts_expression(cur()) && !at_op("(")) {
        ExprPtr rest = star_expressions();
        error_loc("Missing parentheses in call to '" + first->id + "'. Did you mean " + first->id +
                      "(...)?",
                  first->loc, rest->loc);
    }
    if (at_op(":")) {
        // annotated assignment
        Token colon = take();
        (void)colon;
        if (first->kind == ExprKind::Tuple || first->kind == ExprKind::List) {
            bool parenthesized = !(first->elts.size() && first->elts[0]->loc.col == first->loc.col &&
                                   first->elts[0]->loc.line == first->loc.line);
            if (!parenthesized || first->kind == ExprKind::List)
                error_loc(std::string("only single target (not ") + expr_name(*first) +
                              ") can be annotated",
                          first->loc, first->loc);
            error_loc(std::string("only single target (not ") + expr_name(*first) +
                          ") can be annotated",
                      first->loc, first->loc);
        }
        if (first->kind != ExprKind::Name && first->kind != ExprKind::Attribute &&
            first->kind != ExprKind::Subscript)
            error_loc("illegal target for annotation", first->loc, first->loc);
        auto s = make_stmt(StmtKind::AnnAssign, loc_of(start_tok));
        s->target = first;
        set_store(first, Ctx::Store);
        s->simple = first->kind == ExprKind::Name && !start_tok.is_op("(");
        s->annotation = expression();
        s->loc = span(s->loc, s->annotation->loc);
        if (at_op("=")) {
            ++pos_;
            s->value = at_kw("yield") ? yield_expr() : star_expressions();
            s->loc = span(s->loc, s->value->loc);
        }
        return s;
    }
    static const char* const aug_ops[] = {"+=", "&=", "//=", "<<=", "@=", "*=", "%=", "|=",
                                          "**=", ">>=", "-=", "/=", "^=", nullptr};
    for (int i = 0; aug_ops[i]; ++i) {
        if (!at_op(aug_ops[i])) continue;
        if (first->kind != ExprKind::Name && first->kind != ExprKind::Attribute &&
            first->kind != ExprKind::Subscript)
            error_loc(std::string("'") + expr_name(*first) +
                          "' is an illegal expression for augmented assignment",
                      first->loc, first->loc);
        ++pos_;
        auto s = make_stmt(StmtKind::AugAssign, first->loc);
        s->target = first;
        first->ctx = Ctx::Store;
        s->op = static_cast<std::uint8_t>(i);
        s->value = at_kw("yield") ? yield_expr() : star_expressions();
        s->loc = span(s->loc, s->value->loc);
        return s;
    }
    if (!at_op("=")) {
        if (at_op(":=")) {
            error_loc(std::string("cannot use assignment expressions with ") + expr_name(*first),
                      first->loc, first->loc);
        }
        auto s = make_stmt(StmtKind::Expr, first->loc);
        s->value = first;
        return s;
    }
    // assignment: targets = ... = value
    std::vector<ExprPtr> chain{first};
    while (at_op("=")) {
        ++pos_;
        ExprPtr v = at_kw("yield") ? yield_expr() : star_expressions();
        chain.push_back(v);
    }
    // invalid_named_expression on the first target: `a = b` with a single '='
    {
        ExprPtr cand = first;
        bool unparenthesized_tuple = first->kind == ExprKind::Tuple && !first->elts.empty() &&
                                     first->elts[0]->loc.line == first->loc.line &&
                                     first->elts[0]->loc.col == first->loc.col;
        if (unparenthesized_tuple) cand = first->elts.back();
        // only a bitwise_or-level target gets the hint (invalid_named_expression)
        bool excluded = cand->kind == ExprKind::List || cand->kind == ExprKind::Tuple ||
                        cand->kind == ExprKind::GeneratorExp || cand->kind == ExprKind::Lambda ||
                        cand->kind == ExprKind::IfExp || cand->kind == ExprKind::Compare ||
                        cand->kind == ExprKind::BoolOp || cand->kind == ExprKind::NamedExpr ||
                        (cand->kind == ExprKind::UnaryOp &&
                         cand->op == static_cast<std::uint8_t>(UnaryOpKind::Not)) ||
                        (cand->kind == ExprKind::Constant &&
                         (cand->value.kind == Const::Kind::none ||
                          cand->value.kind == Const::Kind::boolean));
        const ExprPtr& rhs = chain[1];
        bool rhs_ok = rhs->kind != ExprKind::Yield && rhs->kind != ExprKind::YieldFrom &&
                      rhs->kind != ExprKind::Starred &&
                      !(rhs->kind == ExprKind::Tuple && !rhs->elts.empty() &&
                        rhs->elts[0]->kind == ExprKind::Starred &&
                        rhs->elts[0]->loc.col == rhs->loc.col);
        if (chain.size() == 2 && !excluded && rhs_ok && cand->kind != ExprKind::Name &&
            cand->kind != ExprKind::Attribute && cand->kind != ExprKind::Subscript &&
            cand->kind != ExprKind::Starred)
            error_loc(std::string("cannot assign to ") + expr_name(*cand) +
                          " here. Maybe you meant '==' instead of '='?",
                      cand->loc, cand->loc);
    }
    auto s = make_stmt(StmtKind::Assign, first->loc);
    for (std::size_t i = 0; i + 1 < chain.size(); ++i) {
        if (chain[i]->kind == ExprKind::Yield || chain[i]->kind == ExprKind::YieldFrom)
            error_loc("assignment to yield expression not possible", chain[i]->loc, chain[i]->loc);
        set_store(chain[i], Ctx::Store);
        s->targets.push_back(chain[i]);
    }
    s->value = chain.back();
    s->loc = span(first->loc, s->value->loc);
    return s;
}

}  // namespace refscope::lang
