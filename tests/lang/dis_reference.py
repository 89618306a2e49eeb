"""tests/lang/dis_reference.py — CPython's side of the bytecode comparison.

Prints, for every code object of FILE (the module first, then nested code objects depth-first
in co_consts order), the normalized listing that `refscope dis FILE` prints for refscope's
compiler, so that the two outputs can be compared line for line:

    code <module> (qualname <module>, firstlineno 1, argcount 0, posonly 0, kwonly 0, flags 0x0,
                   consts [None, 1, 'a'], names ['print'], localsplus [])      <- one line
      1 RESUME 0
      1 LOAD_CONST 1 (1)
      - RERAISE 1                       <- '-' where the instruction has no line number
                                           (None, or the module RESUME's line 0)
      exception table: 4 to 10 -> 12 [1] lasti

Normalization: CACHE and EXTENDED_ARG entries are dropped and instructions are numbered
0, 1, 2, ... in what remains; jump arguments and exception-table offsets are converted to
those indices (an exception range is `start to end`, end exclusive). Constants print with
repr, except code objects (`<code NAME>`) and frozensets, whose items print sorted (their
iteration order is a matter of hashing, which the VM decides). localsplus lists
co_varnames, then the cell variables that are not parameters, then co_freevars (CPython
3.11's co_localsplusnames order), each name tagged with its kind when it is not a plain local.

Usage: python3 tests/lang/dis_reference.py FILE.py
"""
import dis
import sys
import types

NAME_OPS = {"LOAD_NAME", "STORE_NAME", "DELETE_NAME", "LOAD_ATTR", "STORE_ATTR", "DELETE_ATTR",
            "STORE_GLOBAL", "DELETE_GLOBAL", "IMPORT_NAME", "IMPORT_FROM", "LOAD_METHOD"}
LOCAL_OPS = {"LOAD_FAST", "STORE_FAST", "DELETE_FAST", "LOAD_DEREF", "STORE_DEREF",
             "DELETE_DEREF", "LOAD_CLOSURE", "MAKE_CELL", "LOAD_CLASSDEREF"}


def const_repr(value):
    if isinstance(value, types.CodeType):
        return f"<code {value.co_name}>"
    if isinstance(value, frozenset):
        if not value:
            return "frozenset()"
        return "frozenset({" + ", ".join(sorted(const_repr(v) for v in value)) + "})"
    if isinstance(value, tuple):
        inner = ", ".join(const_repr(v) for v in value)
        return "(" + inner + ("," if len(value) == 1 else "") + ")"
    return repr(value)


def localsplus(code):
    out = []
    for name in code.co_varnames:
        out.append(name + ":cell" if name in code.co_cellvars else name)
    for name in code.co_cellvars:
        if name not in code.co_varnames:
            out.append(name + ":cell")
    for name in code.co_freevars:
        out.append(name + ":free")
    return out


def listing(code):
    local_names = list(code.co_varnames) + [c for c in code.co_cellvars
                                            if c not in code.co_varnames] + list(code.co_freevars)
    instrs = [i for i in dis.get_instructions(code, show_caches=False)
              if i.opname not in ("CACHE", "EXTENDED_ARG")]

    # an EXTENDED_ARG prefix belongs to the instruction after it, so offsets round up
    def index_at_or_after(offset):
        for n, ins in enumerate(instrs):
            if ins.offset >= offset:
                return n
        return len(instrs)

    head = (f"code {code.co_name} (qualname {code.co_qualname}, firstlineno {code.co_firstlineno}, "
            f"argcount {code.co_argcount}, posonly {code.co_posonlyargcount}, "
            f"kwonly {code.co_kwonlyargcount}, flags 0x{code.co_flags:x}, "
            f"consts [{', '.join(const_repr(c) for c in code.co_consts)}], "
            f"names [{', '.join(repr(n) for n in code.co_names)}], "
            f"localsplus [{', '.join(localsplus(code))}])")
    lines = [head]
    for ins in instrs:
        line = ins.positions.lineno
        # refscope's Instr.line 0 means "no line"; CPython gives the module's RESUME line 0
        text = f"  {'-' if not line else line} {ins.opname}"
        if ins.opcode >= dis.HAVE_ARGUMENT:
            if ins.opcode in dis.hasjrel or ins.opcode in dis.hasjabs:
                text += f" {index_at_or_after(ins.argval)}"
            else:
                text += f" {ins.arg}"
                if ins.opname in ("LOAD_CONST", "KW_NAMES"):
                    text += f" ({const_repr(code.co_consts[ins.arg])})"
                elif ins.opname in NAME_OPS:
                    text += f" ({code.co_names[ins.arg]})"
                elif ins.opname == "LOAD_GLOBAL":
                    text += f" ({'NULL + ' if ins.arg & 1 else ''}{code.co_names[ins.arg >> 1]})"
                elif ins.opname in LOCAL_OPS:
                    text += f" ({local_names[ins.arg]})"
        lines.append(text)
    for entry in dis._parse_exception_table(code):
        text = (f"  exception table: {index_at_or_after(entry.start)} to "
                f"{index_at_or_after(entry.end)} -> {index_at_or_after(entry.target)} [{entry.depth}]")
        if entry.lasti:
            text += " lasti"
        lines.append(text)
    return lines


def walk(code, out):
    out.extend(listing(code))
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            walk(const, out)


def main():
    if len(sys.argv) != 2:
        print("usage: python3 tests/lang/dis_reference.py FILE.py", file=sys.stderr)
        return 2
    path = sys.argv[1]
    with open(path, encoding="utf-8") as f:
        source = f.read()
    code = compile(source, path, "exec")
    out = []
    walk(code, out)
    print("\n".join(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
