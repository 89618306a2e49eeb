// refscope/version.hpp — the engine's version and the trace schema it writes.
#pragma once

namespace refscope {

inline constexpr const char* kVersion = "0.1.0";

}  // namespace refscope
