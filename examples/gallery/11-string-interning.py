# title: String interning: "batuhan" vs "b@tuhan"
# about: The compiler interns string constants that look like identifiers: "batuhan" is put in
# about: the interpreter's table of interned strings, "b@tuhan" is not. Strings built at run time
# about: are never interned by themselves, so they are distinct objects even when equal.
# about: sys.intern(s) returns the interned copy: the constant itself for "batuhan", but for
# about: "b@tuhan" it interns the new string, which is not the constant. "batu" + "han" is
# about: folded by the compiler into the interned constant.
# pause: 17 | a equals the constant "batuhan" but is a different object.
import sys

def build(parts):
    return "".join(parts)

plain = "batuhan"
odd = "b@tuhan"
a = build(["bat", "uhan"])
print(a == plain, a is plain)
print(sys.intern(a) is plain)
c = build(["b@t", "uhan"])
print(c == odd, c is odd)
print(sys.intern(c) is odd)
folded = "batu" + "han"
print(folded is plain)
