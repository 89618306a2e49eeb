// tests/native/test_alloc_support.hpp — helpers shared by the allocator tests.
#pragma once

#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

#include "alloc/allocator.hpp"
#include "refscope/profile.hpp"

namespace refscope::alloc::testing {

// (arena slot, pool index), as Allocator::usedpools lists them.
using PoolRef = std::pair<std::uint32_t, std::uint32_t>;

inline constexpr ProfileId kBothProfiles[] = {ProfileId::cpython_3_11, ProfileId::classic};

inline const AllocatorProfile& geometry(ProfileId id) { return profile(id).alloc; }

// An allocator that checks every invariant after every operation.
inline std::unique_ptr<Allocator> checked(ProfileId id,
                                          std::uint64_t memory_limit = std::uint64_t{1} << 31) {
    return std::make_unique<Allocator>(profile(id),
                                       AllocatorOptions{memory_limit, /*check_every_op=*/true});
}

inline std::unique_ptr<Allocator> unchecked(ProfileId id,
                                            std::uint64_t memory_limit = std::uint64_t{1} << 34) {
    return std::make_unique<Allocator>(profile(id),
                                       AllocatorOptions{memory_limit, /*check_every_op=*/false});
}

// Records every event.
struct EventLog : AllocObserver {
    std::vector<AllocEvent> events;
    void on_alloc_event(const AllocEvent& event) override { events.push_back(event); }
};

// Allocates `count` blocks of `nbytes`.
inline std::vector<Address> allocate(Allocator& a, std::size_t count, std::size_t nbytes) {
    std::vector<Address> blocks;
    blocks.reserve(count);
    for (std::size_t i = 0; i < count; ++i) blocks.push_back(a.malloc(nbytes));
    return blocks;
}

inline void release(Allocator& a, const std::vector<Address>& blocks) {
    for (Address p : blocks) a.free(p);
}

}  // namespace refscope::alloc::testing
