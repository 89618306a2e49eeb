// alloc/arena_map.hpp — "is this address pymalloc's?" (address_in_range, spec §8).
//
// Models: Objects/obmalloc.c address_in_range, two generations of it.
//
// Classic (CPython <= 3.9, no radix tree): read the `arenaindex` field of the pool header that
// would own p (the pool-aligned address below p) and trust it only if it names a live arena
// that contains p: arenaindex < maxarenas, arenas[arenaindex].address != 0 and
// p - arenas[arenaindex].address < ARENA_SIZE (unsigned). The header read may touch memory that
// is not pymalloc's — by design; the range test makes the answer right anyway.
//
// Radix tree (CPython 3.10+, WITH_PYMALLOC_RADIX_TREE; 3.11 64-bit layout): a 3-level tree over
// the 64 address bits, no bits ignored:
//     | 15 top bits | 15 mid bits | 14 bottom bits | 20 arena bits |
// The root is static (2^15 pointers = 262,144 bytes); a mid node (2^15 pointers, 262,144 bytes)
// and a bottom node (2^14 leaves of two int32, 131,072 bytes) are calloc'd from the raw layer
// the first time an arena needs them, and never freed. An "ideal" arena slot is an
// ARENA_SIZE-aligned range; an unaligned arena straddles two of them, so each leaf holds
//     tail_hi  offset where an arena starting in this slot begins (-1: an aligned arena owns it)
//     tail_lo  offset where an arena that started in the previous slot ends
// and p (at offset `tail` in its ideal slot) is pymalloc's iff
//     tail < tail_lo  or  (tail >= tail_hi and tail_hi != 0).
//
// Glossary:
//   ideal slot  an ARENA_SIZE-aligned, ARENA_SIZE-long address range
//   tail        p's offset within its ideal slot (p & ARENA_SIZE_MASK)
//   mid / bot   the interior nodes, counted by _debugmallocstats ("# arena map mid nodes")
//
// Invariants (ArenaRadixTree::check_arena, marked_fields):
//   1. For every live arena, the leaf of its base's ideal slot has tail_hi = its tail (-1 when
//      aligned), and when unaligned the next ideal slot's leaf has tail_lo = its tail.
//   2. No other leaf field is non-zero: marked_fields() equals 1 per aligned and 2 per unaligned
//      live arena.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "alloc/allocator.hpp"

namespace refscope::alloc {

class SystemMalloc;

// The classic test. `arenaindex` is what the would-be pool header of p holds; `arena_address`
// maps a slot below maxarenas to its arena base (0 when the slot is unused).
template <class ArenaAddressOf>
bool classic_address_in_range(Address p, std::uint32_t arenaindex, std::uint32_t maxarenas,
                              std::uint64_t arena_size, const ArenaAddressOf& arena_address) {
    if (arenaindex >= maxarenas) return false;
    const Address base = arena_address(arenaindex);
    return base != 0 && p - base < arena_size;
}

class ArenaRadixTree {
public:
    static constexpr unsigned kTopBits = 15;
    static constexpr unsigned kMidBits = 15;

    explicit ArenaRadixTree(unsigned arena_bits);
    ~ArenaRadixTree();
    ArenaRadixTree(const ArenaRadixTree& other);   // a deep copy (nodes and marks)
    ArenaRadixTree& operator=(const ArenaRadixTree&) = delete;

    // arena_map_mark_used: record (used) or erase the arena at `base`. Recording may allocate
    // nodes, through `raw` (PyMem_RawCalloc), where they stay; false when that failed (memory
    // limit), with nothing recorded.
    bool mark_used(Address base, bool used, SystemMalloc& raw);

    bool contains(Address p) const {
        const Leaf* leaf = find_leaf(p);
        if (leaf == nullptr) return false;
        const auto tail = static_cast<std::int32_t>(p & arena_mask_);
        return tail < leaf->tail_lo || (tail >= leaf->tail_hi && leaf->tail_hi != 0);
    }

    std::uint64_t mid_count() const { return mids_.size(); }
    std::uint64_t bot_count() const { return bots_.size(); }
    static constexpr std::uint64_t root_bytes() { return (std::uint64_t{1} << kTopBits) * 8; }
    static constexpr std::uint64_t mid_bytes() { return (std::uint64_t{1} << kMidBits) * 8; }
    std::uint64_t bot_bytes() const { return (std::uint64_t{1} << bot_bits_) * 8; }

    // Invariant 1 for one live arena; throws InvariantError.
    void check_arena(Address base) const;
    std::uint64_t marked_fields() const { return marked_fields_; }

private:
    struct Leaf {
        std::int32_t tail_hi = 0;
        std::int32_t tail_lo = 0;
    };
    struct MidNode {
        Address address;                       // where the raw layer put it
        std::unique_ptr<Leaf*[]> children;
    };
    struct BotNode {
        Address address;
        std::unique_ptr<Leaf[]> leaves;
    };

    // arena_map_get: the leaf for p, creating nodes when `create`; nullptr when absent or when
    // a node could not be allocated.
    Leaf* leaf_for(Address p, bool create, SystemMalloc& raw);
    // The leaf for p without creating anything; nullptr when its nodes do not exist.
    const Leaf* find_leaf(Address p) const {
        const Leaf* const* mid = root_[p >> (64 - kTopBits)];
        if (mid == nullptr) return nullptr;
        const Leaf* bot = mid[(p >> mid_shift_) & ((1u << kMidBits) - 1)];
        return bot == nullptr ? nullptr : &bot[(p >> arena_bits_) & ((1u << bot_bits_) - 1)];
    }
    void set_field(std::int32_t& field, std::int32_t value);

    unsigned arena_bits_, bot_bits_, mid_shift_;
    Address arena_mask_;
    std::vector<Leaf**> root_;                 // 2^15 entries: a mid node's children, or null
    std::vector<MidNode> mids_;
    std::vector<BotNode> bots_;
    std::uint64_t marked_fields_ = 0;
};

}  // namespace refscope::alloc
