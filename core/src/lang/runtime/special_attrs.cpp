// lang/runtime/special_attrs.cpp — the attributes builtin objects have besides methods.
//
// CPython exposes them through getset and member descriptors of each builtin type
// (int.real, function.__name__, cell.cell_contents, BaseException.args, ...). Here they are
// answered by name, after the type's dict has been searched. The descriptors of user classes
// (__dict__, __weakref__, __slots__ members) carry a SlotDescrPayload.
#include "lang/runtime/objects.hpp"
#include "lang/vm/interp.hpp"

namespace refscope::lang {

namespace {

constexpr std::size_t kFuncCode = 0, kFuncGlobals = 1, kFuncBuiltins = 2, kFuncModule = 3, kFuncDefaults = 4,
                      kFuncKwdefaults = 5, kFuncDoc = 6, kFuncName = 7, kFuncDict = 8, kFuncClosure = 9,
                      kFuncAnnotations = 10, kFuncQualname = 11;
constexpr std::size_t kExcDict = 1, kExcArgs = 2, kExcTraceback = 4, kExcCause = 5, kExcContext = 6;

}  // namespace

ObjId Interp::type_attribute(ObjId cls, ObjId name, bool& found) {
    found = true;
    std::string_view n = text_of(name);
    ClassPayload* p = class_payload(cls);
    if (n == "__name__") return new_str(p ? p->name : obj(cls).text);
    if (n == "__qualname__") return new_str(p ? p->qualname : obj(cls).text);
    if (n == "__mro__") return newref(class_mro(cls));
    if (n == "__bases__") return newref(obj(cls).refs[2]);
    if (n == "__base__") {
        ObjId b = obj(cls).refs.size() > 3 ? obj(cls).refs[3] : kNull;
        return newref(b ? b : none());
    }
    if (n == "__class__") return newref(type(BT::type));
    if (n == "__dict__") return newref(class_dict(cls));
    if (n == "__module__") {
        if (p && p->builtin) return new_str(p->module);
        ObjId m = class_dict(cls) ? dict_get(class_dict(cls), name) : kNull;
        if (m) return newref(m);
    }
    if (n == "__doc__" && p && p->builtin) return new_none();
    found = false;
    return kNull;
}

ObjId Interp::builtin_attribute(ObjId o, ObjId name, bool& found) {
    found = true;
    std::string_view n = text_of(name);
    if (n == "__class__") return newref(type_of(o));
    const object::Object& x = obj(o);
    switch (x.type) {
        case Type::int_type:
        case Type::bool_type:
            if (n == "real" || n == "numerator") return x.type == Type::bool_type ? new_int(x.ival) : newref(o);
            if (n == "imag") return new_int(0);
            if (n == "denominator") return new_int(1);
            break;
        case Type::float_type:
            if (n == "real") return newref(o);
            if (n == "imag") return new_float(0.0);
            break;
        case Type::function:
            if (n == "__name__") return newref(x.refs[kFuncName]);
            if (n == "__qualname__") return newref(x.refs[kFuncQualname]);
            if (n == "__module__") return newref(x.refs[kFuncModule] ? x.refs[kFuncModule] : none());
            if (n == "__doc__") return newref(x.refs[kFuncDoc] ? x.refs[kFuncDoc] : none());
            if (n == "__defaults__") return newref(x.refs[kFuncDefaults] ? x.refs[kFuncDefaults] : none());
            if (n == "__kwdefaults__") return newref(x.refs[kFuncKwdefaults] ? x.refs[kFuncKwdefaults] : none());
            if (n == "__code__") return newref(x.refs[kFuncCode]);
            if (n == "__globals__") return newref(x.refs[kFuncGlobals]);
            if (n == "__builtins__") return newref(x.refs[kFuncBuiltins]);
            if (n == "__closure__") return newref(x.refs[kFuncClosure] ? x.refs[kFuncClosure] : none());
            if (n == "__annotations__") {
                if (!x.refs[kFuncAnnotations]) {
                    Ref d(new_dict());
                    if (!d) return kNull;
                    heap_->set_ref(o, kFuncAnnotations, d.get());
                }
                return newref(obj(o).refs[kFuncAnnotations]);
            }
            if (n == "__dict__") {
                if (!x.refs[kFuncDict]) {
                    Ref d(new_dict());
                    if (!d) return kNull;
                    heap_->set_ref(o, kFuncDict, d.get());
                }
                return newref(obj(o).refs[kFuncDict]);
            }
            break;
        case Type::method:
            if (n == "__self__") return newref(x.refs[1]);
            if (n == "__func__") return newref(x.refs[0]);
            if (n == "__name__" || n == "__qualname__" || n == "__doc__" || n == "__module__")
                return getattr(x.refs[0], name);
            break;
        case Type::builtin_function: {
            auto* p = payload_of<NativePayload>(x);
            if (n == "__name__" || n == "__qualname__") return new_str(p->def->name);
            if (n == "__self__") return newref(!x.refs.empty() && x.refs[0] ? x.refs[0] : none());
            if (n == "__doc__") return new_none();
            if (n == "__module__") return new_str("builtins");
            break;
        }
        case Type::method_descriptor: {
            auto* p = payload_of<NativePayload>(x);
            if (n == "__name__" || n == "__qualname__") return new_str(p->def->name);
            if (n == "__doc__") return new_none();
            break;
        }
        case Type::cell:
            if (n == "cell_contents") {
                if (!x.refs[0]) return raise(Exc::ValueError, "Cell is empty");
                return newref(x.refs[0]);
            }
            break;
        case Type::code: {
            auto* info = payload_of<CodeInfo>(x);
            const CodeObject& co = *info->code;
            if (n == "co_name") return newref(info->name);
            if (n == "co_qualname") return newref(info->qualname);
            if (n == "co_filename") return newref(info->filename);
            if (n == "co_firstlineno") return new_int(co.firstlineno);
            if (n == "co_argcount") return new_int(co.argcount);
            if (n == "co_posonlyargcount") return new_int(co.posonlyargcount);
            if (n == "co_kwonlyargcount") return new_int(co.kwonlyargcount);
            if (n == "co_flags") return new_int(co.flags);
            if (n == "co_stacksize") return new_int(info->stacksize);
            if (n == "co_consts") return new_tuple(info->consts);
            if (n == "co_names") return new_tuple(info->names);
            if (n == "co_nlocals" || n == "co_varnames" || n == "co_cellvars" || n == "co_freevars") {
                std::vector<ObjId> vars, cells, frees;
                for (std::size_t i = 0; i < co.localsplus.size(); ++i) {
                    const auto k = co.localkinds[i];
                    if (k & kFastFree) frees.push_back(info->localsplusnames[i]);
                    else if ((k & kFastCell) && !(k & kFastLocal)) cells.push_back(info->localsplusnames[i]);
                    else vars.push_back(info->localsplusnames[i]);
                    if ((k & kFastCell) && (k & kFastLocal)) cells.push_back(info->localsplusnames[i]);
                }
                if (n == "co_nlocals") return new_int(static_cast<std::int64_t>(vars.size()));
                return new_tuple(n == "co_varnames" ? vars : n == "co_cellvars" ? cells : frees);
            }
            break;
        }
        case Type::exception:
            if (n == "args") return newref(x.refs[kExcArgs] ? x.refs[kExcArgs] : heap_->empty_tuple());
            if (n == "__traceback__") return newref(x.refs[kExcTraceback] ? x.refs[kExcTraceback] : none());
            if (n == "__cause__") return newref(x.refs[kExcCause] ? x.refs[kExcCause] : none());
            if (n == "__context__") return newref(x.refs[kExcContext] ? x.refs[kExcContext] : none());
            if (n == "__suppress_context__") return new_bool(x.ival & 1);
            if (n == "__notes__" && x.refs[3]) return newref(x.refs[3]);   // made by add_note()
            if (n == "__dict__") {
                if (!x.refs[kExcDict]) {
                    Ref d(new_dict());
                    if (!d) return kNull;
                    heap_->set_ref(o, kExcDict, d.get());
                }
                return newref(obj(o).refs[kExcDict]);
            }
            if (n == "value" && isinstance(o, exc_type(Exc::StopIteration))) {
                ObjId args = x.refs[kExcArgs];
                return newref(args && !obj(args).refs.empty() ? obj(args).refs[0] : none());
            }
            if (n == "code" && isinstance(o, exc_type(Exc::SystemExit))) {
                ObjId args = x.refs[kExcArgs];
                if (!args || obj(args).refs.empty()) return new_none();
                return newref(obj(args).refs.size() == 1 ? obj(args).refs[0] : args);
            }
            if (n == "name" && (isinstance(o, exc_type(Exc::NameError)) || isinstance(o, exc_type(Exc::AttributeError))))
                return newref(x.refs.size() > 7 && x.refs[7] ? x.refs[7] : none());
            if (n == "obj" && isinstance(o, exc_type(Exc::AttributeError)))
                return newref(x.refs.size() > 8 && x.refs[8] ? x.refs[8] : none());
            break;
        case Type::generator: {
            auto* gp = payload_of<GenPayload>(x);
            if (n == "__name__") return newref(x.refs[1]);
            if (n == "__qualname__") return newref(x.refs[2]);
            if (n == "gi_code") return newref(x.refs[0]);
            if (n == "gi_running") return new_bool(gp->state == GenState::running);
            if (n == "gi_suspended") return new_bool(gp->state == GenState::suspended);
            if (n == "gi_yieldfrom") return new_none();
            if (n == "gi_frame") {
                if (!gp->frame || gp->state == GenState::completed) return new_none();
                ObjId fo = frame_object(gp->frame.get());
                return fo ? newref(fo) : kNull;
            }
            break;
        }
        case Type::frame: {
            auto* fp = payload_of<FramePayload>(x);
            if (n == "f_code") return fp->live ? newref(fp->live->code_obj) : new_none();
            if (n == "f_lineno") return new_int(fp->live ? fp->live->line() : 0);
            if (n == "f_back") {
                if (x.refs[0]) return newref(x.refs[0]);
                if (fp->live && fp->live->previous) {
                    ObjId b = frame_object(fp->live->previous);
                    return b ? newref(b) : kNull;
                }
                return new_none();
            }
            if (n == "f_globals") return fp->live ? newref(fp->live->globals) : new_none();
            if (n == "f_locals") return frame_locals(o);
            break;
        }
        case Type::traceback:
            if (n == "tb_next") return newref(x.refs[0] ? x.refs[0] : none());
            if (n == "tb_frame") return newref(x.refs[1]);
            if (n == "tb_lineno") return new_int(x.ival);
            if (n == "tb_lasti") return new_int(static_cast<std::int64_t>(x.fval) * 2);
            break;
        case Type::slice:
            if (n == "start") return newref(x.refs[0]);
            if (n == "stop") return newref(x.refs[1]);
            if (n == "step") return newref(x.refs[2]);
            break;
        case Type::range: {
            const BigRange r = range_values(*payload_of<RangePayload>(x));
            if (n == "start") return new_int(r.start);
            if (n == "stop") return new_int(r.stop);
            if (n == "step") return new_int(r.step);
            break;
        }
        case Type::property:
            if (n == "fget") return newref(x.refs[0] ? x.refs[0] : none());
            if (n == "fset") return newref(x.refs[1] ? x.refs[1] : none());
            if (n == "fdel") return newref(x.refs[2] ? x.refs[2] : none());
            if (n == "__doc__") return newref(x.refs.size() > 3 && x.refs[3] ? x.refs[3] : none());
            break;
        case Type::staticmethod:
        case Type::classmethod:
            if (n == "__func__" || n == "__wrapped__") return newref(x.refs[0]);
            break;
        case Type::weakref:
            if (n == "__callback__") return newref(!x.refs.empty() && x.refs[0] ? x.refs[0] : none());
            break;
        case Type::module:
            if (n == "__dict__") return newref(x.refs[0]);
            break;
        case Type::object:
            if (type_of(o) == type(BT::finalize)) {
                if (n == "alive") return new_bool(finalize_alive(o));
                if (n == "atexit") return new_bool(x.ival & 1);
            }
            break;
        case Type::getset_descriptor:
        case Type::member_descriptor: {
            auto* p = payload_of<SlotDescrPayload>(x);
            if (n == "__name__") return new_str(p->name);
            if (n == "__objclass__") return newref(x.refs[0]);
            break;
        }
        default:
            break;
    }
    found = false;
    return kNull;
}

// Setting the attributes above that are writable; returns 1 when `name` was one of them.
int Interp::set_builtin_attribute(ObjId o, ObjId name, ObjId value) {
    std::string_view n = text_of(name);
    const object::Object& x = obj(o);
    if (x.type == Type::exception) {
        if (n == "args") {
            if (!value) return raise_int(Exc::TypeError, "args may not be deleted");
            Ref t(obj(value).type == Type::tuple ? newref(value) : kNull);
            if (!t) {
                std::vector<ObjId> items;
                if (!unpack_iterable(value, items)) return -1;
                t.reset(new_tuple_steal(items));
                if (!t) return -1;
            }
            heap_->set_ref(o, kExcArgs, t.get());
            return 1;
        }
        if (n == "__traceback__") {
            if (value && value != none() && obj(value).type != Type::traceback)
                return raise_int(Exc::TypeError, "__traceback__ must be a traceback or None");
            heap_->set_ref(o, kExcTraceback, value == none() ? kNull : value);
            return 1;
        }
        if (n == "__cause__" || n == "__context__") {
            if (value && value != none() && !is_exception_instance(value))
                return raise_int(Exc::TypeError, std::string("exception ") + (n == "__cause__" ? "cause" : "context") +
                                                     " must be None or derive from BaseException");
            heap_->set_ref(o, n == "__cause__" ? kExcCause : kExcContext, value == none() ? kNull : value);
            if (n == "__cause__") heap_->at(o).ival |= 1;
            return 1;
        }
        if (n == "__suppress_context__") {
            int t = value ? truthy(value) : 0;
            if (t < 0) return -1;
            if (t) heap_->at(o).ival |= 1;
            else heap_->at(o).ival &= ~std::int64_t{1};
            return 1;
        }
    }
    if (x.type == Type::object && type_of(o) == type(BT::finalize) && n == "atexit") {
        int t = value ? truthy(value) : 0;
        if (t < 0) return -1;
        heap_->at(o).ival = t;
        return 1;
    }
    if (x.type == Type::function) {
        if (n == "__name__" || n == "__qualname__") {
            if (!value || !is_str(value))
                return raise_int(Exc::TypeError, std::string(n) + " must be set to a string object");
            heap_->set_ref(o, n == "__name__" ? kFuncName : kFuncQualname, value);
            return 1;
        }
        if (n == "__doc__") {
            heap_->set_ref(o, kFuncDoc, value ? value : none());
            return 1;
        }
        if (n == "__defaults__" || n == "__kwdefaults__") {
            heap_->set_ref(o, n == "__defaults__" ? kFuncDefaults : kFuncKwdefaults, value == none() ? kNull : value);
            return 1;
        }
    }
    return 0;
}

ObjId Interp::slot_descr_get(ObjId descr, ObjId o) {
    auto* p = payload_of<SlotDescrPayload>(obj(descr));
    switch (p->kind) {
        case SlotDescrPayload::dict: {
            if (obj(o).type == Type::instance) {
                ObjId d = heap_->instance_dict(o);
                return d ? newref(d) : raise_memory_error();
            }
            if (obj(o).type == Type::slots_instance) {
                ClassPayload* cp = class_payload(obj(o).refs[0]);
                const std::size_t slot = 1 + cp->slots.size();
                if (!obj(o).refs[slot]) {
                    Ref d(new_dict());
                    if (!d) return kNull;
                    heap_->set_ref(o, slot, d.get());
                }
                return newref(obj(o).refs[slot]);
            }
            bool found = false;
            return builtin_attribute(o, id(Id::dict), found);
        }
        case SlotDescrPayload::weakref: {
            const auto& wrs = obj(o).weakrefs;
            return newref(wrs.empty() ? none() : wrs.front());
        }
        case SlotDescrPayload::slot: {
            const std::size_t i = 1 + p->index;
            ObjId v = i < obj(o).refs.size() ? obj(o).refs[i] : kNull;
            if (!v) return raise(Exc::AttributeError, "'" + type_name(o) + "' object has no attribute '" + p->name + "'");
            return newref(v);
        }
    }
    return kNull;
}

int Interp::slot_descr_set(ObjId descr, ObjId o, ObjId value) {
    auto* p = payload_of<SlotDescrPayload>(obj(descr));
    switch (p->kind) {
        case SlotDescrPayload::slot: {
            const std::size_t i = 1 + p->index;
            if (!value && !obj(o).refs[i])
                return raise_int(Exc::AttributeError, "'" + type_name(o) + "' object has no attribute '" + p->name + "'");
            heap_->slot_set(o, p->index, value);
            return 0;
        }
        case SlotDescrPayload::dict:
            report_unsupported("assigning to __dict__");
            return raise_int(Exc::TypeError, "__dict__ assignment is not supported");
        case SlotDescrPayload::weakref:
            return raise_int(Exc::AttributeError, "attribute '__weakref__' of '" + p->owner + "' objects is not writable");
    }
    return -1;
}

std::string Interp::property_name(ObjId prop) {
    const auto& refs = obj(prop).refs;
    ObjId fget = refs.empty() ? kNull : refs[0];
    if (fget && obj(fget).type == Type::function) return std::string(text_of(obj(fget).refs[kFuncName]));
    return "?";
}

void Interp::update_finalizer_flags(ObjId cls) {
    bool has_del = lookup(cls, Id::del) != kNull;
    if (heap_->is_heap_class(cls)) heap_->set_class_has_finalizer(cls, has_del);
}

ObjId Interp::frame_locals(ObjId fo) {
    auto* fp = payload_of<FramePayload>(obj(fo));
    Frame* f = fp->live;
    if (!f) return new_dict();
    if (f->locals) return newref(f->locals);
    Ref d(new_dict());
    if (!d) return kNull;
    for (std::size_t i = 0; i < f->fast.size(); ++i) {
        ObjId v = f->fast[i];
        if (!v) continue;
        if (f->code->localkinds[i] & (kFastCell | kFastFree)) {
            if (obj(v).type != Type::cell) continue;
            v = obj(v).refs[0];
            if (!v) continue;
        }
        if (dict_set(d.get(), f->info->localsplusnames[i], v) < 0) return kNull;
    }
    return d.release();
}

}  // namespace refscope::lang
