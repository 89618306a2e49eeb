// lang/compiler_expr.cpp — expressions (compiler.hpp). Models compiler_visit_expr1 and its
// helpers in Python/compile.c (3.11): boolop, compare (chained comparisons with SWAP/COPY and
// a cleanup block), jump_if (conditions compiled straight into jumps), calls (PUSH_NULL +
// PRECALL/CALL, LOAD_METHOD, KW_NAMES, CALL_FUNCTION_EX), displays (BUILD_*, LIST_EXTEND of a
// constant tuple, BUILD_CONST_KEY_MAP), f-strings, slices and targets.
#include <algorithm>

#include "lang/compiler.hpp"

namespace refscope::lang {

namespace {

constexpr std::size_t kStackUseGuideline = 30;

bool all_const(const std::vector<ExprPtr>& elts, std::size_t begin, std::size_t end) {
    for (std::size_t i = begin; i < end; ++i)
        if (!elts[i] || elts[i]->kind != ExprKind::Constant) return false;
    return true;
}

Const str_const(const std::string& s) {
    Const c;
    c.kind = Const::Kind::str;
    c.text = s;
    return c;
}

}  // namespace

void Compiler::expr(const Expr& e) {
    Unit& un = u();
    int l = un.line, el = un.end_line, c = un.col, ec = un.end_col;
    set_loc(e.loc);
    expr1(e);
    Unit& un2 = u();
    un2.line = l;
    un2.end_line = el;
    un2.col = c;
    un2.end_col = ec;
}

void Compiler::attribute_loc(const Expr& e) {
    // update_start_location_to_match_attr
    Unit& un = u();
    if (un.line != static_cast<int>(e.loc.end_line)) {
        un.line = static_cast<int>(e.loc.end_line);
        int len = static_cast<int>(e.id.size());
        if (len <= static_cast<int>(e.loc.end_col)) {
            un.col = static_cast<int>(e.loc.end_col) - len;
        } else {
            un.col = -1;
            un.end_col = -1;
        }
        un.end_line = std::max(un.line, un.end_line);
        if (un.line == un.end_line) un.end_col = std::max(un.col, un.end_col);
    }
}

void Compiler::compare_op(CmpOpKind k) {
    switch (k) {
        case CmpOpKind::Lt: addop(op(Op::COMPARE_OP), CMP_LT); break;
        case CmpOpKind::LtE: addop(op(Op::COMPARE_OP), CMP_LE); break;
        case CmpOpKind::Eq: addop(op(Op::COMPARE_OP), CMP_EQ); break;
        case CmpOpKind::NotEq: addop(op(Op::COMPARE_OP), CMP_NE); break;
        case CmpOpKind::Gt: addop(op(Op::COMPARE_OP), CMP_GT); break;
        case CmpOpKind::GtE: addop(op(Op::COMPARE_OP), CMP_GE); break;
        case CmpOpKind::Is: addop(op(Op::IS_OP), 0); break;
        case CmpOpKind::IsNot: addop(op(Op::IS_OP), 1); break;
        case CmpOpKind::In: addop(op(Op::CONTAINS_OP), 0); break;
        case CmpOpKind::NotIn: addop(op(Op::CONTAINS_OP), 1); break;
    }
}

// A comparison sets the location to itself and 3.11 does not restore it afterwards: the
// instructions that follow (the rest of the condition, a comprehension's append) inherit it.
void Compiler::jump_if(const Expr& e, Block* next, bool cond) { jump_if1(e, next, cond); }

void Compiler::jump_if1(const Expr& e, Block* next, bool cond) {
    switch (e.kind) {
        case ExprKind::UnaryOp:
            if (e.op == static_cast<std::uint8_t>(UnaryOpKind::Not)) {
                jump_if(*e.left, next, !cond);
                return;
            }
            break;
        case ExprKind::BoolOp: {
            bool cond2 = e.op == static_cast<std::uint8_t>(BoolOpKind::Or);
            Block* next2 = next;
            if (cond2 != cond) next2 = new_block();
            for (std::size_t i = 0; i + 1 < e.elts.size(); ++i) jump_if(*e.elts[i], next2, cond2);
            jump_if(*e.elts.back(), next, cond);
            if (next2 != next) use_next_block(next2);
            return;
        }
        case ExprKind::IfExp: {
            Block* end = new_block();
            Block* next2 = new_block();
            jump_if(*e.left, next2, false);
            jump_if(*e.right, next, cond);
            addop_jump_noline(P_JUMP, end);
            use_next_block(next2);
            jump_if(*e.third, next, cond);
            use_next_block(end);
            return;
        }
        case ExprKind::Compare: {
            // 3.11 gives a comparison's jumps the comparison's own location
            set_loc(e.loc);
            std::size_t n = e.ops.size() - 1;
            if (n == 0) break;
            Block* cleanup = new_block();
            expr(*e.left);
            for (std::size_t i = 0; i < n; ++i) {
                expr(*e.elts[i]);
                addop(op(Op::SWAP), 2);
                addop(op(Op::COPY), 2);
                compare_op(e.ops[i]);
                addop_jump(P_POP_JUMP_IF_FALSE, cleanup);
                next_block();
            }
            expr(*e.elts[n]);
            compare_op(e.ops[n]);
            addop_jump(cond ? P_POP_JUMP_IF_TRUE : P_POP_JUMP_IF_FALSE, next);
            next_block();
            Block* end = new_block();
            addop_jump_noline(P_JUMP, end);
            use_next_block(cleanup);
            addop(op(Op::POP_TOP));
            if (!cond) addop_jump_noline(P_JUMP, next);
            use_next_block(end);
            return;
        }
        default:
            break;
    }
    expr(e);
    addop_jump(cond ? P_POP_JUMP_IF_TRUE : P_POP_JUMP_IF_FALSE, next);
    next_block();
}

void Compiler::boolop(const Expr& e) {
    int jumpi = e.op == static_cast<std::uint8_t>(BoolOpKind::And) ? op(Op::JUMP_IF_FALSE_OR_POP)
                                                                    : op(Op::JUMP_IF_TRUE_OR_POP);
    Block* end = new_block();
    for (std::size_t i = 0; i + 1 < e.elts.size(); ++i) {
        expr(*e.elts[i]);
        addop_jump(jumpi, end);
        use_next_block(new_block());
    }
    expr(*e.elts.back());
    use_next_block(end);
}

namespace {

// check_is_arg (Python/compile.c, 3.11): anything but a constant, or a singleton constant.
bool is_arg_ok(const Expr& e) {
    if (e.kind != ExprKind::Constant) return true;
    const auto k = e.value.kind;
    return k == Const::Kind::none || k == Const::Kind::boolean || k == Const::Kind::ellipsis;
}

}  // namespace

void Compiler::compare(const Expr& e) {
    // check_compare: at most one SyntaxWarning per comparison, for the first `is`/`is not`
    // with a (folded) literal operand.
    bool left_ok = is_arg_ok(*e.left);
    for (std::size_t i = 0; i < e.ops.size(); ++i) {
        const bool right_ok = is_arg_ok(*e.elts[i]);
        if ((e.ops[i] == CmpOpKind::Is || e.ops[i] == CmpOpKind::IsNot) && !(left_ok && right_ok)) {
            warn(e.ops[i] == CmpOpKind::Is ? "\"is\" with a literal. Did you mean \"==\"?"
                                           : "\"is not\" with a literal. Did you mean \"!=\"?",
                 e.loc.line);
            break;
        }
        left_ok = right_ok;
    }
    expr(*e.left);
    std::size_t n = e.ops.size() - 1;
    if (n == 0) {
        expr(*e.elts[0]);
        compare_op(e.ops[0]);
        return;
    }
    Block* cleanup = new_block();
    for (std::size_t i = 0; i < n; ++i) {
        expr(*e.elts[i]);
        addop(op(Op::SWAP), 2);
        addop(op(Op::COPY), 2);
        compare_op(e.ops[i]);
        addop_jump(op(Op::JUMP_IF_FALSE_OR_POP), cleanup);
        next_block();
    }
    expr(*e.elts[n]);
    compare_op(e.ops[n]);
    Block* end = new_block();
    addop_jump_noline(P_JUMP, end);
    use_next_block(cleanup);
    addop(op(Op::SWAP), 2);
    addop(op(Op::POP_TOP));
    use_next_block(end);
}

bool Compiler::is_import_originated(const Expr& e) const {
    if (e.kind != ExprKind::Name) return false;
    return (st_.top->flags_of(e.id) & DEF_IMPORT) != 0;
}

bool Compiler::method_call(const Expr& e) {
    const Expr& meth = *e.left;
    if (meth.kind != ExprKind::Attribute || meth.ctx != Ctx::Load) return false;
    if (is_import_originated(*meth.left)) return false;
    std::size_t argsl = e.elts.size(), kwdsl = e.keywords.size();
    if (argsl + kwdsl + (kwdsl != 0) >= kStackUseGuideline) return false;
    for (const auto& a : e.elts)
        if (a->kind == ExprKind::Starred) return false;
    for (const auto& k : e.keywords)
        if (k.arg.empty()) return false;
    expr(*meth.left);
    // 3.11 moves the location to the attribute's last line and keeps it for the call
    attribute_loc(meth);
    addop_name(Op::LOAD_METHOD, meth.id);
    for (const auto& a : e.elts) expr(*a);
    if (kwdsl) {
        for (const auto& k : e.keywords) expr(*k.value);
        Const names;
        names.kind = Const::Kind::tuple;
        for (const auto& k : e.keywords) names.items.push_back(str_const(k.arg));
        addop(op(Op::KW_NAMES), static_cast<int>(add_const(names)));
    }
    addop(op(Op::PRECALL), static_cast<int>(argsl + kwdsl));
    addop(op(Op::CALL), static_cast<int>(argsl + kwdsl));
    return true;
}

void Compiler::call(const Expr& e) {
    if (method_call(e)) return;
    set_loc(e.left->loc);
    addop(op(Op::PUSH_NULL));
    set_loc(e.loc);
    expr(*e.left);
    call_helper(0, e.elts, e.keywords);
}

void Compiler::subkwargs(const std::vector<Keyword>& kws, std::size_t begin, std::size_t end) {
    std::size_t n = end - begin;
    bool big = n * 2 > kStackUseGuideline;
    if (n > 1 && !big) {
        for (std::size_t i = begin; i < end; ++i) expr(*kws[i].value);
        Const keys;
        keys.kind = Const::Kind::tuple;
        for (std::size_t i = begin; i < end; ++i) keys.items.push_back(str_const(kws[i].arg));
        load_const(keys);
        addop(op(Op::BUILD_CONST_KEY_MAP), static_cast<int>(n));
        return;
    }
    if (big) addop_noline(op(Op::BUILD_MAP), 0);
    for (std::size_t i = begin; i < end; ++i) {
        load_const(str_const(kws[i].arg));
        expr(*kws[i].value);
        if (big) addop_noline(op(Op::MAP_ADD), 1);
    }
    if (!big) addop(op(Op::BUILD_MAP), static_cast<int>(n));
}

void Compiler::call_helper(int n, const std::vector<ExprPtr>& args, const std::vector<Keyword>& kws) {
    // keyword argument repeated
    for (std::size_t i = 0; i < kws.size(); ++i) {
        if (kws[i].arg.empty()) continue;
        for (std::size_t j = i + 1; j < kws.size(); ++j)
            if (kws[j].arg == kws[i].arg)
                error("keyword argument repeated: " + kws[i].arg, kws[j].loc);
    }
    std::size_t nelts = args.size(), nkwelts = kws.size();
    bool ex_call = nelts + nkwelts * 2 > kStackUseGuideline;
    for (const auto& a : args)
        if (a->kind == ExprKind::Starred) ex_call = true;
    for (const auto& k : kws)
        if (k.arg.empty()) ex_call = true;
    if (!ex_call) {
        for (const auto& a : args) expr(*a);
        if (nkwelts) {
            for (const auto& k : kws) expr(*k.value);
            Const names;
            names.kind = Const::Kind::tuple;
            for (const auto& k : kws) names.items.push_back(str_const(k.arg));
            addop(op(Op::KW_NAMES), static_cast<int>(add_const(names)));
        }
        addop(op(Op::PRECALL), static_cast<int>(n + nelts + nkwelts));
        addop(op(Op::CALL), static_cast<int>(n + nelts + nkwelts));
        return;
    }
    if (n == 0 && nelts == 1 && args[0]->kind == ExprKind::Starred) {
        expr(*args[0]->left);
    } else {
        starunpack(args, n, Op::BUILD_LIST, Op::LIST_APPEND, Op::LIST_EXTEND, true);
    }
    if (nkwelts) {
        bool have_dict = false;
        std::size_t nseen = 0;
        for (std::size_t i = 0; i < nkwelts; ++i) {
            if (kws[i].arg.empty()) {
                if (nseen) {
                    subkwargs(kws, i - nseen, i);
                    if (have_dict) addop(op(Op::DICT_MERGE), 1);
                    have_dict = true;
                    nseen = 0;
                }
                if (!have_dict) {
                    addop(op(Op::BUILD_MAP), 0);
                    have_dict = true;
                }
                expr(*kws[i].value);
                addop(op(Op::DICT_MERGE), 1);
            } else {
                ++nseen;
            }
        }
        if (nseen) {
            subkwargs(kws, nkwelts - nseen, nkwelts);
            if (have_dict) addop(op(Op::DICT_MERGE), 1);
        }
    }
    addop(op(Op::CALL_FUNCTION_EX), nkwelts > 0 ? 1 : 0);
}

void Compiler::starunpack(const std::vector<ExprPtr>& elts, int pushed, Op build, Op add,
                          Op extend, bool tuple) {
    std::size_t n = elts.size();
    if (n > 2 && all_const(elts, 0, n)) {
        Const folded;
        folded.kind = Const::Kind::tuple;
        for (const auto& x : elts) folded.items.push_back(x->value);
        if (tuple && !pushed) {
            load_const(folded);
        } else {
            if (add == Op::SET_ADD) {
                folded.kind = Const::Kind::frozenset;
                std::vector<Const> unique;
                for (const auto& item : folded.items) {
                    bool dup = false;
                    for (const auto& seen : unique) dup = dup || const_equal_value(seen, item);
                    if (!dup) unique.push_back(item);
                }
                folded.items = unique;
            }
            addop(op(build), pushed);
            load_const(folded);
            addop(op(extend), 1);
            if (tuple) addop(op(Op::LIST_TO_TUPLE));
        }
        return;
    }
    bool big = n + static_cast<std::size_t>(pushed) > kStackUseGuideline;
    bool seen_star = false;
    for (const auto& x : elts)
        if (x->kind == ExprKind::Starred) seen_star = true;
    if (!seen_star && !big) {
        for (const auto& x : elts) expr(*x);
        addop(op(tuple ? Op::BUILD_TUPLE : build), static_cast<int>(n) + pushed);
        return;
    }
    bool built = false;
    if (big) {
        addop(op(build), pushed);
        built = true;
    }
    for (std::size_t i = 0; i < n; ++i) {
        const Expr& x = *elts[i];
        if (x.kind == ExprKind::Starred) {
            if (!built) {
                addop(op(build), static_cast<int>(i) + pushed);
                built = true;
            }
            expr(*x.left);
            addop(op(extend), 1);
        } else {
            expr(x);
            if (built) addop(op(add), 1);
        }
    }
    if (tuple) addop(op(Op::LIST_TO_TUPLE));
}

void Compiler::subdict(const Expr& e, std::size_t begin, std::size_t end) {
    std::size_t n = end - begin;
    bool big = n * 2 > kStackUseGuideline;
    if (n > 1 && !big && all_const(e.keys, begin, end)) {
        for (std::size_t i = begin; i < end; ++i) expr(*e.elts[i]);
        Const keys;
        keys.kind = Const::Kind::tuple;
        for (std::size_t i = begin; i < end; ++i) keys.items.push_back(e.keys[i]->value);
        load_const(keys);
        addop(op(Op::BUILD_CONST_KEY_MAP), static_cast<int>(n));
        return;
    }
    if (big) addop(op(Op::BUILD_MAP), 0);
    for (std::size_t i = begin; i < end; ++i) {
        expr(*e.keys[i]);
        expr(*e.elts[i]);
        if (big) addop(op(Op::MAP_ADD), 1);
    }
    if (!big) addop(op(Op::BUILD_MAP), static_cast<int>(n));
}

void Compiler::dict(const Expr& e) {
    std::size_t n = e.elts.size(), elements = 0;
    bool have_dict = false;
    for (std::size_t i = 0; i < n; ++i) {
        if (!e.keys[i]) {
            if (elements) {
                subdict(e, i - elements, i);
                if (have_dict) addop(op(Op::DICT_UPDATE), 1);
                have_dict = true;
                elements = 0;
            }
            if (!have_dict) {
                addop(op(Op::BUILD_MAP), 0);
                have_dict = true;
            }
            expr(*e.elts[i]);
            addop(op(Op::DICT_UPDATE), 1);
        } else {
            if (elements * 2 > kStackUseGuideline) {
                subdict(e, i - elements, i + 1);
                if (have_dict) addop(op(Op::DICT_UPDATE), 1);
                have_dict = true;
                elements = 0;
            } else {
                ++elements;
            }
        }
    }
    if (elements) {
        subdict(e, n - elements, n);
        if (have_dict) addop(op(Op::DICT_UPDATE), 1);
        have_dict = true;
    }
    if (!have_dict) addop(op(Op::BUILD_MAP), 0);
}

void Compiler::assignment_targets(const std::vector<ExprPtr>& elts, const Loc& loc) {
    std::size_t n = elts.size();
    bool seen_star = false;
    for (std::size_t i = 0; i < n; ++i) {
        if (elts[i]->kind != ExprKind::Starred) continue;
        if (seen_star) error("multiple starred expressions in assignment", loc);
        if (i >= 256) error("too many expressions in star-unpacking assignment", loc);
        addop(op(Op::UNPACK_EX), static_cast<int>(i + ((n - i - 1) << 8)));
        seen_star = true;
    }
    if (!seen_star) addop(op(Op::UNPACK_SEQUENCE), static_cast<int>(n));
    for (const auto& x : elts) expr(x->kind == ExprKind::Starred ? *x->left : *x);
}

void Compiler::formatted_value(const Expr& e) {
    expr(*e.left);
    int oparg = FVC_NONE;
    if (e.conversion == 's') oparg = FVC_STR;
    else if (e.conversion == 'r') oparg = FVC_REPR;
    else if (e.conversion == 'a') oparg = FVC_ASCII;
    if (e.right) {
        expr(*e.right);
        oparg |= FVS_HAVE_SPEC;
    }
    addop(op(Op::FORMAT_VALUE), oparg);
}

void Compiler::joined_str(const Expr& e) {
    std::size_t n = e.elts.size();
    if (n > kStackUseGuideline) {
        load_const(str_const(""));
        addop_name(Op::LOAD_METHOD, "join");
        addop(op(Op::BUILD_LIST), 0);
        for (const auto& v : e.elts) {
            expr(*v);
            addop(op(Op::LIST_APPEND), 1);
        }
        addop(op(Op::PRECALL), 1);
        addop(op(Op::CALL), 1);
        return;
    }
    for (const auto& v : e.elts) expr(*v);
    if (n != 1) addop(op(Op::BUILD_STRING), static_cast<int>(n));
}

void Compiler::slice(const Expr& e) {
    int n = 2;
    Const none;
    if (e.left) expr(*e.left);
    else load_const(none);
    if (e.right) expr(*e.right);
    else load_const(none);
    if (e.third) {
        ++n;
        expr(*e.third);
    }
    addop(op(Op::BUILD_SLICE), n);
}

void Compiler::expr1(const Expr& e) {
    switch (e.kind) {
        case ExprKind::NamedExpr:
            expr(*e.right);
            addop(op(Op::COPY), 1);
            expr(*e.left);
            return;
        case ExprKind::BoolOp:
            boolop(e);
            return;
        case ExprKind::BinOp:
            expr(*e.left);
            expr(*e.right);
            addop(op(Op::BINARY_OP), e.op);
            return;
        case ExprKind::UnaryOp: {
            expr(*e.left);
            static const Op ops[] = {Op::UNARY_INVERT, Op::UNARY_NOT, Op::UNARY_POSITIVE,
                                     Op::UNARY_NEGATIVE};
            addop(op(ops[e.op]));
            return;
        }
        case ExprKind::Lambda:
            lambda(e);
            return;
        case ExprKind::IfExp: {
            Block* end = new_block();
            Block* next = new_block();
            jump_if(*e.left, next, false);
            expr(*e.right);
            addop_jump_noline(P_JUMP, end);
            use_next_block(next);
            expr(*e.third);
            use_next_block(end);
            return;
        }
        case ExprKind::Dict:
            dict(e);
            return;
        case ExprKind::Set:
            starunpack(e.elts, 0, Op::BUILD_SET, Op::SET_ADD, Op::SET_UPDATE, false);
            return;
        case ExprKind::ListComp:
        case ExprKind::SetComp:
        case ExprKind::DictComp:
        case ExprKind::GeneratorExp:
            comprehension(e);
            return;
        case ExprKind::Yield:
            if (u().ste->type != BlockType::Function) error("'yield' outside function", e.loc);
            if (e.left) expr(*e.left);
            else load_const(Const{});
            addop(op(Op::YIELD_VALUE));
            addop(op(Op::RESUME), 1);
            return;
        case ExprKind::YieldFrom: {
            if (u().ste->type != BlockType::Function) error("'yield' outside function", e.loc);
            expr(*e.left);
            addop(op(Op::GET_YIELD_FROM_ITER));
            load_const(Const{});
            Block* start = new_block();
            Block* resume = new_block();
            Block* exit = new_block();
            use_next_block(start);
            addop_jump(op(Op::SEND), exit);
            use_next_block(resume);
            addop(op(Op::YIELD_VALUE));
            addop(op(Op::RESUME), 2);
            addop_jump(P_JUMP_NO_INTERRUPT, start);
            use_next_block(exit);
            return;
        }
        case ExprKind::Await:
            unsupported("'await' expressions", e.loc.line);
        case ExprKind::Compare:
            compare(e);
            return;
        case ExprKind::Call:
            call(e);
            return;
        case ExprKind::FormattedValue:
            formatted_value(e);
            return;
        case ExprKind::JoinedStr:
            joined_str(e);
            return;
        case ExprKind::Constant:
            load_const(e.value);
            return;
        case ExprKind::Attribute: {
            expr(*e.left);
            attribute_loc(e);
            int old_line = u().line;
            u().line = static_cast<int>(e.loc.end_line);
            Op o = e.ctx == Ctx::Load ? Op::LOAD_ATTR : e.ctx == Ctx::Store ? Op::STORE_ATTR
                                                                            : Op::DELETE_ATTR;
            addop_name(o, e.id);
            u().line = old_line;
            return;
        }
        case ExprKind::Subscript: {
            expr(*e.left);
            expr(*e.right);
            addop(op(e.ctx == Ctx::Load ? Op::BINARY_SUBSCR
                         : e.ctx == Ctx::Store ? Op::STORE_SUBSCR : Op::DELETE_SUBSCR));
            return;
        }
        case ExprKind::Starred:
            if (e.ctx == Ctx::Store)
                error("starred assignment target must be in a list or tuple", e.loc);
            error("can't use starred expression here", e.loc);
        case ExprKind::Slice:
            slice(e);
            return;
        case ExprKind::Name:
            nameop(e.id, e.ctx);
            return;
        case ExprKind::List:
        case ExprKind::Tuple:
            if (e.ctx == Ctx::Store) {
                assignment_targets(e.elts, e.loc);
            } else if (e.ctx == Ctx::Del) {
                for (const auto& x : e.elts) expr(*x);
            } else if (e.kind == ExprKind::List) {
                starunpack(e.elts, 0, Op::BUILD_LIST, Op::LIST_APPEND, Op::LIST_EXTEND, false);
            } else {
                starunpack(e.elts, 0, Op::BUILD_LIST, Op::LIST_APPEND, Op::LIST_EXTEND, true);
            }
            return;
    }
}

}  // namespace refscope::lang
