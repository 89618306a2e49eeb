// lang/text/unicode_class.hpp — the Unicode character classes the value library needs.
//
// Models the character predicates CPython 3.11 takes from its Unicode 14.0.0 database
// (Objects/unicodectype.c, generated from UnicodeData.txt): str.isprintable() per character
// (which decides what repr() escapes), str.isspace() per character, and the decimal value of a
// digit (unicodedata.decimal, what int() and float() accept in place of ASCII digits).
// The tables in unicode_tables.cpp are exact for Unicode 14.0.0, measured from CPython 3.11.7.
//
// Glossary
//   printable  not in categories Cc Cf Cs Co Cn Zl Zp Zs, except U+0020 SPACE which is.
//   space      bidirectional class WS/B/S or category Zs (29 code points: \t..\r, \x1c..\x1f,
//              ' ', \x85, \xa0, U+1680, U+2000..U+200A, U+2028, U+2029, U+202F, U+205F, U+3000).
//   decimal    a code point in a run of ten consecutive Nd digits 0..9.
//
// Invariants
//   1. kNonPrintable is sorted, its ranges are disjoint and inclusive.
//   2. kDecimalZeros is sorted; zero + d has decimal value d for d in 0..9.
#pragma once

#include <cstddef>
#include <cstdint>

namespace refscope::lang {

bool is_printable(char32_t cp);
bool is_space(char32_t cp);
// 0..9, or -1 when cp is not a decimal digit.
int decimal_value(char32_t cp);

namespace unicode_tables {
struct CodeRange {
    char32_t first;
    char32_t last;
};
extern const CodeRange kNonPrintable[];
extern const std::size_t kNonPrintableCount;
extern const char32_t kDecimalZeros[];
extern const std::size_t kDecimalZeroCount;
}  // namespace unicode_tables

}  // namespace refscope::lang
