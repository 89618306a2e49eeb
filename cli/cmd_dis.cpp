// cli/cmd_dis.cpp — `refscope dis` (see commands.hpp). Not implemented yet.
#include <cstdio>

#include "commands.hpp"

namespace refscope::cli {

int dis_command(const Args&) {
    std::fputs("refscope: 'dis' arrives with the interpreter; not in this build\n", stderr);
    return 2;
}

}  // namespace refscope::cli
