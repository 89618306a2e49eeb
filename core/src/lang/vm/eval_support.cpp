// lang/vm/eval_support.cpp — instruction helpers too long for the dispatch loop: raise
// (do_raise), except-clause matching (CHECK_EXC_MATCH) and f(*args, **kwargs)
// (CALL_FUNCTION_EX), with CPython 3.11's messages.
#include "lang/runtime/objects.hpp"
#include "lang/vm/interp.hpp"

namespace refscope::lang {

void Interp::do_raise(ObjId exc, ObjId cause) {
    Ref e(exc), c(cause);
    Ref instance;
    if (obj(exc).type == Type::type) {
        if (!is_exception_class(exc)) {
            raise(Exc::TypeError, "exceptions must derive from BaseException");
            return;
        }
        instance.reset(call(exc, {}));
        if (!instance) return;
        if (!is_exception_instance(instance.get())) {
            raise(Exc::TypeError, "calling " + repr_text(exc).value_or("?") +
                                      " should have returned an instance of BaseException, not " +
                                      type_name(instance.get()));
            return;
        }
    } else if (is_exception_instance(exc)) {
        instance = std::move(e);
    } else {
        raise(Exc::TypeError, "exceptions must derive from BaseException");
        return;
    }
    if (cause) {
        Ref cause_value;
        if (obj(cause).type == Type::type && is_exception_class(cause)) {
            cause_value.reset(call(cause, {}));
            if (!cause_value) return;
        } else if (is_exception_instance(cause)) {
            cause_value = Ref::borrow(cause);
        } else if (cause != none()) {
            raise(Exc::TypeError, "exception causes must derive from BaseException");
            return;
        }
        heap_->set_ref(instance.get(), 5, cause_value.get());
        heap_->at(instance.get()).ival |= 1;
    }
    raise_obj(instance.release());
}

int Interp::exception_class_matches(ObjId exc, ObjId cls) {
    auto valid = [&](ObjId c) { return obj(c).type == Type::type && is_exception_class(c); };
    if (obj(cls).type == Type::tuple) {
        for (ObjId c : obj(cls).refs)
            if (!valid(c))
                return raise_int(Exc::TypeError, "catching classes that do not inherit from BaseException is not allowed");
        for (ObjId c : obj(cls).refs)
            if (isinstance(exc, c)) return 1;
        return 0;
    }
    if (!valid(cls)) return raise_int(Exc::TypeError, "catching classes that do not inherit from BaseException is not allowed");
    return isinstance(exc, cls) ? 1 : 0;
}

ObjId Interp::call_ex(ObjId func, ObjId callargs, ObjId kwargs) {
    auto func_desc = [&]() -> std::string {
        const object::Object& f = obj(func);
        if (f.type == Type::function) return std::string(text_of(f.refs[11])) + "()";
        if (f.type == Type::builtin_function) return std::string(payload_of<NativePayload>(f)->def->name) + "()";
        if (f.type == Type::type) return class_name(func) + "()";
        return type_name(func) + " object";
    };
    Ref args;
    if (obj(callargs).type == Type::tuple) {
        args = Ref::borrow(callargs);
    } else {
        std::vector<ObjId> items;
        if (!unpack_iterable(callargs, items)) {
            if (exception_matches(Exc::TypeError) && !is_builtin_iterable(callargs) && !lookup(type_of(callargs), Id::iter)) {
                clear_exception();
                return raise(Exc::TypeError, func_desc() + " argument after * must be an iterable, not " + type_name(callargs));
            }
            return kNull;
        }
        args.reset(new_tuple_steal(items));
        if (!args) return kNull;
    }
    if (kwargs && obj(kwargs).type != Type::dict)
        return raise(Exc::TypeError, func_desc() + " argument after ** must be a mapping, not " + type_name(kwargs));
    return call_with_tuple(func, kNull, args.get(), kwargs);
}

}  // namespace refscope::lang
