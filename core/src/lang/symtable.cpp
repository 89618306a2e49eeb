// lang/symtable.cpp — see symtable.hpp.
#include "lang/symtable.hpp"

#include <set>

#include "lang/lexer.hpp"

namespace refscope::lang {

std::string mangle(const std::string& private_name, const std::string& name) {
    if (private_name.empty() || name.size() < 2 || name[0] != '_' || name[1] != '_') return name;
    if (name.size() >= 4 && name.compare(name.size() - 2, 2, "__") == 0) return name;
    if (name.find('.') != std::string::npos) return name;
    std::size_t i = private_name.find_first_not_of('_');
    if (i == std::string::npos) return name;
    return "_" + private_name.substr(i) + name;
}

class SymtableBuilder {
public:
    SymtableBuilder(SymbolTable& t, const std::string& filename,
                    const std::vector<std::string>& lines)
        : t_(t), filename_(filename), lines_(lines) {}

    void module(const Module& m) {
        t_.top = enter(BlockType::Module, "top", nullptr, Loc{});
        for (const auto& s : m.body) stmt(*s);
        exit();
        std::set<std::string> free, global;
        analyze_block(t_.top, nullptr, free, global);
    }

private:
    SymbolTable& t_;
    const std::string& filename_;
    const std::vector<std::string>& lines_;
    Scope* cur_ = nullptr;
    std::vector<std::string> private_stack_{""};

    [[noreturn]] void error(const std::string& msg, const Loc& loc) {
        SyntaxErrorInfo e;
        e.message = msg;
        e.filename = filename_;
        e.line = loc.line;
        e.end_line = loc.end_line;
        std::string text = loc.line >= 1 && loc.line <= lines_.size() ? lines_[loc.line - 1] : "";
        std::string end_text =
            loc.end_line >= 1 && loc.end_line <= lines_.size() ? lines_[loc.end_line - 1] : "";
        e.text = text + "\n";
        e.offset = char_column(text, loc.col) + 1;
        e.end_offset = static_cast<std::int32_t>(char_column(end_text, loc.end_col) + 1);
        throw SyntaxErrorException{e};
    }

    Scope* enter(BlockType type, const std::string& name, const void* node, Loc loc) {
        auto s = std::make_unique<Scope>();
        s->type = type;
        s->name = name;
        s->loc = loc;
        s->parent = cur_;
        if (cur_) {
            cur_->children.push_back(s.get());
            if (cur_->nested || cur_->type == BlockType::Function) s->nested = true;
        }
        Scope* raw = s.get();
        t_.scopes_.push_back(std::move(s));
        if (node) t_.by_node_[node] = raw;
        cur_ = raw;
        return raw;
    }
    void exit() { cur_ = cur_->parent; }

    void add_def_in(Scope* s, const std::string& raw_name, std::uint32_t flag, const Loc& loc) {
        std::string name = mangle(private_stack_.back(), raw_name);
        auto it = s->symbols.find(name);
        if (it != s->symbols.end()) {
            if ((flag & DEF_PARAM) && (it->second.flags & DEF_PARAM))
                error("duplicate argument '" + name + "' in function definition", loc);
            it->second.flags |= flag;
        } else {
            s->order.push_back(name);
            s->symbols[name].flags = flag;
        }
        if (flag & DEF_PARAM) s->varnames.push_back(name);
        // symtable.c records every `global x` in the module's own entry for x as well
        if ((flag & DEF_GLOBAL) && s != t_.top) {
            auto top = t_.top->symbols.find(name);
            if (top == t_.top->symbols.end()) {
                t_.top->order.push_back(name);
                t_.top->symbols[name].flags = flag;
            } else {
                top->second.flags |= flag;
            }
        }
    }
    void add_def(const std::string& name, std::uint32_t flag, const Loc& loc) {
        add_def_in(cur_, name, flag, loc);
    }

    void arguments(const Arguments& a) {
        for (const auto& x : a.posonlyargs) add_def(x.name, DEF_PARAM, x.loc);
        for (const auto& x : a.args) add_def(x.name, DEF_PARAM, x.loc);
        for (const auto& x : a.kwonlyargs) add_def(x.name, DEF_PARAM, x.loc);
        if (a.vararg) {
            add_def(a.vararg->name, DEF_PARAM, a.vararg->loc);
            cur_->varargs = true;
        }
        if (a.kwarg) {
            add_def(a.kwarg->name, DEF_PARAM, a.kwarg->loc);
            cur_->varkeywords = true;
        }
    }

    void annotations(const Arguments& a, const ExprPtr& returns) {
        auto one = [&](const std::vector<Arg>& v) {
            for (const auto& x : v)
                if (x.annotation) expr(*x.annotation);
        };
        one(a.posonlyargs);
        one(a.args);
        if (a.vararg && a.vararg->annotation) expr(*a.vararg->annotation);
        if (a.kwarg && a.kwarg->annotation) expr(*a.kwarg->annotation);
        one(a.kwonlyargs);
        if (returns) expr(*returns);
    }

    void body(const Body& b) {
        for (const auto& s : b) stmt(*s);
    }

    void stmt(const Stmt& s) {
        switch (s.kind) {
            case StmtKind::FunctionDef: {
                add_def(s.name, DEF_LOCAL, s.loc);
                for (const auto& d : s.args->defaults) expr(*d);
                for (const auto& d : s.args->kw_defaults)
                    if (d) expr(*d);
                annotations(*s.args, s.returns);
                for (const auto& d : s.decorators) expr(*d);
                enter(BlockType::Function, s.name, &s, s.loc);
                arguments(*s.args);
                body(s.body);
                exit();
                break;
            }
            case StmtKind::ClassDef: {
                add_def(s.name, DEF_LOCAL, s.loc);
                for (const auto& b : s.bases) expr(*b);
                for (const auto& k : s.keywords) expr(*k.value);
                for (const auto& d : s.decorators) expr(*d);
                enter(BlockType::Class, s.name, &s, s.loc);
                private_stack_.push_back(s.name);
                body(s.body);
                private_stack_.pop_back();
                exit();
                break;
            }
            case StmtKind::Return:
                if (s.value) expr(*s.value);
                break;
            case StmtKind::Delete:
                for (const auto& t : s.targets) expr(*t);
                break;
            case StmtKind::Assign:
                for (const auto& t : s.targets) expr(*t);
                expr(*s.value);
                break;
            case StmtKind::AnnAssign:
                if (s.target->kind == ExprKind::Name) {
                    std::uint32_t cur = cur_->flags_of(mangle(private_stack_.back(), s.target->id));
                    if ((cur & (DEF_GLOBAL | DEF_NONLOCAL)) && cur_->type != BlockType::Module &&
                        s.simple) {
                        error(std::string("annotated name '") + s.target->id + "' can't be " +
                                  ((cur & DEF_GLOBAL) ? "global" : "nonlocal"),
                              s.loc);
                    }
                    if (s.simple) add_def(s.target->id, DEF_ANNOT | DEF_LOCAL, s.target->loc);
                    else if (s.value) add_def(s.target->id, DEF_LOCAL, s.target->loc);
                } else {
                    expr(*s.target);
                }
                expr(*s.annotation);
                if (s.value) expr(*s.value);
                break;
            case StmtKind::AugAssign:
                expr(*s.target);
                expr(*s.value);
                break;
            case StmtKind::For:
                expr(*s.target);
                expr(*s.iter);
                body(s.body);
                body(s.orelse);
                break;
            case StmtKind::While:
            case StmtKind::If:
                expr(*s.test);
                body(s.body);
                body(s.orelse);
                break;
            case StmtKind::With:
                for (const auto& item : s.items) {
                    expr(*item.context_expr);
                    if (item.optional_vars) expr(*item.optional_vars);
                }
                body(s.body);
                break;
            case StmtKind::Raise:
                if (s.value) {
                    expr(*s.value);
                    if (s.cause) expr(*s.cause);
                }
                break;
            case StmtKind::Try:
                body(s.body);
                body(s.orelse);
                for (const auto& h : s.handlers) {
                    if (h.type) expr(*h.type);
                    if (!h.name.empty()) add_def(h.name, DEF_LOCAL, h.loc);
                    body(h.body);
                }
                body(s.finalbody);
                break;
            case StmtKind::Assert:
                expr(*s.test);
                if (s.msg) expr(*s.msg);
                break;
            case StmtKind::Import:
            case StmtKind::ImportFrom:
                for (const auto& a : s.names) {
                    if (a.name == "*") {
                        if (cur_->type != BlockType::Module)
                            error("import * only allowed at module level", s.loc);
                        continue;
                    }
                    std::string stored = !a.asname.empty() ? a.asname
                                                            : a.name.substr(0, a.name.find('.'));
                    add_def(stored, DEF_IMPORT, a.loc);
                }
                break;
            case StmtKind::Global:
            case StmtKind::Nonlocal: {
                bool global = s.kind == StmtKind::Global;
                const char* kw = global ? "global" : "nonlocal";
                for (const auto& raw : s.idents) {
                    std::string name = mangle(private_stack_.back(), raw);
                    std::uint32_t cur = cur_->flags_of(name);
                    if (cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT)) {
                        std::string msg;
                        if (cur & DEF_PARAM) msg = "name '" + raw + "' is parameter and " + kw;
                        else if (cur & USE) msg = "name '" + raw + "' is used prior to " + kw + " declaration";
                        else if (cur & DEF_ANNOT) msg = "annotated name '" + raw + "' can't be " + kw;
                        else msg = "name '" + raw + "' is assigned to before " + kw + " declaration";
                        error(msg, s.loc);
                    }
                    add_def(raw, global ? DEF_GLOBAL : DEF_NONLOCAL, s.loc);
                    if (!cur_->directives.count(name)) cur_->directives[name] = Directive{s.loc};
                }
                break;
            }
            case StmtKind::Expr:
                expr(*s.value);
                break;
            default:
                break;
        }
    }

    void comprehension(const Expr& e, const char* name) {
        const Comprehension& outer = e.generators[0];
        expr(*outer.iter);
        Scope* s = enter(BlockType::Function, name, &e, e.loc);
        s->comprehension = true;
        if (e.kind == ExprKind::GeneratorExp) s->generator = true;
        add_def(".0", DEF_PARAM, e.loc);
        expr(*outer.target);
        for (const auto& cond : outer.ifs) expr(*cond);
        for (std::size_t i = 1; i < e.generators.size(); ++i) {
            const Comprehension& g = e.generators[i];
            expr(*g.target);
            expr(*g.iter);
            for (const auto& cond : g.ifs) expr(*cond);
        }
        if (e.left) expr(*e.left);
        if (e.right) expr(*e.right);
        exit();
    }

    void expr(const Expr& e) {
        switch (e.kind) {
            case ExprKind::Name:
                add_def(e.id, e.ctx == Ctx::Load ? USE : DEF_LOCAL, e.loc);
                if (e.ctx == Ctx::Load && cur_->type == BlockType::Function && e.id == "super")
                    add_def("__class__", USE, e.loc);
                break;
            case ExprKind::NamedExpr: {
                expr(*e.right);
                if (cur_->comprehension) {
                    // binds in the nearest enclosing non-comprehension block
                    Scope* target = cur_;
                    while (target->comprehension) target = target->parent;
                    if (target->type == BlockType::Class)
                        error("assignment expression within a comprehension cannot be used in a "
                              "class body", e.loc);
                    std::string name = e.left->id;
                    for (Scope* s = cur_; s != target; s = s->parent)
                        add_def_in(s, name, target->type == BlockType::Function ? DEF_NONLOCAL
                                                                                : DEF_GLOBAL,
                                   e.loc);
                    add_def_in(target, name, DEF_LOCAL, e.loc);
                } else {
                    expr(*e.left);
                }
                break;
            }
            case ExprKind::Lambda: {
                for (const auto& d : e.args->defaults) expr(*d);
                for (const auto& d : e.args->kw_defaults)
                    if (d) expr(*d);
                Scope* s = enter(BlockType::Function, "lambda", &e, e.loc);
                s->lambda = true;
                arguments(*e.args);
                expr(*e.left);
                exit();
                break;
            }
            case ExprKind::ListComp: comprehension(e, "listcomp"); break;
            case ExprKind::SetComp: comprehension(e, "setcomp"); break;
            case ExprKind::DictComp: comprehension(e, "dictcomp"); break;
            case ExprKind::GeneratorExp: comprehension(e, "genexpr"); break;
            case ExprKind::Yield:
            case ExprKind::YieldFrom:
                if (e.left) expr(*e.left);
                if (cur_->comprehension) {
                    const char* what = cur_->name == "listcomp" ? "list comprehension"
                                       : cur_->name == "setcomp" ? "set comprehension"
                                       : cur_->name == "dictcomp" ? "dict comprehension"
                                                                  : "generator expression";
                    error(std::string("'yield' inside ") + what, e.loc);
                }
                cur_->generator = true;
                break;
            default:
                if (e.left) expr(*e.left);
                if (e.right) expr(*e.right);
                if (e.third) expr(*e.third);
                for (const auto& x : e.keys)
                    if (x) expr(*x);
                for (const auto& x : e.elts)
                    if (x) expr(*x);
                for (const auto& k : e.keywords) expr(*k.value);
                break;
        }
    }

    // analysis (analyze_block / analyze_name / update_symbols of symtable.c)
    using Set = std::set<std::string>;

    [[noreturn]] void error_at_directive(Scope* s, const std::string& name, const std::string& msg) {
        auto it = s->directives.find(name);
        error(msg, it != s->directives.end() ? it->second.loc : s->loc);
    }

    void analyze_name(Scope* s, std::unordered_map<std::string, SymScope>& scopes,
                      const std::string& name, std::uint32_t flags, Set* bound, Set& local,
                      Set& free, Set& global) {
        if (flags & DEF_GLOBAL) {
            if (flags & DEF_NONLOCAL)
                error_at_directive(s, name, "name '" + name + "' is nonlocal and global");
            scopes[name] = SymScope::GlobalExplicit;
            global.insert(name);
            if (bound) bound->erase(name);
            return;
        }
        if (flags & DEF_NONLOCAL) {
            if (!bound)
                error_at_directive(s, name, "nonlocal declaration not allowed at module level");
            if (!bound->count(name))
                error_at_directive(s, name, "no binding for nonlocal '" + name + "' found");
            scopes[name] = SymScope::Free;
            s->has_free = true;
            free.insert(name);
            return;
        }
        if (flags & DEF_BOUND) {
            scopes[name] = SymScope::Local;
            local.insert(name);
            global.erase(name);
            return;
        }
        if (bound && bound->count(name)) {
            scopes[name] = SymScope::Free;
            s->has_free = true;
            free.insert(name);
            return;
        }
        if (global.count(name)) {
            scopes[name] = SymScope::GlobalImplicit;
            return;
        }
        if (s->nested) s->has_free = true;
        scopes[name] = SymScope::GlobalImplicit;
    }

    void analyze_block(Scope* s, Set* bound, Set& free, Set& global) {
        Set local, newglobal, newfree, newbound;
        std::unordered_map<std::string, SymScope> scopes;
        if (s->type == BlockType::Class) {
            newglobal = global;
            if (bound) newbound = *bound;
        }
        for (const auto& name : s->order)
            analyze_name(s, scopes, name, s->symbols[name].flags, bound, local, free, global);
        if (s->type != BlockType::Class) {
            if (s->type == BlockType::Function) newbound.insert(local.begin(), local.end());
            if (bound) newbound.insert(bound->begin(), bound->end());
            newglobal.insert(global.begin(), global.end());
        } else {
            newbound.insert("__class__");
        }
        Set allfree;
        for (Scope* child : s->children) {
            Set temp_bound = newbound, temp_free = newfree, temp_global = newglobal;
            analyze_block(child, &temp_bound, temp_free, temp_global);
            allfree.insert(temp_free.begin(), temp_free.end());
            if (child->has_free || child->child_free) s->child_free = true;
        }
        newfree.insert(allfree.begin(), allfree.end());
        if (s->type == BlockType::Function) {
            for (auto& [name, sc] : scopes) {
                if (sc != SymScope::Local || !newfree.count(name)) continue;
                sc = SymScope::Cell;
                newfree.erase(name);
            }
        } else if (s->type == BlockType::Class) {
            if (newfree.erase("__class__")) s->needs_class_closure = true;
        }
        // update_symbols
        for (auto& [name, sym] : s->symbols) {
            auto it = scopes.find(name);
            if (it != scopes.end()) sym.scope = it->second;
        }
        for (const auto& name : newfree) {
            auto it = s->symbols.find(name);
            if (it != s->symbols.end()) {
                if (s->type == BlockType::Class && (it->second.flags & (DEF_BOUND | DEF_GLOBAL)))
                    it->second.flags |= DEF_FREE_CLASS;
                continue;
            }
            if (bound && !bound->count(name)) continue;
            s->order.push_back(name);
            s->symbols[name] = Symbol{0, SymScope::Free};
        }
        free.insert(newfree.begin(), newfree.end());
    }
};

std::unique_ptr<SymbolTable> SymbolTable::build(const Module& m, const std::string& filename,
                                                const std::vector<std::string>& lines) {
    auto t = std::make_unique<SymbolTable>();
    SymtableBuilder b(*t, filename, lines);
    b.module(m);
    return t;
}

}  // namespace refscope::lang
