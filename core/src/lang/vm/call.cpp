// lang/vm/call.cpp — calling objects, binding arguments to a new frame.
//
// Models Objects/call.c (PyObject_Vectorcall: functions, bound methods, builtins, classes,
// objects with __call__), Python/ceval.c 3.11 (_PyEvalFramePushAndInit / initialize_locals:
// how positional, keyword, *args and **kwargs arguments land in localsplus, and CPython's
// TypeError messages), and _PyEval_Vector (a call from C code increfs the arguments into the
// new frame, where the eval loop's inline CALL moves the caller's stack references instead —
// which is why `def f(x): return sys.getrefcount(x)` sees 3 in f(a) but 4 in map(f, [a])).
#include "lang/runtime/objects.hpp"
#include "lang/vm/interp.hpp"
#include "lang/vm/vm_observer.hpp"

namespace refscope::lang {

namespace {

// Function refs (func_traverse order): code, globals, builtins, module, defaults, kwdefaults,
// doc, name, dict, closure, annotations, qualname.
constexpr std::size_t kFuncCode = 0, kFuncGlobals = 1, kFuncBuiltins = 2, kFuncDefaults = 4,
                      kFuncKwdefaults = 5, kFuncClosure = 9, kFuncQualname = 11;

std::string quoted_list(const std::vector<std::string>& names) {
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0) out += names.size() == 2 ? " and " : (i + 1 == names.size() ? ", and " : ", ");
        out += "'" + names[i] + "'";
    }
    return out;
}

}  // namespace

Frame* Interp::push_frame(ObjId func, ObjId locals) {
    const object::Object& f = obj(func);
    ObjId code_obj = f.refs[kFuncCode];
    auto* info = payload_of<CodeInfo>(obj(code_obj));
    Frame* frame;
    if (spare_frames_.empty()) {
        frame = new Frame();
    } else {
        // A fresh frame that keeps the spare's vector capacity (no allocation per call).
        frame = spare_frames_.back();
        spare_frames_.pop_back();
        std::vector<ObjId> fast = std::move(frame->fast);
        ValueStack stack = std::move(frame->stack);
        *frame = Frame{};
        fast.clear();
        stack.clear();
        frame->fast = std::move(fast);
        frame->stack = std::move(stack);
    }
    frame->code = info->code;
    frame->unit = info->unit;
    frame->info = info;
    frame->code_obj = newref(code_obj);
    frame->func = newref(func);
    frame->globals = f.refs[kFuncGlobals];
    frame->builtins = f.refs[kFuncBuiltins];
    frame->locals = locals ? newref(locals) : kNull;
    frame->fast.assign(info->code->localsplus.size(), kNull);
    frame->stack.reserve(info->stacksize);
    return frame;
}

bool Interp::bind_arguments(Frame* frame, ObjId func, const CallArgs& args, bool steal) {
    const CodeObject& co = *frame->code;
    // For error messages only (a string per call would cost a host malloc for most names).
    auto qualname = [&] { return std::string(text_of(obj(func).refs[kFuncQualname])); };
    auto& fast = frame->fast;
    const std::size_t co_argcount = co.argcount;
    const std::size_t total_args = co.argcount + co.kwonlyargcount;
    const bool varargs = co.flags & CO_VARARGS;
    const bool varkw = co.flags & CO_VARKEYWORDS;
    const std::size_t argcount = args.nargs;
    auto take = [&](ObjId v) { return steal ? v : newref(v); };
    // Release the references we were given but did not store (on error paths).
    // Which arguments were stored: bits, and a vector only for calls of more than 64 (a call
    // allocates nothing here).
    std::uint64_t used_bits = 0;
    std::vector<bool> used_more(args.total() > 64 ? args.total() : 0, false);
    auto mark_used = [&](std::size_t i) {
        if (i < 64) used_bits |= std::uint64_t{1} << i;
        else used_more[i] = true;
    };
    auto was_used = [&](std::size_t i) { return i < 64 ? ((used_bits >> i) & 1) != 0 : bool(used_more[i]); };
    auto fail = [&]() {
        if (steal)
            for (std::size_t i = 0; i < args.total(); ++i)
                if (!was_used(i)) decref(args[i]);
        return false;
    };

    ObjId kwdict = kNull;
    if (varkw) {
        kwdict = new_dict();
        if (!kwdict) return fail();
        fast[total_args + (varargs ? 1 : 0)] = kwdict;
    }
    const std::size_t n = std::min(argcount, co_argcount);
    for (std::size_t j = 0; j < n; ++j) {
        fast[j] = take(args[j]);
        mark_used(j);
    }
    if (varargs) {
        std::vector<ObjId> extra;
        for (std::size_t j = n; j < argcount; ++j) extra.push_back(args[j]);
        ObjId u = new_tuple(extra);
        if (!u) return fail();
        if (steal)
            for (std::size_t j = n; j < argcount; ++j) {
                decref(args[j]);
                mark_used(j);
            }
        fast[total_args] = u;
    }
    // Keyword arguments.
    for (std::size_t i = 0; i < args.nkw; ++i) {
        ObjId keyword = obj(args.kwnames).refs[i];
        ObjId value = args[argcount + i];
        std::string_view kw = text_of(keyword);
        std::size_t j = co.posonlyargcount;
        for (; j < total_args; ++j)
            if (co.localsplus[j] == kw) break;
        if (j < total_args) {
            if (fast[j]) {
                raise(Exc::TypeError, qualname() + "() got multiple values for argument '" + std::string(kw) + "'");
                return fail();
            }
            fast[j] = take(value);
            mark_used(argcount + i);
            continue;
        }
        if (!kwdict) {
            bool posonly = false;
            for (std::size_t p = 0; p < co.posonlyargcount; ++p)
                posonly = posonly || co.localsplus[p] == kw;
            if (posonly)
                raise(Exc::TypeError, qualname() + "() got some positional-only arguments passed as keyword arguments: '" + std::string(kw) + "'");
            else
                raise(Exc::TypeError, qualname() + "() got an unexpected keyword argument '" + std::string(kw) + "'");
            return fail();
        }
        if (dict_set(kwdict, keyword, value) < 0) return fail();
        if (steal) decref(value);
        mark_used(argcount + i);
    }
    // Too many positional arguments.
    if (argcount > co_argcount && !varargs) {
        ObjId defaults = obj(func).refs[kFuncDefaults];
        const std::size_t defcount = defaults ? obj(defaults).refs.size() : 0;
        std::size_t kwonly_given = 0;
        for (std::size_t i = co_argcount; i < total_args; ++i) kwonly_given += fast[i] ? 1 : 0;
        std::string sig;
        bool plural;
        if (defcount) {
            plural = true;
            sig = "from " + std::to_string(co_argcount - defcount) + " to " + std::to_string(co_argcount);
        } else {
            plural = co_argcount != 1;
            sig = std::to_string(co_argcount);
        }
        std::string kwonly_sig;
        if (kwonly_given)
            kwonly_sig = std::string(" positional argument") + (argcount != 1 ? "s" : "") + " (and " +
                         std::to_string(kwonly_given) + " keyword-only argument" + (kwonly_given != 1 ? "s" : "") + ")";
        raise(Exc::TypeError, qualname() + "() takes " + sig + " positional argument" + (plural ? "s" : "") +
                                  " but " + std::to_string(argcount) + kwonly_sig + " " +
                                  (argcount == 1 && !kwonly_given ? "was" : "were") + " given");
        return fail();
    }
    // Missing positional arguments: defaults fill the tail.
    if (argcount < co_argcount) {
        ObjId defaults = obj(func).refs[kFuncDefaults];
        const std::size_t defcount = defaults ? obj(defaults).refs.size() : 0;
        const std::size_t m = co_argcount - defcount;
        std::vector<std::string> missing;
        for (std::size_t i = argcount; i < m; ++i)
            if (!fast[i]) missing.push_back(co.localsplus[i]);
        if (!missing.empty()) {
            raise(Exc::TypeError, qualname() + "() missing " + std::to_string(missing.size()) + " required positional argument" +
                                      (missing.size() > 1 ? "s" : "") + ": " + quoted_list(missing));
            return fail();
        }
        std::size_t i = argcount > m ? argcount - m : 0;
        for (; i < defcount; ++i)
            if (!fast[m + i]) fast[m + i] = newref(obj(defaults).refs[i]);
    }
    // Keyword-only arguments: kwdefaults fill them.
    if (co.kwonlyargcount) {
        ObjId kwdefs = obj(func).refs[kFuncKwdefaults];
        std::vector<std::string> missing;
        for (std::size_t i = co_argcount; i < total_args; ++i) {
            if (fast[i]) continue;
            ObjId def = kwdefs ? dict_get_str(kwdefs, co.localsplus[i]) : kNull;
            if (def) fast[i] = newref(def);
            else missing.push_back(co.localsplus[i]);
        }
        if (!missing.empty()) {
            raise(Exc::TypeError, qualname() + "() missing " + std::to_string(missing.size()) + " required keyword-only argument" +
                                      (missing.size() > 1 ? "s" : "") + ": " + quoted_list(missing));
            return fail();
        }
    }
    return true;
}

void Interp::release_frame(Frame* frame) {
    if (spare_frames_.size() < kSpareFrames) spare_frames_.push_back(frame);
    else delete frame;
}

ObjId Interp::call_function(ObjId func, const CallArgs& args, ObjId locals) {
    Frame* frame = push_frame(func, locals);
    if (!bind_arguments(frame, func, args, false)) {
        clear_frame(frame);
        release_frame(frame);
        return kNull;
    }
    ObjId result = eval(frame);
    if (frame->generator) return result;   // RETURN_GENERATOR: the generator owns the frame now
    clear_frame(frame);
    release_frame(frame);
    return result;
}

ObjId Interp::call(ObjId callable, std::initializer_list<ObjId> args) {
    CallArgs a;
    a.items = args.begin();
    a.nargs = args.size();
    return call(callable, a);
}

ObjId Interp::call(ObjId callable, const CallArgs& args) {
    const object::Object& c = obj(callable);
    switch (c.type) {
        case Type::function:
            return call_function(callable, args);
        case Type::method: {
            ObjId func = c.refs[0], self = c.refs[1];
            std::vector<ObjId> items;
            items.reserve(args.total() + 1);
            items.push_back(self);
            items.insert(items.end(), args.items, args.items + args.total());
            CallArgs a{items.data(), args.nargs + 1, args.kwnames, args.nkw};
            Ref keep_func = Ref::borrow(func);
            Ref keep_self = Ref::borrow(self);
            return call(func, a);
        }
        case Type::builtin_function: {
            auto* p = payload_of<NativePayload>(c);
            ObjId self = c.refs.empty() ? kNull : c.refs[0];
            return p->def->fn(*this, self, args);
        }
        case Type::method_descriptor: {
            auto* p = payload_of<NativePayload>(c);
            if (p->def->kind == NativeDef::staticmethod) return p->def->fn(*this, kNull, args);
            if (args.nargs == 0)
                return raise(Exc::TypeError, "unbound method " + std::string(p->def->name) + "() needs an argument");
            if (p->owner && p->def->kind != NativeDef::classmethod && !isinstance(args[0], p->owner)) {
                const std::string name(p->def->name), owner = class_name(p->owner);
                if (c.subkind == 1)
                    return raise(Exc::TypeError, "descriptor '" + name + "' requires a '" + owner +
                                                     "' object but received a '" + type_name(args[0]) + "'");
                return raise(Exc::TypeError, "descriptor '" + name + "' for '" + owner +
                                                 "' objects doesn't apply to a '" + type_name(args[0]) + "' object");
            }
            CallArgs rest{args.items + 1, args.nargs - 1, args.kwnames, args.nkw};
            return p->def->fn(*this, args[0], rest);
        }
        case Type::type:
            return instantiate(callable, args);
        case Type::staticmethod:
            return call(c.refs[0], args);
        case Type::weakref: {
            if (args.total() != 0)
                return raise(Exc::TypeError, "weakref() takes no arguments (" + std::to_string(args.total()) + " given)");
            ObjId target = heap_->weakref_target(callable);
            return newref(target ? target : none());
        }
        default:
            break;
    }
    ObjId method = lookup(type_of(callable), Id::call);
    if (!method) return raise(Exc::TypeError, "'" + type_name(callable) + "' object is not callable");
    Ref keep = Ref::borrow(method);
    std::vector<ObjId> items;
    items.push_back(callable);
    items.insert(items.end(), args.items, args.items + args.total());
    CallArgs a{items.data(), args.nargs + 1, args.kwnames, args.nkw};
    if (obj(method).type == Type::function) return call_function(method, a);
    Ref bound(generic_getattr(callable, id(Id::call), false));
    if (!bound) return kNull;
    return call(bound.get(), args);
}

ObjId Interp::call_method_opt(ObjId self, Id name, std::initializer_list<ObjId> args, bool& found) {
    found = false;
    ObjId method = kNull;
    int meth = load_method(self, id(name), &method);
    if (meth < 0) {
        if (exception_matches(Exc::AttributeError)) {
            clear_exception();
            return kNull;
        }
        return kNull;
    }
    found = true;
    Ref m(method);
    std::vector<ObjId> items;
    if (meth) items.push_back(self);
    items.insert(items.end(), args.begin(), args.end());
    CallArgs a{items.data(), items.size(), kNull, 0};
    return call(m.get(), a);
}

ObjId Interp::call_method(ObjId self, Id name, std::initializer_list<ObjId> args) {
    bool found = false;
    ObjId r = call_method_opt(self, name, args, found);
    if (!found && !exc_) {
        return raise(Exc::AttributeError, "'" + type_name(self) + "' object has no attribute '" +
                                              std::string(text_of(id(name))) + "'");
    }
    return r;
}

bool Interp::enter_recursion(Frame* frame) {
    if (depth_ >= static_cast<std::uint32_t>(recursion_limit_)) {
        raise(Exc::RecursionError, "maximum recursion depth exceeded");
        return false;
    }
    ++depth_;
    frame->depth = depth_;
    return true;
}

}  // namespace refscope::lang
