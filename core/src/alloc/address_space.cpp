// alloc/address_space.cpp — simulated mmap area, brk heap and granule tags.
#include "alloc/address_space.hpp"

#include <iterator>

#include "refscope/errors.hpp"

namespace refscope::alloc {

void MemoryBudget::release(std::uint64_t bytes) {
    REFSCOPE_CHECK(bytes <= used_, "memory budget released more than it reserved");
    used_ -= bytes;
}

Address AddressSpace::mmap(std::uint64_t length) {
    length = round_to_pages(length);
    if (length == 0) return 0;
    // Walk the holes from the top down; the first that fits is the highest.
    Address hole_top = kMmapTop;
    for (auto it = mappings_.rbegin(); it != mappings_.rend(); ++it) {
        const Address end = it->first + it->second;
        if (hole_top - end >= length) break;
        hole_top = it->first;
    }
    if (hole_top - kMmapFloor < length) return 0;
    const Address start = hole_top - length;
    mappings_.emplace(start, length);
    mapped_ += length;
    return start;
}

void AddressSpace::munmap(Address start, std::uint64_t length) {
    length = round_to_pages(length);
    REFSCOPE_CHECK(start % kPageSize == 0 && length > 0, "munmap of a misaligned range");
    auto it = mappings_.upper_bound(start);
    REFSCOPE_CHECK(it != mappings_.begin(), "munmap of unmapped pages");
    --it;
    const Address map_start = it->first;
    const Address map_end = map_start + it->second;
    REFSCOPE_CHECK(start + length <= map_end, "munmap of unmapped pages");
    mappings_.erase(it);
    if (map_start < start) mappings_.emplace(map_start, start - map_start);
    if (start + length < map_end) mappings_.emplace(start + length, map_end - start - length);
    mapped_ -= length;
}

bool AddressSpace::grow_in_place(Address start, std::uint64_t old_length,
                                 std::uint64_t new_length) {
    old_length = round_to_pages(old_length);
    new_length = round_to_pages(new_length);
    auto it = mappings_.find(start);
    REFSCOPE_CHECK(it != mappings_.end() && it->second == old_length,
                   "mremap of something that is not a mapping");
    if (new_length <= old_length) return true;
    const Address limit = std::next(it) == mappings_.end() ? kMmapTop : std::next(it)->first;
    if (limit - start < new_length) return false;
    it->second = new_length;
    mapped_ += new_length - old_length;
    return true;
}

bool AddressSpace::extend_heap(Address new_end) {
    new_end = round_to_pages(new_end);
    if (new_end > kHeapLimit) return false;
    if (new_end > brk_) brk_ = new_end;
    return true;
}

bool AddressSpace::is_mapped(Address start, std::uint64_t length) const {
    auto it = mappings_.upper_bound(start);
    if (it == mappings_.begin()) return false;
    --it;
    return start + length <= it->first + it->second;
}

void AddressSpace::check_invariants() const {
    std::uint64_t total = 0;
    Address previous_end = kMmapFloor;
    for (const auto& [start, length] : mappings_) {
        REFSCOPE_CHECK(start % kPageSize == 0 && length % kPageSize == 0 && length > 0,
                       "address space 1: a mapping is not page-granular");
        REFSCOPE_CHECK(start >= previous_end, "address space 1: mappings overlap");
        REFSCOPE_CHECK(start + length <= kMmapTop, "address space 1: mapping above the top");
        previous_end = start + length;
        total += length;
    }
    REFSCOPE_CHECK(total == mapped_, "address space 2: mapped byte count is stale");
    REFSCOPE_CHECK(brk_ >= kHeapBase && brk_ <= kHeapLimit && brk_ % kPageSize == 0,
                   "address space 3: program break out of range");
}

void GranuleMap::set(Address granule, std::uint32_t tag) {
    const Address index = (top_ - 1 - granule) >> shift_;
    REFSCOPE_CHECK(granule < top_, "granule tag above the mmap top");
    if (index >= tags_.size()) {
        if (tag == 0) return;
        tags_.resize(static_cast<std::size_t>(index) + 1, 0);
    }
    tags_[index] = tag;
}

}  // namespace refscope::alloc
