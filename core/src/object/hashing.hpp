// object/hashing.hpp — CPython 3.11's hash functions, as pure functions of a value.
//
// Models Python/pyhash.c (SipHash-1-3 over the bytes of str and bytes objects) and the numeric
// hash of Objects/longobject.c, floatobject.c and tupleobject.c (3.8+ xxHash-style combination),
// for a 64-bit build run with PYTHONHASHSEED=0: the SipHash key is all zeros, so str hashes —
// and with them the iteration order of sets of strings — are the same on every run and equal
// to CPython's. The rules are the ones the Python reference documents under "Hashing of numeric
// types": hash(n) is n reduced modulo P = 2**61 - 1 with the sign of n; a float that is an
// integer hashes like that integer; -1 is never a hash (it becomes -2).
//
// Glossary:
//   P            _PyHASH_MODULUS, the Mersenne prime 2**61 - 1
//   str bytes    the PEP 393 representation: 1, 2 or 4 bytes per code point, little endian
//
// Invariants (tests/native/test_vm_hashing.cpp compares with values printed by python3):
//   1. hash(x) == hash(y) whenever x == y for ints, floats and bools of equal value.
//   2. No function returns -1.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace refscope::object::hashing {

inline constexpr std::uint64_t kModulus = (std::uint64_t{1} << 61) - 1;
inline constexpr int kHashBits = 61;
inline constexpr std::int64_t kHashInf = 314159;

// SipHash-1-3 with a zero key over `data` (0 for empty input).
std::int64_t hash_bytes(std::string_view data);
// hash(str) for the UTF-8 text of a str object (invalid bytes count as U+FFFD).
std::int64_t hash_str(std::string_view utf8);
std::int64_t hash_int64(std::int64_t v);
// hash of a non-negative magnitude given as 30-bit digits (least significant first), with sign.
std::int64_t hash_digits(bool negative, std::span<const std::uint32_t> digits);
// hash of an int given in decimal ("-123"), for values outside int64.
std::int64_t hash_decimal(std::string_view decimal);
// hash(float); a NaN hashes by identity (3.10+), so the caller passes the pointer hash.
std::int64_t hash_double(double v, std::int64_t nan_hash);
// _Py_HashPointer: the address rotated right by 4 bits.
std::int64_t hash_pointer(std::uint64_t address);

// tuplehash: combines the item hashes in order.
class TupleHasher {
public:
    void add(std::int64_t item_hash);
    std::int64_t finish(std::size_t length) const;

private:
    std::uint64_t acc_ = 2870177450012600261ULL;   // _PyHASH_XXPRIME_5
};

}  // namespace refscope::object::hashing
