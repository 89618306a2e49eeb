// lang/lexer.hpp — source text to tokens, as CPython 3.11's tokenizer does it.
//
// Models Parser/tokenizer.c (3.11): INDENT/DEDENT from an indentation stack measured twice
// (tabs to multiples of 8, and tabs as 1 column: the two disagreeing is a TabError), implicit
// line joining inside brackets, backslash continuation, comments and blank lines producing no
// NEWLINE, numbers with underscores, string literals with their prefixes kept whole (an
// f-string is one STRING token), and the tokenizer's own error messages and positions.
//
// Glossary
//   paren stack   open brackets with their position; closing one that does not match is an
//                 immediate error, reaching the end with one open is "'(' was never closed".
//   pending error the first tokenizer error. CPython raises it when the parser asks for the
//                 token where it happened, and a later one still beats a parser error (the
//                 tokenizer runs over the rest of the file before a generic error is
//                 reported), so the parser consults it when it fails (see parser.cpp).
//
// Invariants
//   1. `tokens` stops right before the position of `error` when there is one.
//   2. Without an error the last token is ENDMARKER, preceded by NEWLINE and the DEDENTs.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lang/syntax_error.hpp"
#include "lang/token.hpp"

namespace refscope::lang {

struct LexResult {
    std::vector<Token> tokens;
    std::optional<SyntaxErrorInfo> error;   // a tokenizer error (not an unclosed bracket)
    // A bracket still open at the end of the input (CPython: E_EOF with tok->level > 0).
    bool unclosed = false;
    Token unclosed_bracket;                 // its position and character
    std::vector<std::string> lines;         // the source lines, without their newlines
};

// `source` is UTF-8; "\r\n" and "\r" count as newlines.
LexResult tokenize(std::string_view source);

// Character (code point) count of the first `bytes` bytes of `line`.
std::uint32_t char_column(std::string_view line, std::uint32_t bytes);

// The "'(' was never closed" error for an unclosed bracket token.
SyntaxErrorInfo unclosed_bracket_error(const LexResult& lexed);

}  // namespace refscope::lang
