// trace/run_info.cpp — see run_info.hpp.
#include "trace/run_info.hpp"

#include <charconv>
#include <utility>

#include "refscope/profile.hpp"

namespace refscope::trace {

using nlohmann::json;

namespace {

json run_info_without_timeline(const Trace& t);

void append_column(std::string& out, const char* name, const PackedColumn& column) {
    out += '"';
    out += name;
    out += "\":[";
    char buf[16];
    bool first = true;
    column.for_each([&](std::uint32_t v) {
        if (!first) out += ',';
        first = false;
        auto r = std::to_chars(buf, buf + sizeof buf, v);
        out.append(buf, r.ptr);
    });
    out += ']';
}

}  // namespace

std::string run_info_text(const Trace& t, const json& extra) {
    json head = run_info_without_timeline(t);
    for (auto& [k, v] : extra.items()) head[k] = v;
    std::string out = head.dump(-1, ' ', false, json::error_handler_t::replace);
    out.pop_back();   // the closing brace
    const Timeline& c = t.timeline;
    out.reserve(out.size() + c.size() * 11 * 8 + 256);
    out += ",\"timeline\":{";
    const auto columns = c.columns();
    for (std::size_t i = 0; i < columns.size(); ++i) {
        if (i) out += ',';
        append_column(out, Timeline::kNames[i], *columns[i]);
    }
    out += "}}";
    return out;
}

json run_info_json(const Trace& t) {
    json out = run_info_without_timeline(t);
    json timeline = json::object();
    const auto columns = t.timeline.columns();
    for (std::size_t i = 0; i < columns.size(); ++i) timeline[Timeline::kNames[i]] = columns[i]->to_vector();
    out["timeline"] = std::move(timeline);
    return out;
}

namespace {

json run_info_without_timeline(const Trace& t) {
    json output = json::array();
    for (const OutputChunk& o : t.output)
        output.push_back({{"step", o.step}, {"stream", o.stream}, {"offset", o.offset}, {"length", o.length}});
    json collections = json::array();
    for (const CollectionInfo& k : t.collections)
        collections.push_back({{"index", k.index}, {"step", k.step}, {"generation", k.generation},
                               {"reason", k.reason}, {"collected", k.collected},
                               {"uncollectable", k.uncollectable}, {"phases", k.phases}});
    const TraceEnd& e = t.end;
    return {
        {"format", "refscope-trace"},
        {"version", kFormatVersion},
        {"profile", profile(t.inputs.profile).name},
        {"filename", t.inputs.filename},
        {"steps", t.steps},
        {"end", {{"reason", e.reason},
                 {"limit", e.limit.empty() ? json(nullptr) : json(e.limit)},
                 {"exit_status", e.exit_status},
                 {"message", e.message},
                 {"line", e.line}}},
        {"stdout", t.stdout_text},
        {"stderr", t.stderr_text},
        {"output", std::move(output)},
        {"collections", std::move(collections)},
    };
}

}  // namespace

}  // namespace refscope::trace
