// test_trace.cpp — the trace: recording, seeking, the JSON commands (docs/trace-format.md).
//
// The strongest check is ground truth by direct observation: the state a seek rebuilds at step
// s must equal the state read from the live engine of a fresh run that the engine's own step
// limit stopped right at step s (max_steps = s stops at the (s+1)-th line event, before its
// line runs, which is what step s means).
#include <catch2/catch.hpp>

#include <set>

#include <nlohmann/json.hpp>

#include "lang/vm/frame.hpp"
#include "lang/vm/interp.hpp"
#include "refscope/api.hpp"
#include "trace/recorder.hpp"
#include "trace/run_info.hpp"
#include "trace/run_tracker.hpp"
#include "trace/seek.hpp"
#include "trace/snapshot.hpp"

using nlohmann::json;
using namespace refscope;

namespace {

trace::TraceInputs inputs(std::string source, std::uint64_t max_steps = 100'000) {
    trace::TraceInputs in;
    in.source = std::move(source);
    in.filename = "prog.py";
    in.max_steps = max_steps;
    return in;
}

// A fresh run stopped by the engine's own step limit; the state is read when the limit hits.
class LimitSnapshot : public trace::RunTracker {
public:
    explicit LimitSnapshot(const trace::Trace& t) : t_(t) {}
    void on_limit(lang::Interp& vm) override {
        const lang::Frame* f = vm.current_frame();
        REQUIRE(f != nullptr);
        trace::SnapshotPoint p;
        p.step = line_events();   // line events seen = the step the limit stopped at
        p.instructions = std::max<std::uint32_t>(1, t_.timeline.instructions[p.step]);
        p.line = f->last_line;
        p.next = &f->code->code[f->lasti];
        state = json::parse(trace::build_state(*this, p));
    }
    json state;

private:
    const trace::Trace& t_;
};

json ground_truth(const trace::Trace& t, std::uint64_t step) {
    LimitSnapshot obs(t);
    RunOptions o = trace::run_options(t.inputs);
    o.max_steps = step;
    o.observer = &obs;
    o.alloc_observer = &obs;
    RunResult r = run_program(t.inputs.source, t.inputs.filename, o);
    REQUIRE(r.limit_reason == "steps");
    return obs.state;
}

// Every object id a state names, and the ids it lists.
void check_closed(const json& state) {
    std::set<std::uint64_t> listed;
    for (const json& o : state.at("objects")) REQUIRE(listed.insert(o.at("id").get<std::uint64_t>()).second);
    auto named = [&](const json& id) {
        INFO("object " << id << " is named but not listed");
        CHECK(listed.count(id.get<std::uint64_t>()) == 1);
    };
    for (const json& f : state.at("frames")) {
        for (const json& l : f.at("locals")) named(l.at("object"));
        for (const json& c : f.at("cells")) named(c.at("cell"));
        for (const json& s : f.at("stack")) named(s);
    }
    for (const json& o : state.at("objects")) {
        for (const json& r : o.at("referents")) named(r.at("object"));
        std::int64_t sum = 0;
        for (const json& r : o.at("referrers")) {
            sum += r.at("count").get<std::int64_t>();
            if (r.at("kind") == "object") named(r.at("object"));
        }
        INFO("object " << o.at("id") << " " << o.at("summary"));
        CHECK(sum == o.at("refcount").get<std::int64_t>());
    }
}

const json* find_object(const json& state, std::uint64_t id) {
    for (const json& o : state.at("objects"))
        if (o.at("id") == id) return &o;
    return nullptr;
}

std::uint64_t local_id(const json& state, const std::string& name, std::size_t frame = 0) {
    for (const json& l : state.at("frames").at(frame).at("locals"))
        if (l.at("name") == name) return l.at("object").get<std::uint64_t>();
    FAIL("no local " << name);
    return 0;
}

bool has_local(const json& state, const std::string& name) {
    for (const json& l : state.at("frames").at(0).at("locals"))
        if (l.at("name") == name) return true;
    return false;
}

const char* const kLoopProgram = R"(
items = []
total = 0
for i in range(12):
    items.append(str(i) * 3)
    total += i * 1000
d = {'a': items, 'b': (1, 2.5, 'x')}
del items[::2]
print(total, len(d['a']))
)";

const char* const kRecursionProgram = R"(
def make_counter():
    n = 0
    def inc(k):
        nonlocal n
        n += k
        return n
    return inc

def fact(k):
    if k <= 1:
        return 1
    return k * fact(k - 1)

c = make_counter()
for j in range(3):
    c(j)
print(fact(6), c(0))
)";

const char* const kCycleProgram = R"(
import gc
class Node:
    def __init__(self, name):
        self.name = name
        self.other = None
a = Node('a'); b = Node('b')
a.other = b; b.other = a
keep = [a]
del a, b
keep.pop()
n = gc.collect()
print(n)
)";

}  // namespace

TEST_CASE("trace: seek equals a fresh run stopped at the same step", "[trace]") {
    for (const char* program : {kLoopProgram, kRecursionProgram, kCycleProgram}) {
        const trace::Trace t = trace::record(inputs(program));
        REQUIRE(t.end.reason == "completed");
        REQUIRE(t.steps > 10);
        for (std::uint64_t s = 0; s < t.steps; s += (s < 40 ? 1 : 7)) {
            INFO("step " << s);
            const json seek = trace::state_at(t, s, 0);
            const json truth = ground_truth(t, s);
            CHECK(seek.at("frames") == truth.at("frames"));
            CHECK(seek.at("objects").size() == truth.at("objects").size());
            for (std::size_t i = 0; i < std::min(seek.at("objects").size(), truth.at("objects").size()); ++i) {
                INFO("object " << i);
                CHECK(seek.at("objects")[i] == truth.at("objects")[i]);
            }
            CHECK(seek.at("gc") == truth.at("gc"));
            CHECK(seek.at("allocator") == truth.at("allocator"));
            CHECK(seek.at("instruction") == truth.at("instruction"));
            CHECK(seek.at("line") == truth.at("line"));
        }
    }
}

TEST_CASE("trace: every state is closed and referrers add up to refcounts", "[trace]") {
    for (const char* program : {kLoopProgram, kRecursionProgram, kCycleProgram}) {
        const trace::Trace t = trace::record(inputs(program));
        for (std::uint64_t s = 0; s <= t.steps; s += 3) {
            INFO("step " << s);
            const std::uint64_t n = std::max<std::uint32_t>(1, t.timeline.instructions[s]);
            for (std::uint64_t k : {std::uint64_t{0}, n - 1}) check_closed(trace::state_at(t, s, k));
        }
    }
}

TEST_CASE("trace: b = a moves the list's refcount from 2 to 3, instruction by instruction", "[trace]") {
    const trace::Trace t = trace::record(inputs("a = [1, 2]\nc = a\nb = a\nprint(len(b))\n"));
    REQUIRE(t.timeline.size() > 2);
    REQUIRE(t.timeline.line[2] == 3);
    const json before = trace::state_at(t, 2, 0);
    const std::uint64_t list = local_id(before, "a");
    CHECK(find_object(before, list)->at("refcount") == 2);
    CHECK_FALSE(has_local(before, "b"));
    // After LOAD_NAME a, the value stack holds the third reference.
    const json loaded = trace::state_at(t, 2, 1);
    CHECK(loaded.at("frames").at(0).at("stack") == json::array({list}));
    const json& on_stack = *find_object(loaded, list);
    CHECK(on_stack.at("refcount") == 3);
    bool stack_referrer = false;
    for (const json& r : on_stack.at("referrers")) stack_referrer |= r.at("kind") == "stack";
    CHECK(stack_referrer);
    const json after = trace::state_at(t, 3, 0);
    CHECK(local_id(after, "b") == list);
    const json& bound = *find_object(after, list);
    CHECK(bound.at("refcount") == 3);
    std::set<std::string> names;
    for (const json& r : bound.at("referrers"))
        if (r.at("kind") == "name") names.insert(r.at("name").get<std::string>());
    CHECK(names == std::set<std::string>{"a", "b", "c"});
    CHECK(bound.at("summary") == "[1, 2]");
    CHECK(bound.at("type") == "list");
}

TEST_CASE("trace: a dropped cycle is listed as unreachable until gc.collect() frees it", "[trace]") {
    const trace::Trace t = trace::record(inputs(kCycleProgram));
    REQUIRE(t.stdout_text == "2\n");
    REQUIRE(t.collections.size() >= 1);
    CHECK(t.collections[0].reason == "gc.collect");
    CHECK(t.collections[0].collected == 2);
    auto nodes = [](const json& state, bool& unreachable) {
        int n = 0;
        unreachable = true;
        for (const json& o : state.at("objects")) {
            if (o.at("type") != "Node") continue;
            ++n;
            bool marked = false;
            for (const json& m : o.at("marks")) marked |= m == "unreachable";
            unreachable &= marked;
        }
        return n;
    };
    std::uint64_t pop_step = 0, collect_step = 0, print_step = 0;
    for (std::uint64_t s = 0; s < t.steps; ++s) {
        if (t.timeline.line[s] == 11) pop_step = s;
        if (t.timeline.line[s] == 12) collect_step = s;
        if (t.timeline.line[s] == 13) print_step = s;
    }
    bool unreachable = false;
    // Held by `keep`: listed, not unreachable.
    CHECK(nodes(trace::state_at(t, pop_step, 0), unreachable) == 2);
    CHECK_FALSE(unreachable);
    // After keep.pop(): nothing reachable holds them; they wait for the collector.
    CHECK(nodes(trace::state_at(t, collect_step, 0), unreachable) == 2);
    CHECK(unreachable);
    CHECK(t.collections[0].step == collect_step);
    // After gc.collect(): gone.
    CHECK(nodes(trace::state_at(t, print_step, 0), unreachable) == 0);
    // The collection's phases name the two nodes as unreachable.
    const json c = trace::collection_at(t, 0);
    bool found = false;
    for (const json& p : c.at("phases"))
        if (p.at("phase") == "move_unreachable") found = p.at("unreachable").size() >= 2;
    CHECK(found);
    CHECK(c.at("phases").size() == t.collections[0].phases);
}

TEST_CASE("trace: output chunks carry the step that wrote them", "[trace]") {
    const trace::Trace t = trace::record(inputs("print('a')\nx = 1\nprint('bc', x)\n"));
    REQUIRE(t.stdout_text == "a\nbc 1\n");
    REQUIRE(t.output.size() == 2);
    CHECK(t.output[0].step == 0);
    CHECK(t.output[0].offset == 0);
    CHECK(t.output[0].length == 2);
    CHECK(t.output[1].step == 2);
    CHECK(t.output[1].offset == 2);
    CHECK(t.output[1].length == 5);
    CHECK((t.timeline.flags[2] & trace::kFlagOutput) != 0);
    CHECK((t.timeline.flags[1] & trace::kFlagOutput) == 0);
}

TEST_CASE("trace: each step counts its instructions and flags reference count changes", "[trace]") {
    // RESUME runs before the first line; the implicit `return None` belongs to the last line.
    const trace::Trace t = trace::record(inputs("x = 1\npass\ny = [x]\n"));
    REQUIRE(t.steps == 3);
    CHECK(t.timeline.instructions.to_vector() == std::vector<std::uint32_t>{2, 1, 5, 1});
    CHECK((t.timeline.flags[0] & trace::kFlagRefcount) != 0);   // 1 is bound to x
    CHECK((t.timeline.flags[1] & trace::kFlagRefcount) == 0);   // NOP
    CHECK((t.timeline.flags[2] & trace::kFlagRefcount) != 0);
}

TEST_CASE("trace: the objects column counts the program's live objects at each step", "[trace]") {
    const trace::Trace t = trace::record(inputs("a = [1, 2]\nb = [a, a]\ndel a\ndel b\nx = 0\n"));
    REQUIRE(t.steps == 5);
    const auto& n = t.timeline.objects;
    CHECK(n[1] == n[0] + 1);   // the list a
    CHECK(n[2] == n[1] + 1);   // the list b
    CHECK(n[3] == n[2]);       // del a: b still holds it
    CHECK(n[4] == n[3] - 2);   // del b frees both
}

TEST_CASE("trace: the same program gives byte-identical JSON", "[trace]") {
    const trace::Trace a = trace::record(inputs(kRecursionProgram));
    const trace::Trace b = trace::record(inputs(kRecursionProgram));
    CHECK(trace::run_info_json(a).dump() == trace::run_info_json(b).dump());
    CHECK(trace::state_at(a, 20, 1).dump() == trace::state_at(b, 20, 1).dump());
    CHECK(trace::state_at(a, a.steps, 0).dump() == trace::state_at(b, b.steps, 0).dump());
}

TEST_CASE("trace: the timeline has one entry per step and the final state has no frames", "[trace]") {
    const trace::Trace t = trace::record(inputs(kLoopProgram));
    const json info = trace::run_info_json(t);
    for (const auto& [name, column] : info.at("timeline").items()) {
        INFO(name);
        CHECK(column.size() == t.steps + 1);
    }
    CHECK(t.timeline.line.back() == 0);
    const json last = trace::state_at(t, t.steps, 0);
    CHECK(last.at("frames").empty());
    CHECK(last.at("instruction").is_null());
}

TEST_CASE("trace: a step limit ends an infinite loop cleanly and keeps the trace", "[trace]") {
    const trace::Trace t = trace::record(inputs("x = []\nwhile True:\n    x.append(1)\n", 50));
    CHECK(t.end.reason == "limit");
    CHECK(t.end.limit == "steps");
    CHECK(t.steps == 50);
    const json last = trace::state_at(t, t.steps, 0);
    REQUIRE(last.at("frames").size() == 1);
    const json& x = *find_object(last, local_id(last, "x"));
    CHECK(x.at("type") == "list");
    CHECK(trace::state_at(t, 49, 0).at("frames").size() == 1);
}

TEST_CASE("trace: a syntax error gives CPython's message and line", "[trace]") {
    const trace::Trace t = trace::record(inputs("x = 1\ny = (2\n"));
    CHECK(t.end.reason == "syntax_error");
    CHECK(t.end.line == 2);
    CHECK(t.end.message == "SyntaxError: '(' was never closed");
    CHECK(t.steps == 0);
    CHECK(trace::state_at(t, 0, 0).at("frames").empty());
}

TEST_CASE("trace: an uncaught exception ends with its line and message", "[trace]") {
    const trace::Trace t = trace::record(inputs("a = 1\nb = a / 0\n"));
    CHECK(t.end.reason == "exception");
    CHECK(t.end.line == 2);
    CHECK(t.end.message == "ZeroDivisionError: division by zero");
    CHECK((t.timeline.flags[1] & trace::kFlagException) != 0);
}

TEST_CASE("trace: cells and frames of a closure", "[trace]") {
    const trace::Trace t = trace::record(inputs(kRecursionProgram));
    bool saw_cell = false, saw_recursion = false;
    for (std::uint64_t s = 0; s < t.steps; ++s)
        if (t.timeline.depth[s] >= 4) saw_recursion = true;
    for (std::uint64_t s = 0; s < t.steps; ++s) {
        if (t.timeline.line[s] != 6) continue;   // n += k, inside inc
        const json st = trace::state_at(t, s, 0);
        const json& inc = st.at("frames").back();
        CHECK(inc.at("name") == "inc");
        REQUIRE(inc.at("cells").size() == 1);
        CHECK(inc.at("cells")[0].at("name") == "n");
        const json& cell = *find_object(st, inc.at("cells")[0].at("cell").get<std::uint64_t>());
        CHECK(cell.at("type") == "cell");
        saw_cell = true;
        break;
    }
    CHECK(saw_cell);
    CHECK(saw_recursion);
}

TEST_CASE("trace api: run, state, pool, collection and drop through api::call", "[trace][api]") {
    auto call = [](const json& request) { return json::parse(api::call(request.dump())); };
    const json run = call({{"cmd", "run"}, {"source", kCycleProgram}, {"max_steps", 1000}});
    REQUIRE(run.at("ok") == true);
    CHECK(run.at("format") == "refscope-trace");
    CHECK(run.at("version") == 1);
    CHECK(run.at("stdout") == "2\n");
    const auto id = run.at("trace").get<std::uint64_t>();
    const json state = call({{"cmd", "state"}, {"trace", id}, {"step", 3}});
    REQUIRE(state.at("ok") == true);
    CHECK(state.at("step") == 3);
    const json& o = state.at("objects").at(0);
    if (!o.at("pool").is_null()) {
        const json pool = call({{"cmd", "pool"}, {"trace", id}, {"step", 3}, {"arena", o["pool"]["arena"]},
                                {"pool", o["pool"]["pool"]}});
        REQUIRE(pool.at("ok") == true);
        CHECK(pool.at("blocks").at(o["pool"]["block"].get<std::size_t>()).at("object") == o.at("id"));
    }
    const json c = call({{"cmd", "collection"}, {"trace", id}, {"index", 0}});
    REQUIRE(c.at("ok") == true);
    CHECK(c.at("reason") == "gc.collect");
    CHECK(call({{"cmd", "state"}, {"trace", id}, {"step", 100000}}).at("error").at("kind") == "usage");
    CHECK(call({{"cmd", "drop"}, {"trace", id}}).at("dropped") == true);
    CHECK(call({{"cmd", "state"}, {"trace", id}, {"step", 0}}).at("error").at("kind") == "usage");
}

TEST_CASE("trace: a window of states from one re-run equals the states seeked one by one", "[trace]") {
    const trace::Trace t = trace::record(inputs(kLoopProgram));
    for (auto [step, instr] : {std::pair<std::uint64_t, std::uint64_t>{10, 2}, {0, 0}, {t.steps - 1, 0}, {t.steps, 0}}) {
        INFO("step " << step << " instr " << instr);
        const auto window = trace::states_around(t, step, instr, step >= 3 ? step - 3 : 0, step + 3);
        REQUIRE(window.count({step, instr}) == 1);
        CHECK(window.size() >= 2);
        for (const auto& [point, state] : window) {
            INFO("window point " << point.first << "/" << point.second);
            CHECK(state == trace::state_text(t, point.first, point.second));
        }
    }
}

TEST_CASE("trace: RunInfo written as text parses to the same JSON as the tree", "[trace]") {
    const trace::Trace t = trace::record(inputs(kCycleProgram));
    json expected = trace::run_info_json(t);
    expected["trace"] = 7;
    CHECK(json::parse(trace::run_info_text(t, {{"trace", 7}})) == expected);
}

TEST_CASE("trace: a state lists at most 5,000 objects, nearest to the frames first", "[trace]") {
    const trace::Trace t = trace::record(inputs("xs = [str(i) for i in range(6000)]\nys = [1]\nprint(len(xs))\n"));
    std::uint64_t print_step = 0;
    for (std::uint64_t s = 0; s < t.steps; ++s)
        if (t.timeline.line[s] == 3) print_step = s;
    const json st = trace::state_at(t, print_step, 0);
    CHECK(st.at("objects").size() <= trace::kMaxListedObjects + 4);
    CHECK(st.at("omitted").get<std::size_t>() > 1000);
    check_closed(st);
    // Both lists (roots) are listed whatever the limit.
    CHECK(find_object(st, local_id(st, "xs")) != nullptr);
    CHECK(find_object(st, local_id(st, "ys")) != nullptr);
    CHECK(trace::state_at(trace::record(inputs(kLoopProgram)), 5, 0).at("omitted") == 0);
}

TEST_CASE("trace: a state's allocator carries the _debugmallocstats text of that moment", "[trace]") {
    const trace::Trace t = trace::record(inputs("import sys\nx = [1, 2]\nsys._debugmallocstats()\n"));
    REQUIRE(t.end.reason == "completed");
    // The state just before the call's line: CPython's format, with the state's own arena count.
    const json state = trace::state_at(t, t.steps - 1, 0);
    const std::string text = state.at("allocator").at("debugmallocstats").get<std::string>();
    CHECK(text.rfind("Small block threshold = 512, in 32 size classes.", 0) == 0);
    const std::size_t arenas = state.at("allocator").at("arenas").size();
    CHECK(text.find("# arenas allocated current         =" + std::string(21 - std::to_string(arenas).size(), ' ') +
                    std::to_string(arenas) + "\n") != std::string::npos);
    CHECK(t.stderr_text.rfind("Small block threshold = 512", 0) == 0);
}
