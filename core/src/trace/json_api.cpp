// trace/json_api.cpp — refscope::api::call: parse, dispatch, wrap the answer (refscope/api.hpp).
//
// Also home of the command table (json_commands.hpp) and of the "meta" commands that describe
// the engine itself.
//
// Invariants:
//   1. call() never throws and always returns one JSON object with a boolean "ok".
//   2. Every exception maps to one error kind: UsageError and nlohmann parse errors of the
//      request -> "usage"; InvariantError, any other std::exception or anything else ->
//      "internal".
//   3. The response is valid UTF-8 even when the request was not: bytes that are not UTF-8
//      and end up in a message are replaced with U+FFFD.
#include "refscope/api.hpp"

#include <algorithm>
#include <exception>
#include <utility>

#include "refscope/errors.hpp"
#include "refscope/profile.hpp"
#include "refscope/version.hpp"
#include "trace/json_commands.hpp"

namespace refscope::api {

// --- Registry ---------------------------------------------------------------------------------

void Registry::add(std::string name, Handler handler) {
    REFSCOPE_CHECK(handler != nullptr, "command \"" + name + "\" has no handler");
    REFSCOPE_CHECK(!handlers_.contains(name) && !raw_handlers_.contains(name),
                   "command \"" + name + "\" is registered twice");
    handlers_.emplace(std::move(name), handler);
}

void Registry::add_raw(std::string name, RawHandler handler) {
    REFSCOPE_CHECK(handler != nullptr, "command \"" + name + "\" has no handler");
    REFSCOPE_CHECK(!handlers_.contains(name) && !raw_handlers_.contains(name),
                   "command \"" + name + "\" is registered twice");
    raw_handlers_.emplace(std::move(name), handler);
}

RawHandler Registry::find_raw(std::string_view name) const {
    auto it = raw_handlers_.find(name);
    return it == raw_handlers_.end() ? nullptr : it->second;
}

Handler Registry::find(std::string_view name) const {
    auto it = handlers_.find(name);
    return it == handlers_.end() ? nullptr : it->second;
}

std::vector<std::string> Registry::names() const {
    std::vector<std::string> names;
    names.reserve(handlers_.size());
    for (const auto& [name, handler] : handlers_) names.push_back(name);
    for (const auto& [name, handler] : raw_handlers_) names.push_back(name);
    std::sort(names.begin(), names.end());
    return names;
}

namespace {

Registry build_registry() {
    Registry registry;
    add_meta_commands(registry);
    add_alloc_commands(registry);
    add_trace_commands(registry);
    add_find_commands(registry);
    // One line per module that answers requests.
    return registry;
}

}  // namespace

const Registry& registry() {
    static const Registry table = build_registry();
    return table;
}

std::string plain_message(const nlohmann::json::exception& error) {
    std::string_view what = error.what();
    if (what.starts_with("[json.exception.")) {
        auto end = what.find("] ");
        if (end != std::string_view::npos) what.remove_prefix(end + 2);
    }
    return std::string(what);
}

// --- meta commands ----------------------------------------------------------------------------

namespace {

nlohmann::json version_command(const nlohmann::json&) {
    nlohmann::json profiles = nlohmann::json::array();
    for (ProfileId id : {ProfileId::cpython_3_11, ProfileId::classic}) {
        const Profile& p = profile(id);
        profiles.push_back({{"name", p.name}, {"description", p.description}});
    }
    return {{"version", kVersion}, {"profiles", std::move(profiles)}};
}

}  // namespace

void add_meta_commands(Registry& registry) {
    registry.add("version", version_command);
}

// --- call -------------------------------------------------------------------------------------

namespace {

std::string dump(const nlohmann::json& response) {
    return response.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string error_response(std::string_view kind, std::string_view message) {
    return dump({{"ok", false}, {"error", {{"kind", kind}, {"message", message}}}});
}

std::string dispatch(std::string_view request_json) {
    nlohmann::json request;
    try {
        request = nlohmann::json::parse(request_json);
    } catch (const nlohmann::json::parse_error& error) {
        throw UsageError("malformed JSON request: " + plain_message(error));
    }
    if (!request.is_object()) {
        throw UsageError(std::string("a request must be a JSON object, not ") + request.type_name());
    }
    auto cmd = request.find("cmd");
    if (cmd == request.end() || !cmd->is_string()) {
        throw UsageError("a request needs a \"cmd\" string, e.g. {\"cmd\": \"version\"}");
    }
    const auto& name = cmd->get_ref<const std::string&>();
    if (RawHandler raw = registry().find_raw(name)) {
        std::string body = raw(request);
        REFSCOPE_CHECK(body.size() >= 2 && body.front() == '{' && body.back() == '}',
                       "command \"" + name + "\" answered with a non-object");
        return body.size() == 2 ? std::string(R"({"ok":true})") : R"({"ok":true,)" + body.substr(1);
    }
    Handler handler = registry().find(name);
    if (handler == nullptr) {
        std::string known;
        for (const auto& n : registry().names()) known += (known.empty() ? "" : ", ") + n;
        throw UsageError("unknown command \"" + name + "\" (known: " + known + ")");
    }
    nlohmann::json response = handler(request);
    REFSCOPE_CHECK(response.is_object(), "command \"" + name + "\" answered with a non-object");
    response["ok"] = true;
    return dump(response);
}

}  // namespace

std::string call(std::string_view request_json) noexcept {
    try {
        try {
            return dispatch(request_json);
        } catch (const UsageError& error) {
            return error_response("usage", error.what());
        } catch (const std::exception& error) {
            // InvariantError, nlohmann errors inside a command, std::bad_alloc, ...
            return error_response("internal", error.what());
        } catch (...) {
            return error_response("internal", "unknown exception");
        }
    } catch (...) {
        // Building the error response failed too (out of memory): a fixed answer.
        return R"({"error":{"kind":"internal","message":"out of memory"},"ok":false})";
    }
}

}  // namespace refscope::api
