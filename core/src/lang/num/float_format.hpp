// lang/num/float_format.hpp — Python's float to text: repr, str, the 'e' 'f' 'g' layouts, hex.
//
// Models PyOS_double_to_string and float_repr in CPython 3.11 (Python/pystrtod.c,
// Objects/floatobject.c, which use David Gay's dtoa for the digits). Our digits come from the C
// library instead, and are the same: snprintf("%.*e") and ("%.*f") round the exact binary
// value correctly (half to even on exact ties), and the shortest round-trip digits for repr
// are found by trying 1..17 significant digits and checking each candidate with strtod.
// (std::to_chars for double is not available in libc++ 13, the emscripten 3.1.6 library.)
//
// Glossary
//   digits, decpt  a finite |x| as a digit string d1 d2 ... dn and a decimal point position:
//                  |x| = 0.d1d2...dn * 10**decpt. Zero is ("0", 1).
//   shortest       the fewest significant digits that read back (strtod) as x; among those
//                  candidates the one nearest x (dtoa mode 0, what repr uses).
//   'r' layout     repr's: fixed notation with at least one digit after the point when
//                  -4 < decpt <= 16, otherwise exponent notation ("1e+16", "1.5e-07").
//   flags          kAlt ('#': keep trailing zeros and the point), kAddDot0 (append ".0" to a
//                  fixed-notation integer, format()'s missing type), kNoNegZero ('z', 3.11).
//
// Invariants
//   1. repr_float(x) read back by strtod is x, for every finite x.
//   2. Exponents have a sign and at least two digits ("1e+16", "1e-05", "1e+300").
//   3. format_float_body never writes a sign; the caller (format spec, %-format) places it.
#pragma once

#include <cstdint>
#include <string>

namespace refscope::lang {

struct DecimalDigits {
    std::string digits;  // significant digits, no leading zeros (except "0" for zero)
    int decpt = 1;       // |x| = 0.<digits> * 10**decpt
};

// Shortest round-trip digits of |x| (x finite).
DecimalDigits shortest_digits(double x);
// |x| correctly rounded to n >= 1 significant digits (trailing zeros kept).
DecimalDigits significant_digits(double x, int n);

enum FloatFlags : unsigned {
    kFloatAlt = 1u,
    kFloatAddDot0 = 2u,
};

// The digits and point of |x| laid out for a presentation type:
//   'e' 'E'  precision digits after the point, exponent form;
//   'f' 'F'  precision digits after the point;
//   'g' 'G'  precision significant digits (0 counts as 1), the shorter notation, trailing zeros
//            stripped unless kFloatAlt;
//   'r'      shortest round-trip digits in repr's layout (precision ignored).
// Non-finite values give "inf" / "nan" ("INF" / "NAN" for the upper-case types). With
// kFloatAddDot0, 'g' switches to exponent notation one digit earlier (decpt > precision - 1),
// as format() with a precision and no type does. No sign is written.
std::string format_float_body(double x, char type, int precision, unsigned flags);

// repr(x) == str(x) for a float. (Named like repr_str and repr_bytes; lang/const_repr.hpp has
// its own float_repr for the disassembler.)
std::string repr_float(double x);
inline std::string str_float(double x) { return repr_float(x); }
// float.hex(x): '0x1.8000000000000p+0', '-0x0.0p+0', 'inf', 'nan'.
std::string float_hex(double x);

}  // namespace refscope::lang
