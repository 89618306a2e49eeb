// bench/trace_bench.cpp — how fast refscope records a run, how big the trace is, and how long
// rebuilding the state at a step takes (natively, and in WebAssembly under Node).
//
// Usage: trace_bench [STEPS [PROGRAM...]]   (default 1,000,000 line steps; all three programs)
//
// Three programs, each stopped by max_steps = STEPS: one that loops and allocates (lists and
// strings, slices that free), one that recurses (fib), one that builds and drops reference
// cycles that the collector frees. For each, the run without observer, then with full
// recording (timeline and checkpoints), each the fastest of 3 runs (the machines here are
// shared: the fastest run is the one others disturbed least); then states rebuilt, as the JSON
// text the API answers, at 30 steps picked by a fixed-seed generator (the same steps natively
// and in wasm).
//
// Lines (the text before the colon names the figure; scripts/bench.sh pairs "M ops/s" lines of
// the two builds):
//   run loop: 1000000 steps in 0.071 s = 14.1 M ops/s            no observer
//   record loop: 1000000 steps in 0.092 s = 10.9 M ops/s         full recording
//   trace bytes loop: 5.8 bytes per step (5776468 bytes, 0 collections)   timeline, output, collections
//   checkpoints loop: 489, 12.5 bytes per step (12500000 bytes)
//   seek loop: 30 states, median 1.1 ms, mean 1.2 ms, max 2.0 ms (state JSON 9.1 KB mean)
#include <algorithm>
#include <chrono>
#include <cinttypes>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "refscope/engine.hpp"
#include "trace/checkpoint.hpp"
#include "trace/recorder.hpp"
#include "trace/seek.hpp"

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t0) {
    return std::chrono::duration<double>(Clock::now() - t0).count();
}

struct Program {
    const char* name;
    const char* source;
};

const Program kPrograms[] = {
    {"loop", R"(
items = []
total = 0
i = 0
while True:
    items.append([i, str(i)])
    total += len(items[-1][1])
    if len(items) > 200:
        items = items[100:]
    i += 1
)"},
    {"recursion", R"(
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)
while True:
    fib(15)
)"},
    {"cycles", R"(
class Node:
    def __init__(self, value):
        self.value = value
        self.other = None
while True:
    a = Node(1)
    b = Node(2)
    a.other = b
    b.other = a
    del a, b
)"},
};

constexpr int kRuns = 3;

// The shortest time of kRuns calls of f, in seconds.
template <class F> double best_of(F&& f) {
    double best = 0;
    for (int i = 0; i < kRuns; ++i) {
        const auto t0 = Clock::now();
        f();
        const double s = seconds_since(t0);
        if (i == 0 || s < best) best = s;
    }
    return best;
}

std::uint64_t splitmix(std::uint64_t& state) {
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

}  // namespace

int main(int argc, char** argv) {
    const std::uint64_t steps = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 1'000'000;
    std::vector<refscope::trace::Trace> traces;
    std::vector<const Program*> programs;
    for (const Program& p : kPrograms) {
        bool wanted = argc <= 2;
        for (int i = 2; i < argc; ++i) wanted = wanted || std::strcmp(argv[i], p.name) == 0;
        if (wanted) programs.push_back(&p);
    }
    for (const Program* program : programs) {
        const Program& p = *program;
        refscope::trace::TraceInputs in;
        in.source = p.source;
        in.max_steps = steps;

        // The fastest of kRuns: on a shared machine, the run least disturbed by others.
        const refscope::RunOptions plain = refscope::trace::run_options(in);
        refscope::RunResult r;
        double s = best_of([&] { r = refscope::run_program(in.source, in.filename, plain); });
        std::printf("run %s: %" PRIu64 " steps in %.3f s = %.2f M ops/s\n", p.name, r.line_steps, s,
                    r.line_steps / s / 1e6);

        refscope::trace::Trace t;
        s = best_of([&] { t = refscope::trace::record(in); });
        std::printf("record %s: %" PRIu64 " steps in %.3f s = %.2f M ops/s\n", p.name, t.steps, s,
                    t.steps / s / 1e6);
        const std::size_t bytes = t.recorded_bytes();
        std::printf("trace bytes %s: %.1f bytes per step (%zu bytes, %zu collections)\n", p.name,
                    t.steps ? static_cast<double>(bytes) / static_cast<double>(t.steps) : 0.0, bytes,
                    t.collections.size());
        const std::size_t cp_bytes = refscope::trace::checkpoints_bytes(t);
        std::printf("checkpoints %s: %zu, %.1f bytes per step (%zu bytes)\n", p.name,
                    t.checkpoints.size(),
                    t.steps ? static_cast<double>(cp_bytes) / static_cast<double>(t.steps) : 0.0, cp_bytes);
        std::fflush(stdout);
        traces.push_back(std::move(t));
    }

    for (std::size_t k = 0; k < traces.size(); ++k) {
        const refscope::trace::Trace& t = traces[k];
        std::uint64_t seed = 42;
        const int kSeeks = 30;
        double total = 0, worst = 0;
        std::size_t json_bytes = 0;
        std::vector<double> times;
        for (int i = 0; i < kSeeks; ++i) {
            const std::uint64_t step = splitmix(seed) % (t.steps + 1);
            const auto t0 = Clock::now();
            const std::string state = refscope::trace::state_text(t, step, 0);
            const double ms = seconds_since(t0) * 1e3;
            json_bytes += state.size();
            total += ms;
            if (ms > worst) worst = ms;
            times.push_back(ms);
        }
        std::sort(times.begin(), times.end());
        std::printf("seek %s: %d states of a %" PRIu64 "-step trace, median %.1f ms, mean %.1f ms, max %.1f ms (state JSON %.1f KB mean)\n",
                    programs[k]->name, kSeeks, t.steps, times[kSeeks / 2], total / kSeeks, worst,
                    json_bytes / 1024.0 / kSeeks);
        std::fflush(stdout);
    }
    return 0;
}
