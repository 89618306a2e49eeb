// lang/runtime/seq_ops.cpp — subscripting, slicing and the sequence operators.
//
// Models Objects/listobject.c (list_subscript, list_ass_subscript, list_extend with its
// preallocation rules, list_concat, list_repeat), tupleobject.c, unicodeobject.c and
// bytesobject.c subscripts, sliceobject.c (PySlice_Unpack / AdjustIndices) and the unpacking
// of UNPACK_SEQUENCE / UNPACK_EX (Python/ceval.c unpack_iterable), in 3.11, with CPython's
// messages.
#include <algorithm>

#include "lang/runtime/objects.hpp"
#include "lang/text/utf8.hpp"
#include "lang/vm/interp.hpp"

namespace refscope::lang {

// PySlice_Unpack + PySlice_AdjustIndices for a sequence of `length`.
bool Interp::slice_indices(ObjId slice, std::int64_t length, SliceIndices& out) {
    const auto& refs = obj(slice).refs;
    auto get = [&](ObjId v, std::int64_t& dst, bool& present) -> bool {
        present = v != none();
        if (!present) return true;
        if (!is_int(v) && !(is_heap_instance(v) && lookup(type_of(v), Id::index))) {
            raise(Exc::TypeError, "slice indices must be integers or None or have an __index__ method");
            return false;
        }
        if (is_int(v) && !small_int(v, dst)) {
            dst = big_of(v).is_negative() ? INT64_MIN / 2 : INT64_MAX / 2;
            return true;
        }
        auto iv = index_value(v);
        if (!iv) return false;
        dst = *iv;
        return true;
    };
    std::int64_t start = 0, stop = 0, step = 1;
    bool has_start, has_stop, has_step;
    if (!get(refs[2], step, has_step)) return false;
    if (has_step && step == 0) {
        raise(Exc::ValueError, "slice step cannot be zero");
        return false;
    }
    if (!has_step) step = 1;
    if (!get(refs[0], start, has_start) || !get(refs[1], stop, has_stop)) return false;
    if (!has_start) start = step < 0 ? INT64_MAX : 0;
    if (!has_stop) stop = step < 0 ? INT64_MIN : INT64_MAX;
    // AdjustIndices
    auto adjust = [&](std::int64_t& i) {
        if (i < 0) {
            i += length;
            if (i < 0) i = step < 0 ? -1 : 0;
        } else if (i >= length) {
            i = step < 0 ? length - 1 : length;
        }
    };
    adjust(start);
    adjust(stop);
    std::int64_t n = 0;
    if (step < 0) {
        if (stop < start) n = (start - stop - 1) / (-step) + 1;
    } else if (start < stop) {
        n = (stop - start - 1) / step + 1;
    }
    out = {start, stop, step, n};
    return true;
}

bool Interp::normalize_index(ObjId key, std::int64_t length, std::int64_t& index, const char* what) {
    std::int64_t i;
    if (is_int(key)) {
        if (!small_int(key, i)) {
            raise(Exc::IndexError, "cannot fit 'int' into an index-sized integer");
            return false;
        }
    } else {
        auto v = index_value(key);
        if (!v) return false;
        i = *v;
    }
    if (i < 0) i += length;
    if (i < 0 || i >= length) {
        raise(Exc::IndexError, std::string(what) + " index out of range");
        return false;
    }
    index = i;
    return true;
}

bool Interp::is_index_like(ObjId key) {
    return is_int(key) || (is_heap_instance(key) && lookup(type_of(key), Id::index));
}

ObjId Interp::getitem(ObjId o, ObjId key) {
    const object::Object& x = obj(o);
    switch (x.type) {
        case Type::list:
        case Type::tuple: {
            const char* what = x.type == Type::list ? "list" : "tuple";
            if (is_index_like(key)) {
                std::int64_t i;
                if (!normalize_index(key, static_cast<std::int64_t>(x.refs.size()), i, what)) return kNull;
                return newref(obj(o).refs[static_cast<std::size_t>(i)]);
            }
            if (obj(key).type == Type::slice) {
                SliceIndices s;
                if (!slice_indices(key, static_cast<std::int64_t>(obj(o).refs.size()), s)) return kNull;
                if (obj(o).type == Type::tuple && s.step == 1 && s.length == static_cast<std::int64_t>(obj(o).refs.size()))
                    return newref(o);
                std::vector<ObjId> items;
                items.reserve(static_cast<std::size_t>(s.length));
                for (std::int64_t k = 0, i = s.start; k < s.length; ++k, i += s.step)
                    items.push_back(obj(o).refs[static_cast<std::size_t>(i)]);
                return obj(o).type == Type::list ? new_list(items) : new_tuple(items);
            }
            return raise(Exc::TypeError, std::string(what) + " indices must be integers or slices, not " + type_name(key));
        }
        case Type::str: {
            const std::int64_t len = x.ival;
            if (is_index_like(key)) {
                std::int64_t i;
                if (!normalize_index(key, len, i, "string")) return kNull;
                std::string_view t = text_of(o);
                if (obj(o).is_ascii) return new_str(t.substr(static_cast<std::size_t>(i), 1));
                return new_str(utf8_encode(*utf8_at(t, static_cast<std::size_t>(i))));
            }
            if (obj(key).type == Type::slice) {
                SliceIndices s;
                if (!slice_indices(key, len, s)) return kNull;
                if (s.step == 1 && s.length == len) return newref(o);
                std::string_view t = text_of(o);
                std::string out;
                if (obj(o).is_ascii) {
                    for (std::int64_t k = 0, i = s.start; k < s.length; ++k, i += s.step) out += t[static_cast<std::size_t>(i)];
                } else if (s.step == 1) {
                    out = std::string(utf8_substr(t, static_cast<std::size_t>(s.start), static_cast<std::size_t>(s.start + s.length)));
                } else {
                    std::u32string cps;
                    for (std::size_t p = 0; p < t.size();) {
                        auto c = utf8_decode(t, p);
                        cps.push_back(c.cp);
                        p += c.length;
                    }
                    for (std::int64_t k = 0, i = s.start; k < s.length; ++k, i += s.step) utf8_append(out, cps[static_cast<std::size_t>(i)]);
                }
                return new_str(out);
            }
            return raise(Exc::TypeError, "string indices must be integers, not '" + type_name(key) + "'");
        }
        case Type::bytes: {
            const auto len = static_cast<std::int64_t>(x.text.size());
            if (is_index_like(key)) {
                std::int64_t i;
                if (!normalize_index(key, len, i, "index")) return kNull;
                return new_int(static_cast<unsigned char>(obj(o).text[static_cast<std::size_t>(i)]));
            }
            if (obj(key).type == Type::slice) {
                SliceIndices s;
                if (!slice_indices(key, len, s)) return kNull;
                if (s.step == 1 && s.length == len) return newref(o);
                std::string out;
                for (std::int64_t k = 0, i = s.start; k < s.length; ++k, i += s.step) out += obj(o).text[static_cast<std::size_t>(i)];
                return new_bytes(out);
            }
            return raise(Exc::TypeError, "byte indices must be integers or slices, not " + type_name(key));
        }
        case Type::dict: {
            ObjId v = dict_get(o, key);
            if (v) return newref(v);
            if (exc_) return kNull;
            return raise_key_error(key);
        }
        case Type::range: {
            auto* r = payload_of<RangePayload>(x);
            if (r->big) {
                const BigRange b = *r->big;
                if (!is_int(key)) {
                    report_unsupported("slicing ranges beyond 64-bit integers");
                    return raise(Exc::OverflowError, "range beyond 64-bit integers");
                }
                BigInt i = big_of(key);
                if (i.sign() < 0) i = i + b.length;
                if (i.sign() < 0 || i >= b.length) return raise(Exc::IndexError, "range object index out of range");
                return new_int(b.start + i * b.step);
            }
            if (is_index_like(key)) {
                std::int64_t i;
                if (!normalize_index(key, r->length, i, "range object")) return kNull;
                return new_int(r->start + i * r->step);
            }
            if (obj(key).type == Type::slice) {
                SliceIndices s;
                if (!slice_indices(key, r->length, s)) return kNull;
                std::int64_t start = r->start + s.start * r->step;
                std::int64_t step = r->step * s.step;
                std::int64_t stop = start + s.length * step;
                return new_range_object(start, stop, step);
            }
            return raise(Exc::TypeError, "range indices must be integers or slices, not " + type_name(key));
        }
        case Type::type: {
            ObjId fn = lookup(o, Id::class_getitem);
            if (fn) {
                Ref keep = Ref::borrow(fn);
                Ref bound(descr_get(fn, kNull, o));
                if (!bound) return kNull;
                return call(bound.get(), {key});
            }
            report_unsupported("subscripted types (generic aliases)");
            return raise(Exc::TypeError, "type '" + class_name(o) + "' is not subscriptable");
        }
        default:
            break;
    }
    if (is_heap_instance(o)) {
        if (ObjId func = lookup(type_of(o), Id::getitem)) {
            Ref keep = Ref::borrow(func);
            return call_descr(func, o, {key});
        }
    }
    return raise(Exc::TypeError, "'" + type_name(o) + "' object is not subscriptable");
}

int Interp::setitem(ObjId o, ObjId key, ObjId value) {
    const object::Object& x = obj(o);
    switch (x.type) {
        case Type::list: {
            if (is_index_like(key)) {
                std::int64_t i;
                if (!normalize_index(key, static_cast<std::int64_t>(x.refs.size()), i, "list assignment")) return -1;
                if (value) {
                    heap_->list_set(o, static_cast<std::size_t>(i), value);
                } else {
                    decref(heap_->list_pop(o, static_cast<std::size_t>(i)));
                }
                return 0;
            }
            if (obj(key).type == Type::slice) return list_ass_slice(o, key, value);
            return raise_int(Exc::TypeError, "list indices must be integers or slices, not " + type_name(key));
        }
        case Type::dict:
            if (value) return dict_set(o, key, value);
            return dict_del(o, key);
        default:
            break;
    }
    if (is_heap_instance(o)) {
        if (ObjId func = lookup(type_of(o), value ? Id::setitem : Id::delitem)) {
            Ref keep = Ref::borrow(func);
            Ref r(value ? call_descr(func, o, {key, value}) : call_descr(func, o, {key}));
            return r ? 0 : -1;
        }
    }
    if (value)
        return raise_int(Exc::TypeError, "'" + type_name(o) + "' object does not support item assignment");
    return raise_int(Exc::TypeError, "'" + type_name(o) + "' object doesn't support item deletion");
}

int Interp::list_ass_slice(ObjId list, ObjId slice, ObjId value) {
    SliceIndices s;
    if (!slice_indices(slice, static_cast<std::int64_t>(obj(list).refs.size()), s)) return -1;
    if (!value) {
        if (s.step == 1) {
            if (!heap_->list_replace_range(list, static_cast<std::size_t>(s.start),
                                            static_cast<std::size_t>(s.start + s.length), {}))
                return raise_memory_error(), -1;
            return 0;
        }
        std::vector<std::size_t> positions;
        for (std::int64_t k = 0, i = s.start; k < s.length; ++k, i += s.step) positions.push_back(static_cast<std::size_t>(i));
        std::sort(positions.begin(), positions.end());
        heap_->list_remove_positions(list, positions);
        return 0;
    }
    // PySequence_Fast: a list or tuple is used as is (a copy when it is the target itself).
    Ref seq;
    const Type vt = obj(value).type;
    if ((vt == Type::list || vt == Type::tuple) && value != list) {
        seq = Ref::borrow(value);
    } else {
        std::vector<ObjId> items;
        if (value == list) {
            for (ObjId item : obj(list).refs) items.push_back(newref(item));
        } else if (!unpack_iterable(value, items)) {
            if (exception_matches(Exc::TypeError)) {
                clear_exception();
                return raise_int(Exc::TypeError, "can only assign an iterable");
            }
            return -1;
        }
        seq.reset(new_list_steal(items));
        if (!seq) return -1;
    }
    std::vector<ObjId> items(obj(seq.get()).refs.begin(), obj(seq.get()).refs.end());
    if (s.step == 1) {
        std::int64_t hi = s.start + s.length;
        if (!heap_->list_replace_range(list, static_cast<std::size_t>(s.start), static_cast<std::size_t>(hi), items))
            return raise_memory_error(), -1;
        return 0;
    }
    if (static_cast<std::int64_t>(items.size()) != s.length)
        return raise_int(Exc::ValueError, "attempt to assign sequence of size " + std::to_string(items.size()) +
                                              " to extended slice of size " + std::to_string(s.length));
    for (std::int64_t k = 0, i = s.start; k < s.length; ++k, i += s.step)
        heap_->list_set(list, static_cast<std::size_t>(i), items[static_cast<std::size_t>(k)]);
    return 0;
}

ObjId Interp::sequence_concat(ObjId a, ObjId b) {
    const Type ta = obj(a).type, tb = obj(b).type;
    switch (ta) {
        case Type::str:
            if (tb != Type::str)
                return raise(Exc::TypeError, "can only concatenate str (not \"" + type_name(b) + "\") to str");
            return new_str(std::string(text_of(a)) + std::string(text_of(b)));
        case Type::bytes:
            if (tb != Type::bytes) return raise(Exc::TypeError, "can't concat " + type_name(b) + " to bytes");
            return new_bytes(std::string(text_of(a)) + std::string(text_of(b)));
        case Type::list:
        case Type::tuple: {
            if (tb != ta) {
                const char* n = ta == Type::list ? "list" : "tuple";
                return raise(Exc::TypeError, std::string("can only concatenate ") + n + " (not \"" + type_name(b) + "\") to " + n);
            }
            std::vector<ObjId> items(obj(a).refs.begin(), obj(a).refs.end());
            items.insert(items.end(), obj(b).refs.begin(), obj(b).refs.end());
            if (ta == Type::tuple && obj(b).refs.empty()) return newref(a);
            if (ta == Type::tuple && obj(a).refs.empty()) return newref(b);
            return ta == Type::list ? new_list(items) : new_tuple(items);
        }
        default:
            return raise(Exc::TypeError, "unsupported operand type(s) for +");
    }
}

ObjId Interp::sequence_repeat(ObjId seq, ObjId count) {
    if (!is_index_like(count))
        return raise(Exc::TypeError, "can't multiply sequence by non-int of type '" + type_name(count) + "'");
    std::int64_t n;
    if (is_int(count) && !small_int(count, n)) {
        if (big_of(count).is_negative()) n = 0;
        else return raise(Exc::OverflowError, "cannot fit 'int' into an index-sized integer");
    } else {
        auto v = index_value(count);
        if (!v) return kNull;
        n = *v;
    }
    if (n < 0) n = 0;
    const object::Object& s = obj(seq);
    switch (s.type) {
        case Type::str: {
            if (n == 1) return newref(seq);
            if (static_cast<double>(s.text.size()) * static_cast<double>(n) > 1e9) return raise_memory_error();
            std::string out;
            out.reserve(s.text.size() * static_cast<std::size_t>(n));
            for (std::int64_t i = 0; i < n; ++i) out += s.text;
            return new_str(out);
        }
        case Type::bytes: {
            if (n == 1) return newref(seq);
            if (static_cast<double>(s.text.size()) * static_cast<double>(n) > 1e9) return raise_memory_error();
            std::string out;
            for (std::int64_t i = 0; i < n; ++i) out += s.text;
            return new_bytes(out);
        }
        case Type::list:
        case Type::tuple: {
            if (s.type == Type::tuple && n == 1) return newref(seq);
            if (static_cast<double>(s.refs.size()) * static_cast<double>(n) > 5e7) return raise_memory_error();
            std::vector<ObjId> items;
            items.reserve(s.refs.size() * static_cast<std::size_t>(n));
            for (std::int64_t i = 0; i < n; ++i) items.insert(items.end(), obj(seq).refs.begin(), obj(seq).refs.end());
            return s.type == Type::list ? new_list(items) : new_tuple(items);
        }
        default:
            return raise(Exc::TypeError, "can't multiply sequence");
    }
}

ObjId Interp::list_inplace_repeat(ObjId list, ObjId count) {
    std::int64_t n = 0;
    if (!small_int(count, n)) n = 0;
    if (n <= 0) {
        heap_->list_clear(list);
        return newref(list);
    }
    std::vector<ObjId> items(obj(list).refs.begin(), obj(list).refs.end());
    if (!heap_->list_reserve(list, items.size() * static_cast<std::size_t>(n))) return raise_memory_error();
    for (std::int64_t i = 1; i < n; ++i)
        for (ObjId item : items) heap_->list_push(list, item);
    return newref(list);
}

bool Interp::is_builtin_iterable(ObjId o) const {
    switch (obj(o).type) {
        case Type::str: case Type::bytes: case Type::tuple: case Type::list: case Type::dict:
        case Type::set: case Type::frozenset: case Type::range: case Type::dict_view:
        case Type::iterator: case Type::generator:
            return true;
        default:
            return false;
    }
}

int Interp::list_extend(ObjId list, ObjId iterable) {
    const Type t = obj(iterable).type;
    if (t == Type::list || t == Type::tuple || iterable == list) {
        std::vector<ObjId> items(obj(iterable).refs.begin(), obj(iterable).refs.end());
        if (items.empty()) return 0;
        Ref keep = Ref::borrow(iterable);
        const bool ok = obj(list).buf.items ? heap_->list_reserve(list, obj(list).refs.size() + items.size())
                                            : heap_->list_preallocate(list, items.size());
        if (!ok) return raise_memory_error(), -1;
        for (ObjId item : items) heap_->list_push(list, item);
        return 0;
    }
    Ref it(get_iter(iterable));
    if (!it) return -1;
    auto hint = length_hint(iterable, 8);
    if (!hint) return -1;
    if (*hint > 0 && !heap_->list_reserve(list, obj(list).refs.size() + static_cast<std::size_t>(*hint)))
        return raise_memory_error(), -1;
    for (;;) {
        Ref item(iter_next(it.get()));
        if (!item) {
            if (exc_) {
                if (!exception_matches(Exc::StopIteration)) return -1;
                clear_exception();
            }
            break;
        }
        if (!heap_->list_push(list, item.get())) return raise_memory_error(), -1;
    }
    heap_->list_shrink_to_fit(list);
    return 0;
}

bool Interp::unpack_iterable(ObjId iterable, std::vector<ObjId>& out) {
    const Type t = obj(iterable).type;
    if (t == Type::list || t == Type::tuple) {
        for (ObjId item : obj(iterable).refs) out.push_back(newref(item));
        return true;
    }
    Ref it(get_iter(iterable));
    if (!it) return false;
    for (;;) {
        ObjId item = iter_next(it.get());
        if (!item) {
            if (exc_) {
                if (!exception_matches(Exc::StopIteration)) {
                    for (ObjId o : out) decref(o);
                    out.clear();
                    return false;
                }
                clear_exception();
            }
            return true;
        }
        out.push_back(item);
    }
}

bool Interp::unpack_to_stack(Frame* f, ObjId seq, std::uint32_t before, int after) {
    Ref it(get_iter(seq));
    if (!it) {
        if (exception_matches(Exc::TypeError) && !lookup(type_of(seq), Id::iter) && !is_builtin_iterable(seq)) {
            clear_exception();
            raise(Exc::TypeError, "cannot unpack non-iterable " + type_name(seq) + " object");
        }
        return false;
    }
    std::vector<ObjId> items;
    auto fail = [&]() {
        for (ObjId o : items) decref(o);
        return false;
    };
    for (std::uint32_t i = 0; i < before; ++i) {
        ObjId item = iter_next(it.get());
        if (!item) {
            if (exc_ && !exception_matches(Exc::StopIteration)) return fail();
            clear_exception();
            if (after < 0)
                raise(Exc::ValueError, "not enough values to unpack (expected " + std::to_string(before) + ", got " + std::to_string(i) + ")");
            else
                raise(Exc::ValueError, "not enough values to unpack (expected at least " + std::to_string(before + static_cast<std::uint32_t>(after)) + ", got " + std::to_string(i) + ")");
            return fail();
        }
        items.push_back(item);
    }
    if (after < 0) {
        ObjId extra = iter_next(it.get());
        if (extra) {
            decref(extra);
            raise(Exc::ValueError, "too many values to unpack (expected " + std::to_string(before) + ")");
            return fail();
        }
        if (exc_) {
            if (!exception_matches(Exc::StopIteration)) return fail();
            clear_exception();
        }
        for (auto i = items.rbegin(); i != items.rend(); ++i) f->stack.push_back(*i);
        return true;
    }
    // star target: the rest into a list, then move `after` items off its end.
    std::vector<ObjId> rest;
    if (!unpack_iterable(it.get(), rest)) return fail();
    if (rest.size() < static_cast<std::size_t>(after)) {
        raise(Exc::ValueError, "not enough values to unpack (expected at least " +
                                   std::to_string(before + static_cast<std::uint32_t>(after)) + ", got " +
                                   std::to_string(before + rest.size()) + ")");
        for (ObjId o : rest) decref(o);
        return fail();
    }
    std::vector<ObjId> tail(rest.end() - after, rest.end());
    rest.resize(rest.size() - static_cast<std::size_t>(after));
    ObjId list = new_list_steal(rest);
    if (!list) {
        for (ObjId o : tail) decref(o);
        return fail();
    }
    for (auto i = tail.rbegin(); i != tail.rend(); ++i) f->stack.push_back(*i);
    f->stack.push_back(list);
    for (auto i = items.rbegin(); i != items.rend(); ++i) f->stack.push_back(*i);
    return true;
}

}  // namespace refscope::lang
