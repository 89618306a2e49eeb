// lang/text/utf8.hpp — Python str operations on UTF-8 text, by code point.
//
// refscope keeps str values as UTF-8; CPython 3.11 (Objects/unicodeobject.c, PEP 393) keeps
// them as arrays of 1, 2 or 4 bytes per code point and indexes them in O(1). These helpers give
// the code-point view — length, indexing, slicing — and the PEP 393 kind that sizes the object.
// They are O(n) walks: fine for the string sizes a visualizer shows.
//
// Glossary
//   code point   one element of a Python str (0..0x10FFFF, lone surrogates included).
//   WTF-8        UTF-8 extended to encode lone surrogates U+D800..U+DFFF as three bytes
//                (ED A0..BF xx), so that '\ud800' can be stored; decoding accepts them.
//   kind         PEP 393 storage width: 1 (max char < 256), 2 (< 65536), 4.
//
// Invariants
//   1. Decoding never fails: a byte that does not start a well-formed sequence decodes as
//      U+FFFD with length 1 (so every byte offset advances).
//   2. utf8_append(cp) followed by utf8_decode gives cp back for every cp <= 0x10FFFF.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "lang/num/py_result.hpp"

namespace refscope::lang {

struct Utf8Char {
    char32_t cp;
    std::uint8_t length;  // bytes consumed, 1..4
};

Utf8Char utf8_decode(std::string_view text, std::size_t pos);
void utf8_append(std::string& out, char32_t cp);
std::string utf8_encode(char32_t cp);

// len(s)
std::size_t utf8_length(std::string_view text);
// Byte offset of code point `index` (text.size() when index >= length).
std::size_t utf8_offset(std::string_view text, std::size_t index);
// s[index] for 0 <= index < len(s); nullopt when out of range.
std::optional<char32_t> utf8_at(std::string_view text, std::size_t index);
// s[start:stop] by code points (clamped, step 1), as a view of the bytes.
std::string_view utf8_substr(std::string_view text, std::size_t start, std::size_t stop);
// s[start:stop:step] with Python's slice rules (missing bounds as nullopt, negative indices
// from the end). ValueError "slice step cannot be zero".
Result<std::string> utf8_slice(std::string_view text, std::optional<std::int64_t> start,
                               std::optional<std::int64_t> stop, std::optional<std::int64_t> step);
// max(map(ord, s)), 0 for ''.
char32_t utf8_max_char(std::string_view text);
// PEP 393 kind for a maximum code point: 1, 2 or 4.
int str_kind(char32_t max_char);

}  // namespace refscope::lang
