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
#include "gc/collector.hpp"
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

// --- dict --------------------------------------------------------------------------------

ObjId Heap::new_dict() {
    ObjId id = alloc_object(Type::dict, sizes::dict_request(profile_), FreeListKind::dict);
    if (!id) return kNull;
    if (profile_.objects.empty_dict_has_table && !dict_alloc_keys(at(id), 8, true)) {
        decref(id);
        return kNull;
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
        case Type::int_type: return x.text == y.text;
        case Type::float_type: return x.fval == y.fval;
        default: return false;
    }
}

std::optional<std::size_t> Heap::dict_find(ObjId dict, ObjId key) const {
    const auto& refs = get(dict).refs;
    if (get(dict).dict.split_class) return std::nullopt;   // split: looked up by name
    for (std::size_t i = 0; i + 1 < refs.size(); i += 2)
        if (refs[i] && equal_keys(refs[i], key)) return i / 2;
    return std::nullopt;
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
    const DictTable old = d.dict;
    if (!dict_alloc_keys(d, slots, unicode)) return false;
    // Entries are copied in order without their dummies.
    std::vector<ObjId> compact;
    compact.reserve(d.refs.size());
    for (std::size_t i = 0; i + 1 < d.refs.size(); i += 2) {
        if (!d.refs[i]) continue;
        compact.push_back(d.refs[i]);
        compact.push_back(d.refs[i + 1]);
    }
    d.refs = std::move(compact);
    d.dict.used = old.used;
    d.dict.nentries = old.used;
    d.dict.usable -= old.used;
    if (old_keys) release_keys_table(old_keys, old.slots, old.unicode);
    return true;
}

void Heap::maintain_dict_tracking(ObjId dict, ObjId key, ObjId value) {
    if (at(dict).tracked()) return;
    if ((key && may_be_tracked(key)) || (value && may_be_tracked(value))) track(dict);
}

bool Heap::dict_set(ObjId dict, ObjId key, ObjId value) {
    if (at(dict).dict.split_class && !dict_unsplit(dict)) return false;
    const auto& l = profile_.objects;
    if (auto index = dict_find(dict, key)) {
        add_edge(value);
        ObjId old = at(dict).refs[*index * 2 + 1];
        at(dict).refs[*index * 2 + 1] = value;
        maintain_dict_tracking(dict, kNull, value);
        drop_edge(old);
        after_op();
        return true;
    }
    const bool str_key = at(key).type == Type::str;
    Object& d = at(dict);
    if (d.dict.slots == 0) {
        if (!dict_alloc_keys(d, 8, str_key)) return false;
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
    d2.refs.push_back(key);
    d2.refs.push_back(value);
    d2.dict.nentries += 1;
    d2.dict.usable -= 1;
    d2.dict.used += 1;
    maintain_dict_tracking(dict, key, value);
    after_op();
    return true;
}

bool Heap::dict_delete(ObjId dict, ObjId key) {
    if (at(dict).dict.split_class && !dict_unsplit(dict)) return false;
    auto index = dict_find(dict, key);
    if (!index) return false;
    Object& d = at(dict);
    ObjId old_key = d.refs[*index * 2];
    ObjId old_value = d.refs[*index * 2 + 1];
    d.refs[*index * 2] = kNull;   // a dummy entry until the next resize
    d.refs[*index * 2 + 1] = kNull;
    d.dict.used -= 1;
    drop_edge(old_key);
    drop_edge(old_value);
    after_op();
    return true;
}

// A materialised instance __dict__ (split) becomes an ordinary dict with its own keys table.
bool Heap::dict_unsplit(ObjId dict) {
    const ObjId cls = at(dict).dict.split_class;
    std::vector<ObjId> values = std::move(at(dict).refs);
    at(dict).refs.clear();
    free_items(dict);
    at(dict).dict = DictTable{};
    bool ok = insert_attributes(dict, cls, values);
    for (ObjId v : values) drop_edge(v);   // the dict took its own references
    return ok;
}

// Stores values[i] under the class's i-th shared attribute name (skipping empty slots).
bool Heap::insert_attributes(ObjId dict, ObjId cls, const std::vector<ObjId>& values) {
    const ClassInfo& info = classes_.at(cls);
    bool ok = true;
    for (std::size_t i = 0; i < values.size() && ok; ++i) {
        if (!values[i]) continue;
        ObjId name = intern(new_str(info.shared_names[i]));
        ok = name && dict_set(dict, name, values[i]);
        if (name) decref(name);
    }
    return ok;
}

// --- set ---------------------------------------------------------------------------------

ObjId Heap::new_set(bool frozen) {
    ObjId id = alloc_object(frozen ? Type::frozenset : Type::set, sizes::set_request(profile_));
    if (!id) return kNull;
    at(id).dict.slots = sizes::kSetMinSize;
    track(id);
    after_op();
    return id;
}

bool Heap::set_resize(ObjId set, std::size_t minused) {
    std::uint32_t slots = sizes::set_table_slots(minused);
    Object& s = at(set);
    Address old = s.buf.items;
    Address table = 0;
    if (slots != sizes::kSetMinSize) {
        table = allocator_.malloc(std::size_t{slots} * sizes::kSetEntry, alloc::Domain::mem);
        if (!table) return false;
    }
    Object& s2 = at(set);
    s2.buf.items = table;
    s2.buf.items_request = table ? slots * sizes::kSetEntry : 0;
    s2.buf.capacity = table ? slots : 0;
    s2.dict.slots = slots;
    s2.dict.nentries = s2.dict.used;   // dummies are dropped
    if (old) allocator_.free(old, alloc::Domain::mem);
    return true;
}

bool Heap::set_add(ObjId set, ObjId key) {
    for (ObjId k : at(set).refs)
        if (equal_keys(k, key)) return true;
    add_edge(key);
    Object& s = at(set);
    s.refs.push_back(key);
    // Without hashes the model cannot know whether the probe meets a dummy; it assumes it
    // does whenever there is one (fill then stays).
    if (s.dict.nentries == s.dict.used) s.dict.nentries += 1;
    s.dict.used += 1;
    const std::size_t mask = s.dict.slots - 1;
    if (std::size_t{s.dict.nentries} * 5 >= mask * 3) {
        std::size_t used = s.dict.used;
        if (!set_resize(set, used > 50000 ? used * 2 : used * 4)) return false;
    }
    after_op();
    return true;
}

bool Heap::set_discard(ObjId set, ObjId key) {
    auto& refs = at(set).refs;
    for (std::size_t i = 0; i < refs.size(); ++i) {
        if (!equal_keys(refs[i], key)) continue;
        ObjId old = refs[i];
        refs.erase(refs.begin() + static_cast<std::ptrdiff_t>(i));
        at(set).dict.used -= 1;   // fill keeps the dummy
        drop_edge(old);
        after_op();
        return true;
    }
    return false;
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
    const auto& names = classes_.at(cls).shared_names;
    for (std::size_t i = 0; i < names.size(); ++i)
        if (names[i] == name) return i;
    return std::nullopt;
}

bool Heap::materialize_combined_dict(ObjId instance) {
    ObjId dict = new_dict();
    if (!dict) return false;
    std::vector<ObjId> values(at(instance).refs.begin() + 1, at(instance).refs.end());
    bool ok = insert_attributes(dict, at(instance).refs[0], values);
    Object& o = at(instance);
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
        ClassInfo& info = classes_.at(cls);
        auto index = attr_index(cls, name);
        if (!index && info.shared_usable > 0) {
            info.shared_names.emplace_back(name);
            info.shared_usable -= 1;
            index = info.shared_names.size() - 1;
        }
        if (index && *index < at(instance).buf.capacity) {
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
        if (auto index = attr_index(cls, name); index && *index < at(dict).buf.capacity) {
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
        return true;
    }
    ObjId dict = o.refs.at(1);
    if (!dict) return false;
    if (at(dict).dict.split_class && !dict_unsplit(dict)) return false;
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
