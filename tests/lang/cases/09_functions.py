def f(a, b=2, *args, c, d=4, **kw):
    return a + b + c + d

def g():
    pass

def h(x):
    "docstring"
    return x * 2

def k(x, /, y):
    return x, y

print(f(1, c=3), g(), h(2), k(1, y=2))
