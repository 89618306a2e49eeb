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
    start_serial_ = serial;
}

bool RunTracker::is_program_object(object::ObjId id) const {
    return vm_ && vm_->obj(id).serial > start_serial_;
}

void RunTracker::on_call(const lang::Frame& frame) {
    frame_ids_[&frame] = next_frame_id_++;
}

std::uint32_t RunTracker::frame_id(const lang::Frame* frame) {
    auto [it, inserted] = frame_ids_.try_emplace(frame, next_frame_id_);
    if (inserted) ++next_frame_id_;
    return it->second;
}

void RunTracker::on_line(const lang::Frame&, std::uint32_t) {
    ++line_events_;
    instr_in_step_ = 0;
    ensure_startup_globals();
}

void RunTracker::ensure_startup_globals() {
    if (globals_snapshot_taken_ || !vm_) return;
    globals_snapshot_taken_ = true;
    const object::Object& d = vm_->obj(vm_->main_dict());
    for (std::size_t k = 0; k + 1 < d.refs.size(); k += 2)
        if (d.refs[k] && vm_->obj(d.refs[k]).type == object::Type::str)
            startup_globals_.insert(vm_->obj(d.refs[k]).text);
}

void RunTracker::on_instruction(const lang::Frame&, const lang::Instr&) { ++instr_in_step_; }

void RunTracker::on_binding(const lang::Frame&, std::string_view name, object::ObjId) {
    if (startup_globals_.count(std::string(name))) bound_names_.emplace(name);
}

void RunTracker::on_alloc_event(const alloc::AllocEvent& e) {
    using alloc::AllocEventKind;
    using alloc::PoolState;
    switch (e.kind) {
        case AllocEventKind::raw_alloc: raw_chunks_[e.address] = e.size; break;
        case AllocEventKind::raw_free: raw_chunks_.erase(e.address); break;
        case AllocEventKind::pool_state: {
            const bool was = e.from == PoolState::used || e.from == PoolState::full;
            const bool is = e.to == PoolState::used || e.to == PoolState::full;
            if (!was && is) ++pools_in_use_;
            if (was && !is) --pools_in_use_;
            break;
        }
        default: break;
    }
}

}  // namespace refscope::trace
