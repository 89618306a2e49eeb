// trace/json_writer.cpp — see json_writer.hpp.
#include "trace/json_writer.hpp"

#include <algorithm>
#include <array>
#include <charconv>

namespace refscope::trace {

namespace {

// The UTF-8 sequence that starts at text[i] (a byte >= 0x80): its length when it is valid;
// otherwise the length of its longest start that could still have been valid (at least 1),
// which becomes one U+FFFD. Not valid: a stray continuation byte, an overlong form, an encoded
// surrogate, a code point past U+10FFFF, a sequence cut short.
struct Utf8Sequence {
    std::size_t length;
    bool valid;
};

Utf8Sequence utf8_sequence(std::string_view text, std::size_t i) {
    const auto at = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char b = at(i);
    std::size_t n;
    unsigned char lo = 0x80, hi = 0xBF;   // the allowed range of the second byte
    if (b >= 0xC2 && b <= 0xDF) n = 2;
    else if (b == 0xE0) n = 3, lo = 0xA0;
    else if (b == 0xED) n = 3, hi = 0x9F;
    else if (b >= 0xE1 && b <= 0xEF) n = 3;
    else if (b == 0xF0) n = 4, lo = 0x90;
    else if (b == 0xF4) n = 4, hi = 0x8F;
    else if (b >= 0xF1 && b <= 0xF3) n = 4;
    else return {1, false};
    for (std::size_t k = 1; k < n; ++k) {
        if (i + k >= text.size()) return {k, false};
        const unsigned char c = at(i + k);
        const bool fits = k == 1 ? c >= lo && c <= hi : (c & 0xC0) == 0x80;
        if (!fits) return {k, false};
    }
    return {n, true};
}

// Bytes copied as they are: printable ASCII but the quote and the backslash.
constexpr auto kPlain = [] {
    std::array<bool, 256> plain{};
    for (int c = 0x20; c < 0x80; ++c) plain[c] = c != '"' && c != '\\';
    return plain;
}();

}  // namespace

void append_json_string(std::string& out, std::string_view text) {
    static const char kHex[] = "0123456789abcdef";
    out += '"';
    std::size_t plain = 0;   // start of the run of bytes copied as they are
    auto flush = [&](std::size_t i) { out.append(text.data() + plain, i - plain); };
    for (std::size_t i = 0; i < text.size();) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (kPlain[c]) {
            ++i;
            continue;
        }
        if (c >= 0x80) {
            const Utf8Sequence seq = utf8_sequence(text, i);
            if (!seq.valid) {
                flush(i);
                out += "\xEF\xBF\xBD";   // U+FFFD
                plain = i + seq.length;
            }
            i += seq.length;
            continue;
        }
        flush(i);
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                out += "\\u00";
                out += kHex[c >> 4];
                out += kHex[c & 15];
        }
        plain = ++i;
    }
    flush(text.size());
    out += '"';
}

bool JsonWriter::plain_key(std::string_view name) {
    return std::all_of(name.begin(), name.end(), [](char c) { return kPlain[static_cast<unsigned char>(c)]; });
}

JsonWriter& JsonWriter::key_text(std::string_view text) {
    separate();
    append_json_string(out_, text);
    out_ += ':';
    need_comma_ = false;
    return *this;
}

JsonWriter& JsonWriter::value(std::string_view text) {
    separate();
    append_json_string(out_, text);
    need_comma_ = true;
    return *this;
}

JsonWriter& JsonWriter::signed_number(std::int64_t n) { return number(n); }

JsonWriter& JsonWriter::unsigned_number(std::uint64_t n) { return number(n); }

template <class N>
JsonWriter& JsonWriter::number(N n) {
    char buf[24];
    char* p = buf;
    if (need_comma_) *p++ = ',';
    out_.append(buf, std::to_chars(p, buf + sizeof buf, n).ptr);
    need_comma_ = true;
    return *this;
}

}  // namespace refscope::trace
