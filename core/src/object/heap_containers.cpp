// object/heap_containers.cpp — containers whose separately allocated buffers grow and shrink.
//
// Models (CPython 3.11; 3.7 rules in the classic profile):
//   list   item array via PyMem_Realloc, sized by list_resize (sizes.hpp)
//   dict   keys table via PyObject_Malloc: empty dicts share a static empty table; the first
//          insertion allocates 8 slots; a full table is rebuilt at GROWTH_RATE; deleting leaves
//          a dummy entry; a non-str key turns a str-keys table into a general one
//   set    8-entry table inside the object; external table (PyMem_Malloc) after
//          fill * 5 >= mask * 3
//   instance attributes: 3.11 values array sized from the class's shared keys, or a dict
// Tracking of dicts follows MAINTAIN_TRACKING: an untracked dict becomes tracked when it is
// given a key or value that may be tracked.
#include <algorithm>

#include "gc/collector.hpp"
#include "object/hashing.hpp"
#include "object/heap.hpp"
#include "object/sizes.hpp"
#include "refscope/errors.hpp"

namespace refscope::object {

// --- list --------------------------------------------------------------------------------

ObjId Heap::new_list(std::span<const ObjId> items, ListPrealloc how) {
    ObjId id = alloc_object(Type::list, sizes::list_request(profile_), FreeListKind::list);
    if (!id) return kNull;
    auto n = static_cast<std::uint32_t>(items.size());
    if (n > 0) {
        std::uint32_t capacity = how == ListPrealloc::exact ? n : (n + 1) & ~1u;
        Address a = allocator_.malloc(capacity * 8, alloc::Domain::mem);
        if (!a) {
            decref(id);
            return kNull;
        }
        Object& o = at(id);
        o.buf.items = a;
        o.buf.items_request = capacity * 8;
        o.buf.capacity = capacity;
        for (ObjId item : items) {
            add_edge(item);
            o.refs.push_back(item);
        }
    }
    track(id);
    after_op();
    return id;
}

ObjId Heap::new_list_via_type() {
    ObjId id = alloc_object(Type::list, sizes::list_request(profile_));
    if (!id) return kNull;
    track(id);
    after_op();
    return id;
}

ObjId Heap::new_dict_via_type() {
    ObjId id = alloc_object(Type::dict, sizes::dict_request(profile_));
    if (!id) return kNull;
    if (profile_.objects.empty_dict_has_table) {
        if (!dict_alloc_keys(at(id), 8, true)) {
            decref(id);
            return kNull;
        }
        dict_build_index(at(id));
    }
    after_op();
    return id;
}

bool Heap::list_resize(ObjId list, std::size_t newsize) {
    Object& o = at(list);
    auto capacity = sizes::list_new_capacity(profile_.objects, o.buf.capacity,
                                             static_cast<std::uint32_t>(o.refs.size()),
                                             static_cast<std::uint32_t>(newsize));
    if (!capacity) return true;
    Address a = allocator_.realloc(o.buf.items, *capacity * 8, alloc::Domain::mem);
    if (!a) return false;
    Object& o2 = at(list);
    o2.buf.items = a;
    o2.buf.items_request = *capacity * 8;
    o2.buf.capacity = *capacity;
    return true;
}

bool Heap::list_append(ObjId list, ObjId item) {
    if (!list_resize(list, at(list).refs.size() + 1)) return false;
    add_edge(item);
    at(list).refs.push_back(item);
    after_op();
    return true;
}

void Heap::list_set(ObjId list, std::size_t index, ObjId item) { set_ref(list, index, item); }

ObjId Heap::list_pop(ObjId list, std::size_t index) {
    Object& o = at(list);
    ObjId item = o.refs.at(index);
    o.refs.erase(o.refs.begin() + static_cast<std::ptrdiff_t>(index));
    at(item).external += 1;   // the list's reference passes to the caller
    // list_resize cannot fail when shrinking to a non-zero size in CPython; a shrink to zero
    // reallocates to 0 bytes, which the allocator serves.
    list_resize(list, at(list).refs.size());
    after_op();
    return item;
}

void Heap::list_clear(ObjId list) {
    Object& o = at(list);
    std::vector<ObjId> old = std::move(o.refs);
    o.refs.clear();
    Address items = o.buf.items;
    o.buf.items = 0;
    o.buf.items_request = 0;
    o.buf.capacity = 0;
    for (auto it = old.rbegin(); it != old.rend(); ++it) drop_edge(*it);
    if (items) allocator_.free(items, alloc::Domain::mem);
    after_op();
}

bool Heap::list_insert(ObjId list, std::size_t index, ObjId item) {
    const std::size_t n = at(list).refs.size();
    if (!list_resize(list, n + 1)) return false;
    add_edge(item);
    auto& refs = at(list).refs;
    refs.insert(refs.begin() + static_cast<std::ptrdiff_t>(std::min(index, n)), item);
    after_op();
    return true;
}

bool Heap::list_preallocate(ObjId list, std::size_t n) {
    Object& o = at(list);
    if (o.buf.items || n == 0) return true;
    auto capacity = static_cast<std::uint32_t>((n + 1) & ~std::size_t{1});
    Address a = allocator_.malloc(std::size_t{capacity} * 8, alloc::Domain::mem);
    if (!a) return false;
    Object& o2 = at(list);
    o2.buf.items = a;
    o2.buf.items_request = capacity * 8;
    o2.buf.capacity = capacity;
    return true;
}

bool Heap::list_reserve(ObjId list, std::size_t total) { return list_resize(list, total); }

bool Heap::list_push(ObjId list, ObjId item) {
    if (at(list).refs.size() < at(list).buf.capacity) {
        add_edge(item);
        at(list).refs.push_back(item);
        after_op();
        return true;
    }
    return list_append(list, item);
}

bool Heap::list_shrink_to_fit(ObjId list) {
    if (at(list).refs.size() >= at(list).buf.capacity) return true;
    return list_resize(list, at(list).refs.size());
}

bool Heap::list_replace_range(ObjId list, std::size_t lo, std::size_t hi, std::span<const ObjId> items) {
    const std::size_t size = at(list).refs.size();
    hi = std::min(hi, size);
    lo = std::min(lo, hi);
    const std::size_t norig = hi - lo;
    if (size - norig + items.size() == 0) {
        list_clear(list);
        return true;
    }
    std::vector<ObjId> recycle(at(list).refs.begin() + static_cast<std::ptrdiff_t>(lo),
                               at(list).refs.begin() + static_cast<std::ptrdiff_t>(hi));
    if (items.size() > norig && !list_resize(list, size - norig + items.size())) return false;
    for (ObjId item : items) add_edge(item);
    auto& refs = at(list).refs;
    refs.erase(refs.begin() + static_cast<std::ptrdiff_t>(lo), refs.begin() + static_cast<std::ptrdiff_t>(hi));
    refs.insert(refs.begin() + static_cast<std::ptrdiff_t>(lo), items.begin(), items.end());
    if (items.size() < norig) list_resize(list, refs.size());
    for (auto it = recycle.rbegin(); it != recycle.rend(); ++it) drop_edge(*it);
    after_op();
    return true;
}

bool Heap::list_remove_positions(ObjId list, std::span<const std::size_t> positions) {
    if (positions.empty()) return true;
    std::vector<ObjId> garbage;
    auto& refs = at(list).refs;
    std::vector<ObjId> kept;
    kept.reserve(refs.size());
    std::size_t p = 0;
    for (std::size_t i = 0; i < refs.size(); ++i) {
        if (p < positions.size() && positions[p] == i) {
            garbage.push_back(refs[i]);
            ++p;
        } else {
            kept.push_back(refs[i]);
        }
    }
    refs = std::move(kept);
    list_resize(list, at(list).refs.size());
    for (ObjId g : garbage) drop_edge(g);
    after_op();
    return true;
}

// --- dict --------------------------------------------------------------------------------
//
// A combined dict keeps dk_entries in `refs` (key, value pairs in insertion order; a deleted
// entry is a pair of kNull until the next resize), me_hash in `hashes` and dk_indices in
// `dict.index`, probed as lookdict does: i = hash & mask, then i = 5i + perturb + 1 with
// perturb >>= 5 each step.

namespace {
// The insertion order of split values (DictTable::index of split dicts and instances).
void order_add(Object& o, std::size_t i) {
    for (std::int32_t x : o.dict.index)
        if (x == static_cast<std::int32_t>(i)) return;
    o.dict.index.push_back(static_cast<std::int32_t>(i));
}
void order_remove(Object& o, std::size_t i) {
    for (auto it = o.dict.index.begin(); it != o.dict.index.end(); ++it)
        if (*it == static_cast<std::int32_t>(i)) {
            o.dict.index.erase(it);
            return;
        }
}
}  // namespace

ObjId Heap::new_dict() {
    ObjId id = alloc_object(Type::dict, sizes::dict_request(profile_), FreeListKind::dict);
    if (!id) return kNull;
    if (profile_.objects.empty_dict_has_table) {
        if (!dict_alloc_keys(at(id), 8, true)) {
            decref(id);
            return kNull;
        }
        dict_build_index(at(id));
    }
    after_op();   // dicts are created untracked
    return id;
}

bool Heap::equal_keys(ObjId a, ObjId b) const {
    if (a == b) return true;
    const Object& x = get(a);
    const Object& y = get(b);
    if (x.type != y.type) return false;
    switch (x.type) {
        case Type::str:
        case Type::bytes:
        case Type::int_type:
            if (!x.text.empty() && !y.text.empty()) return x.text == y.text;
            return x.text.empty() && y.text.empty() && x.ndigits <= 2 && y.ndigits <= 2 &&
                   x.ival == y.ival;
        case Type::float_type: return x.fval == y.fval;
        default: return false;
    }
}

std::int64_t Heap::default_hash(ObjId key) const {
    const Object& o = get(key);
    switch (o.type) {
        case Type::str:
        case Type::bytes: {
            if (o.hash_cache != -1) return o.hash_cache;
            std::int64_t h = o.type == Type::str ? hashing::hash_str(o.text) : hashing::hash_bytes(o.text);
            const_cast<Object&>(o).hash_cache = h;   // a cache, as str objects have one
            return h;
        }
        case Type::int_type:
            if (o.hash_cache != -1) return o.hash_cache;
            if (o.ndigits <= 2 || o.text.empty()) return hashing::hash_int64(o.ival);
            return hashing::hash_decimal(o.text);
        case Type::bool_type: return o.ival;
        case Type::float_type: return hashing::hash_double(o.fval, hashing::hash_pointer(id_of(key)));
        case Type::tuple: {
            hashing::TupleHasher h;
            for (ObjId item : o.refs) h.add(default_hash(item));
            return h.finish(o.refs.size());
        }
        default: return hashing::hash_pointer(id_of(key));
    }
}

void Heap::dict_build_index(Object& d) {
    d.dict.index.assign(d.dict.slots, -1);
    for (std::size_t e = 0; e < d.hashes.size(); ++e) {
        if (!d.refs[2 * e]) continue;
        d.dict.index[dict_free_slot(d, d.hashes[e])] = static_cast<std::int32_t>(e);
    }
}

std::size_t Heap::dict_free_slot(const Object& d, std::int64_t hash) const {
    const std::size_t mask = d.dict.slots - 1;
    std::size_t i = static_cast<std::uint64_t>(hash) & mask;
    std::uint64_t perturb = static_cast<std::uint64_t>(hash);
    while (d.dict.index[i] >= 0) {
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
    return i;
}

Heap::Lookup Heap::dict_lookup(ObjId dict, ObjId key, std::int64_t hash, const KeyEq& eq) {
    // `d` stays valid while nothing writes: a copy-on-read of another chunk leaves the old
    // storage alive and equal. Only `eq` (Python code) writes, so `d` is read again after it.
    const Object* d = &get(dict);
    if (const ObjId cls = d->dict.split_class) {
        if (get(key).type != Type::str) return {};
        auto index = attr_index(cls, get(key).text);
        if (index && *index < get(dict).refs.size() && get(dict).refs[*index]) return {index};
        return {};
    }
restart:
    d = &get(dict);
    if (d->dict.slots == 0) return {};
    const std::size_t mask = d->dict.slots - 1;
    std::size_t i = static_cast<std::uint64_t>(hash) & mask;
    std::uint64_t perturb = static_cast<std::uint64_t>(hash);
    for (;;) {
        const std::int32_t ix = d->dict.index[i];
        if (ix == -1) return {};
        if (ix >= 0) {
            const auto e = static_cast<std::size_t>(ix);
            const ObjId k = d->refs[2 * e];
            if (k == key) return {e};
            if (d->hashes[e] == hash) {
                const Object& ko = get(k);
                const Object& qo = get(key);
                if (ko.type == Type::str && qo.type == Type::str) {
                    if (ko.text == qo.text) return {e};
                } else if (!eq) {
                    if (equal_keys(k, key)) return {e};
                } else {
                    incref(k);
                    const int r = eq(k);
                    d = &get(dict);
                    const bool same = d->dict.slots == mask + 1 && !d->dict.split_class &&
                                      d->refs.size() > 2 * e && d->refs[2 * e] == k;
                    decref(k);
                    d = &get(dict);
                    if (r < 0) return {std::nullopt, true};
                    if (!same) goto restart;
                    if (r > 0) return {e};
                }
            }
        }
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
}

std::optional<std::size_t> Heap::dict_find(ObjId dict, ObjId key) const {
    // Old API: value keys (str, int, ...) compare by value, everything else by identity.
    return const_cast<Heap*>(this)->dict_lookup(dict, key, default_hash(key), {}).index;
}

bool Heap::dict_alloc_keys(Object& d, std::uint32_t slots, bool unicode) {
    const auto& l = profile_.objects;
    std::uint32_t request = sizes::dict_keys_request(l, slots, unicode);
    Address keys = 0;
    const bool str_table = unicode || l.dict_entry_str == l.dict_entry_general;
    if (slots == 8 && str_table) {
        if (auto block = free_lists_.pop(FreeListKind::dict_keys)) keys = *block;
    }
    if (!keys) keys = allocator_.malloc(request, alloc::Domain::object);
    if (!keys) return false;
    d.buf.keys = keys;
    d.buf.keys_request = request;
    d.dict.slots = slots;
    d.dict.usable = sizes::dict_usable(slots);
    d.dict.nentries = 0;
    d.dict.unicode = unicode;
    return true;
}

bool Heap::dict_resize(ObjId dict, std::uint32_t slots, bool unicode) {
    Object& d = at(dict);
    const Address old_keys = d.buf.keys;
    const std::uint32_t old_slots = d.dict.slots, old_used = d.dict.used;
    const bool old_unicode = d.dict.unicode;
    if (!dict_alloc_keys(d, slots, unicode)) return false;
    // Entries are moved down in order over their dummies (in place: no host allocation).
    std::size_t kept = 0;
    for (std::size_t e = 0; 2 * e + 1 < d.refs.size(); ++e) {
        if (!d.refs[2 * e]) continue;
        d.refs[2 * kept] = d.refs[2 * e];
        d.refs[2 * kept + 1] = d.refs[2 * e + 1];
        d.hashes[kept] = d.hashes[e];
        ++kept;
    }
    d.refs.resize(2 * kept);
    d.hashes.resize(kept);
    d.dict.used = old_used;
    d.dict.nentries = old_used;
    d.dict.usable -= old_used;
    dict_build_index(d);
    if (old_keys) release_keys_table(old_keys, old_slots, old_unicode);
    return true;
}

void Heap::maintain_dict_tracking(ObjId dict, ObjId key, ObjId value) {
    if (at(dict).tracked()) return;
    if ((key && may_be_tracked(key)) || (value && may_be_tracked(value))) track(dict);
}

bool Heap::dict_insert(ObjId dict, ObjId key, std::int64_t hash, ObjId value) {
    if (at(dict).dict.split_class) {
        // A shared name with room in the values array stays split; anything else unsplits.
        if (get(key).type == Type::str) {
            const ObjId cls = at(dict).dict.split_class;
            auto index = attr_index(cls, get(key).text);
            ClassInfo& info = classes_.mut().at(cls);
            if (!index && info.shared_usable > 0 && info.shared_names.size() < at(dict).refs.size()) {
                // 3.11 insertdict: a new str key joins the shared keys while they have room.
                info.shared_names.emplace_back(get(key).text);
                info.shared_usable -= 1;
                index = info.shared_names.size() - 1;
            }
            if (index && *index < at(dict).refs.size() && !at(dict).refs[*index]) {
                at(dict).dict.used += 1;
                order_add(at(dict), *index);
                set_ref(dict, *index, value);   // dict_changed
                maintain_dict_tracking(dict, kNull, value);
                return true;
            }
        }
        if (!dict_unsplit(dict)) return false;
    }
    const auto& l = profile_.objects;
    const bool str_key = at(key).type == Type::str;
    Object& d = at(dict);
    if (d.dict.slots == 0) {
        if (!dict_alloc_keys(d, 8, str_key)) return false;
        dict_build_index(d);
    } else if (d.dict.unicode && !str_key) {
        // A str-keys table cannot hold this key: rebuild it as a general table (3.11).
        bool ok = l.dict_entry_str == l.dict_entry_general
                      ? (d.dict.unicode = false, true)
                      : dict_resize(dict, sizes::dict_grow_slots(l, d.dict.used, d.dict.slots), false);
        if (!ok) return false;
    }
    if (at(dict).dict.usable == 0) {
        const DictTable& t = at(dict).dict;
        if (!dict_resize(dict, sizes::dict_grow_slots(l, t.used, t.slots), t.unicode && str_key))
            return false;
    }
    add_edge(key);
    add_edge(value);
    Object& d2 = at(dict);
    d2.dict.index[dict_free_slot(d2, hash)] = static_cast<std::int32_t>(d2.dict.nentries);
    d2.refs.push_back(key);
    d2.refs.push_back(value);
    d2.hashes.push_back(hash);
    d2.dict.nentries += 1;
    d2.dict.usable -= 1;
    d2.dict.used += 1;
    dict_changed(d2);
    maintain_dict_tracking(dict, key, value);
    after_op();
    return true;
}

void Heap::dict_replace(ObjId dict, std::size_t entry, ObjId value) {
    const std::size_t slot = get(dict).dict.split_class ? entry : entry * 2 + 1;
    add_edge(value);
    ObjId old = at(dict).refs[slot];
    at(dict).refs[slot] = value;
    dict_changed(get(dict));
    maintain_dict_tracking(dict, kNull, value);
    drop_edge(old);
    after_op();
}

bool Heap::dict_set(ObjId dict, ObjId key, ObjId value) {
    const std::int64_t hash = default_hash(key);
    if (auto index = dict_lookup(dict, key, hash, {}).index) {
        dict_replace(dict, *index, value);
        return true;
    }
    return dict_insert(dict, key, hash, value);
}

void Heap::dict_take_entry(ObjId dict, std::size_t entry, ObjId& key, ObjId& value) {
    Object& d = at(dict);
    if (d.dict.split_class) {
        value = d.refs[entry];
        d.refs[entry] = kNull;
        d.dict.used -= 1;
        order_remove(d, entry);
        dict_changed(d);
        at(value).external += 1;   // the dict's reference passes to the caller
        key = intern(new_str(classes_->at(d.dict.split_class).shared_names[entry]));
        after_op();
        return;
    }
    // Replace the index slot that names this entry by a dummy (DKIX_DUMMY).
    const std::size_t mask = d.dict.slots - 1;
    const std::int64_t hash = d.hashes[entry];
    std::size_t i = static_cast<std::uint64_t>(hash) & mask;
    std::uint64_t perturb = static_cast<std::uint64_t>(hash);
    while (d.dict.index[i] != static_cast<std::int32_t>(entry)) {
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
    d.dict.index[i] = -2;
    key = d.refs[entry * 2];
    value = d.refs[entry * 2 + 1];
    d.refs[entry * 2] = kNull;   // a dummy entry until the next resize
    d.refs[entry * 2 + 1] = kNull;
    d.dict.used -= 1;
    dict_changed(d);
    at(key).external += 1;
    at(value).external += 1;
    after_op();
}

bool Heap::dict_delete(ObjId dict, ObjId key) {
    auto index = dict_lookup(dict, key, default_hash(key), {}).index;
    if (!index) return false;
    ObjId old_key, old_value;
    dict_take_entry(dict, *index, old_key, old_value);
    decref(old_key);
    decref(old_value);
    return true;
}

void Heap::dict_clear(ObjId dict) {
    Object& d = at(dict);
    std::vector<ObjId> old = std::move(d.refs);
    d.refs.clear();
    d.hashes.clear();
    const Address keys = d.buf.keys;
    const Address values = d.buf.items;
    const DictTable table = d.dict;
    d.buf = Buffers{};
    d.dict = DictTable{};
    dict_changed(d);
    // The dict is empty (sharing the static empty keys) before anything it held is released.
    for (ObjId r : old) drop_edge(r);
    if (values) allocator_.free(values, alloc::Domain::mem);
    if (keys) release_keys_table(keys, table.slots, table.unicode);
    after_op();
}

std::size_t Heap::dict_positions(ObjId dict) const {
    const Object& d = get(dict);
    return d.dict.split_class ? d.dict.index.size() : d.refs.size() / 2;
}

ObjId Heap::dict_key_at(ObjId dict, std::size_t pos) const {
    const Object& d = get(dict);
    if (d.dict.split_class) return kNull;
    return d.refs[2 * pos];
}

ObjId Heap::dict_value_at(ObjId dict, std::size_t pos) const {
    const Object& d = get(dict);
    return d.dict.split_class ? d.refs[static_cast<std::size_t>(d.dict.index[pos])] : d.refs[2 * pos + 1];
}

ObjId Heap::dict_entry_value(ObjId dict, std::size_t entry) const {
    const Object& d = get(dict);
    return d.dict.split_class ? d.refs[entry] : d.refs[2 * entry + 1];
}

const std::string* Heap::dict_split_name(ObjId dict, std::size_t pos) const {
    const Object& d = get(dict);
    if (!d.dict.split_class) return nullptr;
    const auto entry = static_cast<std::size_t>(d.dict.index[pos]);
    if (!d.refs[entry]) return nullptr;
    return &classes_->at(d.dict.split_class).shared_names[entry];
}

std::int64_t Heap::dict_hash_at(ObjId dict, std::size_t pos) const {
    const Object& d = get(dict);
    if (d.dict.split_class)
        return hashing::hash_str(classes_->at(d.dict.split_class).shared_names[static_cast<std::size_t>(d.dict.index[pos])]);
    return d.hashes[pos];
}

bool Heap::dict_make_combined(ObjId dict) {
    // dict.popitem on a split dict: dictresize to the shared keys' own size (64 slots).
    return !at(dict).dict.split_class || dict_unsplit(dict, 64);
}

// A materialised instance __dict__ (split) becomes an ordinary dict with its own keys table.
bool Heap::dict_unsplit(ObjId dict, std::uint32_t slots) {
    const ObjId cls = at(dict).dict.split_class;
    std::vector<ObjId> values = std::move(at(dict).refs);
    const std::vector<std::int32_t> order = std::move(at(dict).dict.index);
    at(dict).refs.clear();
    // While the dict is rebuilt its old values are held as host references, so the counts stay
    // exact after every operation (HeapOptions::check_every_op).
    for (ObjId v : values)
        if (v) at(v).external += 1;
    free_items(dict);
    at(dict).dict = DictTable{};
    std::uint32_t used = 0;
    for (ObjId v : values) used += v ? 1 : 0;
    if (!slots) slots = sizes::dict_grow_slots(profile_.objects, used, 0);
    bool ok = dict_reserve(dict, slots, true) && insert_attributes(dict, cls, values, order);
    for (ObjId v : values)
        if (v) decref(v);   // the dict took its own references
    return ok;
}

// Stores values[i] under the class's i-th shared attribute name, in the values' insertion
// order (skipping empty slots).
bool Heap::insert_attributes(ObjId dict, ObjId cls, const std::vector<ObjId>& values,
                             const std::vector<std::int32_t>& order) {
    const ClassInfo& info = classes_->at(cls);
    bool ok = true;
    for (std::size_t k = 0; k < order.size() && ok; ++k) {
        const auto i = static_cast<std::size_t>(order[k]);
        if (i >= values.size() || !values[i]) continue;
        ObjId name = intern(new_str(info.shared_names[i]));
        ok = name && dict_set(dict, name, values[i]);
        if (name) decref(name);
    }
    return ok;
}

// --- set ---------------------------------------------------------------------------------
//
// The table lives in `refs` slot by slot (kNull: empty or dummy), the hash of each slot in
// `hashes` (0 empty, kDummyHash dummy). Probing is set_lookkey's: up to LINEAR_PROBES (9)
// neighbours, then i = 5i + 1 + perturb.

namespace {
constexpr std::size_t kLinearProbes = 9;
}

ObjId Heap::new_set(bool frozen) {
    ObjId id = alloc_object(frozen ? Type::frozenset : Type::set, sizes::set_request(profile_));
    if (!id) return kNull;
    Object& s = at(id);
    s.dict.slots = sizes::kSetMinSize;
    s.refs.assign(sizes::kSetMinSize, kNull);
    s.hashes.assign(sizes::kSetMinSize, 0);
    track(id);
    after_op();
    return id;
}

void Heap::set_insert_clean(Object& s, ObjId key, std::int64_t hash) {
    const std::size_t mask = s.dict.slots - 1;
    std::size_t i = static_cast<std::uint64_t>(hash) & mask;
    std::uint64_t perturb = static_cast<std::uint64_t>(hash);
    for (;;) {
        if (!s.refs[i] && s.hashes[i] == 0) break;
        bool found = false;
        if (i + kLinearProbes <= mask) {
            for (std::size_t j = 1; j <= kLinearProbes; ++j) {
                if (!s.refs[i + j] && s.hashes[i + j] == 0) {
                    i += j;
                    found = true;
                    break;
                }
            }
        }
        if (found) break;
        perturb >>= 5;
        i = (i * 5 + 1 + perturb) & mask;
    }
    s.refs[i] = key;
    s.hashes[i] = hash;
}

bool Heap::set_resize(ObjId set, std::size_t minused) {
    std::uint32_t slots = sizes::set_table_slots(minused);
    Object& s = at(set);
    if (slots == sizes::kSetMinSize && s.dict.slots == sizes::kSetMinSize && s.dict.nentries == s.dict.used)
        return true;   // the small table with no dummies: nothing to do
    Address old = s.buf.items;
    Address table = 0;
    if (slots != sizes::kSetMinSize) {
        table = allocator_.malloc(std::size_t{slots} * sizes::kSetEntry, alloc::Domain::mem);
        if (!table) return false;
    }
    Object& s2 = at(set);
    std::vector<ObjId> old_refs = std::move(s2.refs);
    std::vector<std::int64_t> old_hashes = std::move(s2.hashes);
    s2.refs.assign(slots, kNull);
    s2.hashes.assign(slots, 0);
    s2.buf.items = table;
    s2.buf.items_request = table ? slots * sizes::kSetEntry : 0;
    s2.buf.capacity = table ? slots : 0;
    s2.dict.slots = slots;
    for (std::size_t i = 0; i < old_refs.size(); ++i)
        if (old_refs[i]) set_insert_clean(s2, old_refs[i], old_hashes[i]);
    s2.dict.nentries = s2.dict.used;   // dummies are dropped
    if (old) allocator_.free(old, alloc::Domain::mem);
    return true;
}

bool Heap::set_resize_for(ObjId set, std::size_t minused) { return set_resize(set, minused); }

void Heap::set_copy_table(ObjId dst, ObjId src) {
    for (std::size_t i = 0; i < get(src).refs.size(); ++i) {
        ObjId key = get(src).refs[i];
        if (!key) continue;
        add_edge(key);
        at(dst).refs[i] = key;
        at(dst).hashes[i] = get(src).hashes[i];
    }
    at(dst).dict.nentries = get(src).dict.used;
    at(dst).dict.used = get(src).dict.used;
    after_op();
}

void Heap::set_swap_contents(ObjId a, ObjId b) {
    Object& x = at(a);
    Object& y = at(b);
    std::swap(x.refs, y.refs);
    std::swap(x.hashes, y.hashes);
    std::swap(x.buf, y.buf);
    std::swap(x.dict, y.dict);
    after_op();
}

bool Heap::dict_reserve(ObjId dict, std::uint32_t slots, bool unicode) {
    Object& d = at(dict);
    if (d.dict.split_class || d.dict.used != 0) return true;
    if (d.dict.slots >= slots) return true;
    if (d.dict.slots == 0) {
        if (!dict_alloc_keys(d, slots, unicode)) return false;
        d.hashes.clear();
        d.refs.clear();
        dict_build_index(d);
        return true;
    }
    return dict_resize(dict, slots, unicode && d.dict.unicode);
}

bool Heap::dict_grow_to(ObjId dict, std::uint32_t slots) {
    Object& d = at(dict);
    if (d.dict.split_class || d.dict.slots >= slots) return true;
    if (d.dict.slots == 0) return dict_reserve(dict, slots, true);
    return dict_resize(dict, slots, d.dict.unicode);
}

Heap::Lookup Heap::set_lookup(ObjId set, ObjId key, std::int64_t hash, const KeyEq& eq) {
restart:
    const std::size_t mask = get(set).dict.slots - 1;
    std::size_t i = static_cast<std::uint64_t>(hash) & mask;
    std::uint64_t perturb = static_cast<std::uint64_t>(hash);
    for (;;) {
        std::size_t probes = i + kLinearProbes <= mask ? kLinearProbes : 0;
        for (std::size_t j = i;; ++j) {
            const ObjId k = get(set).refs[j];
            const std::int64_t h = get(set).hashes[j];
            if (!k && h == 0) return {};
            if (k && h == hash) {
                if (k == key) return {j};
                if (get(k).type == Type::str && get(key).type == Type::str) {
                    if (get(k).text == get(key).text) return {j};
                } else if (!eq) {
                    if (equal_keys(k, key)) return {j};
                } else {
                    incref(k);
                    const int r = eq(k);
                    const bool same = get(set).dict.slots == mask + 1 && get(set).refs[j] == k;
                    decref(k);
                    if (r < 0) return {std::nullopt, true};
                    if (r > 0) return {j};
                    if (!same) goto restart;
                }
            }
            if (probes-- == 0) break;
        }
        perturb >>= 5;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

int Heap::set_insert(ObjId set, ObjId key, std::int64_t hash, const KeyEq& eq) {
restart:
    const std::size_t mask = get(set).dict.slots - 1;
    std::size_t i = static_cast<std::uint64_t>(hash) & mask;
    std::uint64_t perturb = static_cast<std::uint64_t>(hash);
    std::size_t freeslot = SIZE_MAX, slot = SIZE_MAX;
    for (;;) {
        std::size_t probes = i + kLinearProbes <= mask ? kLinearProbes : 0;
        for (std::size_t j = i;; ++j) {
            const ObjId k = get(set).refs[j];
            const std::int64_t h = get(set).hashes[j];
            if (!k && h == 0) {
                slot = j;
                goto found_unused_or_dummy;
            }
            if (k && h == hash) {
                if (k == key) return 0;
                if (get(k).type == Type::str && get(key).type == Type::str) {
                    if (get(k).text == get(key).text) return 0;
                } else if (!eq) {
                    if (equal_keys(k, key)) return 0;
                } else {
                    incref(k);
                    const int r = eq(k);
                    const bool same = get(set).dict.slots == mask + 1 && get(set).refs[j] == k;
                    decref(k);
                    if (r < 0) return -1;
                    if (r > 0) return 0;
                    if (!same) goto restart;
                }
            } else if (!k && h == kDummyHash && freeslot == SIZE_MAX) {
                freeslot = j;
            }
            if (probes-- == 0) break;
        }
        perturb >>= 5;
        i = (i * 5 + 1 + perturb) & mask;
    }
found_unused_or_dummy:
    add_edge(key);
    {
        Object& s = at(set);
        if (freeslot != SIZE_MAX) {
            s.refs[freeslot] = key;
            s.hashes[freeslot] = hash;
            s.dict.used += 1;
            after_op();
            return 1;
        }
        s.refs[slot] = key;
        s.hashes[slot] = hash;
        s.dict.nentries += 1;
        s.dict.used += 1;
        if (std::size_t{s.dict.nentries} * 5 < mask * 3) {
            after_op();
            return 1;
        }
        const std::size_t used = s.dict.used;
        if (!set_resize(set, used > 50000 ? used * 2 : used * 4)) return -2;
    }
    after_op();
    return 1;
}

bool Heap::set_add(ObjId set, ObjId key) { return set_insert(set, key, default_hash(key), {}) != -2; }

ObjId Heap::set_take_slot(ObjId set, std::size_t slot) {
    Object& s = at(set);
    ObjId key = s.refs[slot];
    s.refs[slot] = kNull;
    s.hashes[slot] = kDummyHash;
    s.dict.used -= 1;   // fill keeps the dummy
    at(key).external += 1;
    after_op();
    return key;
}

bool Heap::set_discard(ObjId set, ObjId key) {
    auto slot = set_lookup(set, key, default_hash(key), {}).index;
    if (!slot) return false;
    decref(set_take_slot(set, *slot));
    return true;
}

ObjId Heap::set_pop(ObjId set) {
    Object& s = at(set);
    if (s.dict.used == 0) return kNull;
    const std::size_t mask = s.dict.slots - 1;
    std::size_t i = s.dict.finger & mask;
    while (!s.refs[i]) i = i == mask ? 0 : i + 1;
    s.dict.finger = static_cast<std::uint32_t>(i + 1);
    return set_take_slot(set, i);
}

void Heap::set_clear(ObjId set) {
    Object& s = at(set);
    std::vector<ObjId> old = std::move(s.refs);
    const Address table = s.buf.items;
    s.buf.items = 0;
    s.buf.items_request = 0;
    s.buf.capacity = 0;
    s.dict = DictTable{};
    s.dict.slots = sizes::kSetMinSize;
    s.refs.assign(sizes::kSetMinSize, kNull);
    s.hashes.assign(sizes::kSetMinSize, 0);
    for (ObjId r : old) drop_edge(r);
    if (table) allocator_.free(table, alloc::Domain::mem);
    after_op();
}

// --- instance attributes -----------------------------------------------------------------

bool Heap::values_alloc(ObjId instance, std::uint32_t slots) {
    std::uint32_t request = sizes::values_request(slots);
    Address a = allocator_.malloc(request, alloc::Domain::mem);
    if (!a) return false;
    Object& o = at(instance);
    o.buf.items = a;
    o.buf.items_request = request;
    o.buf.capacity = slots;
    o.refs.resize(1 + slots, kNull);
    return true;
}

std::optional<std::size_t> Heap::attr_index(ObjId cls, std::string_view name) const {
    const auto& names = classes_->at(cls).shared_names;
    for (std::size_t i = 0; i < names.size(); ++i)
        if (names[i] == name) return i;
    return std::nullopt;
}

bool Heap::materialize_combined_dict(ObjId instance) {
    ObjId dict = new_dict();
    if (!dict) return false;
    std::vector<ObjId> values(at(instance).refs.begin() + 1, at(instance).refs.end());
    const std::vector<std::int32_t> order = at(instance).dict.index;
    // make_dict_from_instance_attributes + insertion_resize: the new table is sized by
    // GROWTH_RATE of the attributes it takes over.
    std::uint32_t used = 0;
    for (ObjId v : values) used += v ? 1 : 0;
    bool ok = dict_reserve(dict, sizes::dict_grow_slots(profile_.objects, used, 0), true) &&
              insert_attributes(dict, at(instance).refs[0], values, order);
    Object& o = at(instance);
    o.dict.index.clear();
    o.refs.resize(1);
    o.refs.push_back(dict);
    at(dict).external -= 1;   // the new reference becomes the instance's
    free_items(instance);
    for (ObjId v : values) drop_edge(v);
    return ok;
}

bool Heap::instance_setattr(ObjId instance, std::string_view name, ObjId value) {
    const ObjId cls = at(instance).refs[0];
    if (at(instance).type == Type::instance && at(instance).buf.items) {
        ClassInfo& info = classes_.mut().at(cls);
        auto index = attr_index(cls, name);
        if (!index && info.shared_usable > 0) {
            info.shared_names.emplace_back(name);
            info.shared_usable -= 1;
            index = info.shared_names.size() - 1;
        }
        if (index && *index < at(instance).buf.capacity) {
            order_add(at(instance), *index);
            set_ref(instance, 1 + *index, value);
            return true;
        }
        if (!materialize_combined_dict(instance)) return false;
    }
    ObjId dict = at(instance).refs.at(1);
    if (!dict) {
        dict = new_dict();
        if (!dict) return false;
        at(instance).refs[1] = dict;
        at(dict).external -= 1;
    }
    if (at(dict).dict.split_class) {
        // 3.11 insertdict on a split dict: a new str key joins the shared keys while they have
        // room (dk_usable), so the dict stays split.
        auto index = attr_index(cls, name);
        ClassInfo& info = classes_.mut().at(cls);
        if (!index && info.shared_usable > 0 && at(dict).dict.split_class == cls &&
            info.shared_names.size() < at(dict).buf.capacity) {
            info.shared_names.emplace_back(name);
            info.shared_usable -= 1;
            index = info.shared_names.size() - 1;
        }
        if (index && *index < at(dict).buf.capacity) {
            if (!at(dict).refs[*index]) at(dict).dict.used += 1;
            order_add(at(dict), *index);
            set_ref(dict, *index, value);
            maintain_dict_tracking(dict, kNull, value);
            return true;
        }
    }
    ObjId key = intern(new_str(name));
    if (!key) return false;
    bool ok = dict_set(dict, key, value);
    decref(key);
    return ok;
}

ObjId Heap::instance_getattr(ObjId instance, std::string_view name) const {
    const Object& o = get(instance);
    const ObjId cls = o.refs[0];
    if (o.type == Type::instance && o.buf.items) {
        auto index = attr_index(cls, name);
        return index && *index < o.buf.capacity ? o.refs[1 + *index] : kNull;
    }
    ObjId dict = o.refs.size() > 1 ? o.refs[1] : kNull;
    if (!dict) return kNull;
    const Object& d = get(dict);
    if (d.dict.split_class) {
        auto index = attr_index(cls, name);
        return index && *index < d.refs.size() ? d.refs[*index] : kNull;
    }
    for (std::size_t i = 0; i + 1 < d.refs.size(); i += 2)
        if (d.refs[i] && get(d.refs[i]).type == Type::str && get(d.refs[i]).text == name)
            return d.refs[i + 1];
    return kNull;
}

bool Heap::instance_delattr(ObjId instance, std::string_view name) {
    Object& o = at(instance);
    if (o.type == Type::instance && o.buf.items) {
        auto index = attr_index(o.refs[0], name);
        if (!index || *index >= o.buf.capacity || !o.refs[1 + *index]) return false;
        set_ref(instance, 1 + *index, kNull);
        order_remove(at(instance), *index);
        return true;
    }
    ObjId dict = o.refs.at(1);
    if (!dict) return false;
    ObjId key = new_str(name);
    if (!key) return false;
    bool ok = dict_delete(dict, key);
    decref(key);
    return ok;
}

ObjId Heap::instance_dict(ObjId instance) {
    Object& o = at(instance);
    if (o.type != Type::instance) throw UsageError("__dict__ of an object without one");
    if (!o.buf.items) {
        if (!o.refs[1]) {
            ObjId dict = new_dict();
            if (!dict) return kNull;
            at(instance).refs[1] = dict;
            at(dict).external -= 1;
        }
        return at(instance).refs[1];
    }
    // 3.11: a dict object that takes over the instance's values (no new keys table).
    ObjId dict = alloc_object(Type::dict, sizes::dict_request(profile_), FreeListKind::dict);
    if (!dict) return kNull;
    Object& inst = at(instance);
    Object& d = at(dict);
    d.refs.assign(inst.refs.begin() + 1, inst.refs.end());   // the edges move with the values
    d.buf.items = inst.buf.items;
    d.buf.items_request = inst.buf.items_request;
    d.buf.capacity = inst.buf.capacity;
    d.dict.split_class = inst.refs[0];
    d.dict.index = std::move(inst.dict.index);
    inst.dict.index.clear();
    for (ObjId v : d.refs) if (v) d.dict.used += 1;
    inst.buf.items = 0;
    inst.buf.items_request = 0;
    inst.buf.capacity = 0;
    inst.refs.resize(1);
    inst.refs.push_back(dict);
    d.external -= 1;
    for (ObjId v : at(dict).refs) maintain_dict_tracking(dict, kNull, v);
    after_op();
    return dict;
}

void Heap::slot_set(ObjId instance, std::uint32_t slot, ObjId value) {
    set_ref(instance, 1 + slot, value);
}

}  // namespace refscope::object
