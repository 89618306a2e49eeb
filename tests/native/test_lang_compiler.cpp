// test_lang_compiler.cpp — the compiler's output structure: the instruction sequences that
// CPython 3.11 emits (python3 -m dis was the reference for each), the shared constant pool,
// line numbers, exception tables, and the disassembly layout. The full comparison with
// CPython, program by program, is tests/lang/dis.test.mjs.
#include <catch2/catch.hpp>

#include <variant>

#include "lang/compile.hpp"

using namespace refscope::lang;

namespace {

CompilationUnit compile_ok(const std::string& src) {
    CompileResult r = compile(src, "x.py");
    if (auto* e = std::get_if<SyntaxErrorInfo>(&r)) FAIL(e->message);
    if (auto* u = std::get_if<UnsupportedError>(&r)) FAIL(u->construct);
    return std::get<CompilationUnit>(r);
}

std::vector<std::string> ops(const CodeObject& c) {
    std::vector<std::string> out;
    for (const auto& i : c.code) out.push_back(op_name(i.op));
    return out;
}

const CodeObject& code_named(const CompilationUnit& u, const std::string& name) {
    for (const auto& c : u.codes)
        if (c.name == name) return c;
    FAIL("no code object " + name);
    return u.codes[0];
}

}  // namespace

TEST_CASE("compiler: module call sequence", "[lang][compiler]") {
    CompilationUnit u = compile_ok("print(1)\n");
    verify(u);
    std::vector<std::string> want{"RESUME", "PUSH_NULL", "LOAD_NAME", "LOAD_CONST", "PRECALL",
                                  "CALL", "POP_TOP", "LOAD_CONST", "RETURN_VALUE"};
    CHECK(ops(u.codes[0]) == want);
    CHECK(u.codes[0].code[0].line == 0);   // the module's RESUME has no line
    CHECK(u.codes[0].code[1].line == 1);
}

TEST_CASE("compiler: PUSH_NULL folds into LOAD_GLOBAL's low bit", "[lang][compiler]") {
    CompilationUnit u = compile_ok("def f():\n    return len(x)\n");
    const CodeObject& f = code_named(u, "f");
    std::vector<std::string> want{"RESUME", "LOAD_GLOBAL", "LOAD_GLOBAL", "PRECALL", "CALL",
                                  "RETURN_VALUE"};
    CHECK(ops(f) == want);
    CHECK(f.code[1].arg == 1);   // NULL + len
    CHECK(f.code[2].arg == 2);   // x, no NULL
    CHECK(f.flags == (CO_OPTIMIZED | CO_NEWLOCALS));
}

TEST_CASE("compiler: method calls use LOAD_METHOD, keywords KW_NAMES", "[lang][compiler]") {
    CompilationUnit u = compile_ok("a.b(1, k=2)\n");
    std::vector<std::string> want{"RESUME", "LOAD_NAME", "LOAD_METHOD", "LOAD_CONST", "LOAD_CONST",
                                  "KW_NAMES", "PRECALL", "CALL", "POP_TOP", "LOAD_CONST",
                                  "RETURN_VALUE"};
    CHECK(ops(u.codes[0]) == want);
}

TEST_CASE("compiler: constant displays and folding", "[lang][compiler]") {
    CompilationUnit u = compile_ok("x = [1, 2, 3]\ny = -5\nz = 'a' * 3\nt = (1, 2)\n");
    const CodeObject& m = u.codes[0];
    CHECK(op_name(m.code[1].op) == std::string("BUILD_LIST"));
    CHECK(op_name(m.code[2].op) == std::string("LOAD_CONST"));
    CHECK(op_name(m.code[3].op) == std::string("LIST_EXTEND"));
    std::string listing = disassemble(u, 0);
    CHECK(listing.find("LOAD_CONST 0 ((1, 2, 3))") != std::string::npos);
    CHECK(listing.find("(-5)") != std::string::npos);
    CHECK(listing.find("('aaa')") != std::string::npos);
    CHECK(listing.find("((1, 2))") != std::string::npos);
}

TEST_CASE("compiler: the constant pool is shared and merged", "[lang][compiler]") {
    CompilationUnit u = compile_ok("a = 270\ndef f():\n    return 270\n");
    const CodeObject& m = u.codes[0];
    const CodeObject& f = code_named(u, "f");
    REQUIRE(m.consts.size() >= 1);
    REQUIRE(f.consts.size() == 2);   // None (no docstring), 270
    CHECK(m.consts[0] == f.consts[1]);
    CHECK(u.pool[f.consts[0]].kind == Constant::Kind::none);
}

TEST_CASE("compiler: closures", "[lang][compiler]") {
    CompilationUnit u = compile_ok("def f(a):\n    def g():\n        return a\n    return g\n");
    const CodeObject& f = code_named(u, "f");
    CHECK(ops(f)[0] == "MAKE_CELL");
    REQUIRE(f.localsplus.size() == 2);
    CHECK(f.localkinds[0] == (kFastLocal | kFastCell));
    const CodeObject& g = code_named(u, "g");
    CHECK(ops(g)[0] == "COPY_FREE_VARS");
    CHECK(g.flags & CO_NESTED);
    std::string listing = disassemble(u, 1);
    (void)listing;
    bool has_closure = false;
    for (const auto& i : f.code)
        if (i.op == Op::MAKE_FUNCTION) has_closure = (i.arg & MF_CLOSURE) != 0;
    CHECK(has_closure);
}

TEST_CASE("compiler: generators start with RETURN_GENERATOR", "[lang][compiler]") {
    CompilationUnit u = compile_ok("def g():\n    yield 1\n");
    const CodeObject& g = code_named(u, "g");
    std::vector<std::string> all = ops(g);
    std::vector<std::string> head(all.begin(), all.begin() + 3);
    CHECK(head == std::vector<std::string>{"RETURN_GENERATOR", "POP_TOP", "RESUME"});
    CHECK(g.flags & CO_GENERATOR);
}

TEST_CASE("compiler: try/except builds an exception table", "[lang][compiler]") {
    CompilationUnit u = compile_ok("try:\n    a()\nexcept E as e:\n    b()\n");
    const CodeObject& m = u.codes[0];
    REQUIRE(m.exceptiontable.size() >= 3);
    CHECK_FALSE(m.exceptiontable[0].lasti);
    CHECK(m.exceptiontable[0].depth == 0);
    CHECK(m.exceptiontable[1].lasti);
    CHECK(m.exceptiontable[1].depth == 1);
    CHECK(op_name(m.code[m.exceptiontable[0].target].op) == std::string("PUSH_EXC_INFO"));
    verify(u);
}

TEST_CASE("compiler: jumps are instruction indices, loops go backwards", "[lang][compiler]") {
    CompilationUnit u = compile_ok("for i in x:\n    pass\n");
    const CodeObject& m = u.codes[0];
    std::uint32_t for_iter = 0;
    for (std::uint32_t k = 0; k < m.code.size(); ++k)
        if (m.code[k].op == Op::FOR_ITER) for_iter = k;
    bool back = false;
    for (const auto& i : m.code)
        if (i.op == Op::JUMP_BACKWARD) back = i.arg == for_iter;
    CHECK(back);
}

TEST_CASE("compiler: implicit return None gets the last line", "[lang][compiler]") {
    CompilationUnit u = compile_ok("def f():\n    x = 1\n\n    y = 2\n");
    const CodeObject& f = code_named(u, "f");
    CHECK(f.firstlineno == 1);
    CHECK(f.code[0].line == 1);              // RESUME on the def line
    CHECK(f.code.back().line == 4);          // return None
}

TEST_CASE("compiler: classes and super()", "[lang][compiler]") {
    CompilationUnit u = compile_ok("class C(B):\n    def m(self):\n        return super().m()\n");
    const CodeObject& c = code_named(u, "C");
    CHECK(c.qualname == "C");
    CHECK(code_named(u, "m").qualname == "C.m");
    std::string listing = disassemble(u, 0);
    CHECK(listing.find("LOAD_BUILD_CLASS") != std::string::npos);
    bool classcell = false;
    for (const auto& n : c.names) classcell = classcell || n == "__classcell__";
    CHECK(classcell);
}

TEST_CASE("disassembly layout", "[lang][compiler]") {
    CompilationUnit u = compile_ok("x = 'a'\n");
    CHECK(disassemble(u, 0) ==
          "code <module> (qualname <module>, firstlineno 1, argcount 0, posonly 0, kwonly 0, "
          "flags 0x0, consts ['a', None], names ['x'], localsplus [])\n"
          "  - RESUME 0\n"
          "  1 LOAD_CONST 0 ('a')\n"
          "  1 STORE_NAME 0 (x)\n"
          "  1 LOAD_CONST 1 (None)\n"
          "  1 RETURN_VALUE\n");
}
