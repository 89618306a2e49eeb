// trace/json_commands.hpp — the command table behind refscope::api::call (refscope/api.hpp).
//
// api::call parses the request, looks its "cmd" up in the Registry below and runs the handler.
// A handler gets the whole request object and returns the fields of its answer as a JSON
// object; call() adds "ok": true. To refuse a request, a handler throws refscope::UsageError
// (kind "usage"); everything else it throws is reported as kind "internal".
//
// Adding a command, e.g. "run" in core/src/trace/json_run.cpp:
//   1. Write the handler:
//        nlohmann::json run_command(const nlohmann::json& request) {
//            auto source = required_field<std::string>(request, "source");
//            auto max_steps = optional_field<std::uint64_t>(request, "max_steps", 100'000);
//            ...
//            return {{"steps", n}};
//        }
//   2. Give the module one function that adds its commands:
//        void add_run_commands(Registry& registry) { registry.add("run", run_command); }
//   3. Declare that function in the list below and call it in build_registry() in
//      json_api.cpp (one line each). An explicit list, not self-registering statics: the core is
//      a static library, and the linker drops object files that nothing references.
//   4. Document the command's request and answer in refscope/api.hpp and test it through
//      api::call in tests/native/.
//
// Invariants:
//   1. Command names are unique (Registry::add throws InvariantError on a duplicate).
//   2. Handlers keep no state between calls: the same request gives the same answer. The trace
//      commands are the one exception: "run" stores a trace that later requests name
//      (trace_store.hpp); their answers depend only on the request and that trace.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "refscope/errors.hpp"

namespace refscope::trace {
struct Trace;
}

namespace refscope::api {

using Handler = nlohmann::json (*)(const nlohmann::json& request);
// A command whose answer is too big to build as a JSON tree first (a trace's timeline of a
// million steps): it returns the fields of its answer as the text of one JSON object, and
// call() adds "ok": true in front.
using RawHandler = std::string (*)(const nlohmann::json& request);

class Registry {
public:
    // Adds a command; throws InvariantError when the name is taken or the handler is null.
    void add(std::string name, Handler handler);
    void add_raw(std::string name, RawHandler handler);
    // The handler of `name`, or nullptr when there is none.
    Handler find(std::string_view name) const;
    RawHandler find_raw(std::string_view name) const;
    // All command names, sorted.
    std::vector<std::string> names() const;

private:
    std::map<std::string, Handler, std::less<>> handlers_;
    std::map<std::string, RawHandler, std::less<>> raw_handlers_;
};

// --- every module's commands; build_registry() in json_api.cpp calls each once ----------------
void add_meta_commands(Registry& registry);   // "version" (json_api.cpp)
void add_alloc_commands(Registry& registry);  // "alloc_scenario" (json_alloc.cpp)
void add_trace_commands(Registry& registry);  // "run", "state", "pool", "collection", "drop" (json_trace.cpp)
void add_find_commands(Registry& registry);   // "find_alloc" (json_find.cpp)

// The table api::call dispatches on, built on first use.
const Registry& registry();

// The trace a request names ("trace": id) from the store (trace_store.hpp); UsageError when
// the store does not hold it (json_trace.cpp).
std::shared_ptr<const trace::Trace> trace_of(const nlohmann::json& request);

// --- reading request fields -------------------------------------------------------------------
// A missing field, or one that does not convert to T with nlohmann's get<T>(), is the caller's
// mistake: both throw UsageError naming the field.

// nlohmann's exception text without its "[json.exception.type_error.302] " tag.
std::string plain_message(const nlohmann::json::exception& error);

template <class T>
T required_field(const nlohmann::json& request, const std::string& key) {
    auto it = request.find(key);
    if (it == request.end() || it->is_null()) throw UsageError("missing field \"" + key + "\"");
    try {
        return it->template get<T>();
    } catch (const nlohmann::json::exception& error) {
        throw UsageError("field \"" + key + "\": " + plain_message(error));
    }
}

template <class T>
T optional_field(const nlohmann::json& request, const std::string& key, T fallback) {
    auto it = request.find(key);
    if (it == request.end() || it->is_null()) return fallback;
    try {
        return it->template get<T>();
    } catch (const nlohmann::json::exception& error) {
        throw UsageError("field \"" + key + "\": " + plain_message(error));
    }
}

}  // namespace refscope::api
