// printf-style formatting, str % args (lang/text/percent_format.hpp): results and messages
// measured from CPython 3.11.7 and pasted here as facts. The operand is described by a small
// test implementation of PercentArgs over literal values.
#include <catch2/catch.hpp>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "lang/num/bigint.hpp"
#include "lang/num/float_format.hpp"
#include "lang/text/percent_format.hpp"
#include "lang/text/str_repr.hpp"

using namespace refscope::lang;
using namespace std::literals;

namespace {

// One Python value: I int, B bool, F float (IEEE bits in hex), S str, N None, C complex and
// L list (text is their repr; both are numbers / mappings only as Python says).
struct Val {
    char kind;
    std::string_view text;
};

double bits_to_double(std::string_view hex) {
    const std::uint64_t bits = std::strtoull(std::string(hex).c_str(), nullptr, 16);
    double d = 0;
    std::memcpy(&d, &bits, sizeof d);
    return d;
}

// The operand: 'T' a tuple of vals, 'S' the single val, 'D' a dict {keys[i]: vals[i]}.
class TestArgs : public PercentArgs {
public:
    TestArgs(char mode, std::vector<Val> vals, std::vector<std::string_view> keys)
        : mode_(mode), keys_(std::move(keys)) {
        if (mode_ == 'D') vals_.push_back({'D', "<dict>"});  // id 0: the dict itself
        vals_.insert(vals_.end(), vals.begin(), vals.end());
    }

    std::size_t count() const override { return mode_ == 'T' ? vals_.size() : 1; }
    bool is_mapping() const override {
        return mode_ == 'D' || (mode_ == 'S' && vals_[0].kind == 'L');
    }
    Result<Id> mapping_lookup(std::string_view key) override {
        if (mode_ != 'D') return type_error("list indices must be integers or slices, not str");
        for (std::size_t i = 0; i < keys_.size(); ++i) {
            if (keys_[i] == key) return i + 1;
        }
        return PyError{"KeyError", repr_str(key)};
    }
    bool is_int(Id v) const override { return kind(v) == 'I' || kind(v) == 'B'; }
    bool is_str(Id v) const override { return kind(v) == 'S'; }
    bool is_number(Id v) const override {
        return kind(v) == 'I' || kind(v) == 'B' || kind(v) == 'F' || kind(v) == 'C';
    }
    std::string type_name(Id v) const override {
        switch (kind(v)) {
            case 'I': return "int";
            case 'B': return "bool";
            case 'F': return "float";
            case 'S': return "str";
            case 'N': return "NoneType";
            case 'C': return "complex";
            case 'D': return "D";
            default: return "list";
        }
    }
    Result<std::string> str_of(Id v) override {
        const Val& x = vals_[v];
        switch (x.kind) {
            case 'B': return std::string(x.text == "1" ? "True" : "False");
            case 'F': return repr_float(bits_to_double(x.text));
            case 'N': return std::string("None");
            default: return std::string(x.text);
        }
    }
    Result<std::string> repr_of(Id v) override {
        if (kind(v) == 'S') return repr_str(vals_[v].text);
        return str_of(v);
    }
    Result<BigInt> as_bigint(Id v, bool index_only) override {
        const Val& x = vals_[v];
        if (x.kind == 'I' || x.kind == 'B') return *BigInt::from_string(x.text, 10);
        if (x.kind == 'F' && !index_only) return BigInt::from_double(bits_to_double(x.text));
        return type_error("not an integer");
    }
    Result<double> as_double(Id v) override {
        const Val& x = vals_[v];
        if (x.kind == 'F') return bits_to_double(x.text);
        if (x.kind == 'I' || x.kind == 'B') return BigInt::from_string(x.text, 10)->to_double();
        return type_error("must be real number, not " + type_name(v));
    }

private:
    char kind(Id v) const { return vals_[v].kind; }

    char mode_;
    std::vector<Val> vals_;
    std::vector<std::string_view> keys_;
};

std::string show(const Result<std::string>& r) {
    return r.ok() ? r.value() : "!" + r.error().type + ":" + r.error().message;
}

}  // namespace

TEST_CASE("str % args matches CPython 3.11.7", "[text][percent]") {
    struct Case {
        std::string_view format;
        char mode;
        std::vector<Val> vals;
        std::vector<std::string_view> keys;
        std::string_view expected;
    };
    static const std::vector<Case> kCases = {
        // <<measured:percent>> (generated from CPython 3.11.7 output)
        // clang-format off
        {"%s"sv, 'S', {{'I', "1"sv}}, {}, "1"sv},
        {"%s %s"sv, 'T', {{'I', "1"sv}}, {}, "!TypeError:not enough arguments for format string"sv},
        {"%s"sv, 'T', {{'I', "1"sv}, {'I', "2"sv}}, {}, "!TypeError:not all arguments converted during string formatting"sv},
        {"abc"sv, 'S', {{'I', "5"sv}}, {}, "!TypeError:not all arguments converted during string formatting"sv},
        {"abc"sv, 'T', {}, {}, "abc"sv},
        {"abc"sv, 'S', {{'L', "[1]"sv}}, {}, "abc"sv},
        {"abc"sv, 'D', {{'I', "1"sv}}, {"a"sv}, "abc"sv},
        {"%s"sv, 'D', {{'I', "1"sv}}, {"a"sv}, "<dict>"sv},
        {"%(a)s %s"sv, 'D', {{'I', "1"sv}}, {"a"sv}, "!TypeError:not enough arguments for format string"sv},
        {"%(a)s"sv, 'T', {{'I', "1"sv}}, {}, "!TypeError:format requires a mapping"sv},
        {"%(a)s"sv, 'D', {{'I', "1"sv}}, {"b"sv}, "!KeyError:'a'"sv},
        {"%(a"sv, 'D', {{'I', "1"sv}}, {"a"sv}, "!ValueError:incomplete format key"sv},
        {"%(a"sv, 'S', {{'I', "5"sv}}, {}, "!TypeError:format requires a mapping"sv},
        {"%(a(b))s"sv, 'D', {{'I', "2"sv}}, {"a(b)"sv}, "2"sv},
        {"%"sv, 'T', {}, {}, "!ValueError:incomplete format"sv},
        {"%5"sv, 'T', {{'I', "1"sv}}, {}, "!ValueError:incomplete format"sv},
        {"%y"sv, 'S', {{'I', "1"sv}}, {}, "!ValueError:unsupported format character 'y' (0x79) at index 1"sv},
        {"ab%yc"sv, 'S', {{'I', "1"sv}}, {}, "!ValueError:unsupported format character 'y' (0x79) at index 3"sv},
        {"%\342\202\254"sv, 'S', {{'I', "1"sv}}, {}, "!ValueError:unsupported format character '\?' (0x20ac) at index 1"sv},
        {"%\001"sv, 'S', {{'I', "1"sv}}, {}, "!ValueError:unsupported format character '\?' (0x1) at index 1"sv},
        {"%5%"sv, 'T', {}, {}, "!TypeError:not enough arguments for format string"sv},
        {"%5%"sv, 'T', {{'I', "1"sv}}, {}, "!ValueError:unsupported format character '%' (0x25) at index 2"sv},
        {"%%"sv, 'T', {}, {}, "%"sv},
        {"%%"sv, 'S', {{'I', "5"sv}}, {}, "!TypeError:not all arguments converted during string formatting"sv},
        {"%%%s"sv, 'S', {{'I', "5"sv}}, {}, "%5"sv},
        {"%d"sv, 'S', {{'S', "x"sv}}, {}, "!TypeError:%d format: a real number is required, not str"sv},
        {"%x"sv, 'S', {{'F', "4008000000000000"sv}}, {}, "!TypeError:%x format: an integer is required, not float"sv},
        {"%d"sv, 'S', {{'F', "400f333333333333"sv}}, {}, "3"sv},
        {"%i"sv, 'S', {{'F', "c00f333333333333"sv}}, {}, "-3"sv},
        {"%u"sv, 'S', {{'I', "5"sv}}, {}, "5"sv},
        {"%i"sv, 'S', {{'S', "x"sv}}, {}, "!TypeError:%i format: a real number is required, not str"sv},
        {"%X"sv, 'S', {{'F', "3ff8000000000000"sv}}, {}, "!TypeError:%X format: an integer is required, not float"sv},
        {"%o"sv, 'S', {{'F', "3ff8000000000000"sv}}, {}, "!TypeError:%o format: an integer is required, not float"sv},
        {"%e"sv, 'S', {{'S', "x"sv}}, {}, "!TypeError:must be real number, not str"sv},
        {"%f"sv, 'S', {{'I', "10000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"sv}}, {}, "!OverflowError:int too large to convert to float"sv},
        {"%d"sv, 'S', {{'F', "7ff0000000000000"sv}}, {}, "!OverflowError:cannot convert float infinity to integer"sv},
        {"%d"sv, 'S', {{'F', "7ff8000000000000"sv}}, {}, "!ValueError:cannot convert float NaN to integer"sv},
        {"%d"sv, 'S', {{'C', "1j"sv}}, {}, "!TypeError:%d format: a real number is required, not complex"sv},
        {"%f"sv, 'S', {{'C', "1j"sv}}, {}, "!TypeError:must be real number, not complex"sv},
        {"%x"sv, 'S', {{'S', "a"sv}}, {}, "!TypeError:%x format: an integer is required, not str"sv},
        {"%c"sv, 'S', {{'S', "ab"sv}}, {}, "!TypeError:%c requires int or char"sv},
        {"%c"sv, 'S', {{'S', ""sv}}, {}, "!TypeError:%c requires int or char"sv},
        {"%c"sv, 'S', {{'I', "65"sv}}, {}, "A"sv},
        {"%c"sv, 'S', {{'I', "-1"sv}}, {}, "!OverflowError:%c arg not in range(0x110000)"sv},
        {"%c"sv, 'S', {{'I', "1114112"sv}}, {}, "!OverflowError:%c arg not in range(0x110000)"sv},
        {"%c"sv, 'S', {{'I', "1180591620717411303424"sv}}, {}, "!OverflowError:%c arg not in range(0x110000)"sv},
        {"%c"sv, 'S', {{'F', "4004000000000000"sv}}, {}, "!TypeError:%c requires int or char"sv},
        {"%c"sv, 'S', {{'B', "1"sv}}, {}, "\001"sv},
        {"%c"sv, 'S', {{'I', "1114111"sv}}, {}, "\364\217\277\277"sv},
        {"%c"sv, 'S', {{'S', "\360\237\230\200"sv}}, {}, "\360\237\230\200"sv},
        {"%5c|"sv, 'S', {{'S', "x"sv}}, {}, "    x|"sv},
        {"%-5c|"sv, 'S', {{'S', "x"sv}}, {}, "x    |"sv},
        {"%.1c"sv, 'S', {{'S', "x"sv}}, {}, "x"sv},
        {"%05c|"sv, 'S', {{'S', "x"sv}}, {}, "    x|"sv},
        {"%.3d"sv, 'S', {{'I', "5"sv}}, {}, "005"sv},
        {"%.3d"sv, 'S', {{'I', "-5"sv}}, {}, "-005"sv},
        {"%5.3d"sv, 'S', {{'I', "-5"sv}}, {}, " -005"sv},
        {"%-5.3d|"sv, 'S', {{'I', "-5"sv}}, {}, "-005 |"sv},
        {"%05d"sv, 'S', {{'I', "-5"sv}}, {}, "-0005"sv},
        {"%+05d"sv, 'S', {{'I', "5"sv}}, {}, "+0005"sv},
        {"% d"sv, 'S', {{'I', "5"sv}}, {}, " 5"sv},
        {"% +d"sv, 'S', {{'I', "5"sv}}, {}, "+5"sv},
        {"%+ d"sv, 'S', {{'I', "5"sv}}, {}, "+5"sv},
        {"%-05d|"sv, 'S', {{'I', "5"sv}}, {}, "5    |"sv},
        {"%#x"sv, 'S', {{'I', "255"sv}}, {}, "0xff"sv},
        {"%#X"sv, 'S', {{'I', "255"sv}}, {}, "0XFF"sv},
        {"%#o"sv, 'S', {{'I', "8"sv}}, {}, "0o10"sv},
        {"%#5x"sv, 'S', {{'I', "5"sv}}, {}, "  0x5"sv},
        {"%#05x"sv, 'S', {{'I', "5"sv}}, {}, "0x005"sv},
        {"%#.3x"sv, 'S', {{'I', "5"sv}}, {}, "0x005"sv},
        {"%#08.3x"sv, 'S', {{'I', "-5"sv}}, {}, "-0x00005"sv},
        {"%#d"sv, 'S', {{'I', "5"sv}}, {}, "5"sv},
        {"%x"sv, 'S', {{'I', "-255"sv}}, {}, "-ff"sv},
        {"%o"sv, 'S', {{'I', "-8"sv}}, {}, "-10"sv},
        {"%#o"sv, 'S', {{'I', "0"sv}}, {}, "0o0"sv},
        {"%#5.0x|"sv, 'S', {{'I', "0"sv}}, {}, "  0x0|"sv},
        {"%i"sv, 'S', {{'I', "18446744073709551616"sv}}, {}, "18446744073709551616"sv},
        {"%X"sv, 'S', {{'I', "-18446744073709551616"sv}}, {}, "-10000000000000000"sv},
        {"%e"sv, 'S', {{'F', "3ff8000000000000"sv}}, {}, "1.500000e+00"sv},
        {"%E"sv, 'S', {{'F', "3ff8000000000000"sv}}, {}, "1.500000E+00"sv},
        {"%.2e"sv, 'S', {{'F', "40c81cd6c8b43958"sv}}, {}, "1.23e+04"sv},
        {"%g"sv, 'S', {{'F', "3ee4f8b588e368f1"sv}}, {}, "1e-05"sv},
        {"%G"sv, 'S', {{'F', "3ee4f8b588e368f1"sv}}, {}, "1E-05"sv},
        {"%g"sv, 'S', {{'F', "419d6f3454000000"sv}}, {}, "1.23457e+08"sv},
        {"%#g"sv, 'S', {{'F', "3ff0000000000000"sv}}, {}, "1.00000"sv},
        {"%#.0f"sv, 'S', {{'F', "3ff0000000000000"sv}}, {}, "1."sv},
        {"%#.0e"sv, 'S', {{'F', "3ff0000000000000"sv}}, {}, "1.e+00"sv},
        {"%.0f"sv, 'S', {{'F', "4004000000000000"sv}}, {}, "2"sv},
        {"%f"sv, 'S', {{'F', "8000000000000000"sv}}, {}, "-0.000000"sv},
        {"%+f"sv, 'S', {{'F', "0000000000000000"sv}}, {}, "+0.000000"sv},
        {"% f"sv, 'S', {{'F', "7ff0000000000000"sv}}, {}, " inf"sv},
        {"%010.3f"sv, 'S', {{'F', "c00921f9f01b866e"sv}}, {}, "-00003.142"sv},
        {"%-10.3f|"sv, 'S', {{'F', "400921f9f01b866e"sv}}, {}, "3.142     |"sv},
        {"%F"sv, 'S', {{'F', "7ff0000000000000"sv}}, {}, "INF"sv},
        {"%F"sv, 'S', {{'F', "7ff8000000000000"sv}}, {}, "NAN"sv},
        {"%E"sv, 'S', {{'F', "7ff0000000000000"sv}}, {}, "INF"sv},
        {"%g"sv, 'S', {{'F', "7ff8000000000000"sv}}, {}, "nan"sv},
        {"%5g|"sv, 'S', {{'F', "fff0000000000000"sv}}, {}, " -inf|"sv},
        {"%05f"sv, 'S', {{'F', "7ff0000000000000"sv}}, {}, "00inf"sv},
        {"%-+8.2f|"sv, 'S', {{'F', "4000000000000000"sv}}, {}, "+2.00   |"sv},
        {"%f"sv, 'S', {{'I', "5"sv}}, {}, "5.000000"sv},
        {"%f"sv, 'S', {{'B', "1"sv}}, {}, "1.000000"sv},
        {"%e"sv, 'S', {{'I', "100000000000000000000"sv}}, {}, "1.000000e+20"sv},
        {"%.0e"sv, 'S', {{'F', "7e5ddd4baa009303"sv}}, {}, "5e+300"sv},
        {"%g"sv, 'S', {{'F', "3f1a36e2eb1c432d"sv}}, {}, "0.0001"sv},
        {"%.3g"sv, 'S', {{'F', "4093480000000000"sv}}, {}, "1.23e+03"sv},
        {"%.20f"sv, 'S', {{'F', "3fb999999999999a"sv}}, {}, "0.10000000000000000555"sv},
        {"%.g"sv, 'S', {{'F', "3ff8000000000000"sv}}, {}, "2"sv},
        {"%.50g"sv, 'S', {{'F', "3fb999999999999a"sv}}, {}, "0.1000000000000000055511151231257827021181583404541"sv},
        {"%#.0g"sv, 'S', {{'F', "0000000000000000"sv}}, {}, "0."sv},
        {"%05.1f"sv, 'S', {{'F', "bff4000000000000"sv}}, {}, "-01.2"sv},
        {"%s"sv, 'S', {{'S', "\303\251"sv}}, {}, "\303\251"sv},
        {"%r"sv, 'S', {{'S', "\303\251"sv}}, {}, "'\303\251'"sv},
        {"%a"sv, 'S', {{'S', "\303\251"sv}}, {}, "'\\xe9'"sv},
        {"%a"sv, 'S', {{'S', "\360\237\230\200"sv}}, {}, "'\\U0001f600'"sv},
        {"%.2s"sv, 'S', {{'S', "abc"sv}}, {}, "ab"sv},
        {"%.1r"sv, 'S', {{'S', "abc"sv}}, {}, "'"sv},
        {"%5s|"sv, 'S', {{'S', "ab"sv}}, {}, "   ab|"sv},
        {"%-5s|"sv, 'S', {{'S', "ab"sv}}, {}, "ab   |"sv},
        {"%05s|"sv, 'S', {{'S', "ab"sv}}, {}, "   ab|"sv},
        {"%5.1s|"sv, 'S', {{'S', "ab"sv}}, {}, "    a|"sv},
        {"%s"sv, 'S', {{'N', ""sv}}, {}, "None"sv},
        {"%r"sv, 'S', {{'L', "[1, 'a']"sv}}, {}, "[1, 'a']"sv},
        {"%.0s|"sv, 'S', {{'S', "ab"sv}}, {}, "|"sv},
        {"%3s|"sv, 'S', {{'S', "\342\202\254"sv}}, {}, "  \342\202\254|"sv},
        {"%.2s|"sv, 'S', {{'S', "\342\202\254\342\202\254x"sv}}, {}, "\342\202\254\342\202\254|"sv},
        {"%r"sv, 'S', {{'S', "it's"sv}}, {}, "\"it's\""sv},
        {"%r"sv, 'S', {{'S', "a\nb"sv}}, {}, "'a\\nb'"sv},
        {"%a"sv, 'S', {{'S', "ab\342\202\254"sv}}, {}, "'ab\\u20ac'"sv},
        {"%*d"sv, 'T', {{'I', "5"sv}, {'I', "3"sv}}, {}, "    3"sv},
        {"%-*d|"sv, 'T', {{'I', "5"sv}, {'I', "3"sv}}, {}, "3    |"sv},
        {"%*d|"sv, 'T', {{'I', "-5"sv}, {'I', "3"sv}}, {}, "3    |"sv},
        {"%.*f"sv, 'T', {{'I', "2"sv}, {'F', "400921f9f01b866e"sv}}, {}, "3.14"sv},
        {"%*.*f"sv, 'T', {{'I', "8"sv}, {'I', "2"sv}, {'F', "400921f9f01b866e"sv}}, {}, "    3.14"sv},
        {"%*d"sv, 'T', {{'S', "x"sv}, {'I', "3"sv}}, {}, "!TypeError:* wants int"sv},
        {"%.*d"sv, 'T', {{'I', "-2"sv}, {'I', "3"sv}}, {}, "3"sv},
        {"%.*f"sv, 'T', {{'I', "-2"sv}, {'F', "400921f9f01b866e"sv}}, {}, "3"sv},
        {"%*d"sv, 'T', {{'I', "5"sv}}, {}, "!TypeError:not enough arguments for format string"sv},
        {"%*s"sv, 'S', {{'I', "5"sv}}, {}, "!TypeError:not enough arguments for format string"sv},
        {"%(a)*s"sv, 'D', {{'I', "1"sv}}, {"a"sv}, "!TypeError:not enough arguments for format string"sv},
        {"%*d"sv, 'T', {{'I', "1180591620717411303424"sv}, {'I', "1"sv}}, {}, "!OverflowError:Python int too large to convert to C ssize_t"sv},
        {"%.*d"sv, 'T', {{'I', "1180591620717411303424"sv}, {'I', "1"sv}}, {}, "!OverflowError:Python int too large to convert to C int"sv},
        {"%*d"sv, 'T', {{'F', "3ff8000000000000"sv}, {'I', "1"sv}}, {}, "!TypeError:* wants int"sv},
        {"%*d"sv, 'T', {{'B', "1"sv}, {'I', "1"sv}}, {}, "1"sv},
        {"%ld"sv, 'S', {{'I', "5"sv}}, {}, "5"sv},
        {"%hd"sv, 'S', {{'I', "5"sv}}, {}, "5"sv},
        {"%Lf"sv, 'S', {{'F', "3ff8000000000000"sv}}, {}, "1.500000"sv},
        {"%lld"sv, 'S', {{'I', "5"sv}}, {}, "!ValueError:unsupported format character 'l' (0x6c) at index 2"sv},
        {"%l"sv, 'S', {{'I', "5"sv}}, {}, "!ValueError:incomplete format"sv},
        {"%99999999999999999999d"sv, 'S', {{'I', "5"sv}}, {}, "!ValueError:width too big"sv},
        {"%.99999999999999999999d"sv, 'S', {{'I', "5"sv}}, {}, "!ValueError:precision too big"sv},
        {"%5s %(a)s"sv, 'D', {{'I', "1"sv}}, {"a"sv}, "<dict> 1"sv},
        {"%(a)s %(b)d"sv, 'D', {{'S', "x"sv}, {'I', "2"sv}}, {"a"sv, "b"sv}, "x 2"sv},
        {"%()s"sv, 'D', {{'I', "3"sv}}, {""sv}, "3"sv},
        {"%(a)5.2f|"sv, 'D', {{'F', "400921f9f01b866e"sv}}, {"a"sv}, " 3.14|"sv},
        {"%s%s"sv, 'T', {{'S', "a"sv}}, {}, "!TypeError:not enough arguments for format string"sv},
        {"a%sb"sv, 'T', {}, {}, "!TypeError:not enough arguments for format string"sv},
        {"%d"sv, 'S', {{'B', "1"sv}}, {}, "1"sv},
        {"%x"sv, 'S', {{'B', "1"sv}}, {}, "1"sv},
        {"%s"sv, 'S', {{'B', "1"sv}}, {}, "True"sv},
        {"%r"sv, 'S', {{'F', "3ff8000000000000"sv}}, {}, "1.5"sv},
        {"%s"sv, 'S', {{'F', "4341c37937e08000"sv}}, {}, "1e+16"sv},
        {"%(x)"sv, 'D', {{'I', "1"sv}}, {"x"sv}, "!ValueError:incomplete format"sv},
        {"%-"sv, 'S', {{'I', "1"sv}}, {}, "!ValueError:incomplete format"sv},
        {"%."sv, 'S', {{'I', "1"sv}}, {}, "!ValueError:incomplete format"sv},
        {"%z"sv, 'T', {}, {}, "!TypeError:not enough arguments for format string"sv},
        {"%z %d"sv, 'T', {{'S', "x"sv}}, {}, "!ValueError:unsupported format character 'z' (0x7a) at index 1"sv},
        {"%d %z"sv, 'T', {{'S', "x"sv}}, {}, "!TypeError:%d format: a real number is required, not str"sv},
        {"%(a)%"sv, 'D', {{'I', "1"sv}}, {"a"sv}, "!ValueError:unsupported format character '%' (0x25) at index 4"sv},
        {"%(a)s%%"sv, 'D', {{'I', "1"sv}}, {"a"sv}, "1%"sv},
        {"%(\303\251)s"sv, 'D', {{'I', "1"sv}}, {"\303\251"sv}, "1"sv},
        {"%(a)s %(a)s"sv, 'D', {{'I', "1"sv}}, {"a"sv}, "1 1"sv},
        {"%s"sv, 'T', {{'L', "[]"sv}}, {}, "[]"sv},
        {"%s %s"sv, 'S', {{'L', "[1, 2]"sv}}, {}, "!TypeError:not enough arguments for format string"sv},
        {"a%#0*g %-+02o\342\202\254%- 0.6o"sv, 'T', {{'F', "3ff8000000000000"sv}, {'I', "0"sv}, {'S', "it's"sv}, {'F', "8000000000000000"sv}, {'I', "3"sv}}, {}, "!TypeError:* wants int"sv},
        {"a%-+0.4o"sv, 'T', {}, {}, "!TypeError:not enough arguments for format string"sv},
        {"\342\202\254%-3i %+12g %-*o"sv, 'T', {{'F', "8000000000000000"sv}, {'I', "3"sv}, {'I', "-18446744073709551616"sv}, {'S', "\342\202\254"sv}}, {}, "!OverflowError:Python int too large to convert to C ssize_t"sv},
        {"a%+.1s%9x"sv, 'T', {{'B', "0"sv}, {'I', "255"sv}}, {}, "aF       ff"sv},
        {"\342\202\254%-*f"sv, 'T', {{'I', "2"sv}, {'F', "8000000000000000"sv}}, {}, "\342\202\254-0.000000"sv},
        {"a%-+.8s % #s"sv, 'T', {{'F', "c004000000000000"sv}, {'S', "\342\202\254"sv}}, {}, "a-2.5 \342\202\254"sv},
        {" %.8Fa% 3i% E"sv, 'T', {{'F', "7e37e43c8800759c"sv}, {'F', "7ff8000000000000"sv}, {'F', "40c81cd6c8b43958"sv}, {'S', "\342\202\254"sv}}, {}, "!ValueError:cannot convert float NaN to integer"sv},
        {"\342\202\254%a"sv, 'T', {{'I', "-5"sv}, {'F', "7ff8000000000000"sv}}, {}, "!TypeError:not all arguments converted during string formatting"sv},
        {" %-.*g% 8aa%0x"sv, 'T', {{'I', "0"sv}, {'I', "2"sv}, {'I', "-255"sv}, {'I', "-4"sv}, {'I', "2"sv}}, {}, "!TypeError:not all arguments converted during string formatting"sv},
        {"\342\202\254%-+.6f"sv, 'T', {{'B', "1"sv}, {'B', "0"sv}}, {}, "!TypeError:not all arguments converted during string formatting"sv},
        {"\342\202\254%4d%-2.5a%5F"sv, 'T', {{'S', "\342\202\254"sv}, {'I', "0"sv}, {'F', "3ff8000000000000"sv}, {'F', "c004000000000000"sv}}, {}, "!TypeError:%d format: a real number is required, not str"sv},
        {"\342\202\254% u\342\202\254%-d"sv, 'T', {{'S', ""sv}, {'S', "\342\202\254"sv}}, {}, "!TypeError:%u format: a real number is required, not str"sv},
        {"%12c % f"sv, 'T', {{'I', "0"sv}, {'C', "1j"sv}}, {}, "!TypeError:must be real number, not complex"sv},
        {"\342\202\254% r% 0.2u"sv, 'T', {{'B', "1"sv}, {'C', "1j"sv}}, {}, "!TypeError:%u format: a real number is required, not complex"sv},
        {" %+r"sv, 'T', {{'S', "ab"sv}, {'F', "7ff8000000000000"sv}}, {}, "!TypeError:not all arguments converted during string formatting"sv},
        {"%e % 3x%E"sv, 'T', {{'F', "7ff8000000000000"sv}, {'S', ""sv}, {'B', "0"sv}}, {}, "!TypeError:%x format: an integer is required, not str"sv},
        {"a%11ia%X"sv, 'T', {{'S', ""sv}, {'S', "\342\202\254"sv}}, {}, "!TypeError:%i format: a real number is required, not str"sv},
        {" %*.2xa%0G\342\202\254%#*F"sv, 'T', {{'F', "3e7ad7f29abcaf48"sv}, {'I', "-4"sv}, {'I', "0"sv}, {'I', "3"sv}, {'F', "8000000000000000"sv}, {'F', "400921f9f01b866e"sv}}, {}, "!TypeError:* wants int"sv},
        {"a%#02.xa%-c"sv, 'T', {{'F', "7ff8000000000000"sv}, {'F', "8000000000000000"sv}, {'F', "7ff8000000000000"sv}}, {}, "!TypeError:%x format: an integer is required, not float"sv},
        {"%- o"sv, 'T', {{'S', "\342\202\254"sv}}, {}, "!TypeError:%o format: an integer is required, not str"sv},
        {"\342\202\254%sa%*.*F%+ 7r"sv, 'T', {{'F', "7ff0000000000000"sv}, {'F', "8000000000000000"sv}, {'F', "3ff8000000000000"sv}, {'B', "0"sv}, {'I', "1180591620717411303424"sv}}, {}, "!TypeError:* wants int"sv},
        {"a%#10.6G"sv, 'T', {{'S', "it's"sv}}, {}, "!TypeError:must be real number, not str"sv},
        {"a%#i"sv, 'T', {{'I', "65"sv}}, {}, "a65"sv},
        {"\342\202\254%.2e"sv, 'T', {{'I', "255"sv}}, {}, "\342\202\2542.55e+02"sv},
        {"\342\202\254%o\342\202\254%+#*u %*.7c"sv, 'T', {{'I', "2"sv}, {'I', "2"sv}, {'I', "0"sv}, {'I', "-4"sv}, {'I', "0"sv}, {'I', "0"sv}}, {}, "!TypeError:not all arguments converted during string formatting"sv},
        {"\342\202\254%r"sv, 'T', {{'B', "0"sv}}, {}, "\342\202\254False"sv},
        {"a%-.2fa%+05d%-#a"sv, 'T', {{'I', "5"sv}, {'F', "400921f9f01b866e"sv}, {'S', ""sv}, {'I', "5"sv}}, {}, "!TypeError:not all arguments converted during string formatting"sv},
        {"a% oa%11.1a"sv, 'T', {{'I', "255"sv}}, {}, "!TypeError:not enough arguments for format string"sv},
        {" % g"sv, 'T', {}, {}, "!TypeError:not enough arguments for format string"sv},
        {"a%#G %#.1F %x"sv, 'T', {{'F', "3e7ad7f29abcaf48"sv}, {'I', "-18446744073709551616"sv}, {'I', "5"sv}, {'S', ""sv}}, {}, "!TypeError:not all arguments converted during string formatting"sv},
        {"\342\202\254%0G"sv, 'T', {}, {}, "!TypeError:not enough arguments for format string"sv},
        {"\342\202\254%+a"sv, 'T', {{'F', "8000000000000000"sv}}, {}, "\342\202\254-0.0"sv},
        {" %2.5g%0o %x"sv, 'T', {{'S', "\342\202\254"sv}, {'F', "400921f9f01b866e"sv}, {'F', "40c81cd6c8b43958"sv}}, {}, "!TypeError:must be real number, not str"sv},
        {"a%-9.*E\342\202\254%11r"sv, 'T', {{'F', "8000000000000000"sv}, {'F', "c004000000000000"sv}, {'I', "-4"sv}}, {}, "!TypeError:* wants int"sv},
        {" %0Ga%d"sv, 'T', {{'S', "\342\202\254"sv}, {'F', "8000000000000000"sv}}, {}, "!TypeError:must be real number, not str"sv},
        {" %0c%11.3E"sv, 'T', {{'B', "0"sv}, {'I', "-255"sv}}, {}, " \000 -2.550E+02"sv},
        {"\342\202\254%0.6xa%.8g"sv, 'T', {{'I', "0"sv}, {'I', "-18446744073709551616"sv}, {'I', "0"sv}}, {}, "!TypeError:not all arguments converted during string formatting"sv},
        {"\342\202\254%-1.G\342\202\254%-.6u%#s"sv, 'T', {{'S', "it's"sv}, {'I', "0"sv}, {'S', ""sv}}, {}, "!TypeError:must be real number, not str"sv},
        {"a% 6d"sv, 'T', {{'F', "3e7ad7f29abcaf48"sv}}, {}, "a     0"sv},
        {"%10x %3i"sv, 'T', {{'F', "3ff8000000000000"sv}}, {}, "!TypeError:%x format: an integer is required, not float"sv},
        {"%-.*c\342\202\254%+#a"sv, 'T', {{'S', "it's"sv}, {'F', "3e7ad7f29abcaf48"sv}}, {}, "!TypeError:* wants int"sv},
        {"\342\202\254% 5.6d"sv, 'T', {{'I', "0"sv}, {'F', "3ff8000000000000"sv}}, {}, "!TypeError:not all arguments converted during string formatting"sv},
        {"\342\202\254%-#*.4a % #u %-+u"sv, 'T', {{'I', "5"sv}, {'B', "0"sv}, {'I', "-4"sv}, {'I', "0"sv}, {'F', "400921f9f01b866e"sv}}, {}, "!TypeError:not all arguments converted during string formatting"sv},
        {"a%x %0.*d"sv, 'T', {{'I', "3"sv}, {'I', "-4"sv}, {'I', "2"sv}, {'I', "0"sv}}, {}, "!TypeError:not all arguments converted during string formatting"sv},
        {" %0.2d"sv, 'T', {{'S', "it's"sv}, {'F', "7ff0000000000000"sv}}, {}, "!TypeError:%d format: a real number is required, not str"sv},
        {" %+ 2g\342\202\254%#0*e"sv, 'T', {{'I', "3"sv}, {'I', "3"sv}, {'I', "255"sv}}, {}, " +3\342\202\2542.550000e+02"sv},
        {"\342\202\254%X"sv, 'T', {{'S', "it's"sv}, {'F', "400921f9f01b866e"sv}}, {}, "!TypeError:%X format: an integer is required, not str"sv},
        {"% g\342\202\254%+r\342\202\254%+c"sv, 'T', {{'F', "7e37e43c8800759c"sv}, {'I', "-5"sv}, {'B', "0"sv}}, {}, " 1e+300\342\202\254-5\342\202\254\000"sv},
        {" %#.1X%#.4r"sv, 'T', {{'F', "40c81cd6c8b43958"sv}, {'C', "1j"sv}, {'F', "3ff8000000000000"sv}}, {}, "!TypeError:%X format: an integer is required, not float"sv},
        {" %8E\342\202\254%11s"sv, 'T', {{'F', "3e7ad7f29abcaf48"sv}}, {}, "!TypeError:not enough arguments for format string"sv},
        {"\342\202\254%+0c%-+10X"sv, 'T', {{'I', "65"sv}, {'F', "7ff8000000000000"sv}}, {}, "!TypeError:%X format: an integer is required, not float"sv},
        {"\342\202\254% g"sv, 'T', {{'F', "8000000000000000"sv}}, {}, "\342\202\254-0"sv},
        {" %#X"sv, 'T', {}, {}, "!TypeError:not enough arguments for format string"sv},
        {" %+c\342\202\254%+ e"sv, 'T', {{'I', "5"sv}}, {}, "!TypeError:not enough arguments for format string"sv},
        {"\342\202\254%E"sv, 'T', {{'N', ""sv}, {'F', "3e7ad7f29abcaf48"sv}}, {}, "!TypeError:must be real number, not NoneType"sv},
        {"\342\202\254%09.4s\342\202\254%-0d % 0*i"sv, 'T', {{'I', "-4"sv}, {'B', "0"sv}, {'I', "0"sv}, {'F', "3ff8000000000000"sv}}, {}, "\342\202\254       -4\342\202\2540  1"sv},
        {"a%#.7x"sv, 'T', {{'S', "it's"sv}, {'B', "1"sv}}, {}, "!TypeError:%x format: an integer is required, not str"sv},
        {"\342\202\254% d"sv, 'T', {{'F', "c004000000000000"sv}}, {}, "\342\202\254-2"sv},
        {"a%-G%-.2X%0e"sv, 'T', {{'F', "8000000000000000"sv}, {'B', "0"sv}, {'I', "1114111"sv}}, {}, "a-0001.114111e+06"sv},
        {"\342\202\254%#f % E"sv, 'T', {{'I', "-18446744073709551616"sv}, {'I', "1114111"sv}}, {}, "\342\202\254-18446744073709551616.000000  1.114111E+06"sv},
        {" %-0r"sv, 'T', {{'F', "7e37e43c8800759c"sv}}, {}, " 1e+300"sv},
        {"% o %-+.*r"sv, 'T', {{'F', "c004000000000000"sv}, {'I', "255"sv}, {'I', "2"sv}, {'I', "5"sv}}, {}, "!TypeError:%o format: an integer is required, not float"sv},
        {" %-0ra%-.6ra%+#04r"sv, 'T', {{'S', ""sv}, {'F', "c004000000000000"sv}, {'F', "7ff8000000000000"sv}}, {}, " ''a-2.5a nan"sv},
        {"%Fa%#00.a"sv, 'T', {{'F', "400921f9f01b866e"sv}, {'F', "3ff8000000000000"sv}}, {}, "3.141590a"sv},
        {"\342\202\254%+u % #.7r"sv, 'T', {{'I', "1114111"sv}, {'I', "65"sv}, {'F', "8000000000000000"sv}}, {}, "!TypeError:not all arguments converted during string formatting"sv},
        {"a%.7a % 0s\342\202\254%-i"sv, 'T', {{'F', "7e37e43c8800759c"sv}, {'I', "65"sv}, {'I', "65"sv}}, {}, "a1e+300 65\342\202\25465"sv},
        {"a%4X"sv, 'T', {{'S', "it's"sv}}, {}, "!TypeError:%X format: an integer is required, not str"sv},
        {" %#g"sv, 'T', {{'I', "-18446744073709551616"sv}}, {}, " -1.84467e+19"sv},
        {" %g"sv, 'T', {{'C', "1j"sv}}, {}, "!TypeError:must be real number, not complex"sv},
        {"%+i %7.*f"sv, 'T', {{'I', "0"sv}, {'I', "2"sv}, {'F', "c004000000000000"sv}}, {}, "+0   -2.50"sv},
        {" % #d%-#0.*d"sv, 'T', {{'I', "0"sv}, {'I', "2"sv}, {'C', "1j"sv}}, {}, "!TypeError:%d format: a real number is required, not complex"sv},
        {"%+.1i"sv, 'T', {{'I', "5"sv}}, {}, "+5"sv},
        {"%g"sv, 'T', {{'B', "1"sv}}, {}, "1"sv},
        {"%.4i"sv, 'T', {}, {}, "!TypeError:not enough arguments for format string"sv},
        {" %#0*.7a%-#09s"sv, 'T', {{'I', "-4"sv}, {'I', "0"sv}, {'F', "7ff0000000000000"sv}, {'F', "8000000000000000"sv}}, {}, "!TypeError:not all arguments converted during string formatting"sv},
        {"%11.f%+ 7g %#.*e"sv, 'T', {{'I', "1114111"sv}, {'I', "2"sv}, {'I', "0"sv}, {'I', "0"sv}, {'I', "-4"sv}}, {}, "!TypeError:not all arguments converted during string formatting"sv},
        {"\342\202\254%*.1s\342\202\254%#01c%- g"sv, 'T', {{'I', "0"sv}, {'B', "0"sv}, {'I', "-18446744073709551616"sv}, {'I', "1180591620717411303424"sv}}, {}, "!OverflowError:%c arg not in range(0x110000)"sv},
        {"\342\202\254%- E%+o"sv, 'T', {{'I', "0"sv}, {'F', "3e7ad7f29abcaf48"sv}}, {}, "!TypeError:%o format: an integer is required, not float"sv},
        {"a%1u %+.3c%u"sv, 'T', {{'I', "-18446744073709551616"sv}, {'I', "-18446744073709551616"sv}}, {}, "!OverflowError:%c arg not in range(0x110000)"sv},
        {" %.2e\342\202\254%+a"sv, 'T', {{'I', "-255"sv}}, {}, "!TypeError:not enough arguments for format string"sv},
        {"%2.3Ea%d\342\202\254%+ #X"sv, 'T', {{'F', "c004000000000000"sv}, {'F', "7ff0000000000000"sv}}, {}, "!OverflowError:cannot convert float infinity to integer"sv},
        {"%- 0.*g"sv, 'T', {{'N', ""sv}, {'I', "255"sv}, {'I', "0"sv}}, {}, "!TypeError:* wants int"sv},
        {"a%1o"sv, 'T', {}, {}, "!TypeError:not enough arguments for format string"sv},
        {"\342\202\254%0f"sv, 'T', {{'S', "ab"sv}}, {}, "!TypeError:must be real number, not str"sv},
        {"\342\202\254%+ 08.3E%+#*o%7.*E"sv, 'T', {{'I', "3"sv}, {'C', "1j"sv}, {'F', "7ff8000000000000"sv}, {'I', "-5"sv}, {'I', "3"sv}}, {}, "!TypeError:* wants int"sv},
        {" %o%- x"sv, 'T', {{'F', "400921f9f01b866e"sv}, {'B', "0"sv}}, {}, "!TypeError:%o format: an integer is required, not float"sv},
        {"%-s"sv, 'T', {}, {}, "!TypeError:not enough arguments for format string"sv},
        {"%0.*r\342\202\254% 7i"sv, 'T', {{'F', "c004000000000000"sv}, {'F', "3e7ad7f29abcaf48"sv}, {'I', "-4"sv}}, {}, "!TypeError:* wants int"sv},
        {"%oa%06.7s %F"sv, 'T', {{'F', "3e7ad7f29abcaf48"sv}, {'F', "7ff8000000000000"sv}, {'F', "7ff8000000000000"sv}, {'F', "8000000000000000"sv}}, {}, "!TypeError:%o format: an integer is required, not float"sv},
        {"%a %-+8e"sv, 'T', {{'B', "0"sv}, {'I', "0"sv}, {'I', "-18446744073709551616"sv}}, {}, "!TypeError:not all arguments converted during string formatting"sv},
        {"\342\202\254%+10.5E %8r"sv, 'T', {{'I', "-5"sv}, {'S', "ab"sv}}, {}, "\342\202\254-5.00000E+00     'ab'"sv},
        {"a%#0.0F%r"sv, 'T', {{'I', "0"sv}}, {}, "!TypeError:not enough arguments for format string"sv},
        {" % E"sv, 'T', {{'S', "it's"sv}, {'I', "0"sv}}, {}, "!TypeError:must be real number, not str"sv},
        {"\342\202\254%+5.*e %0i"sv, 'T', {{'I', "0"sv}, {'I', "0"sv}}, {}, "!TypeError:not enough arguments for format string"sv},
        {"\342\202\254%0*.sa%-11s"sv, 'T', {{'I', "65"sv}, {'I', "-4"sv}}, {}, "!TypeError:not enough arguments for format string"sv},
        {"%-4.0X % #a"sv, 'T', {{'I', "-255"sv}, {'F', "400921f9f01b866e"sv}}, {}, "-FF  3.14159"sv},
        {"a%04.1u\342\202\254%sa%12.0G"sv, 'T', {{'F', "40c81cd6c8b43958"sv}, {'F', "3ff8000000000000"sv}, {'F', "400921f9f01b866e"sv}}, {}, "a12345\342\202\2541.5a           3"sv},
        {"%- 02.f%9.7c%7.0s"sv, 'T', {{'F', "7e37e43c8800759c"sv}, {'F', "7e37e43c8800759c"sv}, {'F', "3ff8000000000000"sv}}, {}, "!TypeError:%c requires int or char"sv},
        {" %o\342\202\254%0e"sv, 'T', {{'N', ""sv}}, {}, "!TypeError:%o format: an integer is required, not NoneType"sv},
        {" % 1aa%-+7r"sv, 'T', {{'I', "-18446744073709551616"sv}, {'I', "255"sv}}, {}, " -18446744073709551616a255    "sv},
        {"%-5g%X\342\202\254%7c"sv, 'T', {{'F', "8000000000000000"sv}, {'I', "-5"sv}, {'F', "7ff0000000000000"sv}, {'I', "5"sv}}, {}, "!TypeError:%c requires int or char"sv},
        {"\342\202\254%*.8c %-F"sv, 'T', {{'B', "1"sv}, {'I', "5"sv}, {'I', "0"sv}, {'S', "ab"sv}}, {}, "!TypeError:not all arguments converted during string formatting"sv},
        {"a%#0oa%-.0X"sv, 'T', {{'I', "1180591620717411303424"sv}, {'S', ""sv}}, {}, "!TypeError:%X format: an integer is required, not str"sv},
        {"a%-09X%#3.*x%-#0.*s"sv, 'T', {{'I', "0"sv}, {'I', "0"sv}, {'I', "0"sv}, {'I', "0"sv}, {'I', "-18446744073709551616"sv}, {'I', "3"sv}}, {}, "!TypeError:not all arguments converted during string formatting"sv},
        {" %.F"sv, 'T', {{'S', "\342\202\254"sv}}, {}, "!TypeError:must be real number, not str"sv},
        {" %+2.X"sv, 'T', {{'I', "5"sv}}, {}, " +5"sv},
        {"% 5.s%a%e"sv, 'T', {{'I', "-5"sv}, {'F', "8000000000000000"sv}, {'S', "it's"sv}}, {}, "!TypeError:must be real number, not str"sv},
        {"%+g"sv, 'T', {{'F', "7ff8000000000000"sv}, {'I', "-5"sv}}, {}, "!TypeError:not all arguments converted during string formatting"sv},
        {"%0.1g%F"sv, 'T', {{'F', "3e7ad7f29abcaf48"sv}, {'B', "1"sv}, {'F', "7ff0000000000000"sv}}, {}, "!TypeError:not all arguments converted during string formatting"sv},
        {"%i%u"sv, 'T', {{'S', "ab"sv}, {'I', "1180591620717411303424"sv}}, {}, "!TypeError:%i format: a real number is required, not str"sv},
        {"\342\202\254%-*.*s"sv, 'T', {{'I', "0"sv}, {'I', "255"sv}, {'I', "-4"sv}, {'I', "-5"sv}}, {}, "!TypeError:not all arguments converted during string formatting"sv},
        {"%*o %#*a%.*o"sv, 'T', {{'F', "c004000000000000"sv}, {'I', "2"sv}, {'F', "40c81cd6c8b43958"sv}, {'I', "0"sv}, {'I', "2"sv}, {'F', "7e37e43c8800759c"sv}, {'I', "-255"sv}}, {}, "!TypeError:* wants int"sv},
        {"a%011f"sv, 'T', {{'I', "65"sv}}, {}, "a0065.000000"sv},
        {"a%- g%0E"sv, 'T', {{'I', "1114111"sv}, {'F', "7ff0000000000000"sv}}, {}, "a 1.11411e+06INF"sv},
        {"\342\202\254%#3F\342\202\254%+ 0.r %s"sv, 'T', {{'F', "c004000000000000"sv}, {'S', "\342\202\254"sv}, {'F', "7ff0000000000000"sv}, {'S', ""sv}}, {}, "!TypeError:not all arguments converted during string formatting"sv},
        {"\342\202\254%ea%- .3X"sv, 'T', {{'F', "c004000000000000"sv}, {'C', "1j"sv}}, {}, "!TypeError:%X format: an integer is required, not complex"sv},
        {"%#g %-+.*E% *i"sv, 'T', {{'S', "it's"sv}, {'I', "3"sv}, {'I', "0"sv}, {'S', "\342\202\254"sv}, {'I', "2"sv}}, {}, "!TypeError:must be real number, not str"sv},
        {"\342\202\254%2.*E"sv, 'T', {{'S', "\342\202\254"sv}, {'I', "5"sv}, {'F', "3e7ad7f29abcaf48"sv}}, {}, "!TypeError:* wants int"sv},
        {"\342\202\254%9f\342\202\254%-G %+ E"sv, 'T', {{'S', ""sv}, {'F', "3e7ad7f29abcaf48"sv}}, {}, "!TypeError:must be real number, not str"sv},
        {"%-7u%- 08f"sv, 'T', {{'I', "-18446744073709551616"sv}, {'F', "3ff8000000000000"sv}}, {}, "-18446744073709551616 1.500000"sv},
        {"%+#0*F %10G"sv, 'T', {{'I', "5"sv}, {'I', "2"sv}, {'I', "2"sv}}, {}, "+2.000000          2"sv},
        {"a%-*.*x %0o"sv, 'T', {{'F', "40c81cd6c8b43958"sv}, {'I', "3"sv}, {'I', "1180591620717411303424"sv}, {'S', "ab"sv}, {'I', "3"sv}}, {}, "!TypeError:* wants int"sv},
        {" %0X"sv, 'T', {{'S', "ab"sv}}, {}, "!TypeError:%X format: an integer is required, not str"sv},
        {" %+#6u"sv, 'T', {{'S', "it's"sv}}, {}, "!TypeError:%u format: a real number is required, not str"sv},
        {"a%X"sv, 'T', {{'F', "c004000000000000"sv}}, {}, "!TypeError:%X format: an integer is required, not float"sv},
        {"a%-7r"sv, 'T', {}, {}, "!TypeError:not enough arguments for format string"sv},
        {" % #.8x"sv, 'T', {{'S', ""sv}}, {}, "!TypeError:%x format: an integer is required, not str"sv},
        {" %+ 10g"sv, 'T', {{'C', "1j"sv}}, {}, "!TypeError:must be real number, not complex"sv},
        {"%+ 12.2s"sv, 'T', {{'F', "7e37e43c8800759c"sv}}, {}, "          1e"sv},
        {"a%.3f\342\202\254% .2u"sv, 'T', {{'C', "1j"sv}, {'F', "8000000000000000"sv}}, {}, "!TypeError:must be real number, not complex"sv},
        {"a% u\342\202\254%.*ga%#o"sv, 'T', {{'F', "40c81cd6c8b43958"sv}, {'I', "-4"sv}, {'I', "0"sv}}, {}, "!TypeError:not enough arguments for format string"sv},
        {"a%+.8oa%c"sv, 'T', {{'I', "0"sv}, {'F', "7ff0000000000000"sv}}, {}, "!TypeError:%c requires int or char"sv},
        {"% 07.*e"sv, 'T', {{'I', "5"sv}, {'F', "7e37e43c8800759c"sv}, {'I', "-4"sv}}, {}, "!TypeError:not all arguments converted during string formatting"sv},
        {"%-.8f"sv, 'T', {{'F', "3e7ad7f29abcaf48"sv}}, {}, "0.00000010"sv},
        {" %x\342\202\254%*X"sv, 'T', {{'F', "7ff0000000000000"sv}, {'I', "2"sv}, {'I', "-4"sv}}, {}, "!TypeError:%x format: an integer is required, not float"sv},
        {"% 0i% #f"sv, 'T', {{'F', "3ff8000000000000"sv}, {'S', "it's"sv}}, {}, "!TypeError:must be real number, not str"sv},
        {"a%+11.6E"sv, 'T', {{'N', ""sv}}, {}, "!TypeError:must be real number, not NoneType"sv},
        {"%-*X\342\202\254%*u%07e"sv, 'T', {{'I', "-5"sv}, {'I', "-4"sv}, {'I', "3"sv}, {'B', "0"sv}, {'I', "3"sv}}, {}, "-4   \342\202\254  03.000000e+00"sv},
        {"%#07x % u\342\202\254%10F"sv, 'T', {{'F', "7ff8000000000000"sv}, {'F', "400921f9f01b866e"sv}, {'I', "1180591620717411303424"sv}, {'N', ""sv}}, {}, "!TypeError:%x format: an integer is required, not float"sv},
        {" %-#5d%0.1f"sv, 'T', {{'I', "1114111"sv}, {'I', "1180591620717411303424"sv}}, {}, " 11141111180591620717411303424.0"sv},
        {"%02.*x"sv, 'T', {{'F', "3e7ad7f29abcaf48"sv}, {'F', "7e37e43c8800759c"sv}}, {}, "!TypeError:* wants int"sv},
        {"\342\202\254%0.0c"sv, 'T', {{'I', "0"sv}}, {}, "\342\202\254\000"sv},
        {"a%9x"sv, 'T', {{'I', "5"sv}, {'I', "255"sv}}, {}, "!TypeError:not all arguments converted during string formatting"sv},
        {"%9f"sv, 'T', {{'F', "400921f9f01b866e"sv}}, {}, " 3.141590"sv},
        {"% *.3c"sv, 'T', {{'F', "400921f9f01b866e"sv}, {'S', "ab"sv}, {'I', "3"sv}}, {}, "!TypeError:* wants int"sv},
        {"\342\202\254%+0*.3a"sv, 'T', {{'I', "-4"sv}, {'C', "1j"sv}, {'B', "0"sv}}, {}, "!TypeError:not all arguments converted during string formatting"sv},
        {"\342\202\254%0e\342\202\254%9.*Fa%-+#s"sv, 'T', {{'F', "40c81cd6c8b43958"sv}, {'I', "-4"sv}, {'I', "255"sv}, {'I', "3"sv}}, {}, "\342\202\2541.234568e+04\342\202\254      255a3"sv},
        {"\342\202\254%#.4Xa%*ia%#9c"sv, 'T', {{'S', "ab"sv}, {'I', "0"sv}, {'I', "2"sv}, {'B', "0"sv}}, {}, "!TypeError:%X format: an integer is required, not str"sv},
        {"\342\202\254%+ #0*i %+#3X"sv, 'T', {{'I', "-4"sv}, {'I', "2"sv}, {'I', "65"sv}, {'F', "7ff0000000000000"sv}}, {}, "!TypeError:not all arguments converted during string formatting"sv},
        {"\342\202\254% *F%+*c"sv, 'T', {{'I', "0"sv}, {'I', "0"sv}, {'I', "5"sv}, {'S', "\342\202\254"sv}}, {}, "\342\202\254 0.000000    \342\202\254"sv},
        {"%6X%x"sv, 'T', {{'I', "-5"sv}, {'F', "7e37e43c8800759c"sv}}, {}, "!TypeError:%x format: an integer is required, not float"sv},
        {"\342\202\254%a\342\202\254%8.x % 0.*a"sv, 'T', {{'F', "40c81cd6c8b43958"sv}, {'I', "0"sv}, {'F', "c004000000000000"sv}, {'I', "0"sv}, {'I', "3"sv}}, {}, "!TypeError:* wants int"sv},
        {" %o"sv, 'T', {}, {}, "!TypeError:not enough arguments for format string"sv},
        {"a%0a\342\202\254% 1s%o"sv, 'T', {{'F', "c004000000000000"sv}, {'I', "-255"sv}, {'I', "-5"sv}, {'F', "8000000000000000"sv}}, {}, "!TypeError:not all arguments converted during string formatting"sv},
        {"a%.6x %.*c % f"sv, 'T', {{'I', "0"sv}, {'I', "2"sv}, {'S', "\342\202\254"sv}, {'B', "1"sv}}, {}, "a000000 \342\202\254  1.000000"sv},
        {"a%3g\342\202\254%.*c"sv, 'T', {{'I', "0"sv}, {'F', "7ff0000000000000"sv}}, {}, "!TypeError:* wants int"sv},
        {"a%.*X"sv, 'T', {{'I', "1180591620717411303424"sv}, {'C', "1j"sv}}, {}, "!OverflowError:Python int too large to convert to C int"sv},
        {"\342\202\254%E"sv, 'T', {{'F', "7e37e43c8800759c"sv}, {'I', "-5"sv}}, {}, "!TypeError:not all arguments converted during string formatting"sv},
        {"%*E%12f"sv, 'T', {{'I', "-5"sv}, {'F', "7ff8000000000000"sv}, {'I', "-5"sv}}, {}, "NAN     -5.000000"sv},
        {"a%.2g%-E"sv, 'T', {{'I', "255"sv}, {'I', "-5"sv}}, {}, "a2.6e+02-5.000000E+00"sv},
        {"%0x%+ 11sa%.0o"sv, 'T', {{'F', "c004000000000000"sv}, {'I', "1180591620717411303424"sv}, {'I', "65"sv}}, {}, "!TypeError:%x format: an integer is required, not float"sv},
        {"a%#11Ga%#d"sv, 'T', {{'C', "1j"sv}, {'F', "7ff0000000000000"sv}}, {}, "!TypeError:must be real number, not complex"sv},
        {" %- F %+#r"sv, 'T', {{'I', "-5"sv}, {'B', "0"sv}, {'C', "1j"sv}}, {}, "!TypeError:not all arguments converted during string formatting"sv},
        {" %+ 5.*f"sv, 'T', {{'I', "3"sv}, {'I', "3"sv}, {'I', "-5"sv}}, {}, "!TypeError:not all arguments converted during string formatting"sv},
        {" %+o\342\202\254%-9.4x% #3.0f"sv, 'T', {{'N', ""sv}, {'B', "1"sv}, {'S', "it's"sv}}, {}, "!TypeError:%o format: an integer is required, not NoneType"sv},
        {"a%#00f\342\202\254%0G%2e"sv, 'T', {{'I', "5"sv}, {'F', "c004000000000000"sv}, {'S', ""sv}, {'I', "-255"sv}}, {}, "!TypeError:must be real number, not str"sv},
        {"\342\202\254%+0s%- #011i"sv, 'T', {{'F', "3ff8000000000000"sv}}, {}, "!TypeError:not enough arguments for format string"sv},
        {" %+*.3g % 11e"sv, 'T', {{'I', "2"sv}, {'S', "\342\202\254"sv}, {'F', "3e7ad7f29abcaf48"sv}, {'I', "-4"sv}}, {}, "!TypeError:must be real number, not str"sv},
        {"%r\342\202\254%-+aa%-E"sv, 'T', {{'I', "5"sv}, {'S', "ab"sv}}, {}, "!TypeError:not enough arguments for format string"sv},
        {"\342\202\254%-.*x%+2a"sv, 'T', {{'I', "-4"sv}, {'I', "5"sv}, {'I', "2"sv}}, {}, "\342\202\2545 2"sv},
        {" %sa%0X"sv, 'T', {{'F', "40c81cd6c8b43958"sv}, {'F', "7ff0000000000000"sv}}, {}, "!TypeError:%X format: an integer is required, not float"sv},
        {"a%-g % *.1E"sv, 'T', {{'I', "-4"sv}, {'I', "-4"sv}, {'C', "1j"sv}}, {}, "!TypeError:must be real number, not complex"sv},
        {"\342\202\254% 05i % aa%0.*G"sv, 'T', {{'I', "-255"sv}, {'I', "2"sv}, {'I', "5"sv}, {'I', "1180591620717411303424"sv}}, {}, "\342\202\254-0255 2a1.1806E+21"sv},
        {"\342\202\254%0*.5o %+*o"sv, 'T', {{'I', "0"sv}, {'I', "2"sv}, {'N', ""sv}, {'I', "3"sv}}, {}, "!TypeError:* wants int"sv},
        {" %#f\342\202\254%1.8oa%*.0d"sv, 'T', {{'F', "c004000000000000"sv}, {'I', "-4"sv}, {'S', "it's"sv}, {'I', "0"sv}}, {}, "!TypeError:* wants int"sv},
        {"%11f\342\202\254%#012.*g %.2F"sv, 'T', {{'I', "0"sv}, {'F', "8000000000000000"sv}, {'I', "0"sv}, {'I', "3"sv}}, {}, "!TypeError:* wants int"sv},
        {" %F %- 06u"sv, 'T', {{'I', "-5"sv}, {'S', "ab"sv}}, {}, "!TypeError:%u format: a real number is required, not str"sv},
        {"%-+.ia%- 0.s"sv, 'T', {{'F', "3e7ad7f29abcaf48"sv}, {'B', "1"sv}}, {}, "+0a"sv},
        {"%+ #da%2.6E % .*G"sv, 'T', {{'I', "-4"sv}, {'I', "0"sv}, {'B', "0"sv}, {'I', "2"sv}}, {}, "-4a0.000000E+00  2"sv},
        {" %#e"sv, 'T', {}, {}, "!TypeError:not enough arguments for format string"sv},
        {"%0i%-E"sv, 'T', {{'B', "0"sv}, {'F', "8000000000000000"sv}}, {}, "0-0.000000E+00"sv},
        {"a%G %*fa%+X"sv, 'T', {{'I', "3"sv}, {'I', "3"sv}, {'I', "2"sv}, {'F', "40c81cd6c8b43958"sv}}, {}, "!TypeError:%X format: an integer is required, not float"sv},
        {"%#2.*fa%ua%+.c"sv, 'T', {{'I', "3"sv}, {'B', "1"sv}, {'F', "c004000000000000"sv}, {'F', "3ff8000000000000"sv}}, {}, "!TypeError:%c requires int or char"sv},
        {"%00d\342\202\254%#.0o\342\202\254%3G"sv, 'T', {{'S', "\342\202\254"sv}, {'N', ""sv}, {'I', "5"sv}}, {}, "!TypeError:%d format: a real number is required, not str"sv},
        {"\342\202\254%*r\342\202\254%7X"sv, 'T', {{'C', "1j"sv}, {'I', "-5"sv}, {'N', ""sv}}, {}, "!TypeError:* wants int"sv},
        {"%u"sv, 'T', {{'I', "65"sv}}, {}, "65"sv},
        {"a%-+e"sv, 'T', {}, {}, "!TypeError:not enough arguments for format string"sv},
        {"\342\202\254%9Ea%-#fa%#010.7i"sv, 'T', {{'I', "-5"sv}, {'F', "c004000000000000"sv}, {'F', "c004000000000000"sv}}, {}, "\342\202\254-5.000000E+00a-2.500000a-000000002"sv},
        {"a% .4e"sv, 'T', {}, {}, "!TypeError:not enough arguments for format string"sv},
        {"\342\202\254%-.3ia%+0F"sv, 'T', {{'S', "\342\202\254"sv}, {'F', "3ff8000000000000"sv}}, {}, "!TypeError:%i format: a real number is required, not str"sv},
        {" %-+ 0a"sv, 'T', {{'B', "1"sv}}, {}, " True"sv},
        {"a%f"sv, 'T', {{'B', "1"sv}}, {}, "a1.000000"sv},
        {"%+ 0r%#8e"sv, 'T', {{'I', "-255"sv}, {'I', "1114111"sv}}, {}, "-2551.114111e+06"sv},
        {"\342\202\254%-x%1G"sv, 'T', {{'I', "0"sv}, {'I', "-5"sv}, {'I', "-18446744073709551616"sv}}, {}, "!TypeError:not all arguments converted during string formatting"sv},
        {"%09.4u"sv, 'T', {{'I', "-255"sv}, {'S', ""sv}}, {}, "!TypeError:not all arguments converted during string formatting"sv},
        {" %-3ia%6o"sv, 'T', {{'I', "0"sv}, {'S', "it's"sv}}, {}, "!TypeError:%o format: an integer is required, not str"sv},
        {"a%-+8.3a"sv, 'T', {{'I', "0"sv}}, {}, "a0       "sv},
        {" %8ea%-#.3d"sv, 'T', {{'B', "0"sv}, {'S', "it's"sv}}, {}, "!TypeError:%d format: a real number is required, not str"sv},
        {"\342\202\254%.3o"sv, 'T', {{'F', "40c81cd6c8b43958"sv}}, {}, "!TypeError:%o format: an integer is required, not float"sv},
        {"\342\202\254%#12fa%2.2sa%G"sv, 'T', {{'F', "8000000000000000"sv}, {'F', "7ff8000000000000"sv}, {'F', "7e37e43c8800759c"sv}}, {}, "\342\202\254   -0.000000anaa1E+300"sv},
        {"a%-s%i%0.a"sv, 'T', {{'F', "3e7ad7f29abcaf48"sv}, {'I', "-5"sv}, {'S', ""sv}}, {}, "a1e-07-5"sv},
        {"a%7F % *E%-+9.s"sv, 'T', {{'I', "-18446744073709551616"sv}, {'I', "3"sv}, {'I', "3"sv}, {'F', "3e7ad7f29abcaf48"sv}, {'I', "0"sv}}, {}, "!TypeError:not all arguments converted during string formatting"sv},
        {"%-.8F"sv, 'T', {{'F', "40c81cd6c8b43958"sv}}, {}, "12345.67800000"sv},
        {"\342\202\254%.0F"sv, 'T', {{'S', "\342\202\254"sv}}, {}, "!TypeError:must be real number, not str"sv},
        {"\342\202\254%+10X\342\202\254%#.7f"sv, 'T', {{'F', "8000000000000000"sv}, {'I', "255"sv}}, {}, "!TypeError:%X format: an integer is required, not float"sv},
        {"%- #x%-+12X"sv, 'T', {{'S', "\342\202\254"sv}}, {}, "!TypeError:%x format: an integer is required, not str"sv},
        {"a%#0u"sv, 'T', {{'S', ""sv}}, {}, "!TypeError:%u format: a real number is required, not str"sv},
        {" %+ 9c%8a"sv, 'T', {{'S', "\342\202\254"sv}, {'S', "\342\202\254"sv}}, {}, "         \342\202\254'\\u20ac'"sv},
        {"% 12.2d"sv, 'T', {{'I', "1180591620717411303424"sv}}, {}, " 1180591620717411303424"sv},
        {"a%-12.2G"sv, 'T', {{'I', "-255"sv}, {'F', "40c81cd6c8b43958"sv}}, {}, "!TypeError:not all arguments converted during string formatting"sv},
        {"\342\202\254%c"sv, 'T', {{'I', "-18446744073709551616"sv}}, {}, "!OverflowError:%c arg not in range(0x110000)"sv},
        {"\342\202\254%.7da%+ea%i"sv, 'T', {{'F', "3ff8000000000000"sv}, {'F', "400921f9f01b866e"sv}, {'F', "7ff8000000000000"sv}, {'F', "3e7ad7f29abcaf48"sv}}, {}, "!ValueError:cannot convert float NaN to integer"sv},
        {"%- .4x% 2u"sv, 'T', {{'I', "255"sv}}, {}, "!TypeError:not enough arguments for format string"sv},
        {"% 8c"sv, 'T', {{'I', "-5"sv}}, {}, "!OverflowError:%c arg not in range(0x110000)"sv},
        {"%0*xa%7x"sv, 'T', {{'F', "c004000000000000"sv}, {'I', "5"sv}, {'F', "3ff8000000000000"sv}, {'I', "-18446744073709551616"sv}}, {}, "!TypeError:* wants int"sv},
        {"% *G%+#E % f"sv, 'T', {{'S', ""sv}, {'I', "0"sv}, {'S', "\342\202\254"sv}, {'I', "5"sv}}, {}, "!TypeError:* wants int"sv},
        {" %09.2o\342\202\254% 03o\342\202\254%+ i"sv, 'T', {{'S', "ab"sv}, {'F', "3ff8000000000000"sv}, {'F', "8000000000000000"sv}}, {}, "!TypeError:%o format: an integer is required, not str"sv},
        {" %5c"sv, 'T', {{'F', "3ff8000000000000"sv}}, {}, "!TypeError:%c requires int or char"sv},
        {"\342\202\254%g\342\202\254%-*.*o"sv, 'T', {{'F', "c004000000000000"sv}, {'I', "-4"sv}, {'F', "7e37e43c8800759c"sv}, {'I', "2"sv}, {'B', "0"sv}}, {}, "!TypeError:* wants int"sv},
        {" %0e %-.6o%-o"sv, 'T', {{'I', "1114111"sv}, {'N', ""sv}, {'F', "400921f9f01b866e"sv}}, {}, "!TypeError:%o format: an integer is required, not NoneType"sv},
        {" %E%.5u"sv, 'T', {{'N', ""sv}}, {}, "!TypeError:must be real number, not NoneType"sv},
        {"a%e%-0.7i %+ 12o"sv, 'T', {{'F', "3ff8000000000000"sv}, {'B', "1"sv}, {'I', "-18446744073709551616"sv}}, {}, "a1.500000e+000000001 -2000000000000000000000"sv},
        {" %#9r"sv, 'T', {{'I', "5"sv}}, {}, "         5"sv},
        {"a%+#.6Ga%-+.2d"sv, 'T', {{'F', "7ff8000000000000"sv}, {'F', "c004000000000000"sv}}, {}, "a+NANa-02"sv},
        {"a%2G\342\202\254% 04d"sv, 'T', {{'S', "it's"sv}}, {}, "!TypeError:must be real number, not str"sv},
        {"\342\202\254%-s\342\202\254%0*s"sv, 'T', {{'C', "1j"sv}, {'I', "0"sv}, {'I', "65"sv}}, {}, "\342\202\2541j\342\202\25465"sv},
        {"a%-010F"sv, 'T', {{'F', "7e37e43c8800759c"sv}}, {}, "a1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160.000000"sv},
        {"a% x"sv, 'T', {{'S', "it's"sv}, {'I', "1180591620717411303424"sv}}, {}, "!TypeError:%x format: an integer is required, not str"sv},
        {" %o"sv, 'T', {{'F', "3ff8000000000000"sv}, {'F', "400921f9f01b866e"sv}}, {}, "!TypeError:%o format: an integer is required, not float"sv},
        {" %+04c"sv, 'T', {{'I', "5"sv}}, {}, "    \005"sv},
        {"\342\202\254%+0G %-.6u%-+ 0.3s"sv, 'T', {{'S', ""sv}, {'I', "-255"sv}, {'S', "it's"sv}}, {}, "!TypeError:must be real number, not str"sv},
        {"\342\202\254%+9fa%#x"sv, 'T', {{'F', "400921f9f01b866e"sv}, {'I', "65"sv}}, {}, "\342\202\254+3.141590a0x41"sv},
        {"\342\202\254%*.1g\342\202\254%-s%11F"sv, 'T', {{'I', "2"sv}, {'I', "3"sv}, {'I', "0"sv}, {'C', "1j"sv}}, {}, "!TypeError:must be real number, not complex"sv},
        {" %-5G"sv, 'T', {{'I', "0"sv}}, {}, " 0    "sv},
        {" % .7g\342\202\254%F"sv, 'T', {{'I', "0"sv}, {'I', "-5"sv}, {'I', "1180591620717411303424"sv}}, {}, "!TypeError:not all arguments converted during string formatting"sv},
        {" %-.0g % #e"sv, 'T', {{'S', "ab"sv}}, {}, "!TypeError:must be real number, not str"sv},
        {"a%12g\342\202\254%-*.5G%f"sv, 'T', {{'F', "7ff8000000000000"sv}, {'F', "7ff8000000000000"sv}, {'F', "3ff8000000000000"sv}, {'I', "2"sv}}, {}, "!TypeError:* wants int"sv},
        {"a%.*E %+u"sv, 'T', {{'B', "1"sv}, {'I', "0"sv}, {'F', "7ff0000000000000"sv}}, {}, "!OverflowError:cannot convert float infinity to integer"sv},
        {"\342\202\254%a"sv, 'T', {}, {}, "!TypeError:not enough arguments for format string"sv},
        {"%-*E%0u"sv, 'T', {{'S', ""sv}, {'I', "-4"sv}}, {}, "!TypeError:* wants int"sv},
        {" %*.0x% .2Ga% 0G"sv, 'T', {{'F', "3ff8000000000000"sv}, {'F', "7e37e43c8800759c"sv}, {'I', "0"sv}}, {}, "!TypeError:* wants int"sv},
        {" % f"sv, 'T', {{'S', "ab"sv}}, {}, "!TypeError:must be real number, not str"sv},
        {"%.6r %-#0s"sv, 'T', {{'F', "3e7ad7f29abcaf48"sv}, {'C', "1j"sv}, {'S', "\342\202\254"sv}}, {}, "!TypeError:not all arguments converted during string formatting"sv},
        {" %+03r% #0d"sv, 'T', {{'F', "8000000000000000"sv}}, {}, "!TypeError:not enough arguments for format string"sv},
        {"a%-+07x%#.8c% u"sv, 'T', {{'F', "7e37e43c8800759c"sv}, {'F', "3e7ad7f29abcaf48"sv}}, {}, "!TypeError:%x format: an integer is required, not float"sv},
        {"%+01.0F % G"sv, 'T', {{'F', "3ff8000000000000"sv}, {'B', "1"sv}}, {}, "+2  1"sv},
        {"\342\202\254%+ x"sv, 'T', {{'I', "1114111"sv}, {'C', "1j"sv}}, {}, "!TypeError:not all arguments converted during string formatting"sv},
        {"a%+#0s%-0.x"sv, 'T', {{'F', "40c81cd6c8b43958"sv}, {'F', "7ff8000000000000"sv}}, {}, "!TypeError:%x format: an integer is required, not float"sv},
        {" %-9E%-3c\342\202\254%-#g"sv, 'T', {{'C', "1j"sv}, {'F', "7e37e43c8800759c"sv}, {'I', "0"sv}}, {}, "!TypeError:must be real number, not complex"sv},
        {" %.2G%#09.5ia%+ #11F"sv, 'T', {{'I', "-5"sv}, {'S', "\342\202\254"sv}}, {}, "!TypeError:%i format: a real number is required, not str"sv},
        {" %7.6g\342\202\254%12d %-3.8f"sv, 'T', {{'I', "255"sv}, {'S', ""sv}, {'S', "ab"sv}}, {}, "!TypeError:%d format: a real number is required, not str"sv},
        {" %-G"sv, 'T', {{'B', "0"sv}}, {}, " 0"sv},
        {"%11e\342\202\254%.0o"sv, 'T', {{'I', "-18446744073709551616"sv}}, {}, "!TypeError:not enough arguments for format string"sv},
        {"%-#06i %a"sv, 'T', {{'N', ""sv}, {'B', "0"sv}}, {}, "!TypeError:%i format: a real number is required, not NoneType"sv},
        {" % 0X"sv, 'T', {{'I', "65"sv}}, {}, "  41"sv},
        {" % f"sv, 'T', {{'F', "3ff8000000000000"sv}}, {}, "  1.500000"sv},
        {"\342\202\254%*x"sv, 'T', {{'I', "1180591620717411303424"sv}, {'F', "7ff8000000000000"sv}}, {}, "!OverflowError:Python int too large to convert to C ssize_t"sv},
        {"a% 6g%-+o"sv, 'T', {{'I', "65"sv}, {'S', "it's"sv}}, {}, "!TypeError:%o format: an integer is required, not str"sv},
        {"a%#x"sv, 'T', {}, {}, "!TypeError:not enough arguments for format string"sv},
        {"a%- 0.*G"sv, 'T', {{'I', "-4"sv}, {'I', "2"sv}, {'I', "2"sv}}, {}, "!TypeError:not all arguments converted during string formatting"sv},
        {" %3.2x %-3g"sv, 'T', {{'F', "8000000000000000"sv}, {'S', "\342\202\254"sv}}, {}, "!TypeError:%x format: an integer is required, not float"sv},
        {"a%+11G"sv, 'T', {}, {}, "!TypeError:not enough arguments for format string"sv},
        {" %#02u\342\202\254%o"sv, 'T', {{'I', "-255"sv}, {'F', "8000000000000000"sv}}, {}, "!TypeError:%o format: an integer is required, not float"sv},
        {"\342\202\254%aa%-c\342\202\254% #8s"sv, 'T', {{'I', "5"sv}, {'F', "3e7ad7f29abcaf48"sv}, {'C', "1j"sv}}, {}, "!TypeError:%c requires int or char"sv},
        {"a%11x"sv, 'T', {{'S', ""sv}}, {}, "!TypeError:%x format: an integer is required, not str"sv},
        {"\342\202\254%+#s"sv, 'T', {{'B', "0"sv}}, {}, "\342\202\254False"sv},
        {" %- #12u\342\202\254%-+010X%+ #9.0u"sv, 'T', {{'F', "8000000000000000"sv}, {'I', "-18446744073709551616"sv}, {'F', "40c81cd6c8b43958"sv}, {'F', "7ff8000000000000"sv}}, {}, "!TypeError:not all arguments converted during string formatting"sv},
        {"%-4E %#10.3F"sv, 'T', {{'B', "0"sv}, {'F', "7ff8000000000000"sv}}, {}, "0.000000E+00        NAN"sv},
        {" %0.4i %-11.2f"sv, 'T', {{'F', "8000000000000000"sv}, {'B', "0"sv}}, {}, " 0000 0.00       "sv},
        {"a%0r"sv, 'T', {}, {}, "!TypeError:not enough arguments for format string"sv},
        {"%ca%+12Fa% 0o"sv, 'T', {{'S', "\342\202\254"sv}, {'I', "5"sv}, {'S', "ab"sv}}, {}, "!TypeError:%o format: an integer is required, not str"sv},
        {"%.5ra%- 2c\342\202\254%7g"sv, 'T', {{'I', "-255"sv}, {'I', "1180591620717411303424"sv}, {'I', "255"sv}}, {}, "!OverflowError:%c arg not in range(0x110000)"sv},
        {"\342\202\254%#0r% 8o"sv, 'T', {{'I', "5"sv}}, {}, "!TypeError:not enough arguments for format string"sv},
        {"% 0s%-.2G %#.1x"sv, 'T', {{'B', "0"sv}, {'F', "8000000000000000"sv}, {'I', "255"sv}}, {}, "False-0 0xff"sv},
        {" %-#3i"sv, 'T', {{'S', "it's"sv}}, {}, "!TypeError:%i format: a real number is required, not str"sv},
        {" %010.8g\342\202\254%+6.x"sv, 'T', {{'I', "1180591620717411303424"sv}, {'S', "ab"sv}, {'I', "255"sv}}, {}, "!TypeError:%x format: an integer is required, not str"sv},
        {"%.1oa%-.6a"sv, 'T', {{'F', "3e7ad7f29abcaf48"sv}, {'B', "0"sv}}, {}, "!TypeError:%o format: an integer is required, not float"sv},
        {"a%0*F\342\202\254%+ 7u%-9E"sv, 'T', {{'F', "8000000000000000"sv}, {'F', "40c81cd6c8b43958"sv}, {'F', "3e7ad7f29abcaf48"sv}, {'I', "0"sv}}, {}, "!TypeError:* wants int"sv},
        {"%u"sv, 'T', {{'F', "400921f9f01b866e"sv}}, {}, "3"sv},
        {"%4.*d"sv, 'T', {{'N', ""sv}, {'I', "2"sv}}, {}, "!TypeError:* wants int"sv},
        {"\342\202\254%-+0f %+i %7.*f"sv, 'T', {{'I', "2"sv}, {'N', ""sv}, {'I', "2"sv}, {'I', "3"sv}, {'I', "65"sv}}, {}, "!TypeError:%i format: a real number is required, not NoneType"sv},
        {"a%f %3.2u\342\202\254% #.7r"sv, 'T', {{'F', "40c81cd6c8b43958"sv}, {'I', "-18446744073709551616"sv}}, {}, "!TypeError:not enough arguments for format string"sv},
        {"\342\202\254%0*F\342\202\254% 8r"sv, 'T', {{'I', "-255"sv}, {'C', "1j"sv}, {'F', "c004000000000000"sv}}, {}, "!TypeError:must be real number, not complex"sv},
        {" %-#11.6s"sv, 'T', {{'I', "1180591620717411303424"sv}}, {}, " 118059     "sv},
        {"a%8.*d %.1g"sv, 'T', {{'I', "3"sv}, {'F', "7ff8000000000000"sv}}, {}, "!ValueError:cannot convert float NaN to integer"sv},
        {"\342\202\254%+#.8r%E%-#0a"sv, 'T', {{'S', ""sv}, {'F', "7e37e43c8800759c"sv}, {'I', "-18446744073709551616"sv}, {'I', "255"sv}}, {}, "!TypeError:not all arguments converted during string formatting"sv},
        {"%9.3d"sv, 'T', {{'F', "3e7ad7f29abcaf48"sv}}, {}, "      000"sv},
        {"\342\202\254%-c\342\202\254%-*F"sv, 'T', {{'F', "3ff8000000000000"sv}, {'S', "\342\202\254"sv}, {'S', "it's"sv}}, {}, "!TypeError:%c requires int or char"sv},
        {"\342\202\254% #11o\342\202\254%08f %-10G"sv, 'T', {{'C', "1j"sv}, {'I', "-18446744073709551616"sv}, {'F', "400921f9f01b866e"sv}}, {}, "!TypeError:%o format: an integer is required, not complex"sv},
        {"a%3.5Ea%- .4e"sv, 'T', {{'C', "1j"sv}, {'B', "1"sv}}, {}, "!TypeError:must be real number, not complex"sv},
        {"% F"sv, 'T', {}, {}, "!TypeError:not enough arguments for format string"sv},
        {"%+01o"sv, 'T', {{'F', "8000000000000000"sv}}, {}, "!TypeError:%o format: an integer is required, not float"sv},
        {"a%#0g"sv, 'T', {{'F', "8000000000000000"sv}}, {}, "a-0.00000"sv},
        {"% 09f %+012f\342\202\254%+.8x"sv, 'T', {{'I', "1114111"sv}, {'N', ""sv}}, {}, "!TypeError:must be real number, not NoneType"sv},
        {"a%#0fa%00.G"sv, 'T', {{'C', "1j"sv}, {'F', "3e7ad7f29abcaf48"sv}}, {}, "!TypeError:must be real number, not complex"sv},
        {" %-*x"sv, 'T', {{'B', "0"sv}, {'I', "-255"sv}}, {}, " -ff"sv},
        {"\342\202\254% 0*.4e%F%-1.e"sv, 'T', {{'F', "7ff0000000000000"sv}, {'B', "0"sv}, {'S', "\342\202\254"sv}, {'I', "0"sv}, {'I', "2"sv}}, {}, "!TypeError:* wants int"sv},
        {"\342\202\254%1.*o"sv, 'T', {{'N', ""sv}, {'I', "0"sv}}, {}, "!TypeError:* wants int"sv},
        {"a%+*.*E"sv, 'T', {{'I', "-4"sv}, {'C', "1j"sv}, {'I', "2"sv}, {'F', "7ff8000000000000"sv}}, {}, "!TypeError:* wants int"sv},
        {"\342\202\254%#u"sv, 'T', {{'I', "0"sv}}, {}, "\342\202\2540"sv},
        {" %*.3G"sv, 'T', {{'I', "0"sv}, {'I', "2"sv}}, {}, " 2"sv},
        {"%u %*e %9i"sv, 'T', {{'I', "3"sv}, {'I', "3"sv}, {'I', "255"sv}, {'I', "3"sv}}, {}, "3 2.550000e+02         3"sv},
        {"a%+0fa%-+ G%.3F"sv, 'T', {{'F', "7ff8000000000000"sv}, {'B', "1"sv}, {'I', "-18446744073709551616"sv}}, {}, "a+nana+1-18446744073709551616.000"sv},
        {"a%00.8xa%- #4.6o"sv, 'T', {{'S', "\342\202\254"sv}}, {}, "!TypeError:%x format: an integer is required, not str"sv},
        {" %.6F"sv, 'T', {{'I', "0"sv}}, {}, " 0.000000"sv},
        {" %+6g"sv, 'T', {{'I', "65"sv}, {'I', "-5"sv}}, {}, "!TypeError:not all arguments converted during string formatting"sv},
        {"%#7.6f %s %8a"sv, 'T', {{'I', "1180591620717411303424"sv}, {'I', "1114111"sv}, {'I', "1180591620717411303424"sv}, {'F', "7ff8000000000000"sv}}, {}, "!TypeError:not all arguments converted during string formatting"sv},
        {" %+0x"sv, 'T', {{'F', "c004000000000000"sv}}, {}, "!TypeError:%x format: an integer is required, not float"sv},
        {" %u % .5c\342\202\254%.7e"sv, 'T', {{'F', "40c81cd6c8b43958"sv}, {'I', "-255"sv}, {'I', "5"sv}}, {}, "!OverflowError:%c arg not in range(0x110000)"sv},
        {"\342\202\254%-5d%.1c\342\202\254%X"sv, 'T', {{'S', "ab"sv}, {'F', "3e7ad7f29abcaf48"sv}, {'I', "-255"sv}}, {}, "!TypeError:%d format: a real number is required, not str"sv},
        {"a% 4f %0G\342\202\254%+0*e"sv, 'T', {{'I', "3"sv}, {'F', "7e37e43c8800759c"sv}, {'I', "2"sv}, {'I', "2"sv}}, {}, "a 3.000000 1E+300\342\202\254+2.000000e+00"sv},
        {"%0F %- 0G"sv, 'T', {{'F', "400921f9f01b866e"sv}, {'F', "8000000000000000"sv}}, {}, "3.141590 -0"sv},
        {"\342\202\254%.1o"sv, 'T', {{'F', "3ff8000000000000"sv}}, {}, "!TypeError:%o format: an integer is required, not float"sv},
        {"\342\202\254%c % *o"sv, 'T', {{'B', "1"sv}, {'I', "0"sv}, {'S', ""sv}}, {}, "!TypeError:%o format: an integer is required, not str"sv},
        {"%#9g%o %.8X"sv, 'T', {{'I', "1180591620717411303424"sv}, {'F', "7ff8000000000000"sv}}, {}, "!TypeError:%o format: an integer is required, not float"sv},
        {"\342\202\254%0*c %.4s\342\202\254%+ 0.*e"sv, 'T', {{'I', "-255"sv}, {'F', "3e7ad7f29abcaf48"sv}, {'I', "0"sv}, {'B', "0"sv}, {'I', "3"sv}, {'F', "7ff0000000000000"sv}}, {}, "!TypeError:%c requires int or char"sv},
        {" %#12ga%#7.7g\342\202\254%.1F"sv, 'T', {{'N', ""sv}, {'I', "5"sv}, {'F', "40c81cd6c8b43958"sv}}, {}, "!TypeError:must be real number, not NoneType"sv},
        {" %11o %+0.*o"sv, 'T', {{'F', "7ff8000000000000"sv}, {'F', "7e37e43c8800759c"sv}, {'I', "0"sv}}, {}, "!TypeError:%o format: an integer is required, not float"sv},
        {"a%#Ea%*o"sv, 'T', {{'F', "40c81cd6c8b43958"sv}, {'I', "-4"sv}}, {}, "!TypeError:not enough arguments for format string"sv},
        {"a%#g"sv, 'T', {{'I', "255"sv}, {'I', "255"sv}}, {}, "!TypeError:not all arguments converted during string formatting"sv},
        {" %012.8e"sv, 'T', {{'N', ""sv}}, {}, "!TypeError:must be real number, not NoneType"sv},
        {"%3E"sv, 'T', {{'F', "c004000000000000"sv}, {'F', "8000000000000000"sv}}, {}, "!TypeError:not all arguments converted during string formatting"sv},
        {"% 0*g"sv, 'T', {{'S', ""sv}}, {}, "!TypeError:* wants int"sv},
        {"a%+ .*o"sv, 'T', {{'I', "-18446744073709551616"sv}, {'F', "400921f9f01b866e"sv}}, {}, "!OverflowError:Python int too large to convert to C int"sv},
        {"\342\202\254%011u\342\202\254%- 10.3X"sv, 'T', {{'S', "ab"sv}}, {}, "!TypeError:%u format: a real number is required, not str"sv},
        {"%e %- #.3f\342\202\254%12G"sv, 'T', {{'I', "1180591620717411303424"sv}, {'S', "\342\202\254"sv}, {'I', "-255"sv}}, {}, "!TypeError:must be real number, not str"sv},
        {" % g"sv, 'T', {{'S', "\342\202\254"sv}, {'I', "-255"sv}}, {}, "!TypeError:must be real number, not str"sv},
        {"a%.2d%i"sv, 'T', {{'I', "-5"sv}, {'F', "40c81cd6c8b43958"sv}}, {}, "a-0512345"sv},
        {"a%#0.s%r % .2E"sv, 'T', {{'F', "3e7ad7f29abcaf48"sv}, {'I', "5"sv}, {'I', "255"sv}}, {}, "a5  2.55E+02"sv},
        {" %x%G"sv, 'T', {{'I', "0"sv}}, {}, "!TypeError:not enough arguments for format string"sv},
        // clang-format on
        // <</measured:percent>>
    };
    for (const Case& c : kCases) {
        INFO("'" << c.format << "' % (" << c.mode << ", " << c.vals.size() << " values)");
        TestArgs args(c.mode, c.vals, c.keys);
        CHECK(show(percent_format(c.format, args)) == c.expected);
    }
}

TEST_CASE("%d of a huge int respects the 4300-digit limit", "[text][percent]") {
    const std::string digits = "1" + std::string(4300, '0');
    TestArgs args('S', {{'I', digits}}, {});
    CHECK(show(percent_format("%d", args)) ==
          "!ValueError:Exceeds the limit (4300 digits) for integer string conversion; "
          "use sys.set_int_max_str_digits() to increase the limit");
    TestArgs hex_args('S', {{'I', digits}}, {});
    CHECK(percent_format("%x", hex_args).ok());
}
