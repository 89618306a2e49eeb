// cli/commands.hpp — one function per `refscope` subcommand, each in its own file.
//
// Each gets the arguments after the command name and returns the process exit status. Usage
// mistakes print `refscope: ...` on stderr and return 2, as python3 does for its own options.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace refscope::cli {

using Args = std::vector<std::string_view>;

int run_command(const Args& args);     // cmd_run.cpp:   run FILE.py like python3
int trace_command(const Args& args);   // cmd_trace.cpp: write the trace as JSON
int dis_command(const Args& args);     // cmd_dis.cpp:   print the bytecode, like python3 -m dis

int usage_error(std::string_view message);   // main.cpp
// The whole file at `path` into `out`; false when it cannot be read (main.cpp).
bool read_file(const std::string& path, std::string& out);

}  // namespace refscope::cli
