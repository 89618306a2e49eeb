// test_checkpoint.cpp — seeks that start from a checkpoint (a copy of the recording run) see
// exactly what seeks that run the program from the start see.
//
// Every program of the differential suite and of the gallery is recorded twice: with a
// checkpoint every few line events (so that copies are made inside loops, calls, generators,
// handlers, and with frame objects and suspended generators alive), and with none. The two
// traces must be identical, and so must the states at sampled steps and instruction steps,
// every collection stepped phase by phase, and a pool block by block.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include <nlohmann/json.hpp>

#include "trace/checkpoint.hpp"
#include "trace/recorder.hpp"
#include "trace/seek.hpp"

using nlohmann::json;
using namespace refscope;
namespace fs = std::filesystem;

namespace {

std::string read_text(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

// Every program; in a build with assertions (the sanitizer build, ten times slower or more)
// one program in eight.
std::vector<fs::path> corpus() {
    std::vector<fs::path> files;
    const fs::path root(REFSCOPE_SOURCE_DIR);
    for (const char* dir : {"tests/differential/programs", "examples/gallery"})
        for (const auto& e : fs::recursive_directory_iterator(root / dir))
            if (e.path().extension() == ".py") files.push_back(e.path());
    std::sort(files.begin(), files.end());
#ifndef NDEBUG
    std::vector<fs::path> sample;
    for (std::size_t i = 0; i < files.size(); i += 8) sample.push_back(files[i]);
    files.swap(sample);
#endif
    return files;
}

trace::TraceInputs inputs_of(const fs::path& file) {
    trace::TraceInputs in;
    in.source = read_text(file);
    in.filename = file.filename().string();
    fs::path stdin_file = file;
    stdin_file.replace_extension(".stdin");
    if (fs::exists(stdin_file)) in.stdin_text = read_text(stdin_file);
    in.max_steps = 5000;
    return in;
}

// The steps to compare: both ends, a spread, and each side of every checkpoint.
std::vector<std::uint64_t> sample_steps(const trace::Trace& t) {
    std::vector<std::uint64_t> steps = {0, t.steps / 3, t.steps / 2, t.steps};
    if (t.steps) steps.push_back(t.steps - 1);
    for (const auto& cp : t.checkpoints) {
        steps.push_back(cp->line_event - 1);
        if (cp->line_event <= t.steps) steps.push_back(cp->line_event);
    }
    std::sort(steps.begin(), steps.end());
    steps.erase(std::unique(steps.begin(), steps.end()), steps.end());
    if (steps.size() > 8) {   // keep the test quick: an even subset, ends included
        std::vector<std::uint64_t> kept;
        for (std::size_t i = 0; i < 8; ++i) kept.push_back(steps[i * (steps.size() - 1) / 7]);
        steps = kept;
    }
    return steps;
}

}  // namespace

TEST_CASE("checkpoints: every seek from a checkpoint equals a run from the start", "[trace][checkpoint]") {
    trace::CheckpointPolicy dense;
    dense.interval = 31;
    dense.bytes_per_step = 0;
    trace::CheckpointPolicy none;
    none.enabled = false;
    std::size_t programs = 0, checkpoints = 0, compared = 0;
    for (const fs::path& file : corpus()) {
        INFO(file.filename().string());
        const trace::TraceInputs in = inputs_of(file);
        const trace::Trace a = trace::record(in, dense);
        const trace::Trace b = trace::record(in, none);
        ++programs;
        checkpoints += a.checkpoints.size();
        // Taking copies does not change the run.
        REQUIRE(a.steps == b.steps);
        CHECK(a.stdout_text == b.stdout_text);
        CHECK(a.timeline.line == b.timeline.line);
        CHECK(a.timeline.flags == b.timeline.flags);
        CHECK(a.timeline.memory == b.timeline.memory);
        if (!a.ran) continue;
        for (std::uint64_t s : sample_steps(a)) {
            INFO("step " << s);
            CHECK(trace::state_at(a, s, 0) == trace::state_at(b, s, 0));
            const std::uint64_t n = a.timeline.instructions[s];
            if (n > 1) CHECK(trace::state_at(a, s, n / 2) == trace::state_at(b, s, n / 2));
            ++compared;
        }
        for (std::uint64_t i = 0; i < std::min<std::size_t>(a.collections.size(), 3); ++i) {
            INFO("collection " << i);
            CHECK(trace::collection_at(a, i) == trace::collection_at(b, i));
        }
        const std::uint64_t mid = a.steps / 2;
        CHECK(trace::pool_at(a, mid, 0, 0) == trace::pool_at(b, mid, 0, 0));
    }
    // The corpus must exercise copies: hundreds of programs, thousands of checkpoints (an
    // eighth of that in a build with assertions).
#ifdef NDEBUG
    const std::size_t scale = 1;
#else
    const std::size_t scale = 8;
#endif
    CHECK(programs * scale > 200);
    CHECK(checkpoints * scale > 1000);
    CHECK(compared * scale > 1200);
}

TEST_CASE("checkpoints: past the memory budget they thin out and seeks stay exact", "[trace][checkpoint]") {
    trace::TraceInputs in;
    in.source = R"(
items = []
n = 0
while n < 3000:
    items.append(str(n) * 3)
    n += 1
    if len(items) > 50:
        del items[::2]
print(len(items))
)";
    trace::CheckpointPolicy small;
    small.interval = 16;
    small.bytes_per_step = 0;
    small.max_bytes = std::size_t{4} << 20;
    trace::CheckpointPolicy none;
    none.enabled = false;
    const trace::Trace a = trace::record(in, small);
    const trace::Trace b = trace::record(in, none);
    REQUIRE(a.end.reason == "completed");
    const std::size_t held = trace::checkpoints_bytes(a);
    INFO(a.checkpoints.size() << " checkpoints holding " << held << " bytes");
    CHECK(held <= small.max_bytes);
    // Thinned: fewer than one per interval, spaced by a doubled interval or more.
    CHECK(a.checkpoints.size() < a.steps / small.interval);
    CHECK(a.checkpoints.size() >= 8);
    for (std::size_t i = 1; i < a.checkpoints.size(); ++i)
        CHECK(a.checkpoints[i]->line_event > a.checkpoints[i - 1]->line_event);
    for (std::uint64_t s = 0; s <= a.steps; s += 997) {
        INFO("step " << s);
        CHECK(trace::state_at(a, s, 0) == trace::state_at(b, s, 0));
    }
}

TEST_CASE("checkpoints: past min_bytes a long run holds about bytes_per_step per line event", "[trace][checkpoint]") {
    trace::TraceInputs in;
    in.source = R"(
items = []
i = 0
while True:
    items.append([i, str(i)])
    if len(items) > 200:
        items = items[100:]
    i += 1
)";
    in.max_steps = 20000;
    trace::CheckpointPolicy policy;
    policy.interval = 64;
    policy.bytes_per_step = 400;
    policy.min_bytes = std::size_t{1} << 20;
    const trace::Trace t = trace::record(in, policy);
    const std::size_t held = trace::checkpoints_bytes(t);
    INFO(t.checkpoints.size() << " checkpoints holding " << held << " bytes over " << t.steps << " steps");
    REQUIRE(t.checkpoints.size() >= 4);
    // Within the budget (one checkpoint's cost of slack: each is paid for by the interval
    // after it), and far fewer than one per interval: the budget spaced them.
    std::size_t largest = 0;
    for (const auto& cp : t.checkpoints) largest = std::max(largest, cp->bytes);
    CHECK(held <= policy.min_bytes + policy.bytes_per_step * t.steps + largest);
    CHECK(t.checkpoints.size() * 4 < t.steps / policy.interval);
    for (std::size_t i = 1; i < t.checkpoints.size(); ++i)
        CHECK(t.checkpoints[i]->line_event - t.checkpoints[i - 1]->line_event >= policy.interval);
    // Spent as budgeted: the checkpoints hold more than half of it.
    CHECK(2 * held > policy.min_bytes + policy.bytes_per_step * t.steps);
}
