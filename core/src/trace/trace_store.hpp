// trace/trace_store.hpp — the traces kept between requests ("run" makes one, "drop" forgets it).
//
// The wasm module lives as long as the page: a trace recorded by "run" stays in the store
// until "drop" or until kMaxTraces newer ones push it out (oldest first).
//
// Invariants:
//   1. At most kMaxTraces traces are kept.
//   2. Ids are 1, 2, 3, ... and never reused within the process.
#pragma once

#include <cstdint>
#include <memory>

#include "trace/trace_data.hpp"

namespace refscope::trace {

inline constexpr std::size_t kMaxTraces = 4;

std::uint64_t store_trace(std::shared_ptr<const Trace> trace);
std::shared_ptr<const Trace> find_trace(std::uint64_t id);   // null when unknown
bool drop_trace(std::uint64_t id);

}  // namespace refscope::trace
