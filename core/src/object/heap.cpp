// object/heap.cpp — construction, static objects, constructors and reference counting.
// Containers are in heap_containers.cpp, deallocation in heap_dealloc.cpp, checks and what
// Python shows in heap_inspect.cpp.
#include "object/heap.hpp"

#include <algorithm>

#include "gc/collector.hpp"
#include "object/sizes.hpp"
#include "refscope/errors.hpp"

namespace refscope::object {

namespace {
// Statically allocated objects live in the interpreter's data segment.
constexpr Address kStaticBase = 0x55d0'c1e0'0000;

std::string utf8_of(std::uint32_t cp) {
    std::string s;
    if (cp < 0x80) s += static_cast<char>(cp);
    else {
        s += static_cast<char>(0xc0 | (cp >> 6));
        s += static_cast<char>(0x80 | (cp & 0x3f));
    }
    return s;
}
}  // namespace

Heap::Heap(const Profile& profile, alloc::Allocator& allocator, HeapOptions options)
    : profile_(profile), allocator_(allocator), options_(options), free_lists_(profile.objects) {
    table_size_ = kFirstObjectId;
    while (chunks_.size() * kChunkSize < table_size_) chunks_.push_back(std::make_shared<ObjectChunk>());
    for (ObjId id = 1; id < kFirstObjectId; ++id) at(id).type = Type::gc_list_head;
    gc_ = std::make_unique<gc::Collector>(*this);
    next_static_address_ = kStaticBase;

    const auto& l = profile_.objects;
    none_ = make_static(Type::none_type, l.object_base);
    false_ = make_static(Type::bool_type, sizes::int_request(l, 1));
    true_ = make_static(Type::bool_type, sizes::int_request(l, 1));
    at(true_).ival = 1;
    empty_tuple_ = make_static(Type::tuple, sizes::tuple_request(profile_, 0));
    empty_str_ = make_static(Type::str, l.str_ascii_header + 1);
    empty_bytes_ = make_static(Type::bytes, l.bytes_header);
    for (std::int64_t v = l.small_int_min; v <= l.small_int_max; ++v) {
        ObjId id = make_static(Type::int_type, sizes::int_request(l, 1));
        at(id).ival = v;
        at(id).ndigits = 1;
        at(id).text = std::to_string(v);
        small_ints_.push_back(id);
    }
    for (std::uint32_t c = 0; c < 256; ++c) {
        auto shape = sizes::str_shape(utf8_of(c));
        ObjId id = make_static(Type::str, sizes::str_request(l, shape));
        Object& o = at(id);
        o.text = utf8_of(c);
        o.ival = 1;
        o.is_ascii = shape.ascii;
        latin1_chars_.push_back(id);
    }
}

Heap::~Heap() = default;

Heap::Heap(const Heap& other, alloc::Allocator& allocator)
    : profile_(other.profile_),
      allocator_(allocator),
      options_(other.options_),
      chunks_(other.chunks_),
      table_size_(other.table_size_),
      free_ids_(other.free_ids_),
      next_serial_(other.next_serial_),
      refcount_changes_(other.refcount_changes_),
      type_dict_changes_(other.type_dict_changes_),
      count_from_serial_(other.count_from_serial_),
      live_counted_(other.live_counted_),
      live_count_(other.live_count_),
      free_lists_(other.free_lists_),
      none_(other.none_),
      true_(other.true_),
      false_(other.false_),
      empty_str_(other.empty_str_),
      empty_tuple_(other.empty_tuple_),
      empty_bytes_(other.empty_bytes_),
      small_ints_(other.small_ints_),
      latin1_chars_(other.latin1_chars_),
      next_static_address_(other.next_static_address_),
      interned_(other.interned_),
      classes_(other.classes_),
      weak_target_(other.weak_target_) {
    REFSCOPE_CHECK(!other.deallocating_ && other.dealloc_stack_.empty(),
                   "heap: copied while a deallocation runs");
    other.shared_ = shared_ = true;
    gc_ = std::make_unique<gc::Collector>(*other.gc_, *this);
}

void Heap::count_live_after(std::uint64_t serial) {
    count_from_serial_ = serial;
    live_counted_ = 0;
    for_each_live([&](ObjId, const Object& o) { live_counted_ += o.serial > serial; });
}

std::size_t Heap::chunk_bytes(const ObjectChunk& chunk) {
    constexpr std::size_t kInlineText = 15;   // libstdc++'s short-string buffer
    std::size_t n = sizeof(ObjectChunk);
    for (const Object& o : chunk.items) {
        n += o.refs.capacity() * sizeof(ObjId) + o.weakrefs.capacity() * sizeof(ObjId) +
             o.hashes.capacity() * sizeof(std::int64_t) + o.dict.index.capacity() * sizeof(std::int32_t);
        if (o.text.capacity() > kInlineText) n += o.text.capacity() + 1;
    }
    return n;
}

std::size_t Heap::copied_table_bytes() const {
    // Per entry: the element plus a node's overhead for the hash maps.
    return chunks_.size() * sizeof(chunks_[0]) + free_ids_.size() * sizeof(ObjId) +
           (small_ints_.size() + latin1_chars_.size()) * sizeof(ObjId) +
           weak_target_.size() * 32;
}

ObjId Heap::new_slot() {
    ObjId id;
    if (!free_ids_.empty()) {
        id = free_ids_.back();   // its slot was reset by free_object
        free_ids_.pop_back();
    } else {
        id = static_cast<ObjId>(table_size_++);
        if ((id >> kChunkShift) == chunks_.size()) chunks_.push_back(std::make_shared<ObjectChunk>());
    }
    at(id).serial = next_serial_++;
    return id;
}

ObjId Heap::make_static(Type type, std::uint32_t size) {
    ObjId id = new_slot();
    Object& o = at(id);
    o.type = type;
    o.flags = kLive | kStatic;
    o.request = size;
    o.addr = next_static_address_;
    next_static_address_ += (size + 15) & ~Address{15};
    // 3.11 starts statically allocated objects at 999,999,999; the classic profile counts them
    // from 1 (the reference of the cache that holds them).
    o.base = profile_.objects.static_refcnt ? static_cast<std::int64_t>(profile_.objects.static_refcnt) : 1;
    o.refcnt = o.base;
    ++live_count_;
    return id;
}

ObjId Heap::alloc_object(Type type, std::uint32_t request, FreeListKind freelist,
                         std::uint32_t freelist_index) {
    const bool gc = is_gc_type(type);
    Address addr = 0;
    bool reused = false;
    if (freelist != FreeListKind::none) {
        if (auto block = free_lists_.pop(freelist, freelist_index)) {
            addr = *block;
            reused = true;
        }
    }
    if (!reused) {
        addr = allocator_.malloc(request, alloc::Domain::object);
        if (!addr) return kNull;
        // 3.11: _PyObject_GC_Link counts the allocation and may collect right here, before
        // the new object is initialised or tracked.
        if (gc) gc_->on_gc_alloc();
    }
    ObjId id = new_slot();
    Object& o = at(id);
    o.type = type;
    o.flags = kLive | (reused ? kFromFreelist : 0);
    o.addr = addr;
    o.request = request;
    o.refcnt = 1;
    o.external = 1;
    ++live_count_;
    if (o.serial > count_from_serial_) ++live_counted_;
    notify(ObjectEventKind::created, id);
    return id;
}

void Heap::notify(ObjectEventKind kind, ObjId id) {
    if (observer_) observer_->on_object_event({kind, id, get(id).refcnt});
}

void Heap::after_op() const {
    if (!options_.check_every_op || deallocating_ || gc_->collecting()) return;
    check_invariants();
    allocator_.check_invariants();
}

// --- scalars -----------------------------------------------------------------------------

ObjId Heap::new_int(std::int64_t value, std::uint32_t alloc_digits) {
    const auto& l = profile_.objects;
    if (value >= l.small_int_min && value <= l.small_int_max) {
        ObjId id = small_ints_[static_cast<std::size_t>(value - l.small_int_min)];
        incref(id);
        return id;
    }
    std::uint32_t nd = sizes::int_digits(value);
    ObjId id = alloc_object(Type::int_type, sizes::int_request(l, std::max(nd, alloc_digits)));
    if (!id) return kNull;
    Object& o = at(id);
    o.ival = value;
    o.ndigits = nd;
    o.text = std::to_string(value);
    after_op();
    return id;
}

ObjId Heap::new_big_int(std::string decimal, std::uint32_t ndigits, std::uint32_t alloc_digits) {
    ObjId id = alloc_object(Type::int_type,
                            sizes::int_request(profile_.objects, std::max(ndigits, alloc_digits)));
    if (!id) return kNull;
    Object& o = at(id);
    o.ndigits = ndigits;
    o.text = std::move(decimal);
    after_op();
    return id;
}

ObjId Heap::new_bool(bool value) {
    ObjId id = value ? true_ : false_;
    incref(id);
    return id;
}

ObjId Heap::new_none() {
    incref(none_);
    return none_;
}

ObjId Heap::new_float(double value) {
    ObjId id = alloc_object(Type::float_type, profile_.objects.float_size, FreeListKind::float_);
    if (!id) return kNull;
    at(id).fval = value;
    after_op();
    return id;
}

ObjId Heap::new_str(std::string_view utf8) {
    auto shape = sizes::str_shape(utf8);
    if (shape.length == 0) {
        incref(empty_str_);
        return empty_str_;
    }
    if (shape.length == 1 && shape.max_char < 256) {
        ObjId id = latin1_chars_[shape.max_char];
        incref(id);
        return id;
    }
    ObjId id = alloc_object(Type::str, sizes::str_request(profile_.objects, shape));
    if (!id) return kNull;
    Object& o = at(id);
    o.text = std::string(utf8);   // utf8 may view another object's text: still valid (chunks_)
    o.ival = shape.length;
    o.str_kind = shape.kind;
    o.is_ascii = shape.ascii;
    after_op();
    return id;
}

ObjId Heap::new_str_uncached(std::string_view utf8) {
    auto shape = sizes::str_shape(utf8);
    if (shape.length != 1 || shape.max_char >= 256) return new_str(utf8);
    ObjId id = alloc_object(Type::str, sizes::str_request(profile_.objects, shape));
    if (!id) return kNull;
    Object& o = at(id);
    o.text = std::string(utf8);   // utf8 may view another object's text: still valid (chunks_)
    o.ival = shape.length;
    o.str_kind = shape.kind;
    o.is_ascii = shape.ascii;
    after_op();
    return id;
}

ObjId Heap::new_bytes(std::string_view data) {
    if (data.empty()) {
        incref(empty_bytes_);
        return empty_bytes_;
    }
    ObjId id = alloc_object(Type::bytes, sizes::bytes_request(profile_.objects, data.size()));
    if (!id) return kNull;
    at(id).text = std::string(data);
    after_op();
    return id;
}

ObjId Heap::new_object() {
    ObjId id = alloc_object(Type::object, profile_.objects.object_size);
    after_op();
    return id;
}

ObjId Heap::new_range(std::int64_t start, std::int64_t stop, std::int64_t step) {
    // A range holds three int objects; the model keeps the values inline and only sizes it.
    ObjId id = alloc_object(Type::range, profile_.objects.range_size);
    if (!id) return kNull;
    at(id).text = std::to_string(start) + "," + std::to_string(stop) + "," + std::to_string(step);
    after_op();
    return id;
}

ObjId Heap::intern(ObjId str) {
    Object& o = at(str);
    if (o.type != Type::str) throw UsageError("intern() of a non-str object");
    if (o.flags & kInterned) return str;
    auto it = interned_->find(o.text);
    if (it != interned_->end()) {
        ObjId canonical = it->second;
        incref(canonical);
        decref(str);
        return canonical;
    }
    // 3.11 interning does not count the interned dict's references (spec §12.2).
    if (!o.is_static()) interned_.mut().emplace(o.text, str);
    o.flags |= kInterned;
    after_op();
    return str;
}

ObjId Heap::find_interned(std::string_view text) const {
    auto it = interned_->find(std::string(text));
    if (it != interned_->end()) return it->second;
    auto shape = sizes::str_shape(text);
    ObjId s = shape.length == 0 ? empty_str_
              : shape.length == 1 && shape.max_char < 256 ? latin1_chars_[shape.max_char]
                                                          : kNull;
    return s && (get(s).flags & kInterned) ? s : kNull;
}

ObjId Heap::new_object_of(Type type, std::uint8_t subkind, std::uint32_t request,
                          std::span<const ObjId> refs, bool track_it) {
    ObjId id = alloc_object(type, request);
    if (!id) return kNull;
    at(id).subkind = subkind;
    for (ObjId r : refs) {
        add_edge(r);
        at(id).refs.push_back(r);
    }
    if (track_it && is_gc_type(type)) track(id);
    after_op();
    return id;
}

ObjId Heap::new_static(Type type, std::uint8_t subkind, std::uint32_t size) {
    ObjId id = make_static(type, size);
    at(id).subkind = subkind;
    return id;
}

// --- containers whose construction is simple ---------------------------------------------

ObjId Heap::new_tuple(std::span<const ObjId> items) {
    if (items.empty()) {
        incref(empty_tuple_);
        return empty_tuple_;
    }
    auto n = static_cast<std::uint32_t>(items.size());
    ObjId id = alloc_object(Type::tuple, sizes::tuple_request(profile_, n), FreeListKind::tuple, n);
    if (!id) return kNull;
    for (ObjId item : items) {
        add_edge(item);
        at(id).refs.push_back(item);
    }
    at(id).ival = n;
    track(id);
    after_op();
    return id;
}

ObjId Heap::new_cell(ObjId content) {
    ObjId id = alloc_object(Type::cell, profile_.gc.gc_head_size + profile_.objects.cell_base);
    if (!id) return kNull;
    if (content) add_edge(content);
    at(id).refs.push_back(content);
    track(id);
    after_op();
    return id;
}

ObjId Heap::new_function(std::string name, std::span<const ObjId> refs) {
    ObjId id = alloc_object(Type::function, profile_.gc.gc_head_size + profile_.objects.function_base);
    if (!id) return kNull;
    at(id).text = std::move(name);
    for (ObjId r : refs) {
        add_edge(r);
        at(id).refs.push_back(r);
    }
    track(id);
    after_op();
    return id;
}

ObjId Heap::new_method(ObjId function, ObjId self) {
    ObjId id = alloc_object(Type::method, profile_.gc.gc_head_size + profile_.objects.method_base);
    if (!id) return kNull;
    add_edge(function);
    add_edge(self);
    at(id).refs = {function, self};
    track(id);
    after_op();
    return id;
}

ObjId Heap::new_weakref(ObjId referent, ObjId callback) {
    ObjId id = alloc_object(Type::weakref, profile_.gc.gc_head_size + profile_.objects.weakref_base);
    if (!id) return kNull;
    if (callback) {
        add_edge(callback);
        at(id).refs.push_back(callback);
    }
    weak_target_[id] = referent;
    at(referent).weakrefs.push_back(id);
    track(id);
    after_op();
    return id;
}

ObjId Heap::new_class(std::string name, bool has_finalizer, std::uint32_t nslots, bool cached_keys) {
    const auto& l = profile_.objects;
    // PyType_GenericAlloc(metatype, nslots): basicsize + (nslots + 1) * sizeof(PyMemberDef);
    // heap_type_base includes the first member def.
    ObjId id = alloc_object(Type::type, profile_.gc.gc_head_size + l.heap_type_base + sizes::kMemberDef * nslots);
    if (!id) return kNull;
    at(id).text = name;
    ClassInfo info;
    info.name = std::move(name);
    info.has_finalizer = has_finalizer;
    if (l.managed_dict && cached_keys) {
        // 3.11 _PyDict_NewKeysForClass: a 64-slot str-keys table shared by all instances.
        std::uint32_t request = sizes::dict_keys_request(l, 64, true);
        Address keys = allocator_.malloc(request, alloc::Domain::object);
        if (!keys) {
            decref(id);
            return kNull;
        }
        at(id).buf.keys = keys;
        at(id).buf.keys_request = request;
        info.shared_usable = sizes::kSharedKeysMaxSize;
    }
    classes_.mut().emplace(id, std::move(info));
    track(id);
    after_op();
    return id;
}

ObjId Heap::new_instance(ObjId cls) {
    const auto& l = profile_.objects;
    if (at(cls).type != Type::type) throw UsageError("new_instance() of a non-class");
    ObjId id = alloc_object(Type::instance, profile_.gc.gc_head_size + l.instance_base);
    if (!id) return kNull;
    add_edge(cls);
    at(id).refs.push_back(cls);
    if (l.managed_dict) {
        // init_inline_values: each new values array takes one slot of spare capacity.
        ClassInfo& info = classes_.mut().at(cls);
        if (info.shared_usable > 1) --info.shared_usable;
        auto size = static_cast<std::uint32_t>(info.shared_names.size()) + info.shared_usable;
        if (!values_alloc(id, size)) {
            decref(id);
            return kNull;
        }
    } else {
        at(id).refs.push_back(kNull);   // the instance dict, created on first setattr
    }
    track(id);
    after_op();
    return id;
}

ObjId Heap::new_slots_instance(ObjId cls, std::uint32_t nslots) {
    ObjId id = alloc_object(Type::slots_instance,
                            profile_.gc.gc_head_size + profile_.objects.object_base + 8 * nslots);
    if (!id) return kNull;
    add_edge(cls);
    at(id).refs.push_back(cls);
    at(id).refs.resize(1 + nslots, kNull);
    track(id);
    after_op();
    return id;
}

// --- reference counting ------------------------------------------------------------------

void Heap::fail_check(const char* what) { throw InvariantError(what); }

void Heap::after_decref(ObjId id) {
    if (at(id).refcnt == 0) {
        REFSCOPE_CHECK(!at(id).is_static(), "a static object's count reached zero");
        dealloc_chain(id);
    }
    after_op();
}

void Heap::add_edge(ObjId target) {
    if (!target) return;
    Object& o = at(target);
    REFSCOPE_CHECK(o.live(), "reference to a dead object");
    ++o.refcnt;
    ++refcount_changes_;
}

void Heap::drop_edge(ObjId target) {
    if (!target) return;
    Object& o = at(target);
    --o.refcnt;
    ++refcount_changes_;
    if (o.refcnt == 0) {
        REFSCOPE_CHECK(!o.is_static(), "a static object's count reached zero");
        dealloc_chain(target);
    }
    REFSCOPE_CHECK(o.refcnt >= 0 || !o.live(), "negative reference count");
}

void Heap::mark_type_dict(ObjId dict) {
    at(dict).flags |= kTypeDict;
    ++type_dict_changes_;
}

void Heap::append_ref(ObjId owner, ObjId target) {
    add_edge(target);
    at(owner).refs.push_back(target);
    if (at(owner).type == Type::type) ++type_dict_changes_;
    if (at(owner).type == Type::dict) maintain_dict_tracking(owner, target, kNull);
    after_op();
}

void Heap::set_ref(ObjId owner, std::size_t index, ObjId target) {
    add_edge(target);
    ObjId old = at(owner).refs.at(index);
    at(owner).refs[index] = target;
    if (at(owner).type == Type::type) ++type_dict_changes_;
    dict_changed(at(owner));
    drop_edge(old);
    after_op();
}

void Heap::cell_set(ObjId cell, ObjId value) { set_ref(cell, 0, value); }

// --- tracking ----------------------------------------------------------------------------

bool Heap::may_be_tracked(ObjId id) const {
    const Object& o = get(id);
    if (!is_gc_type(o.type)) return false;
    if (o.type == Type::tuple) return o.tracked();   // only tuples are asked (dicts: always)
    return !o.is_static();
}

void Heap::track(ObjId id) {
    Object& o = at(id);
    if (o.tracked() || o.is_static()) return;
    gc_->link(id);
    notify(ObjectEventKind::tracked, id);
}

void Heap::untrack(ObjId id) {
    if (!at(id).tracked()) return;
    gc_->unlink(id);
    notify(ObjectEventKind::untracked, id);
}

bool Heap::has_finalizer(ObjId id) const {
    const Object& o = get(id);
    if (o.flags & kHasFinalizer) return true;
    if (o.type != Type::instance && o.type != Type::slots_instance && o.type != Type::exception)
        return false;
    if (o.refs.empty() || !o.refs[0]) return false;
    auto it = classes_->find(o.refs[0]);
    return it != classes_->end() && it->second.has_finalizer;
}

void Heap::set_has_finalizer(ObjId id, bool on) {
    Object& o = at(id);
    if (on) o.flags |= kHasFinalizer;
    else o.flags &= static_cast<std::uint8_t>(~kHasFinalizer);
}

void Heap::run_finalizer(ObjId id) {
    Object& o = at(id);
    o.flags |= kFinalized;
    if (hooks_) hooks_->finalize(id);
}

}  // namespace refscope::object
