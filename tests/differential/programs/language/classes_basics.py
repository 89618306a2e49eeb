# Class attributes vs instance attributes, methods, __repr__/__str__, and dunder operators.
class Vector:
    dims = 2
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __repr__(self):
        return "Vector(%r, %r)" % (self.x, self.y)
    def __str__(self):
        return "(%s, %s)" % (self.x, self.y)
    def __add__(self, other):
        return Vector(self.x + other.x, self.y + other.y)
    def __mul__(self, k):
        return Vector(self.x * k, self.y * k)
    def __eq__(self, other):
        return isinstance(other, Vector) and (self.x, self.y) == (other.x, other.y)
    def __len__(self):
        return self.dims
    def __getitem__(self, i):
        return (self.x, self.y)[i]
    def __bool__(self):
        return bool(self.x or self.y)
    def __lt__(self, other):
        return (self.x ** 2 + self.y ** 2) < (other.x ** 2 + other.y ** 2)

v = Vector(1, 2)
w = Vector(3, -1)
print(v + w, repr(v * 3), str(v), [v, w])
print(v == Vector(1, 2), v != w, len(v), v[1], list(v))
print(bool(Vector(0, 0)), bool(v), sorted([w, v, Vector(0, 1)]))
print("format:", f"{v}", f"{v!r}", "%s and %r" % (v, v))
v.dims = 3
print(v.dims, w.dims, Vector.dims)
print(type(v).__name__, isinstance(v, Vector), type(v) is Vector)
print(getattr(v, "x"), getattr(v, "z", "missing"), hasattr(w, "dims"))
