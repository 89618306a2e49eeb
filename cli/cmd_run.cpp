// cli/cmd_run.cpp — `refscope run` (see commands.hpp). Not implemented yet.
#include <cstdio>

#include "commands.hpp"

namespace refscope::cli {

int run_command(const Args&) {
    std::fputs("refscope: 'run' arrives with the interpreter; not in this build\n", stderr);
    return 2;
}

}  // namespace refscope::cli
