// trace/run_info.cpp — see run_info.hpp.
#include "trace/run_info.hpp"

#include "refscope/profile.hpp"

namespace refscope::trace {

using nlohmann::json;

json run_info_json(const Trace& t) {
    const Timeline& c = t.timeline;
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
        {"timeline", {{"line", c.line}, {"depth", c.depth}, {"instructions", c.instructions},
                      {"flags", c.flags}, {"memory", c.memory}, {"arenas", c.arenas},
                      {"pools", c.pools}, {"objects", c.objects}, {"gen0", c.gen0},
                      {"gen1", c.gen1}, {"gen2", c.gen2}}},
        {"collections", std::move(collections)},
    };
}

}  // namespace refscope::trace
