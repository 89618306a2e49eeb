# title: Variables are references
# about: Assignment never copies an object: it binds a name to one. After `a = b = c = 10`
# about: three names refer to the same int object, so `is` says True. `del c` removes a name,
# about: not the object; the int 10 is one of CPython's cached small ints and lives forever.
# pause: 8 | a, b and c are three arrows to one object: its reference count counts all three.
# pause: 10 | del removed the name c; the object is still held by a and b.
a = b = c = 10
print(a is b, b is c)
del c
print(a, b)
print("c" in globals())
