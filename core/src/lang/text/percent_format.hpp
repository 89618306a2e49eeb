// lang/text/percent_format.hpp — printf-style formatting: str % args.
//
// Models PyUnicode_Format in CPython 3.11 (Objects/unicodeobject.c) from its documented
// behaviour ("printf-style String Formatting" in the library reference) and 3.11.7's observed
// results and messages. The library never sees Python objects: the caller wraps the right
// operand in a PercentArgs and answers questions about its values, so this module needs no
// object model and works for any VM.
//
//   conversion ::= '%' ['(' key ')'] flags* [width | '*'] ['.' (digits | '*')] [h|l|L] char
//   flags      ::= '-' (left) | '+' | ' ' | '#' (alternate) | '0' (zero padding)
//   char       ::= d i u x X o e E f F g G c s r a, or '%' right after the '%' ("%%")
//
// Glossary
//   operand        the right side of %. A tuple gives its items as positional values; anything
//                  else is one positional value. A mapping (PyMapping_Check, not a tuple or
//                  str — lists count) also serves %(key)s, and is never "not all converted".
//   value id       a small integer naming a value for the queries: 0..count()-1 are the
//                  positional values; mapping_lookup returns ids of its own choosing.
//   wrong type     %d-style conversions of non-numbers raise "%d format: a real number is
//                  required, not str"; %x %X %o need __index__: "%x format: an integer is
//                  required, not float"; floats "must be real number, not str".
//
// Order of events per conversion (it decides which error wins): key lookup, flags, '*' width
// and precision (each takes a value), length modifier, the conversion character must exist
// ("incomplete format"), the value is taken ("not enough arguments for format string"), then
// the character is checked ("unsupported format character 'y' (0x79) at index 1", index in
// code points; non-printable characters shown as '?'). After the last conversion, unused
// positional values raise "not all arguments converted during string formatting".
//
// Invariants
//   1. Every value is taken at most once; '*' takes values in order.
//   2. Width and precision count code points; a width above kMaxFormatWidth is a MemoryError.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "lang/num/bigint.hpp"
#include "lang/num/py_result.hpp"

namespace refscope::lang {

class PercentArgs {
public:
    using Id = std::size_t;
    virtual ~PercentArgs() = default;

    // Positional values: the tuple's length, or 1 for any other operand.
    virtual std::size_t count() const = 0;
    // PyMapping_Check(operand) && not a tuple && not a str.
    virtual bool is_mapping() const = 0;
    // operand[key]: an id for the value, or the exception the lookup raised (KeyError 'a', or
    // "list indices must be integers or slices, not str").
    virtual Result<Id> mapping_lookup(std::string_view key) = 0;

    virtual bool is_int(Id v) const = 0;  // int or bool (PyLong_Check)
    virtual bool is_str(Id v) const = 0;  // str (PyUnicode_Check)
    // PyNumber_Check: int, float, complex, or a type with __index__, __int__ or __float__.
    virtual bool is_number(Id v) const = 0;
    virtual std::string type_name(Id v) const = 0;  // type(v).__name__
    virtual Result<std::string> str_of(Id v) = 0;   // str(v), UTF-8
    virtual Result<std::string> repr_of(Id v) = 0;  // repr(v), UTF-8
    // The int value: for ints their value; otherwise operator.index(v) when index_only, else
    // int(v) (a float truncates: BigInt::from_double). A TypeError here is replaced by the
    // conversion's own message; other errors propagate.
    virtual Result<BigInt> as_bigint(Id v, bool index_only) = 0;
    // float(v) for a number: float, int (OverflowError "int too large to convert to float"),
    // __float__, __index__ (PyFloat_AsDouble).
    virtual Result<double> as_double(Id v) = 0;
};

// format % operand.
Result<std::string> percent_format(std::string_view format, PercentArgs& args);

}  // namespace refscope::lang
