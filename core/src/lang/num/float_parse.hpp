// lang/num/float_parse.hpp — text to float: float(str) and float literals.
//
// Models float(str) in CPython 3.11 (Objects/floatobject.c PyFloat_FromString, Python/
// pystrtod.c _Py_string_to_number_with_underscores) and the tokenizer's float literals
// (Parser/tokenizer.c). Accepted, after surrounding whitespace and one sign (float() only):
//   digitpart   digit ("_"? digit)*            underscores only between digits
//   number      digitpart? "." digitpart? | digitpart, with at least one digit,
//               then optionally [eE] [+-]? digitpart
//   specials    "inf", "infinity", "nan" in any case (float() only)
// The value is the correctly rounded double (strtod on the text without underscores):
// too large gives inf, too small 0.0 — float() never raises OverflowError.
//
// Invariants
//   1. Only text matching the grammar reaches strtod (so C's hex floats and "nan(...)" are
//      rejected, as Python rejects them).
#pragma once

#include <optional>
#include <string_view>

#include "lang/num/py_result.hpp"

namespace refscope::lang {

// float(text) for a str (UTF-8; Unicode digits and spaces as int() takes them).
// ValueError "could not convert string to float: 'abc'" (the full repr of text).
Result<double> parse_float(std::string_view text);
// A float literal as written in source ("1.5", "1_000.0", ".5e-3", "1e10"); nullopt if not one.
std::optional<double> parse_float_literal(std::string_view text);

}  // namespace refscope::lang
