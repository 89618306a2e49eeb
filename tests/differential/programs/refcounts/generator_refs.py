# A suspended generator's frame keeps its locals and arguments alive.
import sys

def gen(obj):
    local = obj
    yield 1
    yield 2

a = []
print("start:", sys.getrefcount(a))
g = gen(a)
print("created, not started:", sys.getrefcount(a))
next(g)
print("suspended at first yield:", sys.getrefcount(a))
next(g)
print("suspended at second yield:", sys.getrefcount(a))
for _ in g:
    pass
print("exhausted:", sys.getrefcount(a))
g2 = gen(a)
next(g2)
print("second generator suspended:", sys.getrefcount(a))
del g2
print("deleted while suspended:", sys.getrefcount(a))
