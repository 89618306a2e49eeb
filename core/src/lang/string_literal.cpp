// lang/string_literal.cpp — see string_literal.hpp.
#include "lang/string_literal.hpp"

#include <cstring>

#include "lang/lexer.hpp"
#include "lang/parser.hpp"

namespace refscope::lang {

void append_utf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

namespace {

struct Piece {
    bool is_field = false;
    std::string text;   // literal
    ExprPtr field;      // FormattedValue
};

int hexval(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    c = static_cast<char>(c | 0x20);
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

class StringParser {
public:
    StringParser(Parser& p, const std::vector<Token>& parts, const Token& after)
        : p_(p), parts_(parts), after_(after) {}

    ExprPtr run();

private:
    Parser& p_;
    const std::vector<Token>& parts_;
    const Token& after_;
    std::vector<Piece> pieces_;
    bool any_fstring_ = false;
    Loc whole_;

    [[noreturn]] void error(const std::string& msg) {
        p_.error_loc(msg, Parser::loc_of(after_), Parser::loc_of(after_));
    }
    void literal(std::string text, std::vector<Piece>& out) {
        if (!out.empty() && !out.back().is_field) out.back().text += text;
        else {
            Piece piece;
            piece.text = std::move(text);
            out.push_back(std::move(piece));
        }
    }
    std::string decode(std::string_view s, bool raw, bool bytes, const Token& t);
    // f-string body [i, end): appends pieces; stops at a '}' that closes a format spec when
    // `in_spec`. Returns the index where it stopped.
    std::size_t fstring_body(const std::string& s, std::size_t i, bool raw, const Token& t,
                             std::size_t content_start, bool in_spec, int depth,
                             std::vector<Piece>& out);
    ExprPtr parse_field_expr(const std::string& expr, const Token& t, std::size_t offset_in_token);
};

std::string StringParser::decode(std::string_view s, bool raw, bool bytes, const Token& t) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (bytes && (static_cast<unsigned char>(c) >= 0x80))
            p_.error_loc("bytes can only contain ASCII literal characters", Parser::loc_of(t),
                         Parser::loc_of(t));
        if (c != '\\' || raw || i + 1 >= s.size()) {
            out += c;
            continue;
        }
        char e = s[++i];
        switch (e) {
            case '\n': break;
            case '\\': out += '\\'; break;
            case '\'': out += '\''; break;
            case '"': out += '"'; break;
            case 'a': out += '\a'; break;
            case 'b': out += '\b'; break;
            case 'f': out += '\f'; break;
            case 'n': out += '\n'; break;
            case 'r': out += '\r'; break;
            case 't': out += '\t'; break;
            case 'v': out += '\v'; break;
            case 'x': {
                if (i + 2 >= s.size() + 0 || hexval(s[i + 1]) < 0 || hexval(s[i + 2]) < 0) {
                    p_.error_loc(std::string("(") + (bytes ? "value" : "unicode") +
                                     " error) " +
                                     (bytes ? "invalid \\x escape at position " +
                                                  std::to_string(out.size())
                                            : "'unicodeescape' codec can't decode bytes: "
                                              "truncated \\xXX escape"),
                                 Parser::loc_of(t), Parser::loc_of(t));
                }
                int v = hexval(s[i + 1]) * 16 + hexval(s[i + 2]);
                i += 2;
                if (bytes) out += static_cast<char>(v);
                else append_utf8(out, static_cast<std::uint32_t>(v));
                break;
            }
            case 'u':
            case 'U': {
                if (bytes) {
                    out += '\\';
                    out += e;
                    break;
                }
                int n = e == 'u' ? 4 : 8;
                std::uint32_t v = 0;
                for (int k = 1; k <= n; ++k) {
                    if (i + k >= s.size() || hexval(s[i + k]) < 0)
                        p_.error_loc("(unicode error) 'unicodeescape' codec can't decode bytes: "
                                     "truncated \\" + std::string(1, e) + std::string(n, 'X') +
                                         " escape",
                                     Parser::loc_of(t), Parser::loc_of(t));
                    v = v * 16 + static_cast<std::uint32_t>(hexval(s[i + k]));
                }
                i += n;
                append_utf8(out, v);
                break;
            }
            case 'N':
                if (!bytes) p_.unsupported("\\N{...} escapes in strings", t.line);
                out += "\\N";
                break;
            default:
                if (e >= '0' && e <= '7') {
                    int v = e - '0';
                    for (int k = 0; k < 2 && i + 1 < s.size() && s[i + 1] >= '0' && s[i + 1] <= '7'; ++k)
                        v = v * 8 + (s[++i] - '0');
                    if (bytes) out += static_cast<char>(v & 0xFF);
                    else append_utf8(out, static_cast<std::uint32_t>(v));
                } else {
                    out += '\\';
                    out += e;
                }
        }
    }
    return out;
}

ExprPtr StringParser::parse_field_expr(const std::string& expr, const Token& t,
                                       std::size_t offset_in_token) {
    // position of the expression's first character in the source
    std::uint32_t line = t.line, col = t.col;
    for (std::size_t k = 0; k < offset_in_token; ++k) {
        if (t.text[k] == '\n') {
            ++line;
            col = 0;
        } else {
            ++col;
        }
    }
    LexResult sub = tokenize("(" + expr + ")");
    if (sub.error || sub.unclosed) error("f-string: invalid syntax");
    for (Token& k : sub.tokens) {
        auto shift = [&](std::uint32_t& l, std::uint32_t& c) {
            if (l == 1) c = c + col - 1;
            l += line - 1;
        };
        shift(k.line, k.col);
        shift(k.end_line, k.end_col);
    }
    sub.lines = p_.lexed_.lines;
    Parser inner(sub, p_.filename_);
    ExprPtr e;
    try {
        inner.expect_op("(");
        ++inner.bracket_depth_;
        if (inner.at_kw("yield")) e = inner.yield_expr();
        else e = inner.star_expressions();
        inner.expect_op(")");
        if (inner.cur().kind != TokenKind::Newline && inner.cur().kind != TokenKind::EndMarker)
            inner.fail();
    } catch (const Parser::GenericFailure&) {
        error("f-string: invalid syntax");
    } catch (const Parser::TokensExhausted&) {
        error("f-string: invalid syntax");
    }
    return e;
}

std::size_t StringParser::fstring_body(const std::string& s, std::size_t i, bool raw,
                                       const Token& t, std::size_t content_start, bool in_spec,
                                       int depth, std::vector<Piece>& out) {
    std::string lit;
    auto flush = [&]() {
        if (!lit.empty()) literal(decode(lit, raw, false, t), out);
        lit.clear();
    };
    while (i < s.size()) {
        char c = s[i];
        if (c == '{') {
            if (!in_spec && i + 1 < s.size() && s[i + 1] == '{') {
                lit += '{';
                i += 2;
                continue;
            }
            flush();
            if (depth >= 2) error("f-string: expressions nested too deeply");
            // the expression runs to a top-level '}', '!', ':' or a lone '='
            std::size_t start = ++i;
            int nest = 0;
            char quote = 0;
            while (i < s.size()) {
                char ch = s[i];
                if (quote) {
                    if (ch == quote) quote = 0;
                } else if (ch == '\'' || ch == '"') {
                    quote = ch;
                } else if (ch == '\\') {
                    error("f-string expression part cannot include a backslash");
                } else if (ch == '#') {
                    error("f-string expression part cannot include '#'");
                } else if (ch == '(' || ch == '[' || ch == '{') {
                    ++nest;
                } else if (ch == ')' || ch == ']' || ch == '}') {
                    if (nest == 0) {
                        if (ch == '}') break;
                        error(std::string("f-string: unmatched '") + ch + "'");
                    }
                    --nest;
                } else if (nest == 0 && ch == '!' && i + 1 < s.size() && s[i + 1] == '=') {
                    ++i;
                } else if (nest == 0 && (ch == '!' || ch == ':')) {
                    break;
                } else if (nest == 0 && ch == '=') {
                    bool two = i + 1 < s.size() && s[i + 1] == '=';
                    char prev = i > start ? s[i - 1] : '\0';
                    if (two) ++i;
                    else if (prev != '<' && prev != '>' && prev != '=' && prev != '!') break;
                }
                ++i;
            }
            if (quote) error("f-string: unterminated string");
            if (i >= s.size()) error("f-string: expecting '}'");
            std::string expr = s.substr(start, i - start);
            if (expr.find_first_not_of(" \t\n\r\f") == std::string::npos)
                error("f-string: empty expression not allowed");
            auto fv = make_expr(ExprKind::FormattedValue, whole_);
            fv->left = parse_field_expr(expr, t, content_start + start);
            bool self_doc = false;
            if (s[i] == '=') {
                self_doc = true;
                ++i;
                while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n')) ++i;
                literal(s.substr(start, i - start), out);
            }
            if (i < s.size() && s[i] == '!') {
                ++i;
                if (i >= s.size()) error("f-string: expecting '}'");
                char conv = s[i];
                if (conv != 's' && conv != 'r' && conv != 'a')
                    error("f-string: invalid conversion character: expected 's', 'r', or 'a'");
                fv->conversion = conv;
                ++i;
                if (i >= s.size() || (s[i] != ':' && s[i] != '}')) error("f-string: expecting '}'");
            }
            if (i < s.size() && s[i] == ':') {
                ++i;
                std::vector<Piece> spec_pieces;
                i = fstring_body(s, i, raw, t, content_start, true, depth + 1, spec_pieces);
                // a format spec carries the location of its own STRING token
                Loc token_loc{t.line, t.col, t.end_line, t.end_col};
                auto spec = make_expr(ExprKind::JoinedStr, token_loc);
                for (auto& piece : spec_pieces) {
                    if (piece.is_field) spec->elts.push_back(piece.field);
                    else if (!piece.text.empty()) {
                        auto k = make_expr(ExprKind::Constant, token_loc);
                        k->value.kind = Const::Kind::str;
                        k->value.text = piece.text;
                        spec->elts.push_back(k);
                    }
                }
                fv->right = spec;
            }
            if (i >= s.size() || s[i] != '}') error("f-string: expecting '}'");
            ++i;
            if (self_doc && fv->conversion == -1 && !fv->right) fv->conversion = 'r';
            Piece piece;
            piece.is_field = true;
            piece.field = fv;
            out.push_back(std::move(piece));
            continue;
        }
        if (c == '}') {
            if (in_spec) {
                flush();
                return i;
            }
            if (i + 1 < s.size() && s[i + 1] == '}') {
                lit += '}';
                i += 2;
                continue;
            }
            error("f-string: single '}' is not allowed");
        }
        lit += c;
        ++i;
    }
    flush();
    return i;
}

ExprPtr StringParser::run() {
    whole_ = Loc{parts_.front().line, parts_.front().col, parts_.back().end_line,
                 parts_.back().end_col};
    bool bytes_seen = false, str_seen = false;
    std::string bytes_value;
    for (const Token& t : parts_) {
        std::size_t q = t.text.find_first_of("'\"");
        std::string prefix = t.text.substr(0, q);
        bool raw = false, bytes = false, fmt = false;
        for (char c : prefix) {
            char l = static_cast<char>(c | 0x20);
            if (l == 'r') raw = true;
            if (l == 'b') bytes = true;
            if (l == 'f') fmt = true;
        }
        char quote = t.text[q];
        std::size_t qlen = t.text.size() >= q + 6 && t.text[q + 1] == quote && t.text[q + 2] == quote
                               ? 3 : 1;
        std::string body = t.text.substr(q + qlen, t.text.size() - q - 2 * qlen);
        if (bytes) bytes_seen = true;
        else str_seen = true;
        if (bytes_seen && str_seen)
            p_.error_loc("cannot mix bytes and nonbytes literals", Parser::loc_of(parts_.front()),
                         Parser::loc_of(parts_.back()));
        if (bytes) {
            bytes_value += decode(body, raw, true, t);
        } else if (fmt) {
            any_fstring_ = true;
            fstring_body(body, 0, raw, t, q + qlen, false, 0, pieces_);
        } else {
            literal(decode(body, raw, false, t), pieces_);
        }
    }
    if (bytes_seen) {
        auto e = make_expr(ExprKind::Constant, whole_);
        e->value.kind = Const::Kind::bytes;
        e->value.text = bytes_value;
        return e;
    }
    if (!any_fstring_) {
        auto e = make_expr(ExprKind::Constant, whole_);
        e->value.kind = Const::Kind::str;
        if (!pieces_.empty()) e->value.text = pieces_.front().text;
        return e;
    }
    auto j = make_expr(ExprKind::JoinedStr, whole_);
    for (auto& piece : pieces_) {
        if (piece.is_field) {
            j->elts.push_back(piece.field);
        } else if (!piece.text.empty()) {
            auto k = make_expr(ExprKind::Constant, whole_);
            k->value.kind = Const::Kind::str;
            k->value.text = piece.text;
            j->elts.push_back(k);
        }
    }
    return j;
}

}  // namespace

ExprPtr parse_string_tokens(Parser& parser, const std::vector<Token>& parts, const Token& after) {
    StringParser sp(parser, parts, after);
    return sp.run();
}

}  // namespace refscope::lang
