// bench/alloc_replay.cpp — replays a seeded allocate/free trace through the pymalloc
// simulation (both profiles) and, natively, through the host's malloc/free.
//
// Usage: alloc_replay [OPS]          (default 10,000,000 operations)
//
// The trace is generated before any timing: a fixed-seed splitmix64 stream of operations on a
// live set whose target size rises and falls as a triangle wave (1,000 .. 200,000 blocks);
// while below target 3 of 4 operations allocate, above it 1 of 4. Request sizes are mostly
// small (1..512, weighted towards 16..128), about 1% are 513..8192 bytes (raw layer). Frees
// pick a uniformly random live block. Only integer arithmetic is used, so the trace — and the
// checksum of the simulated addresses — is identical natively and in WebAssembly.
//
// Each run prints one line, e.g.
//   pymalloc-sim 3.11: 10000000 ops in 0.41 s = 24.3 M ops/s  checksum 0x...
#include <chrono>
#include <cinttypes>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "alloc/allocator.hpp"
#include "refscope/profile.hpp"

namespace {

// One operation: kFree | index into the live set, or an allocation of `value` bytes.
constexpr std::uint32_t kFree = 0x80000000u;

struct SplitMix64 {
    std::uint64_t state;
    std::uint64_t next() {
        std::uint64_t z = (state += 0x9e3779b97f4a7c15ull);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
        return z ^ (z >> 31);
    }
    std::uint32_t below(std::uint32_t n) { return static_cast<std::uint32_t>(next() % n); }
};

std::uint32_t request_size(SplitMix64& rng) {
    const std::uint32_t pick = rng.below(1000);
    if (pick < 10) return 513 + rng.below(8192 - 512);    // ~1%: the raw layer
    if (pick < 600) return 16 + rng.below(113);           // 16..128: small objects
    return 1 + rng.below(512);                            // anything pymalloc serves
}

std::vector<std::uint32_t> make_trace(std::uint64_t ops) {
    SplitMix64 rng{0x5eed'a110'c8a7'e5e7ull};
    std::vector<std::uint32_t> trace;
    trace.reserve(ops);
    std::uint64_t live = 0;
    constexpr std::uint64_t kLow = 1000, kHigh = 200000, kPeriod = 2000000;
    for (std::uint64_t i = 0; i < ops; ++i) {
        const std::uint64_t phase = i % kPeriod;
        const std::uint64_t ramp = phase < kPeriod / 2 ? phase : kPeriod - phase;
        const std::uint64_t target = kLow + (kHigh - kLow) * ramp / (kPeriod / 2);
        const std::uint32_t alloc_odds = live < target ? 3 : 1;   // out of 4
        if (live == 0 || rng.below(4) < alloc_odds) {
            trace.push_back(request_size(rng));
            ++live;
        } else {
            trace.push_back(kFree | rng.below(static_cast<std::uint32_t>(live)));
            --live;
        }
    }
    return trace;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

void report(const char* name, std::uint64_t ops, double seconds, const char* extra) {
    std::printf("%s: %" PRIu64 " ops in %.2f s = %.1f M ops/s%s\n", name, ops, seconds,
                static_cast<double>(ops) / seconds / 1e6, extra);
}

double run_simulation(refscope::ProfileId id, const std::vector<std::uint32_t>& trace) {
    using refscope::alloc::Address;
    refscope::alloc::Allocator allocator(refscope::profile(id),
                                         {.memory_limit = std::uint64_t{1} << 34,
                                          .check_every_op = false});
    std::vector<Address> live;
    live.reserve(trace.size());
    const auto start = std::chrono::steady_clock::now();
    std::uint64_t checksum = 0xcbf29ce484222325ull;
    for (const std::uint32_t op : trace) {
        if (op & kFree) {
            const std::uint32_t i = op & ~kFree;
            allocator.free(live[i]);
            live[i] = live.back();
            live.pop_back();
        } else {
            const Address p = allocator.malloc(op);
            live.push_back(p);
            checksum = (checksum ^ p) * 0x100000001b3ull;
        }
    }
    for (const Address p : live) allocator.free(p);
    const double seconds = seconds_since(start);
    allocator.check_invariants();
    char extra[96];
    std::snprintf(extra, sizeof extra, "  checksum 0x%016" PRIx64 "  arenas highwater %" PRIu64,
                  checksum, allocator.stats().arenas_highwater);
    const std::string name = "pymalloc-sim " + std::string(refscope::profile(id).name);
    report(name.c_str(), trace.size(), seconds, extra);
    return seconds;
}

#ifndef __EMSCRIPTEN__
double run_system(const std::vector<std::uint32_t>& trace) {
    std::vector<void*> live;
    live.reserve(trace.size());
    const auto start = std::chrono::steady_clock::now();
    for (const std::uint32_t op : trace) {
        if (op & kFree) {
            const std::uint32_t i = op & ~kFree;
            std::free(live[i]);
            live[i] = live.back();
            live.pop_back();
        } else {
            void* p = std::malloc(op);
            if (p == nullptr) std::abort();
            static_cast<volatile char*>(p)[0] = 1;   // keep the call observable
            live.push_back(p);
        }
    }
    for (void* p : live) std::free(p);
    const double seconds = seconds_since(start);
    report("system malloc", trace.size(), seconds, "");
    return seconds;
}
#endif

}  // namespace

int main(int argc, char** argv) {
    std::uint64_t ops = 10'000'000;
    if (argc > 1) ops = std::strtoull(argv[1], nullptr, 10);
    if (ops == 0) {
        std::fprintf(stderr, "usage: %s [OPS]\n", argv[0]);
        return 2;
    }
    const std::vector<std::uint32_t> trace = make_trace(ops);
    const double sim311 = run_simulation(refscope::ProfileId::cpython_3_11, trace);
    const double classic = run_simulation(refscope::ProfileId::classic, trace);
#ifndef __EMSCRIPTEN__
    const double system = run_system(trace);
    std::printf("ratio sim/system (time): 3.11 %.2f, classic %.2f\n", sim311 / system,
                classic / system);
#else
    (void)sim311;
    (void)classic;
#endif
    return 0;
}
