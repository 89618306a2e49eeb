// lang/text/unicode_class.cpp — lookups in the Unicode tables (see unicode_class.hpp).
#include "lang/text/unicode_class.hpp"

namespace refscope::lang {

bool is_printable(char32_t cp) {
    if (cp >= 0x20 && cp < 0x7F) return true;  // the common case
    using unicode_tables::kNonPrintable;
    std::size_t lo = 0, hi = unicode_tables::kNonPrintableCount;
    while (lo < hi) {  // first range whose last >= cp
        const std::size_t mid = lo + (hi - lo) / 2;
        if (kNonPrintable[mid].last < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    return !(lo < unicode_tables::kNonPrintableCount && kNonPrintable[lo].first <= cp);
}

bool is_space(char32_t cp) {
    if (cp < 0x80) return (cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x20);
    switch (cp) {
        case 0x85:
        case 0xA0:
        case 0x1680:
        case 0x2028:
        case 0x2029:
        case 0x202F:
        case 0x205F:
        case 0x3000: return true;
        default: return cp >= 0x2000 && cp <= 0x200A;
    }
}

int decimal_value(char32_t cp) {
    if (cp < 0x80) return (cp >= '0' && cp <= '9') ? static_cast<int>(cp - '0') : -1;
    using unicode_tables::kDecimalZeros;
    std::size_t lo = 0, hi = unicode_tables::kDecimalZeroCount;
    while (lo < hi) {  // first zero > cp
        const std::size_t mid = lo + (hi - lo) / 2;
        if (kDecimalZeros[mid] <= cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == 0) return -1;
    const char32_t zero = kDecimalZeros[lo - 1];
    return cp - zero < 10 ? static_cast<int>(cp - zero) : -1;
}

}  // namespace refscope::lang
