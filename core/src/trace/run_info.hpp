// trace/run_info.hpp — a Trace as the format's RunInfo (docs/trace-format.md).
//
// Invariants:
//   1. Every timeline array has steps + 1 entries.
//   2. The answer depends only on the trace: the same run gives the same JSON, byte for byte.
#pragma once

#include <cstdint>

#include <nlohmann/json.hpp>

#include "trace/trace_data.hpp"

namespace refscope::trace {

inline constexpr int kFormatVersion = 1;

// RunInfo without the "trace" id and "ok" (the caller adds them).
nlohmann::json run_info_json(const Trace& trace);

}  // namespace refscope::trace
