# Identifier-like string literals are interned; run-time strings are not unless sys.intern is used.
import sys

a = "hello"
b = "".join(["hel", "lo"])
print("== :", a == b, " is:", a is b)
c = sys.intern(b)
print("sys.intern(b) is 'hello':", c is a)
d = "hello world"
e = " ".join(["hello", "world"])
print("'hello world' vs joined:", d == e, d is e)
f = sys.intern(e)
g = sys.intern(" ".join(["hello", "world"]))
print("two interned copies of 'hello world':", f is g)
h = "a" * 20
n = int("20")
i = "a" * n
print("'a' * 20 folded vs run-time:", h is i)
print("interned run-time copy:", sys.intern(i) is h)
empty = ""
print("str() is '':", str() is empty)
print("''.join([]) is '':", "".join([]) is empty)
