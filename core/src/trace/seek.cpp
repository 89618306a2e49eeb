// trace/seek.cpp — see seek.hpp.
#include "trace/seek.hpp"

#include "trace/checkpoint.hpp"

#include <functional>
#include <optional>
#include <unordered_map>

#include "gc/collector.hpp"
#include "lang/vm/interp.hpp"
#include "object/heap.hpp"
#include "refscope/errors.hpp"
#include "trace/alloc_json.hpp"
#include "trace/run_tracker.hpp"
#include "trace/snapshot.hpp"

namespace refscope::trace {

using nlohmann::json;
using object::ObjId;

namespace {

// Runs the trace's program until `reached` says the point is here, then calls `build`.
class SeekObserver : public RunTracker, public gc::GcObserver, public object::ObjectObserver {
public:
    // Builds the answer as JSON text (or calls fail() and returns nothing).
    using Build = std::function<std::string(SeekObserver&, const lang::Instr*)>;
    SeekObserver(const Trace& trace, std::uint64_t step, std::uint64_t instr, Build build)
        : trace_(trace), step_(step), instr_(instr), build_(std::move(build)) {}
    // Window mode: also build instr 0 of every step in [first, last] (last < steps) and keep
    // everything in `window`; the run stops after the last point.
    void want_window(std::uint64_t first, std::uint64_t last) {
        first_ = first;
        last_ = last;
        window_mode_ = true;
    }
    std::map<std::pair<std::uint64_t, std::uint64_t>, std::string> window;
    // Collection mode: stop at the end of the collection with this serial.
    void want_collection(std::uint64_t serial) { collection_ = serial; }

    void on_start(lang::Interp& vm) override {
        RunTracker::on_start(vm);
        observe_collector(vm);
    }
    void on_resume(lang::Interp& vm) override { observe_collector(vm); }
    void on_line(const lang::Frame& frame, std::uint32_t line) override {
        RunTracker::on_line(frame, line);
        if (collection_) return;
        const std::uint64_t s = line_events() - 1;
        if (s == step_ && instr_ > 0) vm_->watch_instruction(line_start() + 1 + instr_);
        reached(s, 0, &frame.code->code[frame.lasti]);
    }
    // Only the watched instruction: instr_ of step_.
    void on_instruction(const lang::Frame&, const lang::Instr& instr) override {
        reached(line_events() - 1, instr_, &instr);
    }
    void on_limit(lang::Interp& vm) override {
        const lang::Frame* f = vm.current_frame();
        capture_final(f ? &f->code->code[f->lasti] : nullptr);
    }
    void on_end(lang::Interp&) override { capture_final(nullptr); }
    void on_gc_phase(const gc::GcPhaseRecord& r) override {
        if (r.collection != collection_) return;
        json ids_young = json::array();
        for (auto [id, refs] : r.young) ids_young.push_back({serial(id), refs});
        auto ids = [&](const std::vector<ObjId>& v) {
            json out = json::array();
            for (ObjId id : v) out.push_back(serial(id));
            return out;
        };
        phases_.push_back({{"phase", gc::phase_name(r.phase)}, {"young", std::move(ids_young)},
                           {"unreachable", ids(r.unreachable)}, {"affected", ids(r.affected)}});
        if (r.phase == gc::GcPhase::done) {
            result_ = json{{"phases", std::move(phases_)}}.dump(-1, ' ', false, json::error_handler_t::replace);
            throw lang::LimitReached{"seek"};
        }
    }
    void on_object_event(const object::ObjectEvent& e) override {
        if (e.kind == object::ObjectEventKind::freed) freed_serial_[e.id] = vm_->obj(e.id).serial;
    }

    std::optional<std::string> take() { return std::move(result_); }
    // A point the request names does not exist (no exception may leave a hook: the
    // interpreter would not clean up); run_to throws it as a UsageError.
    std::string fail(std::string message) {
        usage_error_ = std::move(message);
        return {};
    }
    const std::string& usage_error() const { return usage_error_; }
    const Trace& trace() const { return trace_; }
    std::uint64_t step() const { return window_mode_ ? window_step_ : step_; }
    std::uint64_t instr() const { return window_mode_ ? window_instr_ : instr_; }

    // The line event the run must reach first (a checkpoint at or before it may be used).
    std::uint64_t first_line_event() const {
        if (window_mode_) return std::min(first_, step_) + 1;
        return step_ + 1;
    }

private:
    void observe_collector(lang::Interp& vm) {
        if (!collection_) return;
        vm.heap().gc().set_observer(this);
        vm.heap().set_observer(this);
    }
    std::uint64_t serial(ObjId id) const {
        if (vm_->obj(id).live()) return vm_->obj(id).serial;
        auto it = freed_serial_.find(id);
        return it == freed_serial_.end() ? 0 : it->second;
    }
    // Building reads the engine and changes nothing (snapshot.hpp, 1): shared storage is read
    // where it is, not copied.
    std::string build(const lang::Instr* next) {
        object::Heap::ReadOnlyScope read_only(vm_->heap());
        return build_(*this, next);
    }
    void capture(const lang::Instr* next) {
        if (result_) return;
        result_ = build(next);
        throw lang::LimitReached{"seek"};
    }
    void capture_final(const lang::Instr* next) {
        if (window_mode_) {
            if (step_ == trace_.steps && !window.count({step_, 0})) {
                window_step_ = step_;
                window_instr_ = 0;
                window[{step_, 0}] = build(next);
            }
            result_ = std::string("{}");
            return;
        }
        if (result_ || collection_ || step_ != trace_.steps) return;
        result_ = build(next);
    }
    // The run is about to run instruction k of step s (next).
    void reached(std::uint64_t s, std::uint64_t k, const lang::Instr* next) {
        const bool exact = s == step_ && k == instr_;
        if (!window_mode_) {
            if (exact && step_ < trace_.steps) capture(next);
            return;
        }
        const bool in_window = k == 0 && s >= first_ && s <= last_;
        if (!in_window && !exact) return;
        window_step_ = s;
        window_instr_ = k;
        window[{s, k}] = build(next);
        const std::uint64_t stop_step = std::max(last_, step_);
        const bool done = s > stop_step || (s == stop_step && (step_ != stop_step || k >= instr_));
        if (done && step_ < trace_.steps) {
            result_ = std::string("{}");
            throw lang::LimitReached{"seek"};
        }
    }

    const Trace& trace_;
    std::uint64_t step_, instr_;
    Build build_;
    std::uint64_t collection_ = 0;
    bool window_mode_ = false;
    std::uint64_t first_ = 0, last_ = 0, window_step_ = 0, window_instr_ = 0;
    std::optional<std::string> result_;
    std::string usage_error_;
    json phases_ = json::array();
    std::unordered_map<ObjId, std::uint64_t> freed_serial_;
};

// Runs from the latest checkpoint before `line_event` (from the start when there is none).
std::string run_to(SeekObserver& seeker, std::uint64_t line_event) {
    const Trace& t = seeker.trace();
    run_traced(t, checkpoint_before(t, line_event), seeker);
    auto result = seeker.take();
    if (!seeker.usage_error().empty()) throw UsageError(seeker.usage_error());
    if (!result) throw InvariantError("a seek did not reach its point: the run was not repeated exactly");
    return std::move(*result);
}

void check_point(const Trace& t, std::uint64_t step, std::uint64_t instr) {
    if (step > t.steps)
        throw UsageError("step " + std::to_string(step) + " is outside the trace (0.." + std::to_string(t.steps) + ")");
    const std::uint64_t n = std::max<std::uint64_t>(1, t.timeline.instructions[step]);
    if (instr >= n)
        throw UsageError("instr " + std::to_string(instr) + " is outside step " + std::to_string(step) +
                         " (0.." + std::to_string(n - 1) + ")");
}

SnapshotPoint point_of(const SeekObserver& s, const lang::Instr* next) {
    const Trace& t = s.trace();
    SnapshotPoint p;
    p.step = s.step();
    p.instr = s.instr();
    p.instructions = std::max<std::uint64_t>(1, t.timeline.instructions[p.step]);
    p.line = t.timeline.line[p.step];
    p.next = next;
    // The end of a completed run has no frames; a run a limit stopped keeps them.
    p.final = p.step == t.steps && t.end.limit.empty();
    return p;
}

// The state of a trace whose program never ran (a syntax error): no frames, no objects.
std::string empty_state(const Trace& t) {
    const json state = {{"step", 0}, {"instr", 0}, {"instructions", 1}, {"line", t.end.line},
                        {"instruction", nullptr}, {"frames", json::array()}, {"objects", json::array()},
                        {"omitted", 0}, {"gc", nullptr}, {"allocator", nullptr}};
    return state.dump();
}

}  // namespace

std::string state_text(const Trace& trace, std::uint64_t step, std::uint64_t instr) {
    check_point(trace, step, instr);
    if (!trace.ran) return empty_state(trace);
    SeekObserver seeker(trace, step, instr, [](SeekObserver& s, const lang::Instr* next) {
        return build_state(s, point_of(s, next));
    });
    return run_to(seeker, seeker.first_line_event());
}

json state_at(const Trace& trace, std::uint64_t step, std::uint64_t instr) {
    return json::parse(state_text(trace, step, instr));
}

std::map<std::pair<std::uint64_t, std::uint64_t>, std::string> states_around(
    const Trace& trace, std::uint64_t step, std::uint64_t instr, std::uint64_t first, std::uint64_t last) {
    check_point(trace, step, instr);
    if (!trace.ran) return {{{0, 0}, empty_state(trace)}};
    // The final state is reached only by running to the end: keep the window before it.
    last = std::min(last, trace.steps ? trace.steps - 1 : 0);
    first = std::min(first, last);
    SeekObserver seeker(trace, step, instr, [](SeekObserver& s, const lang::Instr* next) {
        return build_state(s, point_of(s, next));
    });
    seeker.want_window(first, last);
    run_to(seeker, seeker.first_line_event());
    return std::move(seeker.window);
}

json pool_at(const Trace& trace, std::uint64_t step, std::uint32_t arena, std::uint32_t pool) {
    check_point(trace, step, 0);
    if (!trace.ran) throw UsageError("the program did not run: there is no allocator state");
    SeekObserver seeker(trace, step, 0, [arena, pool](SeekObserver& s, const lang::Instr*) {
        lang::Interp& vm = *s.vm();
        const alloc::Allocator& a = vm.allocator();
        if (arena >= a.max_arenas() || !a.arena(arena).address)
            return s.fail("no arena " + std::to_string(arena) + " at this step");
        if (pool >= a.arena(arena).ncarved)
            return s.fail("arena " + std::to_string(arena) + " has no pool " + std::to_string(pool) + " at this step");
        std::unordered_map<alloc::Address, std::uint64_t> owners;
        vm.heap().for_each_live([&](ObjId, const object::Object& o) {
            if (o.addr && !o.is_static()) owners.emplace(o.addr, o.serial);
        });
        json out = api::pool_blocks_json(a, arena, pool, [&](alloc::Address addr) -> json {
            auto it = owners.find(addr);
            return it == owners.end() ? json(nullptr) : json(it->second);
        });
        out["step"] = s.step();
        return out.dump(-1, ' ', false, json::error_handler_t::replace);
    });
    return json::parse(run_to(seeker, step + 1));
}

json collection_at(const Trace& trace, std::uint64_t index) {
    if (index >= trace.collections.size())
        throw UsageError("no collection " + std::to_string(index) + " (the trace has " +
                         std::to_string(trace.collections.size()) + ")");
    const CollectionInfo& c = trace.collections[index];
    SeekObserver seeker(trace, 0, 0, nullptr);
    seeker.want_collection(c.serial);
    json out = json::parse(run_to(seeker, c.step + 1));
    out["index"] = c.index;
    out["generation"] = c.generation;
    out["step"] = c.step;
    out["reason"] = c.reason;
    out["collected"] = c.collected;
    out["uncollectable"] = c.uncollectable;
    return out;
}

}  // namespace refscope::trace
