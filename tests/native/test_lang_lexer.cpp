// test_lang_lexer.cpp — the tokenizer: kinds, positions, INDENT/DEDENT, implicit joining,
// numbers, string prefixes, and its own error messages (positions measured with python3 3.11).
#include <catch2/catch.hpp>

#include "lang/lexer.hpp"
#include "lang/number_literal.hpp"

using namespace refscope::lang;

namespace {

std::vector<std::string> kinds(const std::string& src) {
    static const char* names[] = {"NAME", "NUMBER", "STRING", "OP", "NEWLINE", "INDENT", "DEDENT", "END"};
    std::vector<std::string> out;
    for (const auto& t : tokenize(src).tokens) out.push_back(names[static_cast<int>(t.kind)]);
    return out;
}

}  // namespace

TEST_CASE("lexer: simple statement with positions", "[lang][lexer]") {
    LexResult r = tokenize("x = 1 + foo\n");
    REQUIRE_FALSE(r.error);
    REQUIRE(r.tokens.size() == 7);
    CHECK(r.tokens[0].text == "x");
    CHECK(r.tokens[3].col == 6);
    CHECK(r.tokens[4].text == "foo");
    CHECK(r.tokens[4].end_col == 11);
    CHECK(r.tokens[5].kind == TokenKind::Newline);
    CHECK(r.tokens[5].col == r.tokens[5].end_col);   // NEWLINE is zero-width
}

TEST_CASE("lexer: indentation, blank lines and comments", "[lang][lexer]") {
    auto k = kinds("if x:\n    # comment\n\n    y\nz\n");
    std::vector<std::string> want{"NAME", "NAME", "OP", "NEWLINE", "INDENT", "NAME", "NEWLINE",
                                  "DEDENT", "NAME", "NEWLINE", "END"};
    CHECK(k == want);
}

TEST_CASE("lexer: brackets join lines, backslash continues", "[lang][lexer]") {
    auto k = kinds("x = (1,\n     2)\ny = 1 + \\\n    2\n");
    CHECK(std::count(k.begin(), k.end(), "NEWLINE") == 2);
    CHECK(std::count(k.begin(), k.end(), "INDENT") == 0);
}

TEST_CASE("lexer: missing final newline gets one", "[lang][lexer]") {
    auto k = kinds("x");
    std::vector<std::string> want{"NAME", "NEWLINE", "END"};
    CHECK(k == want);
}

TEST_CASE("lexer: strings keep prefixes, f-strings are one token", "[lang][lexer]") {
    LexResult r = tokenize("a = rb'x' f\"{y!r:>{w}}\" '''t\nq'''\n");
    REQUIRE_FALSE(r.error);
    CHECK(r.tokens[2].text == "rb'x'");
    CHECK(r.tokens[3].text == "f\"{y!r:>{w}}\"");
    CHECK(r.tokens[4].kind == TokenKind::String);
    CHECK(r.tokens[4].end_line == 2);
}

TEST_CASE("lexer: number literals", "[lang][lexer]") {
    CHECK(parse_number_literal("1_000").integer == 1000);
    CHECK(parse_number_literal("0x1F").integer == 31);
    CHECK(parse_number_literal("0o17").integer == 15);
    CHECK(parse_number_literal("0b101").integer == 5);
    CHECK(parse_number_literal("1.5").kind == Const::Kind::floating);
    CHECK(parse_number_literal("1e3").floating == 1000.0);
    CHECK(parse_number_literal("2j").kind == Const::Kind::complex);
    Const big = parse_number_literal("123456789012345678901234567890");
    CHECK(big.kind == Const::Kind::big_integer);
    CHECK(big.text == "123456789012345678901234567890");
    CHECK(parse_number_literal("0xFFFFFFFFFFFFFFFFFFFF").text == "1208925819614629174706175");
    CHECK(parse_number_literal("9223372036854775807").kind == Const::Kind::integer);
    CHECK(parse_number_literal("9223372036854775808").kind == Const::Kind::big_integer);
}

TEST_CASE("lexer: errors as python3 reports them", "[lang][lexer]") {
    struct Case { const char* src; const char* msg; unsigned line, offset; };
    // measured with python3 3.11.7: compile(src, "x.py", "exec")
    Case cases[] = {
        {"x = 'abc\n", "unterminated string literal (detected at line 1)", 1, 5},
        {"x = 1\ny = '''abc\nd\n", "unterminated triple-quoted string literal (detected at line 3)", 2, 5},
        {"x = 1abc\n", "invalid decimal literal", 1, 5},
        {"x = 12_\n", "invalid decimal literal", 1, 7},
        {"x = 1)\n", "unmatched ')'", 1, 6},
        {"x = (1, 2]\n", "closing parenthesis ']' does not match opening parenthesis '('", 1, 10},
        {"x = 1 \xE2\x80\xA6 2\n", "invalid character '\xE2\x80\xA6' (U+2026)", 1, 7},
        {"x = 0b12\n", "invalid digit '2' in binary literal", 1, 8},
        {"x = 1.5e\n", "invalid decimal literal", 1, 7},
    };
    for (const auto& c : cases) {
        INFO(c.src);
        LexResult r = tokenize(c.src);
        REQUIRE(r.error);
        CHECK(r.error->message == c.msg);
        CHECK(r.error->line == c.line);
        CHECK(r.error->offset == c.offset);
    }
}

TEST_CASE("lexer: indentation errors", "[lang][lexer]") {
    LexResult r = tokenize("if x:\n    a\n  b\n");
    REQUIRE(r.error);
    CHECK(r.error->type == "IndentationError");
    CHECK(r.error->message == "unindent does not match any outer indentation level");
    CHECK(r.error->offset == 4);
    LexResult t = tokenize("if x:\n\tif y:\n        a\n\tb\n");
    REQUIRE(t.error);
    CHECK(t.error->type == "TabError");
    CHECK(t.error->line == 3);
}

TEST_CASE("lexer: an unclosed bracket is recorded, not raised", "[lang][lexer]") {
    LexResult r = tokenize("foo(1, 2\n");
    CHECK_FALSE(r.error);
    REQUIRE(r.unclosed);
    CHECK(r.unclosed_bracket.text == "(");
    SyntaxErrorInfo e = unclosed_bracket_error(r);
    CHECK(e.message == "'(' was never closed");
    CHECK(e.offset == 4);
}
