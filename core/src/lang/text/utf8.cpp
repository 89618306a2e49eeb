// lang/text/utf8.cpp — code-point view of UTF-8 (WTF-8) text (see utf8.hpp).
#include "lang/text/utf8.hpp"

#include <algorithm>
#include <vector>

namespace refscope::lang {

namespace {

constexpr char32_t kReplacement = 0xFFFD;

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

}  // namespace

Utf8Char utf8_decode(std::string_view text, std::size_t pos) {
    const auto at = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char c0 = at(pos);
    if (c0 < 0x80) return {c0, 1};
    const std::size_t left = text.size() - pos;
    if (c0 >= 0xC2 && c0 <= 0xDF) {
        if (left >= 2 && is_continuation(at(pos + 1))) {
            return {static_cast<char32_t>(((c0 & 0x1F) << 6) | (at(pos + 1) & 0x3F)), 2};
        }
    } else if (c0 >= 0xE0 && c0 <= 0xEF) {
        if (left >= 3 && is_continuation(at(pos + 1)) && is_continuation(at(pos + 2))) {
            const char32_t cp =
                ((c0 & 0x0F) << 12) | ((at(pos + 1) & 0x3F) << 6) | (at(pos + 2) & 0x3F);
            if (cp >= 0x800) return {cp, 3};  // surrogates allowed (WTF-8)
        }
    } else if (c0 >= 0xF0 && c0 <= 0xF4) {
        if (left >= 4 && is_continuation(at(pos + 1)) && is_continuation(at(pos + 2)) &&
            is_continuation(at(pos + 3))) {
            const char32_t cp = ((c0 & 0x07) << 18) | ((at(pos + 1) & 0x3F) << 12) |
                                ((at(pos + 2) & 0x3F) << 6) | (at(pos + 3) & 0x3F);
            if (cp >= 0x10000 && cp <= 0x10FFFF) return {cp, 4};
        }
    }
    return {kReplacement, 1};
}

void utf8_append(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

std::string utf8_encode(char32_t cp) {
    std::string s;
    utf8_append(s, cp);
    return s;
}

std::size_t utf8_length(std::string_view text) {
    std::size_t n = 0;
    for (std::size_t pos = 0; pos < text.size(); pos += utf8_decode(text, pos).length) ++n;
    return n;
}

std::size_t utf8_offset(std::string_view text, std::size_t index) {
    std::size_t pos = 0;
    for (std::size_t i = 0; i < index && pos < text.size(); ++i)
        pos += utf8_decode(text, pos).length;
    return pos;
}

std::optional<char32_t> utf8_at(std::string_view text, std::size_t index) {
    const std::size_t pos = utf8_offset(text, index);
    if (pos >= text.size()) return std::nullopt;
    return utf8_decode(text, pos).cp;
}

std::string_view utf8_substr(std::string_view text, std::size_t start, std::size_t stop) {
    if (stop <= start) return text.substr(0, 0);
    const std::size_t b = utf8_offset(text, start);
    const std::string_view rest = text.substr(b);
    return rest.substr(0, utf8_offset(rest, stop - start));
}

Result<std::string> utf8_slice(std::string_view text, std::optional<std::int64_t> start,
                               std::optional<std::int64_t> stop, std::optional<std::int64_t> step) {
    const std::int64_t st = step.value_or(1);
    if (st == 0) return value_error("slice step cannot be zero");
    const auto len = static_cast<std::int64_t>(utf8_length(text));
    // PySlice_AdjustIndices' rules, written out.
    const auto adjust = [&](std::optional<std::int64_t> v, std::int64_t dflt) {
        if (!v) return dflt;
        std::int64_t i = *v;
        if (i < 0) {
            i += len;
            if (i < 0) i = st < 0 ? -1 : 0;
        } else if (i >= len) {
            i = st < 0 ? len - 1 : len;
        }
        return i;
    };
    const std::int64_t b = adjust(start, st < 0 ? len - 1 : 0);
    const std::int64_t e = adjust(stop, st < 0 ? -1 : len);
    if (st == 1)
        return std::string(utf8_substr(text, static_cast<std::size_t>(b),
                                       static_cast<std::size_t>(std::max(b, e))));
    std::vector<std::pair<std::size_t, std::uint8_t>> cps;  // offset, length
    for (std::size_t pos = 0; pos < text.size();) {
        const std::uint8_t l = utf8_decode(text, pos).length;
        cps.emplace_back(pos, l);
        pos += l;
    }
    std::string out;
    for (std::int64_t i = b; st > 0 ? i < e : i > e; i += st) {
        const auto& [pos, l] = cps[static_cast<std::size_t>(i)];
        out.append(text.substr(pos, l));
    }
    return out;
}

char32_t utf8_max_char(std::string_view text) {
    char32_t m = 0;
    for (std::size_t pos = 0; pos < text.size();) {
        const Utf8Char c = utf8_decode(text, pos);
        if (c.cp > m) m = c.cp;
        pos += c.length;
    }
    return m;
}

int str_kind(char32_t max_char) { return max_char < 0x100 ? 1 : (max_char < 0x10000 ? 2 : 4); }

}  // namespace refscope::lang
