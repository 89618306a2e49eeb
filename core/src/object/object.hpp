// object/object.hpp — one simulated CPython object: header, GC header and payload.
//
// Models: Include/object.h (ob_refcnt, ob_type), Include/internal/pycore_gc.h (PyGC_Head:
// _gc_next/_gc_prev with the FINALIZED and COLLECTING bits, gc_refs during a collection), CPython
// 3.11. The payload keeps what the memory model needs (the references an object holds, its
// separately allocated buffers) plus a value summary for the interpreter and the front end.
//
// Glossary:
//   ObjId      index of an object in the Heap's table; 0 is NULL. Ids 1..kFirstObjectId-1 are
//              the heads of the collector's lists. A slot is reused after its object is freed;
//              `serial` is unique for the life of a Heap.
//   refs       the strong references this object holds, in tp_traverse order (list items,
//              dict keys and values, an instance's class then its attribute values, ...).
//   base       references the model cannot see (interpreter internals; the 999,999,999 start
//              of 3.11's statically allocated objects).
//   external   references held by the host: names, the value stack, the caller of the API.
//
// Invariants (Heap::check_invariants):
//   1. refcnt == base + external + (number of slots in the refs of live objects naming it).
//   2. A live object that is not static has a block: addr != 0, and the allocator agrees that a
//      block of `request` bytes lives there (or the object came from a free list, same block).
//   3. gc_state is untracked for non-GC types and for static objects; a tracked object is on
//      exactly the collector list of its generation.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "alloc/allocator.hpp"

namespace refscope::object {

using ObjId = std::uint32_t;
using alloc::Address;

inline constexpr ObjId kNull = 0;
inline constexpr ObjId kFirstObjectId = 16;   // 1..15: collector list heads

enum class Type : std::uint8_t {
    none_type, bool_type, int_type, float_type, str, bytes, tuple, list, dict, set, frozenset,
    object, instance, slots_instance, type, cell, function, method, weakref, range,
    gc_list_head,   // sentinel of a collector list (not a Python object)
    // Objects the interpreter needs (refscope::lang). `subkind` tells apart the Python types
    // that share one layout (list_iterator and tuple_iterator, dict_keys and dict_items, ...).
    code,               // PyCodeObject (not GC in 3.11)
    module,             // PyModuleObject: refs = [md_dict]
    builtin_function,   // PyCFunctionObject: builtins and bound builtin methods; refs = [m_self]
    method_descriptor,  // PyMethodDescrObject and slot wrappers of builtin types
    iterator,           // list/tuple/range/str/dict/set iterators, enumerate, zip, map, ...
    generator,          // PyGenObject: refs = the suspended frame's references, then code/names
    slice,              // PySliceObject: refs = [start, stop, step]
    exception,          // PyBaseExceptionObject: refs = [class, dict, args, notes, traceback,
                        //   cause, context]
    traceback,          // PyTracebackObject: refs = [tb_next, tb_frame]
    frame,              // PyFrameObject: refs = [f_back, then the frame's data once it owns it]
    property, staticmethod, classmethod, super_object,
    dict_view,          // dict_keys / dict_values / dict_items: refs = [dict]
    getset_descriptor, member_descriptor,
    ellipsis, not_implemented,
    complex_type, bytearray,
};

// Where an object stands with the collector. Generations 0..2 and permanent are lists.
enum class GcState : std::uint8_t { untracked = 0, gen0, gen1, gen2, permanent, collecting };

enum ObjectFlag : std::uint8_t {
    kStatic = 1 << 0,       // statically allocated (no block, never freed)
    kFinalized = 1 << 1,    // PyGC_Head FINALIZED bit: tp_finalize already ran
    kInterned = 1 << 2,     // str in the interned table
    kLive = 1 << 3,         // slot holds a live object
    kUnreachable = 1 << 4,  // in the collector's unreachable list (NEXT_MASK_UNREACHABLE)
    kFromFreelist = 1 << 5, // its block was taken from a free list
    kHasFinalizer = 1 << 6, // has a tp_finalize of its own (a generator that may need closing)
    kTypeDict = 1 << 7,     // a class's namespace dict (see Heap::type_dict_changes)
};

// What the interpreter attaches to an object: data the memory model does not interpret (a
// code object's instructions, a class's method table, a suspended frame's layout). A payload
// never holds references: every reference an object holds is in `refs`. It dies with the
// object's slot.
struct Payload {
    virtual ~Payload() = default;
};

// Set tables keep their slots in `refs` (kNull for an empty or dummy slot) with the hash of
// each slot in `hashes`; a dummy slot has hash kDummyHash (CPython: key == dummy, hash -1).
inline constexpr std::int64_t kDummyHash = -1;

// Separately allocated buffers that grow with an object (spec §11).
struct Buffers {
    Address items = 0;            // list item array / set table / 3.11 instance values array
    std::uint32_t items_request = 0;
    std::uint32_t capacity = 0;   // list allocated slots; set table slots; values slots
    Address keys = 0;             // dict keys table (0: the static empty keys object)
    std::uint32_t keys_request = 0;
};

// Dict keys-table state (Objects/dictobject.c): 2^log2 slots, entries appended in order,
// deleted entries leave dummies until the next resize. Sets reuse it: slots = table size
// (8 = the inline smalltable), nentries = fill (live + dummy), used = live entries.
struct DictTable {
    std::uint32_t slots = 0;      // dk_size (0: shared empty keys)
    std::uint32_t usable = 0;     // dk_usable: entries that may still be appended
    std::uint32_t nentries = 0;   // dk_nentries: entries appended, including dummies
    std::uint32_t used = 0;       // ma_used: live entries
    bool unicode = true;          // all keys exact str (16-byte entries in 3.11)
    // Dicts: dk_indices (-1 empty, -2 dummy, else an entry index); sets: unused. Split dicts
    // and 3.11 instances with inline values: the values' insertion order instead (indices of
    // the set values, oldest first: the prefix CPython 3.11 keeps before a values array).
    std::vector<std::int32_t> index;
    // 3.11 split dict (a materialised instance __dict__): values in buf.items, one per name
    // of this class's shared keys; refs hold the values only.
    ObjId split_class = 0;
    std::uint32_t finger = 0;     // sets: where set.pop() looks next
};

struct Object {
    Type type = Type::object;
    GcState gc_state = GcState::untracked;
    std::uint8_t flags = 0;
    std::uint32_t request = 0;    // bytes requested for the object's own block
    Address addr = 0;             // block address (start of the GC pre-header)
    std::uint64_t serial = 0;
    std::int64_t refcnt = 0;
    std::int64_t base = 0;
    std::int64_t external = 0;
    // PyGC_Head: links of the collector list the object is on; gc_refs during a collection.
    ObjId gc_prev = kNull, gc_next = kNull;
    std::int64_t gc_refs = 0;

    std::vector<ObjId> refs;      // strong references (see glossary)
    std::vector<ObjId> weakrefs;  // weakref objects pointing here (the weakref list)
    // Dicts: me_hash of each entry (parallel to the entries in refs); sets: the hash of each
    // table slot (parallel to refs). Empty otherwise.
    std::vector<std::int64_t> hashes;
    std::shared_ptr<Payload> payload;
    std::int64_t hash_cache = -1; // str/bytes: the cached hash (-1: not computed)
    Buffers buf;
    DictTable dict;               // dict and set
    // value summary
    std::int64_t ival = 0;        // int (when it fits), bool, tuple/str length caches
    double fval = 0;
    std::string text;             // str/bytes contents, big-int digits, names
    std::uint32_t ndigits = 0;    // int: number of 30-bit digits
    std::uint8_t str_kind = 1;    // str: 1, 2 or 4 bytes per character
    bool is_ascii = true;
    std::uint8_t subkind = 0;     // interpreter types sharing a layout (see Type)

    bool live() const { return flags & kLive; }
    bool is_static() const { return flags & kStatic; }
    bool tracked() const { return gc_state != GcState::untracked; }
};

const char* type_name(Type t);
// Types whose instances carry a PyGC_Head (Py_TPFLAGS_HAVE_GC).
bool is_gc_type(Type t);
// Types with a tp_clear slot (tuples and bound methods have none: the collector cannot break
// a cycle through them alone).
bool has_tp_clear(Type t);

}  // namespace refscope::object
