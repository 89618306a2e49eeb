# Loop variables and iterators: what holds references during a for loop.
import sys

for x in [[]]:
    print("for x in [[]]:", sys.getrefcount(x))

a = []
lst = [a]
for x in lst:
    print("for x in lst with a named:", sys.getrefcount(x))
print("after the loop, x still bound:", sys.getrefcount(a))
del x
print("after del x:", sys.getrefcount(a))

it = iter([a])
print("it = iter([a]):", sys.getrefcount(a))
nxt = next(it)
print("nxt = next(it):", sys.getrefcount(a))
del it
print("del it:", sys.getrefcount(a))
del nxt
print("del nxt:", sys.getrefcount(a))

def count_in_loop(items):
    out = []
    for item in items:
        out.append(sys.getrefcount(item))
    return out

print("inside a function:", count_in_loop([a, a]))
