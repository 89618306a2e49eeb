// trace/trace_store.cpp — see trace_store.hpp.
#include "trace/trace_store.hpp"

#include <map>

namespace refscope::trace {

namespace {

struct Store {
    std::map<std::uint64_t, std::shared_ptr<const Trace>> traces;   // ordered by id: oldest first
    std::uint64_t next_id = 1;
};

Store& store() {
    static Store s;
    return s;
}

}  // namespace

std::uint64_t store_trace(std::shared_ptr<const Trace> trace) {
    Store& s = store();
    while (s.traces.size() >= kMaxTraces) s.traces.erase(s.traces.begin());
    const std::uint64_t id = s.next_id++;
    s.traces.emplace(id, std::move(trace));
    return id;
}

std::shared_ptr<const Trace> find_trace(std::uint64_t id) {
    auto it = store().traces.find(id);
    return it == store().traces.end() ? nullptr : it->second;
}

bool drop_trace(std::uint64_t id) { return store().traces.erase(id) != 0; }

}  // namespace refscope::trace
