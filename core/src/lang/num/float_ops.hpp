// lang/num/float_ops.hpp — Python's float arithmetic where it differs from IEEE's.
//
// Models float_div, float_rem, float_divmod, float_floor_div, float_pow, float___round__ and
// float_hash of CPython 3.11 (Objects/floatobject.c, Python/pyhash.c). + - * are plain IEEE
// and need nothing here. Written from the documented rules and checked against 3.11.7:
//   * x % y takes the sign of y and is computed from fmod (exact); x // y is the floor of
//     (x - x % y) / y, moved to the nearer integer when that division rounds; a zero result
//     of // or % gets the sign Python gives it (-0.0 % 5 == 0.0, 0.0 % -5 == -0.0).
//   * ** follows C99's pow, except: 0.0 ** negative raises ZeroDivisionError; a negative base
//     with a non-integral exponent makes a complex in Python (the caller's job — see
//     float_pow_needs_complex); a finite result that overflows raises OverflowError. The
//     value is the C library's pow, as in CPython: natively (glibc) bit for bit CPython's; in
//     the emscripten build musl's pow differs in the last bit for a few in 10,000 random
//     operands (measured), as a CPython linked against musl would.
//   * round(x, n) rounds the exact binary value half to even at 10**-n, then back to the
//     nearest double; round(x) rounds half to even to an int.
//   * hash: the value as a fraction reduced modulo 2**61 - 1, so hash(1.0) == hash(1); inf is
//     314159, -inf -314159; NaN hashes by identity (the object's address).
//
// Invariants
//   1. For finite x and y != 0: float_floordiv(x, y) * y + float_mod(x, y) is x up to rounding,
//      and float_mod(x, y) is 0 or has y's sign, with |x % y| < |y|.
#pragma once

#include <cmath>
#include <cstdint>
#include <optional>
#include <utility>

#include "lang/num/bigint.hpp"
#include "lang/num/py_result.hpp"

namespace refscope::lang {

// x / y: ZeroDivisionError "float division by zero".
Result<double> float_truediv(double x, double y);
// x // y: ZeroDivisionError "float floor division by zero".
Result<double> float_floordiv(double x, double y);
// x % y: ZeroDivisionError "float modulo".
Result<double> float_mod(double x, double y);
// divmod(x, y): ZeroDivisionError "float divmod()".
Result<std::pair<double, double>> float_divmod(double x, double y);

// True when Python's x ** y is a complex number (x < 0, y finite and not an integer).
bool float_pow_needs_complex(double x, double y);
// x ** y for floats. ZeroDivisionError "0.0 cannot be raised to a negative power"; OverflowError
// "(34, 'Numerical result out of range')". When float_pow_needs_complex(x, y) it returns
// ValueError "negative number cannot be raised to a fractional power" — a departure for VMs
// without complex numbers.
Result<double> float_pow(double x, double y);

// round(x): half to even, to an int. OverflowError "cannot convert float infinity to integer",
// ValueError "cannot convert float NaN to integer".
Result<BigInt> float_round_to_int(double x);
// round(x, ndigits). OverflowError "rounded value too large to represent".
Result<double> float_round(double x, std::int64_t ndigits);

// hash(x); `address` is the float object's address, used only for NaN.
std::int64_t float_hash(double x, std::uint64_t address);
// hash(object()) style identity hash of an address (CPython's _Py_HashPointer).
std::int64_t pointer_hash(std::uint64_t address);

// -x's sign as printed: signbit, except that NaN prints no sign.
inline bool float_prints_negative(double x) { return std::signbit(x) && !std::isnan(x); }

// int(x) for a float truncates: BigInt::from_double.
// float(i) for an int: BigInt::to_double.
// Mixed comparisons int <-> float, exactly (no rounding of the int): -1, 0, 1; nullopt if NaN.
std::optional<int> compare_int_float(const BigInt& i, double x);

}  // namespace refscope::lang
