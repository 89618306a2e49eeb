// lang/ast_opt.cpp — constant folding on the AST, as Python/ast_opt.c (3.11) does it.
//
// What folds: unary -, +, ~ and `not` on constants; `not (a in b)` into `a not in b` (also
// is/is not/not in); binary operators on two constants, within 3.11's limits (ints of at most
// 128 bits for *, ** and <<; strings/bytes of at most 4096 and tuples of at most 256 items for
// *; no % on str/bytes; no folding when the operation would raise); tuples of constants;
// constant[constant] subscripts; a list or set literal iterated by `for`, a comprehension, or
// tested with `in` becomes a tuple or frozenset (fold_iter); __debug__ becomes True.
//
// Integers are computed in 128 bits; a result that does not fit in int64 is kept as a
// big_integer constant (decimal digits). Operands that are already big are left unfolded.
#include <cmath>
#include <cstring>
#include <limits>
#include <string>

#include "lang/compiler.hpp"
#include "lang/number_literal.hpp"

namespace refscope::lang {

bool operator==(const Const& a, const Const& b) { return ConstPool::key(a) == ConstPool::key(b); }

namespace {

using i128 = __int128;

bool is_number(const Const& c) {
    return c.kind == Const::Kind::boolean || c.kind == Const::Kind::integer ||
           c.kind == Const::Kind::floating || c.kind == Const::Kind::complex;
}

bool as_int(const Const& c, i128& out) {
    if (c.kind == Const::Kind::boolean) { out = c.boolean ? 1 : 0; return true; }
    if (c.kind == Const::Kind::integer) { out = c.integer; return true; }
    if (c.kind == Const::Kind::big_integer) {
        // big integers up to 2**126 are folded too
        bool neg = !c.text.empty() && c.text[0] == '-';
        std::string digits = neg ? c.text.substr(1) : c.text;
        if (digits.size() > 37) return false;
        i128 v = 0;
        for (char d : digits) v = v * 10 + (d - '0');
        if (v >= (static_cast<i128>(1) << 126)) return false;
        out = neg ? -v : v;
        return true;
    }
    return false;
}

double as_double(const Const& c) {
    if (c.kind == Const::Kind::boolean) return c.boolean ? 1 : 0;
    if (c.kind == Const::Kind::integer) return static_cast<double>(c.integer);
    return c.floating;
}

std::string i128_to_string(i128 v) {
    if (v == 0) return "0";
    bool neg = v < 0;
    unsigned __int128 u = neg ? static_cast<unsigned __int128>(-(v + 1)) + 1 : static_cast<unsigned __int128>(v);
    std::string s;
    while (u) {
        s += static_cast<char>('0' + static_cast<int>(u % 10));
        u /= 10;
    }
    if (neg) s += '-';
    return std::string(s.rbegin(), s.rend());
}

bool make_int(i128 v, Const& out) {
    out = Const{};
    if (v >= std::numeric_limits<std::int64_t>::min() && v <= std::numeric_limits<std::int64_t>::max()) {
        out.kind = Const::Kind::integer;
        out.integer = static_cast<std::int64_t>(v);
    } else {
        out.kind = Const::Kind::big_integer;
        out.text = i128_to_string(v);
    }
    return true;
}

bool make_float(double v, Const& out) {
    out = Const{};
    out.kind = Const::Kind::floating;
    out.floating = v;
    return true;
}

int bit_length(i128 v) {
    unsigned __int128 u = v < 0 ? static_cast<unsigned __int128>(-(v + 1)) + 1 : static_cast<unsigned __int128>(v);
    int n = 0;
    while (u) {
        ++n;
        u >>= 1;
    }
    return n;
}

constexpr int kMaxIntSize = 128;
constexpr std::size_t kMaxCollectionSize = 256;
constexpr std::size_t kMaxStrSize = 4096;

i128 floordiv(i128 a, i128 b) {
    i128 q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
    return q;
}

bool fold_int_binop(BinOpKind op, i128 a, i128 b, Const& out) {
    const i128 limit = (static_cast<i128>(1) << 126);
    auto fits = [&](i128 v) { return v < limit && v > -limit; };
    switch (op) {
        case BinOpKind::Add: if (!fits(a) || !fits(b)) return false; return make_int(a + b, out);
        case BinOpKind::Sub: if (!fits(a) || !fits(b)) return false; return make_int(a - b, out);
        case BinOpKind::Mult:
            if (a != 0 && b != 0 && bit_length(a) + bit_length(b) > kMaxIntSize) return false;
            if (bit_length(a) + bit_length(b) > 126) return false;
            return make_int(a * b, out);
        case BinOpKind::FloorDiv: if (b == 0) return false; return make_int(floordiv(a, b), out);
        case BinOpKind::Mod:
            if (b == 0) return false;
            return make_int(a - floordiv(a, b) * b, out);
        case BinOpKind::Div:
            if (b == 0) return false;
            return make_float(static_cast<double>(a) / static_cast<double>(b), out);
        case BinOpKind::Pow: {
            if (b < 0) {
                if (a == 0) return false;
                return make_float(std::pow(static_cast<double>(a), static_cast<double>(b)), out);
            }
            if (a != 0 && b > 0 && bit_length(a) > kMaxIntSize / static_cast<int>(b > 128 ? 129 : b))
                return false;
            i128 r = 1;
            for (i128 k = 0; k < b; ++k) {
                if (bit_length(r) + bit_length(a) > 126) return false;
                r *= a;
            }
            return make_int(r, out);
        }
        case BinOpKind::LShift:
            if (b < 0) return false;
            if (a != 0 && (b > kMaxIntSize || bit_length(a) > kMaxIntSize - static_cast<int>(b))) return false;
            if (a != 0 && bit_length(a) + static_cast<int>(b) > 126) return false;
            return make_int(a << static_cast<int>(b), out);
        case BinOpKind::RShift:
            if (b < 0) return false;
            return make_int(b >= 127 ? (a < 0 ? -1 : 0) : (a >> static_cast<int>(b)), out);
        case BinOpKind::BitAnd: return make_int(a & b, out);
        case BinOpKind::BitOr: return make_int(a | b, out);
        case BinOpKind::BitXor: return make_int(a ^ b, out);
        case BinOpKind::MatMult: return false;
    }
    return false;
}

bool fold_float_binop(BinOpKind op, double a, double b, Const& out) {
    switch (op) {
        case BinOpKind::Add: return make_float(a + b, out);
        case BinOpKind::Sub: return make_float(a - b, out);
        case BinOpKind::Mult: return make_float(a * b, out);
        case BinOpKind::Div: if (b == 0) return false; return make_float(a / b, out);
        case BinOpKind::FloorDiv: {
            if (b == 0) return false;
            double mod = std::fmod(a, b);
            double div = (a - mod) / b;
            if (mod != 0 && ((b < 0) != (mod < 0))) div -= 1.0;
            double floordiv;
            if (div != 0) {
                floordiv = std::floor(div);
                if (div - floordiv > 0.5) floordiv += 1.0;
            } else {
                floordiv = std::copysign(0.0, a / b);
            }
            return make_float(floordiv, out);
        }
        case BinOpKind::Mod: {
            if (b == 0) return false;
            double mod = std::fmod(a, b);
            if (mod != 0) {
                if ((b < 0) != (mod < 0)) mod += b;
            } else {
                mod = std::copysign(0.0, b);
            }
            return make_float(mod, out);
        }
        case BinOpKind::Pow: {
            if (a == 0 && b < 0) return false;
            if (a < 0 && b != std::floor(b)) return false;   // complex result: not folded here
            double r = std::pow(a, b);
            if (std::isinf(r) && !std::isinf(a) && !std::isinf(b)) return false;   // OverflowError
            return make_float(r, out);
        }
        default:
            return false;
    }
}

bool fold_binop(BinOpKind op, const Const& l, const Const& r, Const& out) {
    i128 a, b;
    if (as_int(l, a) && as_int(r, b)) return fold_int_binop(op, a, b, out);
    if (is_number(l) && is_number(r)) {
        if (l.kind == Const::Kind::complex || r.kind == Const::Kind::complex) {
            double lr = l.kind == Const::Kind::complex ? l.real : as_double(l);
            double li = l.kind == Const::Kind::complex ? l.floating : 0;
            double rr = r.kind == Const::Kind::complex ? r.real : as_double(r);
            double ri = r.kind == Const::Kind::complex ? r.floating : 0;
            out = Const{};
            out.kind = Const::Kind::complex;
            if (op == BinOpKind::Add) { out.real = lr + rr; out.floating = li + ri; return true; }
            if (op == BinOpKind::Sub) { out.real = lr - rr; out.floating = li - ri; return true; }
            if (op == BinOpKind::Mult) {
                out.real = lr * rr - li * ri;
                out.floating = lr * ri + li * rr;
                return true;
            }
            return false;
        }
        return fold_float_binop(op, as_double(l), as_double(r), out);
    }
    auto is_seq = [](const Const& c) {
        return c.kind == Const::Kind::str || c.kind == Const::Kind::bytes || c.kind == Const::Kind::tuple;
    };
    if (op == BinOpKind::Add && l.kind == r.kind && is_seq(l)) {
        out = l;
        if (l.kind == Const::Kind::tuple) out.items.insert(out.items.end(), r.items.begin(), r.items.end());
        else out.text += r.text;
        return true;
    }
    if (op == BinOpKind::Mult) {
        const Const* seq = nullptr;
        i128 n = 0;
        if (is_seq(l) && as_int(r, n)) seq = &l;
        else if (is_seq(r) && as_int(l, n)) seq = &r;
        if (!seq) return false;
        if (n < 0) n = 0;
        std::size_t size = seq->kind == Const::Kind::tuple ? seq->items.size() : seq->text.size();
        std::size_t limit = seq->kind == Const::Kind::tuple ? kMaxCollectionSize : kMaxStrSize;
        if (size && n > static_cast<i128>(limit / size)) return false;
        out = *seq;
        out.items.clear();
        out.text.clear();
        for (i128 k = 0; k < n; ++k) {
            if (seq->kind == Const::Kind::tuple) out.items.insert(out.items.end(), seq->items.begin(), seq->items.end());
            else out.text += seq->text;
        }
        return true;
    }
    return false;
}

bool fold_unary(UnaryOpKind op, const Const& v, Const& out) {
    i128 a;
    if (op == UnaryOpKind::Not) {
        bool t;
        switch (v.kind) {
            case Const::Kind::none: t = false; break;
            case Const::Kind::boolean: t = v.boolean; break;
            case Const::Kind::integer: t = v.integer != 0; break;
            case Const::Kind::floating: t = v.floating != 0; break;
            case Const::Kind::complex: t = v.floating != 0 || v.real != 0; break;
            case Const::Kind::str: case Const::Kind::bytes: t = !v.text.empty(); break;
            case Const::Kind::tuple: case Const::Kind::frozenset: t = !v.items.empty(); break;
            default: t = true; break;
        }
        out = Const{};
        out.kind = Const::Kind::boolean;
        out.boolean = !t;
        return true;
    }
    if (as_int(v, a)) {
        if (op == UnaryOpKind::USub) return make_int(-a, out);
        if (op == UnaryOpKind::UAdd) return make_int(a, out);
        if (op == UnaryOpKind::Invert) return make_int(~a, out);
    }
    if (v.kind == Const::Kind::big_integer && op == UnaryOpKind::USub) {
        out = v;
        out.text = v.text[0] == '-' ? v.text.substr(1) : "-" + v.text;
        return true;
    }
    if (v.kind == Const::Kind::big_integer && op == UnaryOpKind::UAdd) {
        out = v;
        return true;
    }
    if (v.kind == Const::Kind::floating) {
        if (op == UnaryOpKind::USub) return make_float(-v.floating, out);
        if (op == UnaryOpKind::UAdd) return make_float(v.floating, out);
    }
    if (v.kind == Const::Kind::complex) {
        out = v;
        if (op == UnaryOpKind::USub) { out.real = -v.real; out.floating = -v.floating; return true; }
        if (op == UnaryOpKind::UAdd) return true;
    }
    return false;
}

void make_const(Expr& e, const Const& v) {
    e.kind = ExprKind::Constant;
    e.value = v;
    e.left.reset();
    e.right.reset();
    e.third.reset();
    e.elts.clear();
    e.keys.clear();
}

bool has_starred(const std::vector<ExprPtr>& elts) {
    for (const auto& x : elts)
        if (x->kind == ExprKind::Starred) return true;
    return false;
}

bool const_tuple(const std::vector<ExprPtr>& elts, Const& out) {
    out = Const{};
    out.kind = Const::Kind::tuple;
    for (const auto& x : elts) {
        if (x->kind != ExprKind::Constant) return false;
        out.items.push_back(x->value);
    }
    return true;
}

void fold_iter(Expr& arg) {
    if (arg.kind == ExprKind::List) {
        if (has_starred(arg.elts)) return;
        arg.kind = ExprKind::Tuple;
        Const t;
        if (const_tuple(arg.elts, t)) make_const(arg, t);
    } else if (arg.kind == ExprKind::Set) {
        Const t;
        if (const_tuple(arg.elts, t)) {
            Const fs;
            fs.kind = Const::Kind::frozenset;
            for (const auto& item : t.items) {
                bool dup = false;
                for (const auto& seen : fs.items) dup = dup || const_equal_value(seen, item);
                if (!dup) fs.items.push_back(item);
            }
            make_const(arg, fs);
        }
    }
}


// optimize_format (3.11): "literal %s text %r" % (a, b) becomes f"literal {a!s} text {b!r}"
// when every conversion is a plain %s, %r or %a (optionally with width and precision) and
// the counts match. The new literal parts have no location.
bool optimize_format(Expr& node, const std::string& fmt, const std::vector<ExprPtr>& elts) {
    std::vector<ExprPtr> seq;
    std::size_t pos = 0, cnt = 0;
    const std::size_t len = fmt.size();
    while (true) {
        // parse_literal
        std::size_t start = pos;
        bool has_percents = false;
        while (pos < len) {
            if (fmt[pos] != '%') ++pos;
            else if (pos + 1 < len && fmt[pos + 1] == '%') {
                has_percents = true;
                pos += 2;
            } else break;
        }
        if (pos != start) {
            std::string lit = fmt.substr(start, pos - start);
            if (has_percents) {
                std::string r;
                for (std::size_t i = 0; i < lit.size(); ++i) {
                    r += lit[i];
                    if (lit[i] == '%' && i + 1 < lit.size() && lit[i + 1] == '%') ++i;
                }
                lit = r;
            }
            auto c = make_expr(ExprKind::Constant, Loc{});
            c->value.kind = Const::Kind::str;
            c->value.text = lit;
            seq.push_back(c);
        }
        if (pos >= len) break;
        if (cnt >= elts.size()) return false;
        ++pos;   // '%'
        // simple_format_arg_parse
        int flags_ljust = 0, width = -1, prec = -1;
        auto next = [&](char& ch) {
            if (pos >= len) return false;
            ch = fmt[pos++];
            return true;
        };
        char ch;
        if (!next(ch)) return false;
        while (ch == '-' || ch == '+' || ch == ' ' || ch == '#' || ch == '0') {
            if (ch == '-') flags_ljust = 1;
            if (!next(ch)) return false;
        }
        if (ch >= '0' && ch <= '9') {
            width = 0;
            int digits = 0;
            while (ch >= '0' && ch <= '9') {
                width = width * 10 + (ch - '0');
                if (!next(ch)) return false;
                if (++digits >= 3) return false;
            }
        }
        if (ch == '.') {
            if (!next(ch)) return false;
            prec = 0;
            if (ch >= '0' && ch <= '9') {
                int digits = 0;
                while (ch >= '0' && ch <= '9') {
                    prec = prec * 10 + (ch - '0');
                    if (!next(ch)) return false;
                    if (++digits >= 3) return false;
                }
            }
        }
        if (ch != 's' && ch != 'r' && ch != 'a') return false;
        const ExprPtr& arg = elts[cnt++];
        std::string spec;
        if (!flags_ljust && width > 0) spec += '>';
        if (width >= 0) spec += std::to_string(width);
        if (prec >= 0) spec += "." + std::to_string(prec);
        auto fv = make_expr(ExprKind::FormattedValue, arg->loc);
        fv->left = arg;
        fv->conversion = ch;
        if (!spec.empty()) {
            auto sc = make_expr(ExprKind::Constant, Loc{});
            sc->value.kind = Const::Kind::str;
            sc->value.text = spec;
            fv->right = sc;
        }
        seq.push_back(fv);
    }
    if (cnt < elts.size()) return false;
    Loc loc = node.loc;
    node = Expr{};
    node.kind = ExprKind::JoinedStr;
    node.loc = loc;
    node.elts = seq;
    return true;
}

class Folder {
public:
    void body(Body& b) {
        for (auto& s : b) stmt(*s);
    }

    void stmt(Stmt& s) {
        if (s.args) args(*s.args);
        for (auto& d : s.decorators) expr(d);
        for (auto& b : s.bases) expr(b);
        for (auto& k : s.keywords) expr(k.value);
        for (auto& t : s.targets) expr(t);
        expr(s.target);
        expr(s.value);
        expr(s.test);
        expr(s.iter);
        if (s.kind != StmtKind::AnnAssign) expr(s.annotation);
        expr(s.returns);
        expr(s.msg);
        expr(s.cause);
        for (auto& item : s.items) {
            expr(item.context_expr);
            expr(item.optional_vars);
        }
        body(s.body);
        body(s.orelse);
        body(s.finalbody);
        for (auto& h : s.handlers) {
            expr(h.type);
            body(h.body);
        }
        if (s.kind == StmtKind::For && s.iter) fold_iter(*s.iter);
        if (s.kind == StmtKind::AnnAssign) expr(s.annotation);
    }

    void args(Arguments& a) {
        for (auto& d : a.defaults) expr(d);
        for (auto& d : a.kw_defaults) expr(d);
        for (auto* v : {&a.posonlyargs, &a.args, &a.kwonlyargs})
            for (auto& x : *v) expr(x.annotation);
        if (a.vararg) expr(a.vararg->annotation);
        if (a.kwarg) expr(a.kwarg->annotation);
    }

    void expr(ExprPtr& p) {
        if (!p) return;
        Expr& e = *p;
        switch (e.kind) {
            case ExprKind::ListComp: case ExprKind::SetComp: case ExprKind::DictComp:
            case ExprKind::GeneratorExp:
                expr(e.left);
                expr(e.right);
                for (auto& g : e.generators) {
                    expr(g.target);
                    expr(g.iter);
                    for (auto& c : g.ifs) expr(c);
                    if (g.iter) fold_iter(*g.iter);
                }
                return;
            case ExprKind::Lambda:
                args(*e.args);
                expr(e.left);
                return;
            default:
                break;
        }
        expr(e.left);
        expr(e.right);
        expr(e.third);
        for (auto& x : e.elts) expr(x);
        for (auto& x : e.keys) expr(x);
        for (auto& k : e.keywords) expr(k.value);
        switch (e.kind) {
            case ExprKind::UnaryOp: {
                const Expr& arg = *e.left;
                if (arg.kind != ExprKind::Constant) {
                    if (e.op == static_cast<std::uint8_t>(UnaryOpKind::Not) &&
                        arg.kind == ExprKind::Compare && arg.ops.size() == 1) {
                        CmpOpKind o = arg.ops[0];
                        CmpOpKind inv;
                        bool ok = true;
                        switch (o) {
                            case CmpOpKind::Is: inv = CmpOpKind::IsNot; break;
                            case CmpOpKind::IsNot: inv = CmpOpKind::Is; break;
                            case CmpOpKind::In: inv = CmpOpKind::NotIn; break;
                            case CmpOpKind::NotIn: inv = CmpOpKind::In; break;
                            default: ok = false; inv = o; break;
                        }
                        if (ok) {
                            ExprPtr cmp = e.left;
                            cmp->ops[0] = inv;
                            p = cmp;
                        }
                    }
                    return;
                }
                Const v;
                if (fold_unary(static_cast<UnaryOpKind>(e.op), arg.value, v)) make_const(e, v);
                return;
            }
            case ExprKind::BinOp: {
                BinOpKind op = static_cast<BinOpKind>(e.op);
                if (e.left->kind == ExprKind::Constant && op == BinOpKind::Mod &&
                    e.right->kind == ExprKind::Tuple && e.left->value.kind == Const::Kind::str &&
                    !has_starred(e.right->elts)) {
                    std::string fmt = e.left->value.text;
                    std::vector<ExprPtr> elts = e.right->elts;
                    optimize_format(e, fmt, elts);
                    return;
                }
                if (e.left->kind != ExprKind::Constant || e.right->kind != ExprKind::Constant) return;
                if (op == BinOpKind::Mod && (e.left->value.kind == Const::Kind::str ||
                                             e.left->value.kind == Const::Kind::bytes))
                    return;
                Const v;
                if (fold_binop(op, e.left->value, e.right->value, v)) make_const(e, v);
                return;
            }
            case ExprKind::Tuple: {
                if (e.ctx != Ctx::Load) return;
                Const t;
                if (const_tuple(e.elts, t)) make_const(e, t);
                return;
            }
            case ExprKind::Subscript: {
                if (e.ctx != Ctx::Load) return;
                if (e.left->kind != ExprKind::Constant || e.right->kind != ExprKind::Constant) return;
                const Const& seq = e.left->value;
                i128 idx;
                if (!as_int(e.right->value, idx)) return;
                if (seq.kind == Const::Kind::tuple) {
                    i128 n = static_cast<i128>(seq.items.size());
                    if (idx < 0) idx += n;
                    if (idx < 0 || idx >= n) return;
                    Const v = seq.items[static_cast<std::size_t>(idx)];
                    make_const(e, v);
                } else if (seq.kind == Const::Kind::str) {
                    // index by code point
                    std::vector<std::string> cps;
                    for (std::size_t i = 0; i < seq.text.size();) {
                        std::size_t len = 1;
                        unsigned char c = static_cast<unsigned char>(seq.text[i]);
                        if (c >= 0xF0) len = 4;
                        else if (c >= 0xE0) len = 3;
                        else if (c >= 0xC0) len = 2;
                        cps.push_back(seq.text.substr(i, len));
                        i += len;
                    }
                    i128 n = static_cast<i128>(cps.size());
                    if (idx < 0) idx += n;
                    if (idx < 0 || idx >= n) return;
                    Const v;
                    v.kind = Const::Kind::str;
                    v.text = cps[static_cast<std::size_t>(idx)];
                    make_const(e, v);
                } else if (seq.kind == Const::Kind::bytes) {
                    i128 n = static_cast<i128>(seq.text.size());
                    if (idx < 0) idx += n;
                    if (idx < 0 || idx >= n) return;
                    Const v;
                    make_int(static_cast<unsigned char>(seq.text[static_cast<std::size_t>(idx)]), v);
                    make_const(e, v);
                }
                return;
            }
            case ExprKind::Compare: {
                CmpOpKind last = e.ops.back();
                if (last == CmpOpKind::In || last == CmpOpKind::NotIn) fold_iter(*e.elts.back());
                return;
            }
            case ExprKind::Name:
                if (e.id == "__debug__" && e.ctx == Ctx::Load) {
                    Const t;
                    t.kind = Const::Kind::boolean;
                    t.boolean = true;
                    make_const(e, t);
                }
                return;
            default:
                return;
        }
    }
};

}  // namespace

bool const_equal_value(const Const& a, const Const& b) {
    if (is_number(a) && is_number(b)) {
        i128 x, y;
        if (as_int(a, x) && as_int(b, y)) return x == y;
        double ar = a.kind == Const::Kind::complex ? a.real : as_double(a);
        double ai = a.kind == Const::Kind::complex ? a.floating : 0;
        double br = b.kind == Const::Kind::complex ? b.real : as_double(b);
        double bi = b.kind == Const::Kind::complex ? b.floating : 0;
        return ar == br && ai == bi;
    }
    if (a.kind != b.kind) return false;
    if (a.kind == Const::Kind::tuple || a.kind == Const::Kind::frozenset) {
        if (a.items.size() != b.items.size()) return false;
        for (std::size_t i = 0; i < a.items.size(); ++i)
            if (!const_equal_value(a.items[i], b.items[i])) return false;
        return true;
    }
    return ConstPool::key(a) == ConstPool::key(b);
}

void optimize_ast(Module& m) {
    Folder f;
    f.body(m.body);
}

}  // namespace refscope::lang
