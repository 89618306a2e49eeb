f = lambda: 0
g = lambda x, y=2: x + y
h = lambda *a, **k: (a, k)
xs = sorted([3, 1, 2], key=lambda v: -v)
def make(n):
    return lambda x: x + n
print(f(), g(1), h(1, a=2), xs, make(1)(2))
