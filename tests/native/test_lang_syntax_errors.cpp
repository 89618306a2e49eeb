// test_lang_syntax_errors.cpp — compile() reports SyntaxError as CPython 3.11 does.
//
// Every expected value below was measured with python3 3.11.7:
//   compile(src, "x.py", "exec") -> SyntaxError type, msg, lineno, offset, end_offset
#include <catch2/catch.hpp>

#include <variant>

#include "lang/compile.hpp"

using namespace refscope::lang;

namespace {

struct Case {
    const char* src;
    const char* type;
    const char* msg;
    unsigned line, offset;
    int end_offset;
};

const Case kCases[] = {
    {"x = 1 +\n", "SyntaxError", "invalid syntax", 1, 8, 8},
    {"a b c\n", "SyntaxError", "invalid syntax", 1, 3, 4},
    {"x = (1,\ny = 2\n", "SyntaxError", "'(' was never closed", 1, 5, 0},
    {"foo(1, 2\n", "SyntaxError", "'(' was never closed", 1, 4, 0},
    {"x = 1)\n", "SyntaxError", "unmatched ')'", 1, 6, 6},
    {"x = (1, 2]\n", "SyntaxError", "closing parenthesis ']' does not match opening parenthesis '('", 1, 10, 10},
    {"if x\n    pass\n", "SyntaxError", "expected ':'", 1, 5, 5},
    {"def f()\n    pass\n", "SyntaxError", "expected ':'", 1, 8, 8},
    {"x = [1 2]\n", "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 1, 6, 9},
    {"print(a b)\n", "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 1, 7, 10},
    {"x = 1\n    y = 2\n", "IndentationError", "unexpected indent", 2, 4, -1},
    {"if x:\npass\n", "IndentationError", "expected an indented block after 'if' statement on line 1", 2, 1, 5},
    {"for x in y:\nx\n", "IndentationError", "expected an indented block after 'for' statement on line 1", 2, 1, 2},
    {"while x:\nx\n", "IndentationError", "expected an indented block after 'while' statement on line 1", 2, 1, 2},
    {"def f():\nreturn 1\n", "IndentationError", "expected an indented block after function definition on line 1", 2, 1, 7},
    {"class C:\nx = 1\n", "IndentationError", "expected an indented block after class definition on line 1", 2, 1, 2},
    {"try:\nx\nexcept:\n  pass\n", "IndentationError", "expected an indented block after 'try' statement on line 1", 2, 1, 2},
    {"if x:\n  pass\nelse:\nx\n", "IndentationError", "expected an indented block after 'else' statement on line 3", 4, 1, 2},
    {"if x:\n  pass\nelif y:\nx\n", "IndentationError", "expected an indented block after 'elif' statement on line 3", 4, 1, 2},
    {"try:\n  x\nexcept E:\nx\n", "IndentationError", "expected an indented block after 'except' statement on line 3", 4, 1, 2},
    {"try:\n  x\nfinally:\nx\n", "IndentationError", "expected an indented block after 'finally' statement on line 3", 4, 1, 2},
    {"with a:\nx\n", "IndentationError", "expected an indented block after 'with' statement on line 1", 2, 1, 2},
    {"if x:\n", "IndentationError", "expected an indented block after 'if' statement on line 1", 1, 6, -1},
    {"if x:\n    a\n  b\n", "IndentationError", "unindent does not match any outer indentation level", 3, 4, -1},
    {"x = 'abc\n", "SyntaxError", "unterminated string literal (detected at line 1)", 1, 5, 5},
    {"x = 1\ny = '''abc\nd\n", "SyntaxError", "unterminated triple-quoted string literal (detected at line 3)", 2, 5, 5},
    {"x = 1abc\n", "SyntaxError", "invalid decimal literal", 1, 5, 5},
    {"1 = x\n", "SyntaxError", "cannot assign to literal here. Maybe you meant '==' instead of '='?", 1, 1, 2},
    {"f() = 1\n", "SyntaxError", "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 1, 4},
    {"if f() = 1: pass\n", "SyntaxError", "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 4, 7},
    {"x + 1 = 2\n", "SyntaxError", "cannot assign to expression here. Maybe you meant '==' instead of '='?", 1, 1, 6},
    {"return 1\n", "SyntaxError", "'return' outside function", 1, 1, 9},
    {"break\n", "SyntaxError", "'break' outside loop", 1, 1, 6},
    {"continue\n", "SyntaxError", "'continue' not properly in loop", 1, 1, 9},
    {"def f():\n    x = 1\n    global x\n", "SyntaxError", "name 'x' is assigned to before global declaration", 3, 5, 13},
    {"def f():\n    print(x)\n    global x\n", "SyntaxError", "name 'x' is used prior to global declaration", 3, 5, 13},
    {"nonlocal x\n", "SyntaxError", "nonlocal declaration not allowed at module level", 1, 1, 11},
    {"def f():\n    nonlocal x\n", "SyntaxError", "no binding for nonlocal 'x' found", 2, 5, 15},
    {"x = 1 \xE2\x80\xA6 2\n", "SyntaxError", "invalid character '\xE2\x80\xA6' (U+2026)", 1, 7, 7},
    {"print 'hello'\n", "SyntaxError", "Missing parentheses in call to 'print'. Did you mean print(...)?", 1, 1, 14},
    {"x = f'{}'\n", "SyntaxError", "f-string: empty expression not allowed", 1, 10, 10},
    {"f(a=1, 2)\n", "SyntaxError", "positional argument follows keyword argument", 1, 9, 10},
    {"def f(x, x): pass\n", "SyntaxError", "duplicate argument 'x' in function definition", 1, 10, 11},
    {"def f(a=1, b): pass\n", "SyntaxError", "non-default argument follows default argument", 1, 12, 13},
    {"if x:\n\tif y:\n        a\n\tb\n", "TabError", "inconsistent use of tabs and spaces in indentation", 3, 1, 0},
    {"None = 1\n", "SyntaxError", "cannot assign to None", 1, 1, 5},
    {"del 1\n", "SyntaxError", "cannot delete literal", 1, 5, 6},
    {"yield 1\n", "SyntaxError", "'yield' outside function", 1, 1, 8},
    {"x = [1,\n2,\n", "SyntaxError", "'[' was never closed", 1, 5, 0},
    {"if x = 1:\n  pass\n", "SyntaxError", "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 4, 9},
    {"(1, 2) = x\n", "SyntaxError", "cannot assign to literal", 1, 2, 3},
    {"f() += 1\n", "SyntaxError", "'function call' is an illegal expression for augmented assignment", 1, 1, 4},
    {"x = 1 if y\n", "SyntaxError", "expected 'else' after 'if' expression", 1, 5, 11},
    {"def f:\n pass\n", "SyntaxError", "expected '('", 1, 6, 7},
};

}  // namespace

TEST_CASE("syntax errors match CPython 3.11", "[lang][syntax]") {
    for (const auto& c : kCases) {
        INFO(c.src);
        CompileResult r = compile(c.src, "x.py");
        auto* e = std::get_if<SyntaxErrorInfo>(&r);
        REQUIRE(e);
        CHECK(e->type == c.type);
        CHECK(e->message == c.msg);
        CHECK(e->line == c.line);
        CHECK(e->offset == c.offset);
        CHECK(e->end_offset == c.end_offset);
        CHECK(e->filename == "x.py");
    }
}

TEST_CASE("syntax errors print as python3 prints them", "[lang][syntax]") {
    // python3 x.py, stderr (the measured output)
    CompileResult r = compile("x = [1 2]\n", "x.py");
    CHECK(format_syntax_error(std::get<SyntaxErrorInfo>(r)) ==
          "  File \"x.py\", line 1\n"
          "    x = [1 2]\n"
          "         ^^^\n"
          "SyntaxError: invalid syntax. Perhaps you forgot a comma?\n");
    r = compile("def f():\n    x = 1\n    global x\n", "x.py");
    CHECK(format_syntax_error(std::get<SyntaxErrorInfo>(r)) ==
          "  File \"x.py\", line 3\n"
          "    global x\n"
          "    ^^^^^^^^\n"
          "SyntaxError: name 'x' is assigned to before global declaration\n");
    r = compile("    x = 1\n", "x.py");
    CHECK(format_syntax_error(std::get<SyntaxErrorInfo>(r)) ==
          "  File \"x.py\", line 1\n"
          "    x = 1\n"
          "IndentationError: unexpected indent\n");
    r = compile("if x:\npass\n", "x.py");
    CHECK(format_syntax_error(std::get<SyntaxErrorInfo>(r)) ==
          "  File \"x.py\", line 2\n"
          "    pass\n"
          "    ^\n"
          "IndentationError: expected an indented block after 'if' statement on line 1\n");
}

TEST_CASE("unsupported constructs are named with their line", "[lang][syntax]") {
    struct U { const char* src; const char* what; unsigned line; };
    U cases[] = {
        {"x = 1\nasync def f():\n    pass\n", "async functions", 2},
        {"match x:\n    case 1:\n        pass\n", "the 'match' statement", 1},
        {"def f():\n    await g()\n", "'await' expressions", 2},
        {"try:\n    pass\nexcept* E:\n    pass\n", "'except*' clauses", 3},
        {"from __future__ import annotations\n", "'from __future__' imports", 1},
    };
    for (const auto& c : cases) {
        INFO(c.src);
        CompileResult r = compile(c.src, "x.py");
        auto* u = std::get_if<UnsupportedError>(&r);
        REQUIRE(u);
        CHECK(u->construct == c.what);
        CHECK(u->line == c.line);
    }
}
