xs = list(range(10))
a = xs[1]
b = xs[1:3]
c = xs[::2]
d = xs[1:8:3]
e = xs[:]
f = xs[-1]
xs[0] = 5
xs[1:3] = [7, 8]
del xs[0]
del xs[1:2]
g = xs[1:2, 3]
print(a, b, c, d, e, f)
