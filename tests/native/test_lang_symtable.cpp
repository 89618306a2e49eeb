// test_lang_symtable.cpp — scopes: local/global/free/cell, comprehensions as functions, the
// implicit __class__ cell, global/nonlocal declarations.
#include <catch2/catch.hpp>

#include "lang/lexer.hpp"
#include "lang/parser.hpp"
#include "lang/symtable.hpp"

using namespace refscope::lang;

namespace {

struct Built {
    Module m;
    std::unique_ptr<SymbolTable> t;
};

Built build(const std::string& src) {
    LexResult lexed = tokenize(src);
    Built b;
    b.m = parse_module(lexed, "x.py");
    b.t = SymbolTable::build(b.m, "x.py", lexed.lines);
    return b;
}

Scope* child(Scope* s, const std::string& name) {
    for (Scope* c : s->children)
        if (c->name == name) return c;
    return nullptr;
}

}  // namespace

TEST_CASE("symtable: locals, globals, parameters", "[lang][symtable]") {
    Built b = build("x = 1\ndef f(a, *args, **kw):\n    y = a\n    return x + y\n");
    Scope* top = b.t->top;
    CHECK(top->type == BlockType::Module);
    CHECK(top->scope_of("x") == SymScope::Local);
    Scope* f = child(top, "f");
    REQUIRE(f);
    CHECK(f->type == BlockType::Function);
    CHECK(f->scope_of("a") == SymScope::Local);
    CHECK(f->scope_of("y") == SymScope::Local);
    CHECK(f->scope_of("x") == SymScope::GlobalImplicit);
    CHECK(f->varargs);
    CHECK(f->varkeywords);
    CHECK(f->varnames == std::vector<std::string>{"a", "args", "kw"});
}

TEST_CASE("symtable: closures make cells and free variables", "[lang][symtable]") {
    Built b = build("def outer():\n    n = 0\n    def inner():\n        nonlocal n\n        n += 1\n"
                    "    def reader():\n        return n\n    return inner\n");
    Scope* outer = child(b.t->top, "outer");
    REQUIRE(outer);
    CHECK(outer->scope_of("n") == SymScope::Cell);
    Scope* inner = child(outer, "inner");
    CHECK(inner->scope_of("n") == SymScope::Free);
    CHECK(inner->nested);
    CHECK(child(outer, "reader")->scope_of("n") == SymScope::Free);
}

TEST_CASE("symtable: global declarations", "[lang][symtable]") {
    Built b = build("def f():\n    global g\n    g = 1\n");
    Scope* f = child(b.t->top, "f");
    CHECK(f->scope_of("g") == SymScope::GlobalExplicit);
    // a `global` anywhere marks the module's own symbol explicit too (symtable.c)
    CHECK(b.t->top->scope_of("g") == SymScope::GlobalExplicit);
}

TEST_CASE("symtable: comprehensions are nested functions with .0", "[lang][symtable]") {
    Built b = build("def f(n):\n    return [i * n for i in range(n)]\n");
    Scope* f = child(b.t->top, "f");
    Scope* comp = child(f, "listcomp");
    REQUIRE(comp);
    CHECK(comp->comprehension);
    CHECK(comp->varnames == std::vector<std::string>{".0"});
    CHECK(comp->scope_of("i") == SymScope::Local);
    CHECK(comp->scope_of("n") == SymScope::Free);
    CHECK(f->scope_of("n") == SymScope::Cell);
    CHECK(f->scope_of("range") == SymScope::GlobalImplicit);
}

TEST_CASE("symtable: super() gives the class a __class__ cell", "[lang][symtable]") {
    Built b = build("class C(B):\n    def m(self):\n        return super().m()\n");
    Scope* c = child(b.t->top, "C");
    REQUIRE(c);
    CHECK(c->type == BlockType::Class);
    CHECK(c->needs_class_closure);
    Scope* m = child(c, "m");
    CHECK(m->scope_of("__class__") == SymScope::Free);
}

TEST_CASE("symtable: generators and class-level names", "[lang][symtable]") {
    Built b = build("def g():\n    yield 1\nclass K:\n    a = 1\n    def m(self):\n        return a\n");
    CHECK(child(b.t->top, "g")->generator);
    Scope* m = child(child(b.t->top, "K"), "m");
    CHECK(m->scope_of("a") == SymScope::GlobalImplicit);   // class names are not visible
}

TEST_CASE("symtable: name mangling", "[lang][symtable]") {
    CHECK(mangle("C", "__x") == "_C__x");
    CHECK(mangle("_C", "__x") == "_C__x");
    CHECK(mangle("C", "__x__") == "__x__");
    CHECK(mangle("C", "_x") == "_x");
    CHECK(mangle("___", "__x") == "__x");
    CHECK(mangle("", "__x") == "__x");
}
