// lang/number_literal.hpp — the value of a NUMBER token.
//
// Models PyLong_FromString / PyOS_string_to_double as the 3.11 parser applies them
// (Parser/pegen.c parsenumber): underscores dropped; 0x/0o/0b prefixes; a trailing j or J
// makes an imaginary number; a '.', 'e' or 'E' (outside hex) makes a float. Integers that do
// not fit in int64 become Const::Kind::big_integer with their decimal digits.
#pragma once

#include <string>
#include <string_view>

#include "lang/ast.hpp"

namespace refscope::lang {

Const parse_number_literal(std::string_view text);

// Decimal digits of an unsigned integer written in `base` (2, 8, 10 or 16) with no prefix
// and no underscores.
std::string digits_to_decimal(std::string_view digits, int base);

}  // namespace refscope::lang
