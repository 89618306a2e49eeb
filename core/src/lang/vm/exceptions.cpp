// lang/vm/exceptions.cpp — raising, chaining, tracebacks and printing exceptions.
//
// Models Python/errors.c (_PyErr_SetObject: implicit chaining through __context__, cutting
// cycles in the chain), Python/traceback.c (PyTraceBack_Here: one traceback object per frame
// the exception passes through, pointing at a frame object) and Python/pythonrun.c
// (print_exception: "Traceback (most recent call last):", one entry per traceback object,
// chained exceptions first, the last line `Type: message`).
//
// Exception objects are heap objects of layout Type::exception: refs = [class, __dict__, args,
// __notes__, __traceback__, __cause__, __context__]; Object::ival bit 0 is
// __suppress_context__.
#include <set>

#include "lang/runtime/objects.hpp"
#include "lang/vm/interp.hpp"
#include "lang/vm/vm_observer.hpp"

namespace refscope::lang {

namespace {
constexpr std::size_t kExcDict = 1, kExcArgs = 2, kExcTraceback = 4, kExcCause = 5, kExcContext = 6;
}

ObjId Interp::raise(Exc e, std::string message) {
    Ref msg(new_str(message));
    if (!msg) return kNull;
    ObjId args[] = {msg.get()};
    ObjId exc = new_exception(exc_type(e), args);
    if (!exc) return kNull;
    return raise_obj(exc);
}

ObjId Interp::raise_obj(ObjId exc) {
    set_context(exc);
    if (exc_) decref(exc_);
    exc_ = exc;
    heap_->gc().set_exception_pending(true);
    if (observer_ && current_) observer_->on_exception_raised(*current_, exc);
    return kNull;
}

ObjId Interp::raise_with(ObjId cls, ObjId arg) {
    Ref exc(arg ? call(cls, {arg}) : call(cls, {}));
    if (!exc) return kNull;
    if (!is_exception_instance(exc.get()))
        return raise(Exc::TypeError, "exceptions must derive from BaseException");
    return raise_obj(exc.release());
}

ObjId Interp::raise_type_error(const char* prefix, ObjId o, const char* suffix) {
    return raise(Exc::TypeError, std::string(prefix) + type_name(o) + suffix);
}

ObjId Interp::raise_key_error(ObjId key) {
    ObjId args[] = {key};
    ObjId exc = new_exception(exc_type(Exc::KeyError), args);
    return exc ? raise_obj(exc) : kNull;
}

ObjId Interp::raise_name_error(ObjId name) {
    Ref msg(new_str("name '" + std::string(text_of(name)) + "' is not defined"));
    if (!msg) return kNull;
    ObjId args[] = {msg.get()};
    ObjId exc = new_exception(exc_type(Exc::NameError), args);
    if (!exc) return kNull;
    heap_->append_ref(exc, name);   // refs[7]: NameError.name
    return raise_obj(exc);
}

ObjId Interp::raise_attribute_error(ObjId o, ObjId name, std::string message) {
    Ref msg(new_str(message));
    if (!msg) return kNull;
    ObjId args[] = {msg.get()};
    ObjId exc = new_exception(exc_type(Exc::AttributeError), args);
    if (!exc) return kNull;
    heap_->append_ref(exc, name);   // refs[7]: AttributeError.name
    heap_->append_ref(exc, o);      // refs[8]: AttributeError.obj (a strong reference)
    return raise_obj(exc);
}

ObjId Interp::raise_memory_error() {
    // CPython keeps preallocated MemoryError instances for exactly this moment.
    if (!memory_error_) throw LimitReached{"memory"};
    incref(memory_error_);
    return raise_obj(memory_error_);
}

ObjId Interp::raise_stop_iteration(ObjId value) {
    ObjId args[] = {value};
    ObjId exc = new_exception(exc_type(Exc::StopIteration),
                              std::span<const ObjId>(args, value ? 1 : 0));
    return exc ? raise_obj(exc) : kNull;
}

ObjId Interp::raise_from_pyerror(const PyError& e) {
    static const struct { const char* name; Exc exc; } kMap[] = {
        {"ValueError", Exc::ValueError}, {"TypeError", Exc::TypeError},
        {"OverflowError", Exc::OverflowError}, {"ZeroDivisionError", Exc::ZeroDivisionError},
        {"MemoryError", Exc::MemoryError}, {"KeyError", Exc::KeyError},
        {"IndexError", Exc::IndexError}, {"UnicodeDecodeError", Exc::UnicodeDecodeError},
        {"UnicodeEncodeError", Exc::UnicodeEncodeError},
    };
    if (e.type == "MemoryError" && e.message.empty()) return raise_memory_error();
    for (const auto& m : kMap)
        if (e.type == m.name) return raise(m.exc, e.message);
    return raise(Exc::SystemError, e.type + ": " + e.message);
}

ObjId Interp::fetch_exception() {
    ObjId e = exc_;
    exc_ = kNull;
    heap_->gc().set_exception_pending(false);
    return e;
}

void Interp::restore_exception(ObjId exc) {
    if (exc_) decref(exc_);
    exc_ = exc;
    heap_->gc().set_exception_pending(exc != kNull);
}

void Interp::clear_exception() { restore_exception(kNull); }

bool Interp::exception_matches(Exc e) const {
    return exc_ && is_subclass(type_of(exc_), exc_type(e));
}

ObjId Interp::handled_exception() const {
    for (const ExcStackItem* item = exc_info_; item; item = item->previous)
        if (item->value && item->value != none()) return item->value;
    return kNull;
}

void Interp::set_context(ObjId exc) {
    ObjId handled = handled_exception();
    if (!handled || handled == exc || !is_exception_instance(exc)) return;
    // Avoid a cycle in the context chain: if exc is already in handled's chain, cut it there.
    ObjId o = handled;
    std::size_t guard = 0;
    while (o && guard++ < 100000) {
        ObjId ctx = obj(o).refs[kExcContext];
        if (!ctx) break;
        if (ctx == exc) {
            heap_->set_ref(o, kExcContext, kNull);
            break;
        }
        o = ctx;
    }
    heap_->set_ref(exc, kExcContext, handled);
}

std::string Interp::exception_str(ObjId exc) {
    auto text = str_text(exc);
    if (!text) {
        clear_exception();
        return "<exception str() failed>";
    }
    return *text;
}

// --- tracebacks -------------------------------------------------------------------------------

void Interp::traceback_here(Frame* frame) {
    if (!exc_ || !is_exception_instance(exc_)) return;
    ObjId fobj = frame_object(frame);
    if (!fobj) return;
    ObjId next = obj(exc_).refs[kExcTraceback];
    ObjId refs[] = {next, fobj};
    // PyTracebackObject: tb_next, tb_frame, tb_lasti, tb_lineno (40 bytes + GC head).
    ObjId tb = heap_->new_object_of(Type::traceback, 0, 56, refs);
    if (!tb) return;   // CPython drops the traceback entry when it cannot allocate
    heap_->at(tb).ival = frame->line();
    heap_->at(tb).fval = static_cast<double>(frame->lasti);
    heap_->set_ref(exc_, kExcTraceback, tb);
    decref(tb);
}

namespace {

std::string strip_line(std::string_view s) {
    std::size_t b = 0;
    while (b < s.size() && (s[b] == ' ' || s[b] == '\t' || s[b] == '\f')) ++b;
    std::size_t e = s.size();
    while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r' || s[e - 1] == '\n')) --e;
    return std::string(s.substr(b, e - b));
}

}  // namespace

namespace {

// "Did you mean" (Python/suggestions.c, 3.11): a Levenshtein distance where a case change costs
// 1 and any other edit 2, after trimming common prefixes and suffixes; a candidate qualifies
// when no more than a third of the characters must change, and the closest one wins.
constexpr std::size_t kMoveCost = 2, kCaseCost = 1, kMaxStringSize = 40, kMaxCandidates = 750;

std::size_t substitution_cost(char a, char b) {
    if ((a & 31) != (b & 31)) return kMoveCost;
    if (a == b) return 0;
    if (a >= 'A' && a <= 'Z') a = static_cast<char>(a + 32);
    if (b >= 'A' && b <= 'Z') b = static_cast<char>(b + 32);
    return a == b ? kCaseCost : kMoveCost;
}

std::size_t levenshtein(std::string_view a, std::string_view b, std::size_t max_cost) {
    if (a == b) return 0;
    while (!a.empty() && !b.empty() && a.front() == b.front()) {
        a.remove_prefix(1);
        b.remove_prefix(1);
    }
    while (!a.empty() && !b.empty() && a.back() == b.back()) {
        a.remove_suffix(1);
        b.remove_suffix(1);
    }
    if (a.empty() || b.empty()) return (a.size() + b.size()) * kMoveCost;
    if (a.size() > kMaxStringSize || b.size() > kMaxStringSize) return max_cost + 1;
    if (b.size() < a.size()) std::swap(a, b);
    if ((b.size() - a.size()) * kMoveCost > max_cost) return max_cost + 1;
    std::vector<std::size_t> row(a.size());
    for (std::size_t i = 0; i < a.size(); ++i) row[i] = (i + 1) * kMoveCost;
    std::size_t result = 0;
    for (std::size_t bi = 0; bi < b.size(); ++bi) {
        std::size_t distance = result = bi * kMoveCost;
        std::size_t minimum = SIZE_MAX;
        for (std::size_t ai = 0; ai < a.size(); ++ai) {
            std::size_t substitute = distance + substitution_cost(b[bi], a[ai]);
            distance = row[ai];
            std::size_t insert_delete = std::min(result, distance) + kMoveCost;
            result = std::min(insert_delete, substitute);
            row[ai] = result;
            minimum = std::min(minimum, result);
        }
        if (minimum > max_cost) return max_cost + 1;
    }
    return result;
}

const std::string* best_suggestion(const std::vector<std::string>& candidates, std::string_view name) {
    if (candidates.size() >= kMaxCandidates) return nullptr;
    const std::string* best = nullptr;
    std::size_t best_distance = SIZE_MAX;
    for (const std::string& item : candidates) {
        if (item == name) continue;
        std::size_t max_distance = (name.size() + item.size() + 3) * kMoveCost / 6;
        if (best_distance != SIZE_MAX) max_distance = std::min(max_distance, best_distance - 1);
        std::size_t d = levenshtein(name, item, max_distance);
        if (d > max_distance) continue;
        if (!best || d < best_distance) {
            best = &item;
            best_distance = d;
        }
    }
    return best;
}

}  // namespace

std::string Interp::suggestion_for(ObjId exc) {
    // Copies: calling dir() below creates objects, which may move the exception's storage.
    const std::vector<ObjId> refs = obj(exc).refs;
    if (refs.size() < 8 || !refs[7] || !is_str(refs[7])) return {};
    const std::string name(text_of(refs[7]));
    std::vector<std::string> candidates;
    auto try_list = [&]() -> std::string {
        const std::string* s = best_suggestion(candidates, name);
        return s ? *s : std::string();
    };
    auto dict_keys = [&](ObjId dict) {
        candidates.clear();
        if (!dict) return;
        dict_for_each(dict, [&](ObjId k, ObjId) {
            if (is_str(k)) candidates.emplace_back(text_of(k));
            return true;
        });
    };
    if (isinstance(exc, exc_type(Exc::NameError))) {
        ObjId tb = refs[4];
        if (!tb) return {};
        while (obj(tb).refs[0]) tb = obj(tb).refs[0];
        auto* fp = payload_of<FramePayload>(obj(obj(tb).refs[1]));
        if (!fp || !fp->code) return {};
        for (std::size_t i = 0; i < fp->code->localsplus.size(); ++i)
            if (fp->code->localkinds[i] & kFastLocal) candidates.push_back(fp->code->localsplus[i]);
        if (std::string s = try_list(); !s.empty()) return s;
        Frame* live = fp->live;
        ObjId globals = live ? live->globals : kNull;
        if (!globals && fp->info) globals = main_dict_;
        dict_keys(globals);
        if (std::string s = try_list(); !s.empty()) return s;
        dict_keys(builtins_dict_);
        return try_list();
    }
    if (isinstance(exc, exc_type(Exc::AttributeError)) && refs.size() > 8 && refs[8]) {
        ObjId o = refs[8];
        ObjId args[] = {o};
        CallArgs a{args, 1, kNull, 0};
        ObjId dir_fn = dict_get_str(builtins_dict_, "dir");
        Ref names(dir_fn ? call(dir_fn, a) : kNull);
        if (!names) {
            clear_exception();
            return {};
        }
        for (ObjId n : obj(names.get()).refs)
            if (is_str(n)) candidates.emplace_back(text_of(n));
        return try_list();
    }
    return {};
}

void Interp::print_exception(ObjId exc) {
    std::string out;
    std::set<ObjId> seen;
    // Chained exceptions print oldest first.
    std::vector<std::pair<ObjId, int>> chain;   // (exception, how it led to the next)
    ObjId e = exc;
    int link = 0;
    while (e && is_exception_instance(e) && seen.insert(e).second) {
        chain.emplace_back(e, link);
        ObjId cause = obj(e).refs[kExcCause];
        ObjId context = obj(e).refs[kExcContext];
        if (cause) {
            e = cause;
            link = 1;
        } else if (context && !(obj(e).ival & 1)) {
            e = context;
            link = 2;
        } else {
            break;
        }
    }
    for (std::size_t i = chain.size(); i-- > 0;) {
        ObjId x = chain[i].first;
        ObjId tb = obj(x).refs[kExcTraceback];
        if (tb) {
            out += "Traceback (most recent call last):\n";
            std::string last_key;
            int repeats = 0;
            auto flush_repeats = [&] {
                if (repeats > 3) {
                    int more = repeats - 3;
                    out += "  [Previous line repeated " + std::to_string(more) + " more time" +
                           (more > 1 ? "s" : "") + "]\n";
                }
            };
            for (ObjId t = tb; t; t = obj(t).refs[0]) {
                ObjId fobj = obj(t).refs[1];
                auto* fp = payload_of<FramePayload>(obj(fobj));
                const auto line = static_cast<std::uint32_t>(obj(t).ival);
                std::string filename = fp && fp->info ? fp->info->unit->filename : "?";
                std::string name = fp && fp->code ? fp->code->name : "?";
                std::string key = filename + "\n" + std::to_string(line) + "\n" + name;
                if (key == last_key) {
                    ++repeats;
                    if (repeats > 3) continue;
                } else {
                    flush_repeats();
                    last_key = key;
                    repeats = 1;
                }
                out += "  File \"" + filename + "\", line " + std::to_string(line) + ", in " + name + "\n";
                if (fp && fp->info && line >= 1 && line <= fp->info->unit->source_lines.size()) {
                    std::string src = strip_line(fp->info->unit->source_lines[line - 1]);
                    if (!src.empty()) out += "    " + src + "\n";
                }
            }
            flush_repeats();
        }
        ObjId cls = type_of(x);
        ClassPayload* cp = class_payload(cls);
        std::string name = cp ? cp->qualname : class_name(cls);
        if (cp && !cp->builtin) {
            ObjId mod = dict_get(class_dict(cls), id(Id::module));
            if (mod && is_str(mod) && text_of(mod) != "__main__" && text_of(mod) != "builtins")
                name = std::string(text_of(mod)) + "." + name;
        } else if (cp && cp->module != "builtins") {
            name = cp->module + "." + name;
        }
        std::string msg = exception_str(x);
        if (std::string hint = suggestion_for(x); !hint.empty()) msg += ". Did you mean: '" + hint + "'?";
        out += msg.empty() ? name + "\n" : name + ": " + msg + "\n";
        if (i > 0) {
            out += chain[i].second == 1
                       ? "\nThe above exception was the direct cause of the following exception:\n\n"
                       : "\nDuring handling of the above exception, another exception occurred:\n\n";
        }
    }
    write_stderr(out);
}

}  // namespace refscope::lang
