// lang/compiler_stmt.cpp — statements (compiler.hpp). Models compiler_visit_stmt and its
// helpers in Python/compile.c (3.11): module/class bodies with docstrings and
// SETUP_ANNOTATIONS, if/while/for (the while test duplicated at the bottom of the loop),
// return/break/continue with frame-block unwinding, assert, imports, augmented and annotated
// assignment.
#include "lang/compiler.hpp"

namespace refscope::lang {

namespace {

bool is_docstring(const Body& b) {
    return !b.empty() && b[0]->kind == StmtKind::Expr && b[0]->value->kind == ExprKind::Constant &&
           b[0]->value->value.kind == Const::Kind::str;
}

bool find_ann(const Body& stmts) {
    for (const auto& s : stmts) {
        switch (s->kind) {
            case StmtKind::AnnAssign:
                return true;
            case StmtKind::For: case StmtKind::While: case StmtKind::If:
                if (find_ann(s->body) || find_ann(s->orelse)) return true;
                break;
            case StmtKind::With:
                if (find_ann(s->body)) return true;
                break;
            case StmtKind::Try:
                for (const auto& h : s->handlers)
                    if (find_ann(h.body)) return true;
                if (find_ann(s->body) || find_ann(s->finalbody) || find_ann(s->orelse)) return true;
                break;
            default:
                break;
        }
    }
    return false;
}

Const int_const(std::int64_t v) {
    Const c;
    c.kind = Const::Kind::integer;
    c.integer = v;
    return c;
}

Const str_const(const std::string& s) {
    Const c;
    c.kind = Const::Kind::str;
    c.text = s;
    return c;
}

}  // namespace

void Compiler::module_body(const Body& stmts, bool is_module) {
    if (is_module && !stmts.empty()) set_loc(stmts[0]->loc);
    if (find_ann(stmts)) addop(op(Op::SETUP_ANNOTATIONS));
    if (stmts.empty()) return;
    std::size_t i = 0;
    if (is_docstring(stmts)) {
        i = 1;
        set_loc(stmts[0]->loc);
        expr(*stmts[0]->value);
        unset_loc();
        nameop("__doc__", Ctx::Store);
    }
    for (; i < stmts.size(); ++i) stmt(*stmts[i]);
}

void Compiler::body(const Body& stmts) {
    for (const auto& s : stmts) stmt(*s);
}

void Compiler::stmt_expr(const Expr& value) {
    if (value.kind == ExprKind::Constant) {
        addop(op(Op::NOP));
        return;
    }
    expr(value);
    unset_loc();
    addop(op(Op::POP_TOP));
}

void Compiler::stmt(const Stmt& s) {
    set_loc(s.loc);
    switch (s.kind) {
        case StmtKind::FunctionDef: function_def(s); return;
        case StmtKind::ClassDef: class_def(s); return;
        case StmtKind::Return: return_stmt(s); return;
        case StmtKind::Delete:
            for (const auto& t : s.targets) expr(*t);
            return;
        case StmtKind::Assign:
            expr(*s.value);
            for (std::size_t i = 0; i < s.targets.size(); ++i) {
                if (i + 1 < s.targets.size()) addop(op(Op::COPY), 1);
                expr(*s.targets[i]);
            }
            return;
        case StmtKind::AugAssign: augassign(s); return;
        case StmtKind::AnnAssign: annassign(s); return;
        case StmtKind::For: for_stmt(s); return;
        case StmtKind::While: while_stmt(s); return;
        case StmtKind::If: if_stmt(s); return;
        case StmtKind::Raise: {
            int n = 0;
            if (s.value) {
                expr(*s.value);
                ++n;
                if (s.cause) {
                    expr(*s.cause);
                    ++n;
                }
            }
            addop(op(Op::RAISE_VARARGS), n);
            return;
        }
        case StmtKind::Try: try_stmt(s); return;
        case StmtKind::Assert: assert_stmt(s); return;
        case StmtKind::Import: import_stmt(s); return;
        case StmtKind::ImportFrom: from_import_stmt(s); return;
        case StmtKind::Global: case StmtKind::Nonlocal: return;
        case StmtKind::Expr: stmt_expr(*s.value); return;
        case StmtKind::Pass: addop(op(Op::NOP)); return;
        case StmtKind::Break: break_stmt(s); return;
        case StmtKind::Continue: continue_stmt(s); return;
        case StmtKind::With: with_stmt(s, 0); return;
        case StmtKind::AsyncFunctionDef: unsupported("async functions", s.loc.line);
        case StmtKind::AsyncFor: unsupported("'async for' loops", s.loc.line);
        case StmtKind::AsyncWith: unsupported("'async with' statements", s.loc.line);
        case StmtKind::Match: unsupported("the 'match' statement", s.loc.line);
        case StmtKind::TryStar: unsupported("'except*' clauses", s.loc.line);
    }
}

void Compiler::if_stmt(const Stmt& s) {
    Block* end = new_block();
    Block* next = s.orelse.empty() ? end : new_block();
    jump_if(*s.test, next, false);
    body(s.body);
    if (!s.orelse.empty()) {
        addop_jump_noline(P_JUMP, end);
        use_next_block(next);
        body(s.orelse);
    }
    use_next_block(end);
}

void Compiler::while_stmt(const Stmt& s) {
    Block* loop = new_block();
    Block* body_block = new_block();
    Block* anchor = new_block();
    Block* end = new_block();
    use_next_block(loop);
    push_fblock(FBlockType::WhileLoop, loop, end);
    jump_if(*s.test, anchor, false);
    use_next_block(body_block);
    body(s.body);
    set_loc(s.loc);
    jump_if(*s.test, body_block, true);
    pop_fblock();
    use_next_block(anchor);
    body(s.orelse);
    use_next_block(end);
}

void Compiler::for_stmt(const Stmt& s) {
    Block* start = new_block();
    Block* body_block = new_block();
    Block* cleanup = new_block();
    Block* end = new_block();
    push_fblock(FBlockType::ForLoop, start, end);
    expr(*s.iter);
    addop(op(Op::GET_ITER));
    use_next_block(start);
    addop_jump(op(Op::FOR_ITER), cleanup);
    use_next_block(body_block);
    expr(*s.target);
    body(s.body);
    unset_loc();
    addop_jump(P_JUMP, start);
    use_next_block(cleanup);
    pop_fblock();
    body(s.orelse);
    use_next_block(end);
}

void Compiler::return_stmt(const Stmt& s) {
    bool preserve_tos = s.value && s.value->kind != ExprKind::Constant;
    if (u().ste->type != BlockType::Function) error("'return' outside function", s.loc);
    if (preserve_tos) {
        expr(*s.value);
    } else if (s.value) {
        set_loc(s.value->loc);
        addop(op(Op::NOP));
    }
    if (!s.value || s.value->loc.line != s.loc.line) {
        set_loc(s.loc);
        addop(op(Op::NOP));
    }
    unwind_fblock_stack(preserve_tos, nullptr);
    if (!s.value) load_const(Const{});
    else if (!preserve_tos) load_const(s.value->value);
    addop(op(Op::RETURN_VALUE));
}

void Compiler::break_stmt(const Stmt& s) {
    addop(op(Op::NOP));
    FBlock loop;
    if (!unwind_fblock_stack(false, &loop)) error("'break' outside loop", s.loc);
    unwind_fblock(loop, false);
    addop_jump(P_JUMP, loop.exit);
}

void Compiler::continue_stmt(const Stmt& s) {
    addop(op(Op::NOP));
    FBlock loop;
    if (!unwind_fblock_stack(false, &loop)) error("'continue' not properly in loop", s.loc);
    addop_jump(P_JUMP, loop.block);
}

void Compiler::assert_stmt(const Stmt& s) {
    const Expr& test = *s.test;
    if ((test.kind == ExprKind::Tuple && !test.elts.empty()) ||
        (test.kind == ExprKind::Constant && test.value.kind == Const::Kind::tuple && !test.value.items.empty()))
        warn("assertion is always true, perhaps remove parentheses?", s.loc.line);
    Block* end = new_block();
    jump_if(*s.test, end, true);
    addop(op(Op::LOAD_ASSERTION_ERROR));
    if (s.msg) {
        expr(*s.msg);
        addop(op(Op::PRECALL), 0);
        addop(op(Op::CALL), 0);
    }
    addop(op(Op::RAISE_VARARGS), 1);
    use_next_block(end);
}

void Compiler::import_stmt(const Stmt& s) {
    for (const auto& alias : s.names) {
        load_const(int_const(0));
        load_const(Const{});
        addop_name(Op::IMPORT_NAME, alias.name);
        if (!alias.asname.empty()) {
            std::size_t dot = alias.name.find('.');
            if (dot != std::string::npos) {
                while (true) {
                    std::size_t pos = dot + 1;
                    dot = alias.name.find('.', pos);
                    std::string attr = alias.name.substr(pos, dot == std::string::npos ? std::string::npos : dot - pos);
                    addop(op(Op::IMPORT_FROM), add_name(attr));
                    if (dot == std::string::npos) break;
                    addop(op(Op::SWAP), 2);
                    addop(op(Op::POP_TOP));
                }
                nameop(alias.asname, Ctx::Store);
                addop(op(Op::POP_TOP));
            } else {
                nameop(alias.asname, Ctx::Store);
            }
        } else {
            nameop(alias.name.substr(0, alias.name.find('.')), Ctx::Store);
        }
    }
}

void Compiler::from_import_stmt(const Stmt& s) {
    if (s.name == "__future__") unsupported("'from __future__' imports", s.loc.line);
    load_const(int_const(s.level));
    Const names;
    names.kind = Const::Kind::tuple;
    for (const auto& a : s.names) names.items.push_back(str_const(a.name));
    load_const(names);
    addop_name(Op::IMPORT_NAME, s.name);
    for (std::size_t i = 0; i < s.names.size(); ++i) {
        const Alias& a = s.names[i];
        if (i == 0 && a.name == "*") {
            addop(op(Op::IMPORT_STAR));
            return;
        }
        addop_name(Op::IMPORT_FROM, a.name);
        nameop(a.asname.empty() ? a.name : a.asname, Ctx::Store);
    }
    addop(op(Op::POP_TOP));
}

void Compiler::augassign(const Stmt& s) {
    const Expr& e = *s.target;
    Unit& un = u();
    int l = un.line, el = un.end_line, c = un.col, ec = un.end_col;
    set_loc(e.loc);
    switch (e.kind) {
        case ExprKind::Attribute:
            expr(*e.left);
            addop(op(Op::COPY), 1);
            attribute_loc(e);
            addop_name(Op::LOAD_ATTR, e.id);
            break;
        case ExprKind::Subscript:
            expr(*e.left);
            expr(*e.right);
            addop(op(Op::COPY), 2);
            addop(op(Op::COPY), 2);
            addop(op(Op::BINARY_SUBSCR));
            break;
        default:
            nameop(e.id, Ctx::Load);
            break;
    }
    u().line = l;
    u().end_line = el;
    u().col = c;
    u().end_col = ec;
    expr(*s.value);
    addop(op(Op::BINARY_OP), s.op + NB_INPLACE_ADD);
    set_loc(e.loc);
    switch (e.kind) {
        case ExprKind::Attribute:
            attribute_loc(e);
            addop(op(Op::SWAP), 2);
            addop_name(Op::STORE_ATTR, e.id);
            break;
        case ExprKind::Subscript:
            addop(op(Op::SWAP), 3);
            addop(op(Op::SWAP), 2);
            addop(op(Op::STORE_SUBSCR));
            break;
        default:
            nameop(e.id, Ctx::Store);
            break;
    }
}

void Compiler::annassign(const Stmt& s) {
    const Expr& targ = *s.target;
    if (s.value) {
        expr(*s.value);
        expr(targ);
    }
    bool module_or_class = u().kind == UnitKind::Module || u().kind == UnitKind::Class;
    switch (targ.kind) {
        case ExprKind::Name:
            if (s.simple && module_or_class) {
                expr(*s.annotation);
                addop_name(Op::LOAD_NAME, "__annotations__");
                load_const(str_const(mangle(u().private_name, targ.id)));
                addop(op(Op::STORE_SUBSCR));
            }
            break;
        case ExprKind::Attribute:
            if (!s.value) {
                expr(*targ.left);
                addop(op(Op::POP_TOP));
            }
            break;
        case ExprKind::Subscript:
            if (!s.value) {
                expr(*targ.left);
                addop(op(Op::POP_TOP));
                // check_ann_subscr: the slice's parts
                const Expr& sl = *targ.right;
                auto one = [&](const ExprPtr& x) {
                    if (x) {
                        expr(*x);
                        addop(op(Op::POP_TOP));
                    }
                };
                if (sl.kind == ExprKind::Slice) {
                    one(sl.left);
                    one(sl.right);
                    one(sl.third);
                } else if (sl.kind == ExprKind::Tuple) {
                    for (const auto& x : sl.elts) {
                        if (x->kind == ExprKind::Slice) {
                            one(x->left);
                            one(x->right);
                            one(x->third);
                        } else {
                            one(x);
                        }
                    }
                } else {
                    one(targ.right);
                }
            }
            break;
        default:
            break;
    }
    if (!s.simple && module_or_class) {
        expr(*s.annotation);
        addop(op(Op::POP_TOP));
    }
}

}  // namespace refscope::lang
