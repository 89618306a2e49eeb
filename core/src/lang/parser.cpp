// lang/parser.cpp — the parser's token access, error reporting and entry point (parser.hpp).
#include "lang/parser.hpp"

#include <cstring>

namespace refscope::lang {

namespace {

const char* const kKeywords[] = {
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
    "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
    "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return",
    "try", "while", "with", "yield", nullptr};

std::string line_of(const LexResult& lexed, std::uint32_t line) {
    return line >= 1 && line <= lexed.lines.size() ? lexed.lines[line - 1] : std::string();
}

}  // namespace

bool Parser::is_keyword(const std::string& s) {
    for (int i = 0; kKeywords[i]; ++i)
        if (s == kKeywords[i]) return true;
    return false;
}

Parser::Parser(const LexResult& lexed, std::string filename)
    : lexed_(lexed), tokens_(lexed.tokens), filename_(std::move(filename)) {}

const Token& Parser::tok(std::size_t i) {
    if (i >= tokens_.size()) throw TokensExhausted{};
    if (i > furthest_) furthest_ = i;
    return tokens_[i];
}

Token Parser::take() {
    Token t = cur();
    ++pos_;
    return t;
}

void Parser::expect_op(const char* op) {
    if (!at_op(op)) fail();
    ++pos_;
}

void Parser::expect_kw(const char* kw) {
    if (!at_kw(kw)) fail();
    ++pos_;
}

std::string Parser::identifier() {
    const Token& t = cur();
    if (t.kind != TokenKind::Name || is_keyword(t.text)) fail();
    ++pos_;
    return t.text;
}

void Parser::fail() { throw GenericFailure{}; }

void Parser::error_loc(const std::string& msg, const Loc& from, const Loc& to, const char* type) {
    SyntaxErrorInfo e;
    e.type = type;
    e.message = msg;
    e.filename = filename_;
    e.line = from.line;
    e.end_line = to.end_line;
    std::string text = line_of(lexed_, from.line);
    e.text = text + "\n";
    e.offset = char_column(text, from.col) + 1;
    e.end_offset = static_cast<std::int32_t>(char_column(line_of(lexed_, to.end_line), to.end_col) + 1);
    throw SyntaxErrorException{e};
}

void Parser::error_tok(const std::string& msg, const Token& t, const char* type) {
    error_loc(msg, loc_of(t), loc_of(t), type);
}

void Parser::unsupported(const std::string& construct, std::uint32_t line) {
    throw UnsupportedException{UnsupportedError{construct, line}};
}

Module Parser::file() {
    Module m;
    while (cur().kind != TokenKind::EndMarker) statement(m.body);
    return m;
}

Module parse_module(const LexResult& lexed, const std::string& filename) {
    Parser p(lexed, filename);
    auto with_filename = [&](SyntaxErrorInfo e) {
        e.filename = filename;
        return e;
    };
    auto furthest_line = [&]() -> std::uint32_t {
        if (lexed.tokens.empty()) return 1;
        std::size_t i = p.furthest_ < lexed.tokens.size() ? p.furthest_ : lexed.tokens.size() - 1;
        return lexed.tokens[i].line;
    };
    try {
        return p.file();
    } catch (const Parser::TokensExhausted&) {
        if (lexed.error) throw SyntaxErrorException{with_filename(*lexed.error)};
        throw SyntaxErrorException{with_filename(unclosed_bracket_error(lexed))};
    } catch (const SyntaxErrorException& ex) {
        if (lexed.error) throw SyntaxErrorException{with_filename(*lexed.error)};
        if (lexed.unclosed && furthest_line() > lexed.unclosed_bracket.line)
            throw SyntaxErrorException{with_filename(unclosed_bracket_error(lexed))};
        throw;
    } catch (const Parser::GenericFailure&) {
        if (lexed.error) throw SyntaxErrorException{with_filename(*lexed.error)};
        if (lexed.unclosed && furthest_line() > lexed.unclosed_bracket.line)
            throw SyntaxErrorException{with_filename(unclosed_bracket_error(lexed))};
        std::size_t i = p.furthest_ < lexed.tokens.size() ? p.furthest_ : lexed.tokens.size() - 1;
        const Token& t = lexed.tokens[i];
        SyntaxErrorInfo e;
        e.filename = filename;
        std::string text = line_of(lexed, t.line);
        if (t.kind == TokenKind::Indent) {
            e.type = "IndentationError";
            e.message = "unexpected indent";
            e.line = e.end_line = t.line;
            e.text = text + "\n";
            e.offset = char_column(text, t.col);
            e.end_offset = -1;
            throw SyntaxErrorException{e};
        }
        if (t.kind == TokenKind::Dedent) {
            e.type = "IndentationError";
            e.message = "unexpected unindent";
            e.line = e.end_line = t.line;
            e.text = text + "\n";
            e.offset = char_column(text, t.col);
            e.end_offset = -1;
            throw SyntaxErrorException{e};
        }
        if (t.kind == TokenKind::EndMarker) {
            e.message = "unexpected EOF while parsing";
        } else {
            e.message = "invalid syntax";
        }
        e.line = t.line;
        e.end_line = t.end_line;
        e.text = text + "\n";
        e.offset = char_column(text, t.col) + 1;
        e.end_offset = static_cast<std::int32_t>(char_column(line_of(lexed, t.end_line), t.end_col) + 1);
        throw SyntaxErrorException{e};
    }
}

}  // namespace refscope::lang
