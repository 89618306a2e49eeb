// profile.cpp — the data of the two profiles (spec §2, §10, §11.5, §12.2, §13.2).
#include "refscope/profile.hpp"

namespace refscope {
namespace {

constexpr AllocatorProfile kAlloc311{
    .alignment_shift = 4,
    .small_request_threshold = 512,
    .pool_bits = 14,
    .arena_bits = 20,
    .pool_overhead = 48,
    .initial_arena_objects = 16,
    .radix_tree = true,
    .nfp2lasta = true,
    .keep_one_free_arena = true,
};

constexpr AllocatorProfile kAllocClassic{
    .alignment_shift = 3,
    .small_request_threshold = 512,
    .pool_bits = 12,
    .arena_bits = 18,
    .pool_overhead = 48,
    .initial_arena_objects = 16,
    .radix_tree = false,
    .nfp2lasta = false,
    .keep_one_free_arena = false,
};

constexpr bool well_formed(const AllocatorProfile& a) {
    return a.arena_size() == 64 * a.pool_size() && a.pool_overhead % a.alignment() == 0 &&
           a.nclasses() * a.alignment() == a.small_request_threshold;
}
static_assert(well_formed(kAlloc311) && well_formed(kAllocClassic));
static_assert(kAlloc311.nclasses() == 32 && kAllocClassic.nclasses() == 64);
static_assert(kAlloc311.blocks_per_pool(0) == 1021 && kAlloc311.blocks_per_pool(31) == 31);
static_assert(kAllocClassic.blocks_per_pool(0) == 506 && kAllocClassic.blocks_per_pool(63) == 7);

// 64-bit CPython 3.11.7, measured (spec §10.2).
constexpr ObjectLayout kObjects311{
    .object_base = 16,
    .var_base = 24,
    .int_header = 24,
    .float_size = 24,
    .complex_size = 32,
    .str_ascii_header = 48,
    .str_compact_header = 72,
    .bytes_header = 33,
    .tuple_base = 24,
    .list_base = 40,
    .dict_base = 48,
    .set_base = 200,
    .function_base = 136,
    .method_base = 48,
    .cell_base = 24,
    .instance_base = 40,      // 24 + the 16-byte managed-dict pre-header
    .range_size = 48,
    .heap_type_base = 944,
    .weakref_base = 64,
    .object_size = 16,
    .managed_dict = true,
    .empty_dict_has_table = false,
    .dict_keys_header = 32,
    .dict_entry_str = 16,
    .dict_entry_general = 24,
    .growth_rules_v37 = 0,
    .list_freelist_max = 80,
    .dict_freelist_max = 80,
    .dict_keys_freelist_max = 80,
    .float_freelist_max = 100,
    .tuple_freelist_max = 2000,
    .tuple_freelist_lengths = 20,
    .small_int_min = -5,
    .small_int_max = 256,
    .static_refcnt = 999'999'999,
};

// 64-bit CPython <= 3.7.3 (spec §10.1 for the GC head; 3.7 struct sizes).
constexpr ObjectLayout kObjectsClassic{
    .object_base = 16,
    .var_base = 24,
    .int_header = 24,
    .float_size = 24,
    .complex_size = 32,
    .str_ascii_header = 48,
    .str_compact_header = 72,
    .bytes_header = 33,
    .tuple_base = 24,
    .list_base = 40,
    .dict_base = 48,
    .set_base = 200,
    .function_base = 112,
    .method_base = 40,
    .cell_base = 24,
    .instance_base = 32,      // dict pointer + weaklist pointer
    .range_size = 48,
    .heap_type_base = 904,
    .weakref_base = 56,
    .object_size = 16,
    .managed_dict = false,
    .empty_dict_has_table = true,
    .dict_keys_header = 40,
    .dict_entry_str = 24,
    .dict_entry_general = 24,
    .growth_rules_v37 = 1,
    .list_freelist_max = 80,
    .dict_freelist_max = 80,
    .dict_keys_freelist_max = 80,
    .float_freelist_max = 100,
    .tuple_freelist_max = 2000,
    .tuple_freelist_lengths = 20,
    .small_int_min = -5,
    .small_int_max = 256,
    .static_refcnt = 0,       // no static objects: everything is counted from 1
};

constexpr Profile k311{
    .id = ProfileId::cpython_3_11,
    .name = "3.11",
    .description = "64-bit CPython 3.11: 16-byte classes, 16 KiB pools, 1 MiB arenas",
    .alloc = kAlloc311,
    .gc = {.gc_head_size = 16, .thresholds = {700, 10, 10}},
    .objects = kObjects311,
};

constexpr Profile kClassic{
    .id = ProfileId::classic,
    .name = "classic",
    .description = "the classic model (64-bit CPython <= 3.7.3): 8-byte classes, 4 KiB pools, "
                   "256 KiB arenas",
    .alloc = kAllocClassic,
    .gc = {.gc_head_size = 24, .thresholds = {700, 10, 10}},
    .objects = kObjectsClassic,
};

}  // namespace

const Profile& profile(ProfileId id) {
    return id == ProfileId::classic ? kClassic : k311;
}

std::optional<ProfileId> parse_profile(std::string_view name) {
    if (name == "3.11") return ProfileId::cpython_3_11;
    if (name == "classic") return ProfileId::classic;
    return std::nullopt;
}

}  // namespace refscope
