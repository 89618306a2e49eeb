# Equal constants in one compiled file are one object, even across functions (3.11).
a = 270
b = 270
print("a is b (same unit):", a is b)

def f():
    return 270

print("module 270 is function 270:", f() is a)
c = 269 + int("1")
print("computed 270 is constant 270:", c is a, c == a)
t1 = (1, 2)
t2 = (1, 2)
print("(1, 2) is (1, 2):", t1 is t2)
t3 = tuple([1, 2])
print("tuple([1, 2]) is (1, 2):", t3 is t1)
s1 = "hello world"
s2 = "hello world"
print("'hello world' twice:", s1 is s2)
fl1 = 3.25
fl2 = 3.25
print("3.25 twice:", fl1 is fl2)
