// lang/runtime/objects.cpp — making objects: ints, floats, strings, containers, iterators.
//
// Models the constructors of Objects/longobject.c, floatobject.c, unicodeobject.c,
// tupleobject.c, listobject.c, sliceobject.c and the iterator types, on the heap model (which
// decides sizes, free lists, the small-int cache and the 1-character string cache).
//
// Ints: a value that fits int64 lives in Object::ival (no payload); a larger one carries a
// BigIntPayload and caches its hash (Object::hash_cache) so dict and set lookups agree with
// Heap::default_hash.
#include "lang/runtime/objects.hpp"

#include "lang/vm/interp.hpp"
#include "object/sizes.hpp"

namespace refscope::lang {

// How many digits CPython allocates for an int depends on the function that makes it:
// PyLong_FromLong and the arithmetic fast paths put a one-digit value in a full PyLongObject
// (32 bytes, room for two digits); _PyLong_New(n) requests exactly n digits (int('5000') is
// 28 bytes); x_add allocates one digit more than its larger operand, x_mul the sum of both.
ObjId Interp::new_int(std::int64_t v, std::uint32_t alloc_digits) {
    if (alloc_digits == 0 && v > -(std::int64_t{1} << 30) && v < (std::int64_t{1} << 30)) alloc_digits = 2;
    ObjId id = heap_->new_int(v, alloc_digits);
    return id ? id : raise_memory_error();
}

ObjId Interp::new_int_exact(std::int64_t v) {
    ObjId id = heap_->new_int(v, 1);
    return id ? id : raise_memory_error();
}

ObjId Interp::new_int(const BigInt& v, std::uint32_t alloc_digits) {
    if (auto small = v.as_int64()) return new_int(*small, alloc_digits);
    ObjId id = heap_->new_big_int(std::string(), std::max<std::uint32_t>(1, v.ndigits()), alloc_digits);
    if (!id) return raise_memory_error();
    object::Object& o = heap_->at(id);
    auto p = std::make_shared<BigIntPayload>();
    p->value = v;
    o.payload = std::move(p);
    o.hash_cache = v.hash();
    return id;
}

bool Interp::small_int(ObjId o, std::int64_t& v) const {
    const object::Object& x = obj(o);
    if (x.payload) return false;
    v = x.ival;
    return true;
}

BigInt Interp::big_of(ObjId o) const {
    const object::Object& x = obj(o);
    if (x.payload) return payload_of<BigIntPayload>(x)->value;
    return BigInt(x.ival);
}

ObjId Interp::int_from_double(double d) {
    auto r = BigInt::from_double(d);
    if (!r) return raise_from_pyerror(r.error());
    return new_int(r.value());
}

std::optional<double> Interp::to_double(ObjId o) {
    const object::Object& x = obj(o);
    if (x.type == Type::float_type) return x.fval;
    if (x.type == Type::bool_type) return static_cast<double>(x.ival);
    if (x.type == Type::int_type) {
        if (!x.payload) return static_cast<double>(x.ival);
        auto r = big_of(o).to_double();
        if (!r) {
            raise_from_pyerror(r.error());
            return std::nullopt;
        }
        return r.value();
    }
    raise(Exc::TypeError, "must be real number, not " + type_name(o));
    return std::nullopt;
}

ObjId Interp::new_float(double v) {
    ObjId id = heap_->new_float(v);
    return id ? id : raise_memory_error();
}

ObjId Interp::new_str(std::string_view utf8) {
    ObjId id = heap_->new_str(utf8);
    return id ? id : raise_memory_error();
}

ObjId Interp::new_bytes(std::string_view data) {
    ObjId id = heap_->new_bytes(data);
    return id ? id : raise_memory_error();
}

ObjId Interp::new_tuple(std::span<const ObjId> items) {
    ObjId id = heap_->new_tuple(items);
    return id ? id : raise_memory_error();
}

void Interp::incref(ObjId id) { heap_->incref(id); }

void Interp::decref(ObjId id) { heap_->decref(id); }

ObjId Interp::new_tuple_steal(std::span<const ObjId> items) {
    ObjId id = heap_->new_tuple(items);
    for (ObjId item : items) decref(item);
    return id ? id : raise_memory_error();
}

ObjId Interp::new_tuple_steal(std::vector<ObjId>& items) {
    ObjId id = new_tuple_steal(std::span<const ObjId>(items));
    items.clear();
    return id;
}

ObjId Interp::new_list(std::span<const ObjId> items) {
    ObjId id = heap_->new_list(items);
    return id ? id : raise_memory_error();
}

ObjId Interp::new_list_steal(std::span<const ObjId> items) {
    ObjId id = heap_->new_list(items);
    for (ObjId item : items) decref(item);
    return id ? id : raise_memory_error();
}

ObjId Interp::new_list_steal(std::vector<ObjId>& items) {
    ObjId id = new_list_steal(std::span<const ObjId>(items));
    items.clear();
    return id;
}

ObjId Interp::new_dict() {
    ObjId id = heap_->new_dict();
    return id ? id : raise_memory_error();
}

ObjId Interp::new_set(bool frozen) {
    ObjId id = heap_->new_set(frozen);
    return id ? id : raise_memory_error();
}

ObjId Interp::new_native(const NativeDef* def, ObjId self) {
    // PyCFunctionObject (3.11: 56 bytes + the GC head): m_self is its only traversed reference.
    ObjId refs[] = {self};
    ObjId id = heap_->new_object_of(Type::builtin_function, 0, 72,
                                    self ? std::span<const ObjId>(refs) : std::span<const ObjId>());
    if (!id) return raise_memory_error();
    auto p = std::make_shared<NativePayload>();
    p->def = def;
    heap_->at(id).payload = std::move(p);
    return id;
}

ObjId Interp::new_exception(ObjId cls, std::span<const ObjId> args) {
    Ref tuple(new_tuple(args));
    if (!tuple) return kNull;
    // PyBaseExceptionObject: 72 bytes + GC head; a Python subclass adds a __weakref__ slot.
    const std::uint32_t request = heap_->is_heap_class(cls) ? 96 : 88;
    ObjId refs[] = {cls, kNull, tuple.get(), kNull, kNull, kNull, kNull};
    ObjId id = heap_->new_object_of(Type::exception, 0, request, refs);
    if (!id) return raise_memory_error();
    return id;
}

ObjId Interp::new_slice(ObjId start, ObjId stop, ObjId step) {
    ObjId refs[] = {start ? start : none(), stop ? stop : none(), step ? step : none()};
    ObjId id = heap_->new_object_of(Type::slice, 0, 56, refs);
    return id ? id : raise_memory_error();
}

std::uint32_t iterator_request(std::uint8_t k) {
    switch (static_cast<IterKind>(k)) {
        case IterKind::dict_keys: case IterKind::dict_values: case IterKind::dict_items:
        case IterKind::enumerate:
            return 72;
        case IterKind::zip: return 64;
        case IterKind::set: return 64;
        default: return 48;
    }
}

ObjId Interp::new_iterator(IterKind kind, std::span<const ObjId> refs, std::int64_t index) {
    ObjId id = heap_->new_object_of(Type::iterator, static_cast<std::uint8_t>(kind),
                                    iterator_request(static_cast<std::uint8_t>(kind)), refs);
    if (!id) return raise_memory_error();
    heap_->at(id).ival = index;
    return id;
}

ObjId Interp::new_range_object(std::int64_t start, std::int64_t stop, std::int64_t step) {
    ObjId id = heap_->new_range(start, stop, step);
    if (!id) return raise_memory_error();
    auto p = std::make_shared<RangePayload>();
    p->start = start;
    p->stop = stop;
    p->step = step;
    p->length = range_length(start, stop, step);
    heap_->at(id).payload = std::move(p);
    return id;
}

BigRange range_values(const RangePayload& r) {
    if (r.big) return *r.big;
    return BigRange{r.start, r.stop, r.step, r.length};
}

BigInt big_range_length(const BigInt& start, const BigInt& stop, const BigInt& step) {
    const BigInt one(1);
    if (step.sign() > 0 && start < stop) return floordiv(stop - start - one, step).value() + one;
    if (step.sign() < 0 && start > stop) return floordiv(start - stop - one, -step).value() + one;
    return BigInt(0);
}

ObjId Interp::new_big_range_object(const BigInt& start, const BigInt& stop, const BigInt& step) {
    ObjId id = heap_->new_range(0, 0, 1);
    if (!id) return raise_memory_error();
    auto p = std::make_shared<RangePayload>();
    BigRange b{start, stop, step, big_range_length(start, stop, step)};
    p->length = b.length.fits_int64() ? b.length.to_int64() : -1;
    p->big = std::make_shared<const BigRange>(std::move(b));
    heap_->at(id).payload = std::move(p);
    return id;
}

std::int64_t range_length(std::int64_t start, std::int64_t stop, std::int64_t step) {
    const __int128 lo = start, hi = stop, st = step;
    if (st > 0 && lo < hi) return static_cast<std::int64_t>((hi - lo - 1) / st + 1);
    if (st < 0 && lo > hi) return static_cast<std::int64_t>((lo - hi - 1) / (-st) + 1);
    return 0;
}

}  // namespace refscope::lang
