# object() instances, default equality by identity, and str/repr fallbacks we can print safely.
a = object()
b = object()
print(a == a, a == b, a != b, a is a)
print(type(a).__name__, isinstance(a, object), isinstance(5, object))

class Plain:
    pass

p = Plain()
q = Plain()
print(p == q, p == p, len({p, q, p}))
print(repr(p).startswith("<__main__.Plain object at "), str(p) == repr(p))

class WithRepr:
    def __repr__(self):
        return "WithRepr()"

w = WithRepr()
print(str(w), repr(w), [w], f"{w}")

class WithStr:
    def __str__(self):
        return "a WithStr"

print(str(WithStr()), repr(WithStr()).startswith("<__main__.WithStr object"))
try:
    a.attr = 1
except AttributeError as e:
    print("AttributeError:", e)
