// trace/json_alloc.cpp — "alloc_scenario": run a scripted sequence of allocator calls and
// answer with the allocator's state (refscope/api.hpp documents the request and answer).
//
// A scenario names groups of allocations so later operations can refer to them:
//   {"op": "malloc",  "size": 24, "count": 1000, "name": "floats"}
//   {"op": "free",    "name": "floats", "every": 2}     every 2nd live block of the group
//   {"op": "realloc", "name": "items", "size": 600}     each live block of the group
// Invariants: a scenario runs at most kMaxOperations allocator calls; the answer depends only
// on the request (the allocator is deterministic).
#include <cstdio>
#include <map>

#include "alloc/allocator.hpp"
#include "trace/json_commands.hpp"

namespace refscope::api {

namespace {

constexpr std::uint64_t kMaxOperations = 2'000'000;

std::string hex(alloc::Address a) {
    char buf[24];
    std::snprintf(buf, sizeof buf, "0x%llx", static_cast<unsigned long long>(a));
    return buf;
}

const char* state_name(alloc::PoolState s) {
    switch (s) {
        case alloc::PoolState::unused: return "unused";
        case alloc::PoolState::used: return "used";
        case alloc::PoolState::full: return "full";
        case alloc::PoolState::empty: return "empty";
    }
    return "?";
}

ProfileId profile_of(const nlohmann::json& request) {
    auto name = optional_field<std::string>(request, "profile", "3.11");
    auto id = parse_profile(name);
    if (!id) throw UsageError("unknown profile \"" + name + "\" (known: 3.11, classic)");
    return *id;
}

std::uint64_t size_field(const nlohmann::json& op) {
    const auto size = required_field<std::uint64_t>(op, "size");
    if (size > (std::uint64_t{1} << 30)) throw UsageError("\"size\" is larger than 1 GiB");
    return size;
}

void run_op(alloc::Allocator& a, const nlohmann::json& op,
            std::map<std::string, std::vector<alloc::Address>>& groups, std::uint64_t& budget) {
    if (!op.is_object()) throw UsageError("each operation must be a JSON object");
    const auto kind = required_field<std::string>(op, "op");
    if (kind != "malloc" && kind != "free" && kind != "realloc")
        throw UsageError("unknown operation \"" + kind + "\" (known: malloc, free, realloc)");
    const auto name = optional_field<std::string>(op, "name", "");
    auto spend = [&](std::uint64_t n) {
        if (n > budget) throw UsageError("a scenario may make at most 2,000,000 allocator calls");
        budget -= n;
    };
    if (kind == "malloc") {
        const auto size = size_field(op);
        const auto count = optional_field<std::uint64_t>(op, "count", 1);
        spend(count);
        auto& group = groups[name];
        for (std::uint64_t i = 0; i < count; ++i) {
            alloc::Address p = a.malloc(size);
            if (!p) throw UsageError("the simulated memory limit was reached");
            group.push_back(p);
        }
        return;
    }
    auto it = groups.find(name);
    if (it == groups.end()) throw UsageError("no allocations named \"" + name + "\"");
    auto& group = it->second;
    if (kind == "free") {
        const auto every = optional_field<std::uint64_t>(op, "every", 1);
        if (every == 0) throw UsageError("\"every\" must be at least 1");
        std::vector<alloc::Address> kept;
        for (std::size_t i = 0; i < group.size(); ++i) {
            if ((i + 1) % every == 0) {
                spend(1);
                a.free(group[i]);
            } else {
                kept.push_back(group[i]);
            }
        }
        group = std::move(kept);
    } else {   // realloc
        const auto size = size_field(op);
        spend(group.size());
        for (auto& p : group) {
            alloc::Address q = a.realloc(p, size);
            if (!q) throw UsageError("the simulated memory limit was reached");
            p = q;
        }
    }
}

nlohmann::json arenas_json(const alloc::Allocator& a) {
    nlohmann::json arenas = nlohmann::json::array();
    for (std::uint32_t slot = 0; slot < a.max_arenas(); ++slot) {
        const alloc::ArenaView arena = a.arena(slot);
        if (!arena.address) continue;
        nlohmann::json pools = nlohmann::json::array();
        for (std::uint32_t i = 0; i < arena.ncarved; ++i) {
            const alloc::PoolView p = a.pool(slot, i);
            pools.push_back({{"index", i}, {"address", hex(p.address)}, {"state", state_name(p.state)},
                             {"szidx", p.szidx}, {"block_size", p.block_size}, {"count", p.count},
                             {"capacity", p.capacity}, {"nfree", p.nfree}, {"untouched", p.untouched}});
        }
        arenas.push_back({{"index", slot}, {"address", hex(arena.address)},
                          {"ntotalpools", arena.ntotalpools}, {"nfreepools", arena.nfreepools},
                          {"pools", std::move(pools)}});
    }
    return arenas;
}

nlohmann::json alloc_scenario_command(const nlohmann::json& request) {
    const Profile& prof = profile(profile_of(request));
    const auto ops = required_field<nlohmann::json>(request, "ops");
    if (!ops.is_array()) throw UsageError("field \"ops\" must be an array");
    alloc::Allocator a(prof);
    std::map<std::string, std::vector<alloc::Address>> groups;
    std::uint64_t budget = kMaxOperations;
    for (const auto& op : ops) run_op(a, op, groups, budget);
    a.check_invariants();

    const alloc::AllocatorStats s = a.stats();
    nlohmann::json live = nlohmann::json::object();
    for (const auto& [name, group] : groups) live[name] = group.size();
    nlohmann::json usedpools = nlohmann::json::array();
    for (std::uint32_t c = 0; c < prof.alloc.nclasses(); ++c) {
        auto pools = a.usedpools(c);
        if (pools.empty()) continue;
        usedpools.push_back({{"szidx", c}, {"pools", pools}});
    }
    return {
        {"profile", prof.name},
        {"live", std::move(live)},
        {"stats", {{"arenas_allocated_total", s.arenas_allocated_total},
                   {"arenas_allocated_current", s.arenas_allocated_current},
                   {"arenas_highwater", s.arenas_highwater},
                   {"pymalloc_blocks_in_use", s.pymalloc_blocks_in_use},
                   {"pymalloc_bytes_in_use", s.pymalloc_bytes_in_use},
                   {"raw_chunks_in_use", s.raw_chunks_in_use},
                   {"raw_bytes_in_use", s.raw_bytes_in_use},
                   {"requested_in_use", s.requested_in_use},
                   {"mapped_bytes", s.mapped_bytes}}},
        {"arenas", arenas_json(a)},
        {"usable_arenas", a.usable_arenas()},
        {"usedpools", std::move(usedpools)},
        {"debugmallocstats", a.debug_malloc_stats()},
    };
}

}  // namespace

void add_alloc_commands(Registry& registry) {
    registry.add("alloc_scenario", alloc_scenario_command);
}

}  // namespace refscope::api
