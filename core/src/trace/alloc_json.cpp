// trace/alloc_json.cpp — see alloc_json.hpp.
#include "trace/alloc_json.hpp"

#include <cstdio>

namespace refscope::api {

std::string hex_address(alloc::Address a) {
    char buf[24];
    std::snprintf(buf, sizeof buf, "0x%llx", static_cast<unsigned long long>(a));
    return buf;
}

const char* pool_state_name(alloc::PoolState s) {
    switch (s) {
        case alloc::PoolState::unused: return "unused";
        case alloc::PoolState::used: return "used";
        case alloc::PoolState::full: return "full";
        case alloc::PoolState::empty: return "empty";
    }
    return "?";
}

nlohmann::json allocator_stats_json(const alloc::AllocatorStats& s) {
    return {{"arenas_allocated_total", s.arenas_allocated_total},
            {"arenas_allocated_current", s.arenas_allocated_current},
            {"arenas_highwater", s.arenas_highwater},
            {"pymalloc_blocks_in_use", s.pymalloc_blocks_in_use},
            {"pymalloc_bytes_in_use", s.pymalloc_bytes_in_use},
            {"raw_chunks_in_use", s.raw_chunks_in_use},
            {"raw_bytes_in_use", s.raw_bytes_in_use},
            {"requested_in_use", s.requested_in_use},
            {"mapped_bytes", s.mapped_bytes}};
}

nlohmann::json arenas_json(const alloc::Allocator& a) {
    nlohmann::json arenas = nlohmann::json::array();
    for (std::uint32_t slot = 0; slot < a.max_arenas(); ++slot) {
        const alloc::ArenaView arena = a.arena(slot);
        if (!arena.address) continue;
        nlohmann::json pools = nlohmann::json::array();
        for (std::uint32_t i = 0; i < arena.ncarved; ++i) {
            const alloc::PoolView p = a.pool(slot, i);
            pools.push_back({{"index", i}, {"address", hex_address(p.address)}, {"state", pool_state_name(p.state)},
                             {"szidx", p.szidx}, {"block_size", p.block_size}, {"count", p.count},
                             {"capacity", p.capacity}, {"nfree", p.nfree}, {"untouched", p.untouched}});
        }
        arenas.push_back({{"index", slot}, {"address", hex_address(arena.address)},
                          {"ntotalpools", arena.ntotalpools}, {"nfreepools", arena.nfreepools},
                          {"pools", std::move(pools)}});
    }
    return arenas;
}

nlohmann::json usedpools_json(const alloc::Allocator& a) {
    nlohmann::json usedpools = nlohmann::json::array();
    for (std::uint32_t c = 0; c < a.profile().alloc.nclasses(); ++c) {
        auto pools = a.usedpools(c);
        if (pools.empty()) continue;
        usedpools.push_back({{"szidx", c}, {"pools", pools}});
    }
    return usedpools;
}

}  // namespace refscope::api
