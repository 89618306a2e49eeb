// lang/modules/tracemalloc_module.cpp — tracemalloc (spec §14): the allocator's events while
// tracing, attributed to the Python frames that caused them.
//
// Models Modules/_tracemalloc.c (3.11) for the tracing itself and Lib/tracemalloc.py's public
// classes (written here anew in Python, run as the module's body: Frame, Traceback, Trace,
// Statistic, StatisticDiff, Snapshot, Filter, DomainFilter, take_snapshot,
// get_object_traceback).
//
// What is traced: from start() to stop(), every block the simulated allocator hands out for
// the object and mem domains, with its REQUESTED size (AllocEvent::request) and the traceback of
// at most `nframe` Python frames (most recent first, each (filename, line of the instruction
// running)); "<unknown>", 0 when no Python frame runs. A freed block loses its trace; a
// realloc is reported by the allocator as a free and an alloc, so the block's trace gets the
// new size and the current traceback, as tracemalloc_realloc does. Objects taken from free
// lists never reach the allocator and so are not traced, blocks allocated before start() are
// never traced, and pymalloc's own metadata (Domain::raw) is not the program's.
//
// Invariants:
//   1. current == the sum of the sizes of `traces`; peak >= current while tracing.
//   2. Not tracing => traces is empty and current == peak == 0 (stop() clears them).
//   3. The tracing observer is installed on the allocator exactly while tracing.
//
// Determinism: traces are kept by address (an ordered map), so _get_traces() lists them in
// address order; CPython's order is its hash table's. Snapshot statistics are sorted and so
// identical either way. get_tracemalloc_memory() is an estimate of the tables' size.
#include <map>
#include <unordered_map>

#include "lang/modules/modules.hpp"
#include "lang/runtime/natives.hpp"
#include "lang/runtime/objects.hpp"
#include "lang/vm/interp.hpp"

namespace refscope::lang {

namespace {

constexpr std::int64_t kMaxFrames = 65535;

struct TraceState final : Interp::TraceMalloc, alloc::AllocObserver {
    explicit TraceState(Interp& v) : vm(v) {}

    using FrameKey = std::pair<std::uint32_t, std::uint32_t>;   // filename index, line
    struct Traceback {
        std::vector<FrameKey> frames;    // most recent first
        std::uint32_t total = 0;         // frames on the stack when it was taken
    };
    struct Trace {
        std::uint64_t size = 0;
        std::uint32_t traceback = 0;
    };

    Interp& vm;
    bool tracing = false;
    bool reentrant = false;          // building _get_traces()' result: allocations not traced
    std::uint32_t max_nframe = 1;
    std::map<alloc::Address, Trace> traces;
    std::uint64_t current = 0, peak = 0;
    std::vector<std::string> filenames;
    std::unordered_map<std::string, std::uint32_t> filename_index;
    std::vector<Traceback> tracebacks;
    std::map<std::vector<FrameKey>, std::vector<std::uint32_t>> traceback_index;   // by frames, per total

    std::uint32_t filename_id(const std::string& name) {
        auto [it, added] = filename_index.emplace(name, static_cast<std::uint32_t>(filenames.size()));
        if (added) filenames.push_back(name);
        return it->second;
    }

    std::uint32_t current_traceback() {
        Traceback tb;
        for (Frame* f = vm.current_frame(); f; f = f->previous) {
            if (tb.frames.size() < max_nframe) tb.frames.emplace_back(filename_id(f->unit->filename), f->line());
            ++tb.total;
        }
        if (tb.frames.empty()) tb.frames.emplace_back(filename_id("<unknown>"), 0);
        auto& candidates = traceback_index[tb.frames];
        for (std::uint32_t i : candidates)
            if (tracebacks[i].total == tb.total) return i;
        auto index = static_cast<std::uint32_t>(tracebacks.size());
        candidates.push_back(index);
        tracebacks.push_back(std::move(tb));
        return index;
    }

    void remove(alloc::Address a) {
        auto it = traces.find(a);
        if (it == traces.end()) return;
        current -= it->second.size;
        traces.erase(it);
    }

    void on_alloc_event(const alloc::AllocEvent& e) override {
        if (e.domain == alloc::Domain::raw) return;
        switch (e.kind) {
            case alloc::AllocEventKind::block_alloc:
            case alloc::AllocEventKind::raw_alloc: {
                remove(e.address);
                if (reentrant) break;
                traces[e.address] = Trace{e.request, current_traceback()};
                current += e.request;
                peak = std::max(peak, current);
                break;
            }
            case alloc::AllocEventKind::block_free:
            case alloc::AllocEventKind::raw_free: remove(e.address); break;
            default: break;
        }
    }

    void clear() {
        traces.clear();
        current = peak = 0;
    }
};

TraceState& state(Interp& vm) { return static_cast<TraceState&>(*vm.tracemalloc()); }

ObjId tm_start(Interp& vm, ObjId, const CallArgs& a) {
    ObjId args[1];
    if (!parse_args(vm, a, "start", {"nframe"}, 0, args, true)) return kNull;
    std::int64_t n = 1;
    if (args[0]) {
        if (!vm.is_int(args[0])) return vm.raise(Exc::TypeError, "'" + vm.type_name(args[0]) + "' object cannot be interpreted as an integer");
        if (!vm.small_int(args[0], n) || n > INT32_MAX || n < INT32_MIN)
            return vm.raise(Exc::OverflowError, n > 0 ? "signed integer is greater than maximum" : "signed integer is less than minimum");
    }
    if (n < 1 || n > kMaxFrames) return vm.raise(Exc::ValueError, "the number of frames must be in range [1; 65535]");
    TraceState& s = state(vm);
    if (s.tracing) return vm.new_none();   // already tracing: the limit stays
    s.max_nframe = static_cast<std::uint32_t>(n);
    s.tracing = true;
    vm.set_tracing_observer(&s);
    return vm.new_none();
}

ObjId tm_stop(Interp& vm, ObjId, const CallArgs& a) {
    if (!check_no_args(vm, a, "stop")) return kNull;
    TraceState& s = state(vm);
    if (s.tracing) {
        s.tracing = false;
        vm.set_tracing_observer(nullptr);
    }
    s.clear();
    return vm.new_none();
}

ObjId tm_is_tracing(Interp& vm, ObjId, const CallArgs& a) {
    if (!check_no_args(vm, a, "is_tracing")) return kNull;
    return vm.new_bool(state(vm).tracing);
}

ObjId tm_clear_traces(Interp& vm, ObjId, const CallArgs& a) {
    if (!check_no_args(vm, a, "clear_traces")) return kNull;
    state(vm).clear();
    return vm.new_none();
}

ObjId tm_get_traceback_limit(Interp& vm, ObjId, const CallArgs& a) {
    if (!check_no_args(vm, a, "get_traceback_limit")) return kNull;
    return vm.new_int(state(vm).max_nframe);
}

ObjId tm_get_traced_memory(Interp& vm, ObjId, const CallArgs& a) {
    if (!check_no_args(vm, a, "get_traced_memory")) return kNull;
    TraceState& s = state(vm);
    // Read before the result objects exist (they are traced like any allocation).
    const auto current = static_cast<std::int64_t>(s.current);
    const auto peak = static_cast<std::int64_t>(s.peak);
    Ref c(vm.new_int(current));
    if (!c) return kNull;
    Ref p(vm.new_int(peak));
    if (!p) return kNull;
    ObjId items[] = {c.get(), p.get()};
    return vm.new_tuple(items);
}

ObjId tm_reset_peak(Interp& vm, ObjId, const CallArgs& a) {
    if (!check_no_args(vm, a, "reset_peak")) return kNull;
    TraceState& s = state(vm);
    if (s.tracing) s.peak = s.current;
    return vm.new_none();
}

ObjId tm_get_tracemalloc_memory(Interp& vm, ObjId, const CallArgs& a) {
    if (!check_no_args(vm, a, "get_tracemalloc_memory")) return kNull;
    TraceState& s = state(vm);
    // An estimate of the hash tables: a trace entry, a traceback and its frames, filenames.
    std::uint64_t bytes = 448 + 32 * s.traces.size();
    for (const auto& tb : s.tracebacks) bytes += 24 + 8 * tb.frames.size();
    for (const auto& f : s.filenames) bytes += 56 + f.size();
    return vm.new_int(static_cast<std::int64_t>(bytes));
}

// ((filename, lineno), ...) most recent first — the frames of one traceback as objects. (By
// value: the objects made here are traced, which may add tracebacks and filenames.)
ObjId traceback_tuple(Interp& vm, TraceState& s, const TraceState::Traceback tb) {
    std::vector<ObjId> frames;
    for (const auto& [file, line] : tb.frames) {
        const std::string filename = s.filenames[file];
        Ref name(vm.new_str(filename));
        Ref lineno(vm.new_int(line));
        if (!name || !lineno) break;
        ObjId pair[] = {name.get(), lineno.get()};
        ObjId t = vm.new_tuple(pair);
        if (!t) break;
        frames.push_back(t);
    }
    if (frames.size() != tb.frames.size()) {
        for (ObjId f : frames) vm.decref(f);
        return kNull;
    }
    return vm.new_tuple_steal(frames);
}

// _get_traces(): [(domain, size, traceback, total_nframe), ...] for the traces as they are now.
// The objects made here are not traced (tracemalloc's reentrant flag): a snapshot does not count
// itself. Blocks freed meanwhile still lose their traces.
struct Reentrant {
    explicit Reentrant(TraceState& s) : state(s) { state.reentrant = true; }
    ~Reentrant() { state.reentrant = false; }
    TraceState& state;
};

ObjId tm_get_traces(Interp& vm, ObjId, const CallArgs& a) {
    if (!check_no_args(vm, a, "_get_traces")) return kNull;
    TraceState& s = state(vm);
    Reentrant guard(s);
    std::vector<TraceState::Trace> copy;
    copy.reserve(s.traces.size());
    for (const auto& [address, t] : s.traces) copy.push_back(t);
    Ref list(vm.new_list());
    if (!list) return kNull;
    std::unordered_map<std::uint32_t, ObjId> made;   // one tuple per traceback (borrowed from list items)
    Ref zero(vm.new_int(0));
    for (const TraceState::Trace& t : copy) {
        ObjId tb;
        if (auto it = made.find(t.traceback); it != made.end()) {
            tb = vm.newref(it->second);
        } else {
            tb = traceback_tuple(vm, s, s.tracebacks[t.traceback]);
            if (!tb) return kNull;
            made[t.traceback] = tb;
        }
        Ref tbr(tb);
        Ref size(vm.new_int(static_cast<std::int64_t>(t.size)));
        Ref total(vm.new_int(static_cast<std::int64_t>(s.tracebacks[t.traceback].total)));
        if (!size || !total) return kNull;
        ObjId items[] = {zero.get(), size.get(), tbr.get(), total.get()};
        Ref entry(vm.new_tuple(items));
        if (!entry || !vm.heap().list_append(list.get(), entry.get())) return entry ? vm.raise_memory_error() : kNull;
    }
    return list.release();
}

ObjId tm_get_object_traceback(Interp& vm, ObjId, const CallArgs& a) {
    ObjId args[1];
    if (!parse_args(vm, a, "_get_object_traceback", {"obj"}, 1, args, true)) return kNull;
    TraceState& s = state(vm);
    auto it = s.traces.find(vm.obj(args[0]).addr);
    if (it == s.traces.end()) return vm.new_none();
    return traceback_tuple(vm, s, s.tracebacks[it->second.traceback]);
}

// _source_line(filename, lineno): the line of a file refscope compiled, or '' (linecache).
ObjId tm_source_line(Interp& vm, ObjId, const CallArgs& a) {
    if (!check_positional(vm, a, "_source_line", 2, 2)) return kNull;
    std::int64_t line = 0;
    if (!vm.is_str(a[0]) || !vm.is_int(a[1]) || !vm.small_int(a[1], line) || line < 1 || line > UINT32_MAX)
        return vm.new_str("");
    const std::string* text = vm.source_line(vm.text_of(a[0]), static_cast<std::uint32_t>(line));
    return vm.new_str(text ? *text : std::string());
}

const NativeDef kTracemalloc[] = {
    {"start", tm_start},
    {"stop", tm_stop},
    {"is_tracing", tm_is_tracing},
    {"clear_traces", tm_clear_traces},
    {"get_traceback_limit", tm_get_traceback_limit},
    {"get_traced_memory", tm_get_traced_memory},
    {"reset_peak", tm_reset_peak},
    {"get_tracemalloc_memory", tm_get_tracemalloc_memory},
    {"_get_traces", tm_get_traces},
    {"_get_object_traceback", tm_get_object_traceback},
    {"_source_line", tm_source_line},
};

// The module's Python part: the documented classes of the tracemalloc module.
constexpr std::string_view kSource = R"PY(
def _format_size(size, sign):
    for unit in ('B', 'KiB', 'MiB', 'GiB', 'TiB'):
        if abs(size) < 100 and unit != 'B':
            text = ('%+.1f' if sign else '%.1f') % size
            return text + ' ' + unit
        if abs(size) < 10 * 1024 or unit == 'TiB':
            text = ('%+.0f' if sign else '%.0f') % size
            return text + ' ' + unit
        size /= 1024


class Frame:
    __slots__ = ('_frame',)

    def __init__(self, frame):
        self._frame = frame

    @property
    def filename(self):
        return self._frame[0]

    @property
    def lineno(self):
        return self._frame[1]

    def __eq__(self, other):
        if not isinstance(other, Frame):
            return NotImplemented
        return self._frame == other._frame

    def __lt__(self, other):
        if not isinstance(other, Frame):
            return NotImplemented
        return self._frame < other._frame

    def __le__(self, other):
        if not isinstance(other, Frame):
            return NotImplemented
        return self._frame <= other._frame

    def __gt__(self, other):
        if not isinstance(other, Frame):
            return NotImplemented
        return self._frame > other._frame

    def __ge__(self, other):
        if not isinstance(other, Frame):
            return NotImplemented
        return self._frame >= other._frame

    def __hash__(self):
        return hash(self._frame)

    def __str__(self):
        return "%s:%s" % (self._frame[0], self._frame[1])

    def __repr__(self):
        return "<Frame filename=%r lineno=%r>" % (self._frame[0], self._frame[1])


class Traceback:
    __slots__ = ('_frames', '_total_nframe')

    def __init__(self, frames, total_nframe=None):
        # frames come most recent first; a Traceback lists the oldest first
        self._frames = tuple(reversed(frames))
        self._total_nframe = total_nframe

    @property
    def total_nframe(self):
        return self._total_nframe

    def __len__(self):
        return len(self._frames)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return tuple([Frame(item) for item in self._frames[index]])
        return Frame(self._frames[index])

    def __iter__(self):
        for item in self._frames:
            yield Frame(item)

    def __contains__(self, frame):
        return frame._frame in self._frames

    def __hash__(self):
        return hash(self._frames)

    def __eq__(self, other):
        if not isinstance(other, Traceback):
            return NotImplemented
        return self._frames == other._frames

    def __lt__(self, other):
        if not isinstance(other, Traceback):
            return NotImplemented
        return self._frames < other._frames

    def __le__(self, other):
        if not isinstance(other, Traceback):
            return NotImplemented
        return self._frames <= other._frames

    def __gt__(self, other):
        if not isinstance(other, Traceback):
            return NotImplemented
        return self._frames > other._frames

    def __ge__(self, other):
        if not isinstance(other, Traceback):
            return NotImplemented
        return self._frames >= other._frames

    def __str__(self):
        return str(self[0])

    def __repr__(self):
        text = "<Traceback %r" % (tuple(self),)
        if self._total_nframe is None:
            return text + ">"
        return text + " total_nframe=%s>" % self._total_nframe

    def format(self, limit=None, most_recent_first=False):
        frames = self._frames
        if limit is not None:
            if limit > 0:
                frames = frames[-limit:]
            else:
                frames = frames[:-limit]
        if most_recent_first:
            frames = frames[::-1]
        lines = []
        for filename, lineno in frames:
            lines.append('  File "%s", line %s' % (filename, lineno))
            source = _source_line(filename, lineno).strip()
            if source:
                lines.append('    %s' % source)
        return lines


def get_object_traceback(obj):
    frames = _get_object_traceback(obj)
    if frames is None:
        return None
    return Traceback(frames)


class Trace:
    __slots__ = ('_trace',)

    def __init__(self, trace):
        self._trace = trace

    @property
    def domain(self):
        return self._trace[0]

    @property
    def size(self):
        return self._trace[1]

    @property
    def traceback(self):
        return Traceback(self._trace[2], self._trace[3])

    def __eq__(self, other):
        if not isinstance(other, Trace):
            return NotImplemented
        return self._trace == other._trace

    def __hash__(self):
        return hash(self._trace)

    def __str__(self):
        return "%s: %s" % (self.traceback, _format_size(self.size, False))

    def __repr__(self):
        return "<Trace domain=%s size=%s, traceback=%r>" % (
            self.domain, _format_size(self.size, False), self.traceback)


class _Traces:
    def __init__(self, traces):
        self._traces = traces

    def __len__(self):
        return len(self._traces)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return tuple([Trace(item) for item in self._traces[index]])
        return Trace(self._traces[index])

    def __iter__(self):
        for item in self._traces:
            yield Trace(item)

    def __contains__(self, trace):
        return trace._trace in self._traces

    def __eq__(self, other):
        return self._traces == other._traces

    def __repr__(self):
        return "<Traces len=%s>" % len(self)


class Statistic:
    __slots__ = ('traceback', 'size', 'count')

    def __init__(self, traceback, size, count):
        self.traceback = traceback
        self.size = size
        self.count = count

    def __hash__(self):
        return hash((self.traceback, self.size, self.count))

    def __eq__(self, other):
        if not isinstance(other, Statistic):
            return NotImplemented
        return (self.traceback == other.traceback and self.size == other.size
                and self.count == other.count)

    def __str__(self):
        text = "%s: size=%s, count=%i" % (
            self.traceback, _format_size(self.size, False), self.count)
        if self.count:
            text += ", average=%s" % _format_size(self.size / self.count, False)
        return text

    def __repr__(self):
        return "<Statistic traceback=%r size=%i count=%i>" % (
            self.traceback, self.size, self.count)

    def _sort_key(self):
        return (self.size, self.count, self.traceback._frames)


class StatisticDiff:
    __slots__ = ('traceback', 'size', 'size_diff', 'count', 'count_diff')

    def __init__(self, traceback, size, size_diff, count, count_diff):
        self.traceback = traceback
        self.size = size
        self.size_diff = size_diff
        self.count = count
        self.count_diff = count_diff

    def __hash__(self):
        return hash((self.traceback, self.size, self.size_diff, self.count, self.count_diff))

    def __eq__(self, other):
        if not isinstance(other, StatisticDiff):
            return NotImplemented
        return (self.traceback == other.traceback and self.size == other.size
                and self.size_diff == other.size_diff and self.count == other.count
                and self.count_diff == other.count_diff)

    def __str__(self):
        text = "%s: size=%s (%s), count=%i (%+i)" % (
            self.traceback, _format_size(self.size, False),
            _format_size(self.size_diff, True), self.count, self.count_diff)
        if self.count:
            text += ", average=%s" % _format_size(self.size / self.count, False)
        return text

    def __repr__(self):
        return "<StatisticDiff traceback=%r size=%i (%+i) count=%i (%+i)>" % (
            self.traceback, self.size, self.size_diff, self.count, self.count_diff)

    def _sort_key(self):
        return (abs(self.size_diff), self.size, abs(self.count_diff), self.count,
                self.traceback._frames)


def _normalize_filename(filename):
    if filename.endswith('.pyc'):
        return filename[:-1]
    return filename


def _fnmatch(name, pattern):
    # shell-style matching: *, ?, [seq] and [!seq]
    if not pattern:
        return not name
    head = pattern[0]
    if head == '*':
        rest = pattern[1:]
        for start in range(len(name) + 1):
            if _fnmatch(name[start:], rest):
                return True
        return False
    if not name:
        return False
    if head == '?':
        return _fnmatch(name[1:], pattern[1:])
    if head == '[':
        end = pattern.find(']', 2)
        if end > 0:
            chars = pattern[1:end]
            negate = chars[0] == '!'
            if negate:
                chars = chars[1:]
            hit = False
            i = 0
            while i < len(chars):
                if i + 2 < len(chars) and chars[i + 1] == '-':
                    hit = hit or chars[i] <= name[0] <= chars[i + 2]
                    i += 3
                else:
                    hit = hit or chars[i] == name[0]
                    i += 1
            if hit == negate:
                return False
            return _fnmatch(name[1:], pattern[end + 1:])
    if head != name[0]:
        return False
    return _fnmatch(name[1:], pattern[1:])


class BaseFilter:
    def __init__(self, inclusive):
        self.inclusive = inclusive


class Filter(BaseFilter):
    def __init__(self, inclusive, filename_pattern, lineno=None, all_frames=False,
                 domain=None):
        super().__init__(inclusive)
        self._filename_pattern = _normalize_filename(filename_pattern)
        self.lineno = lineno
        self.all_frames = all_frames
        self.domain = domain

    @property
    def filename_pattern(self):
        return self._filename_pattern

    def _frame_matches(self, filename, lineno):
        if not _fnmatch(_normalize_filename(filename), self._filename_pattern):
            return False
        return self.lineno is None or lineno == self.lineno

    def _keeps(self, trace):
        domain, size, frames, total_nframe = trace
        if self.all_frames:
            hit = False
            for filename, lineno in frames:
                if self._frame_matches(filename, lineno):
                    hit = True
                    break
        else:
            hit = self._frame_matches(frames[0][0], frames[0][1])
        if self.domain is not None and domain != self.domain:
            hit = False
        return hit if self.inclusive else not hit


class DomainFilter(BaseFilter):
    def __init__(self, inclusive, domain):
        super().__init__(inclusive)
        self._domain = domain

    @property
    def domain(self):
        return self._domain

    def _keeps(self, trace):
        return (trace[0] == self._domain) == bool(self.inclusive)


class Snapshot:
    def __init__(self, traces, traceback_limit):
        self.traces = _Traces(traces)
        self.traceback_limit = traceback_limit

    def filter_traces(self, filters):
        including = []
        excluding = []
        for item in filters:
            if not isinstance(item, BaseFilter):
                raise TypeError("filters must be a list of filters, not %s"
                                % type(item).__name__)
            if item.inclusive:
                including.append(item)
            else:
                excluding.append(item)
        kept = []
        for trace in self.traces._traces:
            if including:
                wanted = False
                for item in including:
                    if item._keeps(trace):
                        wanted = True
                        break
                if not wanted:
                    continue
            dropped = False
            for item in excluding:
                if not item._keeps(trace):
                    dropped = True
                    break
            if not dropped:
                kept.append(trace)
        return Snapshot(kept, self.traceback_limit)

    def _group_by(self, key_type, cumulative):
        if key_type not in ('traceback', 'filename', 'lineno'):
            raise ValueError("unknown key_type: %r" % (key_type,))
        if cumulative and key_type not in ('lineno', 'filename'):
            raise ValueError("cumulative mode cannot by used with key type %r" % key_type)
        groups = {}
        for domain, size, frames, total_nframe in self.traces._traces:
            if key_type == 'traceback':
                keys = (frames,)
            elif not cumulative:
                if key_type == 'lineno':
                    keys = (frames[:1],)
                else:
                    keys = (((frames[0][0], 0),),)
            else:
                keys = []
                for filename, lineno in frames:
                    key = ((filename, lineno if key_type == 'lineno' else 0),)
                    if key not in keys:
                        keys.append(key)
            for key in keys:
                entry = groups.get(key)
                if entry is None:
                    groups[key] = [size, 1]
                else:
                    entry[0] += size
                    entry[1] += 1
        return groups

    def statistics(self, key_type, cumulative=False):
        groups = self._group_by(key_type, cumulative)
        stats = [Statistic(Traceback(key), size, count)
                 for key, (size, count) in groups.items()]
        stats.sort(reverse=True, key=Statistic._sort_key)
        return stats

    def compare_to(self, old_snapshot, key_type, cumulative=False):
        new_groups = self._group_by(key_type, cumulative)
        old_groups = old_snapshot._group_by(key_type, cumulative)
        diffs = []
        for key, (size, count) in new_groups.items():
            old = old_groups.pop(key, None)
            if old is None:
                diffs.append(StatisticDiff(Traceback(key), size, size, count, count))
            else:
                diffs.append(StatisticDiff(Traceback(key), size, size - old[0],
                                           count, count - old[1]))
        for key, (size, count) in old_groups.items():
            diffs.append(StatisticDiff(Traceback(key), 0, -size, 0, -count))
        diffs.sort(reverse=True, key=StatisticDiff._sort_key)
        return diffs


def take_snapshot():
    if not is_tracing():
        raise RuntimeError("the tracemalloc module must be tracing memory "
                           "allocations to take a snapshot")
    traces = _get_traces()
    return Snapshot(traces, get_traceback_limit())
)PY";

}  // namespace

bool init_tracemalloc(Interp& vm, ObjId dict) {
    if (!vm.tracemalloc()) vm.set_tracemalloc(std::make_unique<TraceState>(vm));
    for (const NativeDef& def : kTracemalloc) vm.add_native(dict, &def);
    if (!vm.exec_module_source(kSource, "<stdlib>/tracemalloc.py", dict)) return false;
    // CPython's import runs far more (pickle, fnmatch, linecache, ...); the free lists are left
    // as it leaves them (measured with sys._debugmallocstats() and sys.getallocatedblocks()).
    static constexpr Interp::FreeListState kAfterImport = {
        {4, 16, 4, 5, 1, 0, 0, 4, 2, 3, 3, 3, 4, 2, 1, 1, 1, 2, 1, 6}, 34, 4, 74, 4};
    vm.set_free_lists(kAfterImport);
    return true;
}

}  // namespace refscope::lang
