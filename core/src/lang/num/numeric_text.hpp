// lang/num/numeric_text.hpp — the text that int() and float() actually parse.
//
// CPython 3.11 (Objects/unicodeobject.c, _PyUnicode_TransformDecimalAndSpaceToASCII) first
// rewrites a str argument of int() and float() into ASCII: every non-ASCII whitespace
// character becomes ' ', every non-ASCII decimal digit becomes its ASCII digit, every other
// non-ASCII character becomes something no parser accepts. ASCII characters stay as they are,
// so '\x1c' (whitespace for str.isspace) is not stripped by int(). The parsers in bigint_text.cpp
// and float_parse.cpp then work on bytes.
//
// Invariants
//   1. The output is ASCII and has one byte per code point of the input.
//   2. Non-ASCII input never becomes a character a parser accepts, except as ' ' or a digit.
#pragma once

#include <string>
#include <string_view>

namespace refscope::lang {

std::string numeric_ascii(std::string_view utf8);
// The whitespace int() and float() strip after numeric_ascii (C's isspace in the C locale).
inline bool is_numeric_space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

}  // namespace refscope::lang
