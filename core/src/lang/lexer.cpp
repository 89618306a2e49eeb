// lang/lexer.cpp — see lexer.hpp.
#include "lang/lexer.hpp"

#include <cstdio>
#include <cstring>

namespace refscope::lang {

std::uint32_t char_column(std::string_view line, std::uint32_t bytes) {
    std::uint32_t n = 0;
    for (std::uint32_t i = 0; i < bytes && i < line.size(); ++i)
        if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++n;
    if (bytes > line.size()) n += bytes - static_cast<std::uint32_t>(line.size());
    return n;
}

SyntaxErrorInfo unclosed_bracket_error(const LexResult& lexed) {
    SyntaxErrorInfo e;
    const Token& t = lexed.unclosed_bracket;
    e.message = "'" + t.text + "' was never closed";
    e.line = e.end_line = t.line;
    const std::string& text = lexed.lines[t.line - 1];
    e.text = text;
    e.offset = char_column(text, t.col) + 1;
    e.end_offset = 0;
    return e;
}

namespace {

bool is_id_start_cp(std::uint32_t cp) {
    if (cp < 0x80) return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || cp == '_';
    if (cp == 0xAA || cp == 0xB5 || cp == 0xBA) return true;
    if (cp >= 0xC0 && cp <= 0x2AF) return cp != 0xD7 && cp != 0xF7;
    if (cp >= 0x370 && cp <= 0x52F) return cp != 0x37E && cp != 0x387;
    if (cp >= 0x531 && cp <= 0x587) return true;              // Armenian
    if (cp >= 0x5D0 && cp <= 0x5EA) return true;              // Hebrew
    if (cp >= 0x620 && cp <= 0x64A) return true;              // Arabic
    if (cp >= 0x904 && cp <= 0x939) return true;              // Devanagari
    if (cp >= 0x1E00 && cp <= 0x1FFF) return true;            // Latin extended, Greek extended
    if (cp >= 0x3041 && cp <= 0x30FF) return cp != 0x30FB;    // kana
    if (cp >= 0x3400 && cp <= 0x4DBF) return true;
    if (cp >= 0x4E00 && cp <= 0x9FFF) return true;            // CJK
    if (cp >= 0xAC00 && cp <= 0xD7A3) return true;            // Hangul
    return false;
}

bool is_id_continue_cp(std::uint32_t cp) {
    if (cp < 0x80) return is_id_start_cp(cp) || (cp >= '0' && cp <= '9');
    if (cp >= 0x300 && cp <= 0x36F) return true;              // combining marks
    if (cp == 0xB7) return true;
    return is_id_start_cp(cp);
}

// Decodes one UTF-8 code point at s[i]; sets len (1 for invalid bytes).
std::uint32_t decode_utf8(std::string_view s, std::size_t i, std::size_t& len) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    std::uint32_t cp = c;
    len = 1;
    int extra = 0;
    if (c >= 0xF0) { cp = c & 0x07; extra = 3; }
    else if (c >= 0xE0) { cp = c & 0x0F; extra = 2; }
    else if (c >= 0xC0) { cp = c & 0x1F; extra = 1; }
    if (i + extra >= s.size() + (extra ? 0 : 1)) return c;
    for (int k = 1; k <= extra; ++k) {
        if (i + k >= s.size()) return c;
        cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    }
    len = 1 + extra;
    return cp;
}

const char* const kOps3[] = {"**=", "//=", ">>=", "<<=", "...", "!=", nullptr};
const char* const kOps2[] = {"**", "//", ">>", "<<", "<=", ">=", "==", "!=", "->", "+=", "-=",
                             "*=", "/=", "%=", "&=", "|=", "^=", "@=", ":=", nullptr};
const char kOps1[] = "+-*/%@&|^~<>()[]{},:;.=!$?`";

bool is_string_prefix(std::string_view p) {
    std::string low;
    for (char c : p) low += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    static const char* const prefixes[] = {"r", "u", "b", "f", "br", "rb", "fr", "rf", nullptr};
    for (int i = 0; prefixes[i]; ++i)
        if (low == prefixes[i]) return true;
    return false;
}

class Lexer {
public:
    explicit Lexer(std::string_view src) : s_(src) {}

    LexResult run();

private:
    std::string_view s_;
    std::size_t pos_ = 0;
    std::uint32_t line_ = 1;
    std::size_t line_start_ = 0;
    std::vector<Token> parens_;
    std::vector<std::uint32_t> indents_{0}, altindents_{0};
    LexResult out_;
    bool failed_ = false;

    char peek(std::size_t k = 0) const { return pos_ + k < s_.size() ? s_[pos_ + k] : '\0'; }
    bool at_end(std::size_t k = 0) const { return pos_ + k >= s_.size(); }
    std::uint32_t col() const { return static_cast<std::uint32_t>(pos_ - line_start_); }
    std::string_view line_text(std::uint32_t line) const {
        return line - 1 < out_.lines.size() ? std::string_view(out_.lines[line - 1])
                                             : std::string_view();
    }
    void newline() {
        ++line_;
        line_start_ = pos_;
    }
    void emit(TokenKind kind, std::size_t start, std::uint32_t start_line, std::uint32_t start_col) {
        Token t;
        t.kind = kind;
        t.text = std::string(s_.substr(start, pos_ - start));
        t.line = start_line;
        t.col = start_col;
        t.end_line = line_;
        t.end_col = col();
        out_.tokens.push_back(std::move(t));
    }
    // A tokenizer error whose offset is the number of characters before byte column `bytes`.
    void error_at(std::uint32_t line, std::uint32_t bytes, const std::string& msg,
                  const char* type = "SyntaxError") {
        SyntaxErrorInfo e;
        e.type = type;
        e.message = msg;
        e.line = e.end_line = line;
        e.text = std::string(line_text(line));
        e.offset = char_column(e.text, bytes);
        e.end_offset = static_cast<std::int32_t>(e.offset);
        out_.error = e;
        failed_ = true;
    }
    bool indentation();
    void number();
    void string(std::size_t start, std::uint32_t start_col);
    bool verify_end_of_number(const char* kind);
};

bool Lexer::verify_end_of_number(const char* kind) {
    if (at_end()) return true;
    std::size_t len = 0;
    std::uint32_t cp = decode_utf8(s_, pos_, len);
    auto ahead = [&](const char* word) {
        return s_.compare(pos_ + 1, std::strlen(word), word) == 0;
    };
    char c = peek();
    bool keyword = (c == 'a' && ahead("nd")) || (c == 'e' && ahead("lse")) ||
                   (c == 'f' && ahead("or")) || (c == 'o' && ahead("r")) ||
                   (c == 'n' && ahead("ot")) ||
                   (c == 'i' && (peek(1) == 'f' || peek(1) == 'n' || peek(1) == 's'));
    if (keyword) return true;   // CPython only warns here
    if (is_id_continue_cp(cp)) {
        error_at(line_, col(), std::string("invalid ") + kind + " literal");
        return false;
    }
    return true;
}

void Lexer::number() {
    std::size_t start = pos_;
    std::uint32_t start_col = col();
    auto digits = [&](auto is_digit, const char* kind) -> bool {
        // digit (_? digit)*, the first digit already checked by the caller
        while (true) {
            while (is_digit(peek())) ++pos_;
            if (peek() != '_') return true;
            ++pos_;
            if (!is_digit(peek())) {
                error_at(line_, col(), std::string("invalid ") + kind + " literal");
                return false;
            }
        }
    };
    auto dec = [](char c) { return c >= '0' && c <= '9'; };
    if (peek() == '0' && (peek(1) == 'x' || peek(1) == 'X' || peek(1) == 'o' || peek(1) == 'O' ||
                          peek(1) == 'b' || peek(1) == 'B')) {
        char k = static_cast<char>(peek(1) | 0x20);
        pos_ += 2;
        if (peek() == '_') ++pos_;
        const char* kind = k == 'x' ? "hexadecimal" : k == 'o' ? "octal" : "binary";
        auto hex = [](char c) {
            return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        };
        auto oct = [](char c) { return c >= '0' && c <= '7'; };
        auto bin = [](char c) { return c == '0' || c == '1'; };
        bool ok;
        bool first_ok = k == 'x' ? hex(peek()) : k == 'o' ? oct(peek()) : bin(peek());
        if (!first_ok) {
            if (dec(peek())) {
                ++pos_;
                error_at(line_, col(), std::string("invalid digit '") + s_[pos_ - 1] + "' in " +
                                           kind + " literal");
            } else {
                error_at(line_, col(), std::string("invalid ") + kind + " literal");
            }
            return;
        }
        if (k == 'x') ok = digits(hex, kind);
        else if (k == 'o') ok = digits(oct, kind);
        else ok = digits(bin, kind);
        if (!ok) return;
        if (k != 'x' && dec(peek())) {
            ++pos_;
            error_at(line_, col(),
                     std::string("invalid digit '") + s_[pos_ - 1] + "' in " + kind + " literal");
            return;
        }
        if (!verify_end_of_number(kind)) return;
        emit(TokenKind::Number, start, line_, start_col);
        return;
    }
    bool is_float = false;
    if (peek() != '.') {
        bool leading_zero = peek() == '0';
        if (!digits(dec, "decimal")) return;
        if (leading_zero && peek() != '.' && peek() != 'e' && peek() != 'E' && peek() != 'j' &&
            peek() != 'J') {
            // "0777" is an error unless all digits are zeros
            for (std::size_t i = start; i < pos_; ++i)
                if (s_[i] != '0' && s_[i] != '_') {
                    SyntaxErrorInfo e;
                    e.message = "leading zeros in decimal integer literals are not permitted; "
                                "use an 0o prefix for octal integers";
                    e.line = e.end_line = line_;
                    e.text = std::string(line_text(line_));
                    e.offset = char_column(e.text, start_col) + 1;
                    e.end_offset = static_cast<std::int32_t>(e.offset + 1);
                    out_.error = e;
                    failed_ = true;
                    return;
                }
        }
    }
    if (peek() == '.') {
        is_float = true;
        ++pos_;
        if (dec(peek()) && !digits(dec, "decimal")) return;
    }
    if (peek() == 'e' || peek() == 'E') {
        std::size_t save = pos_;
        ++pos_;
        if (peek() == '+' || peek() == '-') {
            ++pos_;
            if (!dec(peek())) {
                error_at(line_, col(), "invalid decimal literal");
                return;
            }
        } else if (!dec(peek())) {
            // "1e" not followed by digits: the number ends before the 'e', which must then
            // be the start of a keyword like `else` (verify_end_of_number)
            pos_ = save;
            if (!verify_end_of_number("decimal")) return;
            emit(TokenKind::Number, start, line_, start_col);
            return;
        }
        if (!digits(dec, "decimal")) return;
        is_float = true;
    }
    if (peek() == 'j' || peek() == 'J') {
        ++pos_;
        if (!verify_end_of_number("imaginary")) return;
    } else if (!verify_end_of_number("decimal")) {
        return;
    }
    (void)is_float;
    emit(TokenKind::Number, start, line_, start_col);
}

void Lexer::string(std::size_t start, std::uint32_t start_col) {
    std::uint32_t start_line = line_;
    std::size_t start_line_start = line_start_;
    char q = peek();
    bool triple = peek(1) == q && peek(2) == q;
    pos_ += triple ? 3 : 1;
    while (true) {
        if (at_end() || (!triple && peek() == '\n')) {
            // CPython reports from the opening quote (prefix included) on the first line
            std::uint32_t detected = line_;
            if (at_end() && triple && pos_ > 0 && s_[pos_ - 1] == '\n') detected = line_ - 1;
            SyntaxErrorInfo e;
            e.message = std::string(triple ? "unterminated triple-quoted string literal"
                                           : "unterminated string literal") +
                        " (detected at line " + std::to_string(detected) + ")";
            e.line = e.end_line = start_line;
            e.text = std::string(line_text(start_line));
            e.offset = char_column(e.text, start_col) + 1;
            e.end_offset = static_cast<std::int32_t>(e.offset);
            out_.error = e;
            failed_ = true;
            (void)start_line_start;
            return;
        }
        char c = peek();
        if (c == '\\') {
            ++pos_;
            if (at_end()) continue;
            if (peek() == '\n') {
                ++pos_;
                newline();
            } else {
                ++pos_;
            }
            continue;
        }
        if (c == '\n') {
            ++pos_;
            newline();
            continue;
        }
        if (c == q) {
            if (!triple) {
                ++pos_;
                break;
            }
            if (peek(1) == q && peek(2) == q) {
                pos_ += 3;
                break;
            }
        }
        ++pos_;
    }
    Token t;
    t.kind = TokenKind::String;
    t.text = std::string(s_.substr(start, pos_ - start));
    t.line = start_line;
    t.col = start_col;
    t.end_line = line_;
    t.end_col = col();
    out_.tokens.push_back(std::move(t));
}

// At the start of a logical line (outside brackets): measures the indentation, skips blank
// and comment-only lines, emits INDENT/DEDENT. Returns false at the end of input.
bool Lexer::indentation() {
    while (true) {
        std::uint32_t c = 0, alt = 0;
        std::size_t p = pos_;
        while (p < s_.size()) {
            char ch = s_[p];
            if (ch == ' ') { ++c; ++alt; }
            else if (ch == '\t') { c = (c / 8 + 1) * 8; ++alt; }
            else if (ch == '\f') { c = alt = 0; }
            else break;
            ++p;
        }
        pos_ = p;
        if (at_end()) return false;
        char ch = peek();
        if (ch == '#' || ch == '\n' || (ch == '\\' && peek(1) == '\n' && false)) {
            while (!at_end() && peek() != '\n') ++pos_;
            if (at_end()) return false;
            ++pos_;
            newline();
            continue;
        }
        if (c == indents_.back()) {
            if (alt != altindents_.back()) {
                error_at(line_, 0, "inconsistent use of tabs and spaces in indentation", "TabError");
                out_.error->offset = 1;
                out_.error->end_offset = 0;
                out_.error->text += "\n";
                return false;
            }
        } else if (c > indents_.back()) {
            if (alt <= altindents_.back()) {
                error_at(line_, 0, "inconsistent use of tabs and spaces in indentation", "TabError");
                out_.error->offset = 1;
                out_.error->end_offset = 0;
                out_.error->text += "\n";
                return false;
            }
            indents_.push_back(c);
            altindents_.push_back(alt);
            Token t;
            t.kind = TokenKind::Indent;
            t.line = t.end_line = line_;
            t.col = t.end_col = col();
            out_.tokens.push_back(t);
        } else {
            while (indents_.size() > 1 && c < indents_.back()) {
                indents_.pop_back();
                altindents_.pop_back();
                Token t;
                t.kind = TokenKind::Dedent;
                t.line = t.end_line = line_;
                t.col = t.end_col = col();
                out_.tokens.push_back(t);
            }
            if (c != indents_.back()) {
                SyntaxErrorInfo e;
                e.type = "IndentationError";
                e.message = "unindent does not match any outer indentation level";
                e.line = e.end_line = line_;
                std::string text(line_text(line_));
                e.offset = char_column(text, static_cast<std::uint32_t>(text.size())) + 1;
                e.text = text + "\n";
                e.end_offset = -1;
                out_.error = e;
                failed_ = true;
                return false;
            }
            if (alt != altindents_.back()) {
                error_at(line_, 0, "inconsistent use of tabs and spaces in indentation", "TabError");
                out_.error->offset = 1;
                out_.error->end_offset = 0;
                out_.error->text += "\n";
                return false;
            }
        }
        return true;
    }
}

LexResult Lexer::run() {
    // the source lines, for error texts
    {
        std::size_t b = 0;
        for (std::size_t i = 0; i <= s_.size(); ++i) {
            if (i == s_.size() || s_[i] == '\n') {
                if (i == s_.size() && b == i) break;
                out_.lines.emplace_back(s_.substr(b, i - b));
                b = i + 1;
            }
        }
    }
    bool line_start = true;
    while (!failed_) {
        if (line_start && parens_.empty()) {
            if (!indentation()) break;
            line_start = false;
        }
        while (peek() == ' ' || peek() == '\t' || peek() == '\f') ++pos_;
        if (at_end()) break;
        char c = peek();
        std::size_t start = pos_;
        std::uint32_t start_col = col();
        if (c == '#') {
            while (!at_end() && peek() != '\n') ++pos_;
            continue;
        }
        if (c == '\\') {
            if (peek(1) == '\n') {
                pos_ += 2;
                newline();
                if (at_end()) {
                    SyntaxErrorInfo e;
                    e.message = "unexpected EOF while parsing";
                    e.line = e.end_line = line_ - 1;
                    e.text = std::string(line_text(line_ - 1));
                    e.offset = char_column(e.text, static_cast<std::uint32_t>(e.text.size()));
                    e.end_offset = static_cast<std::int32_t>(e.offset);
                    out_.error = e;
                    failed_ = true;
                }
                continue;
            }
            SyntaxErrorInfo e;
            e.message = "unexpected character after line continuation character";
            e.line = e.end_line = line_;
            e.text = std::string(line_text(line_)) + "\n";
            e.offset = char_column(e.text, start_col) + 2;
            e.end_offset = 0;
            out_.error = e;
            failed_ = true;
            break;
        }
        if (c == '\n') {
            if (parens_.empty()) {
                Token t;
                t.kind = TokenKind::Newline;
                t.text = "\n";
                t.line = t.end_line = line_;
                t.col = t.end_col = start_col;
                out_.tokens.push_back(t);
                line_start = true;
            }
            ++pos_;
            newline();
            continue;
        }
        std::size_t len = 0;
        std::uint32_t cp = decode_utf8(s_, pos_, len);
        if (is_id_start_cp(cp)) {
            while (!at_end()) {
                std::uint32_t k = decode_utf8(s_, pos_, len);
                if (!is_id_continue_cp(k)) break;
                pos_ += len;
            }
            if ((peek() == '\'' || peek() == '"') && is_string_prefix(s_.substr(start, pos_ - start))) {
                string(start, start_col);
                continue;
            }
            emit(TokenKind::Name, start, line_, start_col);
            continue;
        }
        if ((c >= '0' && c <= '9') || (c == '.' && peek(1) >= '0' && peek(1) <= '9')) {
            number();
            continue;
        }
        if (c == '\'' || c == '"') {
            string(start, start_col);
            continue;
        }
        bool matched = false;
        for (int i = 0; kOps3[i] && !matched; ++i) {
            std::size_t n = std::strlen(kOps3[i]);
            if (s_.compare(pos_, n, kOps3[i]) == 0) {
                pos_ += n;
                matched = true;
            }
        }
        for (int i = 0; kOps2[i] && !matched; ++i)
            if (s_.compare(pos_, 2, kOps2[i]) == 0) {
                pos_ += 2;
                matched = true;
            }
        if (!matched && c != '\0' && std::strchr(kOps1, c)) {
            ++pos_;
            matched = true;
            if (c == '(' || c == '[' || c == '{') {
                Token t;
                t.kind = TokenKind::Op;
                t.text = std::string(1, c);
                t.line = t.end_line = line_;
                t.col = start_col;
                t.end_col = start_col + 1;
                parens_.push_back(t);
            } else if (c == ')' || c == ']' || c == '}') {
                if (parens_.empty()) {
                    error_at(line_, col(), std::string("unmatched '") + c + "'");
                    break;
                }
                char open = parens_.back().text[0];
                char want = open == '(' ? ')' : open == '[' ? ']' : '}';
                if (c != want) {
                    const Token& o = parens_.back();
                    if (o.line != line_) {
                        error_at(line_, col(),
                                 std::string("closing parenthesis '") + c +
                                     "' does not match opening parenthesis '" + open +
                                     "' on line " + std::to_string(o.line));
                    } else {
                        error_at(line_, col(),
                                 std::string("closing parenthesis '") + c +
                                     "' does not match opening parenthesis '" + open + "'");
                    }
                    break;
                }
                parens_.pop_back();
            }
        }
        if (matched) {
            emit(TokenKind::Op, start, line_, start_col);
            continue;
        }
        // An invalid character: CPython names it with its code point.
        pos_ += len;
        char buf[64];
        std::string ch(s_.substr(start, len));
        if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || cp == 0xA0) {
            std::snprintf(buf, sizeof buf, "invalid non-printable character U+%04X", cp);
            error_at(line_, col(), buf);
        } else {
            std::snprintf(buf, sizeof buf, " (U+%04X)", cp);
            error_at(line_, col(), "invalid character '" + ch + "'" + buf);
        }
        break;
    }
    if (failed_) return std::move(out_);
    if (!parens_.empty()) {
        out_.unclosed = true;
        out_.unclosed_bracket = parens_.back();
        // CPython's first unclosed bracket is the innermost one still open
        return std::move(out_);
    }
    // implicit NEWLINE at the end of a last line without one
    if (!out_.tokens.empty() && out_.tokens.back().kind != TokenKind::Newline &&
        out_.tokens.back().kind != TokenKind::Dedent) {
        Token t;
        t.kind = TokenKind::Newline;
        t.line = t.end_line = line_;
        t.col = t.end_col = col();
        out_.tokens.push_back(t);
    }
    std::uint32_t end_line = line_;
    for (std::size_t i = 1; i < indents_.size(); ++i) {
        Token t;
        t.kind = TokenKind::Dedent;
        t.line = t.end_line = end_line;
        out_.tokens.push_back(t);
    }
    Token end;
    end.kind = TokenKind::EndMarker;
    end.line = end.end_line = end_line;
    out_.tokens.push_back(end);
    return std::move(out_);
}

}  // namespace

LexResult tokenize(std::string_view source) {
    std::string normalized;
    normalized.reserve(source.size() + 1);
    std::size_t i = 0;
    if (source.size() >= 3 && source.compare(0, 3, "\xEF\xBB\xBF") == 0) i = 3;
    for (; i < source.size(); ++i) {
        if (source[i] == '\r') {
            normalized += '\n';
            if (i + 1 < source.size() && source[i + 1] == '\n') ++i;
        } else {
            normalized += source[i];
        }
    }
    Lexer lexer(normalized);
    return lexer.run();
}

}  // namespace refscope::lang
