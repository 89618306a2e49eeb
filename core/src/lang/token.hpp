// lang/token.hpp — the tokens of the Python subset, as CPython 3.11's tokenizer makes them.
//
// Models Parser/tokenizer.c (3.11): the same token kinds (NAME, NUMBER, STRING, OP, NEWLINE,
// INDENT, DEDENT, ENDMARKER), the same positions (1-based lines, 0-based byte columns), and
// the same treatment of an f-string: one STRING token whose replacement fields the parser
// takes apart itself (string_parser.c did that in 3.11).
//
// Glossary
//   col / end_col   byte offsets within their line; a NEWLINE token is zero-width (end_col ==
//                   col), as 3.11 records it, which is what SyntaxError offsets are made of.
//   text            the token's source text; for STRING the whole literal with prefix and quotes.
//
// Invariants
//   1. Tokens are in source order; (line, col) never decreases.
//   2. INDENT and DEDENT come in matched pairs; the stream ends NEWLINE? DEDENT* ENDMARKER.
#pragma once

#include <cstdint>
#include <string>

namespace refscope::lang {

enum class TokenKind : std::uint8_t { Name, Number, String, Op, Newline, Indent, Dedent, EndMarker };

struct Token {
    TokenKind kind = TokenKind::EndMarker;
    std::string text;
    std::uint32_t line = 0, col = 0, end_line = 0, end_col = 0;

    bool is_op(const char* op) const { return kind == TokenKind::Op && text == op; }
    bool is_name(const char* name) const { return kind == TokenKind::Name && text == name; }
};

}  // namespace refscope::lang
