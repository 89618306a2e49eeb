// lang/parser.hpp — tokens to AST: a recursive-descent parser for the Python subset.
//
// Models Grammar/python.gram (3.11) for the supported constructs, including the parts of the
// grammar that exist only to word syntax errors (the `invalid_*` rules): CPython reports
// "expected ':'", "Perhaps you forgot a comma?", "cannot assign to literal here...", and the
// rest with particular positions, and refscope reports the same.
//
// Glossary
//   furthest token  the highest token index the parser has looked at. A PEG parser that fails
//                   reports its generic "invalid syntax" at the last token it fetched; a
//                   recursive-descent parser that tracks the furthest token it peeked at lands
//                   on the same token for the common mistakes.
//   unsupported     valid Python outside the subset (async, match, with, decorators when
//                   disabled, ...): an UnsupportedException naming the construct and its line.
//
// Error precedence (pegen.c, 3.11): a tokenizer error anywhere in the file beats a parser
// error; an unclosed bracket at the end beats a parser error on a later line than the bracket.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "lang/ast.hpp"
#include "lang/lexer.hpp"
#include "lang/syntax_error.hpp"

namespace refscope::lang {

// Parses a whole file. Throws SyntaxErrorException or UnsupportedException.
Module parse_module(const LexResult& lexed, const std::string& filename);

// The parser proper; parse_module() is its only user outside the parser's own files.
class Parser {
public:
    Parser(const LexResult& lexed, std::string filename);
    Module file();

    struct GenericFailure {};   // "invalid syntax" at the furthest token
    struct TokensExhausted {};  // the parser reached the tokenizer's error

    // statements (parser_stmt.cpp)
    void statement(Body& out);
    void simple_stmts(Body& out);
    StmtPtr simple_stmt();
    StmtPtr compound_stmt();
    Body block(const char* what, std::uint32_t header_line);
    StmtPtr if_stmt(bool elif);
    StmtPtr while_stmt();
    StmtPtr for_stmt();
    StmtPtr try_stmt();
    StmtPtr with_stmt();
    ExprPtr with_target();
    StmtPtr function_def(std::vector<ExprPtr> decorators, const Token& first);
    StmtPtr class_def(std::vector<ExprPtr> decorators, const Token& first);
    StmtPtr import_stmt();
    StmtPtr from_import_stmt();
    StmtPtr expression_stmt();
    std::shared_ptr<Arguments> parameters(bool lambda, const char* closer);
    void expect_colon(bool forced);

    // expressions (parser_expr.cpp)
    ExprPtr star_expressions();
    ExprPtr star_expression();
    ExprPtr star_named_expression();
    ExprPtr named_expression();
    ExprPtr expression();
    ExprPtr disjunction();
    ExprPtr conjunction();
    ExprPtr inversion();
    ExprPtr comparison();
    ExprPtr bitwise_or();
    ExprPtr bitwise_xor();
    ExprPtr bitwise_and();
    ExprPtr shift_expr();
    ExprPtr sum();
    ExprPtr term();
    ExprPtr factor();
    ExprPtr power();
    ExprPtr primary();
    ExprPtr atom();
    ExprPtr lambdef();
    ExprPtr yield_expr();
    ExprPtr slices();
    ExprPtr slice();
    ExprPtr paren_atom();
    ExprPtr list_atom();
    ExprPtr brace_atom();
    void call_arguments(Expr& call);
    std::vector<Comprehension> for_if_clauses();
    ExprPtr star_targets();
    ExprPtr strings();
    bool starts_expression(const Token& t) const;
    void forgot_comma_check(const ExprPtr& element);

    // targets (parser_targets.cpp)
    void set_store(const ExprPtr& e, Ctx ctx);          // checks and sets ctx
    [[noreturn]] void invalid_target(const ExprPtr& e, Ctx ctx, bool here_hint);
    static const char* expr_name(const Expr& e);

    // tokens and errors (parser.cpp)
    const Token& tok(std::size_t i);
    const Token& cur() { return tok(pos_); }
    const Token& next_tok() { return tok(pos_ + 1); }
    bool at_op(const char* op) { return cur().is_op(op); }
    bool at_kw(const char* kw) { return cur().is_name(kw); }
    Token take();
    void expect_op(const char* op);
    void expect_kw(const char* kw);
    std::string identifier();
    [[noreturn]] void fail();
    [[noreturn]] void error_loc(const std::string& msg, const Loc& from, const Loc& to,
                                const char* type = "SyntaxError");
    [[noreturn]] void error_tok(const std::string& msg, const Token& t,
                                const char* type = "SyntaxError");
    [[noreturn]] void unsupported(const std::string& construct, std::uint32_t line);
    static Loc loc_of(const Token& t) { return {t.line, t.col, t.end_line, t.end_col}; }
    static Loc span(const Loc& a, const Loc& b) { return {a.line, a.col, b.end_line, b.end_col}; }
    Loc prev_end_loc() { return loc_of(tokens_[pos_ - 1]); }
    static bool is_keyword(const std::string& s);

    const LexResult& lexed_;
    const std::vector<Token>& tokens_;
    std::string filename_;
    std::size_t pos_ = 0;
    std::size_t furthest_ = 0;
    int bracket_depth_ = 0;   // inside (), [] or {} (CPython's tok->level, seen by the parser)
};

}  // namespace refscope::lang
