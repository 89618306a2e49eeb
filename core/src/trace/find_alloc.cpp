// trace/find_alloc.cpp — see find_alloc.hpp.
#include "trace/find_alloc.hpp"

#include "lang/vm/interp.hpp"
#include "trace/checkpoint.hpp"
#include "trace/run_tracker.hpp"

namespace refscope::trace {

namespace {

// Re-runs the program, noting the landing steps of one pool's block allocations within the
// open interval (after, before); in `first_only` mode it stops at the first one.
class PoolAllocFinder : public RunTracker {
public:
    PoolAllocFinder(std::uint32_t arena, std::uint32_t pool, std::uint64_t after,
                    std::uint64_t before, bool first_only)
        : arena_(arena), pool_(pool), after_(after), before_(before), first_only_(first_only) {}

    void on_alloc_event(const alloc::AllocEvent& e) override {
        // No exception may leave an allocator hook: a stop waits for the next instruction.
        if (e.kind != alloc::AllocEventKind::block_alloc || e.arena != arena_ || e.pool != pool_) return;
        const std::uint64_t landing = line_events();
        if (landing == 0 || landing <= after_ || landing >= before_) return;
        if (first_only_ && found_) return;
        found_ = landing;
        if (first_only_) vm()->watch_instruction(vm()->begun() + 1);   // stop there
    }
    void on_line(const lang::Frame& frame, std::uint32_t line) override {
        RunTracker::on_line(frame, line);
        // Every later step lands at `before` or beyond.
        if (line_events() >= before_) throw lang::LimitReached{"seek"};
    }
    // The instruction after the first match.
    void on_instruction(const lang::Frame&, const lang::Instr&) override { throw lang::LimitReached{"seek"}; }

    std::optional<std::uint64_t> found() const { return found_; }

private:
    std::uint32_t arena_, pool_;
    std::uint64_t after_, before_;
    bool first_only_;
    std::optional<std::uint64_t> found_;
};

// Runs from `from` (a checkpoint: every landing it sees is at least its line event), or from
// the start.
std::optional<std::uint64_t> search(const Trace& t, const Checkpoint* from, PoolAllocFinder& finder) {
    if (!t.ran) return std::nullopt;
    run_traced(t, from, finder);
    // A run stopped by its step limit may see one more line event than the trace has steps.
    auto found = finder.found();
    if (found && *found > t.steps) return std::nullopt;
    return found;
}

}  // namespace

std::optional<std::uint64_t> next_alloc_step(const Trace& trace, std::uint64_t after,
                                             std::uint32_t arena, std::uint32_t pool) {
    if (after >= trace.steps) return std::nullopt;
    PoolAllocFinder finder(arena, pool, after, trace.steps + 1, true);
    return search(trace, checkpoint_before(trace, after + 1), finder);
}

std::optional<std::uint64_t> previous_alloc_step(const Trace& trace, std::uint64_t before,
                                                 std::uint32_t arena, std::uint32_t pool) {
    if (before <= 1) return std::nullopt;
    // Backwards one checkpoint interval at a time: the run from a checkpoint at line event L
    // sees the landings L, L + 1, ...; the first interval with a match has the answer.
    std::uint64_t upper = before;
    for (const Checkpoint* cp = checkpoint_before(trace, before - 1);; cp = checkpoint_before(trace, cp->line_event - 1)) {
        const std::uint64_t lower = cp ? cp->line_event - 1 : 0;
        PoolAllocFinder finder(arena, pool, lower, upper, false);
        if (auto found = search(trace, cp, finder)) return found;
        if (!cp || cp->line_event <= 1) return std::nullopt;
        upper = cp->line_event;
    }
}

}  // namespace refscope::trace
