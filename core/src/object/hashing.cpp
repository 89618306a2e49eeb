// object/hashing.cpp — see hashing.hpp.
#include "object/hashing.hpp"

#include <cmath>
#include <string>

#include "object/sizes.hpp"

namespace refscope::object::hashing {

namespace {

std::uint64_t rotl(std::uint64_t x, int b) { return (x << b) | (x >> (64 - b)); }

struct SipState {
    std::uint64_t v0, v1, v2, v3;
    void round() {
        v0 += v1; v1 = rotl(v1, 13); v1 ^= v0; v0 = rotl(v0, 32);
        v2 += v3; v3 = rotl(v3, 16); v3 ^= v2;
        v0 += v3; v3 = rotl(v3, 21); v3 ^= v0;
        v2 += v1; v1 = rotl(v1, 17); v1 ^= v2; v2 = rotl(v2, 32);
    }
};

// SipHash-1-3 (one compression round, three finalization rounds), key (0, 0).
std::uint64_t siphash13(const unsigned char* in, std::size_t n) {
    const std::uint64_t k0 = 0, k1 = 0;
    SipState s{k0 ^ 0x736f6d6570736575ULL, k1 ^ 0x646f72616e646f6dULL,
               k0 ^ 0x6c7967656e657261ULL, k1 ^ 0x7465646279746573ULL};
    std::size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        std::uint64_t m = 0;
        for (int k = 7; k >= 0; --k) m = (m << 8) | in[i + static_cast<std::size_t>(k)];
        s.v3 ^= m;
        s.round();
        s.v0 ^= m;
    }
    std::uint64_t b = static_cast<std::uint64_t>(n) << 56;
    for (std::size_t k = 0; i + k < n; ++k) b |= static_cast<std::uint64_t>(in[i + k]) << (8 * k);
    s.v3 ^= b;
    s.round();
    s.v0 ^= b;
    s.v2 ^= 0xff;
    s.round();
    s.round();
    s.round();
    return (s.v0 ^ s.v1) ^ (s.v2 ^ s.v3);
}

std::int64_t fix(std::int64_t h) { return h == -1 ? -2 : h; }

// Decode UTF-8 the way sizes::str_shape counts it (invalid bytes are U+FFFD).
void decode(std::string_view s, std::u32string& out, std::uint32_t& max_char) {
    max_char = 0;
    for (std::size_t i = 0; i < s.size();) {
        auto [cp, len] = sizes::next_code_point(s, i);
        i += len;
        out.push_back(cp);
        if (cp > max_char) max_char = cp;
    }
}

}  // namespace

std::int64_t hash_bytes(std::string_view data) {
    if (data.empty()) return 0;
    auto h = static_cast<std::int64_t>(
        siphash13(reinterpret_cast<const unsigned char*>(data.data()), data.size()));
    return fix(h);
}

std::int64_t hash_str(std::string_view utf8) {
    bool ascii = true;
    for (char c : utf8) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
    if (ascii) return hash_bytes(utf8);
    std::u32string cps;
    std::uint32_t max_char = 0;
    decode(utf8, cps, max_char);
    const int kind = max_char < 0x100 ? 1 : max_char < 0x10000 ? 2 : 4;
    std::string buf;
    buf.reserve(cps.size() * static_cast<std::size_t>(kind));
    for (char32_t cp : cps)
        for (int k = 0; k < kind; ++k) buf.push_back(static_cast<char>((cp >> (8 * k)) & 0xff));
    return hash_bytes(buf);
}

std::int64_t hash_int64(std::int64_t v) {
    if (v == INT64_MIN) return fix(-static_cast<std::int64_t>((std::uint64_t{1} << 63) % kModulus));
    std::uint64_t m = static_cast<std::uint64_t>(v < 0 ? -v : v) % kModulus;
    auto h = static_cast<std::int64_t>(m);
    return fix(v < 0 ? -h : h);
}

std::int64_t hash_digits(bool negative, std::span<const std::uint32_t> digits) {
    // Horner's rule from the most significant digit, modulo P, with the 30-bit shift done as a
    // rotation within the 61-bit field (2**61 == 1 mod P).
    std::uint64_t x = 0;
    for (std::size_t i = digits.size(); i-- > 0;) {
        x = ((x << 30) & kModulus) | (x >> (kHashBits - 30));
        x += digits[i];
        if (x >= kModulus) x -= kModulus;
    }
    auto h = static_cast<std::int64_t>(x);
    return fix(negative ? -h : h);
}

std::int64_t hash_decimal(std::string_view decimal) {
    bool negative = !decimal.empty() && decimal[0] == '-';
    std::uint64_t x = 0;
    for (char c : decimal) {
        if (c < '0' || c > '9') continue;
        // x = (x * 10 + d) mod P without overflow: x < 2**61, so x * 10 < 2**65; split it.
        unsigned __int128 t = static_cast<unsigned __int128>(x) * 10 + static_cast<unsigned>(c - '0');
        x = static_cast<std::uint64_t>(t % kModulus);
    }
    auto h = static_cast<std::int64_t>(x);
    return fix(negative ? -h : h);
}

std::int64_t hash_double(double v, std::int64_t nan_hash) {
    if (std::isinf(v)) return v > 0 ? kHashInf : -kHashInf;
    if (std::isnan(v)) return nan_hash;
    int e = 0;
    double m = std::frexp(v, &e);
    int sign = 1;
    if (m < 0) {
        sign = -1;
        m = -m;
    }
    std::uint64_t x = 0;
    while (m != 0.0) {
        x = ((x << 28) & kModulus) | (x >> (kHashBits - 28));
        m *= 268435456.0;
        e -= 28;
        auto y = static_cast<std::uint64_t>(m);
        m -= static_cast<double>(y);
        x += y;
        if (x >= kModulus) x -= kModulus;
    }
    e = e >= 0 ? e % kHashBits : kHashBits - 1 - ((-1 - e) % kHashBits);
    x = ((x << e) & kModulus) | (x >> (kHashBits - e));
    x = x * static_cast<std::uint64_t>(static_cast<std::int64_t>(sign));
    return fix(static_cast<std::int64_t>(x));
}

std::int64_t hash_pointer(std::uint64_t address) {
    std::uint64_t y = (address >> 4) | (address << 60);
    return fix(static_cast<std::int64_t>(y));
}

void TupleHasher::add(std::int64_t item_hash) {
    constexpr std::uint64_t kPrime1 = 11400714785074694791ULL;
    constexpr std::uint64_t kPrime2 = 14029467366897019727ULL;
    acc_ += static_cast<std::uint64_t>(item_hash) * kPrime2;
    acc_ = rotl(acc_, 31);
    acc_ *= kPrime1;
}

std::int64_t TupleHasher::finish(std::size_t length) const {
    constexpr std::uint64_t kPrime5 = 2870177450012600261ULL;
    std::uint64_t acc = acc_ + (static_cast<std::uint64_t>(length) ^ (kPrime5 ^ 3527539ULL));
    if (acc == ~std::uint64_t{0}) return 1546275796;
    return static_cast<std::int64_t>(acc);
}

}  // namespace refscope::object::hashing
