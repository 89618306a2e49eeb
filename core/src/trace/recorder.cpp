// trace/recorder.cpp — see recorder.hpp.
#include "trace/recorder.hpp"

#include <algorithm>

#include "lang/vm/frame.hpp"
#include "lang/vm/interp.hpp"

namespace refscope::trace {

RunOptions run_options(const TraceInputs& inputs) {
    RunOptions o;
    o.profile = inputs.profile;
    o.stdin_text = inputs.stdin_text;
    o.max_steps = inputs.max_steps;
    return o;
}

std::size_t Trace::recorded_bytes() const {
    return timeline.bytes() + output.size() * sizeof(OutputChunk) +
           collections.size() * sizeof(CollectionInfo) + stdout_text.size() + stderr_text.size();
}

void Recorder::on_start(lang::Interp& vm) {
    RunTracker::on_start(vm);
    vm.heap().count_live_after(start_serial());
    vm.heap().gc().set_observer(this);
}

void Recorder::on_call(const lang::Frame& frame) {
    RunTracker::on_call(frame);
    flag(kFlagCall);
}

void Recorder::on_return(const lang::Frame&, object::ObjId) {
    flag(kFlagReturn);
}

void Recorder::push_row(std::uint32_t line, std::uint32_t depth) {
    Timeline& t = trace_.timeline;
    const alloc::AllocatorStats s = vm_->allocator().stats();
    const auto counts = vm_->heap().gc().count();
    t.line.push_back(line);
    t.depth.push_back(depth);
    t.instructions.push_back(0);
    t.flags.push_back(0);
    t.memory.push_back(static_cast<std::uint32_t>(
        std::min<std::uint64_t>(s.pymalloc_bytes_in_use + s.raw_bytes_in_use, UINT32_MAX)));
    t.arenas.push_back(static_cast<std::uint32_t>(s.arenas_allocated_current));
    t.pools.push_back(pools_in_use());
    t.objects.push_back(static_cast<std::uint32_t>(vm_->heap().live_counted()));
    t.gen0.push_back(static_cast<std::uint32_t>(counts[0]));
    t.gen1.push_back(static_cast<std::uint32_t>(counts[1]));
    t.gen2.push_back(static_cast<std::uint32_t>(counts[2]));
}

void Recorder::on_line(const lang::Frame& frame, std::uint32_t line) {
    if (frozen_) return;
    checkpointer_.at_line_event(*vm_, s_);
    end_step();
    RunTracker::on_line(frame, line);
    push_row(line, frame.depth);
    refcount_changes_at_step_ = vm_->heap().refcount_changes();
}

void Recorder::end_step() {
    if (!s_.line_events) return;
    trace_.timeline.instructions.back() = static_cast<std::uint32_t>(vm_->begun() - s_.line_start);
    if (vm_->heap().refcount_changes() != refcount_changes_at_step_) flag(kFlagRefcount);
}

void Recorder::on_binding(const lang::Frame& frame, std::string_view name, object::ObjId value) {
    RunTracker::on_binding(frame, name, value);
    flag(kFlagBinding);
}

void Recorder::on_exception_raised(const lang::Frame&, object::ObjId) { flag(kFlagException); }

void Recorder::on_output(int stream, std::string_view text) {
    if (frozen_ || text.empty()) return;
    flag(kFlagOutput);
    std::uint64_t& offset = stream == 1 ? stdout_bytes_ : stderr_bytes_;
    const std::uint64_t step = current_step();
    auto& chunks = trace_.output;
    if (!chunks.empty() && chunks.back().step == step && chunks.back().stream == stream) {
        chunks.back().length += text.size();
    } else {
        chunks.push_back({step, stream, offset, text.size()});
    }
    offset += text.size();
}

void Recorder::on_limit(lang::Interp& vm) {
    if (frozen_) return;
    end_step();
    // The run stops here with its frames: the final row shows where.
    const lang::Frame* f = vm.current_frame();
    push_row(f ? f->last_line : 0, f ? f->depth : 0);
    trace_.timeline.instructions.back() = 1;   // the final state has one instruction step
    frozen_ = true;
}

void Recorder::on_shutdown(lang::Interp&) { shutting_down_ = true; }

void Recorder::on_end(lang::Interp&) {
    if (frozen_) return;
    end_step();
    push_row(0, 0);
    trace_.timeline.instructions.back() = 1;   // the final state has one instruction step
    frozen_ = true;
}

void Recorder::on_alloc_event(const alloc::AllocEvent& e) {
    RunTracker::on_alloc_event(e);
    using alloc::AllocEventKind;
    switch (e.kind) {
        case AllocEventKind::block_alloc:
        case AllocEventKind::raw_alloc: flag(kFlagAlloc); break;
        case AllocEventKind::block_free:
        case AllocEventKind::raw_free: flag(kFlagFree); break;
        case AllocEventKind::arena_new:
        case AllocEventKind::arena_free: flag(kFlagArena); break;
        default: break;
    }
}

void Recorder::on_gc_phase(const gc::GcPhaseRecord& r) {
    if (frozen_) return;
    auto& list = trace_.collections;
    if (r.phase == gc::GcPhase::start) {
        flag(kFlagCollection);
        CollectionInfo c;
        c.index = list.size();
        c.serial = r.collection;
        c.step = current_step();
        c.generation = r.generation;
        c.reason = shutting_down_ ? "shutdown" : r.automatic ? "automatic" : "gc.collect";
        list.push_back(std::move(c));
    }
    if (list.empty() || list.back().serial != r.collection) return;
    list.back().phases += 1;
    if (r.phase == gc::GcPhase::done) {
        list.back().collected = r.collected;
        list.back().uncollectable = r.uncollectable;
    }
}

namespace {

// The last "  File ..., line N" of a traceback.
std::uint32_t traceback_line(const std::string& err) {
    std::uint32_t line = 0;
    std::size_t pos = 0;
    while ((pos = err.find(", line ", pos)) != std::string::npos) {
        pos += 7;
        std::uint32_t n = 0;
        while (pos < err.size() && err[pos] >= '0' && err[pos] <= '9') n = n * 10 + (err[pos++] - '0');
        line = n;
    }
    return line;
}

std::string last_line_of(const std::string& text) {
    std::size_t end = text.size();
    while (end > 0 && text[end - 1] == '\n') --end;
    std::size_t start = text.rfind('\n', end ? end - 1 : 0);
    start = start == std::string::npos || end == 0 ? 0 : start + 1;
    return text.substr(start, end - start);
}

}  // namespace

void Recorder::finish(const RunResult& result) {
    trace_.steps = s_.line_events;
    trace_.ran = vm_ != nullptr;
    if (trace_.timeline.size() == 0) push_empty_row();
    trace_.timeline.shrink_to_fit();   // no more rows
    trace_.stdout_text = result.stdout_text;
    trace_.stderr_text = result.stderr_text;
    trace_.instructions = result.instructions;
    TraceEnd& end = trace_.end;
    end.exit_status = result.exit_status;
    end.limit = result.limit_reason;
    if (result.syntax_error) {
        end.reason = "syntax_error";
        end.message = last_line_of(result.stderr_text);
        end.line = result.error_line;
    } else if (!result.unsupported.empty()) {
        end.reason = "unsupported";
        end.message = result.unsupported;
        end.line = result.unsupported_line;
    } else if (!result.limit_reason.empty()) {
        end.reason = "limit";
        end.message = result.limit_reason == "steps"    ? "the step limit was reached"
                      : result.limit_reason == "memory" ? "the simulated memory limit was reached"
                                                        : "the output limit was reached";
    } else if (result.stderr_text.find("Traceback (most recent call last):") != std::string::npos &&
               result.exit_status == 1) {
        end.reason = "exception";
        end.message = last_line_of(result.stderr_text);
        end.line = traceback_line(result.stderr_text);
    } else if (result.exit_status != 0) {
        end.reason = "exit";
        end.message = last_line_of(result.stderr_text);
    } else {
        end.reason = "completed";
    }
}

void Recorder::push_empty_row() {
    for (PackedColumn* c : trace_.timeline.columns()) c->push_back(0);
}

Trace record(const TraceInputs& inputs, CheckpointPolicy policy) {
    Trace trace;
    trace.inputs = inputs;
    Recorder recorder(trace, policy);
    RunOptions options = run_options(inputs);
    options.observer = &recorder;
    options.alloc_observer = &recorder;
    const RunResult result = run_program(inputs.source, inputs.filename, options);
    recorder.finish(result);
    return trace;
}

}  // namespace refscope::trace
