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
#include "trace/alloc_json.hpp"
#include "trace/json_commands.hpp"

namespace refscope::api {

namespace {

constexpr std::uint64_t kMaxOperations = 2'000'000;

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

std::string alloc_scenario_command(const nlohmann::json& request) {
    const Profile& prof = profile(profile_of(request));
    const auto ops = required_field<nlohmann::json>(request, "ops");
    if (!ops.is_array()) throw UsageError("field \"ops\" must be an array");
    alloc::Allocator a(prof);
    std::map<std::string, std::vector<alloc::Address>> groups;
    std::uint64_t budget = kMaxOperations;
    for (const auto& op : ops) run_op(a, op, groups, budget);
    a.check_invariants();

    JsonWriter w;
    w.begin_object();
    w.key("profile").value(prof.name);
    w.key("live").begin_object();
    for (const auto& [name, group] : groups) w.key_text(name).value(group.size());
    w.end_object();
    w.key("stats");
    write_allocator_stats(w, a.stats());
    w.key("arenas");
    write_arenas(w, a);
    w.key("usable_arenas").begin_array();
    for (std::uint32_t slot : a.usable_arenas()) w.value(slot);
    w.end_array();
    w.key("usedpools");
    write_usedpools(w, a);
    w.key("debugmallocstats").value(a.debug_malloc_stats());
    w.end_object();
    return w.take();
}

}  // namespace

void add_alloc_commands(Registry& registry) {
    registry.add_raw("alloc_scenario", alloc_scenario_command);
}

}  // namespace refscope::api
