// lang/vm/interp_copy.cpp — copies of a running interpreter, for a trace's checkpoints.
//
// A copy is made at a line event while only the main module's eval loop runs (can_copy): the
// whole run is then data — the heap, the allocator, the collector, the frame chain from the
// current frame down to the __main__ frame, suspended generators' frames — and nothing the
// C++ stack holds is needed to go on. The copy is positioned just before the instruction
// whose line event is being reported (its pc, counters and last line wound back), so that
// resume_main() reports that line event again and runs on exactly as the original did.
//
// Frame structs are the only pointers between the parts: the copy gets its own, and every
// pointer to one (a frame's `previous`, a frame object's `live`, a generator's frame) is
// mapped onto them. Payloads other than generators' and frame objects' never change once
// made and are shared; compilation units are shared.
#include <unordered_map>

#include "lang/vm/interp.hpp"
#include "lang/vm/ref.hpp"
#include "lang/vm/vm_observer.hpp"
#include "refscope/errors.hpp"

namespace refscope::lang {

bool Interp::can_copy() const {
    if (!current_ || !main_frame_ || exc_ || unsupported_stop_ || limit_notified_) return false;
    if (tracemalloc_ || in_gc_callback_ || !repr_guard_.empty()) return false;
    if (exc_info_ != &base_exc_state_ || base_exc_state_.previous) return false;
    if (heap_->gc().collecting()) return false;
    for (const Frame* f = current_; f; f = f->previous)
        if (f->is_entry) return f == main_frame_ && !f->previous;
    return false;
}

Interp::Interp(const Interp& other, RunResult& result, CopyTag)
    : limit_notified_(other.limit_notified_),
      instructions_(other.instructions_),
      line_steps_(other.line_steps_),
      begun_(other.begun_),
      depth_(other.depth_),
      base_exc_state_{other.base_exc_state_.value, nullptr},
      exc_(other.exc_),
      unsupported_stop_(other.unsupported_stop_),
      options_(other.options_),
      script_path_(other.script_path_),
      result_(result),
      profile_(other.profile_),
      recursion_limit_(other.recursion_limit_),
      ids_(other.ids_),
      types_(other.types_),
      excs_(other.excs_),
      ellipsis_(other.ellipsis_),
      not_implemented_(other.not_implemented_),
      builtins_dict_(other.builtins_dict_),
      builtins_module_(other.builtins_module_),
      main_module_(other.main_module_),
      main_dict_(other.main_dict_),
      modules_(other.modules_),
      sys_stdout_(other.sys_stdout_),
      sys_stderr_(other.sys_stderr_),
      gc_callbacks_(other.gc_callbacks_),
      gc_garbage_(other.gc_garbage_),
      memory_error_(other.memory_error_),
      last_value_(other.last_value_),
      units_(other.units_),
      parse_tree_refs_(other.parse_tree_refs_),
      unit_code_objects_(other.unit_code_objects_),
      stdin_pos_(other.stdin_pos_),
      output_bytes_(other.output_bytes_),
      tstate_dict_(other.tstate_dict_),
      repr_list_(other.repr_list_),
      finalizers_(other.finalizers_),
      subclasses_(other.subclasses_),
      static_slots_(other.static_slots_) {
    allocator_ = std::make_unique<alloc::Allocator>(*other.allocator_, alloc::Allocator::CopyTag{});
    heap_ = std::make_unique<Heap>(*other.heap_, *allocator_);
    heap_->set_hooks(this);
    heap_->gc().set_callbacks(this);
    options_.observer = nullptr;
    options_.alloc_observer = nullptr;

    // The frame chain, innermost first.
    std::unordered_map<const Frame*, Frame*> copied;
    Frame* below = nullptr;
    for (const Frame* f = other.current_; f; f = f->previous) {
        auto* c = new Frame(*f);
        c->previous = nullptr;
        copied[f] = c;
        if (below) below->previous = c;
        else current_ = c;
        below = c;
    }
    main_frame_ = copied.at(other.main_frame_);
    // Generators own their frames; a frame object points at its running frame or owns the
    // data of an ended one. Read the other heap without copying its storage (peek).
    std::vector<ObjId> generators, frame_objects;
    other.heap_->peek_each_live([&](ObjId id, const object::Object& o) {
        if (o.type == Type::generator && o.payload) generators.push_back(id);
        if (o.type == Type::frame && o.payload) frame_objects.push_back(id);
    });
    for (ObjId id : generators) {
        const auto& g = *payload_of<GenPayload>(other.heap_->peek(id));
        auto p = std::make_shared<GenPayload>();
        p->state = g.state;
        p->exc_state = ExcStackItem{g.exc_state.value, nullptr};
        if (g.frame) {
            p->frame = std::make_unique<Frame>(*g.frame);
            p->frame->previous = nullptr;
            copied[g.frame.get()] = p->frame.get();
        }
        heap_->at(id).payload = std::move(p);
    }
    for (ObjId id : frame_objects) {
        const auto& fo = *payload_of<FramePayload>(other.heap_->peek(id));
        auto p = std::make_shared<FramePayload>();
        p->code = fo.code;
        p->info = fo.info;
        if (fo.live) {
            auto it = copied.find(fo.live);
            if (it == copied.end()) throw InvariantError("copy: a frame object's running frame is not on the chain");
            p->live = it->second;
        }
        if (fo.owned) {
            p->owned = std::make_unique<Frame>(*fo.owned);
            p->owned->previous = nullptr;
        }
        heap_->at(id).payload = std::move(p);
    }
}

std::unique_ptr<Interp> Interp::copy(RunResult& result, VmObserver* observer,
                                     alloc::AllocObserver* alloc_observer) const {
    if (!current_ || !main_frame_) throw InvariantError("copy: the run has no frame to copy");
    // The output so far stays with the original (the trace keeps it): a copy's result starts
    // with none, so that checkpoints of a program that prints much do not each hold all of it.
    result = result_;
    result.stdout_text.clear();
    result.stderr_text.clear();
    std::unique_ptr<Interp> c(new Interp(*this, result, CopyTag{}));
    // Wind the copy back to just before the instruction whose line event is being reported
    // (eval_loop's fetch: lasti = pc++, ++instructions_, last_line = line, on_line_step; the
    // instruction is not begun yet, so begun_ stays), unless this is already such a copy that
    // has not run. A copy watches no instruction.
    if (!resumable_) {
        Frame* f = c->current_;
        f->pc = f->lasti;
        f->last_line = 0;
        --c->instructions_;
        --c->line_steps_;
    }
    c->resumable_ = true;
    c->observer_ = observer;
    c->options_.observer = observer;
    c->options_.alloc_observer = alloc_observer;
    if (alloc_observer) c->allocator_->set_observer(alloc_observer);
    return c;
}

std::size_t Interp::copied_table_bytes() const {
    std::size_t frames = 0;
    for (const Frame* f = current_; f; f = f->previous)
        frames += sizeof(Frame) + (f->fast.size() + f->stack.capacity()) * sizeof(ObjId);
    return sizeof(Interp) + frames + heap_->copied_table_bytes() + allocator_->copied_table_bytes() +
           (parse_tree_refs_.size() + unit_code_objects_.size() + finalizers_.size()) * sizeof(ObjId) +
           (subclasses_.size() + static_slots_.size()) * 32;
}

void Interp::resume_main() {
    if (!resumable_) throw InvariantError("resume_main: not a copy made by Interp::copy");
    resumable_ = false;
    previous_active_heap_ = vm::active_heap;
    vm::active_heap = heap_.get();
    if (observer_) observer_->on_resume(*this);
    ObjId result = kNull;
    try {
        result = eval_loop(current_);
        current_ = nullptr;
    } catch (LimitReached& limit) {
        end_main_by_limit(limit);
        return;
    }
    finish_main(result);
}

}  // namespace refscope::lang
