// lang/runtime/mapping_ops.cpp — dicts and sets with Python's hash and equality.
//
// Models Objects/dictobject.c (insertdict, dict_merge with its presizing and clone fast path,
// dict_new_presized for BUILD_MAP, PyDict_Copy) and Objects/setobject.c (set_merge with its
// one-resize-then-copy rule, the operators |, &, -, ^ and their in-place forms, set comparison,
// frozenset hash) in 3.11. The hash table itself (probing, resizing, memory) is the heap's;
// this file supplies hash() and == (which may run Python code).
#include "lang/runtime/objects.hpp"
#include "lang/vm/interp.hpp"

namespace refscope::lang {

namespace {

// estimate_log2_keysize: the table for n entries without a resize.
std::uint32_t presize_slots(std::size_t n) {
    std::size_t want = (n * 3 + 1) / 2;
    std::uint32_t slots = 8;
    while (slots < want) slots <<= 1;
    return slots;
}

}  // namespace

Heap::KeyEq Interp::key_eq(ObjId key) {
    auto compare = [](void* self, ObjId stored, ObjId looked_up) {
        return static_cast<Interp*>(self)->compare_bool(stored, looked_up, CMP_EQ);
    };
    return {compare, this, key};
}

ObjId Interp::dict_get(ObjId dict, ObjId key) {
    auto h = hash(key);
    if (!h) return kNull;
    auto found = heap_->dict_lookup(dict, key, *h, key_eq(key));
    if (found.error) return kNull;
    if (!found.index) return kNull;
    return heap_->dict_entry_value(dict, *found.index);
}

ObjId Interp::dict_get_str(ObjId dict, std::string_view key) {
    ObjId k = heap_->find_interned(key);
    Ref tmp;
    if (!k) {
        tmp.reset(new_str(key));
        if (!tmp) return kNull;
        k = tmp.get();
    }
    ObjId v = dict_get(dict, k);
    return v;
}

int Interp::dict_set(ObjId dict, ObjId key, ObjId value) {
    auto h = hash(key);
    if (!h) return -1;
    auto found = heap_->dict_lookup(dict, key, *h, key_eq(key));
    if (found.error) return -1;
    if (found.index) {
        heap_->dict_replace(dict, *found.index, value);
        return 0;
    }
    if (!heap_->dict_insert(dict, key, *h, value)) return raise_memory_error(), -1;
    return 0;
}

int Interp::dict_del(ObjId dict, ObjId key) {
    auto h = hash(key);
    if (!h) return -1;
    auto found = heap_->dict_lookup(dict, key, *h, key_eq(key));
    if (found.error) return -1;
    if (!found.index) {
        raise_key_error(key);
        return -1;
    }
    ObjId k, v;
    heap_->dict_take_entry(dict, *found.index, k, v);
    decref(k);
    decref(v);
    return 0;
}

ObjId Interp::dict_pop(ObjId dict, ObjId key, bool& found_out) {
    found_out = false;
    auto h = hash(key);
    if (!h) return kNull;
    auto found = heap_->dict_lookup(dict, key, *h, key_eq(key));
    if (found.error || !found.index) return kNull;
    found_out = true;
    ObjId k, v;
    heap_->dict_take_entry(dict, *found.index, k, v);
    decref(k);
    return v;
}

int Interp::dict_contains(ObjId dict, ObjId key) {
    auto h = hash(key);
    if (!h) return -1;
    auto found = heap_->dict_lookup(dict, key, *h, key_eq(key));
    if (found.error) return -1;
    return found.index ? 1 : 0;
}

ObjId Interp::dict_from_items(const std::vector<ObjId>& keys, const std::vector<ObjId>& values) {
    Ref d(new_dict());
    if (!d) return kNull;
    if (keys.size() > 5) {
        bool unicode = true;
        for (ObjId k : keys) unicode = unicode && obj(k).type == Type::str;
        if (!heap_->dict_reserve(d.get(), presize_slots(keys.size()), unicode)) return raise_memory_error();
    }
    for (std::size_t i = 0; i < keys.size(); ++i)
        if (dict_set(d.get(), keys[i], values[i]) < 0) return kNull;
    return d.release();
}

ObjId Interp::dict_copy(ObjId dict) {
    Ref d(new_dict());
    if (!d) return kNull;
    if (dict_merge(d.get(), dict, true) < 0) return kNull;
    return d.release();
}

int Interp::dict_merge(ObjId dict, ObjId other, bool override_existing) {
    if (obj(other).type == Type::dict) {
        if (other == dict || heap_->dict_size(other) == 0) return 0;
        const object::Object& o = obj(other);
        // An empty target copies the other's table size (clone_combined_dict_keys); otherwise
        // one resize up front when the entries could not fit.
        if (heap_->dict_size(dict) == 0 && !o.dict.split_class) {
            if (!heap_->dict_reserve(dict, o.dict.slots, o.dict.unicode)) return raise_memory_error(), -1;
        } else {
            const std::size_t need = heap_->dict_size(dict) + heap_->dict_size(other);
            if (obj(dict).dict.slots * 2 / 3 < heap_->dict_size(other))
                heap_->dict_grow_to(dict, presize_slots(need));
        }
        Ref keep = Ref::borrow(other);
        bool ok = true;
        dict_for_each(other, [&](ObjId k, ObjId v) {
            Ref kk = Ref::borrow(k), kv = Ref::borrow(v);
            if (!override_existing) {
                int has = dict_contains(dict, k);
                if (has < 0) return ok = false;
                if (has) return true;
            }
            if (dict_set(dict, k, v) < 0) return ok = false;
            return true;
        });
        return ok ? 0 : -1;
    }
    // A mapping: keys() and __getitem__.
    Ref keys(call_method(other, Id::keys, {}));
    if (!keys) return -1;
    std::vector<ObjId> ks;
    if (!unpack_iterable(keys.get(), ks)) return -1;
    int result = 0;
    for (ObjId k : ks) {
        if (result == 0) {
            if (!override_existing) {
                int has = dict_contains(dict, k);
                if (has < 0) result = -1;
                if (has) {
                    decref(k);
                    continue;
                }
            }
            Ref v(getitem(other, k));
            if (!v || dict_set(dict, k, v.get()) < 0) result = -1;
        }
        decref(k);
    }
    return result;
}

int Interp::dict_merge_kwargs(ObjId dict, ObjId update, ObjId func) {
    auto func_name = [&]() -> std::string {
        const object::Object& f = obj(func);
        if (f.type == Type::function) return std::string(text_of(f.refs[11])) + "()";
        if (f.type == Type::builtin_function) return std::string(payload_of<NativePayload>(f)->def->name) + "()";
        if (f.type == Type::type) return class_name(func) + "()";
        return type_name(func) + " object";
    };
    if (obj(update).type != Type::dict && !lookup(type_of(update), Id::keys)) {
        return raise_int(Exc::TypeError, func_name() + " argument after ** must be a mapping, not " + type_name(update));
    }
    std::vector<std::pair<ObjId, ObjId>> items;
    if (obj(update).type == Type::dict) {
        dict_for_each(update, [&](ObjId k, ObjId v) {
            items.emplace_back(newref(k), newref(v));
            return true;
        });
    } else {
        Ref keys(call_method(update, Id::keys, {}));
        if (!keys) return -1;
        std::vector<ObjId> ks;
        if (!unpack_iterable(keys.get(), ks)) return -1;
        for (ObjId k : ks) {
            ObjId v = getitem(update, k);
            if (!v) {
                for (auto& p : items) decref(p.first), decref(p.second);
                for (ObjId kk : ks) decref(kk);
                return -1;
            }
            items.emplace_back(k, v);
        }
    }
    int result = 0;
    for (auto& [k, v] : items) {
        if (result == 0) {
            if (!is_str(k)) {
                raise(Exc::TypeError, func_name() + " keywords must be strings");
                result = -1;
            } else {
                int has = dict_contains(dict, k);
                if (has < 0) result = -1;
                else if (has) {
                    raise(Exc::TypeError, func_name() + " got multiple values for keyword argument '" + std::string(text_of(k)) + "'");
                    result = -1;
                } else if (dict_set(dict, k, v) < 0) {
                    result = -1;
                }
            }
        }
        decref(k);
        decref(v);
    }
    return result;
}

int Interp::dict_equal(ObjId a, ObjId b) {
    if (heap_->dict_size(a) != heap_->dict_size(b)) return 0;
    Ref ka = Ref::borrow(a), kb = Ref::borrow(b);
    int result = 1;
    dict_for_each(a, [&](ObjId k, ObjId v) {
        Ref kk = Ref::borrow(k), kv = Ref::borrow(v);
        ObjId bv = dict_get(b, k);
        if (!bv) {
            result = exc_ ? -1 : 0;
            return false;
        }
        Ref kbv = Ref::borrow(bv);
        int eq = compare_bool(v, bv, CMP_EQ);
        if (eq <= 0) {
            result = eq;
            return false;
        }
        return true;
    });
    return result;
}

// --- sets -----------------------------------------------------------------------------------

int Interp::set_add(ObjId set, ObjId key) {
    auto h = hash(key);
    if (!h) return -1;
    int r = heap_->set_insert(set, key, *h, key_eq(key));
    if (r == -2) return raise_memory_error(), -1;
    return r < 0 ? -1 : 0;
}

int Interp::set_contains(ObjId set, ObjId key) {
    auto h = hash(key);
    if (!h) {
        // A set is looked up by a frozenset copy of an unhashable set key (set.__contains__).
        if (exception_matches(Exc::TypeError) && obj(key).type == Type::set) {
            clear_exception();
            Ref frozen(new_set(true));
            if (!frozen || set_merge(frozen.get(), key) < 0) return -1;
            return set_contains(set, frozen.get());
        }
        return -1;
    }
    auto found = heap_->set_lookup(set, key, *h, key_eq(key));
    if (found.error) return -1;
    return found.index ? 1 : 0;
}

int Interp::set_discard(ObjId set, ObjId key) {
    auto h = hash(key);
    if (!h) return -1;
    auto found = heap_->set_lookup(set, key, *h, key_eq(key));
    if (found.error) return -1;
    if (!found.index) return 0;
    decref(heap_->set_take_slot(set, *found.index));
    return 1;
}

int Interp::set_merge(ObjId set, ObjId other) {
    const object::Object& o = obj(other);
    if (other == set || o.dict.used == 0) return 0;
    const object::Object& s = obj(set);
    if ((std::size_t{s.dict.nentries} + o.dict.used) * 5 >= (std::size_t{s.dict.slots} - 1) * 3)
        if (!heap_->set_resize_for(set, (std::size_t{s.dict.used} + o.dict.used) * 2)) return raise_memory_error(), -1;
    if (obj(set).dict.nentries == 0 && obj(set).dict.slots == o.dict.slots && o.dict.nentries == o.dict.used) {
        heap_->set_copy_table(set, other);
        return 0;
    }
    Ref keep = Ref::borrow(other);
    for (std::size_t i = 0; i < obj(other).refs.size(); ++i) {
        ObjId key = obj(other).refs[i];
        if (!key) continue;
        const std::int64_t h = obj(other).hashes[i];
        int r = heap_->set_insert(set, key, h, key_eq(key));
        if (r == -2) return raise_memory_error(), -1;
        if (r < 0) return -1;
    }
    return 0;
}

int Interp::set_update(ObjId set, ObjId iterable) {
    const Type t = obj(iterable).type;
    if (t == Type::set || t == Type::frozenset) return set_merge(set, iterable);
    if (t == Type::dict) {
        const std::size_t n = heap_->dict_size(iterable);
        const object::Object& s = obj(set);
        if ((std::size_t{s.dict.nentries} + n) * 5 >= (std::size_t{s.dict.slots} - 1) * 3)
            if (!heap_->set_resize_for(set, (std::size_t{s.dict.used} + n) * 2)) return raise_memory_error(), -1;
        Ref keep = Ref::borrow(iterable);
        bool ok = true;
        dict_for_each(iterable, [&](ObjId k, ObjId) {
            if (set_add(set, k) < 0) return ok = false;
            return true;
        });
        return ok ? 0 : -1;
    }
    Ref it(get_iter(iterable));
    if (!it) return -1;
    for (;;) {
        Ref item(iter_next(it.get()));
        if (!item) {
            if (exc_) {
                if (!exception_matches(Exc::StopIteration)) return -1;
                clear_exception();
            }
            return 0;
        }
        if (set_add(set, item.get()) < 0) return -1;
    }
}

ObjId Interp::set_operator(ObjId a, ObjId b, std::uint32_t nb, bool inplace) {
    const bool frozen = obj(a).type == Type::frozenset;
    if (inplace && !frozen) {
        switch (nb) {
            case NB_OR:
                if (set_merge(a, b) < 0) return kNull;
                return newref(a);
            case NB_SUBTRACT: {
                if (a == b) {
                    heap_->set_clear(a);
                    return newref(a);
                }
                Ref keep = Ref::borrow(b);
                for (std::size_t i = 0; i < obj(b).refs.size(); ++i) {
                    ObjId k = obj(b).refs[i];
                    if (!k) continue;
                    Ref kk = Ref::borrow(k);
                    if (set_discard(a, k) < 0) return kNull;
                }
                return newref(a);
            }
            case NB_AND: {
                Ref r(set_operator(a, b, NB_AND, false));
                if (!r) return kNull;
                // set_intersection_update: swap the tables in.
                heap_->set_swap_contents(a, r.get());
                return newref(a);
            }
            case NB_XOR: {
                Ref keep = Ref::borrow(b);
                if (a == b) {
                    heap_->set_clear(a);
                    return newref(a);
                }
                for (std::size_t i = 0; i < obj(b).refs.size(); ++i) {
                    ObjId k = obj(b).refs[i];
                    if (!k) continue;
                    Ref kk = Ref::borrow(k);
                    int r = set_discard(a, k);
                    if (r < 0) return kNull;
                    if (r == 0 && set_add(a, k) < 0) return kNull;
                }
                return newref(a);
            }
        }
    }
    switch (nb) {
        case NB_OR: {
            Ref r(new_set(frozen));
            if (!r || set_merge(r.get(), a) < 0 || set_merge(r.get(), b) < 0) return kNull;
            return r.release();
        }
        case NB_AND: {
            Ref r(new_set(frozen));
            if (!r) return kNull;
            if (a == b) {
                if (set_merge(r.get(), a) < 0) return kNull;
                return r.release();
            }
            ObjId big = a, small = b;
            if (obj(b).dict.used > obj(a).dict.used) std::swap(big, small);
            Ref ks = Ref::borrow(small);
            for (std::size_t i = 0; i < obj(small).refs.size(); ++i) {
                ObjId k = obj(small).refs[i];
                if (!k) continue;
                Ref kk = Ref::borrow(k);
                int has = set_contains(big, k);
                if (has < 0) return kNull;
                if (has) {
                    int rr = heap_->set_insert(r.get(), k, obj(small).hashes[i], key_eq(k));
                    if (rr < 0) return rr == -2 ? raise_memory_error() : kNull;
                }
            }
            return r.release();
        }
        case NB_SUBTRACT: {
            Ref r(new_set(frozen));
            if (!r) return kNull;
            if ((obj(a).dict.used >> 2) > obj(b).dict.used) {
                if (set_merge(r.get(), a) < 0) return kNull;
                Ref kb = Ref::borrow(b);
                for (std::size_t i = 0; i < obj(b).refs.size(); ++i) {
                    ObjId k = obj(b).refs[i];
                    if (!k) continue;
                    Ref kk = Ref::borrow(k);
                    if (set_discard(r.get(), k) < 0) return kNull;
                }
                return r.release();
            }
            Ref ka = Ref::borrow(a);
            for (std::size_t i = 0; i < obj(a).refs.size(); ++i) {
                ObjId k = obj(a).refs[i];
                if (!k) continue;
                Ref kk = Ref::borrow(k);
                int has = set_contains(b, k);
                if (has < 0) return kNull;
                if (!has) {
                    int rr = heap_->set_insert(r.get(), k, obj(a).hashes[i], key_eq(k));
                    if (rr < 0) return rr == -2 ? raise_memory_error() : kNull;
                }
            }
            return r.release();
        }
        case NB_XOR: {
            // A copy of the right operand, then a symmetric-difference update with the left.
            Ref r(new_set(frozen));
            if (!r || set_merge(r.get(), b) < 0) return kNull;
            Ref ka = Ref::borrow(a);
            for (std::size_t i = 0; i < obj(a).refs.size(); ++i) {
                ObjId k = obj(a).refs[i];
                if (!k) continue;
                Ref kk = Ref::borrow(k);
                int d = set_discard(r.get(), k);
                if (d < 0) return kNull;
                if (d == 0) {
                    int rr = heap_->set_insert(r.get(), k, obj(a).hashes[i], key_eq(k));
                    if (rr < 0) return rr == -2 ? raise_memory_error() : kNull;
                }
            }
            return r.release();
        }
        default:
            return newref(not_implemented());
    }
}

int Interp::set_is_subset(ObjId a, ObjId b) {
    if (obj(a).dict.used > obj(b).dict.used) return 0;
    Ref ka = Ref::borrow(a);
    for (std::size_t i = 0; i < obj(a).refs.size(); ++i) {
        ObjId k = obj(a).refs[i];
        if (!k) continue;
        Ref kk = Ref::borrow(k);
        int has = set_contains(b, k);
        if (has <= 0) return has;
    }
    return 1;
}

ObjId Interp::set_compare(ObjId a, ObjId b, int op) {
    const std::size_t na = obj(a).dict.used, nb = obj(b).dict.used;
    int r = 0;
    switch (op) {
        case CMP_EQ:
        case CMP_NE:
            if (na != nb) r = 0;
            else r = set_is_subset(a, b);
            if (r < 0) return kNull;
            return new_bool((r != 0) == (op == CMP_EQ));
        case CMP_LE: r = set_is_subset(a, b); break;
        case CMP_GE: r = set_is_subset(b, a); break;
        case CMP_LT: r = na < nb ? set_is_subset(a, b) : 0; break;
        case CMP_GT: r = na > nb ? set_is_subset(b, a) : 0; break;
    }
    if (r < 0) return kNull;
    return new_bool(r != 0);
}

std::optional<std::int64_t> Interp::frozenset_hash(ObjId o) {
    auto shuffle = [](std::uint64_t h) { return ((h ^ 89869747ULL) ^ (h << 16)) * 3644798167ULL; };
    const object::Object& s = obj(o);
    std::uint64_t hash = 0;
    for (std::size_t i = 0; i < s.refs.size(); ++i) hash ^= shuffle(static_cast<std::uint64_t>(s.hashes[i]));
    const std::uint64_t fill = s.dict.nentries, used = s.dict.used, slots = s.dict.slots;
    if ((slots - fill) & 1) hash ^= shuffle(0);
    if ((fill - used) & 1) hash ^= shuffle(static_cast<std::uint64_t>(-1));
    hash ^= (used + 1) * 1927868237ULL;
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash * 69069U + 907133923ULL;
    if (hash == ~std::uint64_t{0}) hash = 590923713ULL;
    return static_cast<std::int64_t>(hash);
}

}  // namespace refscope::lang
