// lang/text/str_repr.cpp — repr() of str and bytes (see str_repr.hpp).
#include "lang/text/str_repr.hpp"

#include "lang/text/unicode_class.hpp"
#include "lang/text/utf8.hpp"

namespace refscope::lang {

namespace {

constexpr char kHex[] = "0123456789abcdef";

void append_hex(std::string& out, char32_t v, int width) {
    for (int shift = 4 * (width - 1); shift >= 0; shift -= 4)
        out.push_back(kHex[(v >> shift) & 0xF]);
}

// Appends cp escaped as repr does (quote is the chosen delimiter); `keep_printable` keeps
// printable non-ASCII characters as they are (repr) or escapes them (ascii).
void append_repr_char(std::string& out, char32_t cp, char quote, bool keep_printable) {
    switch (cp) {
        case '\\': out += "\\\\"; return;
        case '\t': out += "\\t"; return;
        case '\n': out += "\\n"; return;
        case '\r': out += "\\r"; return;
        default: break;
    }
    if (cp == static_cast<char32_t>(quote)) {
        out.push_back('\\');
        out.push_back(quote);
    } else if (cp < 0x20 || cp == 0x7F) {
        out += "\\x";
        append_hex(out, cp, 2);
    } else if (cp < 0x7F) {
        out.push_back(static_cast<char>(cp));
    } else if (keep_printable && is_printable(cp)) {
        utf8_append(out, cp);
    } else if (cp < 0x100) {
        out += "\\x";
        append_hex(out, cp, 2);
    } else if (cp < 0x10000) {
        out += "\\u";
        append_hex(out, cp, 4);
    } else {
        out += "\\U";
        append_hex(out, cp, 8);
    }
}

char choose_quote(bool has_single, bool has_double) {
    return has_single && !has_double ? '"' : '\'';
}

std::string repr_impl(std::string_view utf8, bool keep_printable) {
    bool has_single = false, has_double = false;
    for (const char c : utf8) {
        has_single |= c == '\'';
        has_double |= c == '"';
    }
    const char quote = choose_quote(has_single, has_double);
    std::string out;
    out.reserve(utf8.size() + 2);
    out.push_back(quote);
    for (std::size_t pos = 0; pos < utf8.size();) {
        const Utf8Char c = utf8_decode(utf8, pos);
        append_repr_char(out, c.cp, quote, keep_printable);
        pos += c.length;
    }
    out.push_back(quote);
    return out;
}

}  // namespace

std::string repr_str(std::string_view utf8) { return repr_impl(utf8, true); }

std::string ascii_str(std::string_view utf8) { return repr_impl(utf8, false); }

std::string ascii_escape(std::string_view repr_text) {
    std::string out;
    out.reserve(repr_text.size());
    for (std::size_t pos = 0; pos < repr_text.size();) {
        const Utf8Char c = utf8_decode(repr_text, pos);
        if (c.cp < 0x80) {
            out.push_back(static_cast<char>(c.cp));
        } else if (c.cp < 0x100) {
            out += "\\x";
            append_hex(out, c.cp, 2);
        } else if (c.cp < 0x10000) {
            out += "\\u";
            append_hex(out, c.cp, 4);
        } else {
            out += "\\U";
            append_hex(out, c.cp, 8);
        }
        pos += c.length;
    }
    return out;
}

std::string repr_bytes(std::string_view bytes) {
    bool has_single = false, has_double = false;
    for (const char c : bytes) {
        has_single |= c == '\'';
        has_double |= c == '"';
    }
    const char quote = choose_quote(has_single, has_double);
    std::string out = "b";
    out.push_back(quote);
    for (const char ch : bytes) {
        const auto c = static_cast<unsigned char>(ch);
        switch (c) {
            case '\\': out += "\\\\"; continue;
            case '\t': out += "\\t"; continue;
            case '\n': out += "\\n"; continue;
            case '\r': out += "\\r"; continue;
            default: break;
        }
        if (c == static_cast<unsigned char>(quote)) {
            out.push_back('\\');
            out.push_back(quote);
        } else if (c < 0x20 || c >= 0x7F) {
            out += "\\x";
            append_hex(out, c, 2);
        } else {
            out.push_back(ch);
        }
    }
    out.push_back(quote);
    return out;
}

std::string repr_str_truncated(std::string_view utf8, std::size_t max_chars) {
    const std::string r = repr_str(utf8);
    return std::string(utf8_substr(r, 0, max_chars));
}

}  // namespace refscope::lang
