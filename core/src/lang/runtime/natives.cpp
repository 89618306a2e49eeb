// lang/runtime/natives.cpp — argument checking for native functions (see natives.hpp), and
// the registration of native functions into class dicts and module dicts.
#include "lang/runtime/natives.hpp"

#include "lang/runtime/objects.hpp"

namespace refscope::lang {

namespace {
std::string plural(std::size_t n, const char* word) {
    return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}
}  // namespace

bool check_no_kw(Interp& vm, const CallArgs& a, const char* name) {
    if (a.nkw == 0) return true;
    vm.raise(Exc::TypeError, std::string(name) + "() takes no keyword arguments");
    return false;
}

bool check_positional(Interp& vm, const CallArgs& a, const char* name, std::size_t min, std::size_t max) {
    if (!check_no_kw(vm, a, name)) return false;
    const std::size_t n = a.nargs;
    if (n >= min && n <= max) return true;
    std::string msg = std::string(name) + " expected ";
    if (min == max) msg += plural(min, "argument");
    else if (n < min) msg += "at least " + plural(min, "argument");
    else msg += "at most " + plural(max, "argument");
    msg += ", got " + std::to_string(n);
    vm.raise(Exc::TypeError, msg);
    return false;
}

bool check_one_arg(Interp& vm, const CallArgs& a, const char* name) {
    if (!check_no_kw(vm, a, name)) return false;
    if (a.nargs == 1) return true;
    vm.raise(Exc::TypeError, std::string(name) + "() takes exactly one argument (" + std::to_string(a.nargs) + " given)");
    return false;
}

bool check_no_args(Interp& vm, const CallArgs& a, const char* name) {
    if (!check_no_kw(vm, a, name)) return false;
    if (a.nargs == 0) return true;
    vm.raise(Exc::TypeError, std::string(name) + "() takes no arguments (" + std::to_string(a.nargs) + " given)");
    return false;
}

ObjId kwarg(Interp& vm, const CallArgs& a, std::string_view name) {
    for (std::size_t i = 0; i < a.nkw; ++i)
        if (vm.text_of(vm.obj(a.kwnames).refs[i]) == name) return a[a.nargs + i];
    return kNull;
}

bool parse_args(Interp& vm, const CallArgs& a, const char* fname, std::initializer_list<std::string_view> names,
                std::size_t required, ObjId* out, bool clinic, std::size_t max_positional) {
    const std::size_t n = names.size();
    const std::size_t maxpos = std::min(n, max_positional);
    for (std::size_t i = 0; i < n; ++i) out[i] = kNull;
    if (a.nargs > maxpos) {
        if (clinic)
            vm.raise(Exc::TypeError, std::string(fname) + " expected at most " + plural(maxpos, "argument") + ", got " + std::to_string(a.nargs));
        else
            vm.raise(Exc::TypeError, std::string(fname) + "() takes at most " + plural(maxpos, "argument") + " (" + std::to_string(a.nargs) + " given)");
        return false;
    }
    for (std::size_t i = 0; i < a.nargs; ++i) out[i] = a[i];
    for (std::size_t k = 0; k < a.nkw; ++k) {
        std::string_view kw = vm.text_of(vm.obj(a.kwnames).refs[k]);
        std::size_t i = 0;
        for (auto it = names.begin(); it != names.end(); ++it, ++i)
            if (*it == kw) break;
        if (i == n || (i < maxpos && i < a.nargs && max_positional != SIZE_MAX && false)) {
            if (clinic) vm.raise(Exc::TypeError, "'" + std::string(kw) + "' is an invalid keyword argument for " + fname + "()");
            else vm.raise(Exc::TypeError, std::string(fname) + "() got an unexpected keyword argument '" + std::string(kw) + "'");
            return false;
        }
        if (out[i]) {
            vm.raise(Exc::TypeError, "argument for " + std::string(fname) + "() given by name ('" + std::string(kw) +
                                         "') and position (" + std::to_string(i + 1) + ")");
            return false;
        }
        out[i] = a[a.nargs + k];
    }
    for (std::size_t i = 0; i < required; ++i) {
        if (!out[i]) {
            auto it = names.begin() + static_cast<std::ptrdiff_t>(i);
            vm.raise(Exc::TypeError, std::string(fname) + "() missing required argument '" + std::string(*it) + "' (pos " +
                                         std::to_string(i + 1) + ")");
            return false;
        }
    }
    return true;
}

// --- registration -----------------------------------------------------------------------------

void Interp::register_native_in(ObjId cls, const NativeDef* def) {
    std::string_view name = def->name;
    const bool slot = name.size() > 4 && name.substr(0, 2) == "__" && name.substr(name.size() - 2) == "__";
    std::uint8_t subkind = def->kind == NativeDef::classmethod ? 2 : slot ? 1 : 0;
    ObjId d = heap_->new_static(Type::method_descriptor, subkind, 80);
    auto p = std::make_shared<NativePayload>();
    p->def = def;
    p->owner = cls;
    heap_->at(d).payload = std::move(p);
    heap_->at(d).text = class_name(cls);
    Ref key(intern(name));
    dict_set(class_dict(cls), key.get(), d);
}

void Interp::register_methods(BT cls, std::span<const NativeDef> defs) {
    for (const NativeDef& def : defs) register_native_in(type(cls), &def);
}

void Interp::add_native(ObjId dict, const NativeDef* def) {
    ObjId f = heap_->new_static(Type::builtin_function, 0, 72);
    auto p = std::make_shared<NativePayload>();
    p->def = def;
    heap_->at(f).payload = std::move(p);
    Ref key(intern(def->name));
    dict_set(dict, key.get(), f);
}

void Interp::set_attr_str(ObjId dict, std::string_view name, ObjId value) {
    Ref v(value);
    Ref key(intern(name));
    if (key && v) dict_set(dict, key.get(), v.get());
}

ObjId Interp::new_module(std::string_view name, ObjId dict) {
    Ref d(dict ? newref(dict) : new_dict());
    if (!d) return kNull;
    ObjId refs[] = {d.get()};
    ObjId m = heap_->new_object_of(Type::module, 0, 72, refs);
    if (!m) return raise_memory_error();
    if (!dict_get_str(d.get(), "__name__")) {
        set_attr_str(d.get(), "__name__", new_str(name));
        set_attr_str(d.get(), "__doc__", new_none());
        set_attr_str(d.get(), "__package__", new_none());
        set_attr_str(d.get(), "__loader__", new_none());
        set_attr_str(d.get(), "__spec__", new_none());
    }
    return m;
}

}  // namespace refscope::lang
