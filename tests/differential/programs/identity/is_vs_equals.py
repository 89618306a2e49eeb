# `is` compares identity, `==` compares value; aliasing makes both true.
a = [1, 2, 3]
b = a
c = [1, 2, 3]
print("a == b:", a == b, "a is b:", a is b)
print("a == c:", a == c, "a is c:", a is c)
c.append(4)
print("after c.append:", a == c)
b.append(4)
print("after b.append (a changed too):", a, a == c)
print("None is None:", None is None)
x = None
print("x is None:", x is None, "x is not None:", x is not None)
print("True is (1 == 1):", True is (1 == 1))
print("[] is []:", [] is [])
print("id equality matches is:", (id(a) == id(b)) == (a is b))
print("copies are distinct:", a[:] is a, list(a) is a, a.copy() == a)
