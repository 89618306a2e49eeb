// trace/checkpoint.cpp — see checkpoint.hpp.
#include "trace/checkpoint.hpp"

#include <algorithm>
#include <unordered_set>

#include "lang/vm/interp.hpp"
#include "lang/vm/vm_observer.hpp"
#include "trace/trace_data.hpp"

namespace refscope::trace {

Checkpoint::~Checkpoint() = default;

namespace {

// The memory the checkpoints hold together: shared chunks and cells counted once.
std::size_t total_bytes(const std::vector<std::shared_ptr<const Checkpoint>>& checkpoints) {
    std::unordered_set<const void*> seen;
    std::size_t bytes = 0;
    auto count = [&](const void* block, std::size_t size) {
        if (seen.insert(block).second) bytes += size;
    };
    for (const auto& cp : checkpoints) {
        cp->vm->heap().for_each_shared_block(count);
        cp->vm->allocator().for_each_shared_block(count);
        bytes += cp->vm->copied_table_bytes() + sizeof(Checkpoint);
    }
    return bytes;
}

}  // namespace

void Checkpointer::at_line_event(lang::Interp& vm, const RunTracker::State& tracker) {
    if (!policy_.enabled) return;
    const std::uint64_t line_event = tracker.line_events + 1;
    if (line_event < next_check_ || !vm.can_copy()) return;
    auto cp = std::make_shared<Checkpoint>();
    cp->line_event = line_event;
    cp->tracker = tracker;
    // What this checkpoint will hold on to: the storage written since the previous one.
    cp->bytes = vm.heap().unshared_chunk_bytes() + vm.allocator().unshared_bytes();
    cp->vm = vm.copy(cp->result, nullptr, nullptr);
    cp->bytes += cp->vm->copied_table_bytes() + sizeof(Checkpoint);
    const std::size_t cp_bytes = cp->bytes;
    bytes_ += cp_bytes;
    out_.push_back(std::move(cp));
    // Thinning: past the memory budget, every other checkpoint goes (the first stays) and the
    // interval doubles, so the memory stays bounded and the checkpoints evenly spread.
    if (bytes_ > policy_.max_bytes) {
        std::vector<std::shared_ptr<const Checkpoint>> kept;
        for (std::size_t i = 0; i < out_.size(); i += 2) kept.push_back(out_[i]);
        out_.swap(kept);
        interval_ *= 2;
        bytes_ = total_bytes(out_);
    }
    std::uint64_t spacing = interval_;
    if (policy_.bytes_per_step && bytes_ > policy_.min_bytes)
        spacing = std::max<std::uint64_t>(spacing, cp_bytes / policy_.bytes_per_step);
    next_check_ = line_event + spacing;
}

std::size_t checkpoints_bytes(const Trace& trace) { return total_bytes(trace.checkpoints); }

const Checkpoint* checkpoint_before(const Trace& trace, std::uint64_t line_event) {
    const auto& cps = trace.checkpoints;
    auto it = std::upper_bound(cps.begin(), cps.end(), line_event,
                               [](std::uint64_t e, const auto& cp) { return e < cp->line_event; });
    return it == cps.begin() ? nullptr : std::prev(it)->get();
}

void run_traced(const Trace& trace, const Checkpoint* from, RunTracker& observer) {
    RunOptions options = run_options(trace.inputs);
    options.observer = &observer;
    options.alloc_observer = &observer;
    if (!from) {
        run_program(trace.inputs.source, trace.inputs.filename, options);
        return;
    }
    RunResult result;
    std::unique_ptr<lang::Interp> vm = from->vm->copy(result, &observer, &observer);
    observer.resume_from(*vm, from->tracker);
    vm->resume_main();
    vm->shutdown();
    observer.on_end(*vm);
}

}  // namespace refscope::trace
