# title: The small-int cache: 200 is 200, 270 is not 270
# about: CPython creates the ints from -5 to 256 once and reuses them: every 200 computed at run
# about: time is the same object. 270 is outside the cache, so two computations give two
# about: distinct objects with equal values. (Literals in one compiled unit may still share
# about: one constant, which is why the values here are computed.)
# pause: 13 | x and y are the same cached object.
# pause: 16 | p and q are two objects with equal values.
def make(n):
    return n + 0

x = make(200)
y = make(200)
print(x == y, x is y)
p = make(270)
q = make(270)
print(p == q, p is q)
