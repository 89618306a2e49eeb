// lang/compiler_scope.cpp — code objects inside code objects (compiler.hpp): functions,
// classes, lambdas and comprehensions. Models compiler_function, compiler_class,
// compiler_lambda, compiler_comprehension, compiler_make_closure and the default/annotation
// helpers of Python/compile.c (3.11): defaults are evaluated before the body's code object is
// loaded, free variables are passed as a tuple of cells (LOAD_CLOSURE ... BUILD_TUPLE,
// MAKE_FUNCTION 0x08), a class body stores __module__/__qualname__ first and returns its
// __class__ cell when a method needs it.
#include <algorithm>

#include "lang/compiler.hpp"

namespace refscope::lang {

namespace {

Const str_const(const std::string& s) {
    Const c;
    c.kind = Const::Kind::str;
    c.text = s;
    return c;
}

bool is_docstring(const Body& b) {
    return !b.empty() && b[0]->kind == StmtKind::Expr && b[0]->value->kind == ExprKind::Constant &&
           b[0]->value->value.kind == Const::Kind::str;
}

}  // namespace

// Assembles the current unit, stores it in the compilation unit and leaves its scope.
// Returns the code's index in out_.codes.
static std::uint32_t finish_unit(Compiler& c, bool add_none) {
    CodeObject code;
    c.assemble(code, add_none);
    c.out_.codes.push_back(std::move(code));
    c.units_.pop_back();
    return static_cast<std::uint32_t>(c.out_.codes.size() - 1);
}

void Compiler::make_closure(std::uint32_t code_index, int flags) {
    const CodeObject& co = out_.codes[code_index];
    std::vector<std::string> frees;
    for (std::size_t i = 0; i < co.localsplus.size(); ++i)
        if (co.localkinds[i] & kFastFree) frees.push_back(co.localsplus[i]);
    if (!frees.empty()) {
        Unit& un = u();
        for (const auto& name : frees) {
            bool cell = (un.kind == UnitKind::Class && name == "__class__") ||
                        un.ste->scope_of(name) == SymScope::Cell;
            int arg;
            if (cell) {
                auto it = std::find(un.cellvars.begin(), un.cellvars.end(), name);
                arg = static_cast<int>(it - un.cellvars.begin());
            } else {
                auto it = std::find(un.freevars.begin(), un.freevars.end(), name);
                arg = static_cast<int>(un.cellvars.size() + (it - un.freevars.begin()));
            }
            addop(op(Op::LOAD_CLOSURE), arg);
        }
        flags |= MF_CLOSURE;
        addop(op(Op::BUILD_TUPLE), static_cast<int>(frees.size()));
    }
    std::uint32_t pool_index = pool_.add_code(code_index);
    Unit& un = u();
    std::string key = "K" + std::to_string(pool_index);
    std::uint32_t index = static_cast<std::uint32_t>(un.consts.size());
    un.consts.push_back(pool_index);
    un.const_index[key] = index;
    addop(op(Op::LOAD_CONST), static_cast<int>(index));
    addop(op(Op::MAKE_FUNCTION), flags);
}

void Compiler::decorators(const std::vector<ExprPtr>& decos) {
    for (const auto& d : decos) expr(*d);
}

void Compiler::apply_decorators(const std::vector<ExprPtr>& decos) {
    Unit& un = u();
    int l = un.line, el = un.end_line, c = un.col, ec = un.end_col;
    for (std::size_t i = decos.size(); i-- > 0;) {
        set_loc(decos[i]->loc);
        addop(op(Op::PRECALL), 0);
        addop(op(Op::CALL), 0);
    }
    un.line = l;
    un.end_line = el;
    un.col = c;
    un.end_col = ec;
}

int Compiler::default_arguments(const Arguments& a) {
    int flags = 0;
    if (!a.defaults.empty()) {
        for (const auto& d : a.defaults) expr(*d);
        addop(op(Op::BUILD_TUPLE), static_cast<int>(a.defaults.size()));
        flags |= MF_DEFAULTS;
    }
    Const keys;
    keys.kind = Const::Kind::tuple;
    for (std::size_t i = 0; i < a.kwonlyargs.size(); ++i) {
        if (!a.kw_defaults[i]) continue;
        keys.items.push_back(str_const(mangle(u().private_name, a.kwonlyargs[i].name)));
        expr(*a.kw_defaults[i]);
    }
    if (!keys.items.empty()) {
        load_const(keys);
        addop(op(Op::BUILD_CONST_KEY_MAP), static_cast<int>(keys.items.size()));
        flags |= MF_KWDEFAULTS;
    }
    return flags;
}

bool Compiler::annotations(const Arguments& a, const ExprPtr& returns) {
    int len = 0;
    auto one = [&](const std::string& name, const ExprPtr& ann) {
        if (!ann) return;
        load_const(str_const(mangle(u().private_name, name)));
        expr(*ann);
        len += 2;
    };
    for (const auto& x : a.args) one(x.name, x.annotation);
    for (const auto& x : a.posonlyargs) one(x.name, x.annotation);
    if (a.vararg) one(a.vararg->name, a.vararg->annotation);
    for (const auto& x : a.kwonlyargs) one(x.name, x.annotation);
    if (a.kwarg) one(a.kwarg->name, a.kwarg->annotation);
    one("return", returns);
    if (len) {
        addop(op(Op::BUILD_TUPLE), len);
        return true;
    }
    return false;
}

void Compiler::function_def(const Stmt& s) {
    decorators(s.decorators);
    int firstlineno = static_cast<int>(s.loc.line);
    if (!s.decorators.empty()) firstlineno = static_cast<int>(s.decorators[0]->loc.line);
    // the def's own line for what follows the decorators
    int flags = default_arguments(*s.args);
    if (annotations(*s.args, s.returns)) flags |= MF_ANNOTATIONS;
    enter_scope(UnitKind::Function, s.name, &s, firstlineno);
    std::size_t first = 0;
    if (is_docstring(s.body)) {
        add_const(s.body[0]->value->value);
        first = 1;
    } else {
        add_const(Const{});
    }
    u().argcount = static_cast<std::uint32_t>(s.args->args.size() + s.args->posonlyargs.size());
    u().posonlyargcount = static_cast<std::uint32_t>(s.args->posonlyargs.size());
    u().kwonlyargcount = static_cast<std::uint32_t>(s.args->kwonlyargs.size());
    for (std::size_t i = first; i < s.body.size(); ++i) stmt(*s.body[i]);
    std::uint32_t code = finish_unit(*this, true);
    make_closure(code, flags);
    apply_decorators(s.decorators);
    nameop(s.name, Ctx::Store);
}

void Compiler::class_def(const Stmt& s) {
    decorators(s.decorators);
    int firstlineno = static_cast<int>(s.loc.line);
    if (!s.decorators.empty()) firstlineno = static_cast<int>(s.decorators[0]->loc.line);
    enter_scope(UnitKind::Class, s.name, &s, firstlineno);
    u().private_name = s.name;
    nameop("__name__", Ctx::Load);
    nameop("__module__", Ctx::Store);
    load_const(str_const(u().qualname));
    nameop("__qualname__", Ctx::Store);
    module_body(s.body, false);
    unset_loc();
    if (u().ste->needs_class_closure) {
        addop(op(Op::LOAD_CLOSURE), 0);
        addop(op(Op::COPY), 1);
        nameop("__classcell__", Ctx::Store);
    } else {
        load_const(Const{});
    }
    addop(op(Op::RETURN_VALUE));
    std::uint32_t code = finish_unit(*this, true);
    addop(op(Op::PUSH_NULL));
    addop(op(Op::LOAD_BUILD_CLASS));
    make_closure(code, 0);
    load_const(str_const(s.name));
    call_helper(2, s.bases, s.keywords);
    apply_decorators(s.decorators);
    nameop(s.name, Ctx::Store);
}

void Compiler::lambda(const Expr& e) {
    int flags = default_arguments(*e.args);
    enter_scope(UnitKind::Lambda, "<lambda>", &e, static_cast<int>(e.loc.line));
    add_const(Const{});
    u().argcount = static_cast<std::uint32_t>(e.args->args.size() + e.args->posonlyargs.size());
    u().posonlyargcount = static_cast<std::uint32_t>(e.args->posonlyargs.size());
    u().kwonlyargcount = static_cast<std::uint32_t>(e.args->kwonlyargs.size());
    expr(*e.left);
    std::uint32_t code;
    if (u().ste->generator) {
        code = finish_unit(*this, false);
    } else {
        addop(op(Op::RETURN_VALUE));
        code = finish_unit(*this, true);
    }
    make_closure(code, flags);
}

void Compiler::comprehension(const Expr& e) {
    const char* name = e.kind == ExprKind::ListComp ? "<listcomp>"
                       : e.kind == ExprKind::SetComp ? "<setcomp>"
                       : e.kind == ExprKind::DictComp ? "<dictcomp>" : "<genexpr>";
    enter_scope(UnitKind::Comprehension, name, &e, static_cast<int>(e.loc.line));
    set_loc(e.loc);
    if (e.kind == ExprKind::ListComp) addop(op(Op::BUILD_LIST), 0);
    else if (e.kind == ExprKind::SetComp) addop(op(Op::BUILD_SET), 0);
    else if (e.kind == ExprKind::DictComp) addop(op(Op::BUILD_MAP), 0);
    comprehension_generator(e, 0, 0);
    if (e.kind != ExprKind::GeneratorExp) addop(op(Op::RETURN_VALUE));
    std::uint32_t code = finish_unit(*this, true);
    make_closure(code, 0);
    expr(*e.generators[0].iter);
    addop(op(Op::GET_ITER));
    addop(op(Op::PRECALL), 0);
    addop(op(Op::CALL), 0);
}

void Compiler::comprehension_generator(const Expr& e, std::size_t gen_index, int depth) {
    Block* start = new_block();
    Block* if_cleanup = new_block();
    Block* anchor = new_block();
    const Comprehension& gen = e.generators[gen_index];
    bool has_start = true;
    if (gen_index == 0) {
        u().argcount = 1;
        addop(op(Op::LOAD_FAST), 0);
    } else {
        const std::vector<ExprPtr>* elts = nullptr;
        if (gen.iter->kind == ExprKind::List || gen.iter->kind == ExprKind::Tuple)
            elts = &gen.iter->elts;
        if (elts && elts->size() == 1 && (*elts)[0]->kind != ExprKind::Starred) {
            expr(*(*elts)[0]);
            has_start = false;
        }
        if (has_start) {
            expr(*gen.iter);
            addop(op(Op::GET_ITER));
        }
    }
    if (has_start) {
        ++depth;
        use_next_block(start);
        addop_jump(op(Op::FOR_ITER), anchor);
    }
    expr(*gen.target);
    for (const auto& cond : gen.ifs) jump_if(*cond, if_cleanup, false);
    if (gen_index + 1 < e.generators.size()) comprehension_generator(e, gen_index + 1, depth);
    else {
        switch (e.kind) {
            case ExprKind::GeneratorExp:
                expr(*e.left);
                addop(op(Op::YIELD_VALUE));
                addop(op(Op::RESUME), 1);
                addop(op(Op::POP_TOP));
                break;
            case ExprKind::ListComp:
                expr(*e.left);
                addop(op(Op::LIST_APPEND), depth + 1);
                break;
            case ExprKind::SetComp:
                expr(*e.left);
                addop(op(Op::SET_ADD), depth + 1);
                break;
            default:
                expr(*e.left);
                expr(*e.right);
                addop(op(Op::MAP_ADD), depth + 1);
                break;
        }
    }
    use_next_block(if_cleanup);
    if (has_start) {
        addop_jump(P_JUMP, start);
        use_next_block(anchor);
    }
}

}  // namespace refscope::lang
