# Literals in the main file carry extra references (code constants, and in 3.11 the parse tree).
import sys

a = 12345678901
print("literal int bound to a:", sys.getrefcount(a))
b = int("12345678901")
print("computed int bound to b:", sys.getrefcount(b))
print("equal:", a == b, "same object:", a is b)
t = (1, 2, 3)
print("constant tuple bound to t:", sys.getrefcount(t))
u = tuple([1, 2, 3])
print("built tuple bound to u:", sys.getrefcount(u))
s = "hello world!"
print("literal str:", sys.getrefcount(s))
r = "hello " + "world!"[0:] + ""
print("runtime str:", sys.getrefcount(r))
f = 2.5
g = float("2.5")
print("literal float:", sys.getrefcount(f), "computed float:", sys.getrefcount(g))
