a = {}
b = {'x': 1, 'y': 2}
c = {1: 'a', 'b': 2}
k = 'z'
d = {k: 1, 'w': 2}
e = set()
f = {1, 2}
g = {k}
h = frozenset([1, 2])
i = {'a': 1, **b}
j = {1, 2, 3, k}
print(a, b, c, d, e, f, g, h, i, j)
