// test_state_range.cpp — the `state` command's "first" / "last" range (docs/trace-format.md):
// the states a miss builds besides the one asked for, e.g. only the steps ahead of a viewer
// stepping forwards. Every answer must equal the state seeked on its own.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "refscope/api.hpp"
#include "trace/recorder.hpp"
#include "trace/seek.hpp"

using nlohmann::json;
using namespace refscope;

namespace {

const char* const kProgram = "rows = []\nfor i in range(12):\n    rows.append([i] * (i % 4))\n    if i % 5 == 4:\n        rows.pop(0)\nprint(len(rows))\n";

json call(const json& request) { return json::parse(api::call(request.dump())); }

json without_ok(json answer) {
    answer.erase("ok");
    return answer;
}

}  // namespace

TEST_CASE("state: a range ahead builds the states ahead, each equal to a seek of its own", "[trace][api]") {
    trace::TraceInputs in;
    in.source = kProgram;
    in.filename = "main.py";
    const trace::Trace t = trace::record(in);
    const json run = call({{"cmd", "run"}, {"source", kProgram}});
    REQUIRE(run.at("ok") == true);
    const auto id = run.at("trace").get<std::uint64_t>();
    REQUIRE(run.at("steps").get<std::uint64_t>() == t.steps);
    // Forwards: each request names the range from its step to 6 steps on (clipped to the trace).
    for (std::uint64_t s = 0; s <= t.steps; s += 7) {
        const json answer = call({{"cmd", "state"}, {"trace", id}, {"step", s}, {"first", s}, {"last", s + 6}});
        REQUIRE(answer.at("ok") == true);
        CHECK(without_ok(answer) == trace::state_at(t, s, 0));
        // The steps of the range now answer from the cache, equal to their own seeks.
        for (std::uint64_t a = s + 1; a <= std::min(s + 6, t.steps); ++a) {
            INFO("step " << a);
            CHECK(without_ok(call({{"cmd", "state"}, {"trace", id}, {"step", a}})) == trace::state_at(t, a, 0));
        }
    }
    // Backwards, and an instruction step inside the range.
    const std::uint64_t s = t.steps / 2;
    const json back = call({{"cmd", "state"}, {"trace", id}, {"step", s}, {"instr", 1}, {"first", s - 5}, {"last", s}});
    REQUIRE(back.at("ok") == true);
    CHECK(without_ok(back) == trace::state_at(t, s, 1));
    // The range must hold the step and span at most 64 steps.
    auto kind = [](const json& answer) { return answer.at("error").at("kind").get<std::string>(); };
    CHECK(kind(call({{"cmd", "state"}, {"trace", id}, {"step", 5}, {"first", 6}, {"last", 9}})) == "usage");
    CHECK(kind(call({{"cmd", "state"}, {"trace", id}, {"step", 5}, {"first", 0}, {"last", 4}})) == "usage");
    CHECK(kind(call({{"cmd", "state"}, {"trace", id}, {"step", 5}, {"first", 0}, {"last", 100}})) == "usage");
    call({{"cmd", "drop"}, {"trace", id}});
}
