// lang/vm/interp.cpp — the interpreter's life: startup, running __main__, exit, output.
//
// Startup creates what CPython 3.11 has before the first line of a script runs and that a
// program can observe: interned identifier strings, the builtin classes and exceptions, the
// builtins module, sys.modules and the __main__ module. Objects CPython allocates statically
// (types, builtin functions) are static here too; the rest is allocated from the heap model.
//
// Exit follows Py_FinalizeEx's order as far as a script can see it: an uncaught exception is
// printed (and kept, as sys.last_value keeps it), then the modules are removed and a full
// collection runs, then the __main__ namespace is cleared.
#include "lang/vm/interp.hpp"

#include "lang/compile.hpp"
#include "lang/vm/vm_observer.hpp"
#include "refscope/errors.hpp"

namespace refscope::lang {

namespace vm {
thread_local object::Heap* active_heap = nullptr;
}

namespace {
// len(gc.get_objects()) after gc.collect() at the start of a script (measured, CPython 3.11.7).
constexpr std::int64_t kStartupGcPopulation = 11093;
}

Interp::Interp(const RunOptions& options, RunResult& result, std::string script_path)
    : options_(options), script_path_(std::move(script_path)), result_(result),
      profile_(refscope::profile(options.profile)) {
    alloc::AllocatorOptions ao;
    ao.memory_limit = options.memory_limit;
    allocator_ = std::make_unique<alloc::Allocator>(profile_, ao);
    object::HeapOptions ho;
    ho.check_every_op = options.check_every_op;
    heap_ = std::make_unique<Heap>(profile_, *allocator_, ho);
    previous_active_heap_ = vm::active_heap;
    vm::active_heap = heap_.get();
    heap_->set_hooks(this);
    heap_->gc().set_callbacks(this);
    observer_ = options.observer;
    if (options.alloc_observer) allocator_->set_observer(options.alloc_observer);

    create_identifiers();
    create_types();
    create_exceptions();
    create_builtins();
    create_subclass_registries();
    seed_free_lists();
    // CPython 3.11 has about 11,100 objects in generation 2 when a script starts (its modules,
    // classes and functions); the model creates only what a program can reach. The rest is
    // accounted for in the collector's long-lived population (the 25% rule).
    std::int64_t tracked = 0;
    heap_->for_each_live([&](ObjId, const object::Object& o) { tracked += o.tracked() ? 1 : 0; });
    heap_->gc().set_long_lived_baseline(std::max<std::int64_t>(0, kStartupGcPopulation - tracked));
}

// The free lists as CPython 3.11.7's start-up leaves them when a script's first line runs
// (sys._debugmallocstats(); the 8-slot keys tables from sys.getallocatedblocks() around 200 new
// one-key dicts). The classic profile starts with them empty (not measured).
void Interp::seed_free_lists() {
    static constexpr FreeListState kStartup = {
        {4, 8, 2, 2, 3, 0, 8, 6, 1, 0, 1, 3, 5, 1, 2, 2, 2, 3, 1, 6}, 40, 8, 71, 4};
    set_free_lists(kStartup);
}

void Interp::set_free_lists(const FreeListState& state) {
    if (options_.profile != ProfileId::cpython_3_11) return;
    using object::FreeListKind;
    for (std::uint32_t n = 1; n <= 20; ++n) heap_->set_free_list_size(FreeListKind::tuple, n, state.tuples[n - 1]);
    heap_->set_free_list_size(FreeListKind::list, 0, state.lists);
    heap_->set_free_list_size(FreeListKind::dict, 0, state.dicts);
    heap_->set_free_list_size(FreeListKind::dict_keys, 0, state.keys);
    heap_->set_free_list_size(FreeListKind::float_, 0, state.floats);
}

Interp::~Interp() {
    // A copy that never ran (a checkpoint) still owns its frame chain (interp_copy.cpp).
    if (resumable_) {
        for (Frame* f = current_; f;) {
            Frame* previous = f->previous;
            delete f;
            f = previous;
        }
    }
    for (Frame* f : spare_frames_) delete f;
    allocator_->set_observer(options_.alloc_observer);   // tracemalloc's state goes first
    heap_->set_hooks(nullptr);
    heap_->gc().set_callbacks(nullptr);
    if (vm::active_heap == heap_.get()) vm::active_heap = previous_active_heap_;
}

void Interp::create_identifiers() {
    static const char* const kNames[] = {
#define REFSCOPE_ID_TEXT(e, s) s,
        REFSCOPE_IDENTIFIERS(REFSCOPE_ID_TEXT)
#undef REFSCOPE_ID_TEXT
    };
    for (std::size_t i = 0; i < ids_.size(); ++i) ids_[i] = intern(kNames[i]);
}

ObjId Interp::intern(std::string_view text) {
    if (ObjId s = heap_->find_interned(text)) return newref(s);
    ObjId s = heap_->new_str(text);
    if (!s) return raise_memory_error();
    return heap_->intern(s);
}

// --- output and input -------------------------------------------------------------------------

void Interp::write_stdout(std::string_view text) {
    output_bytes_ += text.size();
    result_.stdout_text.append(text);
    if (observer_) observer_->on_output(1, text);
    check_limits_output();
}

void Interp::write_stderr(std::string_view text) {
    output_bytes_ += text.size();
    result_.stderr_text.append(text);
    if (observer_) observer_->on_output(2, text);
    check_limits_output();
}

void Interp::check_limits_output() {
    if (output_bytes_ > options_.max_output) throw LimitReached{"output"};
}

std::string_view Interp::stdin_rest() {
    std::string_view all = options_.stdin_text;
    return all.substr(std::min(stdin_pos_, all.size()));
}

void Interp::consume_stdin(std::size_t n) { stdin_pos_ += n; }

void Interp::notify_limit() {
    if (observer_ && !limit_notified_) {
        limit_notified_ = true;
        observer_->on_limit(*this);
    }
}

void Interp::report_unsupported(std::string construct) {
    if (result_.unsupported.empty()) {
        result_.unsupported = std::move(construct);
        result_.unsupported_line = current_ ? current_->line() : 0;
    }
    unsupported_stop_ = true;
}

// --- running __main__ ---------------------------------------------------------------------------

// A limit ended the run inside these frames: free the structs, leave the references counted
// (the state stays as it was at the last step). Generator frames belong to their generators.
void Interp::abandon_frames() {
    for (Frame* f = current_; f != nullptr;) {
        Frame* previous = f->previous;
        if (!f->generator) delete f;
        f = previous;
    }
    current_ = nullptr;
}

void Interp::run_main(std::unique_ptr<CompilationUnit> unit) {
    CompilationUnit& u = *unit;
    units_.push_back(std::shared_ptr<CompilationUnit>(std::move(unit)));
    if (observer_) observer_->on_start(*this);
    std::vector<ObjId> codes;
    load_unit(u, codes);
    ObjId module_code = codes.at(0);
    // The __main__ module and its namespace.
    Ref file(new_str(u.filename));
    set_attr_str(main_dict_, "__file__", file.release());
    set_attr_str(main_dict_, "__cached__", new_none());

    Frame* frame = new Frame();
    frame->code = &u.codes[0];
    frame->unit = &u;
    frame->info = payload_of<CodeInfo>(obj(module_code));
    frame->code_obj = newref(module_code);
    frame->globals = main_dict_;
    frame->builtins = builtins_dict_;
    frame->locals = newref(main_dict_);
    frame->fast.assign(u.codes[0].localsplus.size(), kNull);
    frame->is_entry = true;
    main_frame_ = frame;
    ObjId result = kNull;
    try {
        result = eval(frame);
    } catch (LimitReached& limit) {
        end_main_by_limit(limit);
        return;
    }
    finish_main(result);
}

void Interp::end_main_by_limit(const LimitReached& limit) {
    result_.limit_reason = limit.reason;
    result_.exit_status = 3;
    result_.line_steps = line_steps_;
    result_.instructions = instructions_;
    notify_limit();
    abandon_frames();
    main_frame_ = nullptr;
}

// The main frame returned (result) or raised (kNull).
void Interp::finish_main(ObjId result) {
    clear_frame(main_frame_);
    delete main_frame_;
    main_frame_ = nullptr;
    // Finishing can still hit a limit: a traceback longer than the output limit, a __del__
    // that prints or loops while the result or the parse tree is released.
    try {
        if (result) {
            decref(result);
        } else if (unsupported_stop_) {
            clear_exception();
            result_.exit_status = 2;
        } else {
            ObjId exc = fetch_exception();
            handle_uncaught(exc);
        }
        // The parse tree is freed when the script has run (run_mod's arena).
        std::vector<ObjId> tree;
        tree.swap(parse_tree_refs_);
        for (ObjId c : tree) decref(c);
    } catch (LimitReached& limit) {
        result_.limit_reason = limit.reason;
        result_.exit_status = 3;
        abandon_frames();
    }
    result_.line_steps = line_steps_;
    result_.instructions = instructions_;
}

// --- modules written in Python ---------------------------------------------------------------

bool Interp::exec_module_source(std::string_view source, std::string filename, ObjId dict) {
    auto compiled = compile(source, std::move(filename));
    auto* unit_ptr = std::get_if<CompilationUnit>(&compiled);
    if (!unit_ptr) throw InvariantError("a module refscope writes in Python does not compile");
    units_.push_back(std::make_shared<CompilationUnit>(std::move(*unit_ptr)));
    CompilationUnit& u = *units_.back();
    // The module's parse tree lives only while its code is loaded (run_mod's arena).
    std::vector<ObjId> main_tree;
    main_tree.swap(parse_tree_refs_);
    std::vector<ObjId> codes;
    load_unit(u, codes);
    std::vector<ObjId> module_tree;
    module_tree.swap(parse_tree_refs_);
    parse_tree_refs_.swap(main_tree);
    for (ObjId c : module_tree) decref(c);
    Ref file(new_str(u.filename));
    set_attr_str(dict, "__file__", file.release());
    if (!dict_get_str(dict, "__builtins__")) set_attr_str(dict, "__builtins__", newref(builtins_module_));

    Frame* frame = new Frame();
    frame->code = &u.codes[0];
    frame->unit = &u;
    frame->info = payload_of<CodeInfo>(obj(codes.at(0)));
    frame->code_obj = newref(codes.at(0));
    frame->globals = dict;
    frame->builtins = builtins_dict_;
    frame->locals = newref(dict);
    frame->fast.assign(u.codes[0].localsplus.size(), kNull);
    ObjId result = eval(frame);
    clear_frame(frame);
    delete frame;
    if (!result) return false;
    decref(result);
    return true;
}

const std::string* Interp::source_line(std::string_view filename, std::uint32_t line) const {
    for (const auto& u : units_)
        if (u->filename == filename && line >= 1 && line <= u->source_lines.size())
            return &u->source_lines[line - 1];
    return nullptr;
}

void Interp::set_tracing_observer(alloc::AllocObserver* o) {
    alloc::AllocObserver* base = options_.alloc_observer;
    if (base && o) {
        alloc_fanout_.first = base;
        alloc_fanout_.second = o;
        allocator_->set_observer(&alloc_fanout_);
    } else {
        allocator_->set_observer(base ? base : o);
    }
}

void Interp::handle_uncaught(ObjId exc) {
    // SystemExit: the exit status (and a message on stderr for a non-int code).
    if (isinstance(exc, exc_type(Exc::SystemExit))) {
        ObjId args = obj(exc).refs[2];
        ObjId code = args && !obj(args).refs.empty() ? obj(args).refs[0] : none();
        if (obj(args).refs.size() > 1) code = args;
        std::int64_t status = 0;
        if (code == none()) {
            status = 0;
        } else if (is_int(code) && small_int(code, status)) {
            status = static_cast<int>(status & 0xff);
        } else {
            auto text = str_text(code);
            if (!text) clear_exception();
            write_stderr((text ? *text : std::string("")) + "\n");
            status = 1;
        }
        result_.exit_status = static_cast<int>(status);
        decref(exc);
        return;
    }
    print_exception(exc);
    result_.exit_status = 1;
    // sys.last_value keeps the exception (and its traceback's frames) alive until exit.
    last_value_ = exc;
}

void Interp::shutdown() {
    if (!result_.limit_reason.empty() || result_.exit_status == 2) return;
    if (observer_) observer_->on_shutdown(*this);
    try {
        // finalize_modules: sys.modules is emptied (the __main__ module object dies when nothing
        // else holds it), then a full collection, then the remaining namespaces are cleared.
        run_exit_finalizers();   // atexit handlers run first
        if (last_value_) decref(std::exchange(last_value_, kNull));
        textio_flush(sys_stdout_);
        textio_flush(sys_stderr_);
        if (modules_) heap_->dict_clear(modules_);
        xdecref(main_module_);
        main_module_ = kNull;
        heap_->gc().collect(2);
        // The gc module is wiped: no more callbacks.
        if (gc_callbacks_) heap_->list_clear(gc_callbacks_);
        if (main_dict_) {
            // _PyModule_ClearDict: names starting with one underscore first, then the rest
            // (except __builtins__), each replaced by None.
            for (int pass = 0; pass < 2; ++pass) {
                std::vector<ObjId> keys;
                dict_for_each(main_dict_, [&](ObjId k, ObjId v) {
                    if (v == none() || obj(k).type != Type::str) return true;
                    std::string_view t = obj(k).text;
                    bool single = t.size() >= 1 && t[0] == '_' && (t.size() < 2 || t[1] != '_');
                    if (pass == 0 ? single : t != "__builtins__") keys.push_back(newref(k));
                    return true;
                });
                for (ObjId k : keys) {
                    dict_set(main_dict_, k, none());
                    if (exc_) clear_exception();
                    decref(k);
                }
            }
        }
        heap_->gc().collect(2);
        if (exc_) clear_exception();
    } catch (LimitReached& limit) {
        result_.limit_reason = limit.reason;
        result_.exit_status = 3;
        notify_limit();
        abandon_frames();
    }
    result_.line_steps = line_steps_;
    result_.instructions = instructions_;
}

}  // namespace refscope::lang
