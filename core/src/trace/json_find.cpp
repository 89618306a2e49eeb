// trace/json_find.cpp — the trace search commands: "find_alloc" (docs/trace-format.md).
//
// Like the other trace commands (json_trace.cpp) they read a trace the store keeps; each
// answer depends only on the request and that trace.
#include "trace/find_alloc.hpp"
#include "trace/json_commands.hpp"
#include "trace/trace_data.hpp"

namespace refscope::api {

using nlohmann::json;

namespace {

// {"cmd": "find_alloc", "trace", "arena", "pool", "after": step} or {..., "before": step}:
// the landing step of the next (previous) block allocation in that pool, or null.
json find_alloc_command(const json& request) {
    auto t = trace_of(request);
    const auto arena = required_field<std::uint32_t>(request, "arena");
    const auto pool = required_field<std::uint32_t>(request, "pool");
    const bool has_after = request.contains("after") && !request["after"].is_null();
    const bool has_before = request.contains("before") && !request["before"].is_null();
    if (has_after == has_before) throw UsageError("give exactly one of \"after\" and \"before\"");
    const auto from = required_field<std::uint64_t>(request, has_after ? "after" : "before");
    if (from > t->steps)
        throw UsageError("step " + std::to_string(from) + " is outside the trace (0.." + std::to_string(t->steps) + ")");
    const auto found = has_after ? trace::next_alloc_step(*t, from, arena, pool)
                                 : trace::previous_alloc_step(*t, from, arena, pool);
    return {{"step", found ? json(*found) : json(nullptr)}};
}

}  // namespace

void add_find_commands(Registry& registry) { registry.add("find_alloc", find_alloc_command); }

}  // namespace refscope::api
