// lang/text/format_spec.hpp — the format specification mini-language: format(), f-strings,
// str.format.
//
// Models CPython 3.11's Python/formatter_unicode.c (parse_internal_render_format_spec and the
// int, float and str renderers) from the documented grammar and observed 3.11.7 behaviour:
//
//   spec ::= [[fill]align][sign]["z"]["#"]["0"][width][grouping][.precision][type]
//
// Glossary
//   fill, align   any one code point, then one of < > ^ =. Without an explicit fill, a '0'
//                 before the width sets fill '0' and — for numbers, whose default alignment is
//                 '>' — alignment '=' (padding between sign/prefix and digits).
//   sign          '+', '-' or ' '. 'z' (new in 3.11) prints negative zero floats unsigned.
//   grouping      ',' or '_' every 3 digits ('_' every 4 for b, o, x, X). With fill '0' and
//                 '=' the padding zeros are grouped too, and the result may then be one
//                 character wider than asked, so that it never starts with a separator.
//   type          int: b c d o x X n, or e E f F g G % (the int converted to float first);
//                 float: e E f F g G n % or none (repr-like; with a precision, 'g'-like but
//                 keeping a ".0" on integers and switching to exponent one digit earlier);
//                 str: s or none. 'n' is 'd'/'g' in the C locale (CPython's default).
//   type name     the object's type name used in error messages ("int", "bool", "float", ...).
//
// Errors (ValueError unless noted; messages exactly as 3.11.7 prints them):
//   "Invalid format specifier '<spec>' for object of type '<type name>'"
//   "Unknown format code 'd' for object of type 'float'"   (non-printable codes as '\x1')
//   "Cannot specify ',' with 's'."   "Cannot specify both ',' and '_'."
//   "Format specifier missing precision"   "Too many decimal digits in format string"
//   "Precision not allowed in integer format specifier"
//   "Negative zero coercion (z) not allowed in integer format specifier" (and "in string")
//   "Sign not allowed with integer format specifier 'c'"
//   "Alternate form (#) not allowed with integer format specifier 'c'"
//   "Sign not allowed in string format specifier"   "Space not allowed in string format specifier"
//   "Alternate form (#) not allowed in string format specifier"
//   "'=' alignment not allowed in string format specifier"
//   "precision too big" (float precision > 2**31 - 1)
//   OverflowError "%c arg not in range(0x110000)", "Python int too large to convert to C long",
//   "int too large to convert to float"; ValueError "Exceeds the limit (4300 digits) ..." ('d').
//
// Departures: a width or precision above kMaxFormatWidth gives a bare MemoryError (CPython would
// try to build the string). format(True, '') is 'True' in Python: an empty spec means str(x),
// which for bool the caller supplies; format_int('') gives the digits.
//
// Tunables
//   kMaxFormatWidth  2^24: widths and float precisions above it are a MemoryError.
//
// Invariants
//   1. Width and precision count code points, not bytes; fill may be any code point.
//   2. An empty spec renders exactly str(x) (for int, float and str).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "lang/num/bigint.hpp"
#include "lang/num/py_result.hpp"

namespace refscope::lang {

inline constexpr std::int64_t kMaxFormatWidth = std::int64_t{1} << 24;
static_assert(kMaxFormatWidth <= INT32_MAX, "a capped precision must fit the int printf takes");

struct FormatSpec {
    char32_t fill = ' ';
    char align = '\0';         // '<' '>' '^' '=', or '\0' for the type's default
    char sign = '\0';          // '+' '-' ' ', or '\0'
    bool no_neg_zero = false;  // 'z'
    bool alternate = false;    // '#'
    std::int64_t width = -1;
    char grouping = '\0';  // ',' '_', or '\0'
    std::int64_t precision = -1;
    char32_t type = '\0';  // the default type when the spec has none
};

// Parses `spec` (UTF-8). default_type: 'd' for int, '\0' for float, 's' for str; default_align:
// '>' for numbers, '<' for str (only used for the '0' rule; align stays '\0' if not given).
Result<FormatSpec> parse_format_spec(std::string_view spec, char32_t default_type,
                                     char default_align, std::string_view type_name);

// format(value, spec).
Result<std::string> format_int(const BigInt& value, std::string_view spec,
                               std::string_view type_name = "int");
Result<std::string> format_float(double value, std::string_view spec,
                                 std::string_view type_name = "float");
Result<std::string> format_str(std::string_view value, std::string_view spec,
                               std::string_view type_name = "str");

// Pads `text` (UTF-8, `length` code points) to `width` with `fill` as `align` ('<' '>' '^').
std::string pad_to_width(std::string_view text, std::size_t length, char32_t fill, char align,
                         std::int64_t width);

}  // namespace refscope::lang
