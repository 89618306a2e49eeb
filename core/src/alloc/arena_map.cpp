// alloc/arena_map.cpp — the 3-level arena radix tree (see arena_map.hpp).
#include "alloc/arena_map.hpp"

#include <algorithm>
#include <unordered_map>

#include "alloc/system_malloc.hpp"
#include "refscope/errors.hpp"

namespace refscope::alloc {

ArenaRadixTree::ArenaRadixTree(unsigned arena_bits)
    : arena_bits_(arena_bits),
      bot_bits_(64 - kTopBits - kMidBits - arena_bits),
      mid_shift_(64 - kTopBits - kMidBits),
      arena_mask_((Address{1} << arena_bits) - 1),
      root_(std::size_t{1} << kTopBits, nullptr) {}

ArenaRadixTree::ArenaRadixTree(const ArenaRadixTree& other)
    : arena_bits_(other.arena_bits_),
      bot_bits_(other.bot_bits_),
      mid_shift_(other.mid_shift_),
      arena_mask_(other.arena_mask_),
      root_(other.root_.size(), nullptr),
      marked_fields_(other.marked_fields_) {
    // The same nodes at the same simulated addresses; the links point at this tree's copies.
    std::unordered_map<const Leaf*, Leaf*> bot_copy;
    for (const BotNode& b : other.bots_) {
        const std::size_t n = std::size_t{1} << bot_bits_;
        bots_.push_back(BotNode{b.address, std::make_unique<Leaf[]>(n)});
        std::copy_n(b.leaves.get(), n, bots_.back().leaves.get());
        bot_copy[b.leaves.get()] = bots_.back().leaves.get();
    }
    std::unordered_map<Leaf* const*, Leaf**> mid_copy;
    for (const MidNode& m : other.mids_) {
        const std::size_t n = std::size_t{1} << kMidBits;
        mids_.push_back(MidNode{m.address, std::make_unique<Leaf*[]>(n)});
        for (std::size_t i = 0; i < n; ++i)
            mids_.back().children[i] = m.children[i] ? bot_copy.at(m.children[i]) : nullptr;
        mid_copy[m.children.get()] = mids_.back().children.get();
    }
    for (std::size_t i = 0; i < root_.size(); ++i)
        if (other.root_[i]) root_[i] = mid_copy.at(other.root_[i]);
}

ArenaRadixTree::~ArenaRadixTree() = default;

ArenaRadixTree::Leaf* ArenaRadixTree::leaf_for(Address p, bool create, SystemMalloc& raw) {
    Leaf**& mid = root_[p >> (64 - kTopBits)];
    if (mid == nullptr) {
        if (!create) return nullptr;
        const Address at = raw.calloc(mid_bytes(), Domain::raw, RawOrigin::pymalloc);
        if (at == 0) return nullptr;
        mids_.push_back(MidNode{at, std::make_unique<Leaf*[]>(std::size_t{1} << kMidBits)});
        mid = mids_.back().children.get();
    }
    Leaf*& bot = mid[(p >> mid_shift_) & ((1u << kMidBits) - 1)];
    if (bot == nullptr) {
        if (!create) return nullptr;
        const Address at = raw.calloc(bot_bytes(), Domain::raw, RawOrigin::pymalloc);
        if (at == 0) return nullptr;
        bots_.push_back(BotNode{at, std::make_unique<Leaf[]>(std::size_t{1} << bot_bits_)});
        bot = bots_.back().leaves.get();
    }
    return &bot[(p >> arena_bits_) & ((1u << bot_bits_) - 1)];
}

void ArenaRadixTree::set_field(std::int32_t& field, std::int32_t value) {
    if (field != 0) --marked_fields_;
    if (value != 0) ++marked_fields_;
    field = value;
}

bool ArenaRadixTree::mark_used(Address base, bool used, SystemMalloc& raw) {
    Leaf* hi = leaf_for(base, used, raw);
    if (hi == nullptr) {
        REFSCOPE_CHECK(used, "arena map: unmarking an arena that was never marked");
        return false;
    }
    const auto tail = static_cast<std::int32_t>(base & arena_mask_);
    if (tail == 0) {   // an ideal (aligned) arena owns its whole slot
        set_field(hi->tail_hi, used ? -1 : 0);
        return true;
    }
    set_field(hi->tail_hi, used ? tail : 0);
    // The arena runs on into the next ideal slot, whose nodes may differ.
    Leaf* lo = leaf_for(base + arena_mask_ + 1, used, raw);
    if (lo == nullptr) {
        REFSCOPE_CHECK(used, "arena map: unmarking an arena that was never marked");
        set_field(hi->tail_hi, 0);
        return false;
    }
    set_field(lo->tail_lo, used ? tail : 0);
    return true;
}

void ArenaRadixTree::check_arena(Address base) const {
    const Leaf* hi = find_leaf(base);
    const auto tail = static_cast<std::int32_t>(base & arena_mask_);
    REFSCOPE_CHECK(hi != nullptr && hi->tail_hi == (tail == 0 ? -1 : tail),
                   "arena map 1: a live arena's tail_hi mark is wrong");
    if (tail == 0) return;
    const Leaf* lo = find_leaf(base + arena_mask_ + 1);
    REFSCOPE_CHECK(lo != nullptr && lo->tail_lo == tail,
                   "arena map 1: a live arena's tail_lo mark is wrong");
}

}  // namespace refscope::alloc
