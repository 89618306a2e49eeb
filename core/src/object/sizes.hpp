// object/sizes.hpp — how many bytes each object and buffer requests (spec §10-11).
//
// Pure functions of the profile's ObjectLayout: no state. They encode 3.11's (and 3.7's, for
// the classic profile) struct sizes and growth rules:
//   list_resize (Objects/listobject.c), new_keys_object and GROWTH_RATE (dictobject.c),
//   set_table_resize (setobject.c), new_values / init_inline_values (3.11 dictobject.c).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "refscope/profile.hpp"

namespace refscope::object::sizes {

// Number of 30-bit digits of |v| (at least 1).
std::uint32_t int_digits(std::int64_t v);
// Request of an int with `ndigits` allocated digits (see ObjectLayout::int_header).
std::uint32_t int_request(const ObjectLayout& l, std::uint32_t ndigits);

// One code point of UTF-8 text at byte offset i: its value and how many bytes it took. A byte
// that does not start a well-formed sequence is U+FFFD of length 1. str sizes and str hashes
// both decode with it, so they agree on what the characters are.
struct CodePoint {
    std::uint32_t cp;
    std::size_t length;
};
CodePoint next_code_point(std::string_view utf8, std::size_t i);

struct StrShape {
    std::uint32_t length = 0;     // code points
    std::uint8_t kind = 1;        // bytes per code point: 1, 2, 4
    bool ascii = true;
    std::uint32_t max_char = 0;
};
// Decode UTF-8 (invalid bytes count as U+FFFD) and classify like PyUnicode_New.
StrShape str_shape(std::string_view utf8);
std::uint32_t str_request(const ObjectLayout& l, const StrShape& s);
std::uint32_t bytes_request(const ObjectLayout& l, std::size_t n);

std::uint32_t tuple_request(const Profile& p, std::size_t n);
std::uint32_t list_request(const Profile& p);
std::uint32_t dict_request(const Profile& p);
std::uint32_t set_request(const Profile& p);

// list_resize: the new capacity when a list of `allocated` slots goes from `oldsize` to
// `newsize` items, or nullopt when no reallocation happens.
std::optional<std::uint32_t> list_new_capacity(const ObjectLayout& l, std::uint32_t allocated,
                                               std::uint32_t oldsize, std::uint32_t newsize);

// Dict keys table of `slots` (a power of two >= 8).
std::uint32_t dict_usable(std::uint32_t slots);
std::uint32_t dict_keys_request(const ObjectLayout& l, std::uint32_t slots, bool unicode);
// Slots of the table that replaces a full one holding `used` live entries of a `slots` table.
std::uint32_t dict_grow_slots(const ObjectLayout& l, std::uint32_t used, std::uint32_t slots);

// Set: the slots of the table that set_table_resize(minused) builds (power of two > minused).
std::uint32_t set_table_slots(std::size_t minused);
inline constexpr std::uint32_t kSetMinSize = 8;
inline constexpr std::uint32_t kSetEntry = 16;

// 3.11 instance values array for `size` slots (new_values): prefix rounded to 8 + 8 per slot.
std::uint32_t values_request(std::uint32_t size);
inline constexpr std::uint32_t kSharedKeysMaxSize = 30;   // SHARED_KEYS_MAX_SIZE
inline constexpr std::uint32_t kMemberDef = 40;           // sizeof(PyMemberDef): a heap type's item

}  // namespace refscope::object::sizes
