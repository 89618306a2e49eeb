// lang/text/str_repr.hpp — repr() and ascii() of str, repr() of bytes.
//
// Models unicode_repr and bytes_repr in CPython 3.11 (Objects/unicodeobject.c,
// Objects/bytesobject.c) and ascii() (Python/bltinmodule.c: repr, then non-ASCII characters
// backslash-escaped). Written from their documented and observed behaviour:
//   * quotes: single quotes, unless the text contains ' and no " — then double quotes;
//   * escapes: \\ and the chosen quote; \t \n \r; other characters below U+0020 and U+007F
//     as \xhh; non-ASCII characters are kept when printable (str.isprintable, Unicode 14.0.0,
//     exact) and otherwise written \xhh (< U+0100), \uhhhh (< U+10000) or \Uhhhhhhhh;
//   * bytes: b'...' with the same quote rule and \xhh for every byte outside 0x20..0x7E.
// Hex digits are lowercase.
//
// Invariants
//   1. The output is pure ASCII for ascii_str, ascii_escape and repr_bytes.
//   2. repr_str's output, read back as a Python literal, is the input again.
#pragma once

#include <string>
#include <string_view>

namespace refscope::lang {

// repr(s) for a str held as UTF-8 (WTF-8).
std::string repr_str(std::string_view utf8);
// ascii(s) for a str.
std::string ascii_str(std::string_view utf8);
// ascii(x) given repr(x): escapes every non-ASCII character of `repr_text`.
std::string ascii_escape(std::string_view repr_text);
// repr(b) for a bytes object.
std::string repr_bytes(std::string_view bytes);
// repr(s) cut to at most `max_chars` code points, as "%.200R" does in CPython's messages.
std::string repr_str_truncated(std::string_view utf8, std::size_t max_chars);

}  // namespace refscope::lang
