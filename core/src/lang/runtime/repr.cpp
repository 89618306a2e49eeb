// lang/runtime/repr.cpp — repr() and str() of every object (the tp_repr/tp_str slots of 3.11).
//
// Containers print their items with repr, guarding against recursion as Py_ReprEnter does
// ("[...]", "{...}"). Objects without a repr of their own print as CPython's defaults,
// "<__main__.C object at 0x7f...>", with the simulated address (id()). A class's __repr__ and
// __str__ written in Python are called, with the recursion accounting of PyObject_Repr/Str.
#include <cmath>
#include <cstdio>
#include <set>

#include "lang/runtime/objects.hpp"
#include "lang/num/float_format.hpp"
#include "lang/text/str_repr.hpp"
#include "lang/vm/interp.hpp"

namespace refscope::lang {

namespace {

std::string hex_address(std::uint64_t a) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "0x%llx", static_cast<unsigned long long>(a));
    return buf;
}

}  // namespace

std::string Interp::address_of(ObjId o) const { return hex_address(heap_->id_of(o)); }

std::string Interp::qualified_class_name(ObjId cls) {
    ClassPayload* cp = class_payload(cls);
    if (!cp) return obj(cls).text;
    if (cp->builtin) return cp->module == "builtins" ? cp->qualname : cp->module + "." + cp->qualname;
    ObjId mod = class_dict(cls) ? dict_get(class_dict(cls), id(Id::module)) : kNull;
    std::string m = mod && is_str(mod) ? std::string(text_of(mod)) : std::string("builtins");
    return m == "builtins" ? cp->qualname : m + "." + cp->qualname;
}

std::optional<std::string> Interp::repr_text(ObjId o) {
    Ref r(repr(o));
    if (!r) return std::nullopt;
    return std::string(text_of(r.get()));
}

std::optional<std::string> Interp::str_text(ObjId o) {
    if (is_str(o)) return std::string(text_of(o));
    Ref r(str(o));
    if (!r) return std::nullopt;
    return std::string(text_of(r.get()));
}

ObjId Interp::call_text_method(ObjId o, ObjId func, const char* what) {
    if (depth_ >= static_cast<std::uint32_t>(recursion_limit_))
        return raise(Exc::RecursionError, std::string("maximum recursion depth exceeded while getting the ") + what + " of an object");
    ++depth_;
    Ref keep = Ref::borrow(func);
    ObjId r = call_descr(func, o, {});
    --depth_;
    if (r && !is_str(r)) {
        std::string t = type_name(r);
        decref(r);
        return raise(Exc::TypeError, std::string("__") + what + "__ returned non-string (type " + t + ")");
    }
    return r;
}

ObjId Interp::repr(ObjId o) {
    if (is_heap_instance(o)) {
        ObjId func = lookup(type_of(o), Id::repr);
        if (func && obj(func).type == Type::function) return call_text_method(o, func, "repr");
    }
    auto text = builtin_repr(o);
    if (!text) return kNull;
    // int and float to str build a new string even for one character.
    const Type t = obj(o).type;
    if (t == Type::int_type || t == Type::float_type) {
        ObjId s = heap_->new_str_uncached(*text);
        return s ? s : raise_memory_error();
    }
    return new_str(*text);
}

ObjId Interp::str(ObjId o) {
    if (is_str(o)) return newref(o);
    if (is_heap_instance(o)) {
        ObjId func = lookup(type_of(o), Id::str);
        if (func && obj(func).type == Type::function) return call_text_method(o, func, "str");
        ObjId rfunc = lookup(type_of(o), Id::repr);
        if (rfunc && obj(rfunc).type == Type::function && !is_exception_instance(o))
            return call_text_method(o, rfunc, "repr");
    }
    if (is_exception_instance(o)) {
        auto t = exception_str_builtin(o);
        if (!t) return kNull;
        return new_str(*t);
    }
    return repr(o);
}

ObjId Interp::ascii(ObjId o) {
    auto r = repr_text(o);
    if (!r) return kNull;
    return new_str(ascii_escape(*r));
}

std::optional<std::string> Interp::exception_str_builtin(ObjId exc) {
    ObjId args = obj(exc).refs[2];
    const auto& items = args ? obj(args).refs : std::vector<ObjId>{};
    const bool key_error = isinstance(exc, exc_type(Exc::KeyError));
    if (items.empty()) return std::string();
    if (items.size() == 1) return key_error ? repr_text(items[0]) : str_text(items[0]);
    return repr_text(args);
}

// Py_ReprEnter / Py_ReprLeave: the containers being printed are kept in a list stored in the
// thread state's dict (both made on first use — objects a program can see in gc.get_count()).
// Returns 0 when `o` is already being printed (print "..."), 1 to go on, -1 on error.
int Interp::repr_enter(ObjId o) {
    if (!repr_list_) {
        Ref dict(new_dict());
        Ref list(new_list({}));
        Ref key(intern("Py_Repr"));
        if (!dict || !list || !key || dict_set(dict.get(), key.get(), list.get()) < 0) return -1;
        tstate_dict_ = dict.release();
        repr_list_ = list.get();
    }
    if (!repr_guard_.insert(o).second) return 0;
    if (!heap_->list_append(repr_list_, o)) {
        repr_guard_.erase(o);
        raise_memory_error();
        return -1;
    }
    return 1;
}

void Interp::repr_leave(ObjId o) {
    repr_guard_.erase(o);
    const auto& items = obj(repr_list_).refs;
    for (std::size_t i = items.size(); i-- > 0;) {
        if (items[i] == o) {
            heap_->list_replace_range(repr_list_, i, i + 1, {});
            break;
        }
    }
}

std::optional<std::string> Interp::repr_items(ObjId container, const char* open, const char* close) {
    int entered = repr_enter(container);
    if (entered < 0) return std::nullopt;
    if (entered == 0) return std::string(open) + "..." + close;
    std::string out = open;
    Ref keep = Ref::borrow(container);
    bool ok = true;
    for (std::size_t i = 0; i < obj(container).refs.size(); ++i) {
        if (i) out += ", ";
        ObjId item = obj(container).refs[i];
        auto r = repr_text(item);
        if (!r) {
            ok = false;
            break;
        }
        out += *r;
    }
    repr_leave(container);
    if (!ok) return std::nullopt;
    return out + close;
}

std::optional<std::string> Interp::builtin_repr(ObjId o) {
    const object::Object& x = obj(o);
    switch (x.type) {
        case Type::none_type: return std::string("None");
        case Type::bool_type: return std::string(x.ival ? "True" : "False");
        case Type::int_type: {
            if (!x.payload) return std::to_string(x.ival);
            auto r = big_of(o).to_decimal_limited();
            if (!r) {
                raise_from_pyerror(r.error());
                return std::nullopt;
            }
            return r.value();
        }
        case Type::float_type: return repr_float(x.fval);
        case Type::str: return repr_str(x.text);
        case Type::bytes: return repr_bytes(x.text);
        case Type::tuple: {
            if (x.refs.empty()) return std::string("()");
            if (x.refs.size() == 1) {
                auto r = repr_items(o, "(", ",)");
                return r;
            }
            return repr_items(o, "(", ")");
        }
        case Type::list:
            if (x.refs.empty()) return std::string("[]");
            return repr_items(o, "[", "]");
        case Type::dict: {
            if (x.dict.used == 0) return std::string("{}");
            {
                int entered = repr_enter(o);
                if (entered < 0) return std::nullopt;
                if (entered == 0) return std::string("{...}");
            }
            std::string out = "{";
            bool first = true, ok = true;
            Ref keep = Ref::borrow(o);
            dict_for_each(o, [&](ObjId k, ObjId v) {
                Ref kk = Ref::borrow(k), kv = Ref::borrow(v);
                auto ks = repr_text(k);
                if (!ks) return ok = false;
                auto vs = repr_text(v);
                if (!vs) return ok = false;
                if (!first) out += ", ";
                first = false;
                out += *ks + ": " + *vs;
                return true;
            });
            repr_leave(o);
            if (!ok) return std::nullopt;
            return out + "}";
        }
        case Type::set:
        case Type::frozenset: {
            const bool frozen = x.type == Type::frozenset;
            if (x.dict.used == 0) return std::string(frozen ? "frozenset()" : "set()");
            {
                int entered = repr_enter(o);
                if (entered < 0) return std::nullopt;
                if (entered == 0) return type_name(o) + "(...)";
            }
            std::string out = frozen ? "frozenset({" : "{";
            bool first = true;
            Ref keep = Ref::borrow(o);
            for (std::size_t i = 0; i < obj(o).refs.size(); ++i) {
                ObjId k = obj(o).refs[i];
                if (!k) continue;
                auto ks = repr_text(k);
                if (!ks) {
                    repr_leave(o);
                    return std::nullopt;
                }
                if (!first) out += ", ";
                first = false;
                out += *ks;
            }
            repr_leave(o);
            return out + (frozen ? "})" : "}");
        }
        case Type::range: {
            const BigRange r = range_values(*payload_of<RangePayload>(x));
            std::string out = "range(" + r.start.to_decimal() + ", " + r.stop.to_decimal();
            if (r.step != BigInt(1)) out += ", " + r.step.to_decimal();
            return out + ")";
        }
        case Type::slice: {
            std::string out = "slice(";
            for (int i = 0; i < 3; ++i) {
                auto s = repr_text(x.refs[i]);
                if (!s) return std::nullopt;
                out += (i ? ", " : "") + *s;
            }
            return out + ")";
        }
        case Type::function:
            return "<function " + std::string(text_of(x.refs[11])) + " at " + address_of(o) + ">";
        case Type::method: {
            ObjId func = x.refs[0];
            std::string fname = obj(func).type == Type::function ? std::string(text_of(obj(func).refs[11])) : "?";
            auto self = repr_text(x.refs[1]);
            if (!self) return std::nullopt;
            return "<bound method " + fname + " of " + *self + ">";
        }
        case Type::builtin_function: {
            auto* p = payload_of<NativePayload>(x);
            if (x.refs.empty() || !x.refs[0] || obj(x.refs[0]).type == Type::module)
                return "<built-in function " + std::string(p->def->name) + ">";
            if (obj(x.refs[0]).type == Type::type)
                return "<built-in method " + std::string(p->def->name) + " of type object at " + address_of(x.refs[0]) + ">";
            return "<built-in method " + std::string(p->def->name) + " of " + type_name(x.refs[0]) +
                   " object at " + address_of(x.refs[0]) + ">";
        }
        case Type::method_descriptor: {
            auto* p = payload_of<NativePayload>(x);
            std::string owner = x.text;
            if (x.subkind == 1) return "<slot wrapper '" + std::string(p->def->name) + "' of '" + owner + "' objects>";
            return "<method '" + std::string(p->def->name) + "' of '" + owner + "' objects>";
        }
        case Type::type:
            return "<class '" + qualified_class_name(o) + "'>";
        case Type::module: {
            ObjId dict = x.refs[0];
            ObjId name = dict ? dict_get(dict, id(Id::name)) : kNull;
            std::string n = name ? std::string(text_of(name)) : "?";
            ObjId file = dict ? dict_get(dict, id(Id::file)) : kNull;
            if (file) return "<module '" + n + "' from '" + std::string(text_of(file)) + "'>";
            return "<module '" + n + "' (built-in)>";
        }
        case Type::exception: {
            ObjId args = x.refs[2];
            std::string name = class_name(type_of(o));
            if (args && obj(args).refs.size() == 1) {
                auto r = repr_text(obj(args).refs[0]);
                if (!r) return std::nullopt;
                return name + "(" + *r + ")";
            }
            auto r = args ? repr_text(args) : std::optional<std::string>("()");
            if (!r) return std::nullopt;
            return name + *r;
        }
        case Type::generator: {
            auto* info = payload_of<CodeInfo>(obj(x.refs[0]));
            return "<generator object " + std::string(text_of(x.refs[2])) + " at " + address_of(o) + ">";
            (void)info;
        }
        case Type::cell: {
            if (!x.refs[0]) return "<cell at " + address_of(o) + ": empty>";
            return "<cell at " + address_of(o) + ": " + type_name(x.refs[0]) + " object at " + address_of(x.refs[0]) + ">";
        }
        case Type::weakref: {
            ObjId target = heap_->weakref_target(o);
            if (!target) return "<weakref at " + address_of(o) + "; dead>";
            return "<weakref at " + address_of(o) + "; to '" + type_name(target) + "' at " + address_of(target) + ">";
        }
        case Type::ellipsis: return std::string("Ellipsis");
        case Type::not_implemented: return std::string("NotImplemented");
        case Type::dict_view: {
            Ref list(view_as_list(o));
            if (!list) return std::nullopt;
            auto inner = repr_text(list.get());
            if (!inner) return std::nullopt;
            return type_name(o) + "(" + *inner + ")";
        }
        case Type::code: {
            auto* info = payload_of<CodeInfo>(x);
            return "<code object " + info->code->name + " at " + address_of(o) + ", file \"" +
                   info->unit->filename + "\", line " + std::to_string(info->code->firstlineno) + ">";
        }
        case Type::frame: {
            auto* fp = payload_of<FramePayload>(x);
            std::uint32_t line = fp->live ? fp->live->line() : 0;
            return "<frame at " + address_of(o) + ", file '" + (fp->info ? fp->info->unit->filename : "?") +
                   "', line " + std::to_string(line) + ", code " + (fp->code ? fp->code->name : "?") + ">";
        }
        case Type::super_object: {
            return "<super: <class '" + class_name(x.refs[0]) + "'>, <" + (x.refs.size() > 1 && x.refs[1] ? type_name(x.refs[1]) : "NULL") + " object>>";
        }
        default:
            break;
    }
    return "<" + qualified_class_name(type_of(o)) + " object at " + address_of(o) + ">";
}

}  // namespace refscope::lang
