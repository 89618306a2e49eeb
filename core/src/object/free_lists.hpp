// object/free_lists.hpp — the per-type free lists that hide allocations (spec §11.5).
//
// Models the 3.11 free lists of Objects/listobject.c, dictobject.c (objects and 8-slot
// str-keys tables), floatobject.c and tupleobject.c (one list per length 1..20). A block on a
// free list stays allocated in pymalloc and belongs to no object; reusing it calls neither the
// allocator nor the collector's count. A full collection empties them all.
//
// Invariants:
//   1. Each list holds at most its profile maximum, and no address twice.
//   2. Every address is a live allocator block of the size its kind needs.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "alloc/allocator.hpp"
#include "refscope/profile.hpp"

namespace refscope::object {

enum class FreeListKind : std::uint8_t { none, list, dict, dict_keys, float_, tuple };

class FreeLists {
public:
    explicit FreeLists(const ObjectLayout& layout) : layout_(layout) {}

    // Take a block (LIFO); `length` selects the tuple list (1..20).
    std::optional<alloc::Address> pop(FreeListKind kind, std::uint32_t length = 0);
    // Keep a block for reuse; false when that list is full (the caller frees the block).
    bool push(FreeListKind kind, alloc::Address block, std::uint32_t length = 0);
    void clear(alloc::Allocator& allocator);   // free every kept block
    std::size_t size(FreeListKind kind, std::uint32_t length = 0) const;
    // Every kept block, for the checkers.
    std::vector<alloc::Address> all() const;
    // The `N free PyXObjects * S bytes each = T` lines of sys._debugmallocstats().
    std::string report() const;

private:
    std::vector<alloc::Address>* list_for(FreeListKind kind, std::uint32_t length);
    const std::vector<alloc::Address>* list_for(FreeListKind kind, std::uint32_t length) const;
    std::size_t max_for(FreeListKind kind) const;

    const ObjectLayout& layout_;
    std::vector<alloc::Address> lists_, dicts_, dict_keys_, floats_;
    std::array<std::vector<alloc::Address>, 20> tuples_;   // index = length - 1
};

// printone() of Objects/obmalloc.c: label padded to 35 columns, '=', the value right-justified
// in 21 columns with thousands separators, newline.
std::string printone(const std::string& label, std::uint64_t value);

}  // namespace refscope::object
