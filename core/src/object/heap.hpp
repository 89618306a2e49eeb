// object/heap.hpp — every simulated Python object, its reference count and its memory.
//
// Models CPython 3.11's object layer (Objects/*.c): creation (which requests go to which
// allocator, which come from free lists, when the GC count moves), reference counting and
// deallocation (the order in which a dying object releases what it holds, as tp_dealloc does),
// the containers whose buffers grow (list, dict, set, the 3.11 instance values array), and the
// statically allocated objects. The classic profile swaps in 3.7's sizes and growth rules.
//
// Every constructor returns a NEW reference owned by the caller ("external"); the caller gives
// it back with decref(). Container operations take their own references to what they store.
//
// Deallocation is depth-first like CPython's recursive tp_dealloc chain but runs on an explicit
// work stack, so a million-long linked list cannot overflow the C++ stack (CPython needs its
// "trashcan" for the same reason; the order of frees is the recursive one).
//
// Invariants: see object.hpp (1-3), plus
//   4. Free lists hold at most their profile maximum; their blocks are live in the allocator and
//      belong to no object.
//   5. The interned table maps each text to one live str flagged kInterned, and holds no
//      reference (3.11 does not count the interned dict's references).
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "alloc/allocator.hpp"
#include "object/copy_on_write.hpp"
#include "object/free_lists.hpp"
#include "object/object.hpp"
#include "refscope/profile.hpp"

namespace refscope::gc {
class Collector;
}

namespace refscope::object {

// Python-level behaviour the model cannot run itself: the host (the interpreter, or a test)
// implements it. Each call may create objects and change reference counts.
class HeapHooks {
public:
    virtual ~HeapHooks() = default;
    // Run the object's __del__ (tp_finalize). The object is alive during the call; increfs
    // made here resurrect it.
    virtual void finalize(ObjId /*object*/) {}
    // Call a weakref's callback with the (now dead) weakref.
    virtual void weakref_callback(ObjId /*weakref*/, ObjId /*callback*/) {}
    // A class is being deallocated (type_dealloc's remove_subclass step): its refs are still
    // intact and its weakrefs not yet cleared.
    virtual void type_dealloc(ObjId /*cls*/) {}
};

// Reference count changes are not events (there is one per incref): Heap::refcount_changes()
// counts them.
enum class ObjectEventKind : std::uint8_t { created, freed, tracked, untracked };
struct ObjectEvent {
    ObjectEventKind kind;
    ObjId id = kNull;
    std::int64_t refcnt = 0;     // after the change
};
class ObjectObserver {
public:
    virtual ~ObjectObserver() = default;
    virtual void on_object_event(const ObjectEvent& event) = 0;
};

// How a list built from n items sizes its array (spec §11.1).
enum class ListPrealloc : std::uint8_t {
    exact,      // PyList_New(n): BUILD_LIST of n values, [x]*n
    even,       // list(iterable with len) or extending an empty list: n rounded up to even
};

// Debug builds check everything after every operation unless told otherwise.
#ifdef NDEBUG
inline constexpr bool kCheckEveryOpByDefault = false;
#else
inline constexpr bool kCheckEveryOpByDefault = true;
#endif

struct HeapOptions {
    // Run every checker (heap, collector, allocator) after each public operation.
    bool check_every_op = kCheckEveryOpByDefault;
};

struct ClassInfo {
    std::string name;
    bool has_finalizer = false;           // defines __del__
    // 3.11 shared keys (CACHED_KEYS): attribute names in insertion order and spare capacity.
    std::vector<std::string> shared_names;
    std::uint32_t shared_usable = 0;
};

class Heap {
public:
    Heap(const Profile& profile, alloc::Allocator& allocator, HeapOptions options = {});
    ~Heap();
    Heap(const Heap&) = delete;
    Heap& operator=(const Heap&) = delete;
    // A copy of `other` (same objects, collector, free lists, tables) over `allocator`, which
    // must be a copy of other's allocator. Hooks and observers are not copied. The object
    // storage is shared copy-on-write (see chunks_), so a copy costs O(table size / chunk).
    // `other` must be between operations: no deallocation or collection running.
    Heap(const Heap& other, alloc::Allocator& allocator);

    const Profile& profile() const { return profile_; }
    alloc::Allocator& allocator() { return allocator_; }
    const alloc::Allocator& allocator() const { return allocator_; }
    gc::Collector& gc() { return *gc_; }
    const gc::Collector& gc() const { return *gc_; }
    void set_hooks(HeapHooks* hooks) { hooks_ = hooks; }
    HeapHooks* hooks() const { return hooks_; }
    void set_observer(ObjectObserver* observer) { observer_ = observer; }

    const Object& get(ObjId id) const {
        if (!shared_ || !copy_on_read_) return peek(id);
        return own_chunk(id >> kChunkShift).items[id & kChunkMask];
    }
    Object& at(ObjId id) {
        if (!shared_) return chunks_[id >> kChunkShift]->items[id & kChunkMask];
        return own_chunk(id >> kChunkShift).items[id & kChunkMask];
    }
    std::size_t table_size() const { return table_size_; }
    std::size_t live_count() const { return live_count_; }
    // Reference count changes so far: an observer compares two readings to learn whether
    // counts changed in between (without an event per change).
    std::uint64_t refcount_changes() const { return refcount_changes_; }
    // Live objects whose serial is above `serial` (a trace's program objects), counted from
    // now on as objects come and go (without an event each).
    void count_live_after(std::uint64_t serial);
    std::size_t live_counted() const { return live_counted_; }
    // Changes to what a class's MRO can give for a name, counted: a write to a dict marked by
    // mark_type_dict, a reference of a class set or cleared, a class's death. An attribute cache
    // keeps an answer only while this reading stays the same.
    std::uint64_t type_dict_changes() const { return type_dict_changes_; }
    void mark_type_dict(ObjId dict);
    template <class F> void for_each_live(F&& f) const {
        for (ObjId id = kFirstObjectId; id < table_size_; ++id) {
            const Object& o = get(id);
            if (o.live()) f(id, o);
        }
    }
    // Reading without taking a private copy of shared storage (for making a copy of this heap:
    // nothing read here may be kept or written).
    const Object& peek(ObjId id) const { return chunks_[id >> kChunkShift]->items[id & kChunkMask]; }
    template <class F> void peek_each_live(F&& f) const {
        for (ObjId id = kFirstObjectId; id < table_size_; ++id) {
            const Object& o = peek(id);
            if (o.live()) f(id, o);
        }
    }
    // Memory a copy of this heap holds, for a trace's accounting: each block it may share with
    // other copies (storage chunks with their objects' own vectors and strings, the interned
    // and class tables; a caller counts each address once) and an estimate of the rest (tables
    // copied whole). Payloads are shared by every copy of an object and not counted.
    template <class F> void for_each_shared_block(F&& f) const {
        for (const auto& chunk : chunks_) f(static_cast<const void*>(chunk.get()), chunk_bytes(*chunk));
        f(static_cast<const void*>(&*interned_), interned_->size() * 64);
        f(static_cast<const void*>(&*classes_), classes_->size() * 128);
    }
    std::size_t copied_table_bytes() const;
    // While reading the heap without changing it (a trace's snapshot), get() need not take a
    // private copy of shared storage: ReadOnlyScope turns that off. Nothing may be written
    // (at(), constructors, reference counts) while one is active.
    class ReadOnlyScope {
    public:
        explicit ReadOnlyScope(const Heap& heap) : heap_(heap), saved_(heap.copy_on_read_) { heap.copy_on_read_ = false; }
        ~ReadOnlyScope() { heap_.copy_on_read_ = saved_; }
        ReadOnlyScope(const ReadOnlyScope&) = delete;
        ReadOnlyScope& operator=(const ReadOnlyScope&) = delete;

    private:
        const Heap& heap_;
        bool saved_;
    };
    // Bytes of the chunks no copy shares (written since the last copy, or new): what the next
    // copy will hold on to once this heap writes them again.
    std::size_t unshared_chunk_bytes() const {
        std::size_t n = 0;
        for (const auto& chunk : chunks_)
            if (chunk.use_count() == 1) n += chunk_bytes(*chunk);
        return n;
    }

    // Statically allocated objects (no block; 3.11 starts their count at 999,999,999).
    ObjId none() const { return none_; }
    ObjId true_obj() const { return true_; }
    ObjId false_obj() const { return false_; }
    ObjId empty_str() const { return empty_str_; }
    ObjId empty_tuple() const { return empty_tuple_; }
    ObjId empty_bytes() const { return empty_bytes_; }

    // Constructors: each returns a new reference owned by the caller, or kNull when the
    // simulated memory is exhausted (the interpreter raises MemoryError).
    // -5..256 come from the cache. `alloc_digits`: digits the creating operation allocated when
    // more than the value needs (x_add allocates one extra: pass ndigits + 1 for a sum).
    ObjId new_int(std::int64_t value, std::uint32_t alloc_digits = 0);
    ObjId new_big_int(std::string decimal, std::uint32_t ndigits, std::uint32_t alloc_digits = 0);
    ObjId new_bool(bool value);
    ObjId new_none();
    ObjId new_float(double value);
    ObjId new_str(std::string_view utf8);              // '' and 1-char Latin-1 are cached
    // A str built without the 1-character cache (PyUnicode_New paths: int and float to str,
    // str.join): always a new object for 1 character ('' stays the singleton).
    ObjId new_str_uncached(std::string_view utf8);
    ObjId new_bytes(std::string_view data);
    ObjId new_tuple(std::span<const ObjId> items);
    ObjId new_list(std::span<const ObjId> items = {}, ListPrealloc how = ListPrealloc::exact);
    ObjId new_dict();
    // list() and dict() called as types allocate through tp_alloc (PyType_GenericAlloc): never
    // from the free list (their deallocation still feeds it).
    ObjId new_list_via_type();
    ObjId new_dict_via_type();
    ObjId new_set(bool frozen = false);
    ObjId new_object();                                // object()
    // A heap type (type_new). `nslots`: the names of its own __slots__ (one PyMemberDef each
    // after the PyHeapTypeObject); `cached_keys`: its instances have a managed __dict__, so the
    // class gets a shared keys table (3.11 ht_cached_keys; not for __slots__ classes without
    // __dict__, nor exception classes).
    ObjId new_class(std::string name, bool has_finalizer = false, std::uint32_t nslots = 0,
                    bool cached_keys = true);
    ObjId new_instance(ObjId cls);
    ObjId new_slots_instance(ObjId cls, std::uint32_t nslots);
    ObjId new_cell(ObjId content = kNull);
    ObjId new_function(std::string name, std::span<const ObjId> refs = {});
    ObjId new_method(ObjId function, ObjId self);
    ObjId new_weakref(ObjId referent, ObjId callback = kNull);
    ObjId new_range(std::int64_t start, std::int64_t stop, std::int64_t step);
    ObjId intern(ObjId str);                           // steals str, returns the canonical one
    // The interned str for `text` if there is one (borrowed), else kNull.
    ObjId find_interned(std::string_view text) const;
    // Objects of the interpreter's types (object.hpp): `request` bytes including the GC head
    // for GC types; the new object holds `refs` (new edges) and is tracked when `track_it`.
    ObjId new_object_of(Type type, std::uint8_t subkind, std::uint32_t request,
                        std::span<const ObjId> refs = {}, bool track_it = true);
    // A statically allocated object (builtin types, functions of builtin modules, singletons
    // such as Ellipsis): no block, never freed, counted from the profile's static start.
    ObjId new_static(Type type, std::uint8_t subkind, std::uint32_t size);
    // An object whose tp_finalize is its own (a generator): run through HeapHooks::finalize.
    void set_has_finalizer(ObjId id, bool on);

    // References held by the host (names, value stack, ...). Inline: the VM takes and drops
    // one for nearly every instruction; what is rare (a death, a failed check) is not.
    void incref(ObjId id) {
        Object& o = at(id);
        if (!o.live()) [[unlikely]] fail_check("incref of a dead object");
        ++o.refcnt;
        ++o.external;
        ++refcount_changes_;
    }
    void decref(ObjId id) {
        Object& o = at(id);
        if (!o.live() || o.external <= 0) [[unlikely]] fail_check("decref without a host reference");
        --o.external;
        --o.refcnt;
        ++refcount_changes_;
        if (o.refcnt == 0 || options_.check_every_op) [[unlikely]] after_decref(id);
    }

    // list
    std::size_t list_size(ObjId list) const { return get(list).refs.size(); }
    bool list_append(ObjId list, ObjId item);          // false: MemoryError
    void list_set(ObjId list, std::size_t index, ObjId item);
    ObjId list_pop(ObjId list, std::size_t index);     // returns the item (a new reference)
    void list_clear(ObjId list);
    // More list operations (Objects/listobject.c):
    bool list_insert(ObjId list, std::size_t index, ObjId item);   // ins1
    // list_preallocate_exact: an empty list without an item array gets n rounded up to even.
    bool list_preallocate(ObjId list, std::size_t n);
    bool list_reserve(ObjId list, std::size_t total);  // list_resize(total), size unchanged
    bool list_push(ObjId list, ObjId item);            // within capacity if possible, else app1
    bool list_shrink_to_fit(ObjId list);               // "cut back" after a too-large guess
    // Remove the items at `positions` (ascending), resize, then release them in that order.
    bool list_remove_positions(ObjId list, std::span<const std::size_t> positions);
    // list_ass_slice: replace items [lo, hi) by `items` (new edges); the replaced items are
    // released last to first after the list is consistent again. false: MemoryError.
    bool list_replace_range(ObjId list, std::size_t lo, std::size_t hi, std::span<const ObjId> items);
    // dict (keys compare by identity, or by value for str and int keys)
    std::optional<std::size_t> dict_find(ObjId dict, ObjId key) const;  // entry index
    bool dict_set(ObjId dict, ObjId key, ObjId value); // insert or replace; false: MemoryError
    bool dict_delete(ObjId dict, ObjId key);           // false: KeyError
    std::size_t dict_size(ObjId dict) const { return get(dict).dict.used; }
    // set / frozenset
    bool set_add(ObjId set, ObjId key);                // false: MemoryError
    bool set_discard(ObjId set, ObjId key);            // false: not present

    // --- hashed containers with Python's hash and __eq__ (supplied by the interpreter) -----
    // Compares a stored key with the key looked up: 1 equal, 0 not, -1 an exception was
    // raised. May run Python code; a lookup restarts when that code changed the table. A plain
    // value (a function and its context): lookups are made for every name the VM reads, and
    // building a std::function for each cost more than the probe. Empty: the default equality
    // of equal_keys (no Python code).
    struct KeyEq {
        int (*compare)(void* context, ObjId stored, ObjId key) = nullptr;
        void* context = nullptr;
        ObjId key = kNull;
        explicit operator bool() const { return compare != nullptr; }
        int operator()(ObjId stored) const { return compare(context, stored, key); }
    };
    // hash() of the value types the model knows (str, bytes, int, float, bool, None, tuples of
    // those); other objects hash by identity (object.__hash__).
    std::int64_t default_hash(ObjId key) const;
    struct Lookup {
        std::optional<std::size_t> index;   // dict: entry index; set: table slot
        bool error = false;                 // KeyEq returned -1
    };
    // Split dicts (a materialised instance __dict__) are looked up by the text of str keys.
    Lookup dict_lookup(ObjId dict, ObjId key, std::int64_t hash, const KeyEq& eq);
    // insertdict for a key known to be absent; false: MemoryError.
    bool dict_insert(ObjId dict, ObjId key, std::int64_t hash, ObjId value);
    void dict_replace(ObjId dict, std::size_t entry, ObjId value);
    // Remove an entry and hand its key and value to the caller (new references).
    void dict_take_entry(ObjId dict, std::size_t entry, ObjId& key, ObjId& value);
    void dict_clear(ObjId dict);                       // PyDict_Clear
    // Iteration: the number of positions (dk_nentries; split: the values set, in their own
    // insertion order) and the entry at a position.
    std::size_t dict_positions(ObjId dict) const;
    ObjId dict_key_at(ObjId dict, std::size_t pos) const;   // borrowed; kNull: deleted
    ObjId dict_value_at(ObjId dict, std::size_t pos) const; // borrowed; kNull: deleted
    // Split dicts: the attribute name of a position (the class's shared keys).
    const std::string* dict_split_name(ObjId dict, std::size_t pos) const;
    std::int64_t dict_hash_at(ObjId dict, std::size_t pos) const;
    // The value of an entry found by dict_lookup (borrowed).
    ObjId dict_entry_value(ObjId dict, std::size_t entry) const;
    // Make a split dict an ordinary one (it gets its own keys table).
    bool dict_make_combined(ObjId dict);
    Lookup set_lookup(ObjId set, ObjId key, std::int64_t hash, const KeyEq& eq);
    // set_add_entry: 1 added, 0 already there, -1 KeyEq error, -2 MemoryError.
    int set_insert(ObjId set, ObjId key, std::int64_t hash, const KeyEq& eq);
    ObjId set_take_slot(ObjId set, std::size_t slot);  // removes; returns the key (new ref)
    ObjId set_pop(ObjId set);                          // set.pop() with the finger; kNull: empty
    void set_clear(ObjId set);
    bool set_resize_for(ObjId set, std::size_t minused);   // set_table_resize
    // An empty dict gets a table of `slots` (dict_new_presized, clone_combined_dict_keys).
    bool dict_reserve(ObjId dict, std::uint32_t slots, bool unicode);
    bool dict_grow_to(ObjId dict, std::uint32_t slots);    // dictresize before a big merge
    // set_merge's fast path: an empty set takes a table of the same size slot for slot.
    void set_copy_table(ObjId dst, ObjId src);
    void set_swap_contents(ObjId a, ObjId b);              // set_swap_bodies
    // instances: attributes live in the 3.11 values array, or in a dict
    bool instance_setattr(ObjId instance, std::string_view name, ObjId value);
    bool instance_delattr(ObjId instance, std::string_view name);
    ObjId instance_getattr(ObjId instance, std::string_view name) const;  // borrowed; kNull
    ObjId instance_dict(ObjId instance);               // __dict__ (materialised); borrowed
    void slot_set(ObjId instance, std::uint32_t slot, ObjId value);
    // cells and any object's generic reference slots (functions, classes, methods)
    void cell_set(ObjId cell, ObjId value);
    void append_ref(ObjId owner, ObjId target);
    void set_ref(ObjId owner, std::size_t index, ObjId target);

    const ClassInfo& class_info(ObjId cls) const { return classes_->at(cls); }
    bool is_heap_class(ObjId cls) const { return classes_->count(cls) != 0; }
    void set_class_has_finalizer(ObjId cls, bool on) { classes_.mut().at(cls).has_finalizer = on; }
    ObjId weakref_target(ObjId weakref) const { return weak_target_.at(weakref); }

    // What Python shows.
    Address id_of(ObjId id) const;                     // id(x): the object's address
    std::size_t getsizeof(ObjId id) const;             // sys.getsizeof
    std::int64_t refcount(ObjId id) const { return get(id).refcnt; }

    // sys._debugmallocstats(): the allocator's report followed by the free-list lines.
    std::string debug_malloc_stats() const;
    const FreeLists& free_lists() const { return free_lists_; }
    void clear_free_lists();                           // what a full collection does
    // Start-up state: makes the free list `kind` (tuple `length`) hold `count` blocks, as an
    // interpreter's start-up leaves them (spec §11.5): fresh allocator blocks are added (owned by
    // no object, not counted by the collector), or the most recent ones freed.
    void set_free_list_size(FreeListKind kind, std::uint32_t length, std::size_t count);

    void check_invariants() const;

    // --- used by the collector ------------------------------------------------------------
    // Whether a GC object may be tracked (_PyObject_GC_MAY_BE_TRACKED).
    bool may_be_tracked(ObjId id) const;
    void track(ObjId id);
    void untrack(ObjId id);
    // tp_clear: drop the references a container holds (no-op for types without one).
    void clear_refs(ObjId id);
    // Clear the weakrefs to `id`; returns the weakrefs that were cleared, in list order.
    std::vector<ObjId> clear_weakrefs(ObjId id);
    // A weakref forgets its referent (_PyWeakref_ClearRef); its callback stays.
    void detach_weakref(ObjId weakref);
    bool has_finalizer(ObjId id) const;                // an instance whose class has __del__
    void run_finalizer(ObjId id);                      // sets kFinalized, calls the hook

private:
    friend class HeapChecker;
    // creation helpers
    ObjId new_slot();
    ObjId make_static(Type type, std::uint32_t size);
    ObjId finish_new(ObjId id, Type type, Address addr, std::uint32_t request, bool gc);
    Address gc_malloc(std::uint32_t request, bool& from_gc_alloc);
    ObjId alloc_object(Type type, std::uint32_t request, FreeListKind freelist = FreeListKind::none,
                       std::uint32_t freelist_index = 0);
    void add_edge(ObjId target);                       // a container took a reference
    void drop_edge(ObjId target);                      // a container let one go
    void notify(ObjectEventKind kind, ObjId id);
    // After a dict's entries changed (before anything they held is released).
    void dict_changed(const Object& d) {
        if (d.flags & kTypeDict) ++type_dict_changes_;
    }
    void after_op() const;
    [[noreturn, gnu::noinline]] static void fail_check(const char* what);
    [[gnu::noinline]] void after_decref(ObjId id);   // the count reached 0, or checks are on
    // buffers
    bool list_resize(ObjId list, std::size_t newsize);
    bool dict_resize(ObjId dict, std::uint32_t min_slots, bool unicode);
    bool dict_alloc_keys(Object& d, std::uint32_t slots, bool unicode);
    void dict_free_keys(Object& d);
    bool set_resize(ObjId set, std::size_t minused);
    void dict_build_index(Object& d);
    std::size_t dict_free_slot(const Object& d, std::int64_t hash) const;
    void set_insert_clean(Object& s, ObjId key, std::int64_t hash);
    bool values_alloc(ObjId instance, std::uint32_t slots);
    bool materialize_combined_dict(ObjId instance);
    // slots 0: sized by GROWTH_RATE (insertion_resize); else that many (dictresize).
    bool dict_unsplit(ObjId dict, std::uint32_t slots = 0);
    bool insert_attributes(ObjId dict, ObjId cls, const std::vector<ObjId>& values,
                           const std::vector<std::int32_t>& order);
    void release_keys_table(Address keys, std::uint32_t slots, bool unicode);
    std::optional<std::size_t> attr_index(ObjId cls, std::string_view name) const;
    bool equal_keys(ObjId a, ObjId b) const;
    void maintain_dict_tracking(ObjId dict, ObjId key, ObjId value);
    // deallocation (heap_dealloc.cpp): tp_dealloc as a list of steps per dying object
    struct DeallocStep {
        enum Kind : std::uint8_t { decref, free_items, free_keys, free_object } kind;
        ObjId target;
    };
    // A dying object's steps are dealloc_steps_[first, end), the next to run at `next`.
    // Frames nest like calls: a frame's steps lie above those of the frames below it, and the
    // top frame's end is the end of dealloc_steps_.
    struct DeallocFrame {
        ObjId id;
        std::size_t first, next, end;
    };
    void dealloc_chain(ObjId first);
    void begin_dealloc(ObjId id);          // finalizer, untrack, weakrefs; pushes the frame
    void free_items(ObjId id);
    void free_keys(ObjId id);
    void free_object(ObjId id);

    const Profile& profile_;
    alloc::Allocator& allocator_;
    HeapOptions options_;
    std::unique_ptr<gc::Collector> gc_;
    HeapHooks* hooks_ = nullptr;
    ObjectObserver* observer_ = nullptr;

    // Object storage: the table in chunks of kChunkSize objects, shared copy-on-write with
    // the heap's copies (checkpoints of a trace). The first access to a chunk another heap
    // also holds, read or write, gives this heap a private copy of it, so every reference a
    // heap hands out points into a chunk of its own; no other heap's change is ever seen.
    // Growing the table never moves objects, so a view of an object's text stays valid while
    // objects are allocated (new_str of another str's text).
    static constexpr unsigned kChunkShift = 3;
    static constexpr std::size_t kChunkSize = std::size_t{1} << kChunkShift;
    static constexpr std::size_t kChunkMask = kChunkSize - 1;
    struct ObjectChunk {
        std::array<Object, kChunkSize> items;
    };
    // A chunk and what its objects' vectors and strings hold on the host heap.
    static std::size_t chunk_bytes(const ObjectChunk& chunk);
    ObjectChunk& own_chunk(std::size_t index) const {
        std::shared_ptr<ObjectChunk>& chunk = chunks_[index];
        if (chunk.use_count() > 1) [[unlikely]] copy_chunk(chunk);
        return *chunk;
    }
    [[gnu::noinline]] static void copy_chunk(std::shared_ptr<ObjectChunk>& chunk) {
        chunk = std::make_shared<ObjectChunk>(*chunk);
    }
    mutable std::vector<std::shared_ptr<ObjectChunk>> chunks_;   // mutable: copy-on-read
    mutable bool copy_on_read_ = true;                           // see ReadOnlyScope
    mutable bool shared_ = false;   // a copy was made of this heap, or it is one: chunks may be shared
    std::size_t table_size_ = 0;
    std::vector<ObjId> free_ids_;
    std::uint64_t next_serial_ = 1;
    std::uint64_t refcount_changes_ = 0;
    std::uint64_t type_dict_changes_ = 0;
    std::uint64_t count_from_serial_ = ~std::uint64_t{0};   // see count_live_after
    std::size_t live_counted_ = 0;
    std::size_t live_count_ = 0;
    FreeLists free_lists_;
    bool deallocating_ = false;
    std::vector<DeallocFrame> dealloc_stack_;
    std::vector<DeallocStep> dealloc_steps_;

    ObjId none_ = kNull, true_ = kNull, false_ = kNull, empty_str_ = kNull,
          empty_tuple_ = kNull, empty_bytes_ = kNull;
    std::vector<ObjId> small_ints_;                    // index value - small_int_min
    std::vector<ObjId> latin1_chars_;                  // 256 one-character strings
    Address next_static_address_ = 0;
    // Shared with the heap's copies until changed (copy_on_write.hpp).
    CopyOnWrite<std::unordered_map<std::string, ObjId>> interned_;
    CopyOnWrite<std::unordered_map<ObjId, ClassInfo>> classes_;
    std::unordered_map<ObjId, ObjId> weak_target_;     // weakref -> referent (kNull: dead)
};

}  // namespace refscope::object
