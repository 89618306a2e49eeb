// lang/num/numeric_text.cpp — Unicode digits and spaces to ASCII (see numeric_text.hpp).
#include "lang/num/numeric_text.hpp"

#include "lang/text/unicode_class.hpp"
#include "lang/text/utf8.hpp"

namespace refscope::lang {

std::string numeric_ascii(std::string_view utf8) {
    std::string out;
    out.reserve(utf8.size());
    for (std::size_t pos = 0; pos < utf8.size();) {
        const Utf8Char c = utf8_decode(utf8, pos);
        pos += c.length;
        if (c.cp < 0x80) {
            out.push_back(static_cast<char>(c.cp));
        } else if (is_space(c.cp)) {
            out.push_back(' ');
        } else if (const int d = decimal_value(c.cp); d >= 0) {
            out.push_back(static_cast<char>('0' + d));
        } else {
            out.push_back('?');  // rejected by every numeric parser
        }
    }
    return out;
}

}  // namespace refscope::lang
