// alloc/address_space.hpp — the simulated operating-system address space.
//
// Models: what Linux gives a 64-bit process through mmap(2)/munmap(2)/mremap(2) and brk(2),
// reduced to what CPython's allocators observe (spec §1, §8):
//   * the mmap area: page-granular anonymous mappings placed top-down below a fixed top, each new
//     mapping in the highest hole that fits (Linux's top-down vm_unmapped_area). Holes left by
//     munmap are reused the same way.
//   * the brk heap: a low region that only grows, from which the simulated C malloc carves chunks.
//
// The top of the mmap area is page-aligned but deliberately NOT 16 KiB-aligned. Every mapping is
// a whole number of pages, so in the 3.11 profile (16 KiB pools, 1 MiB arenas) arenas come out
// unaligned: 63 usable pools and 16,384 bytes "lost to arena alignment" each, as measured on
// CPython 3.11 (spec §8). With 4 KiB pools (classic) page alignment is pool alignment, so every
// arena has 64 pools. Interleaved large mappings (radix-tree nodes, big raw chunks) shift later
// arenas by whole pages, exactly as in a real process; whether a later arena is aligned is then
// decided by the sequence of calls, deterministically.
//
// Glossary:
//   mapping    a [start, start + length) range returned by mmap; length is a page multiple
//   hole       an unmapped gap inside [kMmapFloor, kMmapTop)
//   granule    a 2^shift-byte aligned piece of the mmap area, the unit of a GranuleMap
//   budget     the simulated memory limit shared by every layer (MemoryBudget)
//
// Invariants (AddressSpace::check_invariants):
//   1. Mappings are page-aligned, non-empty, inside [kMmapFloor, kMmapTop) and pairwise disjoint.
//   2. mapped_bytes() == sum of mapping lengths + (brk - kHeapBase).
//   3. kHeapBase <= brk <= kHeapLimit, and brk is page-aligned.
#pragma once

#include <cstdint>
#include <map>
#include <vector>

#include "alloc/allocator.hpp"

namespace refscope::alloc {

// The simulated memory limit (AllocatorOptions::memory_limit). Every layer reserves the bytes it
// holds (arenas, raw chunks) before taking them and releases them when it gives them back.
class MemoryBudget {
public:
    explicit MemoryBudget(std::uint64_t limit) : limit_(limit) {}
    // false, and nothing reserved, when `bytes` more would exceed the limit.
    bool try_reserve(std::uint64_t bytes) {
        if (bytes > limit_ - used_) return false;
        used_ += bytes;
        return true;
    }
    void release(std::uint64_t bytes);
    std::uint64_t used() const { return used_; }
    std::uint64_t limit() const { return limit_; }

private:
    std::uint64_t limit_;
    std::uint64_t used_ = 0;
};

class AddressSpace {
public:
    static constexpr Address kPageSize = 4096;
    // Top of the mmap area: where Linux puts anonymous mappings of a non-randomised x86-64
    // process, just below the shared libraries. 0x...1000 mod 16 KiB: page- but not pool-aligned.
    static constexpr Address kMmapTop = 0x7ffff7c01000;
    static constexpr Address kMmapFloor = 0x600000000000;
    // Start of the brk heap, just above a PIE executable's data, and how far it may grow.
    static constexpr Address kHeapBase = 0x555555559000;
    static constexpr Address kHeapLimit = 0x5a0000000000;

    static_assert(kMmapTop % kPageSize == 0 && kMmapTop % (16 * 1024) != 0,
                  "the mmap top must be page-aligned but not 16 KiB-aligned (spec §8)");
    static_assert(kHeapBase % kPageSize == 0 && kHeapLimit < kMmapFloor);

    static constexpr std::uint64_t round_to_pages(std::uint64_t bytes) {
        return (bytes + kPageSize - 1) & ~(kPageSize - 1);
    }

    // mmap(NULL, length, ...): the highest hole that fits. 0 when none does (or length is 0).
    Address mmap(std::uint64_t length);
    // munmap(start, length): page ranges; unmapping part of a mapping splits it. Unmapping
    // pages that are not mapped is an internal error.
    void munmap(Address start, std::uint64_t length);
    // mremap(start, old, new, 0) growing in place: true when the pages right above the mapping
    // are free (they are then mapped); false and no change otherwise.
    bool grow_in_place(Address start, std::uint64_t old_length, std::uint64_t new_length);

    Address heap_base() const { return kHeapBase; }
    Address brk() const { return brk_; }
    // Moves the program break up to at least `new_end` (page-rounded). false when out of room.
    bool extend_heap(Address new_end);

    std::uint64_t mapped_bytes() const { return mapped_ + (brk_ - kHeapBase); }
    std::size_t mapping_count() const { return mappings_.size(); }
    bool is_mapped(Address start, std::uint64_t length) const;

    void check_invariants() const;

private:
    std::map<Address, std::uint64_t> mappings_;   // start -> length
    std::uint64_t mapped_ = 0;
    Address brk_ = kHeapBase;
};

// A direct-mapped table of 32-bit tags, one per 2^shift-byte granule of the mmap area, indexed
// downwards from kMmapTop so it only grows as far as mappings reach. 0 means "no tag". pymalloc
// uses one at pool granularity to find the pool header of an address in O(1).
class GranuleMap {
public:
    explicit GranuleMap(unsigned shift)
        : shift_(shift), top_((AddressSpace::kMmapTop + (Address{1} << shift) - 1) &
                              ~((Address{1} << shift) - 1)) {}

    std::uint32_t get(Address a) const {
        const Address index = (top_ - 1 - a) >> shift_;   // wraps to huge above the top
        return index < tags_.size() ? tags_[index] : 0;
    }
    void set(Address granule, std::uint32_t tag);
    std::size_t bytes() const { return tags_.size() * sizeof(std::uint32_t); }

private:
    unsigned shift_;
    Address top_;
    std::vector<std::uint32_t> tags_;
};

}  // namespace refscope::alloc
