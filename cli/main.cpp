// cli/main.cpp — the `refscope` command: a thin front door onto the core.
//
// It parses the command name and hands the rest to the subcommand (commands.hpp).
//
// Exit status: 0 on success, 2 for a command line it does not understand (like python3).
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string_view>

#include "commands.hpp"
#include "refscope/version.hpp"

namespace {

constexpr const char* kHelp =
    "usage: refscope COMMAND [ARGS]\n"
    "       refscope --version | --help\n"
    "\n"
    "Simulates what CPython does with memory while a program runs: frames, references,\n"
    "reference counts, the cyclic collector and pymalloc's arenas, pools and blocks.\n"
    "\n"
    "Commands:\n"
    "  run FILE.py [--profile 3.11|classic] [--stdin FILE]\n"
    "        run the program like python3: same stdout, same last traceback line on\n"
    "        stderr, same exit status\n"
    "  trace FILE.py [-o trace.json] [--max-steps N] [--profile P] [--stdin FILE]\n"
    "        [--states all|none|N,M,...]\n"
    "        record the run and write its trace as JSON (to stdout without -o);\n"
    "        refscope trace --help tells more\n"
    "  dis FILE.py\n"
    "        print the compiled bytecode, in the layout of python3 -m dis\n"
    "\n"
    "Profiles:\n"
    "  3.11      64-bit CPython 3.11 (default)\n"
    "  classic   the model popular articles describe (64-bit CPython <= 3.7.3)\n"
    "\n"
    "Options:\n"
    "  -h, --help     show this help and exit\n"
    "  --version      print the version and exit\n";

}  // namespace

int refscope::cli::usage_error(std::string_view message) {
    std::fprintf(stderr, "refscope: %.*s\nTry 'refscope --help'.\n",
                 static_cast<int>(message.size()), message.data());
    return 2;
}

bool refscope::cli::read_file(const std::string& path, std::string& out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::ostringstream ss;
    ss << in.rdbuf();
    out = ss.str();
    return true;
}

int main(int argc, char** argv) {
    using refscope::cli::usage_error;
    if (argc < 2) return usage_error("missing command");
    std::string_view arg = argv[1];
    if (arg == "--version") {
        if (argc > 2) return usage_error("--version takes no arguments");
        std::printf("refscope %s\n", refscope::kVersion);
        return 0;
    }
    if (arg == "-h" || arg == "--help") {
        std::fputs(kHelp, stdout);
        return 0;
    }
    const refscope::cli::Args rest(argv + 2, argv + argc);
    if (arg == "run") return refscope::cli::run_command(rest);
    if (arg == "trace") return refscope::cli::trace_command(rest);
    if (arg == "dis") return refscope::cli::dis_command(rest);
    std::fprintf(stderr, "refscope: unknown argument '%s'\nTry 'refscope --help'.\n", argv[1]);
    return 2;
}
