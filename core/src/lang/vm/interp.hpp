// lang/vm/interp.hpp — the interpreter: CPython 3.11's eval loop and runtime on the heap model.
//
// Models Python/ceval.c (3.11: the eval loop with inline Python-to-Python calls, zero-cost
// exception tables, generators run in a nested loop), Objects/*.c (the behaviour of the builtin
// types) and Python/bltinmodule.c, on refscope's simulated heap: every Python object is an
// object::Heap object, every reference the interpreter holds is a host reference.
//
// Conventions (those of CPython's C API):
//   * A function returning ObjId returns a NEW reference, or kNull with an exception set
//     (Interp::exc_) — except where a comment says "borrowed" or "kNull without exception".
//   * A function returning int returns -1 with an exception set, else its result (0/1 for
//     predicates).
//   * Any call may run Python code (__del__, __eq__, ...) and so allocate, collect, and free
//     objects: never keep an Object& across a call, and hold a reference to what must survive.
//
// Glossary:
//   curexc      the exception being raised (exc_): set by raise_*, moved onto the value stack
//               when a handler is found, cleared when handled
//   exc_info    the exception being handled (sys.exc_info()), a stack with one item per running
//               generator (ExcStackItem)
//   entry frame a frame whose return ends one call of eval(): the first frame of a run, of a
//               call from C++ (call_object), or of a generator being resumed
//
// Invariants (checked by tests after each program):
//   1. Outside eval() no frame is current and exc_ is kNull.
//   2. After a run, Heap::check_invariants() holds: every host reference the interpreter took
//      was either given back or is still held by a live structure (module dicts, units).
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "alloc/allocator.hpp"
#include "gc/collector.hpp"
#include "lang/code.hpp"
#include "lang/vm/attr_cache.hpp"
#include "lang/num/bigint.hpp"
#include "lang/vm/frame.hpp"
#include "lang/vm/names.hpp"
#include "lang/vm/ref.hpp"
#include "object/heap.hpp"
#include "lang/runtime/objects.hpp"
#include "refscope/engine.hpp"

namespace refscope::lang {

using object::Heap;
using object::Type;

class Interp;
class VmObserver;

// A call's arguments in vectorcall layout: positional arguments, then the values of the
// keyword arguments named by `kwnames` (a tuple of str, or kNull).
struct CallArgs {
    const ObjId* items = nullptr;
    std::size_t nargs = 0;            // positional arguments
    ObjId kwnames = kNull;
    std::size_t nkw = 0;              // keyword values after the positional ones
    ObjId operator[](std::size_t i) const { return items[i]; }
    std::size_t total() const { return nargs + nkw; }
};

using NativeFn = ObjId (*)(Interp& vm, ObjId self, const CallArgs& args);

// A function implemented in C++: a builtin, a module function or a method of a builtin type.
struct NativeDef {
    const char* name;
    NativeFn fn;
    enum Kind : std::uint8_t { function, method, classmethod, staticmethod } kind = function;
};

struct NativePayload : object::Payload {
    const NativeDef* def = nullptr;
    ObjId owner = kNull;               // a method descriptor's class (a static type, borrowed)
};

// The runtime tables of a code object (its payload). The ObjIds are borrowed: the code
// object's refs own them.
struct CodeInfo : object::Payload {
    const CompilationUnit* unit = nullptr;
    const CodeObject* code = nullptr;
    std::vector<ObjId> consts, names, localsplusnames;
    ObjId filename = kNull, name = kNull, qualname = kNull;
    std::uint32_t stacksize = 0;
    std::uint32_t ncells = 0, nfrees = 0;
};

// What a class object knows beyond its refs ([dict, mro, bases, base, name, qualname]).
struct ClassPayload : object::Payload {
    std::string name, qualname;
    bool builtin = false;              // a static type
    Type layout = Type::instance;      // heap layout of its instances
    std::uint8_t subkind = 0;          // for builtin types sharing a layout
    std::vector<std::string> slots;    // __slots__ (slots_instance layout)
    bool has_dict = true;              // instances have a __dict__
    bool has_weakref = true;           // instances have a __weakref__ slot (tp_weaklistoffset)
    bool is_exception = false;
    bool basetype = true;              // may be subclassed
    bool abstract_new = false;         // cannot be instantiated (builtin helper types)
    BT bt = BT::count_;                // which builtin type, if builtin
    std::string module = "builtins";   // __module__ of a builtin class
};

enum class GenState : std::uint8_t { created, suspended, running, completed };

// A linked stack of the exceptions being handled (_PyErr_StackItem).
struct ExcStackItem {
    ObjId value = kNull;               // host reference (kNull: none)
    ExcStackItem* previous = nullptr;
};

struct GenPayload : object::Payload {
    std::unique_ptr<Frame> frame;
    GenState state = GenState::created;
    ExcStackItem exc_state;            // value mirrored in refs[3] while suspended
};
// Generator refs: [gi_code, gi_name, gi_qualname, exc_state value, frame data...].
inline constexpr std::size_t kGenFixedRefs = 4;

struct FramePayload : object::Payload {
    Frame* live = nullptr;             // the running frame, until it ends
    std::unique_ptr<Frame> owned;      // its data after take_ownership (mirrors refs[1..])
    const CodeObject* code = nullptr;
    CodeInfo* info = nullptr;
};

// A limit ended the run: unwinds every eval loop (the heap is left as it is).
struct LimitReached {
    std::string reason;
};

class Interp : public object::HeapHooks, public gc::Collector::Callbacks {
public:
    Interp(const RunOptions& options, RunResult& result, std::string script_path = "");
    ~Interp() override;
    Interp(const Interp&) = delete;
    Interp& operator=(const Interp&) = delete;

    // Runs a compiled program as __main__; fills the result (output, status).
    void run_main(std::unique_ptr<CompilationUnit> unit);

    // --- copies for a trace's checkpoints (interp_copy.cpp) ---------------------------------
    // Whether the run can be copied here: called from VmObserver::on_line, true when only the
    // main module's eval loop is running (Python-to-Python calls are inline, so the C++ stack
    // holds nothing a copy would need): no generator, call from C++, collection, finalizer or
    // repr in progress, no exception being raised, and tracemalloc never imported.
    bool can_copy() const;
    // A copy of the whole run (heap, allocator, collector, frames) positioned just before the
    // line event being reported, whose result goes to `result` (without the output so far, which
    // stays with the original). A copy of a copy is one too. The object storage and pool cells
    // are shared copy-on-write.
    // Requires can_copy() (at the time the first copy was made).
    std::unique_ptr<Interp> copy(RunResult& result, VmObserver* observer,
                                 alloc::AllocObserver* alloc_observer) const;
    // Runs a copy on from where it was made to the end of run_main (then call shutdown()):
    // the same run as the original from there, reporting to the copy's observers.
    void resume_main();
    // An estimate of the memory a copy holds beyond the blocks it may share with other copies
    // (Heap::for_each_shared_block, Allocator::for_each_shared_block).
    std::size_t copied_table_bytes() const;
    // After run_main: what CPython does at exit (finalizers, module teardown).
    void shutdown();

    // --- memory model access ----------------------------------------------------------------
    Heap& heap() { return *heap_; }
    alloc::Allocator& allocator() { return *allocator_; }
    const Profile& profile() const { return profile_; }
    const object::Object& obj(ObjId id) const { return heap_->get(id); }
    // Out of line (objects.cpp): called from hundreds of places, where Heap's inline counting
    // would cost the page more download than it saves time; the eval loop uses Heap's directly.
    void incref(ObjId id);
    void decref(ObjId id);
    void xdecref(ObjId id) { if (id) decref(id); }
    ObjId newref(ObjId id) { incref(id); return id; }

    // --- well-known objects -----------------------------------------------------------------
    ObjId none() const { return heap_->none(); }
    ObjId true_obj() const { return heap_->true_obj(); }
    ObjId false_obj() const { return heap_->false_obj(); }
    ObjId new_none() { return newref(none()); }
    ObjId new_bool(bool v) { return newref(v ? true_obj() : false_obj()); }
    ObjId id(Id name) const { return ids_[static_cast<std::size_t>(name)]; }   // borrowed
    ObjId type(BT t) const { return types_[static_cast<std::size_t>(t)]; }     // borrowed
    ObjId exc_type(Exc e) const { return excs_[static_cast<std::size_t>(e)]; } // borrowed
    ObjId ellipsis() const { return ellipsis_; }
    ObjId not_implemented() const { return not_implemented_; }

    // --- object construction (new references; kNull + MemoryError on exhaustion) -----------
    ObjId new_int(std::int64_t v, std::uint32_t alloc_digits = 0);   // PyLong_FromLong
    ObjId new_int(const BigInt& v, std::uint32_t alloc_digits = 0);
    ObjId new_int_exact(std::int64_t v);                  // _PyLong_New with what v needs
    ObjId new_float(double v);
    ObjId new_str(std::string_view utf8);
    ObjId new_bytes(std::string_view data);
    ObjId new_tuple(std::span<const ObjId> items);
    // The _steal constructors consume the references in items (a vector is left empty).
    ObjId new_tuple_steal(std::span<const ObjId> items);
    ObjId new_tuple_steal(std::vector<ObjId>& items);
    ObjId new_list(std::span<const ObjId> items = {});
    ObjId new_list_steal(std::span<const ObjId> items);
    ObjId new_list_steal(std::vector<ObjId>& items);
    ObjId new_dict();
    ObjId new_set(bool frozen = false);
    ObjId intern(std::string_view text);                 // an interned str (new reference)
    ObjId new_native(const NativeDef* def, ObjId self);  // builtin_function_or_method
    ObjId new_exception(ObjId cls, std::span<const ObjId> args);
    ObjId new_slice(ObjId start, ObjId stop, ObjId step);
    ObjId new_iterator(IterKind kind, std::span<const ObjId> refs, std::int64_t index = 0);
    ObjId new_range_object(std::int64_t start, std::int64_t stop, std::int64_t step);
    ObjId new_big_range_object(const BigInt& start, const BigInt& stop, const BigInt& step);

    // --- exceptions -------------------------------------------------------------------------
    bool has_exception() const { return exc_ != kNull; }
    ObjId exception() const { return exc_; }              // borrowed
    ObjId fetch_exception();                              // takes curexc (new ref)
    void restore_exception(ObjId exc);                    // steals
    void clear_exception();
    bool exception_matches(Exc e) const;                  // curexc isinstance e
    ObjId raise(Exc e, std::string message);              // returns kNull
    ObjId raise_obj(ObjId exc);                           // steals an exception instance
    ObjId raise_with(ObjId cls, ObjId arg);               // cls(arg) or cls() when arg kNull
    int raise_int(Exc e, std::string message) { raise(e, std::move(message)); return -1; }
    ObjId raise_type_error(const char* fmt_prefix, ObjId obj, const char* fmt_suffix);
    ObjId raise_key_error(ObjId key);
    ObjId raise_memory_error();
    // NameError / AttributeError with their `name` (and `obj`) attributes, which the traceback
    // display uses for "Did you mean: ...?" (3.11).
    ObjId raise_name_error(ObjId name);
    ObjId raise_attribute_error(ObjId o, ObjId name, std::string message);
    ObjId raise_stop_iteration(ObjId value);              // value borrowed (kNull: none)
    ObjId raise_from_pyerror(const PyError& e);
    std::string exception_str(ObjId exc);                 // str(exc) for the last line
    std::string suggestion_for(ObjId exc);                // "Did you mean" name, or ""
    // The exception being handled (sys.exc_info()[1]), borrowed; kNull when none.
    ObjId handled_exception() const;
    void set_context(ObjId exc);                          // __context__ from exc_info

    // --- the type system --------------------------------------------------------------------
    ObjId type_of(ObjId o) const;                         // borrowed
    std::string type_name(ObjId o) const;                 // type(o).__name__
    std::string class_name(ObjId cls) const;
    ClassPayload* class_payload(ObjId cls) const;
    bool is_class(ObjId o) const { return obj(o).type == Type::type; }
    bool is_subclass(ObjId cls, ObjId base) const;
    bool isinstance(ObjId o, ObjId cls) const { return is_subclass(type_of(o), cls); }
    bool is_exception_class(ObjId cls) const;
    bool is_exception_instance(ObjId o) const { return obj(o).type == Type::exception; }
    ObjId class_dict(ObjId cls) const;                    // borrowed (kNull after tp_clear)
    ObjId class_mro(ObjId cls) const;                     // borrowed tuple
    // _PyType_Lookup: name found in the MRO's dicts, borrowed; kNull when absent. Answers
    // are remembered in attr_cache_ (see attr_cache.hpp).
    ObjId lookup(ObjId cls, ObjId name);
    ObjId lookup(ObjId cls, Id name) { return lookup(cls, id(name)); }
    ObjId lookup(ObjId cls, std::string_view name);
    bool is_heap_instance(ObjId o) const;                 // an instance of a user class
    bool has_user_method(ObjId o, Id name);               // type(o) defines `name` in Python

    // --- protocols --------------------------------------------------------------------------
    ObjId repr(ObjId o);                                  // str object
    ObjId str(ObjId o);
    std::optional<std::string> repr_text(ObjId o);        // nullopt: exception set
    std::optional<std::string> str_text(ObjId o);
    ObjId format(ObjId value, ObjId spec);                // format(value, spec)
    int truthy(ObjId o);                                  // 1, 0, -1
    std::optional<std::int64_t> hash(ObjId o);            // nullopt: TypeError set
    ObjId binary_op(ObjId a, ObjId b, std::uint32_t nb);  // NB_* including in-place
    ObjId unary_op(ObjId a, Op op);
    ObjId rich_compare(ObjId a, ObjId b, int op);         // CMP_*
    int compare_bool(ObjId a, ObjId b, int op);           // PyObject_RichCompareBool
    int equal(ObjId a, ObjId b) { return compare_bool(a, b, CMP_EQ); }
    int contains(ObjId container, ObjId item);            // `item in container`
    ObjId getattr(ObjId o, ObjId name);
    ObjId getattr(ObjId o, std::string_view name);
    ObjId getattr_opt(ObjId o, ObjId name);               // kNull without AttributeError
    int setattr(ObjId o, ObjId name, ObjId value);        // value kNull: delete
    // LOAD_METHOD: *method gets the function and true is returned when `self` must be passed.
    int load_method(ObjId o, ObjId name, ObjId* method);
    ObjId generic_getattr(ObjId o, ObjId name, bool suppress);
    int generic_setattr(ObjId o, ObjId name, ObjId value);
    ObjId descr_get(ObjId descr, ObjId instance, ObjId owner);   // instance kNull: via class
    int descr_set(ObjId descr, ObjId o, ObjId value);
    bool is_data_descr(ObjId descr);
    ObjId instance_attr(ObjId o, ObjId name);                      // borrowed; kNull: none
    // Attributes of builtin objects that are not in their class dict (int.real, func.__name__).
    ObjId builtin_attribute(ObjId o, ObjId name, bool& found);
    ObjId type_attribute(ObjId cls, ObjId name, bool& found);     // __name__, __mro__, ...
    ObjId type_getattr(ObjId cls, ObjId name, bool suppress);
    int type_setattr(ObjId cls, ObjId name, ObjId value);
    ObjId super_getattr(ObjId sup, ObjId name);
    ObjId slot_descr_get(ObjId descr, ObjId o);
    int slot_descr_set(ObjId descr, ObjId o, ObjId value);
    std::string property_name(ObjId prop);
    void update_finalizer_flags(ObjId cls);
    ObjId getitem(ObjId o, ObjId key);
    int setitem(ObjId o, ObjId key, ObjId value);         // value kNull: delete
    ObjId get_iter(ObjId o);
    ObjId iter_next(ObjId it);                            // kNull without exception: exhausted
    std::optional<std::int64_t> length(ObjId o);          // len(o)
    std::optional<std::int64_t> length_hint(ObjId o, std::int64_t fallback);
    std::optional<std::int64_t> index_value(ObjId o);     // operator.index as int64
    bool as_index(ObjId o, std::int64_t& out, Exc overflow = Exc::IndexError);
    ObjId call(ObjId callable, const CallArgs& args);
    ObjId call(ObjId callable, std::initializer_list<ObjId> args);
    ObjId call_method(ObjId self, Id name, std::initializer_list<ObjId> args);
    ObjId call_method_opt(ObjId self, Id name, std::initializer_list<ObjId> args, bool& found);
    // Collects an iterable into a vector of new references; false with an exception.
    bool unpack_iterable(ObjId iterable, std::vector<ObjId>& out);

    // --- numbers -----------------------------------------------------------------------------
    bool is_int(ObjId o) const { auto t = obj(o).type; return t == Type::int_type || t == Type::bool_type; }
    bool is_float(ObjId o) const { return obj(o).type == Type::float_type; }
    bool is_str(ObjId o) const { return obj(o).type == Type::str; }
    bool small_int(ObjId o, std::int64_t& v) const;       // the value fits int64
    BigInt big_of(ObjId o) const;                         // any int as BigInt
    double float_of(ObjId o) const { return obj(o).fval; }
    std::string_view text_of(ObjId o) const { return obj(o).text; }
    std::int64_t str_length(ObjId s) const { return obj(s).ival; }
    ObjId int_from_double(double d);                      // int(float)
    ObjId float_binary(double a, double b, std::uint32_t nb);
    ObjId int_binary(ObjId a, ObjId b, std::uint32_t nb);
    ObjId number_binary(ObjId a, ObjId b, std::uint32_t nb);  // NotImplemented: not numbers
    ObjId number_unary(ObjId a, Op op);
    int number_compare(ObjId a, ObjId b);                 // -1, 0, 1; 2: unordered (NaN)
    bool is_number(ObjId o) const { return is_int(o) || is_float(o); }
    std::optional<double> to_double(ObjId o);             // float(x) for numbers

    // --- dict/set helpers (Python semantics: hash + __eq__) -----------------------------------
    ObjId dict_get(ObjId dict, ObjId key);                // borrowed; kNull: absent or error
    ObjId dict_get_str(ObjId dict, std::string_view key); // borrowed
    int dict_set(ObjId dict, ObjId key, ObjId value);
    int dict_del(ObjId dict, ObjId key);                  // 0 deleted, -1 error (KeyError set)
    ObjId dict_pop(ObjId dict, ObjId key, bool& found);   // new ref; kNull + !found: absent
    int dict_contains(ObjId dict, ObjId key);
    int dict_merge(ObjId dict, ObjId other, bool override_existing);
    std::size_t dict_len(ObjId dict) const { return heap_->dict_size(dict); }
    // Iterate a dict's live entries: (key, value) borrowed; split dicts yield interned keys.
    template <class F> void dict_for_each(ObjId dict, F&& f);
    int set_add(ObjId set, ObjId key);
    int set_contains(ObjId set, ObjId key);
    int set_discard(ObjId set, ObjId key);                // 1 removed, 0 absent, -1 error
    int set_update(ObjId set, ObjId iterable);

    // --- calls and frames -------------------------------------------------------------------
    ObjId call_function(ObjId func, const CallArgs& args, ObjId locals = kNull);
    Frame* push_frame(ObjId func, ObjId locals);          // a frame for func, args unbound
    // A cleared frame struct the VM is done with: kept for the next push_frame (with its
    // vectors' capacity) while fewer than kSpareFrames are, else deleted.
    void release_frame(Frame* frame);
    bool bind_arguments(Frame* frame, ObjId func, const CallArgs& args, bool steal);
    ObjId eval(Frame* frame);                             // runs an entry frame
    void clear_frame(Frame* frame);                       // _PyFrame_Clear
    ObjId frame_object(Frame* frame);                     // PyFrameObject (borrowed)
    Frame* current_frame() const { return current_; }
    int recursion_limit() const { return recursion_limit_; }
    void set_recursion_limit(int n) { recursion_limit_ = n; }
    ObjId builtins_dict() const { return builtins_dict_; }
    ObjId main_dict() const { return main_dict_; }

    // --- generators -------------------------------------------------------------------------
    // gen_send_ex: resumes with `value` pushed (or `exc` thrown when non-null, stolen).
    // Returns the yielded value; kNull with `returned` set when the generator finished (the
    // return value in *retval), kNull otherwise with an exception.
    ObjId gen_send(ObjId gen, ObjId value, ObjId exc, bool& returned, ObjId* retval);
    int gen_close(ObjId gen);

    // --- classes ----------------------------------------------------------------------------
    ObjId build_class(const CallArgs& args);
    ObjId make_class(ObjId name, ObjId bases, ObjId ns, ObjId metaclass);
    ObjId instantiate(ObjId cls, const CallArgs& args);

    // --- modules ------------------------------------------------------------------------------
    ObjId import_module(ObjId name);                      // IMPORT_NAME (new ref)
    ObjId new_module(std::string_view name, ObjId dict = kNull);
    void add_native(ObjId dict, const NativeDef* def);    // a module function
    void set_attr_str(ObjId dict, std::string_view name, ObjId value);   // steals value

    // --- output -------------------------------------------------------------------------------
    void write_stdout(std::string_view text);
    // A write through sys.stdout / sys.stderr (TextIOWrapper's pending chunks, runtime/textio.cpp).
    void textio_write(ObjId stream, ObjId text);
    void textio_flush(ObjId stream);
    void write_stderr(std::string_view text);
    std::string_view stdin_rest();
    void consume_stdin(std::size_t n);
    ObjId sys_stdout() const { return sys_stdout_; }
    ObjId sys_stderr() const { return sys_stderr_; }

    // --- HeapHooks and collector callbacks -------------------------------------------------
    void finalize(ObjId object) override;
    void weakref_callback(ObjId weakref, ObjId callback) override;
    void type_dealloc(ObjId cls) override;
    // tp_subclasses: each class's {address: weakref} dict of its direct subclasses.
    void register_subclass(ObjId base, ObjId cls);
    ObjId subclasses_list(ObjId cls);                      // type.__subclasses__() (new ref)
    void on_collection(bool start, int generation, std::int64_t collected,
                       std::int64_t uncollectable) override;

    // --- state the modules share ------------------------------------------------------------
    ObjId gc_callbacks() const { return gc_callbacks_; }
    ObjId gc_garbage() const { return gc_garbage_; }
    const RunOptions& options() const { return options_; }
    VmObserver* observer() const { return observer_; }
    std::uint64_t line_steps() const { return line_steps_; }
    // Instructions begun: fetched and past their line event (an instruction whose line event
    // hit the step limit never begins). At on_line, the line's first instruction will be
    // number begun() + 1.
    std::uint64_t begun() const { return begun_; }
    // Calls the observer's on_instruction just before instruction number `n` (counted as
    // begun() counts) runs, once; a later call replaces the watch. kNoWatch: none.
    static constexpr std::uint64_t kNoWatch = ~std::uint64_t{0};
    void watch_instruction(std::uint64_t n) { watch_ = n; }
    // tracemalloc: the state modules/tracemalloc_module.cpp keeps (created on import).
    struct TraceMalloc {
        virtual ~TraceMalloc() = default;
    };
    TraceMalloc* tracemalloc() { return tracemalloc_.get(); }
    void set_tracemalloc(std::unique_ptr<TraceMalloc> t) { tracemalloc_ = std::move(t); }
    // A second receiver of the allocator's events besides RunOptions::alloc_observer (tracemalloc
    // while it traces); null removes it.
    void set_tracing_observer(alloc::AllocObserver* o);
    // Runs Python source as the body of a module whose namespace is `dict` (a module refscope
    // writes in Python, such as tracemalloc's snapshot classes). False with an exception set.
    bool exec_module_source(std::string_view source, std::string filename, ObjId dict);
    // The source line `line` (1-based) of a file refscope compiled, or nullptr.
    const std::string* source_line(std::string_view filename, std::uint32_t line) const;
    void report_unsupported(std::string construct);       // ends the run with exit status 2
    void abandon_frames();   // after a limit: frees the frame structs of the abandoned stack

    // Table of native functions of builtin types, by class (runtime/*.cpp register them).
    void register_methods(BT cls, std::span<const NativeDef> defs);
    void register_native_in(ObjId cls, const NativeDef* def);

private:
    friend struct EvalLoop;
    // startup (interp.cpp, runtime/types.cpp, builtins/*.cpp, modules/*.cpp)
    void create_identifiers();
    void create_types();
    void create_exceptions();
    void create_builtins();
    void seed_free_lists();
    void create_subclass_registries();
public:
    // The free lists' lengths (spec §11.5) at a point CPython's were measured; the 3.11 profile
    // only (the classic profile's were not measured).
    struct FreeListState {
        std::uint32_t tuples[20];
        std::uint32_t lists, dicts, keys, floats;
    };
    void set_free_lists(const FreeListState& state);
private:
    ObjId make_static_class(std::string_view name, ObjId base, Type layout, BT bt);
    void load_unit(CompilationUnit& unit, std::vector<ObjId>& code_objects);
    ObjId materialize_constant(const CompilationUnit& unit, std::uint32_t index,
                               std::vector<ObjId>& pool);
    void print_exception(ObjId exc);
    void handle_uncaught(ObjId exc);
    void check_limits_output();
    void finish_main(ObjId result);
    void end_main_by_limit(const LimitReached& limit);
    struct CopyTag {};
    Interp(const Interp& other, RunResult& result, CopyTag);

public:
    // --- runtime internals shared across the runtime files ----------------------------------
    const std::string& script_path() const { return script_path_; }
    ObjId modules() const { return modules_; }
    ObjId new_view(ObjId dict, ViewKind kind);
    bool is_iterator(ObjId o);
    ObjId recycle_pair(ObjId it, std::size_t slot, ObjId a, ObjId b);
    std::int64_t iterator_length_hint(ObjId it);                  // -1: unknown
    ObjId view_as_list(ObjId view);
    int dict_view_contains(ObjId view, ObjId item);
    ObjId dict_view_compare(ObjId a, ObjId b, int op);
    void suspend_frame_into(ObjId gen, Frame* f);
    void resume_frame_from(ObjId gen, Frame* f);
    ObjId eval_throw(Frame* frame);
    void write_unraisable(ObjId where);
    bool is_not_implemented(ObjId o) const;
    ObjId user_binary_slot(ObjId self, ObjId other, Id name);
    ObjId call_descr(ObjId descr, ObjId self, std::initializer_list<ObjId> args);
    ObjId native_binary_slot(ObjId a, ObjId b, std::uint32_t nb, bool inplace);
    ObjId binary_op1(ObjId a, ObjId b, std::uint32_t nb, bool inplace);
    ObjId set_operator(ObjId a, ObjId b, std::uint32_t nb, bool inplace);
    bool is_dict_set_view(ObjId o) const;                  // a keys or items view
    ObjId dict_view_operator(ObjId a, ObjId b, std::uint32_t nb);   // | & - ^ (dict_view_ops.cpp)
    ObjId dict_copy(ObjId dict);
    ObjId str_percent_format(ObjId fmt, ObjId operand);
    ObjId list_inplace_repeat(ObjId list, ObjId count);
    ObjId sequence_concat(ObjId a, ObjId b);
    ObjId sequence_repeat(ObjId seq, ObjId count);
    ObjId native_compare(ObjId a, ObjId b, int op);
    int dict_equal(ObjId a, ObjId b);
    ObjId set_compare(ObjId a, ObjId b, int op);
    ObjId compare_slot(ObjId a, ObjId b, int op);
    bool ta_is_builtin_comparable(ObjId a) const;
    std::optional<std::int64_t> frozenset_hash(ObjId o);
    struct SliceIndices {
        std::int64_t start = 0, stop = 0, step = 1, length = 0;
    };
    bool slice_indices(ObjId slice, std::int64_t length, SliceIndices& out);
    bool normalize_index(ObjId key, std::int64_t length, std::int64_t& index, const char* what);
    bool is_index_like(ObjId key);
    int list_ass_slice(ObjId list, ObjId slice, ObjId value);
    Heap::KeyEq key_eq(ObjId key);
    int set_merge(ObjId set, ObjId other);
    int set_is_subset(ObjId a, ObjId b);
    bool compute_mro(ObjId cls, ObjId bases, std::vector<ObjId>& out);
    ObjId new_slot_descr(ObjId cls, SlotDescrPayload::Kind kind, std::uint32_t index, const std::string& name);
    ObjId allocate_instance(ObjId cls, ObjId args_tuple);
    ObjId call_with_tuple(ObjId func, ObjId first, ObjId tuple, ObjId kwargs);
    ObjId type_call(ObjId cls, ObjId tuple, ObjId kwargs);
    ObjId new_super(ObjId start_type, ObjId o);
    ObjId super_zero_args();
    ObjId construct_builtin(ObjId cls, const CallArgs& args);
    ObjId reversed(ObjId seq);
    int dict_update_from(ObjId dict, ObjId src);
    bool list_sort(ObjId list, const CallArgs& kwargs);
    ObjId str_encode(ObjId s, ObjId encoding, ObjId errors);
    ObjId bytes_decode(ObjId b, ObjId encoding, ObjId errors);
    ObjId str_format(ObjId fmt, const CallArgs& args, ObjId mapping);
    ObjId new_weakref(ObjId target, ObjId callback);
    bool supports_weakrefs(ObjId o);
    ObjId make_finalize(const CallArgs& args);
    ObjId run_finalize(ObjId self);
    bool finalize_alive(ObjId self) const;
    void forget_finalize(ObjId self);
    void run_exit_finalizers();
    ObjId frame_locals(ObjId frame_obj);
    int set_builtin_attribute(ObjId o, ObjId name, ObjId value);   // 1 set, 0 not such an attribute
    std::string address_of(ObjId o) const;
    std::string qualified_class_name(ObjId cls);
    ObjId call_text_method(ObjId o, ObjId func, const char* what);
    std::optional<std::string> exception_str_builtin(ObjId exc);
    std::optional<std::string> repr_items(ObjId container, const char* open, const char* close);
    std::optional<std::string> builtin_repr(ObjId o);
    ObjId new_native_instance(BT cls);
    // A reference held for the rest of the run, for caches CPython keeps in static storage
    // (keyed by the address of a static marker in the C++ code that owns it).
    ObjId& static_slot(const void* key) { return static_slots_[key]; }
    int repr_enter(ObjId o);
    void repr_leave(ObjId o);
    ObjId create_module(std::string_view name);

    // eval-loop internals shared with the instruction files (vm/eval*.cpp)
    ObjId eval_loop(Frame* entry, bool throwing = false);
    // eval_loop's body: runs frames from `start` until the entry frame returns or yields or
    // the exception leaves it, or until it has dispatched kEvalSlice instructions; then it
    // stores the frame to continue with in *resume and returns kNull (see eval_loop).
    [[gnu::noinline]] ObjId eval_slice(Frame* start, bool throwing, Frame** resume);
    ObjId dict_from_items(const std::vector<ObjId>& keys, const std::vector<ObjId>& values);
    bool is_builtin_iterable(ObjId o) const;
    int list_extend(ObjId list, ObjId iterable);
    int dict_merge_kwargs(ObjId dict, ObjId update, ObjId func);
    bool unpack_to_stack(Frame* f, ObjId seq, std::uint32_t before, int after);
    ObjId call_ex(ObjId func, ObjId callargs, ObjId kwargs);
    ObjId make_function(ObjId code, ObjId globals, ObjId builtins);
    ObjId make_generator(Frame* f);
    int iter_send(ObjId receiver, ObjId value, ObjId* result);   // 0 yielded, 1 returned, -1
    void do_raise(ObjId exc, ObjId cause);                         // steals both
    int exception_class_matches(ObjId exc, ObjId cls);
    ObjId lookup_special(ObjId o, Id name);                        // bound, new ref
    int import_star(Frame* f, ObjId module);
    ObjId ascii(ObjId o);
    bool enter_recursion(Frame* frame);
    void traceback_here(Frame* frame);
    void on_line_step(Frame* frame);
    void notify_limit();                                   // VmObserver::on_limit, once per run
    bool limit_notified_ = false;
    std::uint64_t instructions_ = 0;                       // RunResult::instructions
    std::uint64_t line_steps_ = 0;
    std::uint64_t begun_ = 0, watch_ = kNoWatch;           // see begun(), watch_instruction()
    static constexpr std::size_t kSpareFrames = 64;
    std::vector<Frame*> spare_frames_;                     // see release_frame (not copied)
    AttrCache attr_cache_;                                 // see lookup (not copied)
    void on_watched_instruction(Frame* frame, const Instr& instr);
    Frame* current_ = nullptr;
    std::uint32_t depth_ = 0;                              // Python frames on the stack
    ExcStackItem base_exc_state_;
    ExcStackItem* exc_info_ = &base_exc_state_;
    ObjId exc_ = kNull;                                    // curexc (host reference)
    bool unsupported_stop_ = false;

private:
    RunOptions options_;
    std::string script_path_;
    RunResult& result_;
    const Profile& profile_;
    std::unique_ptr<alloc::Allocator> allocator_;
    std::unique_ptr<Heap> heap_;
    object::Heap* previous_active_heap_ = nullptr;
    VmObserver* observer_ = nullptr;
    int recursion_limit_ = 1000;

    std::array<ObjId, static_cast<std::size_t>(Id::count_)> ids_{};
    std::array<ObjId, static_cast<std::size_t>(BT::count_)> types_{};
    std::array<ObjId, static_cast<std::size_t>(Exc::count_)> excs_{};
    ObjId ellipsis_ = kNull, not_implemented_ = kNull;
    ObjId builtins_dict_ = kNull, builtins_module_ = kNull;
    ObjId main_module_ = kNull, main_dict_ = kNull;
    ObjId modules_ = kNull;                                // sys.modules
    ObjId sys_stdout_ = kNull, sys_stderr_ = kNull;
    ObjId gc_callbacks_ = kNull, gc_garbage_ = kNull;
    ObjId memory_error_ = kNull;                           // preallocated MemoryError
    ObjId last_value_ = kNull;                             // sys.last_value
    Frame* main_frame_ = nullptr;                          // the __main__ frame, while it runs
    bool resumable_ = false;                               // a copy that has not run yet
    std::vector<std::shared_ptr<CompilationUnit>> units_;  // shared by copies (never changed once loaded)
    std::vector<ObjId> parse_tree_refs_;                   // the AST's references to constants
    std::vector<ObjId> unit_code_objects_;                 // module code objects (host refs)
    std::size_t stdin_pos_ = 0;
    std::uint64_t output_bytes_ = 0;
    bool in_gc_callback_ = false;
    std::unique_ptr<TraceMalloc> tracemalloc_;
    struct AllocFanout : alloc::AllocObserver {
        alloc::AllocObserver* first = nullptr;
        alloc::AllocObserver* second = nullptr;
        void on_alloc_event(const alloc::AllocEvent& e) override {
            first->on_alloc_event(e);
            second->on_alloc_event(e);
        }
    } alloc_fanout_;
    std::set<ObjId> repr_guard_;                           // Py_ReprEnter
    ObjId tstate_dict_ = kNull, repr_list_ = kNull;        // the thread state dict, "Py_Repr"
    std::vector<ObjId> finalizers_;                        // live weakref.finalize objects
    std::unordered_map<ObjId, ObjId> subclasses_;          // class -> tp_subclasses dict (host ref)
    std::unordered_map<const void*, ObjId> static_slots_;
};

// --- inline helpers -------------------------------------------------------------------------

template <class F> void Interp::dict_for_each(ObjId dict, F&& f) {
    for (std::size_t pos = 0; pos < heap_->dict_positions(dict); ++pos) {
        ObjId value = heap_->dict_value_at(dict, pos);
        if (!value) continue;
        if (const std::string* name = heap_->dict_split_name(dict, pos)) {
            Ref key(intern(*name));
            if (!f(key.get(), value)) return;
        } else {
            if (!f(heap_->dict_key_at(dict, pos), value)) return;
        }
    }
}

// Payload access.
template <class P> P* payload_of(const object::Object& o) { return static_cast<P*>(o.payload.get()); }

}  // namespace refscope::lang
