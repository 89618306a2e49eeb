# Reference counts of function locals and parameters (3.11: no extra caller stack slot).
import sys

def local_only():
    c = []
    return sys.getrefcount(c)

def param(x):
    return sys.getrefcount(x)

def param_and_alias(x):
    y = x
    return sys.getrefcount(x)

def twice(x, y):
    return sys.getrefcount(x)

a = []
print("local c = []:", local_only())
print("global a:", sys.getrefcount(a))
print("f(a):", param(a))
print("y = x inside:", param_and_alias(a))
print("g(a, a):", twice(a, a))
print("g(a, []):", twice(a, []))
print("f([]):", param([]))
print("back at module level:", sys.getrefcount(a))
