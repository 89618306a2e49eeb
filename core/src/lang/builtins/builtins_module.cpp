// lang/builtins/builtins_module.cpp — the builtins module, sys.modules, __main__, imports.
//
// Models the start of a CPython 3.11 script run as far as a program can observe it: builtins
// holds the builtin functions, classes and exceptions; sys.modules maps names to module
// objects; __main__'s namespace starts with __name__, __doc__, __package__, __loader__,
// __spec__, __annotations__, __builtins__ and __file__. `import` finds a module in
// sys.modules or creates one of the modules refscope models (sys, gc, weakref, math,
// tracemalloc); any other module is a construct refscope does not support.
#include "lang/modules/modules.hpp"
#include "lang/runtime/natives.hpp"
#include "lang/runtime/objects.hpp"
#include "lang/vm/interp.hpp"

namespace refscope::lang {

void Interp::create_builtins() {
    register_object_methods(*this);
    register_str_methods(*this);
    register_bytes_methods(*this);
    register_list_methods(*this);
    register_tuple_methods(*this);
    register_dict_methods(*this);
    register_set_methods(*this);
    register_number_methods(*this);
    register_slot_wrappers(*this);
    register_misc_methods(*this);

    builtins_dict_ = new_dict();
    builtins_module_ = new_module("builtins", builtins_dict_);
    register_builtin_functions(*this, builtins_dict_);
    static const char* const kTypeNames[][2] = {
        {"object", nullptr}, {"type", nullptr}, {"int", nullptr}, {"bool", nullptr},
        {"float", nullptr}, {"complex", nullptr}, {"str", nullptr}, {"bytes", nullptr},
        {"bytearray", nullptr}, {"tuple", nullptr}, {"list", nullptr}, {"dict", nullptr},
        {"set", nullptr}, {"frozenset", nullptr}, {"range", nullptr}, {"slice", nullptr},
        {"property", nullptr}, {"staticmethod", nullptr}, {"classmethod", nullptr},
        {"super", nullptr}, {"enumerate", nullptr}, {"zip", nullptr}, {"map", nullptr},
        {"filter", nullptr}, {"reversed", nullptr},
    };
    static const BT kTypes[] = {BT::object, BT::type, BT::int_, BT::bool_, BT::float_, BT::complex,
                                BT::str, BT::bytes, BT::bytearray, BT::tuple, BT::list, BT::dict,
                                BT::set, BT::frozenset, BT::range, BT::slice, BT::property,
                                BT::staticmethod, BT::classmethod, BT::super_, BT::enumerate,
                                BT::zip, BT::map, BT::filter, BT::reversed};
    for (std::size_t i = 0; i < sizeof(kTypes) / sizeof(kTypes[0]); ++i)
        set_attr_str(builtins_dict_, kTypeNames[i][0], newref(type(kTypes[i])));
    for (std::size_t i = 0; i < excs_.size(); ++i)
        set_attr_str(builtins_dict_, class_name(excs_[i]), newref(excs_[i]));
    set_attr_str(builtins_dict_, "Ellipsis", newref(ellipsis_));
    set_attr_str(builtins_dict_, "NotImplemented", newref(not_implemented_));
    set_attr_str(builtins_dict_, "__debug__", new_bool(true));
    set_attr_str(builtins_dict_, "EnvironmentError", newref(exc_type(Exc::OSError)));
    set_attr_str(builtins_dict_, "IOError", newref(exc_type(Exc::OSError)));

    modules_ = new_dict();
    set_attr_str(modules_, "builtins", newref(builtins_module_));
    // sys.stdout / sys.stderr
    sys_stdout_ = new_native_instance(BT::textio);
    sys_stderr_ = new_native_instance(BT::textio);
    heap_->at(sys_stderr_).ival = 2;
    heap_->at(sys_stdout_).ival = 1;
    gc_callbacks_ = new_list({});
    gc_garbage_ = new_list({});
    heap_->gc().set_garbage_list(gc_garbage_);
    // sys exists from the start (it is imported when the program asks for it, but created now).
    Ref sys(create_module("sys"));
    set_attr_str(modules_, "sys", sys.release());

    main_dict_ = new_dict();
    set_attr_str(main_dict_, "__name__", newref(id(Id::main)));
    set_attr_str(main_dict_, "__doc__", new_none());
    set_attr_str(main_dict_, "__package__", new_none());
    set_attr_str(main_dict_, "__loader__", new_none());
    set_attr_str(main_dict_, "__spec__", new_none());
    set_attr_str(main_dict_, "__annotations__", new_dict());
    set_attr_str(main_dict_, "__builtins__", newref(builtins_module_));
    main_module_ = new_module("__main__", main_dict_);
    set_attr_str(modules_, "__main__", newref(main_module_));
}

ObjId Interp::new_native_instance(BT cls) {
    ObjId o = heap_->new_object();
    if (!o) return raise_memory_error();
    auto p = std::make_shared<NativeInstancePayload>();
    p->cls = cls;
    heap_->at(o).payload = std::move(p);
    return o;
}

ObjId Interp::create_module(std::string_view name) {
    ModuleInit init = find_module_init(name);
    if (!init) return kNull;
    Ref dict(new_dict());
    if (!dict) return kNull;
    set_attr_str(dict.get(), "__name__", new_str(name));
    set_attr_str(dict.get(), "__doc__", new_none());
    set_attr_str(dict.get(), "__package__", new_str(""));
    set_attr_str(dict.get(), "__loader__", new_none());
    set_attr_str(dict.get(), "__spec__", new_none());
    Ref module(new_module(name, dict.get()));
    if (!module) return kNull;
    if (!init(*this, dict.get())) return kNull;
    return module.release();
}

ObjId Interp::import_module(ObjId name) {
    if (!is_str(name)) return raise(Exc::TypeError, "module name must be str");
    if (ObjId m = dict_get(modules_, name)) return newref(m);
    if (exc_) return kNull;
    // A copy: creating the module creates objects, which may move the name's text.
    const std::string n(text_of(name));
    ObjId m = create_module(n);
    if (!m) {
        if (exc_) return kNull;
        report_unsupported("the module '" + std::string(n) + "'");
        return raise(Exc::ModuleNotFoundError, "No module named '" + std::string(n) + "'");
    }
    if (dict_set(modules_, name, m) < 0) {
        decref(m);
        return kNull;
    }
    return m;
}

int Interp::import_star(Frame* f, ObjId module) {
    if (obj(module).type != Type::module || !f->locals) return raise_int(Exc::ImportError, "import * not supported here");
    ObjId dict = obj(module).refs[0];
    std::vector<std::pair<ObjId, ObjId>> items;
    dict_for_each(dict, [&](ObjId k, ObjId v) {
        if (is_str(k) && !text_of(k).empty() && text_of(k)[0] != '_') items.emplace_back(newref(k), newref(v));
        return true;
    });
    int r = 0;
    for (auto& [k, v] : items) {
        if (r == 0 && dict_set(f->locals, k, v) < 0) r = -1;
        decref(k);
        decref(v);
    }
    return r;
}

}  // namespace refscope::lang
