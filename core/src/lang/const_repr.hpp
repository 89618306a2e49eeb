// lang/const_repr.hpp — repr() of compile-time constants, as CPython 3.11 writes them.
//
// Models float_repr (shortest round-trip digits, 'r' format: scientific below 1e-4 and from
// 1e16), complex_repr, unicode_repr (quote choice, escapes, printable characters kept),
// bytes_repr, tuple and frozenset reprs. Used by the disassembly; frozenset items are printed
// sorted by their repr, as tests/lang/dis_reference.py prints them.
#pragma once

#include <cstdint>
#include <string>

#include "lang/code.hpp"

namespace refscope::lang {

std::string float_repr(double d);
std::string str_repr(const std::string& utf8);
std::string bytes_repr(const std::string& bytes);
std::string constant_repr(const CompilationUnit& unit, std::uint32_t pool_index);

}  // namespace refscope::lang
