// trace/run_tracker.cpp — see run_tracker.hpp.
#include "trace/run_tracker.hpp"

#include "lang/vm/frame.hpp"
#include "lang/vm/interp.hpp"

namespace refscope::trace {

void RunTracker::on_start(lang::Interp& vm) {
    vm_ = &vm;
    std::uint64_t serial = 0;
    vm.heap().for_each_live([&](object::ObjId, const object::Object& o) {
        if (o.serial > serial) serial = o.serial;
    });
    s_.start_serial = serial;
}

void RunTracker::resume_from(lang::Interp& vm, const State& state) {
    vm_ = &vm;
    s_ = state;
}

bool RunTracker::is_program_object(object::ObjId id) const {
    return vm_ && vm_->obj(id).serial > s_.start_serial;
}

void RunTracker::on_call(const lang::Frame& frame) {
    frame.trace_id = s_.next_frame_id++;
}

std::uint32_t RunTracker::frame_id(const lang::Frame* frame) {
    if (frame->trace_id == 0) frame->trace_id = s_.next_frame_id++;
    return frame->trace_id;
}

void RunTracker::on_line(const lang::Frame&, std::uint32_t) {
    ++s_.line_events;
    s_.line_start = vm_->begun();
    ensure_startup_globals();
}

void RunTracker::ensure_startup_globals() {
    if (s_.globals_snapshot_taken || !vm_) return;
    s_.globals_snapshot_taken = true;
    const object::Object& d = vm_->obj(vm_->main_dict());
    for (std::size_t k = 0; k + 1 < d.refs.size(); k += 2)
        if (d.refs[k] && vm_->obj(d.refs[k]).type == object::Type::str)
            s_.startup_globals.insert(vm_->obj(d.refs[k]).text);
}

void RunTracker::on_binding(const lang::Frame&, std::string_view name, object::ObjId) {
    if (s_.startup_globals.count(std::string(name))) s_.bound_names.emplace(name);
}

void RunTracker::on_alloc_event(const alloc::AllocEvent& e) {
    using alloc::AllocEventKind;
    using alloc::PoolState;
    switch (e.kind) {
        case AllocEventKind::raw_alloc: s_.raw_chunks[e.address] = e.size; break;
        case AllocEventKind::raw_free: s_.raw_chunks.erase(e.address); break;
        case AllocEventKind::pool_state: {
            const bool was = e.from == PoolState::used || e.from == PoolState::full;
            const bool is = e.to == PoolState::used || e.to == PoolState::full;
            if (!was && is) ++s_.pools_in_use;
            if (was && !is) --s_.pools_in_use;
            break;
        }
        default: break;
    }
}

}  // namespace refscope::trace
