// cli/cmd_run.cpp — `refscope run FILE.py [--profile 3.11|classic] [--stdin FILE]
// [--max-steps N]`: runs the program like python3 (commands.hpp).
//
// Output: the program's stdout and stderr as they are. Exit status: the program's (0, 1 after
// an uncaught exception or a SyntaxError, SystemExit's code); 2 with
// `refscope: FILE.py:LINE: unsupported: CONSTRUCT` for valid Python refscope does not model;
// 3 when a limit stopped the run (the partial output, then a message on stderr).
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "commands.hpp"
#include "refscope/engine.hpp"
#include "refscope/profile.hpp"

namespace refscope::cli {

int run_command(const Args& args) {
    RunOptions options;
    std::string file;
    std::vector<std::string> program_args;
    bool stdin_given = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        std::string_view a = args[i];
        if (!file.empty()) {
            program_args.emplace_back(a);
            continue;
        }
        if (a == "--profile" || a == "--stdin" || a == "--max-steps") {
            if (i + 1 >= args.size()) return usage_error(std::string(a) + " needs a value");
            std::string value(args[++i]);
            if (a == "--profile") {
                auto p = parse_profile(value);
                if (!p) return usage_error("unknown profile '" + value + "' (use 3.11 or classic)");
                options.profile = *p;
            } else if (a == "--stdin") {
                if (!read_file(value, options.stdin_text)) return usage_error("cannot read '" + value + "'");
                stdin_given = true;
            } else {
                try {
                    options.max_steps = std::stoull(value);
                } catch (...) {
                    return usage_error("--max-steps needs a number");
                }
            }
        } else if (a == "--check-invariants") {
            options.check_invariants = true;   // heap and allocator checks after the run
        } else if (a == "--check-every-op") {
            options.check_invariants = true;   // ... and after every heap operation (slow)
            options.check_every_op = true;
        } else if (!a.empty() && a[0] == '-' && a.size() > 1) {
            return usage_error("unknown option '" + std::string(a) + "'");
        } else {
            file = std::string(a);
        }
    }
    if (file.empty()) return usage_error("run needs a FILE.py");
    std::string source;
    if (!read_file(file, source)) {
        std::fprintf(stderr, "refscope: can't open file '%s'\n", file.c_str());
        return 2;
    }
    options.argv = program_args;
    // python3 FILE.py runs the script under its absolute path (__file__, tracebacks) while
    // sys.argv[0] stays as typed.
    options.argv0 = file;
    std::error_code ec;
    std::string script = std::filesystem::absolute(file, ec).lexically_normal().string();
    if (ec) script = file;
    // Without --stdin the program reads the process's own stdin (read up front, unless it is a
    // terminal: refscope runs the program to completion in one go).
    if (!stdin_given && !isatty(0)) {
        std::ostringstream ss;
        ss << std::cin.rdbuf();
        options.stdin_text = ss.str();
    }
    RunResult r = run_program(source, script, options);
    std::fwrite(r.stdout_text.data(), 1, r.stdout_text.size(), stdout);
    std::fflush(stdout);
    std::fwrite(r.stderr_text.data(), 1, r.stderr_text.size(), stderr);
    if (!r.unsupported.empty()) {
        std::fprintf(stderr, "refscope: %s:%u: unsupported: %s\n", file.c_str(), r.unsupported_line,
                     r.unsupported.c_str());
        return 2;
    }
    if (!r.limit_reason.empty()) {
        if (r.limit_reason == "steps")
            std::fprintf(stderr, "refscope: stopped after %llu steps (the --max-steps limit)\n",
                         static_cast<unsigned long long>(r.line_steps));
        else if (r.limit_reason == "output")
            std::fprintf(stderr, "refscope: stopped: the program wrote more output than the limit\n");
        else
            std::fprintf(stderr, "refscope: stopped: simulated memory exhausted\n");
        return 3;
    }
    return r.exit_status;
}

}  // namespace refscope::cli
