a, b = 1, 2
a, b = b, a
a, b, c = 1, 2, 3
x, *rest = [1, 2, 3]
*init, last = [1, 2, 3]
first, *mid, end = range(5)
[p, q] = (1, 2)
(m, (n, o)) = (1, (2, 3))
l = [*rest, *init]
t = (*rest, 1)
s = {*rest, 2}
d = {**{'a': 1}, 'b': 2}
i = j = k = 0
def f():
    a, b = 1, 2
    a, b = b, a
    a, b, c = c, b, a
    return a, b
print(a, b, x, rest, init, last, mid, p, q, m, n, o, l, t, s, d)
