// lang/text/format_spec_internal.hpp — pieces shared by format_spec.cpp, format_number.cpp and
// percent_format.cpp (internal).
//
// Glossary
//   code_repr     how CPython's messages show a format character: itself when printable
//                 ASCII (33..127), else '\x' and its hex value without padding ('\x1', '\x20ac').
//   NumberParts   a rendered number cut into sign, prefix ("0x"), integer digits and the rest
//                 (fraction, exponent, '%'); only the integer digits are grouped and zero-padded.
//
// Invariants
//   1. NumberParts fields are ASCII, so byte counts are code point counts.
#pragma once

#include <string>
#include <string_view>

#include "lang/num/py_result.hpp"
#include "lang/text/format_spec.hpp"

namespace refscope::lang::format_detail {

std::string code_repr(char32_t c);
PyError unknown_code(char32_t type, std::string_view type_name);

struct NumberParts {
    std::string sign;
    std::string prefix;
    std::string digits;
    std::string rest;
};

// Inserts `sep` every `group` digits from the right and pads with '0' digits until the result
// is at least `min_width` long; never starts with a separator. sep '\0': no separators.
std::string group_digits(std::string_view digits, char sep, int group, std::size_t min_width);

// Lays out a number for a parsed spec: grouping, '0' + '=' zero padding, fill and alignment
// (default '>'). `grouping` false disables separators (inf, nan).
std::string render_number(const NumberParts& p, const FormatSpec& f, int group, bool grouping);

// Splits a float body ("1234.5e+06", "inf") into integer digits and the rest.
void split_float_body(const std::string& body, NumberParts& p);

}  // namespace refscope::lang::format_detail
