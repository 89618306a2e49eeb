// object/sizes.cpp — see sizes.hpp.
#include "object/sizes.hpp"

namespace refscope::object::sizes {

std::uint32_t int_digits(std::int64_t v) {
    std::uint64_t m = v < 0 ? 0 - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v);
    std::uint32_t n = 1;
    while (m >>= 30) ++n;
    return n;
}

std::uint32_t int_request(const ObjectLayout& l, std::uint32_t ndigits) {
    return l.int_header + 4 * (ndigits > 0 ? ndigits : 1);
}

CodePoint next_code_point(std::string_view s, std::size_t i) {
    auto c = static_cast<unsigned char>(s[i]);
    std::uint32_t cp;
    std::size_t len;
    if (c < 0x80) return {c, 1};
    if ((c >> 5) == 6) { cp = c & 0x1f; len = 2; }
    else if ((c >> 4) == 14) { cp = c & 0x0f; len = 3; }
    else if ((c >> 3) == 30) { cp = c & 0x07; len = 4; }
    else return {0xfffd, 1};
    if (i + len > s.size()) return {0xfffd, 1};
    for (std::size_t k = 1; k < len; ++k) {
        auto cc = static_cast<unsigned char>(s[i + k]);
        if ((cc >> 6) != 2) return {0xfffd, 1};
        cp = (cp << 6) | (cc & 0x3f);
    }
    return {cp, len};
}

StrShape str_shape(std::string_view s) {
    StrShape out;
    for (std::size_t i = 0; i < s.size();) {
        auto [cp, len] = next_code_point(s, i);
        i += len;
        ++out.length;
        if (cp > out.max_char) out.max_char = cp;
    }
    out.ascii = out.max_char < 0x80;
    out.kind = out.max_char < 0x100 ? 1 : out.max_char < 0x10000 ? 2 : 4;
    return out;
}

std::uint32_t str_request(const ObjectLayout& l, const StrShape& s) {
    if (s.ascii) return l.str_ascii_header + s.length + 1;
    return l.str_compact_header + (s.length + 1) * s.kind;
}

std::uint32_t bytes_request(const ObjectLayout& l, std::size_t n) {
    return l.bytes_header + static_cast<std::uint32_t>(n);
}

std::uint32_t tuple_request(const Profile& p, std::size_t n) {
    return p.gc.gc_head_size + p.objects.tuple_base + 8 * static_cast<std::uint32_t>(n);
}
std::uint32_t list_request(const Profile& p) { return p.gc.gc_head_size + p.objects.list_base; }
std::uint32_t dict_request(const Profile& p) { return p.gc.gc_head_size + p.objects.dict_base; }
std::uint32_t set_request(const Profile& p) { return p.gc.gc_head_size + p.objects.set_base; }

std::optional<std::uint32_t> list_new_capacity(const ObjectLayout& l, std::uint32_t allocated,
                                               std::uint32_t oldsize, std::uint32_t newsize) {
    if (allocated >= newsize && newsize >= (allocated >> 1)) return std::nullopt;
    std::uint64_t grown;
    if (l.growth_rules_v37) {
        grown = std::uint64_t{newsize} + (newsize >> 3) + (newsize < 9 ? 3 : 6);
    } else {
        grown = (std::uint64_t{newsize} + (newsize >> 3) + 6) & ~std::uint64_t{3};
        // A big jump (extend) gets exactly what it asked for, rounded up to a multiple of 4.
        if (std::int64_t{newsize} - oldsize > static_cast<std::int64_t>(grown - newsize))
            grown = (std::uint64_t{newsize} + 3) & ~std::uint64_t{3};
    }
    if (newsize == 0) grown = 0;
    return static_cast<std::uint32_t>(grown);
}

std::uint32_t dict_usable(std::uint32_t slots) { return (slots << 1) / 3; }

std::uint32_t dict_keys_request(const ObjectLayout& l, std::uint32_t slots, bool unicode) {
    std::uint32_t index_width = slots <= 128 ? 1 : slots <= (1u << 15) ? 2 : 4;
    std::uint32_t entry = unicode ? l.dict_entry_str : l.dict_entry_general;
    return l.dict_keys_header + slots * index_width + dict_usable(slots) * entry;
}

std::uint32_t dict_grow_slots(const ObjectLayout& l, std::uint32_t used, std::uint32_t slots) {
    // 3.11: GROWTH_RATE = used * 3; 3.7: used * 2 + slots / 2. Smallest power of two >= it.
    std::uint64_t want = l.growth_rules_v37 ? std::uint64_t{used} * 2 + slots / 2
                                           : std::uint64_t{used} * 3;
    if (!l.growth_rules_v37) {
        // 3.11 calculate_log2_keysize on 64-bit Linux: bit_length(((want | 8) - 1) | 7), so a
        // table resized while holding 1 or 2 entries (want 3 or 6) gets 16 slots, not 8.
        std::uint64_t m = ((want | 8) - 1) | 7;
        std::uint32_t log2 = 0;
        while (m) {
            ++log2;
            m >>= 1;
        }
        return std::uint32_t{1} << log2;
    }
    std::uint32_t n = 8;
    while (n < want) n <<= 1;
    return n;
}

std::uint32_t set_table_slots(std::size_t minused) {
    std::uint32_t n = kSetMinSize;
    while (n <= minused) n <<= 1;
    return n;
}

std::uint32_t values_request(std::uint32_t size) {
    std::uint32_t prefix = (size + 2 + 7) & ~7u;
    return prefix + 8 * size;
}

}  // namespace refscope::object::sizes
