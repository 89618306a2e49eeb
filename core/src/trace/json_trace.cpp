// trace/json_trace.cpp — the trace commands: "run", "state", "pool", "collection", "drop"
// (docs/trace-format.md is their contract; refscope/api.hpp lists them).
//
// These commands keep state between calls, unlike the others (json_commands.hpp, 2): "run"
// puts a trace in the store (trace_store.hpp) and answers its id; the rest read it. Each
// answer still depends only on the request and the trace it names.
#include <memory>

#include "trace/json_commands.hpp"
#include "trace/recorder.hpp"
#include "trace/run_info.hpp"
#include "trace/seek.hpp"
#include "trace/trace_store.hpp"

namespace refscope::api {

using nlohmann::json;

namespace {

// The page may run programs of a million steps; more than this is refused.
constexpr std::uint64_t kMaxSteps = 50'000'000;

trace::TraceInputs inputs_of(const json& request) {
    trace::TraceInputs in;
    in.source = required_field<std::string>(request, "source");
    in.filename = optional_field<std::string>(request, "filename", "main.py");
    const auto name = optional_field<std::string>(request, "profile", "3.11");
    const auto id = parse_profile(name);
    if (!id) throw UsageError("unknown profile \"" + name + "\" (known: 3.11, classic)");
    in.profile = *id;
    in.stdin_text = optional_field<std::string>(request, "stdin", "");
    in.max_steps = optional_field<std::uint64_t>(request, "max_steps", 1'000'000);
    if (in.max_steps > kMaxSteps) throw UsageError("\"max_steps\" may be at most 50,000,000");
    return in;
}

std::shared_ptr<const trace::Trace> trace_of(const json& request) {
    const auto id = required_field<std::uint64_t>(request, "trace");
    auto t = trace::find_trace(id);
    if (!t) throw UsageError("no trace " + std::to_string(id) + " (dropped, or never made)");
    return t;
}

json run_command(const json& request) {
    auto t = std::make_shared<trace::Trace>(trace::record(inputs_of(request)));
    json info = trace::run_info_json(*t);
    info["trace"] = trace::store_trace(std::move(t));
    return info;
}

json state_command(const json& request) {
    auto t = trace_of(request);
    return trace::state_at(*t, required_field<std::uint64_t>(request, "step"),
                           optional_field<std::uint64_t>(request, "instr", 0));
}

json pool_command(const json& request) {
    auto t = trace_of(request);
    return trace::pool_at(*t, required_field<std::uint64_t>(request, "step"),
                          required_field<std::uint32_t>(request, "arena"),
                          required_field<std::uint32_t>(request, "pool"));
}

json collection_command(const json& request) {
    auto t = trace_of(request);
    return trace::collection_at(*t, required_field<std::uint64_t>(request, "index"));
}

json drop_command(const json& request) {
    const auto id = required_field<std::uint64_t>(request, "trace");
    return {{"dropped", trace::drop_trace(id)}};
}

}  // namespace

void add_trace_commands(Registry& registry) {
    registry.add("run", run_command);
    registry.add("state", state_command);
    registry.add("pool", pool_command);
    registry.add("collection", collection_command);
    registry.add("drop", drop_command);
}

}  // namespace refscope::api
