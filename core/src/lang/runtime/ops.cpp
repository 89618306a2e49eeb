// lang/runtime/ops.cpp — operators: arithmetic dispatch, comparisons, truth, hash, `in`.
//
// Models Objects/abstract.c (binary_op1: the left operand's slot, the right operand's reflected
// slot — first when its type is a subclass that overrides it —, then the sequence fallbacks
// sq_concat and sq_repeat; the in-place variants), Objects/object.c (do_richcompare with the
// reflected comparison and the identity fallback for == and !=; PyObject_IsTrue; PyObject_Hash)
// and PySequence_Contains, in 3.11, with CPython's error messages.
#include <algorithm>
#include <cmath>

#include "lang/runtime/objects.hpp"
#include "lang/vm/interp.hpp"
#include "object/hashing.hpp"

namespace refscope::lang {

namespace {

const Id kDunder[13] = {Id::add, Id::and_, Id::floordiv, Id::lshift, Id::matmul, Id::mul, Id::mod,
                        Id::or_, Id::pow, Id::rshift, Id::sub, Id::truediv, Id::xor_};
const Id kRDunder[13] = {Id::radd, Id::rand, Id::rfloordiv, Id::rlshift, Id::rmatmul, Id::rmul, Id::rmod,
                         Id::ror, Id::rpow, Id::rrshift, Id::rsub, Id::rtruediv, Id::rxor};
const Id kIDunder[13] = {Id::iadd, Id::iand, Id::ifloordiv, Id::ilshift, Id::imatmul, Id::imul, Id::imod,
                         Id::ior, Id::ipow, Id::irshift, Id::isub, Id::itruediv, Id::ixor};
const char* const kSymbol[13] = {"+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^"};
const Id kCmpDunder[6] = {Id::lt, Id::le, Id::eq, Id::ne, Id::gt, Id::ge};
const char* const kCmpSymbol[6] = {"<", "<=", "==", "!=", ">", ">="};
const int kSwapped[6] = {CMP_GT, CMP_GE, CMP_EQ, CMP_NE, CMP_LT, CMP_LE};

bool is_set_type(Type t) { return t == Type::set || t == Type::frozenset; }

}  // namespace

bool Interp::is_not_implemented(ObjId o) const { return o == not_implemented_; }

// A user class's dunder (the instance or the class defines it in Python): NotImplemented when
// the class has none.
ObjId Interp::user_binary_slot(ObjId self, ObjId other, Id name) {
    if (!is_heap_instance(self)) return newref(not_implemented());
    ObjId func = lookup(type_of(self), name);
    if (!func || func == none()) return newref(not_implemented());
    Ref keep = Ref::borrow(func);
    return call_descr(func, self, {other});
}

ObjId Interp::call_descr(ObjId descr, ObjId self, std::initializer_list<ObjId> args) {
    std::vector<ObjId> items;
    items.push_back(self);
    items.insert(items.end(), args.begin(), args.end());
    CallArgs a{items.data(), items.size(), kNull, 0};
    const auto t = obj(descr).type;
    if (t == Type::function || t == Type::method_descriptor) return call(descr, a);
    Ref bound(descr_get(descr, self, type_of(self)));
    if (!bound) return kNull;
    CallArgs rest{items.data() + 1, items.size() - 1, kNull, 0};
    return call(bound.get(), rest);
}

ObjId Interp::native_binary_slot(ObjId a, ObjId b, std::uint32_t nb, bool inplace) {
    const Type ta = obj(a).type, tb = obj(b).type;
    if (is_number(a)) return number_binary(a, b, nb);
    if (is_set_type(ta) && is_set_type(tb)) {
        if (nb == NB_OR || nb == NB_AND || nb == NB_SUBTRACT || nb == NB_XOR) return set_operator(a, b, nb, inplace);
        return newref(not_implemented());
    }
    if ((nb == NB_OR || nb == NB_AND || nb == NB_SUBTRACT || nb == NB_XOR) &&
        (is_dict_set_view(a) || is_dict_set_view(b)))
        return dict_view_operator(a, b, nb);
    if (ta == Type::dict && tb == Type::dict && nb == NB_OR) {
        if (inplace) {
            if (dict_merge(a, b, true) < 0) return kNull;
            return newref(a);
        }
        Ref copy(dict_copy(a));
        if (!copy || dict_merge(copy.get(), b, true) < 0) return kNull;
        return copy.release();
    }
    if (ta == Type::str && nb == NB_REMAINDER) return str_percent_format(a, b);
    if (ta == Type::bytes && nb == NB_REMAINDER) {
        report_unsupported("bytes % formatting");
        return raise(Exc::TypeError, "bytes formatting");
    }
    return newref(not_implemented());
}

ObjId Interp::binary_op1(ObjId a, ObjId b, std::uint32_t nb, bool inplace) {
    ObjId ta = type_of(a), tb = type_of(b);
    const bool a_user = is_heap_instance(a), b_user = is_heap_instance(b);
    auto slot_v = [&]() { return a_user ? user_binary_slot(a, b, kDunder[nb]) : native_binary_slot(a, b, nb, inplace); };
    auto slot_w = [&]() {
        if (b_user) return user_binary_slot(b, a, kRDunder[nb]);
        // A builtin right operand's reflected slot is its own slot with the operands swapped;
        // only numbers and sets have such slots.
        if (is_number(b) && is_number(a)) return number_binary(a, b, nb);
        return newref(not_implemented());
    };
    const bool try_w = ta != tb && (b_user || (is_number(b) && !a_user));
    if (try_w && b_user && is_subclass(tb, ta) && lookup(tb, kRDunder[nb])) {
        ObjId x = slot_w();
        if (!x || !is_not_implemented(x)) return x;
        decref(x);
        ObjId y = slot_v();
        return y;
    }
    ObjId x = slot_v();
    if (!x || !is_not_implemented(x)) return x;
    if (try_w) {
        decref(x);
        return slot_w();
    }
    return x;
}

ObjId Interp::binary_op(ObjId a, ObjId b, std::uint32_t nb) {
    const bool inplace = nb >= NB_INPLACE_ADD;
    const std::uint32_t base = inplace ? nb - NB_INPLACE_ADD : nb;
    if (base > NB_XOR) return raise(Exc::SystemError, "bad binary operator");
    // +, - and * of exact ints (subclasses are instances): int has no in-place slots and
    // nothing is tried first, so int's own operation, without the slot search (3.11's
    // BINARY_OP_ADD_INT and its kin do the same).
    if ((base == NB_ADD || base == NB_SUBTRACT || base == NB_MULTIPLY) &&
        obj(a).type == Type::int_type && obj(b).type == Type::int_type)
        return int_binary(a, b, base);
    if (inplace) {
        // list += iterable extends in place (sq_inplace_concat); list *= n repeats in place.
        if (obj(a).type == Type::list && base == NB_ADD) {
            if (list_extend(a, b) < 0) {
                if (exception_matches(Exc::TypeError) && !is_builtin_iterable(b) && !lookup(type_of(b), Id::iter)) {
                    clear_exception();
                    return raise(Exc::TypeError, "'" + type_name(b) + "' object is not iterable");
                }
                return kNull;
            }
            return newref(a);
        }
        if (obj(a).type == Type::list && base == NB_MULTIPLY && is_int(b)) return list_inplace_repeat(a, b);
        if (is_heap_instance(a)) {
            ObjId func = lookup(type_of(a), kIDunder[base]);
            if (func && func != none()) {
                Ref keep = Ref::borrow(func);
                ObjId r = call_descr(func, a, {b});
                if (!r || !is_not_implemented(r)) return r;
                decref(r);
            }
        }
    }
    ObjId r = binary_op1(a, b, base, inplace);
    if (!r || !is_not_implemented(r)) return r;
    decref(r);
    // Sequence fallbacks.
    const Type ta = obj(a).type, tb = obj(b).type;
    if (base == NB_ADD && (ta == Type::str || ta == Type::list || ta == Type::tuple || ta == Type::bytes))
        return sequence_concat(a, b);
    if (base == NB_MULTIPLY) {
        const bool a_seq = ta == Type::str || ta == Type::list || ta == Type::tuple || ta == Type::bytes;
        const bool b_seq = tb == Type::str || tb == Type::list || tb == Type::tuple || tb == Type::bytes;
        if (a_seq) return sequence_repeat(a, b);
        if (b_seq) return sequence_repeat(b, a);
    }
    std::string sym = kSymbol[base];
    if (inplace) sym += "=";
    if (base == NB_POWER && !inplace)
        return raise(Exc::TypeError, "unsupported operand type(s) for ** or pow(): '" + type_name(a) + "' and '" + type_name(b) + "'");
    return raise(Exc::TypeError, "unsupported operand type(s) for " + sym + ": '" + type_name(a) + "' and '" + type_name(b) + "'");
}

ObjId Interp::unary_op(ObjId a, Op op) {
    if (is_number(a)) {
        if (op == Op::UNARY_INVERT && is_float(a))
            return raise(Exc::TypeError, "bad operand type for unary ~: 'float'");
        return number_unary(a, op);
    }
    Id name = op == Op::UNARY_NEGATIVE ? Id::neg : op == Op::UNARY_POSITIVE ? Id::pos : Id::invert;
    if (is_heap_instance(a)) {
        ObjId func = lookup(type_of(a), name);
        if (func) {
            Ref keep = Ref::borrow(func);
            return call_descr(func, a, {});
        }
    }
    const char* sym = op == Op::UNARY_NEGATIVE ? "-" : op == Op::UNARY_POSITIVE ? "+" : "~";
    return raise(Exc::TypeError, std::string("bad operand type for unary ") + sym + ": '" + type_name(a) + "'");
}

// --- comparisons ------------------------------------------------------------------------------

ObjId Interp::native_compare(ObjId a, ObjId b, int op) {
    const Type ta = obj(a).type, tb = obj(b).type;
    auto result = [&](int c) -> ObjId {
        bool r = false;
        switch (op) {
            case CMP_LT: r = c < 0; break;
            case CMP_LE: r = c <= 0; break;
            case CMP_EQ: r = c == 0; break;
            case CMP_NE: r = c != 0; break;
            case CMP_GT: r = c > 0; break;
            case CMP_GE: r = c >= 0; break;
        }
        return new_bool(r);
    };
    if (is_number(a) && is_number(b)) {
        int c = number_compare(a, b);
        if (c == 2) return new_bool(op == CMP_NE);
        return result(c);
    }
    if (ta == Type::str && tb == Type::str) {
        int c = obj(a).text.compare(obj(b).text);
        return result(c < 0 ? -1 : c > 0 ? 1 : 0);
    }
    if (ta == Type::bytes && tb == Type::bytes) {
        int c = obj(a).text.compare(obj(b).text);
        return result(c < 0 ? -1 : c > 0 ? 1 : 0);
    }
    if ((ta == Type::tuple && tb == Type::tuple) || (ta == Type::list && tb == Type::list)) {
        Ref ka = Ref::borrow(a), kb = Ref::borrow(b);
        std::size_t i = 0;
        for (;; ++i) {
            if (i >= obj(a).refs.size() || i >= obj(b).refs.size()) break;
            ObjId x = obj(a).refs[i], y = obj(b).refs[i];
            Ref kx = Ref::borrow(x), ky = Ref::borrow(y);
            int eq = compare_bool(x, y, CMP_EQ);
            if (eq < 0) return kNull;
            if (!eq) break;
        }
        const std::size_t na = obj(a).refs.size(), nb = obj(b).refs.size();
        if (i >= na || i >= nb) return result(na < nb ? -1 : na > nb ? 1 : 0);
        if (op == CMP_EQ) return new_bool(false);
        if (op == CMP_NE) return new_bool(true);
        return rich_compare(obj(a).refs[i], obj(b).refs[i], op);
    }
    if (ta == Type::dict && tb == Type::dict) {
        if (op != CMP_EQ && op != CMP_NE) return newref(not_implemented());
        int eq = dict_equal(a, b);
        if (eq < 0) return kNull;
        return new_bool((eq != 0) == (op == CMP_EQ));
    }
    if (is_set_type(ta) && is_set_type(tb)) return set_compare(a, b, op);
    if (ta == Type::range && tb == Type::range) {
        if (op != CMP_EQ && op != CMP_NE) return newref(not_implemented());
        const BigRange x = range_values(*payload_of<RangePayload>(obj(a)));
        const BigRange y = range_values(*payload_of<RangePayload>(obj(b)));
        const BigInt one(1);
        bool eq = x.length == y.length &&
                  (x.length.is_zero() || (x.start == y.start && (x.length == one || x.step == y.step)));
        return new_bool(eq == (op == CMP_EQ));
    }
    if (ta == Type::dict_view && tb == Type::dict_view) return dict_view_compare(a, b, op);
    // dictview_richcompare: a keys or items view against a set compares as sets.
    if ((is_dict_set_view(a) && is_set_type(tb)) || (is_set_type(ta) && is_dict_set_view(b)))
        return dict_view_compare(a, b, op);
    if (ta == Type::weakref && tb == Type::weakref && (op == CMP_EQ || op == CMP_NE)) {
        // Two live references compare their referents; otherwise by identity.
        ObjId x = heap_->weakref_target(a), y = heap_->weakref_target(b);
        if (!x || !y) return new_bool((a == b) == (op == CMP_EQ));
        return rich_compare(x, y, op);
    }
    return newref(not_implemented());
}

ObjId Interp::compare_slot(ObjId a, ObjId b, int op) {
    if (!is_heap_instance(a)) {
        if (ta_is_builtin_comparable(a)) return native_compare(a, b, op);
        return newref(not_implemented());
    }
    ObjId func = lookup(type_of(a), kCmpDunder[op]);
    if (func && func != none()) {
        Ref keep = Ref::borrow(func);
        return call_descr(func, a, {b});
    }
    if (op == CMP_NE) {
        // object.__ne__: the inverse of __eq__ unless that is NotImplemented.
        ObjId eq = lookup(type_of(a), Id::eq);
        if (eq && eq != none()) {
            Ref keep = Ref::borrow(eq);
            Ref r(call_descr(eq, a, {b}));
            if (!r) return kNull;
            if (is_not_implemented(r.get())) return r.release();
            int t = truthy(r.get());
            if (t < 0) return kNull;
            return new_bool(!t);
        }
    }
    if (op == CMP_EQ && is_exception_instance(a)) return a == b ? new_bool(true) : newref(not_implemented());
    return newref(not_implemented());
}

bool Interp::ta_is_builtin_comparable(ObjId a) const {
    switch (obj(a).type) {
        case Type::int_type: case Type::bool_type: case Type::float_type: case Type::str:
        case Type::bytes: case Type::tuple: case Type::list: case Type::dict: case Type::set:
        case Type::frozenset: case Type::range: case Type::dict_view: case Type::weakref:
            return true;
        default:
            return false;
    }
}

ObjId Interp::rich_compare(ObjId a, ObjId b, int op) {
    // Two exact ints that fit: long_richcompare's answer without the slot search.
    if (const object::Object &x = obj(a), &y = obj(b);
        x.type == Type::int_type && y.type == Type::int_type && !x.payload && !y.payload) {
        const std::int64_t l = x.ival, r = y.ival;
        switch (op) {
            case CMP_LT: return new_bool(l < r);
            case CMP_LE: return new_bool(l <= r);
            case CMP_EQ: return new_bool(l == r);
            case CMP_NE: return new_bool(l != r);
            case CMP_GT: return new_bool(l > r);
            case CMP_GE: return new_bool(l >= r);
            default: break;
        }
    }
    bool checked_reverse = false;
    ObjId ta = type_of(a), tb = type_of(b);
    if (ta != tb && is_heap_instance(b) && is_subclass(tb, ta) && lookup(tb, kCmpDunder[kSwapped[op]])) {
        checked_reverse = true;
        ObjId r = compare_slot(b, a, kSwapped[op]);
        if (!r || !is_not_implemented(r)) return r;
        decref(r);
    }
    ObjId r = compare_slot(a, b, op);
    if (!r || !is_not_implemented(r)) return r;
    decref(r);
    if (!checked_reverse) {
        r = compare_slot(b, a, kSwapped[op]);
        if (!r || !is_not_implemented(r)) return r;
        decref(r);
    }
    if (op == CMP_EQ) return new_bool(a == b);
    if (op == CMP_NE) return new_bool(a != b);
    return raise(Exc::TypeError, std::string("'") + kCmpSymbol[op] + "' not supported between instances of '" +
                                     type_name(a) + "' and '" + type_name(b) + "'");
}

int Interp::compare_bool(ObjId a, ObjId b, int op) {
    if (a == b) {
        if (op == CMP_EQ) return 1;
        if (op == CMP_NE) return 0;
    }
    // Fast paths for the common value types.
    const Type ta = obj(a).type, tb = obj(b).type;
    if (ta == Type::str && tb == Type::str && (op == CMP_EQ || op == CMP_NE))
        return (obj(a).text == obj(b).text) == (op == CMP_EQ);
    std::int64_t x, y;
    if (ta == Type::int_type && tb == Type::int_type && small_int(a, x) && small_int(b, y) && (op == CMP_EQ || op == CMP_NE))
        return (x == y) == (op == CMP_EQ);
    Ref r(rich_compare(a, b, op));
    if (!r) return -1;
    if (r.get() == true_obj()) return 1;
    if (r.get() == false_obj()) return 0;
    return truthy(r.get());
}

// --- truth, hash, length ----------------------------------------------------------------------

int Interp::truthy(ObjId o) {
    const object::Object& x = obj(o);
    switch (x.type) {
        case Type::bool_type: return x.ival != 0;
        case Type::none_type: return 0;
        case Type::int_type: return x.payload ? 1 : x.ival != 0;
        case Type::float_type: return x.fval != 0.0;
        case Type::str: case Type::bytes: return !x.text.empty();
        case Type::tuple: case Type::list: return !x.refs.empty();
        case Type::dict: return x.dict.used != 0;
        case Type::set: case Type::frozenset: return x.dict.used != 0;
        case Type::range: return range_values(*payload_of<RangePayload>(x)).length.sign() != 0;
        case Type::dict_view: return obj(x.refs[0]).dict.used != 0;
        default: break;
    }
    if (!is_heap_instance(o)) return 1;
    ObjId tp = type_of(o);
    if (ObjId func = lookup(tp, Id::bool_)) {
        Ref keep = Ref::borrow(func);
        Ref r(call_descr(func, o, {}));
        if (!r) return -1;
        if (obj(r.get()).type != Type::bool_type)
            return raise_int(Exc::TypeError, "__bool__ should return bool, returned " + type_name(r.get()));
        return obj(r.get()).ival != 0;
    }
    if (ObjId func = lookup(tp, Id::len)) {
        Ref keep = Ref::borrow(func);
        auto n = length(o);
        if (!n) return -1;
        return *n != 0;
    }
    return 1;
}

std::optional<std::int64_t> Interp::hash(ObjId o) {
    const object::Object& x = obj(o);
    if (x.type == Type::str && x.hash_cache != -1) return x.hash_cache;   // every name looked up
    switch (x.type) {
        case Type::str: case Type::bytes: case Type::int_type: case Type::bool_type:
        case Type::float_type:
            return heap_->default_hash(o);
        case Type::tuple: {
            object::hashing::TupleHasher h;
            Ref keep = Ref::borrow(o);
            for (std::size_t i = 0; i < obj(o).refs.size(); ++i) {
                auto item = hash(obj(o).refs[i]);
                if (!item) return std::nullopt;
                h.add(*item);
            }
            return h.finish(obj(o).refs.size());
        }
        case Type::frozenset: return frozenset_hash(o);
        case Type::list: case Type::dict: case Type::set: case Type::slice: case Type::dict_view:
        case Type::bytearray:
            raise(Exc::TypeError, "unhashable type: '" + type_name(o) + "'");
            return std::nullopt;
        case Type::range: {
            const BigRange r = range_values(*payload_of<RangePayload>(x));
            const int n = r.length.is_zero() ? 0 : r.length == BigInt(1) ? 1 : 2;
            Ref len(new_int(r.length));
            Ref start(n ? new_int(r.start) : new_none());
            Ref step(n > 1 ? new_int(r.step) : new_none());
            ObjId items[] = {len.get(), start.get(), step.get()};
            Ref t(new_tuple(items));
            if (!t) return std::nullopt;
            return hash(t.get());
        }
        case Type::weakref: {
            ObjId target = heap_->weakref_target(o);
            if (obj(o).hash_cache != -1) return obj(o).hash_cache;
            if (!target) {
                raise(Exc::TypeError, "weak object has gone away");
                return std::nullopt;
            }
            auto h = hash(target);
            if (h) heap_->at(o).hash_cache = *h;
            return h;
        }
        case Type::method: {
            auto a = hash(x.refs[1]);
            if (!a) return std::nullopt;
            std::int64_t b = object::hashing::hash_pointer(heap_->id_of(x.refs[0]));
            std::int64_t r = *a ^ b;
            return r == -1 ? -2 : r;
        }
        default:
            break;
    }
    if (is_heap_instance(o)) {
        ObjId tp = type_of(o);
        ObjId func = lookup(tp, Id::hash);
        if (func == none()) {
            raise(Exc::TypeError, "unhashable type: '" + type_name(o) + "'");
            return std::nullopt;
        }
        if (func && obj(func).type == Type::function) {
            Ref keep = Ref::borrow(func);
            Ref r(call_descr(func, o, {}));
            if (!r) return std::nullopt;
            if (!is_int(r.get())) {
                raise(Exc::TypeError, "__hash__ method should return an integer");
                return std::nullopt;
            }
            // slot_tp_hash: the value itself when it fits a Py_hash_t (-1 is reserved: -2),
            // else the int's own hash.
            std::int64_t v;
            if (small_int(r.get(), v)) return v == -1 ? -2 : v;
            return heap_->default_hash(r.get());
        }
    }
    return object::hashing::hash_pointer(heap_->id_of(o));
}

std::optional<std::int64_t> Interp::length(ObjId o) {
    const object::Object& x = obj(o);
    switch (x.type) {
        case Type::str: return x.ival;
        case Type::bytes: return static_cast<std::int64_t>(x.text.size());
        case Type::tuple: case Type::list: return static_cast<std::int64_t>(x.refs.size());
        case Type::dict: case Type::set: case Type::frozenset: return x.dict.used;
        case Type::range: {
            const std::int64_t n = payload_of<RangePayload>(x)->length;
            if (n < 0) {
                raise(Exc::OverflowError, "Python int too large to convert to C ssize_t");
                return std::nullopt;
            }
            return n;
        }
        case Type::dict_view: return obj(x.refs[0]).dict.used;
        default: break;
    }
    if (is_heap_instance(o)) {
        if (ObjId func = lookup(type_of(o), Id::len)) {
            Ref keep = Ref::borrow(func);
            Ref r(call_descr(func, o, {}));
            if (!r) return std::nullopt;
            if (!is_int(r.get())) {
                raise(Exc::TypeError, "'" + type_name(r.get()) + "' object cannot be interpreted as an integer");
                return std::nullopt;
            }
            std::int64_t n;
            if (!small_int(r.get(), n)) {
                raise(Exc::OverflowError, "cannot fit 'int' into an index-sized integer");
                return std::nullopt;
            }
            if (n < 0) {
                raise(Exc::ValueError, "__len__() should return >= 0");
                return std::nullopt;
            }
            return n;
        }
    }
    raise(Exc::TypeError, "object of type '" + type_name(o) + "' has no len()");
    return std::nullopt;
}

std::optional<std::int64_t> Interp::length_hint(ObjId o, std::int64_t fallback) {
    const object::Object& x = obj(o);
    switch (x.type) {
        case Type::str: case Type::bytes: case Type::tuple: case Type::list: case Type::dict:
        case Type::set: case Type::frozenset: case Type::range: case Type::dict_view:
            return length(o);
        case Type::iterator: {
            auto n = iterator_length_hint(o);
            if (n >= 0) return n;
            return fallback;
        }
        default:
            break;
    }
    if (is_heap_instance(o) && lookup(type_of(o), Id::len)) return length(o);
    return fallback;
}

std::optional<std::int64_t> Interp::index_value(ObjId o) {
    std::int64_t v;
    if (is_int(o)) {
        if (small_int(o, v)) return v;
        raise(Exc::OverflowError, "Python int too large to convert to C ssize_t");
        return std::nullopt;
    }
    if (is_heap_instance(o)) {
        if (ObjId func = lookup(type_of(o), Id::index)) {
            Ref keep = Ref::borrow(func);
            Ref r(call_descr(func, o, {}));
            if (!r) return std::nullopt;
            if (!is_int(r.get())) {
                raise(Exc::TypeError, "__index__ returned non-int (type " + type_name(r.get()) + ")");
                return std::nullopt;
            }
            return index_value(r.get());
        }
    }
    raise(Exc::TypeError, "'" + type_name(o) + "' object cannot be interpreted as an integer");
    return std::nullopt;
}

// --- membership -----------------------------------------------------------------------------

int Interp::contains(ObjId container, ObjId item) {
    const object::Object& c = obj(container);
    switch (c.type) {
        case Type::list:
        case Type::tuple: {
            Ref keep = Ref::borrow(container);
            for (std::size_t i = 0; i < obj(container).refs.size(); ++i) {
                ObjId x = obj(container).refs[i];
                Ref kx = Ref::borrow(x);
                int eq = compare_bool(x, item, CMP_EQ);
                if (eq != 0) return eq;
            }
            return 0;
        }
        case Type::str: {
            if (obj(item).type != Type::str)
                return raise_int(Exc::TypeError, "'in <string>' requires string as left operand, not " + type_name(item));
            return c.text.find(obj(item).text) != std::string::npos;
        }
        case Type::bytes: {
            if (obj(item).type == Type::bytes) return c.text.find(obj(item).text) != std::string::npos;
            std::int64_t v;
            if (is_int(item) && small_int(item, v)) {
                if (v < 0 || v > 255) return raise_int(Exc::ValueError, "byte must be in range(0, 256)");
                return c.text.find(static_cast<char>(v)) != std::string::npos;
            }
            return raise_int(Exc::TypeError, "a bytes-like object is required, not '" + type_name(item) + "'");
        }
        case Type::dict: return dict_contains(container, item);
        case Type::set: case Type::frozenset: return set_contains(container, item);
        case Type::dict_view: return dict_view_contains(container, item);
        case Type::range: {
            auto* r = payload_of<RangePayload>(c);
            std::int64_t v;
            if (r->big && is_int(item)) {
                const BigRange& b = *r->big;
                const BigInt w = big_of(item);
                if (b.length.is_zero()) return 0;
                if (b.step.sign() > 0 ? (w < b.start || w >= b.stop) : (w > b.start || w <= b.stop)) return 0;
                return mod(w - b.start, b.step).value().is_zero() ? 1 : 0;
            }
            if (obj(item).type == Type::int_type || obj(item).type == Type::bool_type) {
                if (!small_int(item, v)) return 0;
                if (r->length == 0) return 0;
                if (r->step > 0 ? (v < r->start || v >= r->stop) : (v > r->start || v <= r->stop)) return 0;
                return (v - r->start) % r->step == 0;
            }
            break;
        }
        default:
            break;
    }
    if (is_heap_instance(container)) {
        if (ObjId func = lookup(type_of(container), Id::contains)) {
            Ref keep = Ref::borrow(func);
            Ref r(call_descr(func, container, {item}));
            if (!r) return -1;
            return truthy(r.get());
        }
    }
    // Fall back to iteration.
    Ref it(get_iter(container));
    if (!it) {
        if (exception_matches(Exc::TypeError)) {
            clear_exception();
            return raise_int(Exc::TypeError, "argument of type '" + type_name(container) + "' is not iterable");
        }
        return -1;
    }
    for (;;) {
        Ref x(iter_next(it.get()));
        if (!x) return exc_ ? -1 : 0;
        int eq = compare_bool(x.get(), item, CMP_EQ);
        if (eq != 0) return eq;
    }
}

}  // namespace refscope::lang
