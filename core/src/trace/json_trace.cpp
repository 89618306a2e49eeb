// trace/json_trace.cpp — the trace commands: "run", "state", "pool", "collection", "drop"
// (docs/trace-format.md is their contract; refscope/api.hpp lists them).
//
// These commands keep state between calls, unlike the others (json_commands.hpp, 2): "run"
// puts a trace in the store (trace_store.hpp) and answers its id; the rest read it. Each
// answer still depends only on the request and the trace it names.
#include <deque>
#include <map>
#include <memory>
#include <tuple>

#include "trace/json_commands.hpp"
#include "trace/recorder.hpp"
#include "trace/run_info.hpp"
#include "trace/seek.hpp"
#include "trace/trace_store.hpp"

namespace refscope::api {

using nlohmann::json;

std::shared_ptr<const trace::Trace> trace_of(const json& request) {
    const auto id = required_field<std::uint64_t>(request, "trace");
    auto t = trace::find_trace(id);
    if (!t) throw UsageError("no trace " + std::to_string(id) + " (dropped, or never made)");
    return t;
}

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

std::string run_command(const json& request) {
    auto t = std::make_shared<trace::Trace>(trace::record(inputs_of(request)));
    const trace::Trace& recorded = *t;
    const std::uint64_t id = trace::store_trace(std::move(t));
    return trace::run_info_text(recorded, {{"trace", id}});
}

// States already built, keyed by (trace, step, instr); the oldest go first. A seek re-runs
// the program up to its step, so one miss builds the states of the steps around it too
// ("window" steps on each side, default 4): stepping back and forth then costs a lookup.
class StateCache {
public:
    static constexpr std::size_t kCapacity = 64;
    using Key = std::tuple<std::uint64_t, std::uint64_t, std::uint64_t>;
    const std::string* find(const Key& k) const {
        auto it = states_.find(k);
        return it == states_.end() ? nullptr : &it->second;
    }
    void put(const Key& k, std::string state) {
        if (states_.count(k)) return;
        while (states_.size() >= kCapacity && !order_.empty()) {
            states_.erase(order_.front());
            order_.pop_front();
        }
        states_.emplace(k, std::move(state));
        order_.push_back(k);
    }
    void forget(std::uint64_t trace) {
        std::erase_if(order_, [&](const Key& k) { return std::get<0>(k) == trace; });
        std::erase_if(states_, [&](const auto& e) { return std::get<0>(e.first) == trace; });
    }

private:
    std::map<Key, std::string> states_;   // JSON text
    std::deque<Key> order_;
};

StateCache& state_cache() {
    static StateCache cache;
    return cache;
}

std::string state_command(const json& request) {
    const auto id = required_field<std::uint64_t>(request, "trace");
    auto t = trace_of(request);
    const auto step = required_field<std::uint64_t>(request, "step");
    const auto instr = optional_field<std::uint64_t>(request, "instr", 0);
    const auto window = std::min<std::uint64_t>(optional_field<std::uint64_t>(request, "window", 4), 32);
    // Or the steps to build besides, as a range that holds `step` ("first", "last"): a viewer
    // stepping one way asks for the steps ahead only.
    const auto first = optional_field<std::uint64_t>(request, "first", step > window ? step - window : 0);
    const auto last = optional_field<std::uint64_t>(request, "last", step + window);
    if (first > step || last < step || last - first > 64)
        throw UsageError("\"first\" .. \"last\" must hold \"step\" and span at most 64 steps");
    StateCache& cache = state_cache();
    if (const std::string* hit = cache.find({id, step, instr})) return *hit;
    auto states = trace::states_around(*t, step, instr, first, last);
    std::string answer = states.at({step, instr});
    for (auto& [point, state] : states) cache.put({id, point.first, point.second}, std::move(state));
    return answer;
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
    state_cache().forget(id);
    return {{"dropped", trace::drop_trace(id)}};
}

}  // namespace

void add_trace_commands(Registry& registry) {
    registry.add_raw("run", run_command);
    registry.add_raw("state", state_command);
    registry.add("pool", pool_command);
    registry.add("collection", collection_command);
    registry.add("drop", drop_command);
}

}  // namespace refscope::api
