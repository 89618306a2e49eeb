// cli/cmd_trace.cpp — `refscope trace FILE.py [-o trace.json] [--max-steps N] [--profile P]
// [--stdin FILE] [--states all|none|N,M,...]`: records the run and writes its trace as JSON
// (commands.hpp; docs/trace-format.md, "The CLI").
//
// Output: RunInfo (as the "run" command answers it, without "ok" and "trace") plus "states":
// {"<step>": State} for the requested steps, to stdout or to the -o file. The program's own
// output is inside the JSON (stdout, stderr, output chunks), never on the terminal. The
// program reads stdin only from --stdin, so that a trace can be repeated exactly.
//
// Exit status: 0 when the trace was written (whatever the program did: its status is in
// end.exit_status), 2 for a usage mistake or an unreadable file.
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "commands.hpp"
#include "refscope/errors.hpp"
#include "refscope/profile.hpp"
#include "trace/recorder.hpp"
#include "trace/run_info.hpp"
#include "trace/seek.hpp"

namespace refscope::cli {

namespace {

// "all", "none" or a comma-separated list of steps.
bool parse_states(const std::string& text, bool& all, std::vector<std::uint64_t>& steps) {
    all = text == "all";
    if (all || text == "none") return true;
    std::stringstream ss(text);
    std::string item;
    while (std::getline(ss, item, ',')) {
        if (item.empty() || item.find_first_not_of("0123456789") != std::string::npos) return false;
        steps.push_back(std::stoull(item));
    }
    return !steps.empty();
}

}  // namespace

int trace_command(const Args& args) {
    trace::TraceInputs in;
    std::string file, out_path, states_text = "none";
    for (std::size_t i = 0; i < args.size(); ++i) {
        std::string_view a = args[i];
        if (a == "-h" || a == "--help") {
            std::fputs(
                "usage: refscope trace FILE.py [-o trace.json] [--max-steps N] [--profile 3.11|classic]\n"
                "                      [--stdin FILE] [--states all|none|N,M,...]\n"
                "\n"
                "Runs the program on the simulated CPython, recording every step, and writes the\n"
                "trace as JSON (docs/trace-format.md): RunInfo (steps, end, output, timeline,\n"
                "collections) plus \"states\": {\"<step>\": State} for the steps asked for.\n"
                "\n"
                "  -o FILE           write the JSON there (default: stdout)\n"
                "  --max-steps N     stop after N line steps (default 1000000); the trace ends there\n"
                "  --profile P       3.11 (default) or classic\n"
                "  --stdin FILE      what input() reads (default: nothing)\n"
                "  --states S        all, none (default) or a list of steps such as 0,5,12\n",
                stdout);
            return 0;
        }
        if (a == "-o" || a == "--max-steps" || a == "--profile" || a == "--stdin" || a == "--states") {
            if (i + 1 >= args.size()) return usage_error(std::string(a) + " needs a value");
            std::string value(args[++i]);
            if (a == "-o") {
                out_path = value;
            } else if (a == "--max-steps") {
                if (value.empty() || value.find_first_not_of("0123456789") != std::string::npos)
                    return usage_error("--max-steps needs a number");
                in.max_steps = std::stoull(value);
            } else if (a == "--profile") {
                auto p = parse_profile(value);
                if (!p) return usage_error("unknown profile '" + value + "' (use 3.11 or classic)");
                in.profile = *p;
            } else if (a == "--stdin") {
                if (!read_file(value, in.stdin_text)) return usage_error("cannot read '" + value + "'");
            } else {
                states_text = value;
            }
        } else if (!a.empty() && a[0] == '-' && a.size() > 1) {
            return usage_error("unknown option '" + std::string(a) + "'");
        } else if (file.empty()) {
            file = std::string(a);
        } else {
            return usage_error("trace takes one FILE.py");
        }
    }
    if (file.empty()) return usage_error("trace needs a FILE.py");
    bool all_states = false;
    std::vector<std::uint64_t> steps;
    if (!parse_states(states_text, all_states, steps))
        return usage_error("--states takes all, none or steps such as 0,5,12");
    if (!read_file(file, in.source)) {
        std::fprintf(stderr, "refscope: can't open file '%s'\n", file.c_str());
        return 2;
    }
    in.filename = file;

    const trace::Trace t = trace::record(in);
    nlohmann::json states = nlohmann::json::object();
    if (all_states) {
        // One re-run per 64 steps (states_around) instead of one per step.
        for (std::uint64_t s = 0; s <= t.steps; s += 64) {
            for (auto& [point, state] : trace::states_around(t, s, 0, s, s + 63))
                if (point.second == 0) states[std::to_string(point.first)] = nlohmann::json::parse(state);
        }
        if (!states.contains(std::to_string(t.steps)))
            states[std::to_string(t.steps)] = trace::state_at(t, t.steps, 0);
    }
    for (std::uint64_t s : steps) {
        if (s > t.steps) return usage_error("--states: step " + std::to_string(s) + " is past the end (" +
                                            std::to_string(t.steps) + ")");
        states[std::to_string(s)] = trace::state_at(t, s, 0);
    }
    const std::string text = trace::run_info_text(t, {{"states", std::move(states)}}) + "\n";
    if (out_path.empty()) {
        std::fwrite(text.data(), 1, text.size(), stdout);
        return 0;
    }
    std::ofstream out(out_path, std::ios::binary);
    if (!out || !out.write(text.data(), static_cast<std::streamsize>(text.size()))) {
        std::fprintf(stderr, "refscope: cannot write '%s'\n", out_path.c_str());
        return 2;
    }
    return 0;
}

}  // namespace refscope::cli
