// test_vm_unsupported.cpp — valid Python outside refscope's subset ends the run cleanly.
//
// Every program below runs under python3; refscope must not crash or print a wrong answer but
// stop with exit status 2 and name the construct and its line (the CLI prints
// "refscope: FILE:LINE: unsupported: CONSTRUCT"). Output written before the construct is kept,
// and the heap's invariants hold afterwards (run_python checks them). docs/differences.md lists
// the same constructs with the reasons.
#include <catch2/catch.hpp>

#include "test_vm_support.hpp"

using refscope::testing::run_python;

namespace {

struct Case {
    const char* source;
    const char* construct;
    unsigned line;
};

const Case kCases[] = {
    // syntax the compiler rejects
    {"print('a')\nasync def f():\n    pass\n", "async functions", 2},
    {"class A:\n    async def m(self):\n        pass\n", "async functions", 2},
    {"x = 3\nmatch x:\n    case 3:\n        print('three')\n", "the 'match' statement", 2},
    {"try:\n    pass\nexcept* ValueError:\n    pass\n", "'except*' clauses", 3},
    {"from __future__ import annotations\n", "'from __future__' imports", 1},
    {"s = 'bullet: \\N{BULLET}'\n", "\\N{...} escapes in strings", 1},
    // values and types the VM does not model
    {"x = 1\nz = 2j\n", "complex numbers", 2},
    {"def f():\n    return 1 + 2j\nprint('before')\n", "complex numbers", 2},
    {"print(complex(1, 2))\n", "the type 'complex'", 1},
    {"print((-8) ** 0.5)\n", "complex numbers (a negative number raised to a fractional power)", 1},
    {"b = bytearray(b'ab')\n", "the type 'bytearray'", 1},
    {"print('start')\nm = memoryview(b'ab')\n", "memoryview()", 2},
    {"print(b'%d' % 5)\n", "bytes % formatting", 1},
    {"print('x'.encode('cp1252'))\n", "the encoding 'cp1252'", 1},
    {"print(list(zip([1], [2], strict=True)))\n", "zip(strict=True)", 1},
    // classes
    {"class L(list):\n    pass\n", "subclassing the builtin type 'list'", 1},
    {"class D(dict):\n    pass\n", "subclassing the builtin type 'dict'", 1},
    {"class I(int):\n    pass\n", "subclassing the builtin type 'int'", 1},
    {"class S(str):\n    pass\n", "subclassing the builtin type 'str'", 1},
    {"class M(type):\n    pass\n", "subclassing the builtin type 'type'", 1},
    {"x = list[int]\n", "generic aliases (list[int] and the like)", 1},
    {"class A:\n    pass\na = A()\na.__dict__ = {}\n", "assigning to __dict__", 4},
    // builtins outside the subset
    {"print(eval('1 + 2'))\n", "eval()", 1},
    {"exec('x = 1')\n", "exec()", 1},
    {"c = compile('1', 'f', 'eval')\n", "compile()", 1},
    {"breakpoint()\n", "breakpoint()", 1},
    {"help(len)\n", "help()", 1},
    {"f = open('data.txt')\n", "open() (files)", 1},
    // modules refscope does not model
    {"import os\n", "the module 'os'", 1},
    {"print('a')\nimport random\nprint(random.random())\n", "the module 'random'", 2},
    {"from collections import deque\n", "the module 'collections'", 1},
    {"import itertools\n", "the module 'itertools'", 1},
    {"from functools import reduce\n", "the module 'functools'", 1},
    {"import re\n", "the module 're'", 1},
    {"from dataclasses import dataclass\n", "the module 'dataclasses'", 1},
    {"import typing\n", "the module 'typing'", 1},
    {"try:\n    import numpy\nexcept ImportError:\n    numpy = None\n", "the module 'numpy'", 2},
    {"def f():\n    import json\n    return json\nprint('x')\nf()\n", "the module 'json'", 2},
    {"import weakref\nclass A:\n    pass\na = A()\np = weakref.proxy(a)\n", "weakref.proxy", 5},
};

}  // namespace

TEST_CASE("constructs outside the subset stop the run with their name and line", "[vm][unsupported]") {
    for (const Case& c : kCases) {
        INFO(c.source);
        auto r = run_python(c.source);
        CHECK(r.exit_status == 2);
        CHECK(r.unsupported == c.construct);
        CHECK(r.unsupported_line == c.line);
        CHECK(r.limit_reason.empty());
    }
}

TEST_CASE("output before an unsupported construct is kept", "[vm][unsupported]") {
    auto r = run_python("print('before')\nfor i in range(2):\n    print(i)\nimport random\nprint('after')\n");
    CHECK(r.exit_status == 2);
    CHECK(r.stdout_text == "before\n0\n1\n");
    CHECK(r.unsupported == "the module 'random'");
    CHECK(r.unsupported_line == 4);
}

TEST_CASE("an unsupported construct cannot be caught by the program", "[vm][unsupported]") {
    // CPython would run these; refscope must not take the except branch and carry on as if the
    // construct had failed in CPython's way.
    auto r = run_python("try:\n    x = eval('1')\nexcept Exception:\n    print('caught')\nprint('end')\n");
    CHECK(r.exit_status == 2);
    CHECK(r.stdout_text.empty());
    CHECK(r.unsupported == "eval()");
    r = run_python("try:\n    f = open('x')\nfinally:\n    print('finally')\n");
    CHECK(r.exit_status == 2);
    CHECK(r.stdout_text.empty());
}
