// lang/vm/generators.cpp — generator objects (Objects/genobject.c, 3.11).
//
// RETURN_GENERATOR turns the frame that a call just pushed into a generator: the generator
// object (sized by the frame, 168 bytes + 8 per local and stack slot) takes over the frame's
// references, and the frame runs again only when the generator is resumed (next(), send(),
// throw(), a for loop), each time in a nested eval loop with the generator's frame as its
// entry frame. YIELD_VALUE returns from that loop leaving the frame suspended; returning or
// raising ends the generator and clears its frame, releasing its locals.
//
// A generator that is dropped while suspended is closed by its finalizer (_PyGen_Finalize):
// GeneratorExit is thrown in at the yield, so its `finally:` blocks run at that moment.
//
// Generator refs: [gi_code, gi_name, gi_qualname, (unused), then while created or suspended
// the frame's references: f_func, f_locals, localsplus..., value stack..., f_code].
#include "lang/runtime/objects.hpp"
#include "lang/vm/interp.hpp"
#include "lang/vm/vm_observer.hpp"

namespace refscope::lang {

namespace {

void host_to_ref(Heap& h, ObjId owner, ObjId x) {
    h.at(owner).refs.push_back(x);
    if (x) h.at(x).external -= 1;
}

}  // namespace

// The frame's references become the generator's (the collector can then see them).
void Interp::suspend_frame_into(ObjId gen, Frame* f) {
    Heap& h = *heap_;
    host_to_ref(h, gen, f->func);
    host_to_ref(h, gen, f->locals);
    for (ObjId x : f->fast) host_to_ref(h, gen, x);
    for (ObjId x : f->stack) host_to_ref(h, gen, x);
    host_to_ref(h, gen, f->code_obj);
}

// ... and back to host references held by the running frame.
void Interp::resume_frame_from(ObjId gen, Frame* f) {
    Heap& h = *heap_;
    auto& refs = h.at(gen).refs;
    for (std::size_t i = kGenFixedRefs; i < refs.size(); ++i)
        if (refs[i]) h.at(refs[i]).external += 1;
    refs.resize(kGenFixedRefs);
    (void)f;
}

ObjId Interp::make_generator(Frame* f) {
    const std::uint32_t slots = static_cast<std::uint32_t>(f->code->localsplus.size()) + f->info->stacksize;
    ObjId qualname = f->func ? obj(f->func).refs[11] : f->info->qualname;
    ObjId refs[] = {f->code_obj, f->info->name, qualname, kNull};
    ObjId gen = heap_->new_object_of(Type::generator, 0, 168 + 8 * slots, refs);
    if (!gen) return raise_memory_error();
    auto p = std::make_shared<GenPayload>();
    p->frame.reset(f);
    p->state = GenState::created;
    heap_->at(gen).payload = std::move(p);
    heap_->set_has_finalizer(gen, true);
    f->generator = gen;
    f->previous = nullptr;
    f->is_entry = false;
    suspend_frame_into(gen, f);
    return gen;
}

ObjId Interp::gen_send(ObjId gen, ObjId value, ObjId exc, bool& returned, ObjId* retval) {
    returned = false;
    auto* gp = payload_of<GenPayload>(obj(gen));
    if (gp->state == GenState::running) {
        xdecref(exc);
        return raise(Exc::ValueError, "generator already executing");
    }
    if (gp->state == GenState::completed) {
        if (exc) return raise_obj(exc);
        if (value) {   // send() on an exhausted generator: StopIteration
            return raise_stop_iteration(kNull);
        }
        return kNull;
    }
    if (gp->state == GenState::created && value && value != none() && !exc)
        return raise(Exc::TypeError, "can't send non-None value to a just-started generator");
    Ref keep = Ref::borrow(gen);
    Frame* f = gp->frame.get();
    resume_frame_from(gen, f);
    f->stack.push_back(newref(value ? value : none()));
    gp->state = GenState::running;
    gp->exc_state.previous = exc_info_;
    exc_info_ = &gp->exc_state;
    ObjId result;
    if (exc) {
        restore_exception(exc);
        set_context(exc);
        result = eval_throw(f);
    } else {
        result = eval(f);
    }
    gp = payload_of<GenPayload>(obj(gen));
    exc_info_ = gp->exc_state.previous;
    gp->exc_state.previous = nullptr;
    if (result && gp->state == GenState::suspended) {
        f->previous = nullptr;
        suspend_frame_into(gen, f);
        return result;
    }
    // Finished: returned or raised. The frame is cleared now (its locals released).
    gp->state = GenState::completed;
    if (gp->exc_state.value) xdecref(std::exchange(gp->exc_state.value, kNull));
    f->previous = nullptr;
    clear_frame(f);
    gp->frame.reset();
    if (result) {
        returned = true;
        *retval = result;
        return kNull;
    }
    if (exception_matches(Exc::StopIteration)) {
        ObjId inner = fetch_exception();
        raise(Exc::RuntimeError, "generator raised StopIteration");
        heap_->set_ref(exc_, 5, inner);   // __cause__
        heap_->at(exc_).ival |= 1;
        decref(inner);
    }
    return kNull;
}

int Interp::gen_close(ObjId gen) {
    auto* gp = payload_of<GenPayload>(obj(gen));
    if (gp->state == GenState::completed) return 0;
    if (gp->state == GenState::running) return raise_int(Exc::ValueError, "generator already executing");
    if (gp->state == GenState::created) {
        // Never started: nothing can run; the frame is simply cleared.
        Ref keep = Ref::borrow(gen);
        gp->state = GenState::completed;
        Frame* f = gp->frame.get();
        resume_frame_from(gen, f);
        clear_frame(f);
        payload_of<GenPayload>(obj(gen))->frame.reset();
        return 0;
    }
    ObjId exit = new_exception(exc_type(Exc::GeneratorExit), {});
    if (!exit) return -1;
    bool returned = false;
    ObjId retval = kNull;
    ObjId r = gen_send(gen, kNull, exit, returned, &retval);
    if (r) {
        decref(r);
        return raise_int(Exc::RuntimeError, "generator ignored GeneratorExit");
    }
    if (returned) {
        decref(retval);
        return 0;
    }
    if (exception_matches(Exc::GeneratorExit) || exception_matches(Exc::StopIteration)) {
        clear_exception();
        return 0;
    }
    return -1;
}

ObjId Interp::eval_throw(Frame* frame) {
    frame->is_entry = true;
    frame->previous = current_;
    if (!enter_recursion(frame)) return kNull;
    Frame* saved = current_;
    current_ = frame;
    ObjId result = eval_loop(frame, true);
    current_ = saved;
    return result;
}

// --- finalizers and callbacks run by the heap ------------------------------------------------

void Interp::write_unraisable(ObjId where) {
    ObjId exc = fetch_exception();
    std::string head = "Exception ignored in: ";
    auto r = repr_text(where);
    if (!r) clear_exception();
    write_stderr(head + (r ? *r : std::string("<object repr() failed>")) + "\n");
    if (exc) {
        print_exception(exc);
        decref(exc);
    }
}

void Interp::finalize(ObjId object) {
    // __del__ runs with no exception set; one already being raised is kept for later.
    ObjId saved = fetch_exception();
    if (obj(object).type == Type::generator) {
        auto* gp = payload_of<GenPayload>(obj(object));
        if (gp->state != GenState::completed && gp->state != GenState::running) {
            if (gen_close(object) < 0) write_unraisable(object);
        }
    } else {
        ObjId del = lookup(type_of(object), Id::del);
        if (del) {
            Ref keep = Ref::borrow(del);
            Ref r(call_descr(del, object, {}));
            if (!r) write_unraisable(del);
        }
    }
    if (exc_) clear_exception();
    restore_exception(saved);
}

void Interp::weakref_callback(ObjId weakref, ObjId callback) {
    ObjId saved = fetch_exception();
    Ref r(call(callback, {weakref}));
    if (!r) write_unraisable(callback);
    restore_exception(saved);
}

void Interp::on_collection(bool start, int generation, std::int64_t collected, std::int64_t uncollectable) {
    if (!gc_callbacks_ || obj(gc_callbacks_).refs.empty() || in_gc_callback_) return;
    in_gc_callback_ = true;
    ObjId saved = fetch_exception();
    Ref info(new_dict());
    if (info) {
        auto put = [&](const char* k, std::int64_t v) {
            Ref key(new_str(k));
            Ref val(new_int(v));
            if (key && val) dict_set(info.get(), key.get(), val.get());
        };
        put("generation", generation);
        put("collected", collected);
        put("uncollectable", uncollectable);
        Ref keep = Ref::borrow(gc_callbacks_);
        for (std::size_t i = 0; i < obj(gc_callbacks_).refs.size(); ++i) {
            ObjId cb = obj(gc_callbacks_).refs[i];
            Ref kcb = Ref::borrow(cb);
            // PyObject_CallFunction(cb, "sO", phase, info): a new str per call; the arguments
            // go on a C stack (no tuple in 3.11).
            Ref phase(new_str(start ? "start" : "stop"));
            if (!phase) break;
            Ref r(call(cb, {phase.get(), info.get()}));
            if (!r) write_unraisable(cb);
        }
    }
    if (exc_) clear_exception();
    restore_exception(saved);
    in_gc_callback_ = false;
}

}  // namespace refscope::lang
