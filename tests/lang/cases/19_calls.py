def f(*a, **k):
    return a, k
args = [1, 2]
kw = {'x': 1}
f()
f(1, 2)
f(1, x=2)
f(1, x=2, y=3)
f(*args)
f(1, *args)
f(*args, **kw)
f(**kw)
f(x=1, **kw)
f(1, *args, 2, z=3, **kw)
"abc".upper()
[1].append(2)
print(f(a=1, b=2))
