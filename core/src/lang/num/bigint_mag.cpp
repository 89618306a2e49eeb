// lang/num/bigint_mag.cpp — unsigned magnitude arithmetic (see bigint_mag.hpp).
#include "lang/num/bigint_mag.hpp"

#include <algorithm>

namespace refscope::lang::mag {

namespace {

constexpr int kShift = BigInt::kShift;
constexpr Digit kMask = BigInt::kMask;

// r[0 .. na+nb) = a * b; r must start zeroed.
void schoolbook(const Digit* a, std::size_t na, const Digit* b, std::size_t nb, Digit* r) {
    for (std::size_t i = 0; i < na; ++i) {
        const std::uint64_t ai = a[i];
        if (ai == 0) continue;
        std::uint64_t carry = 0;
        Digit* row = r + i;
        for (std::size_t j = 0; j < nb; ++j) {
            const std::uint64_t t = ai * b[j] + row[j] + carry;
            row[j] = static_cast<Digit>(t & kMask);
            carry = t >> kShift;
        }
        row[nb] = static_cast<Digit>(carry);  // untouched by earlier rows
    }
}

// r += x * B^offset; r is large enough to hold the sum.
void add_into(Mag& r, const Mag& x, std::size_t offset) {
    Digit carry = 0;
    std::size_t i = 0;
    for (; i < x.size(); ++i) {
        const Digit s = r[offset + i] + x[i] + carry;
        r[offset + i] = s & kMask;
        carry = s >> kShift;
    }
    for (std::size_t k = offset + i; carry != 0 && k < r.size(); ++k) {
        const Digit s = r[k] + carry;
        r[k] = s & kMask;
        carry = s >> kShift;
    }
}

Mag karatsuba(const Digit* a, std::size_t na, const Digit* b, std::size_t nb) {
    while (na > 0 && a[na - 1] == 0) --na;
    while (nb > 0 && b[nb - 1] == 0) --nb;
    if (na < nb) {
        std::swap(a, b);
        std::swap(na, nb);
    }
    if (nb == 0) return {};
    if (nb < kKaratsubaCutoff) {
        Mag r(na + nb, 0);
        schoolbook(a, na, b, nb, r.data());
        trim(r);
        return r;
    }
    if (2 * nb <= na) {
        // Lopsided: multiply b by nb-digit slices of a.
        Mag r(na + nb, 0);
        for (std::size_t off = 0; off < na; off += nb) {
            const std::size_t len = std::min(nb, na - off);
            add_into(r, karatsuba(a + off, len, b, nb), off);
        }
        trim(r);
        return r;
    }
    const std::size_t h = na / 2;  // nb > h, so both high halves are non-empty
    Mag a0(a, a + h), a1(a + h, a + na), b0(b, b + h), b1(b + h, b + nb);
    trim(a0);
    trim(b0);
    const Mag z0 = karatsuba(a0.data(), a0.size(), b0.data(), b0.size());
    const Mag z2 = karatsuba(a1.data(), a1.size(), b1.data(), b1.size());
    const Mag sa = add(a0, a1);
    const Mag sb = add(b0, b1);
    Mag z1 = karatsuba(sa.data(), sa.size(), sb.data(), sb.size());
    z1 = sub(sub(z1, z0), z2);
    Mag r(na + nb, 0);
    add_into(r, z0, 0);
    add_into(r, z1, h);
    add_into(r, z2, 2 * h);
    trim(r);
    return r;
}

}  // namespace

void trim(Mag& a) {
    while (!a.empty() && a.back() == 0) a.pop_back();
}

int compare(const Mag& a, const Mag& b) {
    if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
    for (std::size_t i = a.size(); i-- > 0;) {
        if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
    }
    return 0;
}

Mag add(const Mag& a, const Mag& b) {
    const Mag& big = a.size() >= b.size() ? a : b;
    const Mag& small = a.size() >= b.size() ? b : a;
    Mag r(big.size() + 1, 0);
    Digit carry = 0;
    for (std::size_t i = 0; i < big.size(); ++i) {
        const Digit s = big[i] + (i < small.size() ? small[i] : 0) + carry;
        r[i] = s & kMask;
        carry = s >> kShift;
    }
    r[big.size()] = carry;
    trim(r);
    return r;
}

Mag sub(const Mag& a, const Mag& b) {
    Mag r(a.size(), 0);
    std::int64_t borrow = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const std::int64_t t = static_cast<std::int64_t>(a[i]) - (i < b.size() ? b[i] : 0) + borrow;
        r[i] = static_cast<Digit>(t & kMask);
        borrow = t >> kShift;  // 0 or -1 (arithmetic shift, C++20)
    }
    REFSCOPE_CHECK(borrow == 0, "mag::sub: a < b");
    trim(r);
    return r;
}

Mag mul(const Mag& a, const Mag& b) {
    if (a.empty() || b.empty()) return {};
    return karatsuba(a.data(), a.size(), b.data(), b.size());
}

Mag mul_add_small(const Mag& a, Digit m, Digit addend) {
    Mag r(a.size() + 1, 0);
    std::uint64_t carry = addend;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const std::uint64_t t = static_cast<std::uint64_t>(a[i]) * m + carry;
        r[i] = static_cast<Digit>(t & kMask);
        carry = t >> kShift;
    }
    r[a.size()] = static_cast<Digit>(carry);
    trim(r);
    return r;
}

Digit div_small_inplace(Mag& a, Digit d) {
    std::uint64_t rem = 0;
    for (std::size_t i = a.size(); i-- > 0;) {
        const std::uint64_t cur = (rem << kShift) | a[i];
        a[i] = static_cast<Digit>(cur / d);
        rem = cur % d;
    }
    trim(a);
    return static_cast<Digit>(rem);
}

void div_mod(const Mag& a, const Mag& b, Mag& q, Mag& r) {
    REFSCOPE_CHECK(!b.empty(), "mag::div_mod by zero");
    if (compare(a, b) < 0) {
        q.clear();
        r = a;
        return;
    }
    if (b.size() == 1) {
        q = a;
        const Digit rem = div_small_inplace(q, b[0]);
        r.clear();
        if (rem != 0) r.push_back(rem);
        return;
    }
    // Normalize: shift so the divisor's top digit has its bit 29 set.
    int s = 0;
    while (((b.back() << s) & (Digit{1} << (kShift - 1))) == 0) ++s;
    Mag v = shift_left(b, static_cast<std::uint64_t>(s));
    Mag u = shift_left(a, static_cast<std::uint64_t>(s));
    const std::size_t n = v.size();
    if (u.size() == a.size()) u.push_back(0);  // room for the top partial remainder digit
    while (u.size() < a.size() + 1) u.push_back(0);
    const std::size_t m = u.size() - n - 1;
    q.assign(m + 1, 0);
    const std::uint64_t vtop = v[n - 1];
    const std::uint64_t vnext = v[n - 2];
    for (std::size_t j = m + 1; j-- > 0;) {
        const std::uint64_t num = (static_cast<std::uint64_t>(u[j + n]) << kShift) | u[j + n - 1];
        std::uint64_t qhat = num / vtop;
        std::uint64_t rhat = num % vtop;
        while (qhat >= BigInt::kBase || qhat * vnext > ((rhat << kShift) | u[j + n - 2])) {
            --qhat;
            rhat += vtop;
            if (rhat >= BigInt::kBase) break;
        }
        // u[j .. j+n] -= qhat * v
        std::int64_t borrow = 0;
        std::uint64_t carry = 0;
        for (std::size_t i = 0; i < n; ++i) {
            const std::uint64_t p = qhat * v[i] + carry;
            carry = p >> kShift;
            const std::int64_t t =
                static_cast<std::int64_t>(u[i + j]) - static_cast<std::int64_t>(p & kMask) + borrow;
            u[i + j] = static_cast<Digit>(t & kMask);
            borrow = t >> kShift;
        }
        const std::int64_t top =
            static_cast<std::int64_t>(u[j + n]) - static_cast<std::int64_t>(carry) + borrow;
        u[j + n] = static_cast<Digit>(top & kMask);
        if (top < 0) {
            // qhat was one too large: add v back.
            --qhat;
            Digit c = 0;
            for (std::size_t i = 0; i < n; ++i) {
                const Digit sum = u[i + j] + v[i] + c;
                u[i + j] = sum & kMask;
                c = sum >> kShift;
            }
            u[j + n] = (u[j + n] + c) & kMask;
        }
        q[j] = static_cast<Digit>(qhat);
    }
    trim(q);
    u.resize(n);
    trim(u);
    r = shift_right(u, static_cast<std::uint64_t>(s));
}

Mag shift_left(const Mag& a, std::uint64_t bits) {
    if (a.empty()) return {};
    const std::size_t whole = static_cast<std::size_t>(bits / kShift);
    const int part = static_cast<int>(bits % kShift);
    Mag r(whole + a.size() + 1, 0);
    Digit carry = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const std::uint64_t t = (static_cast<std::uint64_t>(a[i]) << part) | carry;
        r[whole + i] = static_cast<Digit>(t & kMask);
        carry = static_cast<Digit>(t >> kShift);
    }
    r[whole + a.size()] = carry;
    trim(r);
    return r;
}

Mag shift_right(const Mag& a, std::uint64_t bits) {
    const std::uint64_t whole64 = bits / kShift;
    if (whole64 >= a.size()) return {};
    const std::size_t whole = static_cast<std::size_t>(whole64);
    const int part = static_cast<int>(bits % kShift);
    Mag r(a.size() - whole, 0);
    for (std::size_t i = 0; i < r.size(); ++i) {
        std::uint64_t t = a[whole + i] >> part;
        if (part != 0 && whole + i + 1 < a.size()) {
            t |= (static_cast<std::uint64_t>(a[whole + i + 1]) << (kShift - part)) & kMask;
        }
        r[i] = static_cast<Digit>(t);
    }
    trim(r);
    return r;
}

std::uint64_t bit_length(const Mag& a) {
    if (a.empty()) return 0;
    std::uint64_t n = static_cast<std::uint64_t>(a.size() - 1) * kShift;
    for (Digit top = a.back(); top != 0; top >>= 1) ++n;
    return n;
}

bool low_bits_nonzero(const Mag& a, std::uint64_t bits) {
    const std::uint64_t whole = bits / kShift;
    for (std::size_t i = 0; i < a.size() && i < whole; ++i) {
        if (a[i] != 0) return true;
    }
    const int part = static_cast<int>(bits % kShift);
    if (whole < a.size() && part != 0) {
        return (a[static_cast<std::size_t>(whole)] & ((Digit{1} << part) - 1)) != 0;
    }
    return false;
}

Mag from_u64(std::uint64_t v) {
    Mag r;
    while (v != 0) {
        r.push_back(static_cast<Digit>(v & kMask));
        v >>= kShift;
    }
    return r;
}

}  // namespace refscope::lang::mag
