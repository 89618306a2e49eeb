// lang/string_literal.hpp — STRING tokens to Constant or JoinedStr nodes.
//
// Models Parser/string_parser.c (3.11): prefixes (r, u, b, f and their combinations), escape
// sequences, implicit concatenation of adjacent literals (bytes may not mix with str), and
// f-strings: literal text with {{ and }}, replacement fields with an expression, an optional
// `=` (self-documenting: the expression's text becomes a literal and the conversion defaults
// to !r), an optional !s / !r / !a conversion and an optional format spec that may itself hold
// replacement fields. The expressions are parsed with the full parser.
//
// Glossary
//   after   the token that follows the last string: 3.11 reports f-string errors there.
#pragma once

#include <string>
#include <vector>

#include "lang/ast.hpp"
#include "lang/token.hpp"

namespace refscope::lang {

class Parser;

ExprPtr parse_string_tokens(Parser& parser, const std::vector<Token>& parts, const Token& after);

// Appends the UTF-8 encoding of code point `cp`.
void append_utf8(std::string& out, std::uint32_t cp);

}  // namespace refscope::lang
