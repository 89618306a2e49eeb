// trace/run_info.cpp — see run_info.hpp.
#include "trace/run_info.hpp"

#include <charconv>
#include <utility>

#include "refscope/profile.hpp"

namespace refscope::trace {

using nlohmann::json;

namespace {

json run_info_without_timeline(const Trace& t);

void append_column(std::string& out, const char* name, const std::vector<std::uint32_t>& column) {
    out += '"';
    out += name;
    out += "\":[";
    char buf[16];
    for (std::size_t i = 0; i < column.size(); ++i) {
        if (i) out += ',';
        auto r = std::to_chars(buf, buf + sizeof buf, column[i]);
        out.append(buf, r.ptr);
    }
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
    const std::pair<const char*, const std::vector<std::uint32_t>*> columns[] = {
        {"line", &c.line}, {"depth", &c.depth}, {"instructions", &c.instructions},
        {"flags", &c.flags}, {"memory", &c.memory}, {"arenas", &c.arenas}, {"pools", &c.pools},
        {"objects", &c.objects}, {"gen0", &c.gen0}, {"gen1", &c.gen1}, {"gen2", &c.gen2}};
    bool first = true;
    for (const auto& [name, column] : columns) {
        if (!first) out += ',';
        first = false;
        append_column(out, name, *column);
    }
    out += "}}";
    return out;
}

json run_info_json(const Trace& t) {
    json out = run_info_without_timeline(t);
    const Timeline& c = t.timeline;
    out["timeline"] = {{"line", c.line}, {"depth", c.depth}, {"instructions", c.instructions},
                       {"flags", c.flags}, {"memory", c.memory}, {"arenas", c.arenas},
                       {"pools", c.pools}, {"objects", c.objects}, {"gen0", c.gen0},
                       {"gen1", c.gen1}, {"gen2", c.gen2}};
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
