// cli/cmd_trace.cpp — `refscope trace` (see commands.hpp). Not implemented yet.
#include <cstdio>

#include "commands.hpp"

namespace refscope::cli {

int trace_command(const Args&) {
    std::fputs("refscope: 'trace' arrives with the interpreter; not in this build\n", stderr);
    return 2;
}

}  // namespace refscope::cli
