// lang/runtime/iter.cpp — iter(), next(), the builtin iterator types and dict views.
//
// Models the tp_iter / tp_iternext slots of CPython 3.11: listiterobject (drops its list when
// exhausted), tuple, range, str, bytes, dict iterators (DICT_NEXT with the "changed size during
// iteration" checks and the recycled result tuple of dict_items), set iterators, enumerate and
// zip (which also recycle their result tuple when nobody else holds it — so a for loop over
// d.items() or enumerate() allocates no tuple per step), map, filter, iter(callable, sentinel),
// the sequence iterator for classes with __getitem__, and generators.
//
// Iterator layout: Type::iterator with subkind IterKind; `ival` is the position; `fval` keeps
// one more integer where a kind needs it (the dict or set size at creation).
#include "lang/runtime/objects.hpp"
#include "lang/vm/interp.hpp"

namespace refscope::lang {

namespace {
constexpr std::size_t kGenCode = 0;
}

ObjId Interp::new_view(ObjId dict, ViewKind kind) {
    ObjId refs[] = {dict};
    ObjId v = heap_->new_object_of(Type::dict_view, static_cast<std::uint8_t>(kind), 40, refs);
    return v ? v : raise_memory_error();
}

ObjId Interp::get_iter(ObjId o) {
    const object::Object& x = obj(o);
    switch (x.type) {
        case Type::list: {
            ObjId refs[] = {o};
            return new_iterator(IterKind::list, refs);
        }
        case Type::tuple: {
            ObjId refs[] = {o};
            return new_iterator(IterKind::tuple, refs);
        }
        case Type::str: {
            ObjId refs[] = {o};
            return new_iterator(IterKind::str, refs);
        }
        case Type::bytes: {
            ObjId refs[] = {o};
            return new_iterator(IterKind::bytes, refs);
        }
        case Type::range: {
            auto* r = payload_of<RangePayload>(x);
            ObjId it = new_iterator(IterKind::range, {});
            if (!it) return kNull;
            auto p = std::make_shared<RangePayload>(*r);
            heap_->at(it).payload = std::move(p);
            return it;
        }
        case Type::dict:
        case Type::dict_view: {
            ObjId dict = x.type == Type::dict ? o : x.refs[0];
            IterKind kind = IterKind::dict_keys;
            if (x.type == Type::dict_view) {
                auto vk = static_cast<ViewKind>(x.subkind);
                kind = vk == ViewKind::keys ? IterKind::dict_keys : vk == ViewKind::values ? IterKind::dict_values : IterKind::dict_items;
            }
            Ref result;
            if (kind == IterKind::dict_items) {
                ObjId items[] = {none(), none()};
                result.reset(new_tuple(items));
                if (!result) return kNull;
            }
            ObjId refs[] = {dict, result.get()};
            ObjId it = new_iterator(kind, std::span<const ObjId>(refs, result ? 2 : 1));
            if (!it) return kNull;
            heap_->at(it).fval = static_cast<double>(heap_->dict_size(dict));
            return it;
        }
        case Type::set:
        case Type::frozenset: {
            ObjId refs[] = {o};
            ObjId it = new_iterator(IterKind::set, refs);
            if (!it) return kNull;
            heap_->at(it).fval = static_cast<double>(x.dict.used);
            return it;
        }
        case Type::iterator:
        case Type::generator:
            return newref(o);
        default:
            break;
    }
    if (is_heap_instance(o)) {
        ObjId tp = type_of(o);
        if (ObjId func = lookup(tp, Id::iter)) {
            if (func == none()) return raise(Exc::TypeError, "'" + type_name(o) + "' object is not iterable");
            Ref keep = Ref::borrow(func);
            Ref it(call_descr(func, o, {}));
            if (!it) return kNull;
            if (!is_iterator(it.get()))
                return raise(Exc::TypeError, "iter() returned non-iterator of type '" + type_name(it.get()) + "'");
            return it.release();
        }
        if (lookup(tp, Id::getitem)) {
            ObjId refs[] = {o};
            return new_iterator(IterKind::seq, refs);
        }
    }
    return raise(Exc::TypeError, "'" + type_name(o) + "' object is not iterable");
}

bool Interp::is_iterator(ObjId o) {
    const Type t = obj(o).type;
    if (t == Type::iterator || t == Type::generator) return true;
    return is_heap_instance(o) && lookup(type_of(o), Id::next);
}

// A 2-tuple handed out again when the caller let it go (refcount 1): dict_items, enumerate.
ObjId Interp::recycle_pair(ObjId it, std::size_t slot, ObjId a, ObjId b) {
    ObjId result = obj(it).refs[slot];
    if (result && obj(result).refcnt == 1) {
        ObjId olda = obj(result).refs[0], oldb = obj(result).refs[1];
        incref(olda);
        incref(oldb);
        heap_->set_ref(result, 0, a);
        heap_->set_ref(result, 1, b);
        incref(result);
        decref(olda);
        decref(oldb);
        if (!obj(result).tracked()) heap_->track(result);
        return result;
    }
    ObjId items[] = {a, b};
    return new_tuple(items);
}

std::int64_t Interp::iterator_length_hint(ObjId it) {
    const object::Object& x = obj(it);
    switch (static_cast<IterKind>(x.subkind)) {
        case IterKind::list:
        case IterKind::tuple:
            if (x.refs.empty() || !x.refs[0]) return 0;
            return std::max<std::int64_t>(0, static_cast<std::int64_t>(obj(x.refs[0]).refs.size()) - x.ival);
        case IterKind::list_reverse:
            if (x.refs.empty() || !x.refs[0]) return 0;
            return std::max<std::int64_t>(0, x.ival + 1);
        case IterKind::range: {
            const std::int64_t n = payload_of<RangePayload>(x)->length;
            if (n < 0) return -1;
            return std::max<std::int64_t>(0, n - x.ival);
        }
        case IterKind::str:
            if (x.refs.empty() || !x.refs[0]) return 0;
            return std::max<std::int64_t>(0, obj(x.refs[0]).ival - static_cast<std::int64_t>(x.fval));
        case IterKind::bytes:
            if (x.refs.empty() || !x.refs[0]) return 0;
            return std::max<std::int64_t>(0, static_cast<std::int64_t>(obj(x.refs[0]).text.size()) - x.ival);
        case IterKind::dict_keys: case IterKind::dict_values: case IterKind::dict_items:
            if (x.refs.empty() || !x.refs[0]) return 0;
            return static_cast<std::int64_t>(x.fval) - x.ival >= 0 ? heap_->dict_size(x.refs[0]) : 0;
        case IterKind::set:
            if (x.refs.empty() || !x.refs[0]) return 0;
            return obj(x.refs[0]).dict.used;
        default:
            return -1;
    }
}

ObjId Interp::iter_next(ObjId it) {
    ++instructions_;
    const object::Object& x = obj(it);
    if (x.type == Type::generator) {
        bool returned = false;
        ObjId retval = kNull;
        ObjId r = gen_send(it, kNull, kNull, returned, &retval);
        if (r) return r;
        if (returned) {
            if (retval != none()) raise_stop_iteration(retval);
            decref(retval);
        }
        return kNull;
    }
    if (x.type != Type::iterator) {
        if (is_heap_instance(it)) {
            if (ObjId func = lookup(type_of(it), Id::next)) {
                Ref keep = Ref::borrow(func);
                return call_descr(func, it, {});
            }
        }
        return raise(Exc::TypeError, "'" + type_name(it) + "' object is not an iterator");
    }
    switch (static_cast<IterKind>(x.subkind)) {
        case IterKind::list:
        case IterKind::tuple: {
            ObjId seq = x.refs[0];
            if (!seq) return kNull;
            const std::int64_t i = x.ival;
            if (i < static_cast<std::int64_t>(obj(seq).refs.size())) {
                heap_->at(it).ival = i + 1;
                return newref(obj(seq).refs[static_cast<std::size_t>(i)]);
            }
            heap_->set_ref(it, 0, kNull);   // an exhausted iterator lets its sequence go
            return kNull;
        }
        case IterKind::list_reverse: {
            ObjId seq = x.refs[0];
            if (!seq) return kNull;
            const std::int64_t i = x.ival;
            if (i >= 0 && i < static_cast<std::int64_t>(obj(seq).refs.size())) {
                heap_->at(it).ival = i - 1;
                return newref(obj(seq).refs[static_cast<std::size_t>(i)]);
            }
            heap_->at(it).ival = -1;
            heap_->set_ref(it, 0, kNull);
            return kNull;
        }
        case IterKind::range: {
            auto* r = payload_of<RangePayload>(x);
            const std::int64_t i = x.ival;
            if (r->big) {   // longrangeiter
                const BigRange& b = *r->big;
                if (BigInt(i) >= b.length) return kNull;
                heap_->at(it).ival = i + 1;
                return new_int(b.start + BigInt(i) * b.step);
            }
            if (i < r->length) {
                heap_->at(it).ival = i + 1;
                return new_int(r->start + i * r->step);
            }
            return kNull;
        }
        case IterKind::str: {
            ObjId s = x.refs[0];
            if (!s) return kNull;
            const auto pos = static_cast<std::size_t>(x.ival);
            std::string_view t = text_of(s);
            if (pos < t.size()) {
                std::size_t len = 1;
                auto c = static_cast<unsigned char>(t[pos]);
                if (c >= 0xf0) len = 4;
                else if (c >= 0xe0) len = 3;
                else if (c >= 0xc0) len = 2;
                len = std::min(len, t.size() - pos);
                heap_->at(it).ival = static_cast<std::int64_t>(pos + len);
                heap_->at(it).fval += 1;
                return new_str(t.substr(pos, len));
            }
            heap_->set_ref(it, 0, kNull);
            return kNull;
        }
        case IterKind::bytes: {
            ObjId s = x.refs[0];
            if (!s) return kNull;
            const std::int64_t i = x.ival;
            if (i < static_cast<std::int64_t>(obj(s).text.size())) {
                heap_->at(it).ival = i + 1;
                return new_int(static_cast<unsigned char>(obj(s).text[static_cast<std::size_t>(i)]));
            }
            heap_->set_ref(it, 0, kNull);
            return kNull;
        }
        case IterKind::dict_keys:
        case IterKind::dict_values:
        case IterKind::dict_items: {
            ObjId dict = x.refs[0];
            if (!dict) return kNull;
            if (static_cast<double>(heap_->dict_size(dict)) != x.fval) {
                heap_->at(it).fval = -1;   // CPython poisons the iterator (di_used = -1)
                return raise(Exc::RuntimeError, "dictionary changed size during iteration");
            }
            std::size_t pos = static_cast<std::size_t>(x.ival);
            const std::size_t n = heap_->dict_positions(dict);
            while (pos < n && !heap_->dict_value_at(dict, pos)) ++pos;
            if (pos >= n) {
                heap_->at(it).ival = static_cast<std::int64_t>(pos);
                heap_->set_ref(it, 0, kNull);
                return kNull;
            }
            heap_->at(it).ival = static_cast<std::int64_t>(pos + 1);
            ObjId value = heap_->dict_value_at(dict, pos);
            ObjId key = heap_->dict_key_at(dict, pos);
            Ref split_key;
            if (!key) {
                split_key.reset(intern(*heap_->dict_split_name(dict, pos)));
                key = split_key.get();
            }
            switch (static_cast<IterKind>(x.subkind)) {
                case IterKind::dict_keys: return newref(key);
                case IterKind::dict_values: return newref(value);
                default: return recycle_pair(it, 1, key, value);
            }
        }
        case IterKind::set: {
            ObjId set = x.refs[0];
            if (!set) return kNull;
            if (static_cast<double>(obj(set).dict.used) != x.fval) {
                heap_->at(it).fval = -1;
                return raise(Exc::RuntimeError, "Set changed size during iteration");
            }
            std::size_t pos = static_cast<std::size_t>(x.ival);
            const auto& refs = obj(set).refs;
            while (pos < refs.size() && !refs[pos]) ++pos;
            if (pos >= refs.size()) {
                heap_->set_ref(it, 0, kNull);
                return kNull;
            }
            heap_->at(it).ival = static_cast<std::int64_t>(pos + 1);
            return newref(refs[pos]);
        }
        case IterKind::enumerate: {
            Ref item(iter_next(x.refs[0]));
            if (!item) return kNull;
            const std::int64_t i = obj(it).ival;
            heap_->at(it).ival = i + 1;
            Ref index(new_int(i));
            if (!index) return kNull;
            return recycle_pair(it, 1, index.get(), item.get());
        }
        case IterKind::zip: {
            ObjId iters = x.refs[0];
            const std::size_t n = obj(iters).refs.size();
            if (n == 0) return kNull;
            std::vector<Ref> items;
            for (std::size_t i = 0; i < n; ++i) {
                Ref item(iter_next(obj(iters).refs[i]));
                if (!item) return kNull;
                items.push_back(std::move(item));
            }
            ObjId result = obj(it).refs[1];
            if (result && obj(result).refcnt == 1 && obj(result).refs.size() == n) {
                incref(result);
                for (std::size_t i = 0; i < n; ++i) {
                    ObjId old = obj(result).refs[i];
                    incref(old);
                    heap_->set_ref(result, i, items[i].get());
                    decref(old);
                }
                if (!obj(result).tracked()) heap_->track(result);
                return result;
            }
            std::vector<ObjId> raw;
            for (auto& r : items) raw.push_back(r.get());
            return new_tuple(raw);
        }
        case IterKind::map: {
            ObjId func = x.refs[0];
            ObjId iters = x.refs[1];
            std::vector<Ref> items;
            for (std::size_t i = 0; i < obj(iters).refs.size(); ++i) {
                Ref item(iter_next(obj(iters).refs[i]));
                if (!item) return kNull;
                items.push_back(std::move(item));
            }
            std::vector<ObjId> raw;
            for (auto& r : items) raw.push_back(r.get());
            Ref keep = Ref::borrow(func);
            CallArgs a{raw.data(), raw.size(), kNull, 0};
            return call(func, a);
        }
        case IterKind::filter: {
            ObjId func = x.refs[0];
            ObjId src = x.refs[1];
            for (;;) {
                Ref item(iter_next(src));
                if (!item) return kNull;
                int ok;
                if (func == none() || func == type(BT::bool_)) {
                    ok = truthy(item.get());
                } else {
                    Ref r(call(func, {item.get()}));
                    if (!r) return kNull;
                    ok = truthy(r.get());
                }
                if (ok < 0) return kNull;
                if (ok) return item.release();
            }
        }
        case IterKind::callable: {
            ObjId func = x.refs[0];
            if (!func) return kNull;
            Ref r(call(func, {}));
            if (!r) {
                if (exception_matches(Exc::StopIteration)) {
                    clear_exception();
                    heap_->set_ref(it, 0, kNull);
                    heap_->set_ref(it, 1, kNull);
                }
                return kNull;
            }
            int eq = compare_bool(r.get(), obj(it).refs[1], CMP_EQ);
            if (eq < 0) return kNull;
            if (eq) {
                heap_->set_ref(it, 0, kNull);
                heap_->set_ref(it, 1, kNull);
                return kNull;
            }
            return r.release();
        }
        case IterKind::seq: {
            ObjId seq = x.refs[0];
            if (!seq) return kNull;
            const std::int64_t i = x.ival;
            Ref index(new_int(i));
            if (!index) return kNull;
            ObjId r = getitem(seq, index.get());
            if (!r) {
                if (exception_matches(Exc::IndexError) || exception_matches(Exc::StopIteration)) {
                    clear_exception();
                    heap_->set_ref(it, 0, kNull);
                }
                return kNull;
            }
            heap_->at(it).ival = i + 1;
            return r;
        }
    }
    return kNull;
}

int Interp::iter_send(ObjId receiver, ObjId value, ObjId* result) {
    if (obj(receiver).type == Type::generator) {
        bool returned = false;
        ObjId retval = kNull;
        ObjId r = gen_send(receiver, value, kNull, returned, &retval);
        if (r) {
            *result = r;
            return 0;
        }
        if (returned) {
            *result = retval;
            return 1;
        }
        return -1;
    }
    if (value == none()) {
        ObjId r = iter_next(receiver);
        if (r) {
            *result = r;
            return 0;
        }
        if (exc_) {
            if (!exception_matches(Exc::StopIteration)) return -1;
            ObjId e = fetch_exception();
            ObjId args = obj(e).refs[2];
            *result = newref(args && !obj(args).refs.empty() ? obj(args).refs[0] : none());
            decref(e);
            return 1;
        }
        *result = new_none();
        return 1;
    }
    Ref send(getattr(receiver, "send"));
    if (!send) return -1;
    ObjId r = call(send.get(), {value});
    if (r) {
        *result = r;
        return 0;
    }
    if (exception_matches(Exc::StopIteration)) {
        ObjId e = fetch_exception();
        ObjId args = obj(e).refs[2];
        *result = newref(args && !obj(args).refs.empty() ? obj(args).refs[0] : none());
        decref(e);
        return 1;
    }
    return -1;
}

// --- dict views ---------------------------------------------------------------------------------

ObjId Interp::view_as_list(ObjId view) {
    Ref it(get_iter(view));
    if (!it) return kNull;
    std::vector<ObjId> items;
    if (!unpack_iterable(it.get(), items)) return kNull;
    return new_list_steal(items);
}

int Interp::dict_view_contains(ObjId view, ObjId item) {
    ObjId dict = obj(view).refs[0];
    switch (static_cast<ViewKind>(obj(view).subkind)) {
        case ViewKind::keys: return dict_contains(dict, item);
        case ViewKind::values: {
            Ref list(view_as_list(view));
            if (!list) return -1;
            return contains(list.get(), item);
        }
        case ViewKind::items: {
            if (obj(item).type != Type::tuple || obj(item).refs.size() != 2) return 0;
            ObjId v = dict_get(dict, obj(item).refs[0]);
            if (!v) return exc_ ? -1 : 0;
            return compare_bool(v, obj(item).refs[1], CMP_EQ);
        }
    }
    return 0;
}

ObjId Interp::dict_view_compare(ObjId a, ObjId b, int op) {
    // Either operand may be a set or frozenset (ops.cpp sends those here too).
    auto values_view = [&](ObjId o) {
        return obj(o).type == Type::dict_view && static_cast<ViewKind>(obj(o).subkind) == ViewKind::values;
    };
    if (values_view(a) || values_view(b))
        return newref(not_implemented());
    Ref sa(new_set()), sb(new_set());
    if (!sa || !sb || set_update(sa.get(), a) < 0 || set_update(sb.get(), b) < 0) return kNull;
    return set_compare(sa.get(), sb.get(), op);
}

}  // namespace refscope::lang
