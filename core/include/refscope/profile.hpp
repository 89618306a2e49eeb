// refscope/profile.hpp — which CPython the simulation reproduces.
//
// A profile is data, not scattered `if`s: every constant and rule that differs between the
// CPython builds we model lives here, and the allocator, object model and collector read it.
//
// Profiles (spec §2, §10, §13):
//   cpython_3_11  64-bit CPython 3.11 (the default, checked against the python3 on our machines):
//                 16-byte size classes (32 of them), 16 KiB pools, 1 MiB arenas, radix-tree arena
//                 map, nfp2lasta fingers, keep-one-free-arena rule, 16-byte PyGC_Head.
//   classic       the model popular articles describe = 64-bit CPython <= 3.7.3: 8-byte classes
//                 (64 of them), 4 KiB pools, 256 KiB arenas, linear re-sorting of usable_arenas,
//                 every wholly free arena returned, 24-byte PyGC_Head.
//
// Invariants (checked by static_asserts in profile.cpp and by tests):
//   1. pool_size() and arena_size() are powers of two; arena_size() == 64 * pool_size().
//   2. pool_overhead is a multiple of alignment(); nclasses() * alignment() == 512.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace refscope {

enum class ProfileId : std::uint8_t { cpython_3_11, classic };

// pymalloc's compile-time constants (spec §2).
struct AllocatorProfile {
    unsigned alignment_shift;                // ALIGNMENT_SHIFT: 4 -> 16-byte classes, 3 -> 8-byte
    std::uint32_t small_request_threshold;   // SMALL_REQUEST_THRESHOLD (512)
    unsigned pool_bits;                      // 14 -> 16 KiB pools, 12 -> 4 KiB
    unsigned arena_bits;                     // 20 -> 1 MiB arenas, 18 -> 256 KiB
    std::uint32_t pool_overhead;             // POOL_OVERHEAD: pool_header rounded up (48)
    std::uint32_t initial_arena_objects;     // INITIAL_ARENA_OBJECTS (16)
    bool radix_tree;                         // WITH_PYMALLOC_RADIX_TREE (3.10+)
    bool nfp2lasta;                          // usable_arenas re-sorted with fingers (3.8+)
    bool keep_one_free_arena;                // bpo-37257 (3.9+)

    constexpr std::uint32_t alignment() const { return 1u << alignment_shift; }
    constexpr std::uint32_t pool_size() const { return 1u << pool_bits; }
    constexpr std::uint32_t arena_size() const { return 1u << arena_bits; }
    constexpr std::uint32_t max_pools_in_arena() const { return arena_size() / pool_size(); }
    constexpr std::uint32_t nclasses() const { return small_request_threshold >> alignment_shift; }
    // INDEX2SIZE
    constexpr std::uint32_t block_size(std::uint32_t szidx) const {
        return (szidx + 1) << alignment_shift;
    }
    // size class of a request 1..512: (n - 1) >> ALIGNMENT_SHIFT
    constexpr std::uint32_t size_class(std::uint32_t nbytes) const {
        return (nbytes - 1) >> alignment_shift;
    }
    // NUMBLOCKS
    constexpr std::uint32_t blocks_per_pool(std::uint32_t szidx) const {
        return (pool_size() - pool_overhead) / block_size(szidx);
    }
};

// The cyclic collector's tunables (spec §13.2).
struct GcProfile {
    std::uint32_t gc_head_size;              // sizeof(PyGC_Head): 16 (3.8+), 24 (<= 3.7.3)
    std::uint32_t thresholds[3];             // (700, 10, 10)
};

// Bytes each object type requests from the allocator, and the rules of the buffers that grow
// with it (spec §10-11). Sizes of GC types include the PyGC_Head.
struct ObjectLayout {
    std::uint32_t object_base;               // PyObject header: refcnt + type (16)
    std::uint32_t var_base;                  // PyVarObject header (24)
    // An int with n allocated 30-bit digits requests int_header + 4 * max(n, 1). How many digits
    // are allocated depends on the operation that made it: x_add allocates one more than the
    // result needs, so `i + 1000` requests 32 bytes for a 1-digit result, `int('5000')` 28.
    std::uint32_t int_header;                // offsetof(PyLongObject, ob_digit) = 24
    std::uint32_t float_size;                // 24
    std::uint32_t complex_size;              // 32
    std::uint32_t str_ascii_header;          // 48 (+ n + 1)
    std::uint32_t str_compact_header;        // 72 (+ (n + 1) * kind)
    std::uint32_t bytes_header;              // 33 (+ n)
    std::uint32_t tuple_base;                // 24 (+ 8 n), plus the GC head
    std::uint32_t list_base;                 // 40, plus the GC head
    std::uint32_t dict_base;                 // 48, plus the GC head
    std::uint32_t set_base;                  // 200, plus the GC head
    std::uint32_t function_base;             // 136 (3.11), plus the GC head
    std::uint32_t method_base;               // 48, plus the GC head
    std::uint32_t cell_base;                 // 24, plus the GC head
    std::uint32_t instance_base;             // 3.11: 24 + 16 pre-header; classic: 32 (dict ptr, weaklist)
    std::uint32_t range_size;                // 48
    std::uint32_t heap_type_base;            // PyHeapTypeObject + 1 PyMemberDef (tp_alloc of a class without __slots__): 944 (3.11), 904 (3.7)
    std::uint32_t weakref_base;              // PyWeakReference: 64 (3.11), 56 (3.7)
    std::uint32_t object_size;               // object(): 16
    bool managed_dict;                       // 3.11: instance attributes in a values array
    bool empty_dict_has_table;               // classic (3.7): `{}` allocates an 8-slot keys table
    std::uint32_t dict_keys_header;          // 32 (3.11); classic: 40 (3.7 PyDictKeysObject)
    std::uint32_t dict_entry_str;            // entry size when every key is a str: 16 (3.11), 24
    std::uint32_t dict_entry_general;        // 24
    std::uint32_t growth_rules_v37;          // 1: 3.7 list_resize and dict GROWTH_RATE; 0: 3.9+
    // free lists (spec §11.5)
    std::uint32_t list_freelist_max;         // 80
    std::uint32_t dict_freelist_max;         // 80
    std::uint32_t dict_keys_freelist_max;    // 80 (8-slot str-keys tables); 0 when absent
    std::uint32_t float_freelist_max;        // 100
    std::uint32_t tuple_freelist_max;        // 2000 per length 1..20
    std::uint32_t tuple_freelist_lengths;    // 20
    std::int32_t small_int_min, small_int_max;  // -5, 256
    std::uint64_t static_refcnt;             // 3.11: 999,999,999 for statically allocated objects
};

struct Profile {
    ProfileId id;
    std::string_view name;                   // "3.11" or "classic", as on the command line
    std::string_view description;
    AllocatorProfile alloc;
    GcProfile gc;
    ObjectLayout objects;
};

const Profile& profile(ProfileId id);
// "3.11" or "classic"; nullopt for anything else.
std::optional<ProfileId> parse_profile(std::string_view name);

}  // namespace refscope
