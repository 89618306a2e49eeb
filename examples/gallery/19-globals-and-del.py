# title: Names live in a dictionary
# about: Module-level names are keys of the module's namespace, which globals() returns and
# about: dir() lists. del removes the key; the object goes away only if nothing else refers
# about: to it.
# pause: 11 | x and y are keys of the module's namespace.
# pause: 12 | del x removed the key.
x = 1
y = [1, 2]
print([n for n in dir() if not n.startswith("__")])
print(globals()["y"] is y)
del x
print([n for n in dir() if not n.startswith("__")])
print("x" in globals())
