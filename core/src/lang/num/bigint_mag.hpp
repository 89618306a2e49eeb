// lang/num/bigint_mag.hpp — unsigned magnitude arithmetic under BigInt (internal).
//
// A Mag is |x| in 30-bit digits, least significant first, normally without a most significant
// zero digit (trim() restores that after an operation that may leave one). These functions
// know nothing of signs or Python's rules; bigint*.cpp build Python's semantics on them.
//
// Glossary
//   Mag       std::vector<BigInt::Digit>, the magnitude representation.
//   schoolbook  the O(n*m) method for products; Karatsuba takes over when both operands have
//             at least kKaratsubaCutoff digits.
//   Knuth D   long division (TAOCP vol. 2, 4.3.1, algorithm D) with a normalized divisor.
//
// Invariants
//   1. Inputs are trimmed unless a function says otherwise; outputs are trimmed.
//   2. sub(a, b) requires a >= b; div_mod requires b non-zero.
#pragma once

#include <cstdint>
#include <vector>

#include "lang/num/bigint.hpp"

namespace refscope::lang::mag {

using Digit = BigInt::Digit;
using Mag = std::vector<Digit>;

inline constexpr std::size_t kKaratsubaCutoff = 48;
static_assert(kKaratsubaCutoff >= 4, "Karatsuba needs room to split");

void trim(Mag& a);
int compare(const Mag& a, const Mag& b);  // -1, 0, 1
Mag add(const Mag& a, const Mag& b);
Mag sub(const Mag& a, const Mag& b);  // a >= b
Mag mul(const Mag& a, const Mag& b);
// a * m + add for small m, add < kBase.
Mag mul_add_small(const Mag& a, Digit m, Digit add);
// Divides a by d (0 < d < kBase) in place; returns the remainder.
Digit div_small_inplace(Mag& a, Digit d);
// q = a / b, r = a % b (b non-zero).
void div_mod(const Mag& a, const Mag& b, Mag& q, Mag& r);
Mag shift_left(const Mag& a, std::uint64_t bits);
Mag shift_right(const Mag& a, std::uint64_t bits);
std::uint64_t bit_length(const Mag& a);
// True when any of the low `bits` bits of a is set.
bool low_bits_nonzero(const Mag& a, std::uint64_t bits);
Mag from_u64(std::uint64_t v);

}  // namespace refscope::lang::mag
