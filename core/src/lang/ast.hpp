// lang/ast.hpp — the abstract syntax tree of the Python subset.
//
// Models Parser/Python.asdl (3.11) for the constructs refscope supports: the node kinds and
// their fields keep the asdl names (BinOp.left/right, Compare.ops/comparators, Call.args/
// keywords, comprehension.target/iter/ifs, ...), flattened into one Expr and one Stmt struct
// with a kind tag so that the parser, the symbol table and the compiler stay short. Each node
// has CPython's location: 1-based line, 0-based UTF-8 byte column, end line and end column.
//
// Glossary
//   Const       a compile-time value: what an ast.Constant holds, and what constant folding
//               (ast_opt.c) produces, including tuples and frozensets of constants.
//   ctx         Load / Store / Del, set by the parser on targets.
//
// Invariants
//   1. Only the fields the kind uses are set; child pointers of other kinds stay null.
//   2. Dict displays keep keys and values aligned; a null key is a `**mapping` entry.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace refscope::lang {

struct Loc {
    std::uint32_t line = 0, col = 0, end_line = 0, end_col = 0;
};

struct Const {
    enum class Kind : std::uint8_t { none, ellipsis, boolean, integer, big_integer, floating,
                                     complex, str, bytes, tuple, frozenset };
    Kind kind = Kind::none;
    bool boolean = false;
    std::int64_t integer = 0;
    double floating = 0;       // float value, or the imaginary part of a complex
    double real = 0;           // complex: real part
    std::string text;          // str (UTF-8), bytes, big_integer (decimal, '-' when negative)
    std::vector<Const> items;  // tuple, frozenset
};

bool operator==(const Const& a, const Const& b);   // same type and value (CPython's const key)
// Python's == between constants (1 == 1.0 == True), used to deduplicate frozenset items.
bool const_equal_value(const Const& a, const Const& b);

enum class ExprKind : std::uint8_t {
    BoolOp, NamedExpr, BinOp, UnaryOp, Lambda, IfExp, Dict, Set, ListComp, SetComp, DictComp,
    GeneratorExp, Await, Yield, YieldFrom, Compare, Call, FormattedValue, JoinedStr, Constant,
    Attribute, Subscript, Starred, Name, List, Tuple, Slice,
};
enum class Ctx : std::uint8_t { Load, Store, Del };
enum class BoolOpKind : std::uint8_t { And, Or };
// Same order as the NB_* numbers of BINARY_OP.
enum class BinOpKind : std::uint8_t { Add, BitAnd, FloorDiv, LShift, MatMult, Mult, Mod, BitOr,
                                      Pow, RShift, Sub, Div, BitXor };
enum class UnaryOpKind : std::uint8_t { Invert, Not, UAdd, USub };
enum class CmpOpKind : std::uint8_t { Lt, LtE, Eq, NotEq, Gt, GtE, Is, IsNot, In, NotIn };

struct Expr;
struct Stmt;
using ExprPtr = std::shared_ptr<Expr>;
using StmtPtr = std::shared_ptr<Stmt>;
using Body = std::vector<StmtPtr>;

struct Keyword {
    std::string arg;           // empty for **kwargs
    ExprPtr value;
    Loc loc;
};

struct Comprehension {
    ExprPtr target, iter;
    std::vector<ExprPtr> ifs;
    bool is_async = false;
};

struct Arg {
    std::string name;
    ExprPtr annotation;
    Loc loc;
};

struct Arguments {
    std::vector<Arg> posonlyargs, args, kwonlyargs;
    std::shared_ptr<Arg> vararg, kwarg;
    std::vector<ExprPtr> defaults;      // for the last len(defaults) of posonlyargs + args
    std::vector<ExprPtr> kw_defaults;   // aligned with kwonlyargs; null where none
};

struct Expr {
    ExprKind kind = ExprKind::Constant;
    Loc loc;
    Ctx ctx = Ctx::Load;
    std::string id;                       // Name.id, Attribute.attr
    Const value;                          // Constant
    std::uint8_t op = 0;                  // BoolOpKind / BinOpKind / UnaryOpKind
    std::vector<CmpOpKind> ops;           // Compare
    ExprPtr left, right, third;           // see below
    std::vector<ExprPtr> elts;            // List/Tuple/Set elts, Call.args, BoolOp.values,
                                          // Compare.comparators, Dict.values, JoinedStr.values
    std::vector<ExprPtr> keys;            // Dict.keys
    std::vector<Keyword> keywords;        // Call.keywords
    std::vector<Comprehension> generators;
    std::shared_ptr<Arguments> args;      // Lambda
    int conversion = -1;                  // FormattedValue: -1, 's', 'r', 'a'
    // left/right/third by kind:
    //   BinOp left right; UnaryOp left(operand); Compare left; Call left(func);
    //   Attribute left(value); Subscript left(value) right(slice); Starred left(value);
    //   IfExp left(test) right(body) third(orelse); Slice left(lower) right(upper) third(step);
    //   NamedExpr left(target) right(value); Lambda left(body); Yield/YieldFrom/Await left;
    //   ListComp/SetComp/GeneratorExp left(elt); DictComp left(key) right(value);
    //   FormattedValue left(value) right(format_spec, a JoinedStr)
};

enum class StmtKind : std::uint8_t {
    FunctionDef, AsyncFunctionDef, ClassDef, Return, Delete, Assign, AugAssign, AnnAssign,
    For, AsyncFor, While, If, With, AsyncWith, Match, Raise, Try, TryStar, Assert, Import,
    ImportFrom, Global, Nonlocal, Expr, Pass, Break, Continue,
};

struct ExceptHandler {
    ExprPtr type;
    std::string name;
    Body body;
    Loc loc;
};

struct Alias {
    std::string name, asname;
    Loc loc;
};

struct WithItem {
    ExprPtr context_expr, optional_vars;
};

struct Stmt {
    StmtKind kind = StmtKind::Pass;
    Loc loc;
    std::string name;                     // FunctionDef/ClassDef name; ImportFrom.module
    std::shared_ptr<Arguments> args;      // FunctionDef
    Body body, orelse, finalbody;
    std::vector<ExceptHandler> handlers;  // Try
    std::vector<ExprPtr> decorators;
    std::vector<ExprPtr> bases;           // ClassDef
    std::vector<Keyword> keywords;        // ClassDef
    std::vector<ExprPtr> targets;         // Assign, Delete
    ExprPtr target, value, test, iter, annotation, returns, msg, cause;
    //   Return/Assign/AugAssign/AnnAssign/Expr: value; For: target, iter; While/If: test;
    //   Raise: value(exc) cause; Assert: test msg; AnnAssign: target annotation value
    std::uint8_t op = 0;                  // AugAssign: BinOpKind
    bool simple = false;                  // AnnAssign
    std::vector<Alias> names;             // Import/ImportFrom
    std::vector<std::string> idents;      // Global/Nonlocal
    int level = 0;                        // ImportFrom
    std::vector<WithItem> items;          // With
};

struct Module {
    Body body;
};

inline ExprPtr make_expr(ExprKind k, Loc loc) {
    auto e = std::make_shared<Expr>();
    e->kind = k;
    e->loc = loc;
    return e;
}
inline StmtPtr make_stmt(StmtKind k, Loc loc) {
    auto s = std::make_shared<Stmt>();
    s->kind = k;
    s->loc = loc;
    return s;
}

}  // namespace refscope::lang
