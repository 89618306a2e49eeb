// test_find_alloc.cpp — "the next allocation in a chosen pool" (trace/find_alloc.hpp, the
// find_alloc command of docs/trace-format.md).
//
// Ground truth comes from a separate observer that logs every block allocation of a fresh run
// with the line events seen so far; each search must equal the nearest logged landing step,
// from every starting step of the trace, for every pool the program touched.
#include <catch2/catch.hpp>

#include <map>
#include <set>
#include <utility>

#include <nlohmann/json.hpp>

#include "refscope/api.hpp"
#include "trace/checkpoint.hpp"
#include "trace/find_alloc.hpp"
#include "trace/recorder.hpp"
#include "trace/run_tracker.hpp"

using nlohmann::json;
using namespace refscope;

namespace {

const char* const kProgram = R"(
rows = []
for i in range(8):
    rows.append([i, str(i) * 2])
    if i % 3 == 2:
        del rows[0]
words = {'a': 1.5, 'b': (1, 2)}
del rows
total = sum(range(40))
print(total, len(words))
)";

trace::Trace record(const char* source, trace::CheckpointPolicy policy = {}) {
    trace::TraceInputs in;
    in.source = source;
    in.filename = "prog.py";
    in.max_steps = 10'000;
    return trace::record(in, policy);
}

// Every block allocation of a fresh run: (arena, pool) -> landing steps (line events so far).
class AllocLog : public trace::RunTracker {
public:
    void on_alloc_event(const alloc::AllocEvent& e) override {
        if (e.kind == alloc::AllocEventKind::block_alloc && line_events() > 0)
            landings[{e.arena, e.pool}].insert(line_events());
    }
    std::map<std::pair<std::uint32_t, std::uint32_t>, std::set<std::uint64_t>> landings;
};

AllocLog log_allocations(const trace::Trace& t) {
    AllocLog log;
    RunOptions o = trace::run_options(t.inputs);
    o.observer = &log;
    o.alloc_observer = &log;
    run_program(t.inputs.source, t.inputs.filename, o);
    return log;
}

json call(const json& request) { return json::parse(api::call(request.dump())); }

}  // namespace

TEST_CASE("find_alloc: next and previous equal the nearest logged allocation, from every step", "[trace][find]") {
    // Searched from the start (the one checkpoint at the first line) and from dense checkpoints.
    trace::CheckpointPolicy dense;
    dense.interval = 3;
    dense.bytes_per_step = 0;
    const trace::Trace t = GENERATE_COPY(as<bool>{}, false, true) ? record(kProgram, dense) : record(kProgram);
    REQUIRE(t.steps > 20);
    const AllocLog log = log_allocations(t);
    REQUIRE(log.landings.size() >= 3);   // lists, strs, tuples, floats, dicts... several pools
    for (const auto& [where, steps] : log.landings) {
        const auto [arena, pool] = where;
        INFO("arena " << arena << " pool " << pool);
        for (std::uint64_t s = 0; s <= t.steps; ++s) {
            INFO("from step " << s);
            auto later = steps.upper_bound(s);
            const std::optional<std::uint64_t> want_next =
                later == steps.end() || *later > t.steps ? std::nullopt : std::optional(*later);
            CHECK(trace::next_alloc_step(t, s, arena, pool) == want_next);
            auto earlier = steps.lower_bound(s);
            const std::optional<std::uint64_t> want_previous =
                earlier == steps.begin() ? std::nullopt : std::optional(*std::prev(earlier));
            CHECK(trace::previous_alloc_step(t, s, arena, pool) == want_previous);
        }
    }
    // A pool nothing was allocated in.
    CHECK(trace::next_alloc_step(t, 0, 60, 0) == std::nullopt);
    CHECK(trace::previous_alloc_step(t, t.steps, 60, 0) == std::nullopt);
}

namespace {

// The blocks of a pool that hold something at `now` and did not hold the same at `before`: a
// block allocated since, or freed and handed out again to another owner.
int new_blocks(const json& now, const json& before) {
    int n = 0;
    const json& was = before.at("blocks");
    const json& is = now.at("blocks");
    for (std::size_t b = 0; b < is.size(); ++b) {
        if (is[b].at("state") != "allocated") continue;
        const bool held = b < was.size() && was[b].at("state") == "allocated" && was[b].at("object") == is[b].at("object");
        if (!held) ++n;
    }
    return n;
}

}  // namespace

TEST_CASE("find_alloc: at the step found, the pool holds a block it did not hold a step before", "[trace][find]") {
    // Each iteration makes an instance and keeps it (instances have no free list, unlike lists,
    // tuples and floats, so each one is a pymalloc allocation). The list's item array moves out
    // of the same size class now and then (a free in the same step), so the pool's count does
    // not always rise; a block that holds something new always appears.
    const json run = call({{"cmd", "run"}, {"source", "class P:\n    pass\nkeep = []\nfor i in range(30):\n    keep.append(P())\nprint(len(keep))\n"}});
    REQUIRE(run.at("ok") == true);
    const auto id = run.at("trace").get<std::uint64_t>();
    const auto steps = run.at("steps").get<std::uint64_t>();
    const json last = call({{"cmd", "state"}, {"trace", id}, {"step", steps - 1}});
    REQUIRE(last.at("ok") == true);
    // The pool of the last instance, and how many of the instances live there.
    json where;
    for (const json& o : last.at("objects"))
        if (o.at("type") == "P") where = o.at("pool");
    REQUIRE(where.is_object());
    const auto arena = where.at("arena"), pool = where.at("pool");
    int instances = 0;
    for (const json& o : last.at("objects"))
        if (o.at("type") == "P" && o.at("pool").at("arena") == arena && o.at("pool").at("pool") == pool) ++instances;
    REQUIRE(instances >= 10);
    std::uint64_t at = 0;
    int hops = 0;
    for (;;) {
        const json found = call({{"cmd", "find_alloc"}, {"trace", id}, {"arena", arena}, {"pool", pool}, {"after", at}});
        REQUIRE(found.at("ok") == true);
        if (found.at("step").is_null()) break;
        const auto step = found.at("step").get<std::uint64_t>();
        REQUIRE(step > at);
        REQUIRE(step <= steps);
        const json now = call({{"cmd", "pool"}, {"trace", id}, {"step", step}, {"arena", arena}, {"pool", pool}});
        const json before = call({{"cmd", "pool"}, {"trace", id}, {"step", step - 1}, {"arena", arena}, {"pool", pool}});
        REQUIRE(now.at("ok") == true);
        INFO("step " << step);
        // Not carved a step before: nothing to compare. The final step is after shutdown, which
        // allocates while it tears everything down: what it made may be gone again.
        if (before.at("ok") == true && step < steps) CHECK(new_blocks(now, before) > 0);
        // And back: the last allocation before this step is the previous stop.
        const json back = call({{"cmd", "find_alloc"}, {"trace", id}, {"arena", arena}, {"pool", pool}, {"before", step}});
        REQUIRE(back.at("ok") == true);
        if (hops == 0) CHECK(back.at("step").is_null());
        else CHECK(back.at("step") == at);
        at = step;
        ++hops;
    }
    CHECK(hops >= instances);   // each instance was made in a step of its own
    call({{"cmd", "drop"}, {"trace", id}});
}

TEST_CASE("find_alloc: usage errors", "[trace][find][api]") {
    const json run = call({{"cmd", "run"}, {"source", "x = [1]\n"}});
    const auto id = run.at("trace").get<std::uint64_t>();
    auto kind = [](const json& answer) { return answer.at("error").at("kind").get<std::string>(); };
    CHECK(kind(call({{"cmd", "find_alloc"}, {"trace", id}, {"arena", 0}, {"pool", 0}})) == "usage");
    CHECK(kind(call({{"cmd", "find_alloc"}, {"trace", id}, {"arena", 0}, {"pool", 0}, {"after", 0}, {"before", 1}})) == "usage");
    CHECK(kind(call({{"cmd", "find_alloc"}, {"trace", id}, {"arena", 0}, {"pool", 0}, {"after", 999}})) == "usage");
    CHECK(kind(call({{"cmd", "find_alloc"}, {"trace", id}, {"arena", 0}, {"after", 0}})) == "usage");
    CHECK(kind(call({{"cmd", "find_alloc"}, {"trace", 999999}, {"arena", 0}, {"pool", 0}, {"after", 0}})) == "usage");
    CHECK(call({{"cmd", "find_alloc"}, {"trace", id}, {"arena", 0}, {"pool", 0}, {"before", 0}}).at("step").is_null());
    call({{"cmd", "drop"}, {"trace", id}});
}
