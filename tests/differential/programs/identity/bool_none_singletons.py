# True, False and None are singletons: every expression producing them yields the same object.
print("bool(1) is True:", bool(1) is True)
print("(3 > 2) is True:", (3 > 2) is True)
print("not 1 is False:", (not 1) is False)
print("bool([]) is False:", bool([]) is False)

def nothing():
    pass

print("nothing() is None:", nothing() is None)
print("[].sort() is None:", [].sort() is None)
print("dict.get of a missing key is None:", {}.get("k") is None)
print("isinstance(True, int):", isinstance(True, int), True + True)
one = int("1")
print("True == 1:", True == one, "True is 1:", True is one)
print("hash(True) == hash(1):", hash(True) == hash(1))
print("{1: 'a', True: 'b'}:", {1: 'a', True: 'b'})
